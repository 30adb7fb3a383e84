"""Reading an Excel workbook (.xlsx, openpyxl) into the same `Doc` form as a text export.

Each visible sheet is read in order, row by row (stored values; a formula gives the value Excel
last saved). A row with one filled cell — usually a title merged across the sheet — is a line of
text; a row with two or more filled cells is a table row; an empty row or a line of text ends a
table, and so does the end of a sheet. Cells merged across or down repeat their origin's content
marked "left"/"above", as the .docx reader does. Numbers are written as the sheet shows them
without grouping (12500, 0.5), dates as ISO dates (2025-01-08), which the project's date reader
accepts.
"""

from __future__ import annotations

import html
import zipfile
from datetime import date, datetime
from pathlib import Path

from generator.tools import messages as msg
from generator.tools.importer.source import Cell, Doc, Loc, Para, Row, Table
from generator.tools.importer.textread import ReadError


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    if isinstance(value, datetime):
        return value.date().isoformat() if not (value.hour or value.minute) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
    return " ".join(str(value).split())


def read_xlsx(path: Path) -> Doc:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise ReadError(msg.MISSING_LIBRARY, library="openpyxl") from None
    try:
        book = openpyxl.load_workbook(str(path), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReadError(msg.BAD_XLSX, name=path.name, detail=exc) from None
    doc = Doc(path.name, "xlsx")
    for position, sheet in enumerate(book.worksheets, 1):
        if sheet.sheet_state != "visible":
            continue
        merged: dict[tuple[int, int], tuple[int, int, str]] = {}  # (row, col) → origin and how
        for rng in sheet.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        merged[(r, c)] = (rng.min_row, rng.min_col, "left" if r == rng.min_row else "above")
        run: list[Row] = []

        gap = True
        for r, values in enumerate(sheet.iter_rows(values_only=True), 1):
            texts = [_text(v) for v in values]
            while texts and not texts[-1]:
                texts.pop()
            filled = [t for c, t in enumerate(texts, 1) if t and (r, c) not in merged]
            if not filled:
                _close(doc, run, position, sheet.title)
                gap = True
                continue
            if len(filled) == 1 and not run:
                doc.blocks.append(Para(filled[0], Loc("line", r, 0, r, position, sheet.title), gap_before=gap))
                gap = False
                continue
            # one filled cell inside a table: a heading row across it, it stays in the table
            cells: list[Cell] = []
            for c, t in enumerate(texts, 1):
                if (r, c) in merged:
                    r0, c0, how = merged[(r, c)]
                    origin = _text(sheet.cell(r0, c0).value)
                    cells.append(Cell(html.escape(origin, quote=False), merged=how))
                else:
                    cells.append(Cell(html.escape(t, quote=False)))
            run.append(Row(cells, Loc("row", len(run) + 1, 0, r, position, sheet.title)))
            gap = False
        _close(doc, run, position, sheet.title)
    if not doc.blocks:
        raise ReadError(msg.EMPTY_WORKBOOK, name=path.name)
    return doc


def _close(doc: Doc, run: list[Row], position: int, sheet: str) -> None:
    """The rows gathered since the last gap become one table of the document."""
    if not run:
        return
    width = max(len(x.cells) for x in run)
    for x in run:
        x.cells += [Cell("") for _ in range(width - len(x.cells))]
    number = len(doc.tables) + 1
    for x in run:
        x.loc = Loc("row", x.loc.n, number, x.loc.line, position, sheet)
    doc.blocks.append(Table(list(run), number))
    run.clear()
