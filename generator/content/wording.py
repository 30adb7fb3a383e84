"""Pydantic's validation errors, turned into problems a clerk can act on.

`check_model` validates a loaded file against its model and walks each error's location back to
the YAML line it came from; the wording is Thai with the English beside it, keyed by error type,
apart from the validators. Rules that need the whole site live in `generator/checks/`.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.content import messages as msg
from generator.content.yamlload import Loaded
from generator.problems import MESSAGES, Message, Problem, Problems

M = TypeVar("M", bound=BaseModel)


def did_you_mean(word: str, choices: Iterable[str], *, show_all: int = 0) -> str:
    choices = sorted({str(c) for c in choices})
    close = difflib.get_close_matches(str(word), choices, n=3, cutoff=0.6)
    if close:
        alts = " หรือ ".join(f"'{c}'" for c in close)
        en = " or ".join(f"'{c}'" for c in close)
        return f"หมายถึง {alts} หรือไม่? (did you mean {en}?)"
    if show_all and choices and len(choices) <= show_all:
        listed = ", ".join(choices)
        return f"ใช้ได้: {listed} (allowed: {listed})"
    return ""


# ---------------------------------------------------------------- locating pydantic errors


def _data_path(data: Any, loc: tuple) -> tuple[tuple, list]:
    """Match an error location against the data; returns (data path, the model-field path).

    Pydantic inserts union member names and validator tags into `loc`; those are skipped
    because they do not exist in the data.
    """
    path: list = []
    fields: list = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and isinstance(part, str) and part in node) or (
                isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            path.append(part)
            fields.append(part)
            node = node[part]  # type: ignore[index]  # checked just above for either kind
        elif isinstance(part, str) and not _looks_like_tag(part):
            fields.append(part)  # a key that is missing from the data
    return tuple(path), fields


def _looks_like_tag(part: str) -> bool:
    return "[" in part or part in {"str", "int", "float", "bool", "list", "dict", "date", "none"}


def _unwrap(ann: Any) -> list[type[BaseModel]]:
    """Model classes reachable from an annotation (through Optional, list, dict, Annotated)."""
    origin = typing.get_origin(ann)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(ann)[0])
    if origin in (list, tuple, set, Union, types.UnionType):
        return [m for a in typing.get_args(ann) for m in _unwrap(a)]
    if origin is dict:
        return _unwrap(typing.get_args(ann)[1])
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return [ann]
    return []


def _model_at(cls: type[BaseModel], fields: list) -> type[BaseModel] | None:
    current: type[BaseModel] | None = cls
    for part in fields:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        f = current.model_fields.get(part) or next(
            (v for v in current.model_fields.values() if v.alias == part), None
        )
        if f is None:
            # dict[str, Model]: the key is data, the value is the model
            continue
        found = _unwrap(f.annotation)
        current = found[0] if found else None
    return current


def _field_names(cls: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in cls.model_fields.items()]


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "กลุ่มข้อมูล (mapping)"
    if isinstance(value, list):
        return "รายการ (list)"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def check_model(cls: type[M], loaded: Loaded, problems: Problems, prefix: tuple = ()) -> M | None:
    """Validate the data at `prefix` in a loaded file against `cls`; problems go to YAML lines."""
    data = loaded.data
    for part in prefix:
        data = data[part]
    try:
        return cls.model_validate(data if data is not None else {})
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        for err in errors:
            if not _explained_by_typo(err, errors):
                _report(cls, loaded, data, prefix, err, problems)
        return None


def _explained_by_typo(err: ErrorDetails, errors: list[ErrorDetails]) -> bool:
    """A missing key next to a misspelt one ('positon') is one mistake, reported once."""
    if err["type"] != "missing":
        return False
    parent, name = tuple(err["loc"][:-1]), err["loc"][-1]
    for other in errors:
        if (other["type"] == "extra_forbidden" and tuple(other["loc"][:-1]) == parent
                and difflib.get_close_matches(str(other["loc"][-1]), [str(name)], n=1, cutoff=0.6)):
            return True
    return False


def _report(cls: type[BaseModel], loaded: Loaded, data: Any, prefix: tuple, err: ErrorDetails,
            problems: Problems) -> None:
    path, fields = _data_path(data, tuple(err["loc"]))
    path = prefix + path
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    name = fields[-1] if fields and isinstance(fields[-1], str) else ""
    if kind == "extra_forbidden":
        line, col = loaded.pos(path, key=True)
        owner = _model_at(cls, fields[:-1])
        allowed = _field_names(owner) if owner else []
        problems.report(loaded.file, line, col, msg.UNKNOWN_KEY, hint=did_you_mean(name, allowed, show_all=14) or None, name=name)
        return
    if kind == "oit" and ctx.get("at"):
        path = path + tuple(ctx["at"])  # a rule across fields names the value to fix
    line, col = loaded.pos(path)
    if kind == "missing":
        owner = _model_at(cls, fields[:-1])
        desc = owner.model_fields[name].description if owner and name in owner.model_fields else None
        hint = f"เพิ่ม {name}: ({desc}) (add '{name}:')" if desc else None
        problems.report(loaded.file, line, col, msg.MISSING_KEY, hint=hint, name=name)
        return
    if kind == "oit":  # our own validators: the message is already worded (scalars.fail)
        message = MESSAGES[ctx["code"]]
        problems.add(Problem(loaded.file, line, col, message.severity, ctx["th"], ctx["en"], ctx["hint"], message.code))
        return
    message, values, hint = _wording(kind, ctx, value, err["msg"])
    problems.report(loaded.file, line, col, message, hint=hint, where=f"'{name}': " if name else "", **values)


_NUMBER_KINDS = {"int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"}


def _wording(kind: str, ctx: dict, value: Any, detail: str) -> tuple[Message, dict[str, object], str | None]:
    """The message for one kind of pydantic error, its values, and a hint that replaces its own."""
    shown = _describe(value)
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
        return msg.NOT_IN_CHOICES, {"shown": shown, "expected": expected}, did_you_mean(str(value), options) or None
    if kind in _NUMBER_KINDS:
        return msg.NOT_NUMBER, {"shown": shown}, None
    if kind in {"string_type", "string_too_short"}:
        return msg.NOT_TEXT, {"shown": shown}, None
    if kind == "too_short":
        return msg.EMPTY_LIST, {}, None
    if kind == "list_type":
        return msg.NOT_LIST, {"shown": shown}, None
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return msg.NOT_MAPPING, {"shown": shown}, None
    if kind in {"bool_type", "bool_parsing"}:
        return msg.NOT_BOOLEAN, {"shown": shown}, None
    if kind in {"greater_than_equal", "greater_than"}:
        return msg.TOO_SMALL, {"shown": shown, "limit": ctx.get("ge", ctx.get("gt"))}, None
    if kind in {"less_than_equal", "less_than"}:
        return msg.TOO_LARGE_VALUE, {"shown": shown, "limit": ctx.get("le", ctx.get("lt"))}, None
    if kind == "string_pattern_mismatch":
        return msg.BAD_PATTERN, {"shown": shown, "pattern": ctx.get("pattern", "")}, None
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return msg.BAD_DATE_VALUE, {"shown": shown}, None
    return msg.BAD_VALUE, {"shown": shown, "detail": detail}, None
