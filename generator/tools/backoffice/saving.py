"""Writing a form back into its YAML file without losing what the clerk (or `oit new`) wrote.

The file is changed one top-level key at a time. A key whose value the form left as it was keeps
its lines byte for byte; a changed key is re-written from a round-trip parse of its own lines
(ruamel.yaml), so comments and key order inside it survive; the lines between keys (the
scaffold's guidance and examples) are never touched. A value the clerk did not change is kept
as written even when the form shows it differently (`1 ต.ค. 2568` stays, although the date
picker showed 2025-10-01): two values are the same when the model reads them the same.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from generator.publish.admin.forms import FormField, normalised


class Unreadable(ValueError):
    """The file on disk is not YAML the back office can merge into (a clerk must fix it first)."""


def _yaml(mapping: int = 2, sequence: int = 4, offset: int = 2) -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096  # never fold a long Thai line
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    y.representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return y


_NESTED_KEY = re.compile(r"^( +)[^\s#\-][^:]*:(\s|$)")


def _yaml_like(text: str) -> YAML:
    """A dumper indenting as the file already does ('  - item' or '- item'), so a save does not
    re-indent what it did not change."""
    try:
        _, seq, offset = load_yaml_guess_indent(text)
    except Exception as exc:
        raise Unreadable(str(exc)) from None
    widths = [len(m.group(1)) for m in map(_NESTED_KEY.match, text.splitlines()) if m]
    mapping = min(widths) if widths else 2
    if seq is None or offset is None or offset >= seq:
        seq, offset = mapping + 2, 2
    return _yaml(mapping, seq, offset)


def empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


# ------------------------------------------------------------------ values


def _plain(value: Any) -> Any:
    """A ruamel node as plain Python, for comparing with what the form sent."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _same_leaf(ff: FormField, old: Any, new: Any) -> bool:
    ok_old, a = normalised(ff, _plain(old))
    ok_new, b = normalised(ff, new)
    if ok_old and ok_new:
        return a == b
    return _plain(old) == new


def _same_object(ff: FormField, old: Any, new: Any) -> bool:
    """Two values of a model field are the same when the model reads them the same."""
    if ff.model is None:
        return _plain(old) == new
    try:
        if ff.many:
            olds = old if isinstance(old, list) else [old]
            news = new if isinstance(new, list) else [new]
            return len(olds) == len(news) and all(
                ff.model.model_validate(_plain(a)) == ff.model.model_validate(b) for a, b in zip(olds, news, strict=True))
        if ff.kind == "object_map":
            if set(old) != set(new):
                return False
            return all(ff.model.model_validate(_plain(old[k])) == ff.model.model_validate(new[k]) for k in old)
        return ff.model.model_validate(_plain(old)) == ff.model.model_validate(new)
    except (ValidationError, TypeError, AttributeError):
        return _plain(old) == new


def same(ff: FormField, old: Any, new: Any) -> bool:
    if empty(old) and empty(new):
        return True
    if ff.truncated:
        return _plain(old) == new
    if ff.is_object:
        return _same_object(ff, old, new)
    if ff.many:
        olds = old if isinstance(old, list) else [old]
        news = new if isinstance(new, list) else [new]
        return len(olds) == len(news) and all(_same_leaf(ff, a, b) for a, b in zip(olds, news, strict=True))
    return _same_leaf(ff, old, new)


def _text(value: str) -> Any:
    value = value.replace("\r\n", "\n").strip()
    if "\n" in value:
        # a block scalar cannot end a line with spaces; keep the clerk's lines readable as `|`
        return LiteralScalarString("\n".join(line.rstrip() for line in value.split("\n")) + "\n")
    return value


def _leaf_value(ff: FormField, value: Any) -> Any:
    """A form value as it is written into YAML: numbers as numbers, dates as dates."""
    if isinstance(value, str) and ff.kind in ("text", "markdown", "plain", "steps", "month", "url", "file",
                                                "image", "id", "measure_ref", "branch"):
        return _text(value)
    ok, v = normalised(ff, value)
    if ok and ff.kind in ("number", "count", "score", "year", "indicator", "issue", "select", "bool"):
        if isinstance(v, float) and v.is_integer() and ff.kind in ("count", "year", "indicator", "issue"):
            v = int(v)
        return v
    if ok and ff.kind == "date" and isinstance(v, dt.date):
        return v
    return value


