"""Layer 1: the clerk's content — YAML files read with positions into a typed, validated Site."""
