"""One table cell (an HTML fragment) → Markdown, plain text, list entries, or a checked status.

What the exports put in a cell:

* HTML: <p> paragraphs, <br>, <ol>/<ul> with or without <li>, <b>, <span style=…>, entities;
* checkbox groups: ``<input checked type="checkbox"/> ดำเนินการแล้วเสร็จ <input …/> ยังไม่ได้ดำเนินการ``
  (or the glyphs ☒/☑ and ☐ of a Word file): the checked label is a status, the others are the
  form's unchosen options;
* numbered items run together in one paragraph: "๑. … ๒. … ๓. …", "1) … 2) …", and dashes
  "-… -…" — these become Markdown lists;
* spaces the export put inside words where a narrow column wrapped ("ค ำ", "แ ล ะ").

Text is kept exactly: whitespace runs become one space, and a space is removed only where Thai
spelling proves it is not a word break (`join_broken_words`). Markdown that a clerk's text would
trigger by accident (``**``, a line starting "1." or "-") is escaped so it shows as written.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from generator.content.scalars import _STATUS_ALIASES

# --------------------------------------------------------------------------- Thai spacing

# A Thai character that cannot begin a word: vowels written after or above/below a consonant,
# tone marks and the cancellation mark. A space in front of one is a broken word, never a word
# break. (ๆ and ฯ are left alone: Thai writes a space before ๆ.)
_NO_START = "\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e45\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
# A leading vowel (เ แ โ ใ ไ) is always followed by its consonant: a space after one is broken.
_LEADING = "\u0e40\u0e41\u0e42\u0e43\u0e44"
_BROKEN = re.compile(rf"(?<=[\u0e01-\u0e4e]) +(?=[{_NO_START}])|(?<=[{_LEADING}]) +(?=[\u0e01-\u0e2e])")
_SPACE = re.compile(r"[ \t\u00a0\u200b\u3000]+")


def join_broken_words(text: str) -> str:
    """Remove the spaces that Thai spelling proves are inside a word ("ค ำ" → "คำ")."""
    return _BROKEN.sub("", text)


def clean(text: str) -> str:
    """One line of text: whitespace runs → one space, broken words joined, ends trimmed."""
    return join_broken_words(_SPACE.sub(" ", text.replace("\n", " "))).strip()


# --------------------------------------------------------------------------- Markdown escaping

_INLINE = re.compile(r"([\\`*_\[\]])")
_START_NUMBER = re.compile(r"^(\d+)([.)])(?=\s|$)")


def md_inline(text: str) -> str:
    """Literal text → Markdown showing exactly that text (inside a paragraph or list item)."""
    return _INLINE.sub(r"\\\1", text)


def md_para(text: str) -> str:
    """A literal paragraph: also neutralise what would start a list or heading."""
    s = md_inline(text)
    s = _START_NUMBER.sub(r"\1\\\2", s)
    if s[:1] in ("-", "+", "#"):
        s = "\\" + s
    return s


# --------------------------------------------------------------------------- HTML → segments

CHECKED = "\ue000"  # private-use sentinels standing for a checkbox in the text stream
UNCHECKED = "\ue001"
_GLYPH_CHECKED = "☑☒✅"
_GLYPH_UNCHECKED = "☐□"
_BLOCK_TAGS = {"p", "div", "br", "li", "ol", "ul", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
               "blockquote", "dd", "dt", "dl", "hr"}


@dataclass
class Segment:
    text: str
    li: str = ""  # "ol"/"ul" when the segment is an <li> of such a list
    in_list: bool = False  # inside <ol>/<ul> (with or without <li>)


class _Segmenter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.segments: list[Segment] = []
        self.buf: list[str] = []
        self.lists: list[str] = []
        self.li: str = ""

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        if text.strip():
            self.segments.append(Segment(text, self.li, bool(self.lists)))
        self.li = ""

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            kind = dict(attrs).get("type", "checkbox") or "checkbox"
            if kind.lower() in ("checkbox", "radio"):
                checked = any(name == "checked" for name, _ in attrs)
                self.buf.append(f" {CHECKED if checked else UNCHECKED} ")
            return
        if tag in _BLOCK_TAGS:
            self.flush()
            if tag in ("ol", "ul"):
                self.lists.append(tag)
            elif tag == "li":
                self.li = self.lists[-1] if self.lists else "ul"
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.buf.append(alt)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            li = self.li
            self.flush()
            if tag in ("ol", "ul") and self.lists:
                self.lists.pop()
            elif tag != "li" and li:
                self.li = li

    def handle_data(self, data):
        self.buf.append(data)


def segments(html_text: str) -> list[Segment]:
    s = html_text
    for g in _GLYPH_CHECKED:
        s = s.replace(g, f" {CHECKED} ")
    for g in _GLYPH_UNCHECKED:
        s = s.replace(g, f" {UNCHECKED} ")
    parser = _Segmenter()
    parser.feed(s)
    parser.close()
    parser.flush()
    out = []
    for seg in parser.segments:
        seg.text = clean(seg.text)
        if seg.text:
            out.append(seg)
    return out


# --------------------------------------------------------------------------- checkboxes

_STATUS_LABELS = sorted(_STATUS_ALIASES, key=len, reverse=True)
_BOX = re.compile(f"([{CHECKED}{UNCHECKED}])\\s*([^{CHECKED}{UNCHECKED}]*)")


@dataclass
class Boxes:
    """A checkbox group found in a cell."""

    checked: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    is_status: bool = False  # every label is a status word

    @property
    def status_label(self) -> str | None:
        return self.checked[0] if self.is_status and len(self.checked) == 1 else None


def take_boxes(segs: list[Segment]) -> tuple[list[Segment], Boxes]:
    """Remove a status checkbox group from the segments; other checkboxes become glyph text."""
    boxes = Boxes()
    labels: list[tuple[bool, str]] = []
    for seg in segs:
        for m in _BOX.finditer(seg.text):
            rest = m.group(2).strip()
            label = next((s for s in _STATUS_LABELS if rest.startswith(s)), rest)
            labels.append((m.group(1) == CHECKED, label))
    if labels and all(label in _STATUS_ALIASES for _, label in labels):
        boxes.is_status = True
        for checked, label in labels:
            (boxes.checked if checked else boxes.unchecked).append(label)
        out = []
        for seg in segs:
            text = seg.text
            for m in _BOX.finditer(seg.text):
                rest = m.group(2).strip()
                label = next(s for s in _STATUS_LABELS if rest.startswith(s))
                text = text.replace(m.group(0), " " + rest[len(label):] + " ", 1)
            text = clean(text)
            if text:
                out.append(Segment(text, seg.li, seg.in_list))
        return out, boxes
    for seg in segs:
        seg.text = seg.text.replace(CHECKED, "☒").replace(UNCHECKED, "☐")
    for checked, label in labels:
        (boxes.checked if checked else boxes.unchecked).append(label)
    return segs, boxes


# --------------------------------------------------------------------------- lists


@dataclass
class Block:
    """A paragraph (kind "p") or a list item ("ol"/"ul") at a nesting level, with the number the
    document printed (`marker`, as written, e.g. "๒." or "3)")."""

    kind: str
    text: str
    level: int = 0
    number: int = 0
    marker: str = ""
    style: tuple = ()


_NUM = re.compile(r"(?:(?<=\s)|^)(\(?)([0-9๐-๙]{1,2})([.)])(?![0-9๐-๙])")
_BULLET_START = re.compile(r"^([-–•●▪◦○➢►])\s*(?=\S)")
_BULLET_SPLIT = re.compile(r"(?<=\s)[-–•●▪◦○➢►]\s*(?=\S)")
_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _markers(text: str) -> list[tuple[int, int, int, tuple, str]]:
    """Candidate item numbers: (start, end, number, style, marker text)."""
    out = []
    for m in _NUM.finditer(text):
        paren, digits, punct = m.groups()
        if paren and punct != ")":
            continue
        end = m.end()
        if end < len(text) and not text[end].isspace() and not ("\u0e01" <= text[end] <= "\u0e7f" or text[end].isalpha()
                                                                or text[end] in "\"'(“"):
            continue
        out.append((m.start(), end, int(digits.translate(_DIGITS)), (paren, punct), m.group(0)))
    return out


class _Lists:
    """Numbered-item state across the segments of one cell."""

    def __init__(self) -> None:
        self.open: list[tuple[tuple, int]] = []  # stack of (style, last number)

    def accept(self, style: tuple, n: int, at_start: bool, follows: bool) -> int | None:
        """The nesting level if an item numbered n in this style is accepted here, else None.
        `follows`: the next number (n+1) of the same style follows in the same text."""
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == style and n == self.open[depth][1] + 1:
                del self.open[depth + 1:]
                self.open[depth] = (style, n)
                return depth
        if n == 1 and (at_start or follows):
            if self.open and self.open[-1][0] != style:
                self.open.append((style, 1))
                return len(self.open) - 1
            self.open = [(style, 1)]
            return 0
        if (n > 1 and ((at_start and follows) or (follows and not self.open))
                and not any(s == style for s, _ in self.open)):
            self.open = [(style, n)]
            return 0
        return None

    def close(self) -> None:
        self.open = []


def blocks(segs: list[Segment]) -> list[Block]:
    """Segments → paragraphs and list items (run-together items split)."""
    out: list[Block] = []
    lists = _Lists()
    for seg in segs:
        text = seg.text
        if seg.li:
            m = _NUM.match(text)
            bullet = _BULLET_START.match(text)
            if seg.li == "ol" or m:
                n = int(m.group(2).translate(_DIGITS)) if m else (out[-1].number + 1 if out and out[-1].kind == "ol" else 1)
                body = text[m.end():].strip() if m else text
                out.append(Block("ol", body, 0, n, m.group(0) if m else ""))
            else:
                out.append(Block("ul", text[bullet.end():] if bullet else text, 0))
            continue
        bullet = _BULLET_START.match(text)
        if bullet:
            parts = _split_bullets(text)
            level = 1 if out and out[-1].kind == "ol" and lists.open else 0
            for part in parts:
                out.append(Block("ul", part, level, 0, "-"))
            continue
        marks = _markers(text)
        accepted: list[tuple[int, int, int, int, str, tuple]] = []  # start, end, n, level, marker, style
        for i, (start, end, n, style, marker) in enumerate(marks):
            follows = any(s2 == style and n2 == n + 1 for _, _, n2, s2, _ in marks[i + 1:])
            at_start = start == 0
            accepted_level = lists.accept(style, n, at_start, follows)
            if accepted_level is not None:
                accepted.append((start, end, n, accepted_level, marker, style))
        if not accepted:
            lists.close()
            out.append(Block("p", text))
            continue
        lead = text[: accepted[0][0]].strip()
        if lead:
            out.append(Block("p", lead))
        for k, (_start, end, n, level, marker, style) in enumerate(accepted):
            stop = accepted[k + 1][0] if k + 1 < len(accepted) else len(text)
            out.append(Block("ol", text[end:stop].strip(), level, n, marker.strip(), style))
    return out


def _split_bullets(text: str) -> list[str]:
    """'-a -b - c' → ['a', 'b', 'c']; a dash between digits (a range: 2565 - 2566) is not a bullet."""
    first = _BULLET_START.match(text)
    body = text[first.end():] if first else text
    parts, last = [], 0
    for m in _BULLET_SPLIT.finditer(body):
        before = body[: m.start()].rstrip()
        if before and (before[-1].isdigit() or before[-1] in "๐๑๒๓๔๕๖๗๘๙"):
            continue
        parts.append(body[last:m.start()].strip())
        last = m.end()
    parts.append(body[last:].strip())
    return [p for p in parts if p]


# --------------------------------------------------------------------------- rendering


def to_markdown(bl: list[Block]) -> str:
    """Blocks → Markdown.

    Markdown renumbers an ordered list from 1 and joins a list to a list right before it, so an
    item becomes a Markdown list item only where that shows what the document shows: an ordered
    list that starts at 1 and counts on, a bullet list not glued to an ordered one, items nested
    under an open item. Any other item stays a paragraph with the document's own number or dash.
    """
    out: list[str] = []
    top: tuple | None = None  # the open top-level list: ("ol", style, last number) or ("ul",)
    for b in bl:
        if b.kind != "p" and b.level > 0 and top is not None:
            mark = f"{b.number}." if b.kind == "ol" else "-"
            out.append(f"{'    ' * b.level}{mark} {md_inline(b.text)}")
            continue
        if b.kind == "ol":
            if top is None and b.number == 1:
                out += ["", f"1. {md_inline(b.text)}"]
                top = ("ol", b.style, 1)
                continue
            if top is not None and top[0] == "ol" and top[1] == b.style and b.number == top[2] + 1:
                out.append(f"{b.number}. {md_inline(b.text)}")
                top = ("ol", b.style, b.number)
                continue
        elif b.kind == "ul":
            if top is None:
                out += ["", f"- {md_inline(b.text)}"]
                top = ("ul",)
                continue
            if top[0] == "ul":
                out.append(f"- {md_inline(b.text)}")
                continue
        if b.kind == "p":
            out += ["", md_para(b.text)]
        else:  # an item Markdown cannot show as the document numbers it: keep the document's marker
            marker = b.marker or ("-" if b.kind == "ul" else f"{b.number}.")
            out += ["", md_para(f"{marker} {b.text}".strip())]
        top = None
    return "\n".join(out).strip("\n")


# --------------------------------------------------------------------------- the cell


@dataclass
class Parsed:
    segs: list[Segment]
    boxes: Boxes

    @property
    def empty(self) -> bool:
        return not self.segs

    @property
    def plain(self) -> str:
        """The cell as one line of plain text (for titles, periods, names)."""
        return " ".join(s.text for s in self.segs)

    @property
    def markdown(self) -> str:
        return to_markdown(blocks(self.segs))

    def entries(self) -> list[str]:
        """The cell as a list of short entries (responsible units): one per paragraph, line or
        list item; labelled parts ("หน่วยงานรับผิดชอบหลัก : …") are entries of their own."""
        bl = blocks(self.segs)
        items = [b.text for b in bl]
        if len(items) > 1:
            return [i for i in items if i]
        if any(b.kind != "p" for b in bl):
            return [i for i in items if i]
        return split_labelled(self.plain)


_LABEL = re.compile(r"(?:หน่วยงาน|ผู้)\s*(?:รับผิดชอบ\s*(?:หลัก|ร่วม)?|สนับสนุน|ดำเนินการ|ประสานงาน)\s*:")


def split_labelled(text: str) -> list[str]:
    starts = [m.start() for m in _LABEL.finditer(text) if m.start() > 0]
    if not starts:
        return [text] if text else []
    cuts = [0, *starts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(cuts) if text[a:b].strip()]


def parse(html_text: str) -> Parsed:
    segs, boxes = take_boxes(segments(html_text))
    return Parsed(segs, boxes)