def _new_node(ff: FormField, value: Any) -> Any:
    """A value the file did not have, built from the form."""
    if ff.truncated:
        return value
    if ff.is_object:
        if ff.many:
            return CommentedSeq([_new_map(ff.children, v) if isinstance(v, dict) else v
                                 for v in (value if isinstance(value, list) else [value])])
        if ff.kind == "object_map":
            by_key = {c.name: c for c in ff.children}
            out = CommentedMap()
            for k, v in value.items():
                if not empty(v):
                    out[k] = _new_map(by_key[k].children, v) if k in by_key and isinstance(v, dict) else v
            return out
        return _new_map(ff.children, value) if isinstance(value, dict) else value
    if ff.many:
        items = value if isinstance(value, list) else [value]
        return CommentedSeq([_leaf_value(ff, v) for v in items if not empty(v)])
    return _leaf_value(ff, value)


def _is_default(ff: FormField, value: Any) -> bool:
    """A value the model would assume anyway (false, "main"): not written into a new key."""
    return ff.default is not None and not ff.is_object and same(ff, ff.default, value)


def _new_map(fields: list[FormField], data: dict) -> CommentedMap:
    out = CommentedMap()
    known = {f.name for f in fields}
    for ff in fields:
        if ff.name in data and not empty(data[ff.name]) and not _is_default(ff, data[ff.name]):
            out[ff.name] = _new_node(ff, data[ff.name])
    for k, v in data.items():  # keys the form does not know: kept, and the check reports them
        if k not in known and not empty(v):
            out[k] = v
    return out


def merge_value(ff: FormField, old: Any, new: Any) -> Any:
    """`old` (a ruamel node) updated to the form's `new` value, keeping what did not change."""
    if old is not None and same(ff, old, new):
        return old
    if ff.truncated:
        return new
    if ff.is_object and ff.many and isinstance(old, CommentedSeq) and isinstance(new, list):
        for i, item in enumerate(new):
            if i < len(old):
                old[i] = merge_map(ff.children, old[i], item) if isinstance(item, dict) else item
            else:
                old.append(_new_node(_one(ff), item))
        del old[len(new):]
        return old
    if ff.kind == "object_map" and isinstance(old, CommentedMap) and isinstance(new, dict):
        by_key = {c.name: c for c in ff.children}
        for k in [k for k in old if k in by_key and empty(new.get(k))]:
            del old[k]
        for k, v in new.items():
            if empty(v):
                continue
            child = by_key.get(k)
            if child is None:
                old[k] = v
            else:
                old[k] = merge_map(child.children, old.get(k), v) if isinstance(v, dict) else v
        return old
    if ff.is_object and not ff.many and isinstance(new, dict):
        return merge_map(ff.children, old, new)
    if ff.many and isinstance(old, CommentedSeq) and isinstance(new, list):
        items = [v for v in new if not empty(v)]
        for i, item in enumerate(items):
            if i < len(old):
                if not _same_leaf(ff, old[i], item):
                    old[i] = _leaf_value(ff, item)
            else:
                old.append(_leaf_value(ff, item))
        del old[len(items):]
        return old
    return _new_node(ff, new)


def _one(ff: FormField) -> FormField:
    """The field of one list item."""
    return dataclasses.replace(ff, many=False)


