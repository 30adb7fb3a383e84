"""The approval memo (บันทึกข้อความ) that closes a results report: header lines, body and the chain
of signatures (results.yml `memo`).

The `MemoBuilder` part of `understand.Understanding`.
"""

from __future__ import annotations

from typing import Any

from generator import thai
from generator.tools.importer import cells as C
from generator.tools.importer.ledger import Piece
from generator.tools.importer.rows import SIGNATURE
from generator.tools.importer.state import ReadingState


class MemoBuilder(ReadingState):
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
            sig = SIGNATURE.match(text)
            if sig and j + 1 < len(lines) and not SIGNATURE.match(C.clean(lines[j + 1].text)):
                s: dict[str, Any] = {}
                if not sigs:  # what precedes the first signature is the memo's body
                    for t, pc in block:
                        body.append(C.md_para(t))
                        pc.dest = "memo body"
                else:
                    opinion: list[str] = []
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
        for _t, pc in block:
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
