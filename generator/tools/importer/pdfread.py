"""Reading a PDF with a text layer (pdfplumber) into the same `Doc` form as a text export.

Per page, ruled tables are found by their lines (pdfplumber's `find_tables`) and read cell by
cell; the text outside them is read line by line, and both are put in the order they stand on the
page. A wider gap between lines than the text's line spacing is a paragraph break; a line set in
bold throughout is a heading. A cell's lines are joined into one text again (without a space
where the break falls inside a word, see repair.mid_word); a line that starts a numbered or dashed
item stays a line of its own. A cell merged across (pdfplumber: None after a cell) repeats its
origin's content marked "left", as the .docx reader does. Tables split over pages arrive as
separate tables; understand.py joins them.

A PDF without any text (a scan) cannot be read: the clerk gets a message saying so and what to do.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from generator.tools import messages as msg
from generator.tools.importer.repair import mid_word
from generator.tools.importer.source import Cell, Doc, Loc, Para, Row, Table
from generator.tools.importer.textread import ReadError

_ITEM_START = re.compile(r"^\s*(?:\(?[0-9๐-๙]{1,2}[.)]|[-–•●▪◦○➢►])")


def _cell_html(text: str | None) -> str:
    if not text:
        return ""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        if out and not _ITEM_START.match(line):
            out[-1] = out[-1] + ("" if mid_word(out[-1], line) else " ") + line
        else:
            out.append(line)
    return "<br>".join(html.escape(x, quote=False) for x in out)


def _inside(obj: dict, boxes: list[tuple]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1 for x0, top, x1, bottom in boxes)


def read_pdf(path: Path) -> Doc:
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError:  # pragma: no cover - pdfplumber is a dependency
        raise ReadError(msg.MISSING_LIBRARY, library="pdfplumber") from None
    doc = Doc(path.name, "pdf")
    try:
        pdf = pdfplumber.open(str(path))
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise ReadError(msg.BAD_PDF, name=path.name, detail=exc) from None
    text_pages: list[int] = []
    empty_pages: list[int] = []
    try:
        with pdf:
            for pno, page in enumerate(pdf.pages, 1):
                if not page.chars:
                    empty_pages.append(pno)
                    continue
                text_pages.append(pno)
                _read_page(page, pno, doc)
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise ReadError(msg.BROKEN_PDF, name=path.name, detail=exc) from None
    if not text_pages:
        raise ReadError(msg.SCANNED_PDF, name=path.name, pages=len(empty_pages))
    if empty_pages:
        doc.notes.append((
            f"หน้า {', '.join(map(str, empty_pages))} ของ PDF ไม่มีข้อความ (ภาพสแกน) จึงไม่ได้อ่าน — พิมพ์เนื้อหาของหน้านั้นเอง",
            f"page(s) {', '.join(map(str, empty_pages))} hold no text (scanned) and were not read",
        ))
    return doc


def _read_page(page: Any, pno: int, doc: Doc) -> None:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    items: list[tuple[float, str, Any]] = []  # (top, kind, a pdfplumber line or table)
    for line in outside.extract_text_lines(return_chars=True, strip=True):
        items.append((line["top"], "line", line))
    for t in tables:
        items.append((t.bbox[1], "table", t))
    items.sort(key=lambda x: x[0])
    prev_bottom = None
    line_no = 0
    for top, kind, obj in items:
        if kind == "table":
            doc.blocks.append(_table(obj, pno, len(doc.tables) + 1))
            prev_bottom = None
            continue
        line_no += 1
        text = " ".join(obj["text"].split())
        if not text:
            continue
        height = max(obj["bottom"] - obj["top"], 1)
        gap = prev_bottom is None or top - prev_bottom > 0.6 * height
        chars = [c for c in obj.get("chars", []) if c["text"].strip()]
        bold = bool(chars) and all("bold" in (c.get("fontname") or "").lower() for c in chars)
        doc.blocks.append(Para(text, Loc("line", line_no, page=pno), gap_before=gap, heading=bold))
        prev_bottom = obj["bottom"]


def _table(table: Any, pno: int, number: int) -> Table:
    rows: list[Row] = []
    for r, values in enumerate(table.extract(), 1):
        cells: list[Cell] = []
        for value in values:
            if value is None and cells:
                origin = cells[-1]
                cells.append(Cell(origin.html, merged=origin.merged or "left"))
                continue
            cells.append(Cell(_cell_html(value)))
        rows.append(Row(cells, Loc("row", r, number, page=pno)))
    width = max((len(r.cells) for r in rows), default=0)
    for row in rows:
        row.cells += [Cell("") for _ in range(width - len(row.cells))]
    return Table(rows, number)
