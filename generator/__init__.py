"""Generator of Thai LAO OIT disclosure websites from structured content (see README.md)."""

__version__ = "0.1.0"
