"""Pydantic's validation errors, turned into problems a clerk can act on.

`check_model` validates a loaded file against its model and walks each error's location back to
the YAML line it came from; the wording is Thai with the English beside it, keyed by error type,
apart from the validators. Rules that need the whole site live in `generator/checks/`.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Iterable, Union

from pydantic import BaseModel, ValidationError

from generator.problems import Problems
from generator.content.yamlload import Loaded


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
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            fields.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            fields.append(part)
            node = node[part]
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


def check_model(cls: type[BaseModel], loaded: Loaded, problems: Problems, prefix: tuple = ()):
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


def _explained_by_typo(err: dict, errors: list[dict]) -> bool:
    """A missing key next to a misspelt one ('positon') is one mistake, reported once."""
    if err["type"] != "missing":
        return False
    parent, name = tuple(err["loc"][:-1]), err["loc"][-1]
    for other in errors:
        if other["type"] == "extra_forbidden" and tuple(other["loc"][:-1]) == parent:
            if difflib.get_close_matches(str(other["loc"][-1]), [str(name)], n=1, cutoff=0.6):
                return True
    return False


def _report(cls, loaded: Loaded, data: Any, prefix: tuple, err: dict, problems: Problems) -> None:
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
        problems.error(
            loaded.file, line, col,
            f"ไม่รู้จักคีย์ '{name}'", f"unknown key '{name}'",
            did_you_mean(name, allowed, show_all=14) or "ลบคีย์นี้ หรือตรวจตัวสะกด (remove it or check the spelling)",
        )
        return
    if kind == "oit" and ctx.get("at"):
        path = path + tuple(ctx["at"])  # a rule across fields names the value to fix
    line, col = loaded.pos(path)
    if kind == "missing":
        owner = _model_at(cls, fields[:-1])
        desc = ""
        if owner and name in owner.model_fields and owner.model_fields[name].description:
            desc = owner.model_fields[name].description
        problems.error(
            loaded.file, line, col,
            f"ขาดข้อมูลที่จำเป็น '{name}'", f"required key '{name}' is missing",
            f"เพิ่ม {name}: " + (f"({desc})" if desc else "") + f" (add '{name}:')",
        )
        return
    if kind == "oit":
        problems.error(loaded.file, line, col, ctx.get("th", err["msg"]), ctx.get("en", err["msg"]), ctx.get("hint", ""))
        return
    th, en, hint = _wording(kind, ctx, value, err["msg"])
    where = f"'{name}': " if name else ""
    problems.error(loaded.file, line, col, where + th, where + en, hint)


def _wording(kind: str, ctx: dict, value: Any, msg: str) -> tuple[str, str, str]:
    shown = _describe(value)
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
        return (
            f"ค่า {shown} ไม่อยู่ในตัวเลือกที่ใช้ได้",
            f"{shown} is not one of the allowed values",
            did_you_mean(str(value), options) or f"ใช้ได้: {expected} (allowed: {expected})",
        )
    if kind in {"int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"}:
        return (f"ต้องเป็นตัวเลข แต่พบ {shown}", f"must be a number, got {shown}",
                "เขียนเฉพาะตัวเลข เช่น 86.75 (ตัวเลขไทยก็ได้)")
    if kind in {"string_type", "string_too_short"}:
        return (f"ต้องเป็นข้อความ แต่พบ {shown}", f"must be text, got {shown}", "")
    if kind in {"list_type", "too_short"}:
        if kind == "too_short":
            return ("ต้องมีอย่างน้อยหนึ่งรายการ", "needs at least one entry", "")
        return (f"ต้องเป็นรายการ แต่พบ {shown}", f"must be a list, got {shown}",
                "เขียนแต่ละรายการในบรรทัดใหม่ ขึ้นต้นด้วย '- ' (one entry per line, starting with '- ')")
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return (f"ต้องเป็นกลุ่มข้อมูลแบบ คีย์: ค่า แต่พบ {shown}", f"must be a mapping of key: value, got {shown}",
                "ย่อหน้าคีย์ย่อยใต้หัวข้อนี้ (indent the sub-keys under this key)")
    if kind in {"bool_type", "bool_parsing"}:
        return (f"ต้องเป็น true หรือ false แต่พบ {shown}", f"must be true or false, got {shown}", "")
    if kind in {"greater_than_equal", "greater_than"}:
        return (f"ค่า {shown} ต้องไม่น้อยกว่า {ctx.get('ge', ctx.get('gt'))}",
                f"{shown} must be at least {ctx.get('ge', ctx.get('gt'))}", "")
    if kind in {"less_than_equal", "less_than"}:
        return (f"ค่า {shown} ต้องไม่เกิน {ctx.get('le', ctx.get('lt'))}",
                f"{shown} must be at most {ctx.get('le', ctx.get('lt'))}", "")
    if kind == "string_pattern_mismatch":
        return (f"รูปแบบของ {shown} ไม่ถูกต้อง", f"{shown} does not match the expected pattern {ctx.get('pattern', '')}", "")
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return (f"อ่านวันที่ {shown} ไม่ได้", f"cannot read the date {shown}", "เขียนเป็น 2568-10-01 หรือ 1 ต.ค. 2568")
    return (f"ค่า {shown} ไม่ถูกต้อง", msg, "")
