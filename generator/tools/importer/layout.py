"""Reading a document's layout: tables recognised by their headers, paragraphs assigned to them.

The `Layout` part of `understand.Understanding` (see that module for how the document is read):
tables become views by their header rows (or continue the previous table), rows become logical
rows (heading rows set the group or tool, continuation rows are joined, repeated headers skipped),
and paragraphs become leads, group headings, sections, recommendations or memo lines.
"""

from __future__ import annotations

from typing import Any

from generator.content import ita
from generator.tools.importer import cells as C
from generator.tools.importer import headers as H
from generator.tools.importer import tabular as T
from generator.tools.importer.ledger import Piece, Plan
from generator.tools.importer.rows import CONT, CONT_SUFFIX, PAGE_NUMBER, SECTION, YEAR, Col, LRow, TableView, arabic
from generator.tools.importer.source import Para, Row, Table
from generator.tools.importer.state import ReadingState


class Layout(ReadingState):
    # ------------------------------------------------------------------ tables → views

    def view_of(self, table: Table, prev: H.Columns | None) -> TableView | None:
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
                    texts = [f"{a} {b}".strip() if a != b else a for a, b in zip(texts0, texts1, strict=False)]
                    used = 2
            cols = H.columns(texts)
            if cols.kind == "unknown":
                return None
            return TableView(table, cols, rows[used:], used)
        if prev is not None and len(prev.roles) == table.width:
            return TableView(table, prev, rows, 0)
        return None

    def is_repeated_header(self, row: Row, cols: H.Columns) -> bool:
        texts = [C.parse(c.html).plain for c in row.cells]
        if not H.looks_like_header(texts):
            return False
        roles = H.columns(texts).roles
        return all(r is None or i >= len(roles) or roles[i] == r for i, r in enumerate(cols.roles))

    # ------------------------------------------------------------------ the document

    def read(self) -> Plan:
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
        return self.plan

    def table_as_paragraphs(self, table: Table) -> list[Para]:
        out = []
        for row in table.rows:
            for _col, cell in enumerate(row.cells):
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
                if PAGE_NUMBER.match(text):
                    self.line_piece(block).dest = "page number (not content)"
                    continue
                if not in_recs and not in_memo and H.heading_group(text):
                    block.group_ref = H.heading_group(text)
                    pending.append(block)
                    continue
                sec = SECTION.match(text)
                if sec and int(arabic(sec.group(1))) == next_section and len(text) < 200:
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

    def table(self, view: TableView, lead: list[Para]) -> None:
        kind = view.cols.kind
        rows = self.rows[kind]
        group: H.GroupRef | None = None
        tool: str | None = None
        # A lead paragraph that names an indicator/ประเด็น heads the rows of a measures table (and
        # of its parts on the next pages, until the next heading).
        headed = [i for i, p in enumerate(lead) if getattr(p, "group_ref", None)]
        if kind == "measures" and headed:
            i = headed[-1]
            group = lead[i].group_ref
            group.piece = self.line_piece(lead[i])
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
                    piece = self.filled_cell_piece(row, non_empty[0], view.cols, row.cells[non_empty[0]].own)
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
                    piece = self.filled_cell_piece(row, 0, view.cols, row.cells[0].own)
                    if kind == "improvements" and ref.kind == "indicator":
                        # a sub-heading over indicator rows: shown under the tool's heading
                        t = ita.INDICATORS[ref.number][0]
                        heading = self.headings.setdefault(t, {})
                        heading["note"] = (heading.get("note", "") + "\n\n" + C.md_para(only)).strip()
                        piece.dest = f"improvement heading {t}"
                        continue
                    group, fresh_heading = ref, True
                    if kind == "measures":
                        self.current_group = ref
                    group.piece = piece  # placed when a row uses it
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
                    if CONT.match(parsed.plain or ""):
                        piece = self.filled_cell_piece(row, i, view.cols, cell.own)
                        piece.dest = "continuation mark"
                        continue
                    key_text = CONT_SUFFIX.sub("", parsed.plain)
                    if key_text != parsed.plain and H.squash(key_text) == H.squash(target.values[i].parsed.plain):
                        piece = self.filled_cell_piece(row, i, view.cols, cell.own)
                        piece.dest = "continuation mark"
                        continue
                    joined = self.cell_piece(row, i, view.cols, cell.own)
                    target.values[i].html = (target.values[i].html + " " + cell.own).strip()
                    if joined:
                        target.values[i].pieces.append(joined)
                continue
            values = []
            for i, cell in enumerate(row.cells):
                col = Col(cell.html)
                if not cell.merged:
                    cell_piece = self.cell_piece(row, i, view.cols, cell.html)
                    if cell_piece:
                        col.pieces.append(cell_piece)
                values.append(col)
            rows.append(LRow(kind, view.cols, values, row.loc, group, tool))
            fresh_heading = False
        if kind == "measures" and group is not None:
            self.current_group = group
        self.lead(view, kind, lead, rows[first_new:])

    def _is_key_only(self, view: TableView, row: Row, kind: str) -> bool:
        """In an analysis/score/improvement table, an indicator cell alone is still a data row."""
        return kind in ("analysis", "scores", "improvements") and row.cells[0].span <= 1 and view.cols.roles[0] in (
            "indicator", "issue")

    def continues(self, view: TableView, row: Row, prev: LRow) -> bool:
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
            if CONT.match(text):
                continue
            stripped = CONT_SUFFIX.sub("", text)
            if stripped != text and H.squash(stripped) == H.squash(prev.values[i].parsed.plain):
                continue
            return False
        others = [i for i in range(len(row.cells)) if i not in keys and row.cells[i].own.strip()]
        return bool(others) or any(CONT.match(C.parse(row.cell(i).own).plain or "-") for i in keys)

    # ------------------------------------------------------------------ lead text

    def lead(self, view: TableView, kind: str, lead: list[Para], new_rows: list[LRow]) -> None:
        if not lead:
            return
        if kind == "measures":
            target = "results" if view.cols.has("summary", "outcomes", "status", "reason", "progress") else "measures"
            self.intro[target].extend(self.paragraphs(lead, target + " intro"))
        elif kind == "scores":
            self.summary.extend(self.paragraphs(lead, "assessment summary"))
            for p in lead:
                y = YEAR.search(arabic(p.text))
                if y and "ita" in p.text.lower() and self.assessment_year is None:
                    self.assessment_year = int(y.group(1))
        elif kind == "analysis":
            self.analysis_intro.extend(self.paragraphs(lead, "analysis intro"))
        elif kind == "improvements":
            tools = {ita.INDICATORS[r.group.number][0] if r.group and r.group.kind == "indicator" else None for r in new_rows}
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

    def improvement_tool(self, row: LRow) -> str | None:
        ref = H.parse_group(row.text(row.cols.key_roles[0])) if row.cols.key_roles else None
        if ref and ref.kind == "indicator":
            return ita.INDICATORS[ref.number][0]
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
