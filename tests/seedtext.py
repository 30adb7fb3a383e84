"""Reading the seed documents and the built pages as plain text, independently of the generator.

The seeds in /work/shared/seeds are plain-text exports of real LAO documents: paragraphs are lines,
tables are tab-separated lines (a run of consecutive tab lines is one table; its first line is the
header row, repeated on every page of the original), and some cells hold HTML fragments (<p>,
<ol>/<ul>/<li>, <b>, checkbox <input … checked>). Pages are parsed with the standard library's
html.parser into a small tree, so a test can take the text of the <article>, of one section, of one
table row.

Nothing here imports the generator: a seed is read the way a person reads it, and compared with what
a visitor sees.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from pythainlp.util import thai_digit_to_arabic_digit

# --------------------------------------------------------------------------- normalisation

# A list marker at the start of an item: "๑.", "1.", "2)", "-" (after digit conversion), when it
# stands at the start of the text or after whitespace. Markdown turns "1. x" / "- x" into <ol>/<ul>
# whose numbers and bullets are not text, and the seeds write their items inline ("๑. … ๒. …"),
# so the marker is removed on both sides. "10.2", "85.74" and "2565-" are not markers.
_MARKER = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}[.)](?!\d)|-)")
_SPACE = re.compile(r"[\s\u200b\u00a0]+")


def digits(text: str) -> str:
    """Thai digits → Arabic digits (pythainlp)."""
    return thai_digit_to_arabic_digit(text)


def light(text: str) -> str:
    """Digits to Arabic, all whitespace removed: nothing else."""
    return _SPACE.sub("", digits(text))


def norm(text: str) -> str:
    """The comparison form of a piece of text (applied to the seed and to the page alike):

    1. Thai digits → Arabic digits;
    2. list markers at item starts removed ("๑." "1." "1)" "-"), see _MARKER;
    3. commas removed: the templates join list fields (responsible units) with ", ";
    4. all whitespace removed (spaces, newlines, no-break and zero-width spaces).
    """
    s = digits(text)
    s = _MARKER.sub(" ", s)
    s = s.replace(",", "")
    return _SPACE.sub("", s)


# --------------------------------------------------------------------------- seed cells


_INPUT = re.compile(r"<input\b([^>]*)>([^<]*)", re.I)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Cell:
    raw: str
    text: str  # HTML stripped, checkbox groups removed, entities decoded
    checked: list[str] = field(default_factory=list)  # labels of checked boxes
    unchecked: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.text.strip())


def parse_cell(raw: str) -> Cell:
    """A table cell → its visible text. A checkbox group is taken out of the text: the checked
    box's label is the status the cell marks, the unchecked labels are not content."""
    checked, unchecked = [], []

    def take(m: re.Match) -> str:
        label = " ".join(html.unescape(m.group(2)).split())
        (checked if re.search(r"\bchecked\b", m.group(1), re.I) else unchecked).append(label)
        return " "

    s = _INPUT.sub(take, raw)
    s = _TAG.sub(" ", s)
    s = html.unescape(s)
    return Cell(raw, " ".join(s.split()), checked, unchecked)


# --------------------------------------------------------------------------- seed documents


@dataclass
class Line:
    no: int  # 1-based line number in the seed file
    text: str


@dataclass
class Row:
    no: int
    cells: list[Cell]

    def __getitem__(self, i: int) -> Cell:
        return self.cells[i] if i < len(self.cells) else Cell("", "")


@dataclass
class Table:
    header: Row
    rows: list[Row]


@dataclass
class Seed:
    path: Path
    lines: list[str]
    paragraphs: list[Line]  # every non-empty line that is not a table row, in order
    tables: list[Table]

    def paragraph_index(self, text: str) -> int:
        return next(i for i, p in enumerate(self.paragraphs) if p.text == text)


HEADER_FIRST_CELLS = {"ลำดับ", "ตัวชี้วัด", "มาตรการ/แนวทาง"}


def parse_seed(path: Path) -> Seed:
    lines = path.read_text(encoding="utf-8").split("\n")
    paragraphs: list[Line] = []
    tables: list[Table] = []
    run: list[Row] = []

    def close() -> None:
        if run:
            header, *rows = run
            first = header.cells[0].text
            if first not in HEADER_FIRST_CELLS:
                raise ValueError(f"{path.name}:{header.no}: a table starts with a row that is not a header: {first!r}")
            tables.append(Table(header, rows))
            run.clear()

    for i, line in enumerate(lines, 1):
        if "\t" in line:
            run.append(Row(i, [parse_cell(c) for c in line.split("\t")]))
            continue
        close()
        if line.strip():
            paragraphs.append(Line(i, line.strip()))
    close()
    return Seed(path, lines, paragraphs, tables)


