"""The one place that knows YAML.

Reads a content file safely and returns plain Python data together with the line and column of
every value, so later stages can point a clerk at the exact place to edit. Traps handled on
purpose: dates stay strings (the models parse Thai and ISO forms), only true/false are booleans
(not yes/no/on/off), numbers with a leading zero stay text (phone numbers), duplicate keys are
errors, aliases cannot expand without bound, and files in legacy Thai encodings are decoded with
a warning instead of failing with a traceback (`encoding.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.content import messages as msg
from generator.content.encoding import decode
from generator.content.filetypes import special_file
from generator.problems import Message, Problems, rel

MAX_FILE_BYTES = 5 * 1024 * 1024  # content files are text; anything bigger is a mistake
MAX_NODES = 200_000  # values constructed per file, aliases expanded (billion-laughs guard)
MAX_DEPTH = 60

Path_ = tuple  # a path into the data: keys (str) and list indices (int)


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("nested too deeply")
        self.mark = mark


class _Depth:
    """PyYAML's composer recurses once per nesting level, so `[[[[…]]]]` a few hundred deep would
    end in a RecursionError; the depth is counted here and refused long before that."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(cast(yaml.parser.Parser, self).peek_event().start_mark)
            return cast(Node | None, super().compose_node(parent, index))  # type: ignore[misc]
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

_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser  # type: ignore[attr-defined]  # present when built with libyaml

    class _LibyamlLoader(_Depth, yaml.composer.Composer, CParser, yaml.resolver.BaseResolver):
        """libyaml scans and parses (about 7× faster than PyYAML's Python scanner on content of
        ten years); the nodes are still composed here in Python, with the same depth guard,
        resolvers and marks as _Loader. Anything it cannot read is read again by _Loader,
        whose messages are the ones clerks see."""

        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
        yaml_path_resolvers = _Loader.yaml_path_resolvers

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.BaseResolver.__init__(self)

    _FastLoader = _LibyamlLoader  # without libyaml, the Python loader does everything

    from yaml import _yaml

    if _yaml.get_version() >= (0, 2, 5):  # libyaml refuses nesting deeper than 1,000 since 0.2.5

        class _LibyamlComposer(CParser, yaml.resolver.BaseResolver):
            """libyaml scans, parses and composes: three times faster again than composing its
            events in Python. Its own limit of 1,000 nesting levels bounds its recursion; ours
            (MAX_DEPTH) is checked on the nodes afterwards (`_deeper_than`)."""

            yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
            yaml_path_resolvers = _Loader.yaml_path_resolvers

            def __init__(self, stream: str) -> None:
                CParser.__init__(self, stream)
                yaml.resolver.BaseResolver.__init__(self)

        _FastLoader = _LibyamlComposer

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


