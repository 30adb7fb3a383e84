"""`python -m generator …` is the same as `oit …`."""

from generator.cli import entry

entry()
