"""The one place that knows YAML.

Reads a content file safely and returns plain Python data together with the line and column of
every value, so later stages can point a clerk at the exact place to edit. Traps handled on
purpose: dates stay strings (the models parse Thai and ISO forms), only true/false are booleans
(not yes/no/on/off), numbers with a leading zero stay text (phone numbers), duplicate keys are
errors, aliases cannot expand without bound, and files in legacy Thai encodings are decoded with
a warning instead of failing with a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problems, rel

MAX_FILE_BYTES = 5 * 1024 * 1024  # content files are text; anything bigger is a mistake
MAX_NODES = 200_000  # values constructed per file, aliases expanded (billion-laughs guard)
MAX_DEPTH = 60

Path_ = tuple  # a path into the data: keys (str) and list indices (int)


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like scalar resolution and no timestamps."""


# Start from a clean resolver table: only the types our content needs.
_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null",
    re.compile(r"^(?:~|null|Null|NULL|)$"),
    ["~", "n", "N", ""],
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    # No leading zeros: "0812345678" is a phone number, not 812345678.
    re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
    list("-+0123456789"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789"),
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])

_STR, _INT, _FLOAT, _BOOL, _NULL, _MAP, _SEQ, _MERGE = (
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq", "merge")
)


@dataclass
class Loaded:
    """Data of one YAML file and where each value sits in it."""

    file: str  # path relative to the project root
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def pos(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `path` (or of its key), falling back to the parent."""
        path = tuple(path)
        while True:
            if key and path in self.key_positions:
                return self.key_positions[path]
            if path in self.positions:
                return self.positions[path]
            if not path:
                return (1, 1)
            path = path[:-1]


class _TooBig(Exception):
    pass


class _Builder:
    def __init__(self, file: str, problems: Problems) -> None:
        self.file = file
        self.problems = problems
        self.count = 0
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}
        self.active: set[int] = set()

    def err(self, node: Node, th: str, en: str, hint: str = "") -> None:
        m = node.start_mark
        self.problems.error(self.file, m.line + 1, m.column + 1, th, en, hint)

    def build(self, node: Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES or len(path) > MAX_DEPTH:
            raise _TooBig
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if id(node) in self.active:
            self.err(node, "การอ้างอิง (alias) วนกลับมาที่ตัวเอง", "recursive alias")
            return None
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                if node.tag not in (_SEQ,):
                    self.bad_tag(node)
                return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
            if isinstance(node, MappingNode):
                if node.tag not in (_MAP,):
                    self.bad_tag(node)
                return self.mapping(node, path)
        finally:
            self.active.discard(id(node))
        return None  # pragma: no cover - yaml has no other node kinds

    def bad_tag(self, node: Node) -> None:
        self.err(
            node,
            f"ไม่รองรับแท็ก YAML {node.tag}",
            f"unsupported YAML tag {node.tag}",
            "ลบแท็กที่ขึ้นต้นด้วย ! ออก (remove the tag starting with '!')",
        )

    def scalar(self, node: ScalarNode) -> Any:
        v = node.value
        tag = node.tag
        if tag == _STR:
            return v
        if tag == _INT:
            return int(v)
        if tag == _FLOAT:
            return float(v)
        if tag == _BOOL:
            return v.lower() == "true"
        if tag == _NULL:
            return None
        if tag == _MERGE:
            return "<<"
        self.bad_tag(node)
        return v

    def mapping(self, node: MappingNode, path: Path_) -> dict:
        out: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.err(key_node, "ชื่อคีย์ต้องเป็นข้อความธรรมดา", "mapping keys must be plain scalars")
                continue
            if key_node.tag == _MERGE:
                merged.update(self.merge_source(value_node, path))
                continue
            key = key_node.value if key_node.tag != _NULL else ""
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.err(
                    key_node,
                    f"คีย์ '{key}' ซ้ำกับบรรทัด {first}",
                    f"duplicate key '{key}' (first at line {first})",
                    "ลบหรือรวมคีย์ที่ซ้ำให้เหลือคีย์เดียว (remove or merge the duplicate key)",
                )
                continue
            seen[key] = key_node
            sub = path + (key,)
            self.key_positions[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, sub)
        for k, v in merged.items():
            out.setdefault(k, v)
        return out

    def merge_source(self, node: Node, path: Path_) -> dict:
        sources = node.value if isinstance(node, SequenceNode) else [node]
        result: dict[str, Any] = {}
        for src in sources:
            if not isinstance(src, MappingNode):
                self.err(src, "ค่าของ << ต้องเป็น mapping", "merge key '<<' needs a mapping")
                continue
            for k, v in self.mapping(src, path).items():
                result.setdefault(k, v)
        return result


_YAML_MESSAGES = [
    (
        "found character '\\t' that cannot start any token",
        "ใช้แท็บ (Tab) ในไฟล์ YAML ไม่ได้",
        "tab characters are not allowed in YAML",
        "ย่อหน้าด้วยการเว้นวรรค (space) 2 ช่องแทนแท็บ (indent with spaces, not tabs)",
    ),
    (
        "while scanning a quoted scalar",
        "เครื่องหมายคำพูดไม่ได้ปิด",
        "a quoted text is not closed",
        "ใส่เครื่องหมายคำพูด \" หรือ ' ปิดท้ายข้อความ (close the quote)",
    ),
    (
        "mapping values are not allowed here",
        "มีเครื่องหมาย ':' อยู่ในตำแหน่งที่ไม่ถูกต้อง หรือย่อหน้าไม่ตรงกัน",
        "a ':' where a value was expected, or wrong indentation",
        "ข้อความที่มี ': ' ให้ครอบด้วยเครื่องหมายคำพูด และตรวจการย่อหน้า (quote text containing ': ' and check indentation)",
    ),
    (
        "did not find expected key",
        "การย่อหน้าไม่ตรงกัน",
        "inconsistent indentation",
        "จัดย่อหน้าของคีย์ในระดับเดียวกันให้ตรงกัน (align keys of the same level)",
    ),
    (
        "expected <block end>",
        "การย่อหน้าไม่ตรงกัน",
        "inconsistent indentation",
        "จัดย่อหน้าของคีย์ในระดับเดียวกันให้ตรงกัน (align keys of the same level)",
    ),
    (
        "did not find expected '-' indicator",
        "รายการ (ขึ้นต้นด้วย -) ย่อหน้าไม่ตรงกัน",
        "list items are not aligned",
        "ให้ทุกรายการที่ขึ้นต้นด้วย '-' อยู่ในแนวเดียวกัน (align the '-' of every list item)",
    ),
    (
        "found undefined alias",
        "อ้างถึง alias (*ชื่อ) ที่ไม่ได้ประกาศ",
        "undefined alias",
        "ประกาศ &ชื่อ ก่อนใช้ *ชื่อ (define the anchor before using it)",
    ),
]


def _yaml_problem(exc: yaml.YAMLError, file: str, problems: Problems) -> None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark else 0
    col = mark.column + 1 if mark else 0
    raw = str(getattr(exc, "problem", "") or "")
    ctx = str(getattr(exc, "context", "") or "")
    for needle, th, en, hint in _YAML_MESSAGES:
        if needle in raw or needle in ctx:
            problems.error(file, line, col, th, en, hint)
            return
    problems.error(
        file,
        line,
        col,
        "รูปแบบ YAML ไม่ถูกต้อง",
        f"invalid YAML: {ctx + ' ' if ctx else ''}{raw}".strip(),
        "ตรวจการย่อหน้าและเครื่องหมาย : - \" ในบรรทัดนี้และบรรทัดก่อนหน้า (check indentation and punctuation here and above)",
    )


_THAI = re.compile(r"[\u0e00-\u0e7f]")


def decode(raw: bytes, file: str, problems: Problems) -> str | None:
    """Bytes of a content file to text, naming any encoding problem for the clerk."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 BOM (Windows Notepad) is harmless
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            problems.error(file, 0, 0, "ไฟล์เข้ารหัส UTF-16 แต่ข้อมูลเสียหาย", "broken UTF-16 file",
                           "บันทึกไฟล์ใหม่เป็น UTF-8 (save the file as UTF-8)")
            return None
        problems.warning(
            file, 0, 0,
            "ไฟล์เข้ารหัส UTF-16 อ่านได้แต่ควรบันทึกใหม่เป็น UTF-8",
            "file is UTF-16; read it, but it should be UTF-8",
            "ในโปรแกรมแก้ไขข้อความ เลือก บันทึกเป็น → การเข้ารหัส UTF-8 (save as UTF-8)",
        )
        return text.replace("\r\n", "\n")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        problems.error(
            file, line, 0,
            "ไฟล์มีอักขระ NUL ซึ่งไม่ใช่ข้อความ (ไฟล์อาจเสียหาย หรือไม่ใช่ไฟล์ YAML)",
            "file contains NUL bytes: damaged, or not a text file",
            "เปิดไฟล์ด้วยโปรแกรมแก้ไขข้อความแล้วบันทึกใหม่เป็น UTF-8 (re-save as UTF-8 text)",
        )
        return None
    try:
        return raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
    try:
        text = raw.decode("cp874")
    except UnicodeDecodeError:
        text = None
    if text is not None and _THAI.search(text):
        problems.warning(
            file, 0, 0,
            "ไฟล์เข้ารหัสแบบ Windows-874/TIS-620 (ภาษาไทยแบบเก่า) อ่านได้แต่ควรบันทึกใหม่เป็น UTF-8",
            "file is in Windows-874/TIS-620; decoded it, but it should be saved as UTF-8",
            "ในโปรแกรมแก้ไขข้อความ เลือก บันทึกเป็น → การเข้ารหัส UTF-8 (save as UTF-8)",
        )
        return text.replace("\r\n", "\n")
    problems.error(
        file, bad_line, 0,
        "ไฟล์ไม่ได้เข้ารหัสเป็น UTF-8 และอ่านเป็นภาษาไทยไม่ได้",
        "file is not valid UTF-8 and is not Thai Windows-874 either",
        "บันทึกไฟล์ใหม่เป็น UTF-8 (save the file as UTF-8)",
    )
    return None


def load_text(text: str, file: str, problems: Problems) -> Loaded | None:
    """Parse YAML text; None (with problems recorded) when it cannot be read."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        _yaml_problem(exc, file, problems)
        return None
    if node is None:
        return Loaded(file, None)
    builder = _Builder(file, problems)
    try:
        data = builder.build(node, ())
    except _TooBig:
        problems.error(
            file, 1, 1,
            "ไฟล์ขยายตัวเกินขนาดที่รับได้ (ใช้ anchor/alias ซ้อนกันมากเกินไป หรือซ้อนลึกเกินไป)",
            "file expands beyond the allowed size (too many nested aliases or too deep)",
            "เขียนข้อมูลตรง ๆ แทนการใช้ & และ * ซ้อนกัน (write the data out instead of nesting aliases)",
        )
        return None
    return Loaded(file, data, builder.positions, builder.key_positions)


def load_file(path: Path, root: Path, problems: Problems) -> Loaded | None:
    """Read and parse one content file. Problems are recorded; None when unreadable."""
    file = rel(path, root)
    try:
        size = path.stat().st_size
    except OSError as exc:
        problems.error(file, 0, 0, "อ่านไฟล์ไม่ได้", f"cannot read file: {exc.strerror}")
        return None
    if size > MAX_FILE_BYTES:
        problems.error(
            file, 0, 0,
            f"ไฟล์ใหญ่เกินไป ({size / 1048576:.1f} MB; รับได้ไม่เกิน {MAX_FILE_BYTES // 1048576} MB)",
            f"file too large ({size} bytes; limit {MAX_FILE_BYTES})",
            "ไฟล์ YAML เก็บเฉพาะข้อความ ให้แยกเอกสาร PDF ไว้ในโฟลเดอร์ files/ แล้วอ้างชื่อไฟล์ "
            "(keep documents as files and refer to them by name)",
        )
        return None
    text = decode(path.read_bytes(), file, problems)
    if text is None:
        return None
    return load_text(text, file, problems)