def _distinct_nodes(root: Node) -> int:
    """How many values the text itself holds, each alias counted once (not expanded)."""
    seen: set[int] = set()
    stack = [root]
    while stack and len(seen) <= MAX_NODES:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(n for pair in node.value for n in pair)
    return len(seen)


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

    def err(self, node: Node, message: Message, **values: Any) -> None:
        m = node.start_mark
        self.problems.report(self.file, m.line + 1, m.column + 1, message, **values)

    def build(self, node: Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES or len(path) > MAX_DEPTH:
            raise _TooBig(node, deep=len(path) > MAX_DEPTH)
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if id(node) in self.active:
            self.err(node, msg.RECURSIVE_ALIAS)
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
        self.err(node, msg.UNSUPPORTED_TAG, tag=tag)

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
                self.err(key_node, msg.KEY_NOT_PLAIN)
                continue
            if key_node.tag == _MERGE:
                merged.update(self.merge_source(value_node, path))
                continue
            key = key_node.value if key_node.tag != _NULL else ""
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.err(key_node, msg.DUPLICATE_KEY, key=key, first=first)
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
                self.err(src, msg.MERGE_NOT_MAPPING)
                continue
            for k, v in self.mapping(src, path).items():
                result.setdefault(k, v)
        return result


# (text in PyYAML's problem or context, message, where): `where` says which mark points at the
# clerk's mistake — "problem" (where the parser gave up) or "context" (where the construct began:
# the opening quote or bracket, often many lines earlier).
_YAML_MESSAGES: list[tuple[str, Message, str]] = [
    ("found character '\\t' that cannot start any token", msg.TAB, "problem"),
    ("while scanning a quoted scalar", msg.UNCLOSED_QUOTE, "context"),
    ("while parsing a flow sequence", msg.UNCLOSED_BRACKET, "context"),
    ("while parsing a flow mapping", msg.UNCLOSED_BRACE, "context"),
    ("that cannot start any token", msg.UNQUOTED_SPECIAL, "problem"),
    ("mapping values are not allowed here", msg.COLON_MISPLACED, "problem"),
    ("did not find expected key", msg.BAD_INDENT, "problem"),
    ("expected <block end>", msg.BAD_INDENT, "problem"),
    ("expected '<document start>'", msg.BAD_INDENT, "problem"),
    ("did not find expected '-' indicator", msg.LIST_NOT_ALIGNED, "problem"),
    ("found undefined alias", msg.UNDEFINED_ALIAS, "problem"),
    ("but found another document", msg.SECOND_DOCUMENT, "problem"),
]


def _yaml_problem(exc: yaml.YAMLError, file: str, problems: Problems, text: str) -> None:
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    raw = str(getattr(exc, "problem", "") or "")
    ctx = str(getattr(exc, "context", "") or "")
    for needle, message, where in _YAML_MESSAGES:
        if needle in raw or needle in ctx:
            mark = (context_mark if where == "context" else problem_mark) or problem_mark or context_mark
            if needle == "expected <block end>" and mark and _after_closing_quote(text, mark):
                message = msg.TEXT_AFTER_QUOTE
            problems.report(file, *_line_col(mark), message)
            return
    mark = problem_mark or context_mark
    problems.report(file, *_line_col(mark), msg.INVALID_YAML, detail=f"{ctx + ' ' if ctx else ''}{raw}".strip())


def _line_col(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (0, 0)


def _after_closing_quote(text: str, mark: yaml.Mark) -> bool:
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
    problems.report(file, line, col, msg.CONTROL_CHARACTER, char=code)


_UNREAD = object()


def _compose_fast(text: str) -> Node | object | None:
    """The node tree by libyaml, or _UNREAD when it is unavailable or finds any problem (the
    Python loader then reads the text again and reports the problem as clerks see it)."""
    if _FastLoader is None:
        return _UNREAD
    try:
        node = yaml.compose(text, Loader=_FastLoader)
    except (yaml.YAMLError, _TooDeep, RecursionError, ValueError):
        return _UNREAD
    return _UNREAD if node is not None and _deeper_than(node, MAX_DEPTH) else node


def _deeper_than(root: Node, limit: int) -> bool:
    """Whether collections nest more than `limit` deep (without recursion: libyaml allows 1,000)."""
    stack: list[tuple[Node, int]] = [(root, 1)]
    seen: set[int] = set()  # an alias is the same node again: walked once
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if id(node) in seen:
            continue
        seen.add(id(node))
        # children pushed last first, so that nodes are met in document order, as the composer
        # meets them: an anchored node is first met where it is written, not where an alias is
        if isinstance(node, SequenceNode):
            stack.extend((child, depth + 1) for child in reversed(node.value))
        elif isinstance(node, MappingNode):
            stack.extend((child, depth + 1) for pair in reversed(node.value) for child in reversed(pair))
    return False


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
    assert isinstance(node, Node)
    memo: dict[int, int] = {}
    builder = _Builder(file, problems)
    try:
        if _expanded_size(node, memo, set()) > MAX_NODES:
            if _distinct_nodes(node) > MAX_NODES:  # simply too many values, no alias needed
                problems.report(file, 1, 1, msg.TOO_MANY_VALUES, limit=MAX_NODES)
                return None
            raise _TooBig(_biggest(node, memo), deep=False)
        data = builder.build(node, ())
    except _TooBig as exc:
        # The composer refuses text nested deeper than MAX_DEPTH, so a value deeper than that
        # here is one that aliases nest into one another.
        message = msg.ALIAS_TOO_DEEP if exc.deep else msg.ALIAS_BOMB
        problems.report(file, exc.line, exc.column, message, limit=MAX_DEPTH if exc.deep else MAX_NODES)
        return None
    return Loaded(file, data, builder.positions, builder.key_positions, text=text)


def _too_deep(file: str, line: int, col: int, problems: Problems) -> None:
    problems.report(file, line, col, msg.TOO_DEEP, limit=MAX_DEPTH)


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
        problems.report(file, 1, 0, msg.SYMLINK_OUTSIDE)
        return None
    try:
        st = path.stat()
    except OSError as exc:
        problems.report(file, 1, 0, msg.UNREADABLE, reason=exc.strerror)
        return None
    odd = special_file(path)
    if odd is not None:  # reading a named pipe would wait forever
        problems.report(file, 0, 0, msg.NOT_A_REGULAR_FILE, name=path.name, what_th=odd[0], what=odd[1])
        return None
    size = st.st_size
    if size > MAX_FILE_BYTES:
        problems.report(file, 1, 0, msg.TOO_LARGE, mb=size / 1048576, limit_mb=MAX_FILE_BYTES // 1048576, size=size, limit=MAX_FILE_BYTES)
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.report(file, 1, 0, msg.UNREADABLE, reason=exc.strerror)
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
