"""Layer 2: judgements on a loaded Site — rules across files, personal data, readiness."""
