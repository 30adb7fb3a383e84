"""The reader-independent form of an imported document: paragraphs and tables, in order.

Both readers (text exports, .docx) produce a `Doc`; everything after reading works on this form
only. A table cell keeps its content as an HTML fragment (what the text exports hold; the .docx
reader writes the same tags), so one converter turns every cell into Markdown. Every paragraph and
cell carries its place in the source (`Loc`), so the import report can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Loc:
    """A place in the source document.

    kind "line": a line of a text export (n = line number); kind "para": the n-th paragraph of a
    .docx body; kind "row": a table row (table = 1-based table number, n = 1-based row number,
    line = the text export's line number when there is one).
    """

    kind: str
    n: int
    table: int = 0
    line: int = 0
    page: int = 0  # PDF: the page; Excel: the sheet's position
    sheet: str = ""  # Excel: the sheet's name (`line` is then the sheet's row number)

    def th(self) -> str:
        if self.sheet:
            where = f"ชีต “{self.sheet}” แถว {self.line}"
            return f"ตาราง {self.table} {where}" if self.kind == "row" else where
        page = f"หน้า {self.page} " if self.page else ""
        if self.kind == "line":
            return f"{page}บรรทัด {self.n}"
        if self.kind == "para":
            return f"ย่อหน้า {self.n}"
        where = f"ตาราง {self.table} แถว {self.n}"
        if self.page:
            return f"{where} (หน้า {self.page})"
        return f"{where} (บรรทัด {self.line})" if self.line else where

    def en(self) -> str:
        if self.sheet:
            where = f"sheet “{self.sheet}” row {self.line}"
            return f"table {self.table} {where}" if self.kind == "row" else where
        page = f"page {self.page} " if self.page else ""
        if self.kind == "line":
            return f"{page}line {self.n}"
        if self.kind == "para":
            return f"paragraph {self.n}"
        where = f"table {self.table} row {self.n}"
        if self.page:
            return f"{where} (page {self.page})"
        return f"{where} (line {self.line})" if self.line else where

    def sort_key(self) -> tuple:
        return (self.page, self.line or self.n, self.table, self.n)


@dataclass
class Cell:
    """One table cell. `html` is its content (text with tags such as <p>, <br>, <li>, <b>,
    <input type=checkbox checked>). A cell covered by a merge holds its origin's content with
    `merged` set: "above" (vertical merge) or "left" (horizontal merge); such a cell is not a
    separate piece of the source and is never counted or placed twice."""

    html: str
    merged: str = ""  # "", "above" or "left"
    span: int = 1  # grid columns this cell covers (horizontal merge)

    @property
    def own(self) -> str:
        """The content this cell contributes itself ("" for a merged-over cell)."""
        return "" if self.merged else self.html


@dataclass
class Row:
    cells: list[Cell]
    loc: Loc

    def cell(self, i: int) -> Cell:
        return self.cells[i] if 0 <= i < len(self.cells) else Cell("")


@dataclass
class Table:
    rows: list[Row]
    number: int  # 1-based, in document order

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


@dataclass
class Para:
    text: str
    loc: Loc
    gap_before: bool = True  # an empty line (or paragraph) separates it from the previous one
    heading: bool = False  # written as a heading: bold throughout, a heading style, "# …" or "**…**"
    group_ref: Any = None  # the indicator / ประเด็น it names, when the importer reads it as a group heading


Block = Para | Table


@dataclass
class Doc:
    name: str  # the file name, for the report
    kind: str  # "text", "docx", "pdf" or "xlsx"
    blocks: list[Block] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # reader remarks (th, en)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para)]
