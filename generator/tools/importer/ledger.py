"""The ledger of an import: every piece of the source (a non-empty table cell, a line of text),
where it went, and what the clerk should check.

`Plan` is what understanding a document produces: the data of each file to write, its YAML
comments, the pieces with their destinations, and the notes for the report. A piece with a
`dest` was placed; one with a `guess` as well was placed by an assumption the report points at;
one without a `dest` is left (it goes to import-leftovers.yml, never to the site).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.tools.importer.source import Loc


@dataclass
class Piece:
    """One piece of the source: a non-empty table cell or a line of text."""

    loc: Loc
    kind: str  # "cell" or "line"
    text: str  # plain text, for the report
    markdown: str  # the same as Markdown, for the unplaced section
    column: str = ""  # the header of the cell's column
    dest: str = ""  # where it went ("" = not placed yet)
    why: str = ""  # why it was not placed (th)
    guess: str = ""  # placed by an assumption the clerk should check (th): "check this"

    def where_th(self) -> str:
        return self.loc.th() + (f" คอลัมน์ “{self.column}”" if self.column else "")

    def where_en(self) -> str:
        return self.loc.en() + (f" column “{self.column}”" if self.column else "")


@dataclass
class Note:
    """Something the clerk should check: an assumption the importer made, with its place."""

    th: str
    en: str
    loc: Loc | None = None


@dataclass
class Plan:
    year: int
    files: dict[str, dict] = field(default_factory=dict)  # "2566/measures" → data
    comments: dict[str, dict] = field(default_factory=dict)  # "2566/measures" → {path: comment}
    pieces: list[Piece] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    understood: list[tuple[str, str]] = field(default_factory=list)  # (th, en) lines for the report
    main: str = ""  # the file that holds the preamble
    leftovers_file: str = ""  # "2568/import-leftovers" when some text could not be placed

    @property
    def placed(self) -> list[Piece]:
        return [p for p in self.pieces if p.dest]

    @property
    def unplaced(self) -> list[Piece]:
        return [p for p in self.pieces if not p.dest]
