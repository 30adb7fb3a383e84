"""Every value inside a validated model, with the path a clerk's YAML would use to reach it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from pydantic import BaseModel

_LEAVES = (str, int, float, bool, date, type(None))  # exact types: nothing inside them to visit
_FIELDS: dict[type, list[tuple[str, str]]] = {}  # model class → (attribute, key in YAML)


def _fields(kind: type[BaseModel]) -> list[tuple[str, str]]:
    if kind not in _FIELDS:
        _FIELDS[kind] = [(name, f.alias or name) for name, f in kind.model_fields.items()]
    return _FIELDS[kind]


def walk(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every value inside a validated model, with its data path (aliases as in YAML), parents
    before their children and in field order. A model's unset (None) fields are left out.
    A stack, not recursion: a topic holds a hundred thousand values, and a generator per level
    passed each of them up through every level above it."""
    stack = [(path, obj)]
    while stack:
        path, obj = stack.pop()
        yield path, obj
        kind = type(obj)
        if kind in _LEAVES:
            continue
        if isinstance(obj, BaseModel):
            children = [(path + (key,), value) for name, key in _fields(kind)
                        if (value := getattr(obj, name)) is not None]
        elif isinstance(obj, list):
            children = [(path + (i,), v) for i, v in enumerate(obj)]
        elif isinstance(obj, dict):
            children = [(path + (k,), v) for k, v in obj.items()]
        else:
            continue
        children.reverse()
        stack.extend(children)
