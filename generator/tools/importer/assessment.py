"""The ITA assessment: total score and level, tool and indicator scores, the NACC's
recommendations and the analysis per indicator or ประเด็น (assessment.yml).

The `AssessmentBuilder` part of `understand.Understanding`.
"""

from __future__ import annotations

import re
from typing import Any

from generator.content import ita
from generator.tools.importer import cells as C
from generator.tools.importer import headers as H
from generator.tools.importer.rows import LEVEL, REC, SCORE_LEVEL, TOTAL, arabic, number_in, paras_md
from generator.tools.importer.state import ReadingState


class AssessmentBuilder(ReadingState):
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
            if H.squash(name) in TOTAL:
                row.place(key, "assessment score")
                for i in range(len(row.values) - 1, -1, -1):
                    num = number_in(row.values[i].parsed.plain)
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
                tool = ita.INDICATORS[ref.number][0]
                if row.text("score"):
                    indicators.append({"indicator": ref.n, "score": number_in(row.text("score"))})
                    row.place("score", "indicator score")
                row.place(key, "indicator score")
            elif tool is not None:
                row.place(key, "tool score")
                if row.text("score") and not row.text("tool_score"):
                    tools.setdefault(tool, {})["score"] = number_in(row.text("score"))
                    row.place("score", "tool score")
            else:
                for p in row.pieces():
                    p.why = "อ่านตัวชี้วัด/แบบวัดของแถวคะแนนนี้ไม่ได้"
                continue
            for role, field_ in (("tool_score", "score"), ("weight", "weight"), ("weighted", "weighted")):
                val = row.text(role)
                if val and row.col(role).pieces:  # a merged-over cell belongs to the row that has it
                    tools.setdefault(tool, {})[field_] = number_in(val)
                    row.place(role, "tool score")
            for p in row.pieces():
                if not p.dest and not p.why:
                    p.why = "คอลัมน์นี้ไม่มีช่องในแบบข้อมูลคะแนน"
        summary_text = " ".join(t for t, _ in self.summary)
        head = SCORE_LEVEL.search(arabic(summary_text))
        lv = LEVEL.search(summary_text)
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
            level = ita.band_of(float(arabic(total)))
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
            a["summary"] = paras_md([t for t, _ in self.summary])
        if tools:
            a["tools"] = {t: tools[t] for t in ("IIT", "EIT", "OIT") if t in tools}
        if indicators:
            a["indicators"] = indicators
        if rec_intro:
            a["recommendations_intro"] = rec_intro
        if recs:
            a["recommendations"] = recs
        if self.analysis_intro:
            a["analysis_intro"] = paras_md([t for t, _ in self.analysis_intro])
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
            mr = REC.match(text)
            code = None
            if mr:
                letter, num, _rest = mr.groups()
                if letter and letter in "0๐":
                    letter = "O"
                if letter:
                    code = f"{letter.upper()}{int(arabic(num))}"
                elif context_tool:
                    code = f"{context_tool[0]}{int(arabic(num))}"
                    self.note(
                        f"“ข้อ {num}” ไม่มีอักษรนำหน้า อ่านเป็น {code} จากแบบวัด {context_tool} ที่กล่าวถึงก่อนหน้า — ตรวจ",
                        f"“ข้อ {num}” has no letter; read as {code} from the {context_tool} mentioned just before — check",
                        p.loc,
                    )
            if code and mr:
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
