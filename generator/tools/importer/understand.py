"""What a document says, in the project's terms: measures, results, assessment — and what is left.

Input: a `Doc` (paragraphs and tables in order). Output: a `Plan` holding the data of each file to
write (plain dicts in the shape of generator/content/models.py, with YAML comments), and a ledger of every
piece of the source (each non-empty table cell, each line of text) with where it went, so the
report can say what was placed automatically and what was not.

How the document is read

* Tables are recognised by their header words (headers.py). A table whose first row is not a
  header continues the previous table when it has as many columns (a table split across pages
  without a repeated header); a header row repeated inside or at the top of a later part is
  recognised and skipped. Header-less tables of other shapes (layout tables, signature blocks)
  are read as paragraphs.
* Rows: a row with a single cell (or one merged across the row) naming a tool ("แบบวัด … (IIT)"),
  an indicator ("ตัวชี้วัดที่ 2 …") or a ประเด็น is a heading: the rows below sit under it. A row
  whose identifying cells (number, measure, indicator — by table kind) are empty, merged from
  above, or marked "(ต่อ)", continues the row before it, also across tables.
* Paragraphs are the lead text of the table that follows them (its intro, or the tool heading
  of an improvements table), except: the numbered sections of a document ("1. …", "2. …" in
  sequence) bound these leads and the text before section 1 is the document's preamble; the
  paragraphs after a score table hold the NACC's recommendations (items start "ข้อ I17", "ข้อ E6"
  …); from a line "บันทึกข้อความ" on, the lines are an approval memo. Paragraphs after the last
  table that are not a memo are not placed.

Files: measures and results go to content/<year>/ (`--year` is their fiscal year); an ITA
assessment goes to content/<ITA year>/ where the ITA year is the one the document states for it
(e.g. "ผลการประเมิน ITA … ปีงบประมาณ พ.ศ. 2565"), else year − 1, the year whose analysis the
measures of `year` are based on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.content import ita
from generator.content import scalars
from generator import thai
from generator.tools.importer import cells as C
from generator.tools.importer import headers as H
from generator.tools.importer import tabular as T
from generator.tools.importer.source import Cell, Doc, Loc, Para, Row, Table

# --------------------------------------------------------------------------- the ledger


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


# --------------------------------------------------------------------------- helpers

_CONT = re.compile(r"^\(?\s*ต่อ\s*\)?$")
_CONT_SUFFIX = re.compile(r"\s*\(\s*ต่อ\s*\)\s*$")
_SECTION = re.compile(r"^\s*([0-9๐-๙]{1,2})\s*[.)]\s*(\S.*)$")
_YEAR = re.compile(r"(?:พ\.?\s*ศ\.?|ปี(?:งบประมาณ)?)\s*([0-9๐-๙]{4})")
_SCORE_LEVEL = re.compile(
    r"คะแนน\s*(?:รวม\s*)?([0-9๐-๙]{1,3}(?:[.,][0-9๐-๙]{1,2})?)\s*(?:คะแนน)?\s*(?:\(?\s*(?:อยู่ใน)?\s*ระดับ\s*"
    r"(AA|[A-F]|ผ่านดีเยี่ยม|ผ่านดี|ผ่าน|ต้องปรับปรุงโดยด่วน|ต้องปรับปรุง|ดีเยี่ยม))?"
)
_LEVEL = re.compile(r"ระดับ\s*(AA|[A-F](?![A-Za-z])|ผ่านดีเยี่ยม|ผ่านดี|ผ่าน|ต้องปรับปรุงโดยด่วน|ต้องปรับปรุง|ดีเยี่ยม)")
_REC = re.compile(r"^ข้อ\s*(?:ที่\s*)?([IEOieo]|[0๐](?=[0-9๐-๙]{2}))?\s*([0-9๐-๙]{1,2})(?![0-9๐-๙.])\s*(.*)$")
_SIGNATURE = re.compile(r"^\(\s*([^()]*[^()\s.][^()]*?)\s*\)$")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*[0-9๐-๙]{1,3}\s*[-–—]|หน้า(?:ที่)?\s*[0-9๐-๙]{1,3}(?:\s*(?:/|จาก)\s*[0-9๐-๙]{1,3})?|[0-9๐-๙]{1,3})$")
_EMPTY_MARK = re.compile(r"^\s*[-–—]+\s*$")
_STRAY = re.compile(r"^[\s.,:;)\]–-]+")
_CODE = re.compile(r"(?<![A-Za-z0-9])([IiEeOo])\s?([0-9๐-๙]{1,2})(?![0-9๐-๙.]|\s?[A-Za-z])")
_TOTAL = ("รวม", "คะแนนรวม", "ผลรวม", "รวมทั้งหมด", "ค่าคะแนนรวม")


def _arabic(text: str) -> str:
    return thai.to_arabic(text)


def _number(text: str) -> str | None:
    """The number in a score cell, as written ('๙๑.๐๑', '73.35'), or None."""
    m_ = re.search(r"[0-9๐-๙]+(?:[.,][0-9๐-๙]+)?", text)
    return m_.group(0).replace(",", ".") if m_ else None


def _measure_id(text: str) -> str | None:
    s = _arabic(text).strip().rstrip(".").strip()
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", s).strip("-")
    return s or None


def _inline_codes(text: str) -> list[str]:
    """ITA question codes written inside a sentence ("… ข้อ e๗ และ e๘ …") → ["e7", "e8"]."""
    out: list[str] = []
    for m_ in _CODE.finditer(text):
        code = f"{m_.group(1).lower()}{int(_arabic(m_.group(2)))}"
        if code not in out:
            out.append(code)
    return out


def _paras_md(paras: list[str]) -> str:
    return "\n\n".join(p for p in paras if p)


@dataclass
class _Col:
    """One column of a logical row: its merged content and the pieces it came from."""

    html: str = ""
    pieces: list[Piece] = field(default_factory=list)

    @property
    def parsed(self) -> C.Parsed:
        return C.parse(self.html)


@dataclass
class _LRow:
    """A logical row: a table row with its continuation rows joined."""

    kind: str
    cols: H.Columns
    values: list[_Col]
    loc: Loc
    group: H.GroupRef | None = None  # the heading row it sits under
    tool: str | None = None  # the tool heading it sits under

    def col(self, role: str) -> _Col:
        i = self.cols.index(role)
        return self.values[i] if i is not None else _Col()

    def text(self, role: str) -> str:
        plain = self.col(role).parsed.plain
        return "" if _EMPTY_MARK.match(plain) else plain

    def md(self, role: str) -> str:
        return "" if not self.text(role) else self.col(role).parsed.markdown

    def place(self, role: str, dest: str) -> None:
        for p in self.col(role).pieces:
            p.dest = dest

    def pieces(self) -> list[Piece]:
        return [p for c in self.values for p in c.pieces]


@dataclass
class _TableView:
    table: Table
    cols: H.Columns
    rows: list[Row]
    header_rows: int


# --------------------------------------------------------------------------- the reader


class Understanding:
    def __init__(self, doc: Doc, year: int) -> None:
        self.doc = doc
        self.year = year
        self.plan = Plan(year)
        self.rows: dict[str, list[_LRow]] = {"measures": [], "improvements": [], "analysis": [], "scores": []}
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
        self.tabular = T.Tabular(self)

    # ------------------------------------------------------------------ pieces

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

    def note(self, th: str, en: str, loc: Loc | None = None) -> None:
        self.plan.notes.append(Note(th, en, loc))

    # ------------------------------------------------------------------ tables → views

    def view_of(self, table: Table, prev: H.Columns | None) -> _TableView | None:
        rows = table.rows
        if not rows:
            return None
        texts0 = [C.parse(c.html).plain for c in rows[0].cells]
        if H.looks_like_header(texts0):
            used = 1
            texts = texts0
            if len(rows) > 1:
                texts1 = [C.parse(c.own).plain for c in rows[1].cells]
                if H.looks_like_header(texts1) and H.columns(texts1).roles != H.columns(texts0).roles:
                    texts = [f"{a} {b}".strip() if a != b else a for a, b in zip(texts0, texts1)]
                    used = 2
            cols = H.columns(texts)
            if cols.kind == "unknown":
                return None
            return _TableView(table, cols, rows[used:], used)
        if prev is not None and len(prev.roles) == table.width:
            return _TableView(table, prev, rows, 0)
        return None

    def is_repeated_header(self, row: Row, cols: H.Columns) -> bool:
        texts = [C.parse(c.html).plain for c in row.cells]
        if not H.looks_like_header(texts):
            return False
        roles = H.columns(texts).roles
        return all(r is None or i >= len(roles) or roles[i] == r for i, r in enumerate(cols.roles))

    # ------------------------------------------------------------------ the document

    def run(self) -> Plan:
        blocks: list[Any] = []
        prev: H.Columns | None = None
        prev_tab: T.TabularView | None = None
        for block in self.doc.blocks:
            if isinstance(block, Table):
                tab = T.view(block, prev_tab if blocks and blocks[-1] is prev_tab else None)
                if tab is not None:
                    blocks.append(tab)
                    prev_tab, prev = tab, None
                    continue
                view = self.view_of(block, prev)
                if view is None:
                    blocks.extend(self.table_as_paragraphs(block))
                    continue
                prev = view.cols
                blocks.append(view)
            else:
                blocks.append(block)
        self.walk(blocks)
        self.build()
        return self.plan

    def table_as_paragraphs(self, table: Table) -> list[Para]:
        out = []
        for row in table.rows:
            for col, cell in enumerate(row.cells):
                if cell.merged:
                    continue
                parsed = C.parse(cell.html)
                for seg in parsed.segs:
                    out.append(Para(seg.text, row.loc, gap_before=True))
        if out:
            self.note(
                f"ตาราง {table.number} ไม่มีแถวหัวตารางที่รู้จัก อ่านเป็นข้อความทีละบรรทัด",
                f"table {table.number} has no recognised header row; read as lines of text",
                table.rows[0].loc,
            )
        return out

    def walk(self, blocks: list[Any]) -> None:
        pending: list[Para] = []
        next_section = 1
        seen_table = False
        in_recs = False
        in_memo = False
        for block in blocks:
            if isinstance(block, Para):
                text = C.clean(block.text)
                if in_memo or H.squash(text) == "บันทึกข้อความ":
                    in_memo = True
                    self.memo_lines.append(block)
                    continue
                if _PAGE_NUMBER.match(text):
                    self.line_piece(block).dest = "page number (not content)"
                    continue
                if not in_recs and not in_memo and H.heading_group(text):
                    block.group_ref = H.heading_group(text)  # type: ignore[attr-defined]
                    pending.append(block)
                    continue
                sec = _SECTION.match(text)
                if sec and int(_arabic(sec.group(1))) == next_section and len(text) < 200:
                    if next_section == 1 and not seen_table:
                        self.preamble.extend(pending)
                        pending = []
                    next_section += 1
                    in_recs = False
                    block.section = True  # type: ignore[attr-defined]
                    pending.append(block)
                    continue
                if in_recs:
                    self.rec_lines.append(block)
                else:
                    pending.append(block)
                continue
            in_memo = False
            seen_table = True
            if isinstance(block, T.TabularView):
                self.tabular.add(block, pending)
                pending = []
                continue
            self.table(block, pending)
            pending = []
            in_recs = block.cols.kind == "scores"
        self.trailing = pending

    # ------------------------------------------------------------------ one table

    def table(self, view: _TableView, lead: list[Para]) -> None:
        kind = view.cols.kind
        rows = self.rows[kind]
        group: H.GroupRef | None = None
        tool: str | None = None
        # A lead paragraph that names an indicator/ประเด็น heads the rows of a measures table (and
        # of its parts on the next pages, until the next heading).
        headed = [i for i, p in enumerate(lead) if getattr(p, "group_ref", None)]
        if kind == "measures" and headed:
            i = headed[-1]
            group = lead[i].group_ref  # type: ignore[attr-defined]
            group.piece = self.line_piece(lead[i])  # type: ignore[attr-defined]
            group.piece.why = "หัวข้อกลุ่มที่ไม่มีแถวใดอยู่ใต้หัวข้อ"
            lead = lead[:i] + lead[i + 1:]
        elif kind == "measures" and self.current_group is not None and not view.cols.has("indicator", "issue"):
            group = self.current_group
        first_new = len(rows)
        fresh_heading = group is not None  # a heading since the last row: the next row starts anew
        for row in view.rows:
            own = [C.parse(c.own) for c in row.cells]
            non_empty = [i for i, p in enumerate(own) if not p.empty]
            if not non_empty:
                continue
            if self.is_repeated_header(row, view.cols):
                continue
            # heading rows
            if len(non_empty) == 1:
                only = own[non_empty[0]].plain
                spans = row.cells[non_empty[0]].span > 1 or all(
                    c.merged == "left" for c in row.cells[non_empty[0] + 1:] if c.html)
                t = H.tool_of_heading(only)
                if t and non_empty[0] == 0:
                    tool, fresh_heading = t, True
                    piece = self.cell_piece(row, non_empty[0], view.cols, row.cells[non_empty[0]].own)
                    if kind == "improvements":
                        heading = self.headings.setdefault(t, {})
                        heading.setdefault("title", only)
                        if H.squash(heading["title"]) != H.squash(only):
                            heading["note"] = (heading.get("note", "") + "\n\n" + C.md_para(only)).strip()
                        piece.dest = f"improvement heading {t}"
                    elif kind in ("analysis", "scores") and H.squash(only) == H.squash(ita.TOOLS_TH[t]):
                        piece.dest = f"tool heading {t}"  # the page prints the same words
                    else:
                        piece.why = "หัวข้อแบบวัดที่หน้าเว็บไม่ได้แสดงด้วยถ้อยคำนี้"
                    continue
                ref = (H.heading_group(only) or H.GroupRef(None, None, only)) if kind == "measures" else H.parse_group(only)
                keyed = kind in ("analysis", "scores", "improvements")
                if ref.kind and non_empty[0] == 0 and (not keyed or spans) and not self._is_key_only(view, row, kind):
                    piece = self.cell_piece(row, 0, view.cols, row.cells[0].own)
                    if kind == "improvements" and ref.kind == "indicator":
                        # a sub-heading over indicator rows: shown under the tool's heading
                        t = ita.INDICATORS[ref.n][0]
                        heading = self.headings.setdefault(t, {})
                        heading["note"] = (heading.get("note", "") + "\n\n" + C.md_para(only)).strip()
                        piece.dest = f"improvement heading {t}"
                        continue
                    group, fresh_heading = ref, True
                    if kind == "measures":
                        self.current_group = ref
                    group.piece = piece  # type: ignore[attr-defined]  # placed when a row uses it
                    piece.why = "หัวข้อกลุ่มที่ไม่มีแถวใดอยู่ใต้หัวข้อ"
                    continue
            # continuation rows
            if rows and not fresh_heading and self.continues(view, row, rows[-1]):
                target = rows[-1]
                for i, cell in enumerate(row.cells):
                    if cell.merged or i >= len(target.values):
                        continue
                    parsed = C.parse(cell.own)
                    if parsed.empty and not parsed.boxes.checked:
                        continue
                    if _CONT.match(parsed.plain or ""):
                        piece = self.cell_piece(row, i, view.cols, cell.own)
                        piece.dest = "continuation mark"
                        continue
                    key_text = _CONT_SUFFIX.sub("", parsed.plain)
                    if key_text != parsed.plain and H.squash(key_text) == H.squash(target.values[i].parsed.plain):
                        piece = self.cell_piece(row, i, view.cols, cell.own)
                        piece.dest = "continuation mark"
                        continue
                    piece = self.cell_piece(row, i, view.cols, cell.own)
                    target.values[i].html = (target.values[i].html + " " + cell.own).strip()
                    if piece:
                        target.values[i].pieces.append(piece)
                continue
            values = []
            for i, cell in enumerate(row.cells):
                col = _Col(cell.html)
                if not cell.merged:
                    piece = self.cell_piece(row, i, view.cols, cell.html)
                    if piece:
                        col.pieces.append(piece)
                values.append(col)
            rows.append(_LRow(kind, view.cols, values, row.loc, group, tool))
            fresh_heading = False
        if kind == "measures" and group is not None:
            self.current_group = group
        self.lead(view, kind, lead, rows[first_new:])

    def _is_key_only(self, view: _TableView, row: Row, kind: str) -> bool:
        """In an analysis/score/improvement table, an indicator cell alone is still a data row."""
        return kind in ("analysis", "scores", "improvements") and row.cells[0].span <= 1 and view.cols.roles[0] in (
            "indicator", "issue")

    def continues(self, view: _TableView, row: Row, prev: _LRow) -> bool:
        if prev.cols is not view.cols and prev.cols.roles != view.cols.roles:
            return False
        keys = [i for i, r in enumerate(view.cols.roles) if r in view.cols.key_roles]
        if not keys:
            return False
        for i in keys:
            cell = row.cell(i)
            text = C.parse(cell.own).plain
            if not text:
                continue
            if _CONT.match(text):
                continue
            stripped = _CONT_SUFFIX.sub("", text)
            if stripped != text and H.squash(stripped) == H.squash(prev.values[i].parsed.plain):
                continue
            return False
        others = [i for i in range(len(row.cells)) if i not in keys and row.cells[i].own.strip()]
        return bool(others) or any(_CONT.match(C.parse(row.cell(i).own).plain or "-") for i in keys)

    # ------------------------------------------------------------------ lead text

    def lead(self, view: _TableView, kind: str, lead: list[Para], new_rows: list[_LRow]) -> None:
        if not lead:
            return
        if kind == "measures":
            target = "results" if view.cols.has("summary", "outcomes", "status", "reason", "progress") else "measures"
            self.intro[target].extend(self.paragraphs(lead, target + " intro"))
        elif kind == "scores":
            self.summary.extend(self.paragraphs(lead, "assessment summary"))
            for p in lead:
                y = _YEAR.search(_arabic(p.text))
                if y and "ita" in p.text.lower() and self.assessment_year is None:
                    self.assessment_year = int(y.group(1))
        elif kind == "analysis":
            self.analysis_intro.extend(self.paragraphs(lead, "analysis intro"))
        elif kind == "improvements":
            tools = {ita.INDICATORS[r.group.n][0] if r.group and r.group.kind == "indicator" else None for r in new_rows}
            tools |= {self.improvement_tool(r) for r in new_rows}
            tools.discard(None)
            tool = tools.pop() if len(tools) == 1 else None
            rest = list(lead)
            if tool:
                heading = self.headings.setdefault(tool, {})
                while rest and len(C.clean(rest[0].text)) <= 150:
                    p = rest.pop(0)
                    text = C.clean(p.text)
                    piece = self.line_piece(p)
                    if "title" not in heading:
                        heading["title"] = text
                    elif H.squash(heading["title"]) == H.squash(text) and "note" not in heading:
                        pass  # the same heading repeated over the next part of the table
                    else:
                        heading["note"] = (heading.get("note", "") + "\n\n" + C.md_para(text)).strip()
                    piece.dest = f"improvement heading {tool}"
            if rest:
                self.improvements_intro.extend(self.paragraphs(rest, "improvements intro"))
        else:  # pragma: no cover - unknown tables never become views
            pass

    @staticmethod
    def use_group(ref: H.GroupRef | None) -> None:
        piece = getattr(ref, "piece", None)
        if piece is not None:
            piece.dest, piece.why = "group heading", ""

    def improvement_tool(self, row: _LRow) -> str | None:
        ref = H.parse_group(row.text(row.cols.key_roles[0])) if row.cols.key_roles else None
        if ref and ref.kind == "indicator":
            return ita.INDICATORS[ref.n][0]
        return None

    def paragraphs(self, paras: list[Para], dest: str) -> list[tuple[str, list[Piece]]]:
        out = []
        for p in paras:
            piece = self.line_piece(p)
            piece.dest = dest
            text = C.md_para(C.clean(p.text))
            if getattr(p, "section", False):
                text = f"**{text}**"
            out.append((text, [piece]))
        return out

    # ------------------------------------------------------------------ building the files

    def build(self) -> None:
        measures, results = self.build_measures()
        improvements = self.build_improvements()
        assessment = self.build_assessment()
        memo = self.build_memo()
        self.infer_groups(measures, assessment)

        y = self.year
        files = self.plan.files
        has_results = bool(results or improvements or memo)
        if measures:
            data: dict[str, Any] = {}
            data["intro"] = None
            data["measures"] = measures
            files[f"{y}/measures"] = data
        if has_results:
            data = {"intro": None}
            if results:
                data["results"] = results
            if improvements:
                if self.improvements_intro:
                    data["improvements_intro"] = _paras_md([t for t, _ in self.improvements_intro])
                if self.headings:
                    data["improvement_headings"] = {t: self.headings[t] for t in ("IIT", "EIT", "OIT") if t in self.headings}
                data["improvements"] = improvements
            if memo:
                data["memo"] = memo
            files[f"{y}/results"] = data
        if assessment:
            files[f"{assessment.pop('_year')}/assessment"] = assessment
        files.update(self.tabular.build())

        main = f"{y}/results" if has_results else f"{y}/measures" if measures else next(iter(files), "")
        self.plan.main = main
        mkey, rkey = f"{y}/measures", f"{y}/results"
        intros = {mkey: list(self.intro["measures"]), rkey: list(self.intro["results"])}
        if mkey not in files and rkey in files:
            intros[rkey] = intros.pop(mkey) + intros[rkey]
        elif rkey not in files and mkey in files:
            intros[mkey] = intros[mkey] + intros.pop(rkey)
        if self.preamble:
            if main in intros:
                intros[main] = self.paragraphs(self.preamble, "intro") + intros[main]
            elif main.endswith("/assessment"):
                pre = self.paragraphs(self.preamble, "assessment summary")
                files[main]["summary"] = _paras_md([t for t, _ in pre] + [files[main].get("summary", "")])
            else:
                for p in self.preamble:
                    self.line_piece(p).why = "ไม่พบตารางที่รู้จักในเอกสาร"
        for key, paras in intros.items():
            if key in files:
                if paras:
                    files[key]["intro"] = _paras_md([t for t, _ in paras])
                else:
                    del files[key]["intro"]
            else:
                for _, pieces in paras:
                    for p in pieces:
                        p.dest = ""
                        p.why = "ไม่มีตารางให้ผูกข้อความนำ"
        for p in self.trailing:
            piece = self.line_piece(p)
            piece.why = "ข้อความหลังตารางสุดท้าย ไม่รู้ว่าเป็นส่วนใด"
        self.leftovers()

    # ------------------------------------------------------------------ measures and results

    def build_measures(self) -> tuple[list[dict], list[dict]]:
        measures: list[dict] = []
        results: list[dict] = []
        comments = self.plan.comments.setdefault(f"{self.year}/measures", {})
        rcomments = self.plan.comments.setdefault(f"{self.year}/results", {})
        missing_status = []
        rows = self.rows["measures"]
        groups = self.measure_groups(rows)
        numbers = [self.doc_number(row, ref) for row, ref in zip(rows, groups)]
        ids = self.measure_ids(numbers, groups)
        derived = []
        for k, (row, group, (doc_no, title), mid) in enumerate(zip(rows, groups, numbers, ids), 1):
            cols = row.cols
            data: dict[str, Any] = {"id": mid}
            shown = (doc_no or "").strip().rstrip(".").strip()
            if shown and shown != mid:
                data["no"] = shown
            if group and group.kind:
                self.use_group(group)
                data[group.kind] = group.n
                if H.differs_from_official(group):
                    data["group_label"] = group.label
                    if group.joined:
                        comments[("measures", k - 1, "group_label")] = (
                            "ชื่อตัวชี้วัดตามเอกสาร ตัดช่องว่างที่การส่งออกแทรกกลางคำออกแล้ว (line-wrap spaces removed)")
            row.place("title", "measure title")
            if not title and not cols.has("title"):
                title, source = self.derived_title(row)
                if title:
                    derived.append((mid, source))
                    comments[("measures", k - 1, "title")] = (
                        f"เอกสารไม่มีคอลัมน์ชื่อมาตรการ: ชื่อนี้ได้จาก{source} — ตรวจและแก้ให้สั้นกระชับ "
                        "(no title column in the document: derived; check)")
                    for p in row.col("steps" if "ขั้นตอน" in source else "finding").pieces:
                        p.guess = p.guess or "ชื่อมาตรการได้จากข้อความในช่องนี้"
            data["title"] = title
            if not title:
                self.note("แถวนี้ไม่มีชื่อมาตรการ ใส่ title ให้", "this row has no measure title; fill in title", row.loc)
            if cols.has("questions") and row.text("questions"):
                qs = self.questions(row)
                if qs is not None:
                    data["questions"] = qs
                    row.place("questions", "measure questions")
            if "questions" not in data:
                inline = _inline_codes(" ".join(row.text(r) for r in ("finding", "title", "questions") if cols.has(r)))
                if inline:
                    data["questions"] = [{"code": c} for c in inline]
            for role, key in (("finding", "finding"), ("steps", "steps")):
                if row.text(role):
                    data[key] = row.md(role)
                    row.place(role, f"measure {key}")
            if row.text("period"):
                data["period"] = row.text("period")
                row.place("period", "measure period")
            if row.text("responsible"):
                data["responsible"] = row.col("responsible").parsed.entries()
                row.place("responsible", "measure responsible")
            if row.text("monitoring"):
                data["monitoring"] = row.md("monitoring")
                row.place("monitoring", "measure monitoring")
            measures.append(data)

            if cols.has("summary", "outcomes", "status", "reason", "progress"):
                res: dict[str, Any] = {"measure": mid}
                status, how = self.status_of(row)
                summary_role = "summary" if cols.has("summary") else "progress"
                if status is None:
                    has_result = bool(row.text(summary_role) or row.text("outcomes"))
                    status = "done" if has_result else "not_started"
                    missing_status.append((mid, status, row.loc))
                    rcomments[("results", len(results), "status")] = (
                        "เอกสารไม่ได้ระบุสถานะ: ตรวจแล้วแก้เป็น done / in_progress / not_started "
                        "(the document gives no status: check)")
                    for role in (summary_role, "outcomes", "reason", "title"):
                        for p in row.col(role).pieces:
                            p.guess = p.guess or "สถานะของผลการดำเนินการคาดจากข้อความ (เอกสารไม่ได้ระบุ)"
                        if row.col(role).pieces:
                            break
                res["status"] = status
                if row.text(summary_role) or how == summary_role:
                    text = row.md(summary_role)
                    if text:
                        res["summary"] = text
                    row.place(summary_role, "result summary")
                if row.text("outcomes") or how == "outcomes":
                    if row.md("outcomes"):
                        res["outcomes"] = row.md("outcomes")
                    row.place("outcomes", "result outcomes")
                if row.text("reason"):
                    res["reason"] = row.md("reason")
                    row.place("reason", "result reason")
                if cols.has("status"):
                    row.place("status", "result status")
                results.append(res)
            for p in row.pieces():
                if not p.dest and not p.why:
                    if _EMPTY_MARK.match(p.text):
                        p.dest = "empty mark (not content)"
                    else:
                        p.why = "คอลัมน์นี้ไม่มีช่องในแบบข้อมูลมาตรการ"
        if derived:
            self.note(
                "เอกสารไม่มีคอลัมน์ชื่อมาตรการ ชื่อของมาตรการ " + ", ".join(f"{mid} (จาก{src})" for mid, src in derived)
                + " ได้จากข้อความในแถว — ตรวจใน measures.yml",
                f"the document has no title column; the titles of {len(derived)} measure(s) were derived from the row "
                "(the first step, or the finding) — check measures.yml",
            )
        if missing_status:
            done = [mid for mid, s, _ in missing_status if s == "done"]
            self.note(
                f"เอกสารไม่ได้ระบุสถานะของผลการดำเนินการ {len(missing_status)} มาตรการ: ใส่ done (ดำเนินการแล้ว) "
                f"ให้มาตรการที่มีสรุปผล ({', '.join(done) or '-'}) ที่เหลือใส่ not_started — ตรวจใน results.yml",
                f"the document gives no status for {len(missing_status)} result(s): set to done where a summary "
                f"exists ({', '.join(done) or '-'}), otherwise not_started — check results.yml",
                missing_status[0][2],
            )
        if measures:
            kinds = {("indicator" if "indicator" in d else "issue" if "issue" in d else None) for d in measures}
            self.plan.understood.append((
                f"มาตรการ {len(measures)} ข้อ" + (f" และผลการดำเนินการ {len(results)} ข้อ" if results else "")
                + (" จัดกลุ่มตามตัวชี้วัด/ประเด็น" if kinds - {None} else ""),
                f"{len(measures)} measure(s)" + (f" with {len(results)} result(s)" if results else ""),
            ))
        return measures, results

    def measure_groups(self, rows: list[_LRow]) -> list[H.GroupRef | None]:
        """Each row's group: its own group cell, else the one above it in the same table (a cell
        merged down, which a text export leaves empty), else the heading it sits under."""
        out: list[H.GroupRef | None] = []
        above: H.GroupRef | None = None
        prev_cols = None
        for row in rows:
            gcol = "indicator" if row.cols.has("indicator") else "issue" if row.cols.has("issue") else None
            if row.cols is not prev_cols:
                above = None
            prev_cols = row.cols
            group = row.group
            if gcol:
                gtext = row.text(gcol)
                if gtext and not _EMPTY_MARK.match(gtext):
                    ref = H.parse_group(gtext)
                    if ref.kind:
                        group = above = ref
                        row.place(gcol, "measure group")
                    else:
                        row.doc_no = ref.doc_no  # type: ignore[attr-defined]
                        for p in row.col(gcol).pieces:
                            p.why = "อ่านตัวชี้วัด/ประเด็นจากข้อความนี้ไม่ได้"
                elif above is not None:
                    group = above
            out.append(group)
        return out

    def doc_number(self, row: _LRow, group: H.GroupRef | None) -> tuple[str | None, str]:
        """(the number the document prints for the row, the title without a number written into it)."""
        doc_no = getattr(row, "doc_no", None)
        if group is not None and group.doc_no and row.cols.has("indicator", "issue") and row.text(
                "indicator" if row.cols.has("indicator") else "issue"):
            doc_no = group.doc_no
        no_text = row.text("no") if row.cols.has("no") else ""
        title = row.text("title")
        if no_text and not _EMPTY_MARK.match(no_text):
            doc_no = no_text
            row.place("no", "measure number")
        elif doc_no is None and title:
            lead_no = re.match(r"^\s*([0-9๐-๙]{1,2})\s*[.)]\s*(\S.*)$", title)
            if lead_no and not re.search(r"(?:^|\s)[0-9๐-๙]{1,2}[.)]", lead_no.group(2)):
                doc_no, title = lead_no.group(1), lead_no.group(2)
        return doc_no, _STRAY.sub("", title)

    def measure_ids(self, numbers: list[tuple[str | None, str]], groups: list[H.GroupRef | None]) -> list[str]:
        """Ids from the document's numbers; when the numbering starts again in each group, the
        group's number leads ("2-1"), so ids are unique and follow the group."""
        raw = [_measure_id(no) if no else None for no, _ in numbers]
        restart = len({r for r in raw if r}) < len([r for r in raw if r])
        ids: list[str] = []
        for k, (mid, group) in enumerate(zip(raw, groups), 1):
            if restart and mid and group and group.kind:
                mid = f"{group.n}-{mid}"
            base = mid or str(k)
            mid, n = base, 2
            while mid in ids:
                mid, n = f"{base}-{n}", n + 1
            ids.append(mid)
        return ids

    def derived_title(self, row: _LRow) -> tuple[str, str]:
        """A title for a row of a table without a title column: the first step, else the finding."""
        for role, what in (("steps", "ขั้นตอนแรก"), ("finding", "ข้อค้นพบ")):
            bl = [b for b in C.blocks(row.col(role).parsed.segs) if b.text]
            if bl:
                text = bl[0].text.strip()
                if len(text) > 120:
                    cut = text.rfind(" ", 0, 100)
                    text = text[: cut if cut > 40 else 100].rstrip() + "…"
                return text, f"{what} (คอลัมน์ “{row.cols.header_texts[row.cols.index(role)]}”)"
        return "", ""

    def status_of(self, row: _LRow) -> tuple[str | None, str | None]:
        for i, col in enumerate(row.values):
            boxes = col.parsed.boxes
            if boxes.is_status:
                label = boxes.status_label
                if label:
                    return scalars._status(label), row.cols.roles[i]
                if len(boxes.checked) > 1:
                    self.note(f"ทำเครื่องหมายสถานะไว้หลายช่อง: {', '.join(boxes.checked)}",
                              f"several status boxes checked: {', '.join(boxes.checked)}", row.loc)
        if row.cols.has("status"):
            text = row.text("status")
            code = scalars._status(text) if text else None
            if code in scalars.STATUS_TH:
                return code, "status"
        return None, None

    def questions(self, row: _LRow) -> list[dict] | None:
        out: list[dict] = []
        for b in C.blocks(row.col("questions").parsed.segs):
            text = b.text
            # several codes before the text ("i19 i20", "e6, e7 และ e8 …"): one question each
            while True:
                many = re.match(r"^(?:ข้อ\s*)?([IiEeOo])\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])\s*(?:,|และ|/)?\s*"
                                r"(?=(?:ข้อ\s*)?[IiEeOo]\s*[0-9๐-๙]{1,2}(?![0-9๐-๙]))", text)
                if not many:
                    break
                out.append({"code": f"{many.group(1).lower()}{_arabic(many.group(2))}"})
                text = text[many.end():]
            mq = re.match(r"^(?:ข้อ\s*)?([IiEeOo])\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])[\s.:)]*(.*)$", text)
            if mq:
                q = {"code": f"{mq.group(1).lower()}{_arabic(mq.group(2))}"}
                if mq.group(3).strip():
                    q["text"] = C.md_inline(mq.group(3).strip())
                out.append(q)
            elif out:
                out[-1]["text"] = (out[-1].get("text", "") + "\n\n" + C.md_para(b.text)).strip()
            else:
                for p in row.col("questions").pieces:
                    p.why = "ข้อความ ITA ไม่มีรหัสข้อ (เช่น i1, e6)"
                return None
        return out

    # ------------------------------------------------------------------ improvements

    def build_improvements(self) -> list[dict]:
        out: list[dict] = []
        for row in self.rows["improvements"]:
            key = row.cols.key_roles[0] if row.cols.key_roles else None
            ref = H.parse_group(row.text(key)) if key else None
            if not (ref and ref.kind == "indicator"):
                ref = row.group if row.group and row.group.kind == "indicator" and not row.text(key) else None
                self.use_group(ref)
            else:
                row.place(key, "improvement indicator")
            if ref is None:
                for p in row.pieces():
                    p.why = "แถวนี้ไม่ระบุตัวชี้วัดที่ 1–10 (แนวทางยกระดับต้องผูกกับตัวชี้วัด)"
                continue
            data: dict[str, Any] = {"indicator": ref.n}
            score = ref.score or (_number(row.text("score")) if row.text("score") else None)
            if score:
                data["score"] = score
                row.place("score", "improvement score")
            if H.differs_from_official(ref):
                data["label"] = ref.label
            data["approach"] = row.md("approach")
            row.place("approach", "improvement approach")
            if row.text("responsible"):
                data["responsible"] = row.col("responsible").parsed.entries()
                row.place("responsible", "improvement responsible")
            if row.text("period"):
                data["period"] = row.text("period")
                row.place("period", "improvement period")
            prog = "progress" if row.cols.has("progress") else "summary"
            if row.text(prog) or row.col(prog).parsed.boxes.checked:
                if row.md(prog):
                    data["progress"] = row.md(prog)
                row.place(prog, "improvement progress")
            status, _ = self.status_of(row)
            if status:
                data["status"] = status
            if row.cols.has("status"):
                row.place("status", "improvement status")
            for p in row.pieces():
                if not p.dest and not p.why:
                    p.why = "คอลัมน์นี้ไม่มีช่องในแบบข้อมูลแนวทางยกระดับ"
            out.append(data)
        if out:
            self.plan.understood.append((
                f"แนวทางยกระดับผลการประเมินรายตัวชี้วัด {len(out)} ตัวชี้วัด",
                f"improvement approaches for {len(out)} indicator(s)",
            ))
        return out

    # ------------------------------------------------------------------ assessment

    def build_assessment(self) -> dict | None:
        a: dict[str, Any] = {}
        tools: dict[str, dict] = {}
        indicators: list[dict] = []
        total = None
        level = None
        score_rows = self.rows["scores"]
        for row in score_rows:
            key = row.cols.key_roles[0] if row.cols.key_roles else None
            name = row.text(key) if key else ""
            if H.squash(name) in _TOTAL:
                row.place(key, "assessment score")
                for i in range(len(row.values) - 1, -1, -1):
                    num = _number(row.values[i].parsed.plain)
                    if num and row.values[i].pieces:
                        total = num
                        for p in row.values[i].pieces:
                            p.dest = "assessment score"
                        break
                if row.text("level"):
                    level = row.text("level")
                    row.place("level", "assessment level")
                continue
            tool = H.tool_of_heading(name)
            ref = H.parse_group(name)
            if tool is None and ref.kind == "indicator":
                tool = ita.INDICATORS[ref.n][0]
                if row.text("score"):
                    indicators.append({"indicator": ref.n, "score": _number(row.text("score"))})
                    row.place("score", "indicator score")
                row.place(key, "indicator score")
            elif tool is not None:
                row.place(key, "tool score")
                if row.text("score") and not row.text("tool_score"):
                    tools.setdefault(tool, {})["score"] = _number(row.text("score"))
                    row.place("score", "tool score")
            else:
                for p in row.pieces():
                    p.why = "อ่านตัวชี้วัด/แบบวัดของแถวคะแนนนี้ไม่ได้"
                continue
            for role, field_ in (("tool_score", "score"), ("weight", "weight"), ("weighted", "weighted")):
                val = row.text(role)
                if val and row.col(role).pieces:  # a merged-over cell belongs to the row that has it
                    tools.setdefault(tool, {})[field_] = _number(val)
                    row.place(role, "tool score")
            for p in row.pieces():
                if not p.dest and not p.why:
                    p.why = "คอลัมน์นี้ไม่มีช่องในแบบข้อมูลคะแนน"
        summary_text = " ".join(t for t, _ in self.summary)
        head = _SCORE_LEVEL.search(_arabic(summary_text))
        lv = _LEVEL.search(summary_text)
        if level is None and lv:
            level = lv.group(1)
        if total is None and head:
            total = head.group(1)
        analysis = self.build_analysis()
        recs, rec_intro = self.build_recommendations()
        if total is None and not (indicators or tools or analysis or recs):
            return None
        if total is None:
            pieces = [p for r in score_rows for p in r.pieces()] + [p for r in self.rows["analysis"] for p in r.pieces()]
            pieces += [self.line_piece(p) for p in self.rec_lines]
            pieces += [pc for _, ps in self.summary + self.analysis_intro for pc in ps]
            for p in pieces:
                p.dest = ""
                p.why = "ไม่พบคะแนนรวม ITA (assessment.yml ต้องมี score และ level) จึงสร้างผลการประเมินไม่ได้"
            self.note(
                "พบตารางคะแนน/การวิเคราะห์ แต่ไม่พบคะแนนรวมและระดับ จึงไม่สร้าง assessment.yml",
                "found scores/analysis but no total score and level, so assessment.yml was not written",
            )
            return None
        if level is None:
            level = ita.band_of(float(_arabic(total)))
            self.note(
                f"เอกสารไม่ได้ระบุระดับผลการประเมิน ใส่ระดับ {level} ตามช่วงคะแนน {total} — ตรวจกับประกาศของ ป.ป.ช.",
                f"the document states no level; set {level} from the score {total} — check the NACC's result",
            )
        year = self.assessment_year or self.year - 1
        if self.assessment_year is None:
            self.note(
                f"ไม่พบปีของผลการประเมิน ITA ในเอกสาร ใช้ปี {year} (ปีก่อนปีงบประมาณของมาตรการ)",
                f"the document does not state the ITA year of the assessment; used {year} (the year before --year)",
            )
        a["_year"] = year
        a["score"] = total
        a["level"] = level
        if self.summary:
            a["summary"] = _paras_md([t for t, _ in self.summary])
        if tools:
            a["tools"] = {t: tools[t] for t in ("IIT", "EIT", "OIT") if t in tools}
        if indicators:
            a["indicators"] = indicators
        if rec_intro:
            a["recommendations_intro"] = rec_intro
        if recs:
            a["recommendations"] = recs
        if self.analysis_intro:
            a["analysis_intro"] = _paras_md([t for t, _ in self.analysis_intro])
        if analysis:
            a["analysis"] = analysis
        self.plan.understood.append((
            f"ผลการประเมิน ITA ปี {year}: คะแนน {total} ระดับ {level}, คะแนนรายตัวชี้วัด {len(indicators)}, "
            f"ข้อเสนอแนะ {len(recs)} ข้อ, การวิเคราะห์ {len(analysis)} แถว",
            f"ITA {year} assessment: score {total}, level {level}, {len(indicators)} indicator score(s), "
            f"{len(recs)} recommendation(s), {len(analysis)} analysis row(s)",
        ))
        return a

    def build_analysis(self) -> list[dict]:
        out = []
        for row in self.rows["analysis"]:
            key = row.cols.key_roles[0] if row.cols.key_roles else None
            ref = H.parse_group(row.text(key)) if key else None
            if not (ref and ref.kind) and row.group and row.group.kind and not row.text(key):
                ref = row.group
                self.use_group(ref)
            if not (ref and ref.kind):
                for p in row.pieces():
                    p.why = "อ่านตัวชี้วัด/ประเด็นของแถววิเคราะห์นี้ไม่ได้"
                continue
            row.place(key, "analysis row")
            data: dict[str, Any] = {ref.kind: ref.n}
            if H.differs_from_official(ref):
                data["title"] = ref.label
            for role in ("maintain", "weaknesses"):
                if row.text(role):
                    data[role] = row.md(role)
                    row.place(role, f"analysis {role}")
            for p in row.pieces():
                if not p.dest and not p.why:
                    p.why = "คอลัมน์นี้ไม่มีช่องในแบบข้อมูลการวิเคราะห์"
            out.append(data)
        return out

    def build_recommendations(self) -> tuple[list[dict], str]:
        intro: list[str] = []
        items: list[dict] = []
        current: list[str] | None = None
        context_tool: str | None = None
        for p in self.rec_lines:
            text = C.clean(p.text)
            piece = self.line_piece(p)
            mr = _REC.match(text)
            code = None
            if mr:
                letter, num, rest = mr.groups()
                if letter and letter in "0๐":
                    letter = "O"
                if letter:
                    code = f"{letter.upper()}{int(_arabic(num))}"
                elif context_tool:
                    code = f"{context_tool[0]}{int(_arabic(num))}"
                    self.note(
                        f"“ข้อ {num}” ไม่มีอักษรนำหน้า อ่านเป็น {code} จากแบบวัด {context_tool} ที่กล่าวถึงก่อนหน้า — ตรวจ",
                        f"“ข้อ {num}” has no letter; read as {code} from the {context_tool} mentioned just before — check",
                        p.loc,
                    )
            if code:
                current = [C.md_inline(mr.group(3))] if mr.group(3) else []
                items.append({"code": code, "_paras": current})
                piece.dest = f"recommendation {code}"
            elif current is not None:
                if p.gap_before or not current:
                    current.append(C.md_inline(text))
                else:
                    current[-1] = (current[-1] + " " + C.md_inline(text)).strip()
                piece.dest = f"recommendation {items[-1]['code']}"
            else:
                if p.gap_before or not intro:
                    intro.append(C.md_para(text))
                else:
                    intro[-1] = intro[-1] + " " + C.md_inline(text)
                piece.dest = "recommendations intro"
            for tool in ("IIT", "EIT", "OIT"):
                if re.search(rf"(?<![A-Za-z]){tool}(?![A-Za-z])", text):
                    context_tool = tool
        for item in items:
            paras = item.pop("_paras")
            item["text"] = "\n\n".join(x for x in paras if x)
        return items, "\n\n".join(intro)

    # ------------------------------------------------------------------ memo

    def build_memo(self) -> dict | None:
        lines = self.memo_lines
        if not lines:
            return None
        memo: dict[str, Any] = {}
        pieces = [self.line_piece(p) for p in lines]
        pieces[0].dest = "memo"
        i = 1
        header = {"ส่วนราชการ": "department", "ที่": "number", "วันที่": "date", "เรื่อง": "subject", "เรียน": "to"}
        while i < len(lines) and "to" not in memo:
            text = C.clean(lines[i].text)
            word = next((w for w in sorted(header, key=len, reverse=True) if text.startswith(w + " ") or text == w), None)
            if word is None:
                break
            rest = text[len(word):].strip()
            if word == "ที่" and " วันที่ " in f" {rest} ":
                rest, _, date_text = rest.partition("วันที่")
                memo["date"] = date_text.strip()
                rest = rest.strip()
            memo[header[word]] = rest
            pieces[i].dest = f"memo {header[word]}"
            i += 1
        if "date" in memo:
            try:
                thai.parse_date(memo["date"])
            except thai.DateError:
                self.note(f"อ่านวันที่ของบันทึกข้อความ “{memo['date']}” ไม่ได้ — ใส่ไว้ในเนื้อความแทน",
                          f"cannot read the memo date “{memo['date']}”; kept in the body instead", lines[0].loc)
                memo["_date_text"] = memo.pop("date")
        body: list[str] = []
        if memo.get("_date_text"):
            body.append(C.md_para("วันที่ " + memo.pop("_date_text")))
        sigs: list[dict] = []
        block: list[tuple[str, Piece]] = []
        j = i
        while j < len(lines):
            text = C.clean(lines[j].text)
            sig = _SIGNATURE.match(text)
            if sig and j + 1 < len(lines) and not _SIGNATURE.match(C.clean(lines[j + 1].text)):
                s: dict[str, Any] = {}
                if not sigs:  # what precedes the first signature is the memo's body
                    for t, pc in block:
                        body.append(C.md_para(t))
                        pc.dest = "memo body"
                else:
                    opinion = []
                    for t, pc in block:
                        if t.startswith("เรียน ") and "to" not in s and not opinion:
                            s["to"] = t[len("เรียน "):].strip()
                        else:
                            opinion.append(C.md_para(t))
                        pc.dest = "memo signature"
                    if opinion:
                        s["opinion"] = "\n\n".join(opinion)
                block = []
                s["name"] = sig.group(1).strip()
                s["position"] = C.clean(lines[j + 1].text)
                pieces[j].dest = pieces[j + 1].dest = "memo signature"
                sigs.append({k: s[k] for k in ("to", "opinion", "name", "position") if k in s})
                j += 2
                continue
            block.append((text, pieces[j]))
            j += 1
        if not sigs:
            body.extend(C.md_para(t) for t, _ in block)
            for _, pc in block:
                pc.dest = "memo body"
            block = []
        for t, pc in block:
            pc.why = "ข้อความท้ายบันทึกข้อความที่ไม่มีผู้ลงนามตามมา"
        for k in ("department", "subject", "to"):
            if not memo.get(k):
                for pc in pieces:
                    pc.dest = ""
                    pc.why = pc.why or "บันทึกข้อความขาดส่วนราชการ เรื่อง หรือเรียน จึงสร้างเป็นบันทึกข้อความไม่ได้"
                self.note(
                    "พบ “บันทึกข้อความ” แต่ไม่พบส่วนราชการ เรื่อง หรือเรียน ครบ จึงไม่ได้สร้าง memo",
                    "found a memo but not its department, subject and addressee; no memo was written",
                    lines[0].loc,
                )
                return None
        memo["body"] = "\n\n".join(body)
        if sigs:
            memo["signatures"] = sigs
        self.plan.understood.append((
            f"บันทึกข้อความเสนอผู้บริหาร พร้อมผู้ลงนาม {len(sigs)} คน",
            f"an approval memo with {len(sigs)} signature(s)",
        ))
        return {k: memo[k] for k in ("department", "number", "date", "subject", "to", "body", "signatures") if k in memo}

    # ------------------------------------------------------------------ grouping inferred from the analysis

    def infer_groups(self, measures: list[dict], assessment: dict | None) -> None:
        if not measures or not assessment or any("indicator" in d or "issue" in d for d in measures):
            return
        weak = [r for r in assessment.get("analysis", []) if r.get("weaknesses")]
        if len(weak) != len(measures):
            return
        comments = self.plan.comments.setdefault(f"{self.year}/measures", {})
        pairs = []
        for k, (d, r) in enumerate(zip(measures, weak)):
            kind = "indicator" if "indicator" in r else "issue"
            d_items = list(d.items())
            d.clear()
            for key, val in d_items:
                d[key] = val
                if key in ("no", "id") and (key == "no" or "no" not in dict(d_items)):
                    d[kind] = r[kind]
            if kind not in d:
                d[kind] = r[kind]
            comments[("measures", k, kind)] = (
                "ตารางมาตรการไม่ระบุตัวชี้วัด: จับคู่ตามลำดับกับแถววิเคราะห์ที่มีจุดอ่อน — ตรวจ")
            pairs.append(f"{d['id']}→{r[kind]}")
        self.note(
            "ตารางมาตรการไม่ระบุตัวชี้วัด จึงจัดกลุ่มตามลำดับของประเด็นจุดอ่อนในตารางวิเคราะห์ "
            f"({', '.join(pairs)}) — ตรวจใน measures.yml",
            "the measures table names no indicator; grouped in the order of the analysis rows with weaknesses "
            f"({', '.join(pairs)}) — check measures.yml",
        )

    # ------------------------------------------------------------------ unplaced text

    def leftovers(self) -> None:
        """What could not be placed goes to content/<year>/import-leftovers.yml — a file the site
        never reads; `oit check` warns about each entry until the clerk has moved it."""
        left = sorted(self.plan.unplaced, key=lambda p: p.loc.sort_key())
        if not left:
            return
        year = self.plan.main.split("/")[0] if self.plan.main else str(self.year)
        items = []
        for p in left:
            item: dict[str, Any] = {"where": p.where_th()}
            if p.why:
                item["why"] = p.why
            item["text"] = p.text
            items.append(item)
        self.plan.leftovers_file = f"{year}/{LEFTOVERS}"
        self.plan.files[self.plan.leftovers_file] = {"source": self.doc.name, "leftovers": items}
        self.plan.comments.setdefault(self.plan.leftovers_file, {})[("leftovers",)] = (
            "ข้อความจากเอกสารที่โปรแกรมนำเข้าไม่รู้ว่าเป็นช่องใด ไฟล์นี้ไม่ถูกเผยแพร่บนเว็บไซต์\n"
            "ย้ายแต่ละข้อไปไว้ในช่องที่ถูกต้องของไฟล์ในโฟลเดอร์นี้ แล้วลบรายการนั้น ลบไฟล์นี้เมื่อไม่เหลือรายการ\n"
            "oit check เตือนทุกรายการที่ยังอยู่ และ oit check --strict ไม่ผ่านจนกว่าจะจัดวางครบ\n"
            "(text the importer could not place; never published: move each entry to its field, delete it, "
            "and delete this file when empty)")


LEFTOVERS = "import-leftovers"  # generator/load.py reads the same name (LEFTOVERS_FILE)


def understand(doc: Doc, year: int) -> Plan:
    return Understanding(doc, year).run()
