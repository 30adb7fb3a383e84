"""The import corpus's documents in the formats clerks have: one text form, four files.

Every case of tests/import_corpus/ is written once as a text export (`source.txt`: paragraphs are
lines, a table row is a line of tab-separated cells that may hold HTML, a blank line ends a table
part). `case.yml`'s `format` says which file the clerk has; this module writes it from the text:

* `txt`  — the text itself;
* `docx` — python-docx: paragraphs (``**…**`` bold, ``# …`` a heading style), one Word table per
  table part; a row whose only text is in its first cell becomes one cell merged across the row;
  cell HTML becomes Word paragraphs, line breaks, bold runs, and checkbox glyphs ☒/☐;
* `pdf`  — fpdf2 with the Sarabun TTF (tests/fonts/), text paragraphs and ruled tables (a heading
  row spans the table), the text layer as a PDF export from Word has it;
* `xlsx` — openpyxl: ``### ชีต: name`` starts a sheet, a paragraph is a row with one cell, table
  rows are rows; cells holding a plain number are written as numbers.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

FONTS = Path(__file__).resolve().parent / "fonts"


def parse_blocks(text: str) -> list[tuple[str, object]]:
    """Text export → [("p", line) | ("t", [[cell, …], …]) | ("sheet", name)]."""
    out: list[tuple[str, object]] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            out.append(("t", rows))
            rows = []
        if line.startswith("### ชีต:"):
            out.append(("sheet", line.split(":", 1)[1].strip()))
        elif line.strip():
            out.append(("p", line.strip()))
    if rows:
        out.append(("t", rows))
    return out


def _checkboxes(raw: str) -> str:
    s = re.sub(r"<input\b[^>]*\bchecked\b[^>]*>", " ☒ ", raw)
    return re.sub(r"<input\b[^>]*>", " ☐ ", s)


def cell_lines(raw: str) -> list[tuple[str, bool]]:
    """A cell's HTML → its lines as (text, bold); paragraphs, <br> and list items end a line."""
    s = _checkboxes(raw)
    s = re.sub(r"<li\b[^>]*>", "\n\x00li", s)
    s = re.sub(r"</?(p|br|ol|ul|div)\b[^>]*>", "\n", s)
    lines = []
    n = 0
    for part in s.split("\n"):
        bold = bool(re.search(r"<b\b|<strong\b", part))
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).replace("\xa0", " ").split())
        if text.startswith("\x00li"):
            n += 1
            text = f"{n}. " + text[3:].strip()
        if text:
            lines.append((text, bold))
    return lines


def _heading_row(row: list[str]) -> bool:
    return len(row) > 2 and bool(row[0].strip()) and not any(c.strip() for c in row[1:])


def _para_style(line: str) -> tuple[str, bool, int]:
    """(text, bold, heading level) of a paragraph line written with Markdown marks."""
    m = re.match(r"^(#{1,3})\s+(.*)$", line)
    if m:
        return m.group(2), True, len(m.group(1))
    m = re.match(r"^\*\*(.*)\*\*$", line)
    if m:
        return m.group(1), True, 0
    return line, False, 0


def write_docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for kind, value in parse_blocks(text):
        if kind == "p":
            line, bold, level = _para_style(value)
            if level:
                document.add_heading(line, level)
            else:
                document.add_paragraph().add_run(line).bold = bold
            continue
        if kind != "t":
            continue
        rows = value
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, raw in enumerate(row):
                lines = cell_lines(raw)
                cell = table.cell(i, j)
                first = True
                for line, bold in lines:
                    p = cell.paragraphs[0] if first else cell.add_paragraph()
                    first = False
                    p.add_run(line).bold = bold
            if _heading_row(row):
                table.cell(i, 0).merge(table.cell(i, width - 1))
    document.save(str(path))


def write_pdf(text: str, path: Path) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(format="A4", orientation="landscape")
    pdf.add_font("Sarabun", "", str(FONTS / "Sarabun-Regular.ttf"))
    pdf.add_font("Sarabun", "B", str(FONTS / "Sarabun-Bold.ttf"))
    pdf.set_font("Sarabun", size=13)
    pdf.add_page()
    for kind, value in parse_blocks(text):
        if kind == "p":
            line, bold, _ = _para_style(value)
            pdf.set_font("Sarabun", "B" if bold else "", 13)
            pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Sarabun", "", 13)
            pdf.ln(2)
            continue
        if kind != "t":
            continue
        rows = value
        width = max(len(r) for r in rows)
        widths = [12 if i == 0 else 60 for i in range(width)]
        with pdf.table(col_widths=widths, headings_style=FontFace(emphasis="BOLD"), line_height=7) as table:
            for row in rows:
                r = table.row()
                if _heading_row(row):
                    r.cell(" ".join(t for t, _ in cell_lines(row[0])), colspan=width)
                    continue
                for raw in row + [""] * (width - len(row)):
                    r.cell("\n".join(t for t, _ in cell_lines(raw)))
        pdf.ln(4)
    pdf.output(str(path))


def _number(text: str):
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return text


def write_xlsx(text: str, path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    first = True
    for kind, value in parse_blocks(text):
        if kind == "sheet":
            if first:
                sheet.title = value
            else:
                sheet = book.create_sheet(value)
            first = False
            continue
        first = False
        if kind == "p":
            sheet.append([value])
        else:
            for row in value:
                sheet.append([_number(c) if c else None for c in row])
    book.save(str(path))


WRITERS = {"docx": write_docx, "pdf": write_pdf, "xlsx": write_xlsx}


def source_file(case_dir: Path, fmt: str, out_dir: Path) -> Path:
    """The file a clerk would import for this case, written into out_dir (txt: the text itself)."""
    source = case_dir / "source.txt"
    if fmt == "txt":
        return source
    target = out_dir / f"{case_dir.name}.{fmt}"
    WRITERS[fmt](source.read_text(encoding="utf-8"), target)
    return target
