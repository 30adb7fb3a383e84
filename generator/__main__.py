"""`python -m generator …` is the same as `oit …`."""

from .cli import entry

entry()
