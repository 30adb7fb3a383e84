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

from generator.problems import Problems, rel

MAX_FILE_BYTES = 5 * 1024 * 1024  # content files are text; anything bigger is a mistake
MAX_NODES = 200_000  # values constructed per file, aliases expanded (billion-laughs guard)
MAX_DEPTH = 60

Path_ = tuple  # a path into the data: keys (str) and list indices (int)


class _TooDeep(Exception):
    def __init__(self, mark) -> None:
        super().__init__("nested too deeply")
        self.mark = mark


class _Depth:
    """PyYAML's composer recurses once per nesting level, so `[[[[…]]]]` a few hundred deep would
    end in a RecursionError; the depth is counted here and refused long before that."""

    _depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Loader(_Depth, yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like scalar resolution and no timestamps, in pure Python: its
    error messages and marks are the ones clerks see."""


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

if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(_Depth, yaml.composer.Composer, yaml.cyaml.CParser, yaml.resolver.BaseResolver):
        """libyaml scans and parses (about 7× faster than PyYAML's Python scanner on content of
        ten years); the nodes are still composed here in Python, with the same depth guard,
        resolvers and marks as _Loader. Anything it cannot read is read again by _Loader,
        whose messages are the ones clerks see."""

        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
        yaml_path_resolvers = _Loader.yaml_path_resolvers

        def __init__(self, stream) -> None:  # noqa: ANN001 - PyYAML's signature
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.BaseResolver.__init__(self)
else:  # a PyYAML built without libyaml: the Python loader does everything
    _FastLoader = None

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
    text: str = ""  # the decoded file, for checks that look inside long texts (pdpa.py)

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
    def __init__(self, node: Node, deep: bool) -> None:
        super().__init__("too big" if not deep else "too deep")
        self.line = node.start_mark.line + 1
        self.column = node.start_mark.column + 1
        self.deep = deep


def _expanded_size(node: Node, memo: dict[int, int], active: set[int]) -> int:
    """How many values `node` becomes once every alias is expanded, counted without expanding.

    A billion-laughs file is a few lines whose aliases multiply: nine levels of nine aliases
    make 387 million values. Each node is counted once (aliases share their node), so this is
    as fast as the file is short. A node that contains itself counts 1 here; the builder
    reports it.
    """
    key = id(node)
    if key in memo:
        return memo[key]
    if isinstance(node, ScalarNode) or key in active:
        return 1
    active.add(key)
    children = node.value if isinstance(node, SequenceNode) else [n for pair in node.value for n in pair]
    total = 1
    for child in children:
        total += _expanded_size(child, memo, active)
        if total > MAX_NODES:
            break
    active.discard(key)
    memo[key] = total
    return total


def _biggest(node: Node, memo: dict[int, int]) -> Node:
    """The innermost node that still expands beyond the limit: where the clerk should look."""
    while not isinstance(node, ScalarNode):
        children = node.value if isinstance(node, SequenceNode) else [n for pair in node.value for n in pair]
        big = next((c for c in children if memo.get(id(c), 0) > MAX_NODES), None)
        if big is None:
            return node
        node = big
    return node


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
            raise _TooBig(node, deep=len(path) > MAX_DEPTH)
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
        tag = node.tag
        if tag.startswith("tag:yaml.org,2002:"):
            tag = "!!" + tag[len("tag:yaml.org,2002:"):]  # as the clerk wrote it
        self.err(
            node,
            f"ไม่รองรับแท็ก YAML {tag}",
            f"unsupported YAML tag {tag}",
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


_INDENT = (
    "การย่อหน้าไม่ตรงกัน",
    "inconsistent indentation",
    "จัดย่อหน้าของคีย์ในระดับเดียวกันให้ตรงกัน (align keys of the same level)",
)

# (text in PyYAML's problem or context, Thai, English, hint, where): `where` says which mark
# points at the clerk's mistake — "problem" (where the parser gave up) or "context" (where the
# construct began: the opening quote or bracket, often many lines earlier).
_YAML_MESSAGES = [
    (
        "found character '\\t' that cannot start any token",
        "ใช้แท็บ (Tab) ในไฟล์ YAML ไม่ได้",
        "tab characters are not allowed in YAML",
        "ย่อหน้าด้วยการเว้นวรรค (space) 2 ช่องแทนแท็บ (indent with spaces, not tabs)",
        "problem",
    ),
    (
        "while scanning a quoted scalar",
        "เครื่องหมายคำพูดที่เปิดตรงนี้ไม่ได้ปิด",
        "the quote opened here is never closed",
        "ใส่เครื่องหมายคำพูด \" หรือ ' ปิดท้ายข้อความ (close the quote)",
        "context",
    ),
    (
        "while parsing a flow sequence",
        "วงเล็บ [ ที่เปิดตรงนี้ไม่ได้ปิด หรือรายการในวงเล็บไม่ได้คั่นด้วย ,",
        "the '[' opened here is not closed, or its items are not separated by ','",
        "ปิดด้วย ] หรือเขียนแต่ละรายการในบรรทัดใหม่ ขึ้นต้นด้วย '- ' (close it with ']', or write one '- ' item per line)",
        "context",
    ),
    (
        "while parsing a flow mapping",
        "วงเล็บ { ที่เปิดตรงนี้ไม่ได้ปิด",
        "the '{' opened here is not closed",
        "ปิดด้วย } หรือเขียนแต่ละคีย์ในบรรทัดใหม่ (close it with '}', or write one key per line)",
        "context",
    ),
    (
        "that cannot start any token",
        "ค่าที่ขึ้นต้นด้วย @ หรือ ` ต้องครอบด้วยเครื่องหมายคำพูด",
        "a value starting with @ or ` must be quoted",
        "เช่น contact: \"@line_id\" (e.g. contact: \"@line_id\")",
        "problem",
    ),
    (
        "mapping values are not allowed here",
        "มีเครื่องหมาย ':' อยู่ในตำแหน่งที่ไม่ถูกต้อง หรือย่อหน้าไม่ตรงกัน",
        "a ':' where a value was expected, or wrong indentation",
        "ข้อความที่มี ': ' ให้ครอบด้วยเครื่องหมายคำพูด และตรวจการย่อหน้า (quote text containing ': ' and check indentation)",
        "problem",
    ),
    ("did not find expected key", *_INDENT, "problem"),
    ("expected <block end>", *_INDENT, "problem"),
    ("expected '<document start>'", *_INDENT, "problem"),
    (
        "did not find expected '-' indicator",
        "รายการ (ขึ้นต้นด้วย -) ย่อหน้าไม่ตรงกัน",
        "list items are not aligned",
        "ให้ทุกรายการที่ขึ้นต้นด้วย '-' อยู่ในแนวเดียวกัน (align the '-' of every list item)",
        "problem",
    ),
    (
        "found undefined alias",
        "อ้างถึง alias (*ชื่อ) ที่ไม่ได้ประกาศ",
        "undefined alias",
        "ประกาศ &ชื่อ ก่อนใช้ *ชื่อ (define the anchor before using it)",
        "problem",
    ),
    (
        "but found another document",
        "บรรทัด --- แบ่งไฟล์เป็นหลายเอกสาร แต่ไฟล์ข้อมูลต้องมีเอกสารเดียว",
        "a '---' line starts a second document; a content file holds one",
        "ลบบรรทัด --- ออก หรือถ้าเป็นส่วนหนึ่งของข้อความ ให้ย่อหน้าเข้าไปใต้คีย์ "
        "(remove the '---' line, or indent it inside the text it belongs to)",
        "problem",
    ),
]


def _yaml_problem(exc: yaml.YAMLError, file: str, problems: Problems, text: str) -> None:
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    raw = str(getattr(exc, "problem", "") or "")
    ctx = str(getattr(exc, "context", "") or "")
    for needle, th, en, hint, where in _YAML_MESSAGES:
        if needle in raw or needle in ctx:
            mark = (context_mark if where == "context" else problem_mark) or problem_mark or context_mark
            if needle == "expected <block end>" and mark and _after_closing_quote(text, mark):
                th = "มีข้อความต่อท้ายหลังเครื่องหมายคำพูดปิด"
                en = "text continues after the closing quote"
                hint = "ครอบข้อความทั้งหมดด้วยเครื่องหมายคำพูดคู่เดียว (put the whole text inside one pair of quotes)"
            problems.error(file, *_line_col(mark), th, en, hint)
            return
    mark = problem_mark or context_mark
    problems.error(
        file,
        *_line_col(mark),
        "รูปแบบ YAML ไม่ถูกต้อง",
        f"invalid YAML: {ctx + ' ' if ctx else ''}{raw}".strip(),
        "ตรวจการย่อหน้าและเครื่องหมาย : - \" ในบรรทัดนี้และบรรทัดก่อนหน้า (check indentation and punctuation here and above)",
    )


def _line_col(mark) -> tuple[int, int]:  # noqa: ANN001 - a yaml Mark or None
    return (mark.line + 1, mark.column + 1) if mark else (0, 0)


def _after_closing_quote(text: str, mark) -> bool:  # noqa: ANN001
    lines = text.split("\n")
    if mark.line >= len(lines):
        return False
    before = lines[mark.line][: mark.column].rstrip()
    return before.endswith(('"', "'"))


def _reader_problem(exc: yaml.reader.ReaderError, text: str, file: str, problems: Problems) -> None:
    """A character YAML does not allow in a file (a control character pasted from elsewhere)."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    col = exc.position - (before.rfind("\n") + 1) + 1
    code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
    problems.error(
        file, line, col,
        f"มีอักขระควบคุมที่มองไม่เห็น ({code}) ซึ่งใช้ในไฟล์ YAML ไม่ได้",
        f"invisible control character {code} is not allowed in YAML",
        "ลบอักขระนี้ออก มักติดมาจากการคัดลอกข้อความจาก Word หรือ PDF "
        "(delete it; it usually comes from text copied out of Word or a PDF)",
    )


_THAI = re.compile(r"[\u0e00-\u0e7f]")
# Thai vowels and tone marks written above or below a consonant: in real Thai text each follows
# a consonant (or another such mark). Bytes of another legacy encoding read as Windows-874 land
# on them almost at random — "café" in Latin-1 becomes "caf้".
_THAI_COMBINING = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
_MISPLACED_MARK = re.compile(f"(?<![\u0e01-\u0e2e{_THAI_COMBINING}])[{_THAI_COMBINING}]")

_SAVE_AS_UTF8 = "ในโปรแกรมแก้ไขข้อความ เลือก บันทึกเป็น → การเข้ารหัส UTF-8 (in the editor: Save As → encoding UTF-8)"


def _looks_thai(text: str) -> bool:
    return bool(_THAI.search(text)) and not _MISPLACED_MARK.search(text)


def _utf16_without_bom(raw: bytes) -> str | None:
    """Text of a UTF-16 file saved without a byte-order mark, or None when it is not one.

    Every ASCII character (keys, ':', spaces, line ends) has a zero byte on the same side in
    UTF-16, so a file whose zero bytes all sit at odd (little-endian) or all at even (big-endian)
    offsets, and that decodes to text without NUL, is UTF-16 and safe to read.
    """
    if len(raw) < 4 or len(raw) % 2:
        return None
    even_zero = raw[0::2].count(0)
    odd_zero = raw[1::2].count(0)
    half = len(raw) // 2
    for codec, zeros, others in (("utf-16-le", odd_zero, even_zero), ("utf-16-be", even_zero, odd_zero)):
        if others == 0 and zeros >= half // 4:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            return None if "\x00" in text else text
    return None


def decode(raw: bytes, file: str, problems: Problems) -> str | None:
    """Bytes of a content file to text, naming any encoding problem for the clerk.

    Decoded silently: UTF-8, with or without a BOM, and Windows/old-Mac line ends. Decoded with a
    warning (the text is unambiguous, but the file should be re-saved): UTF-16 and UTF-32 with or
    without a byte-order mark, and Thai Windows-874/TIS-620. Refused with an error: anything
    else, including NUL bytes and a mix of UTF-8 and Windows-874 in one file.
    """
    text = _decode(raw, file, problems)
    if text is None:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(raw: bytes, file: str, problems: Problems) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 BOM (Windows Notepad) is harmless
    else:
        for bom, codec, name in (
            (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),  # before UTF-16: it starts with FF FE too
            (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
            (b"\xff\xfe", "utf-16", "UTF-16"),
            (b"\xfe\xff", "utf-16", "UTF-16"),
        ):
            if raw.startswith(bom):
                try:
                    text = raw.decode(codec)
                except UnicodeDecodeError:
                    problems.error(file, 1, 0, f"ไฟล์เข้ารหัส {name} แต่ข้อมูลเสียหาย", f"broken {name} file",
                                   _SAVE_AS_UTF8)
                    return None
                _legacy_warning(file, problems, name)
                return text.lstrip("\ufeff")
    if b"\x00" in raw:
        text = _utf16_without_bom(raw)
        if text is not None:
            _legacy_warning(file, problems, "UTF-16")
            return text
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        problems.error(
            file, line, 0,
            "ไฟล์มีอักขระ NUL ซึ่งไม่ใช่ข้อความ (ไฟล์อาจเสียหาย หรือไม่ใช่ไฟล์ YAML)",
            "file contains NUL bytes: damaged, or not a text file",
            "เปิดไฟล์ด้วยโปรแกรมแก้ไขข้อความแล้วบันทึกใหม่เป็น UTF-8 (re-save as UTF-8 text)",
        )
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    bad_line = raw[:bad].count(b"\n") + 1
    try:
        text = raw.decode("cp874")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_thai(text) and not _THAI.search(raw[:bad].decode("utf-8")):
        _legacy_warning(file, problems, "Windows-874/TIS-620")
        return text
    line_start = raw.rfind(b"\n", 0, bad) + 1
    try:
        rest = raw[line_start:].decode("cp874")
    except UnicodeDecodeError:
        rest = ""
    if _looks_thai(rest):
        # Thai in UTF-8 up to here, Windows-874 from here on: text pasted from two editors.
        # Guessing line by line could garble Thai, so the clerk is told where it changes.
        problems.error(
            file, bad_line, 0,
            f"ไฟล์ปนกันสองแบบ: ก่อนบรรทัด {bad_line} เป็น UTF-8 แต่ตั้งแต่บรรทัดนี้เป็น Windows-874 (ภาษาไทยแบบเก่า)",
            f"mixed encodings: UTF-8 before line {bad_line}, Windows-874 from this line",
            "คัดลอกข้อความตั้งแต่บรรทัดนี้มาวางใหม่ในโปรแกรมที่บันทึกเป็น UTF-8 "
            "(paste the text from this line again in an editor that saves UTF-8)",
        )
        return None
    problems.error(
        file, bad_line, 0,
        "ไฟล์ไม่ได้เข้ารหัสเป็น UTF-8 และอ่านเป็นภาษาไทยแบบเก่า (Windows-874) ไม่ได้",
        "file is not valid UTF-8 and is not Thai Windows-874 either",
        "บันทึกไฟล์ใหม่เป็น UTF-8 (save the file as UTF-8)",
    )
    return None


def _legacy_warning(file: str, problems: Problems, name: str) -> None:
    th_name = "Windows-874/TIS-620 (ภาษาไทยแบบเก่า)" if name.startswith("Windows") else name
    problems.warning(
        file, 1, 0,
        f"ไฟล์เข้ารหัสแบบ {th_name} อ่านได้แต่ควรบันทึกใหม่เป็น UTF-8",
        f"file is in {name}; decoded it, but it should be saved as UTF-8",
        _SAVE_AS_UTF8,
    )


_UNREAD = object()


def _compose_fast(text: str):  # noqa: ANN202 - a yaml Node, None or _UNREAD
    """The node tree by libyaml, or _UNREAD when it is unavailable or finds any problem (the
    Python loader then reads the text again and reports the problem as clerks see it)."""
    if _FastLoader is None:
        return _UNREAD
    try:
        return yaml.compose(text, Loader=_FastLoader)
    except (yaml.YAMLError, _TooDeep, RecursionError, ValueError):
        return _UNREAD


def load_text(text: str, file: str, problems: Problems) -> Loaded | None:
    """Parse YAML text; None (with problems recorded) when it cannot be read."""
    node = _compose_fast(text)
    try:
        if node is _UNREAD:
            node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:
        _reader_problem(exc, text, file, problems)
        return None
    except yaml.YAMLError as exc:
        _yaml_problem(exc, file, problems, text)
        return None
    except (_TooDeep, RecursionError) as exc:
        line, col = _line_col(getattr(exc, "mark", None))
        _too_deep(file, max(line, 1), max(col, 1), problems)
        return None
    if node is None:
        return Loaded(file, None, text=text)
    memo: dict[int, int] = {}
    builder = _Builder(file, problems)
    try:
        if _expanded_size(node, memo, set()) > MAX_NODES:
            raise _TooBig(_biggest(node, memo), deep=False)
        data = builder.build(node, ())
    except _TooBig as exc:
        if exc.deep:
            _too_deep(file, exc.line, exc.column, problems)
        else:
            problems.error(
                file, exc.line, exc.column,
                f"ไฟล์ขยายตัวเกินขนาดที่รับได้ (เกิน {MAX_NODES:,} ค่า) เพราะใช้ anchor (&) และ alias (*) ซ้อนกัน",
                f"the file expands beyond {MAX_NODES:,} values through nested anchors (&) and aliases (*)",
                "เขียนข้อมูลตรง ๆ แทนการใช้ & และ * ซ้อนกัน (write the data out instead of nesting aliases)",
            )
        return None
    return Loaded(file, data, builder.positions, builder.key_positions, text=text)


def _too_deep(file: str, line: int, col: int, problems: Problems) -> None:
    problems.error(
        file, line, col,
        f"ข้อมูลซ้อนกันลึกเกินไป (เกิน {MAX_DEPTH} ชั้น)",
        f"data nested too deeply (more than {MAX_DEPTH} levels)",
        "ตรวจวงเล็บ [ { และการย่อหน้า (check the brackets and indentation)",
    )


# The tool's own files (the shipped catalogues) parsed once per process: PyYAML in pure Python
# takes most of a second for them, and `oit serve` and the tests load a site many times. Keyed
# by the file's identity and the name it is shown under, so an edited file is read again.
_SHIPPED: dict[tuple, tuple[Loaded | None, list]] = {}


def load_file(path: Path, root: Path, problems: Problems) -> Loaded | None:
    """Read and parse one content file. Problems are recorded; None when unreadable."""
    try:  # named where the clerk sees it, even when it is a link to elsewhere
        file = path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        file = rel(path, root)
        try:
            st = path.stat()
        except OSError:
            return _load_file(path, root, file, problems)
        key = (str(path.resolve()), st.st_size, st.st_mtime_ns, file)
        if key not in _SHIPPED:
            local = Problems()
            _SHIPPED[key] = (_load_file(path, root, file, local), list(local))
        loaded, found = _SHIPPED[key]
        problems.extend(found)
        return loaded  # read-only for every caller (validated, never changed)
    return _load_file(path, root, file, problems)


def _load_file(path: Path, root: Path, file: str, problems: Problems) -> Loaded | None:
    if _links_out_of(path, root):
        problems.error(
            file, 1, 0,
            "ไฟล์นี้เป็นลิงก์ (symlink) ที่ชี้ออกไปนอกโฟลเดอร์โครงการ จึงไม่อ่าน",
            "this file is a symbolic link pointing outside the project; it is not read",
            "คัดลอกไฟล์จริงมาไว้แทนลิงก์ (put the real file here instead of a link)",
        )
        return None
    try:
        size = path.stat().st_size
    except OSError as exc:
        problems.error(file, 1, 0, "อ่านไฟล์ไม่ได้", f"cannot read file: {exc.strerror}")
        return None
    if size > MAX_FILE_BYTES:
        problems.error(
            file, 1, 0,
            f"ไฟล์ใหญ่เกินไป ({size / 1048576:.1f} MB; รับได้ไม่เกิน {MAX_FILE_BYTES // 1048576} MB)",
            f"file too large ({size} bytes; limit {MAX_FILE_BYTES})",
            "ไฟล์ YAML เก็บเฉพาะข้อความ ให้แยกเอกสาร PDF ไว้ในโฟลเดอร์ files/ แล้วอ้างชื่อไฟล์ "
            "(keep documents as files and refer to them by name)",
        )
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.error(file, 1, 0, "อ่านไฟล์ไม่ได้", f"cannot read file: {exc.strerror}")
        return None
    text = decode(raw, file, problems)
    if text is None:
        return None
    return load_text(text, file, problems)


def _links_out_of(path: Path, root: Path) -> bool:
    """A file inside the project whose real location (after symlinks) is outside it."""
    root = root.resolve()
    try:
        path.absolute().relative_to(root)
    except ValueError:
        return False  # the tool's own files (shipped catalogues) live elsewhere on purpose
    real = path.resolve()
    return real != root and root not in real.parents