# --------------------------------------------------------------------------- pages

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []

    @property
    def id(self) -> str | None:
        return self.attrs.get("id")

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    @property
    def level(self) -> int | None:
        return HEADINGS.get(self.tag)

    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find(self, pred) -> Node | None:
        return next((n for n in self.iter() if pred(n)), None)

    def find_all(self, pred) -> list[Node]:
        return [n for n in self.iter() if pred(n)]

    def by_id(self, id_: str) -> Node | None:
        return self.find(lambda n: n.id == id_)

    def text(self) -> str:
        """Visible text; block elements are separated by newlines, heading permalinks ("#") left out."""
        out: list[str] = []
        self._text(out)
        return "".join(out)

    def _text(self, out: list[str]) -> None:
        if self.tag == "a" and "headerlink" in self.classes:
            return
        if self.tag in ("script", "style", "template"):
            return
        block = self.tag in BLOCK
        if block:
            out.append("\n")
        for c in self.children:
            if isinstance(c, Node):
                c._text(out)
            else:
                out.append(c)
        if block:
            out.append("\n")


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        node = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:  # unmatched end tags are ignored
            self.cur = node.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse_html(text: str) -> Node:
    b = _Builder()
    b.feed(text)
    b.close()
    return b.root


@dataclass
class Page:
    """One built page: its <article> and helpers to cut it into sections."""

    path: Path
    root: Node
    article: Node

    @classmethod
    def read(cls, path: Path) -> Page:
        root = parse_html(path.read_text(encoding="utf-8"))
        article = root.find(lambda n: n.tag == "article")
        if article is None:
            raise AssertionError(f"{path}: no <article> element")
        return cls(path, root, article)

    @property
    def text(self) -> str:
        return self.article.text()

    def section(self, id_: str, stop=None) -> Node:
        """The element with this id and its following siblings, up to (not including) the first
        sibling for which `stop` is true; by default the next heading of the same or a higher
        level (for a heading) or the next heading (for any other element). Returned as a
        synthetic node whose text() is the section's text."""
        start = self.article.by_id(id_)
        if start is None:
            raise AssertionError(f"{self.path}: no element with id '{id_}' on the page")
        if stop is None:
            lvl = start.level

            def stop(n: Node) -> bool:
                return n.level is not None and (lvl is None or n.level <= lvl)

        sect = Node("section", {"id": f"section:{id_}"}, None)
        sect.children.append(start)
        siblings = start.parent.children if start.parent else []
        i = siblings.index(start)
        for sib in siblings[i + 1:]:
            if isinstance(sib, Node) and stop(sib):
                break
            sect.children.append(sib)
        return sect

    def preceding(self, id_: str, pred) -> Node | None:
        """The nearest earlier sibling of the element with this id for which `pred` is true."""
        start = self.article.by_id(id_)
        if start is None or start.parent is None:
            return None
        siblings = start.parent.children
        for sib in reversed(siblings[: siblings.index(start)]):
            if isinstance(sib, Node) and pred(sib):
                return sib
        return None


def table_rows(table: Node) -> list[list[str]]:
    """A <table>'s rows as lists of cell texts (whitespace collapsed)."""
    rows = []
    for tr in table.find_all(lambda n: n.tag == "tr"):
        cells = [" ".join(td.text().split()) for td in tr.elements() if td.tag in ("td", "th")]
        rows.append(cells)
    return rows


def labelled_segments(section: Node) -> list[tuple[str, str]]:
    """Cut a section into (label, text) parts at the paragraphs that open with a bold label
    ("**ผู้รับผิดชอบ:** …", "**สรุปผลการดำเนินการ**"): each part runs to the next such paragraph.
    Text before the first label has the label ""."""
    parts: list[tuple[str, list[str]]] = [("", [])]
    for child in section.children:
        if isinstance(child, Node) and child.tag == "p":
            first = next((c for c in child.children if not (isinstance(c, str) and not c.strip())), None)
            if isinstance(first, Node) and first.tag == "strong":
                rest = Node("p", {}, None)
                rest.children = [c for c in child.children if c is not first]
                parts.append((first.text(), [rest.text()]))
                continue
        parts[-1][1].append(child.text() if isinstance(child, Node) else child)
    return [(label, "".join(texts)) for label, texts in parts]
