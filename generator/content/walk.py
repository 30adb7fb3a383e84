"""Every value inside a validated model, with the path a clerk's YAML would use to reach it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel


def walk(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every value inside a validated model, with its data path (aliases as in YAML)."""
    yield path, obj
    if isinstance(obj, BaseModel):
        for name, f in type(obj).model_fields.items():
            value = getattr(obj, name)
            if value is None:
                continue
            yield from walk(value, path + (f.alias or name,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, path + (i,))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, path + (k,))
