"""Writing imported content as readable YAML, with comments for the clerk.

Block style throughout: mappings and lists one entry per line, long Markdown as literal blocks
(`|-`) so a clerk edits it as it reads; short strings plain when YAML reads them back as the same
string, otherwise double-quoted. Comments can be attached above any key or list entry. The text is
checked by reading it back: what a clerk opens is exactly the data that was understood.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from generator.content.yamlload import _Loader

Path_ = tuple


def _plain_ok(s: str) -> bool:
    if not s or s != s.strip() or "\n" in s or "\t" in s:
        return False
    if s[0] in "!&*-?:,[]{}#|>@`\"'%" or ": " in s or " #" in s or s.endswith(":"):
        return False
    try:
        return yaml.safe_load(f"k: {s}") == {"k": s}
    except yaml.YAMLError:
        return False


_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ue000-\uf8ff]")


_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _project_load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)


def scalar(value: Any, key: bool = False) -> str:
    if key and isinstance(value, str) and _KEY.match(value):
        return value  # the model's field names (`no` is a string to the project's loader)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    s = str(value)
    if _plain_ok(s):
        return s
    return json.dumps(s, ensure_ascii=False)


def _block_ok(s: str) -> bool:
    return ("\n" in s and not _ILLEGAL.search(s) and not s.startswith((" ", "\t", "\n"))
            and all(line == line.rstrip() for line in s.split("\n")) and not s.endswith("\n"))


def _comment_lines(text: str, pad: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        out.append(f"{pad}# {line}".rstrip())
    return out


def dump(data: dict, comments: dict[Path_, str] | None = None, header: str = "") -> str:
    comments = comments or {}
    lines: list[str] = _comment_lines(header, "") if header else []

    def value_lines(value: Any, path: Path_, indent: int, key_prefix: str) -> None:
        pad = " " * indent
        if isinstance(value, dict):
            if not value:
                lines.append(f"{pad}{key_prefix}{{}}")
                return
            if key_prefix:
                lines.append(f"{pad}{key_prefix.rstrip()}")
            mapping(value, path, indent + (2 if key_prefix else 0))
        elif isinstance(value, list):
            if not value:
                lines.append(f"{pad}{key_prefix}[]")
                return
            if key_prefix:
                lines.append(f"{pad}{key_prefix.rstrip()}")
            sequence(value, path, indent + (2 if key_prefix else 0))
        elif isinstance(value, str) and _block_ok(value):
            lines.append(f"{pad}{key_prefix}|-")
            for line in value.split("\n"):
                lines.append(f"{pad}  {line}".rstrip() if line else "")
        else:
            lines.append(f"{pad}{key_prefix}{scalar(value)}")

    def mapping(d: dict, path: Path_, indent: int) -> None:
        pad = " " * indent
        for k, v in d.items():
            if (*path, k) in comments:
                lines.extend(_comment_lines(comments[(*path, k)], pad))
            value_lines(v, (*path, k), indent, f"{scalar(k, key=True)}: ")

    def sequence(items: list, path: Path_, indent: int) -> None:
        pad = " " * indent
        for i, v in enumerate(items):
            if (*path, i) in comments:
                lines.extend(_comment_lines(comments[(*path, i)], pad))
            if isinstance(v, dict) and v:
                first = True
                for k, vv in v.items():
                    if (*path, i, k) in comments and not first:
                        lines.extend(_comment_lines(comments[(*path, i, k)], pad + "  "))
                    start = len(lines)
                    value_lines(vv, (*path, i, k), indent + 2, f"{scalar(k, key=True)}: ")
                    if first:
                        lines[start] = pad + "- " + lines[start][indent + 2:]
                        first = False
                if i + 1 < len(items) and isinstance(items[i + 1], dict) and len(v) > 2:
                    lines.append("")
            else:
                start = len(lines)
                value_lines(v, (*path, i), indent + 2, "")
                lines[start] = pad + "- " + lines[start][indent + 2:]

    mapping(data, (), 0)
    text = "\n".join(lines).rstrip("\n") + "\n"
    back = _project_load(text)
    if back != data:
        raise AssertionError("YAML writer: the written text does not read back as the data")
    return text
