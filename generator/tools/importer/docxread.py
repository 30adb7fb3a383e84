"""Reading a Word .docx file (python-docx) into the same `Doc` form as a text export.

Body paragraphs and tables are read in document order. A table cell becomes an HTML fragment
like the text exports' cells: one <p> per paragraph, <br> for a line break inside a paragraph.
Word's automatic numbering and bullets are written out as the text they show ("1. ", "- "), so
the cell converter sees numbered items the same way in both kinds of input. Merged cells are
resolved on the table grid: a horizontally merged cell covers several columns (the columns it
covers are marked "left"), a vertically merged cell's continuation is marked "above"; both keep
the origin's content so a row can inherit it, and neither is counted as a cell of its own.
Checkbox content controls show their state as a glyph (☒/☐), which the cell converter reads.
"""

from __future__ import annotations

import html
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.tools import messages as msg
from generator.tools.importer.source import Cell, Doc, Loc, Para, Row, Table
from generator.tools.importer.textread import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


Element = Any  # an lxml element of the .docx (python-docx's oxml has no type information)


def _w(tag: str) -> str:
    return W + tag


class _Numbering:
    """Word's list numbering: the text a numbered paragraph shows before its own text."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) → fmt, text, start
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str, Element] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        if numbering is not None:
            abstract = {}
            for an in numbering.findall(_w("abstractNum")):
                levels = {}
                for lvl in an.findall(_w("lvl")):
                    ilvl = int(lvl.get(_w("ilvl"), "0"))
                    fmt = lvl.find(_w("numFmt"))
                    text = lvl.find(_w("lvlText"))
                    start = lvl.find(_w("start"))
                    levels[ilvl] = (
                        fmt.get(_w("val")) if fmt is not None else "decimal",
                        text.get(_w("val")) if text is not None else "%1.",
                        int(start.get(_w("val"))) if start is not None else 1,
                    )
                abstract[an.get(_w("abstractNumId"))] = levels
            for num in numbering.findall(_w("num")):
                ref = num.find(_w("abstractNumId"))
                if ref is None:
                    continue
                for ilvl, spec in abstract.get(ref.get(_w("val")), {}).items():
                    self.levels[(num.get(_w("numId")), ilvl)] = spec
        try:
            for style in document.styles.element.findall(_w("style")):
                self.styles[style.get(_w("styleId"))] = style
        except (KeyError, AttributeError):
            pass

    def _num_pr(self, p: Element) -> tuple[str, int] | None:
        ppr = p.find(_w("pPr"))
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        style_id = None
        if ppr is not None and ppr.find(_w("pStyle")) is not None:
            style_id = ppr.find(_w("pStyle")).get(_w("val"))
        seen = set()
        while num_pr is None and style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                break
            sppr = style.find(_w("pPr"))
            num_pr = sppr.find(_w("numPr")) if sppr is not None else None
            based = style.find(_w("basedOn"))
            style_id = based.get(_w("val")) if based is not None else None
        if num_pr is None:
            return None
        num_id = num_pr.find(_w("numId"))
        ilvl = num_pr.find(_w("ilvl"))
        if num_id is None or num_id.get(_w("val")) in (None, "0"):
            return None
        return num_id.get(_w("val")), int(ilvl.get(_w("val"))) if ilvl is not None else 0

    def prefix(self, p: Element) -> str:
        found = self._num_pr(p)
        if found is None:
            return ""
        num_id, ilvl = found
        fmt, text, start = self.levels.get((num_id, ilvl), ("decimal", "%1.", 1))
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        out = text
        for level in range(ilvl, -1, -1):
            n = counters.get(level, self.levels.get((num_id, level), ("decimal", "", 1))[2])
            fmt_l = self.levels.get((num_id, level), ("decimal", "", 1))[0]
            out = out.replace(f"%{level + 1}", _format_number(n, fmt_l))
        return out.strip() + " "


def _format_number(n: int, fmt: str) -> str:
    if fmt == "thaiNumbers" or fmt == "thaiCounting":
        return str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "thaiLetters":
        letters = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
        return letters[(n - 1) % len(letters)]
    return str(n)


def _paragraph_text(p: Element) -> str:
    """The visible text of a paragraph, with line breaks as "\\n" (checkbox glyphs included)."""
    out: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == _w("t"):
            out.append(el.text or "")
        elif tag in (_w("tab"), _w("ptab")):
            out.append(" ")
        elif tag in (_w("br"), _w("cr")):
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("-")
        elif tag == _w("sym"):
            char = el.get(_w("char"))
            if char:
                code = int(char, 16)
                # Wingdings check boxes: 0xFE/0xF0FE ☒, 0xA8/0xF0A8 ☐
                out.append({0xFE: "☒", 0xF0FE: "☒", 0xA8: "☐", 0xF0A8: "☐", 0x6F: "☐", 0xF06F: "☐"}.get(code, ""))
    return "".join(out)


def _is_heading(p: Element) -> bool:
    """A heading style, or every run with text in bold."""
    ppr = p.find(_w("pPr"))
    style = ppr.find(_w("pStyle")) if ppr is not None else None
    if style is not None and (style.get(_w("val")) or "").lower().startswith(("heading", "title")):
        return True
    runs = [r for r in p.iter(_w("r")) if "".join(t.text or "" for t in r.iter(_w("t"))).strip()]
    if not runs:
        return False
    for r in runs:
        rpr = r.find(_w("rPr"))
        b = rpr.find(_w("b")) if rpr is not None else None
        if b is None or b.get(_w("val"), "true").lower() in ("0", "false"):
            return False
    return True


def _block_paragraphs(parent: Element) -> Iterator[Element]:
    """w:p and w:tbl children in order, looking inside block-level content controls."""
    for child in parent.iterchildren():
        if child.tag in (_w("p"), _w("tbl")):
            yield child
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _block_paragraphs(content)


class _Reader:
    def __init__(self, document: Any, name: str) -> None:
        self.document = document
        self.numbering = _Numbering(document)
        self.doc = Doc(name, "docx")

    def cell_html(self, tc: Element) -> str:
        parts: list[str] = []
        for el in _block_paragraphs(tc):
            if el.tag == _w("p"):
                text = self.numbering.prefix(el) + _paragraph_text(el)
                if text.strip():
                    parts.append("<p>" + "<br>".join(html.escape(line, quote=False) for line in text.split("\n")) + "</p>")
            else:  # a table inside the cell: each of its rows becomes a paragraph
                for tr in el.findall(_w("tr")):
                    cells = [self.cell_html(inner) for inner in tr.findall(_w("tc"))]
                    row = " | ".join(c for c in cells if c)
                    if row:
                        parts.append(f"<p>{row}</p>")
        return " ".join(parts)

    def table(self, tbl: Element) -> Table:
        number = len(self.doc.tables) + 1
        rows: list[Row] = []
        above: dict[int, Cell] = {}
        for r, tr in enumerate(tbl.findall(_w("tr")), 1):
            cells: list[Cell] = []
            trpr = tr.find(_w("trPr"))
            before = trpr.find(_w("gridBefore")) if trpr is not None else None
            for _ in range(int(before.get(_w("val"), "0")) if before is not None else 0):
                cells.append(Cell(""))
            for tc in tr.findall(_w("tc")):
                tcpr = tc.find(_w("tcPr"))
                span_el = tcpr.find(_w("gridSpan")) if tcpr is not None else None
                span = int(span_el.get(_w("val"), "1")) if span_el is not None else 1
                vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
                col = len(cells)
                if vmerge is not None and vmerge.get(_w("val"), "continue") == "continue" and col in above:
                    origin = above[col]
                    cell = Cell(origin.html, merged="above", span=span)
                else:
                    cell = Cell(self.cell_html(tc), span=span)
                cells.append(cell)
                for _k in range(1, span):
                    cells.append(Cell(cell.html, merged=cell.merged or "left"))
            for col, cell in enumerate(cells):
                above[col] = cell
            rows.append(Row(cells, Loc("row", r, number)))
        width = max((len(r.cells) for r in rows), default=0)
        for row in rows:
            row.cells += [Cell("") for _ in range(width - len(row.cells))]
        return Table(rows, number)

    def read(self) -> Doc:
        gap = True
        n = 0
        for el in _block_paragraphs(self.document.element.body):
            if el.tag == _w("tbl"):
                self.doc.blocks.append(self.table(el))
                gap = False
                continue
            n += 1
            text = (self.numbering.prefix(el) + _paragraph_text(el)).strip()
            if not text:
                gap = True
                continue
            heading = _is_heading(el)
            # A line break inside a body paragraph starts a new line of the document.
            for i, line in enumerate(text.split("\n")):
                if line.strip():
                    self.doc.blocks.append(Para(" ".join(line.split()), Loc("para", n), gap_before=gap if i == 0 else False,
                                                heading=heading))
            gap = False
        return self.doc


def read_docx(path: Path) -> Doc:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise ReadError(msg.MISSING_LIBRARY, library="python-docx") from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(msg.BAD_DOCX, name=path.name, detail=exc) from None
    return _Reader(document, path.name).read()
