"""What the parts of `understand.Understanding` share while reading one document: the
document, the plan being written, the rows and paragraphs gathered so far, and the ledger of
pieces (every cell and line of the source, with where it went)."""

from __future__ import annotations

from generator.tools.importer import cells as C
from generator.tools.importer import headers as H
from generator.tools.importer import tabular as T
from generator.tools.importer.ledger import Note, Piece, Plan
from generator.tools.importer.rows import LRow
from generator.tools.importer.source import Doc, Loc, Para, Row


class ReadingState:
    def __init__(self, doc: Doc, year: int) -> None:
        self.doc = doc
        self.year = year
        self.plan = Plan(year)
        self.rows: dict[str, list[LRow]] = {"measures": [], "improvements": [], "analysis": [], "scores": []}
        self.leads: dict[str, list[Para]] = {}
        self.intro: dict[str, list[tuple[str, list[Piece]]]] = {"measures": [], "results": []}
        self.summary: list[tuple[str, list[Piece]]] = []
        self.analysis_intro: list[tuple[str, list[Piece]]] = []
        self.improvements_intro: list[tuple[str, list[Piece]]] = []
        self.headings: dict[str, dict] = {}
        self.preamble: list[Para] = []
        self.rec_lines: list[Para] = []
        self.memo_lines: list[Para] = []
        self.trailing: list[Para] = []
        self.assessment_year: int | None = None
        self.piece_of: dict[int, Piece] = {}
        self.current_group: H.GroupRef | None = None  # the last group heading over a measures table
        self.tabular = T.Tabular(self)  # the tabular disclosures (procurement, complaints, plans)

    def line_piece(self, para: Para) -> Piece:
        key = id(para)
        if key not in self.piece_of:
            kind = "cell" if para.loc.kind == "row" else "line"
            piece = Piece(para.loc, kind, para.text, C.md_para(C.clean(para.text)))
            self.piece_of[key] = piece
            self.plan.pieces.append(piece)
        return self.piece_of[key]

    def cell_piece(self, row: Row, col: int, cols: H.Columns | None, html: str) -> Piece | None:
        parsed = C.parse(html)
        if parsed.empty and not parsed.boxes.checked and not parsed.boxes.unchecked:
            return None
        header = cols.header_texts[col] if cols and col < len(cols.header_texts) else ""
        text = parsed.plain
        if parsed.boxes.is_status:
            text = (text + " " + " ".join(f"[{'x' if c else ' '}] {lab}" for c, lab in
                                         [(True, x) for x in parsed.boxes.checked]
                                         + [(False, x) for x in parsed.boxes.unchecked])).strip()
        piece = Piece(row.loc, "cell", text, parsed.markdown or C.md_para(text), C.clean(header))
        self.plan.pieces.append(piece)
        return piece

    def filled_cell_piece(self, row: Row, col: int, cols: H.Columns | None, html: str) -> Piece:
        """The piece of a cell known to hold text (cell_piece is None only for an empty cell)."""
        piece = self.cell_piece(row, col, cols, html)
        assert piece is not None, (row.loc, col)
        return piece

    def note(self, th: str, en: str, loc: Loc | None = None) -> None:
        self.plan.notes.append(Note(th, en, loc))

    @staticmethod
    def use_group(ref: H.GroupRef | None) -> None:
        piece = getattr(ref, "piece", None)
        if piece is not None:
            piece.dest, piece.why = "group heading", ""
