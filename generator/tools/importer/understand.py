"""What a document says, in the project's terms: measures, results, assessment, tabular
disclosures — and what is left.

Input: a `Doc` (paragraphs and tables in order, repaired: repair.py). Output: a `Plan`
(ledger.py) holding the data of each file to write (plain dicts in the shape of
generator/content/models.py, with YAML comments), and a ledger of every piece of the source (each
non-empty table cell, each line of text) with where it went, whether an assumption placed it, or
why it is left.

`Understanding` is assembled from its parts, one module each: `layout.Layout` (tables, rows,
paragraphs), `measures.MeasuresBuilder` (measures, results, improvements),
`assessment.AssessmentBuilder` (scores, recommendations, analysis), `memo.MemoBuilder` (the
approval memo) and `tabular.Tabular` (procurement, complaints, plan progress); this module runs
them and writes the files and the leftovers.

How the document is read

* Tables are recognised by their header words (headers.py; tabular.py first, for the tabular
  disclosures). A table whose first row is not a header continues the previous table when it has
  as many columns (a table split across pages without a repeated header); a header row repeated
  inside or at the top of a later part is recognised and skipped. Header-less tables of other
  shapes (layout tables, signature blocks) are read as paragraphs.
* Groups: a row with a single cell (or one merged across the row) naming a tool ("แบบวัด … (IIT)"),
  an indicator or a ประเด็น is a heading; so is a paragraph right before a measures table that
  names one (headers.heading_group: "ประเด็นที่ ๑ …", "(๑) …", "๑) …", "1. …", the official name
  alone, bold or marked as a heading). The rows below sit under it, also in the table's parts on
  the next pages, until the next heading. A group column left empty below a filled cell (a cell
  merged down) keeps the group above.
* Rows whose identifying cells (number, measure, indicator — by table kind) are empty, merged
  from above, or marked "(ต่อ)" continue the row before, also across tables.
* Paragraphs are the lead text of the table that follows them (its intro, or the tool heading
  of an improvements table), except: page numbers ("- ๒ -", "หน้า 2") are not content; the
  numbered sections of a document ("1. …", "2. …" in sequence) bound these leads and the text
  before section 1 is the document's preamble; the paragraphs after a score table hold the NACC's
  recommendations (items start "ข้อ I17", "ข้อ E6" …); from a line "บันทึกข้อความ" on, the lines
  are an approval memo. Paragraphs after the last table that are not a memo are left.

Files: measures and results go to content/<year>/ (`--year` is their fiscal year); an ITA
assessment goes to content/<ITA year>/ where the ITA year is the one the document states for it
(e.g. "ผลการประเมิน ITA … ปีงบประมาณ พ.ศ. 2565"), else year − 1, the year whose analysis the
measures of `year` are based on. What is left goes to content/<year>/import-leftovers.yml, which
the site never reads (`LEFTOVERS`; content/load.py warns about each entry).
"""

from __future__ import annotations

from typing import Any

from generator.content.topics import LEFTOVERS_FILE, LEFTOVERS_KEY
from generator.tools.importer.assessment import AssessmentBuilder
from generator.tools.importer.layout import Layout
from generator.tools.importer.ledger import Note, Piece, Plan
from generator.tools.importer.measures import MeasuresBuilder
from generator.tools.importer.memo import MemoBuilder
from generator.tools.importer.rows import paras_md
from generator.tools.importer.source import Doc

__all__ = ["LEFTOVERS", "Note", "Piece", "Plan", "Understanding", "understand"]


class Understanding(Layout, MeasuresBuilder, AssessmentBuilder, MemoBuilder):
    # ------------------------------------------------------------------ pieces

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
                    data["improvements_intro"] = paras_md([t for t, _ in self.improvements_intro])
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
                files[main]["summary"] = paras_md([t for t, _ in pre] + [files[main].get("summary", "")])
            else:
                for p in self.preamble:
                    self.line_piece(p).why = "ไม่พบตารางที่รู้จักในเอกสาร"
        for key, paras in intros.items():
            if key in files:
                if paras:
                    files[key]["intro"] = paras_md([t for t, _ in paras])
                else:
                    del files[key]["intro"]
            else:
                for _, pieces in paras:
                    for lead_piece in pieces:
                        lead_piece.dest = ""
                        lead_piece.why = "ไม่มีตารางให้ผูกข้อความนำ"
        for para in self.trailing:
            piece = self.line_piece(para)
            piece.why = "ข้อความหลังตารางสุดท้าย ไม่รู้ว่าเป็นส่วนใด"
        self.leftovers()

    # ------------------------------------------------------------------ measures and results

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
        self.plan.files[self.plan.leftovers_file] = {"source": self.doc.name, LEFTOVERS_KEY: items}
        self.plan.comments.setdefault(self.plan.leftovers_file, {})[(LEFTOVERS_KEY,)] = (
            "ข้อความจากเอกสารที่โปรแกรมนำเข้าไม่รู้ว่าเป็นช่องใด ไฟล์นี้ไม่ถูกเผยแพร่บนเว็บไซต์\n"
            "ย้ายแต่ละข้อไปไว้ในช่องที่ถูกต้องของไฟล์ในโฟลเดอร์นี้ แล้วลบรายการนั้น ลบไฟล์นี้เมื่อไม่เหลือรายการ\n"
            "oit check เตือนทุกรายการที่ยังอยู่ และ oit check --strict ไม่ผ่านจนกว่าจะจัดวางครบ\n"
            "(text the importer could not place; never published: move each entry to its field, delete it, "
            "and delete this file when empty)")



LEFTOVERS = LEFTOVERS_FILE  # content/load.py warns about each entry


def understand(doc: Doc, year: int) -> Plan:
    reading = Understanding(doc, year)
    reading.read()
    reading.build()
    return reading.plan
