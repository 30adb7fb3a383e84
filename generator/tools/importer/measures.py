"""Measures, their results, and the improvement approaches per indicator (measures.yml, results.yml).

The `MeasuresBuilder` part of `understand.Understanding`: each logical row of a measures table
becomes a measure (group, id, title, questions, steps, period, responsible, monitoring) and, when
the table reports results, a result (status, summary, outcomes, reason); improvement rows become
`improvements`; a measures table that names no group is paired with the analysis rows.
"""

from __future__ import annotations

import re
from typing import Any

from generator.content import scalars
from generator.tools.importer import cells as C
from generator.tools.importer import headers as H
from generator.tools.importer.rows import EMPTY_MARK, STRAY, LRow, arabic, inline_codes, measure_id, number_in
from generator.tools.importer.state import ReadingState


class MeasuresBuilder(ReadingState):
    def build_measures(self) -> tuple[list[dict], list[dict]]:
        measures: list[dict] = []
        results: list[dict] = []
        comments = self.plan.comments.setdefault(f"{self.year}/measures", {})
        rcomments = self.plan.comments.setdefault(f"{self.year}/results", {})
        missing_status = []
        rows = self.rows["measures"]
        groups = self.measure_groups(rows)
        numbers = [self.doc_number(row, ref) for row, ref in zip(rows, groups, strict=False)]
        ids = self.measure_ids(numbers, groups)
        derived = []
        for k, (row, group, (doc_no, title), mid) in enumerate(zip(rows, groups, numbers, ids, strict=False), 1):
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
                inline = inline_codes(" ".join(row.text(r) for r in ("finding", "title", "questions") if cols.has(r)))
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
                    if EMPTY_MARK.match(p.text):
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

    def measure_groups(self, rows: list[LRow]) -> list[H.GroupRef | None]:
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
                if gtext and not EMPTY_MARK.match(gtext):
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

    def doc_number(self, row: LRow, group: H.GroupRef | None) -> tuple[str | None, str]:
        """(the number the document prints for the row, the title without a number written into it)."""
        doc_no = getattr(row, "doc_no", None)
        if group is not None and group.doc_no and row.cols.has("indicator", "issue") and row.text(
                "indicator" if row.cols.has("indicator") else "issue"):
            doc_no = group.doc_no
        no_text = row.text("no") if row.cols.has("no") else ""
        title = row.text("title")
        if no_text and not EMPTY_MARK.match(no_text):
            doc_no = no_text
            row.place("no", "measure number")
        elif doc_no is None and title:
            lead_no = re.match(r"^\s*([0-9๐-๙]{1,2})\s*[.)]\s*(\S.*)$", title)
            if lead_no and not re.search(r"(?:^|\s)[0-9๐-๙]{1,2}[.)]", lead_no.group(2)):
                doc_no, title = lead_no.group(1), lead_no.group(2)
        return doc_no, STRAY.sub("", title)

    def measure_ids(self, numbers: list[tuple[str | None, str]], groups: list[H.GroupRef | None]) -> list[str]:
        """Ids from the document's numbers; when the numbering starts again in each group, the
        group's number leads ("2-1"), so ids are unique and follow the group."""
        raw = [measure_id(no) if no else None for no, _ in numbers]
        restart = len({r for r in raw if r}) < len([r for r in raw if r])
        ids: list[str] = []
        for k, (mid, group) in enumerate(zip(raw, groups, strict=False), 1):
            if restart and mid and group and group.kind:
                mid = f"{group.n}-{mid}"
            base = mid or str(k)
            mid, n = base, 2
            while mid in ids:
                mid, n = f"{base}-{n}", n + 1
            ids.append(mid)
        return ids

    def derived_title(self, row: LRow) -> tuple[str, str]:
        """A title for a row of a table without a title column: the first step, else the finding."""
        for role, what in (("steps", "ขั้นตอนแรก"), ("finding", "ข้อค้นพบ")):
            bl = [b for b in C.blocks(row.col(role).parsed.segs) if b.text]
            if bl:
                text = bl[0].text.strip()
                if len(text) > 120:
                    cut = text.rfind(" ", 0, 100)
                    text = text[: cut if cut > 40 else 100].rstrip() + "…"
                return text, f"{what} (คอลัมน์ “{row.cols.header_texts[row.cols.roles.index(role)]}”)"
        return "", ""

    def status_of(self, row: LRow) -> tuple[str | None, str | None]:
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

    def questions(self, row: LRow) -> list[dict] | None:
        out: list[dict] = []
        for b in C.blocks(row.col("questions").parsed.segs):
            text = b.text
            # several codes before the text ("i19 i20", "e6, e7 และ e8 …"): one question each
            while True:
                many = re.match(r"^(?:ข้อ\s*)?([IiEeOo])\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])\s*(?:,|และ|/)?\s*"
                                r"(?=(?:ข้อ\s*)?[IiEeOo]\s*[0-9๐-๙]{1,2}(?![0-9๐-๙]))", text)
                if not many:
                    break
                out.append({"code": f"{many.group(1).lower()}{arabic(many.group(2))}"})
                text = text[many.end():]
            mq = re.match(r"^(?:ข้อ\s*)?([IiEeOo])\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])[\s.:)]*(.*)$", text)
            if mq:
                q = {"code": f"{mq.group(1).lower()}{arabic(mq.group(2))}"}
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
            score = ref.score or (number_in(row.text("score")) if row.text("score") else None)
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

    # ------------------------------------------------------------------ grouping inferred from the analysis

    def infer_groups(self, measures: list[dict], assessment: dict | None) -> None:
        if not measures or not assessment or any("indicator" in d or "issue" in d for d in measures):
            return
        weak = [r for r in assessment.get("analysis", []) if r.get("weaknesses")]
        if len(weak) != len(measures):
            return
        comments = self.plan.comments.setdefault(f"{self.year}/measures", {})
        pairs = []
        for k, (d, r) in enumerate(zip(measures, weak, strict=False)):
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