def merge_map(fields: list[FormField], old: Any, new: dict) -> CommentedMap:
    """A mapping updated from the form: changed keys set in place, new keys inserted in the
    model's order, cleared keys removed, keys the form does not know left alone."""
    if not isinstance(old, CommentedMap):
        return _new_map(fields, new)
    order = [f.name for f in fields]
    for ff in fields:
        name = ff.name
        if name not in new or empty(new[name]) or (name not in old and _is_default(ff, new[name])):
            if name in new and name in old and not empty(old[name]) and empty(new[name]):
                del old[name]  # cleared in the form
            continue
        if name in old:
            old[name] = merge_value(ff, old[name], new[name])
            continue
        value = _new_node(ff, new[name])
        before = [k for k in order[: order.index(name)] if k in old]
        pos = list(old).index(before[-1]) + 1 if before else 0
        old.insert(pos, name, value)
    known = set(order)
    for k, v in new.items():
        if k not in known and k not in old and not empty(v):
            old[k] = v
    if len(old) and old.fa.flow_style():
        old.fa.set_block_style()
    return old


# ------------------------------------------------------------------ the file


_KEY_COL0 = re.compile(r"^[^\s#\-]")


def _blocks(text: str, y: YAML) -> tuple[list[str], list[tuple[str, int, int]], Any]:
    """Lines, [(top-level key, first line, end line)], data. A block ends before the comment
    and blank lines, at column 0, that lead up to the next key: those belong to the next key."""
    data = y.load(text)
    lines = text.splitlines(keepends=True)
    if not isinstance(data, CommentedMap) or not len(data) or data.fa.flow_style():
        return lines, [], data
    starts = [(k, data.lc.key(k)[0]) for k in data]
    out = []
    for i, (key, start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(lines)
        while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        out.append((key, start, end))
    return lines, out, data


def _dump(y: YAML, key: Any, value: Any) -> str:
    doc = CommentedMap()
    doc[key] = value
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def _header(lines: list[str]) -> str:
    """The comment lines (and blanks) before the first value of a file."""
    out = []
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#") and line.strip() != "---":
            break
        out.append(line)
    return "".join(out)


def merge_text(old_text: str | None, fields: list[FormField], new: dict) -> str:
    """The file's new text: `old_text` (None: the file does not exist yet) with the form's data."""
    if old_text is None or not old_text.strip() or _only_comments(old_text):
        y = _yaml()
        return (old_text or "") + _dump_all(y, _new_map(fields, new))
    y = _yaml_like(old_text)
    try:
        lines, blocks, data = _blocks(old_text, y)
    except Exception as exc:
        raise Unreadable(str(exc)) from None
    if data is None or (isinstance(data, CommentedMap) and (not len(data) or data.fa.flow_style()) and not blocks):
        if data not in (None, {}) and not (isinstance(data, CommentedMap) and not len(data)):
            merged = merge_map(fields, data, new)  # a flow mapping written on one line
            return _header(lines) + _dump_all(y, merged)
        return _header(lines) + _dump_all(y, _new_map(fields, new))
    if not isinstance(data, CommentedMap):
        raise Unreadable("the file is not a mapping (key: value)")
    by_name = {f.name: f for f in fields}
    order = [f.name for f in fields]
    # keys the file lacks go after the key that precedes them in the model (or before the first)
    after: dict[Any, list[str]] = {}
    for name in order:
        if name in data or name not in new or empty(new[name]) or _is_default(by_name[name], new[name]):
            continue
        anchor = next((k for k in reversed(order[: order.index(name)]) if k in data), None)
        after.setdefault(anchor, []).append(name)
    out: list[str] = []
    pos = 0
    for i, (key, start, end) in enumerate(blocks):
        out.append("".join(lines[pos:start]))
        if i == 0:
            out += [_dump(y, n, _new_node(by_name[n], new[n])) for n in after.get(None, [])]
        ff = by_name.get(key)
        block = "".join(lines[start:end])
        if ff is None or key not in new or same(ff, data[key], new[key]):
            out.append(block)
        elif not empty(new[key]):
            node = y.load(block)[key]
            out.append(_ensure_nl(_dump(y, key, merge_value(ff, node, new[key]))))
        # else: cleared in the form; the key goes, the comments before it stay
        out += [_dump(y, n, _new_node(by_name[n], new[n])) for n in after.get(key, [])]
        pos = end
    return "".join(out) + "".join(lines[pos:])


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _ensure_nl(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _dump_all(y: YAML, data: CommentedMap) -> str:
    if not len(data):
        return "{}\n"
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue()
