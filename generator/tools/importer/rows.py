"""Logical rows of a recognised table and the small text helpers the builders share.

A `LRow` is a table row with its continuation rows joined (`Col` per column: the merged HTML and
the ledger pieces it came from); `TableView` is a table with its recognised columns. The patterns
here read the document's own conventions: continuation marks "(ต่อ)", numbered sections, page
numbers, lone dashes, question codes, scores and levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator import thai
from generator.tools.importer import cells as C
from generator.tools.importer import headers as H
from generator.tools.importer.ledger import Piece
from generator.tools.importer.source import Loc, Row, Table

CONT = re.compile(r"^\(?\s*ต่อ\s*\)?$")
CONT_SUFFIX = re.compile(r"\s*\(\s*ต่อ\s*\)\s*$")
SECTION = re.compile(r"^\s*([0-9๐-๙]{1,2})\s*[.)]\s*(\S.*)$")
YEAR = re.compile(r"(?:พ\.?\s*ศ\.?|ปี(?:งบประมาณ)?)\s*([0-9๐-๙]{4})")
SCORE_LEVEL = re.compile(
    r"คะแนน\s*(?:รวม\s*)?([0-9๐-๙]{1,3}(?:[.,][0-9๐-๙]{1,2})?)\s*(?:คะแนน)?\s*(?:\(?\s*(?:อยู่ใน)?\s*ระดับ\s*"
    r"(AA|[A-F]|ผ่านดีเยี่ยม|ผ่านดี|ผ่าน|ต้องปรับปรุงโดยด่วน|ต้องปรับปรุง|ดีเยี่ยม))?"
)
LEVEL = re.compile(r"ระดับ\s*(AA|[A-F](?![A-Za-z])|ผ่านดีเยี่ยม|ผ่านดี|ผ่าน|ต้องปรับปรุงโดยด่วน|ต้องปรับปรุง|ดีเยี่ยม)")
REC = re.compile(r"^ข้อ\s*(?:ที่\s*)?([IEOieo]|[0๐](?=[0-9๐-๙]{2}))?\s*([0-9๐-๙]{1,2})(?![0-9๐-๙.])\s*(.*)$")
SIGNATURE = re.compile(r"^\(\s*([^()]*[^()\s.][^()]*?)\s*\)$")
PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*[0-9๐-๙]{1,3}\s*[-–—]|หน้า(?:ที่)?\s*[0-9๐-๙]{1,3}(?:\s*(?:/|จาก)\s*[0-9๐-๙]{1,3})?|[0-9๐-๙]{1,3})$")
EMPTY_MARK = re.compile(r"^\s*[-–—]+\s*$")
STRAY = re.compile(r"^[\s.,:;)\]–-]+")
CODE = re.compile(r"(?<![A-Za-z0-9])([IiEeOo])\s?([0-9๐-๙]{1,2})(?![0-9๐-๙.]|\s?[A-Za-z])")
TOTAL = ("รวม", "คะแนนรวม", "ผลรวม", "รวมทั้งหมด", "ค่าคะแนนรวม")


def arabic(text: str) -> str:
    return thai.to_arabic(text)


def number_in(text: str) -> str | None:
    """The number in a score cell, as written ('๙๑.๐๑', '73.35'), or None."""
    m_ = re.search(r"[0-9๐-๙]+(?:[.,][0-9๐-๙]+)?", text)
    return m_.group(0).replace(",", ".") if m_ else None


def measure_id(text: str) -> str | None:
    s = arabic(text).strip().rstrip(".").strip()
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", s).strip("-")
    return s or None


def inline_codes(text: str) -> list[str]:
    """ITA question codes written inside a sentence ("… ข้อ e๗ และ e๘ …") → ["e7", "e8"]."""
    out: list[str] = []
    for m_ in CODE.finditer(text):
        code = f"{m_.group(1).lower()}{int(arabic(m_.group(2)))}"
        if code not in out:
            out.append(code)
    return out


def paras_md(paras: list[str]) -> str:
    return "\n\n".join(p for p in paras if p)


@dataclass
class Col:
    """One column of a logical row: its merged content and the pieces it came from."""

    html: str = ""
    pieces: list[Piece] = field(default_factory=list)

    @property
    def parsed(self) -> C.Parsed:
        return C.parse(self.html)


@dataclass
class LRow:
    """A logical row: a table row with its continuation rows joined."""

    kind: str
    cols: H.Columns
    values: list[Col]
    loc: Loc
    group: H.GroupRef | None = None  # the heading row it sits under
    tool: str | None = None  # the tool heading it sits under

    def col(self, role: str | None) -> Col:
        """The cell of a role; an empty one when the table has no such column (or no role)."""
        i = self.cols.index(role) if role else None
        return self.values[i] if i is not None else Col()

    def text(self, role: str | None) -> str:
        plain = self.col(role).parsed.plain
        return "" if EMPTY_MARK.match(plain) else plain

    def md(self, role: str) -> str:
        return "" if not self.text(role) else self.col(role).parsed.markdown

    def place(self, role: str | None, dest: str) -> None:
        for p in self.col(role).pieces:
            p.dest = dest

    def pieces(self) -> list[Piece]:
        return [p for c in self.values for p in c.pieces]


@dataclass
class TableView:
    table: Table
    cols: H.Columns
    rows: list[Row]
    header_rows: int
