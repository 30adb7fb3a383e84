"""Tabular disclosures clerks keep in Excel (or Word/PDF tables): three shapes the model holds.

* สขร.1 — the monthly procurement summary (สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน …): columns
  งานที่จัดซื้อหรือจัดจ้าง, วงเงิน/ราคากลาง, วิธีซื้อหรือจ้าง, ผู้เสนอราคา, ผู้ได้รับการคัดเลือก, เหตุผล,
  เลขที่และวันที่ของสัญญา. → procurement.yml: `monthly.months` (the month, from the title above
  the table, with every row in `rows:` under the form's own columns, which the page shows as a
  table and the open data publishes in the สขร.1 columns) and `progress.items` (title, budget,
  method, status = the selected bidder and price, contract date).
* complaint statistics: ประเภท/เรื่อง, จำนวน, แล้วเสร็จ, อยู่ระหว่างดำเนินการ, a total row (else the
  sum) → complaints.yml `statistics` (total, done, in_progress, the period stated above the table,
  one list item per category in its description).
* plan progress: โครงการ, งบประมาณ, เบิกจ่าย, ผลการดำเนินงาน, สถานะ, หน่วยงาน → operations.yml
  `plan.projects` and `progress.results` ("รอบ 6 เดือน" / ความก้าวหน้า in the title) or
  `report.results` (otherwise).

Tables are recognised by header words, like the others (headers.py), before the measures tables:
their words overlap ("ผลการดำเนินงาน", "โครงการ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator import thai
from generator.content import scalars
from generator.tools.importer import cells as C
from generator.tools.importer import headers as H
from generator.tools.importer.source import Para, Row, Table

if TYPE_CHECKING:  # pragma: no cover
    from generator.tools.importer.state import ReadingState

ROLES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "procurement": [
        ("contract", ("เลขที่และวันที่", "สัญญาหรือข้อตกลง", "เลขที่สัญญา")),
        ("winner", ("ผู้ได้รับการคัดเลือก", "ผู้ได้รับคัดเลือก", "ราคาที่ตกลง")),
        ("offers", ("ผู้เสนอราคา", "รายชื่อผู้เสนอ")),
        ("reason", ("เหตุผลที่คัดเลือก", "เหตุผล")),
        ("method", ("วิธีซื้อ", "วิธีจัดซื้อ", "วิธีการจัดซื้อ", "วิธีจ้าง")),
        ("budget", ("วงเงิน", "ราคากลาง")),
        ("title", ("งานที่จัดซื้อ", "งานจัดซื้อ", "รายการ", "จัดซื้อหรือจัดจ้าง")),
        ("no", ("ลำดับ",)),
    ],
    "complaints": [
        ("done", ("แล้วเสร็จ", "ดำเนินการแล้ว", "ยุติ")),
        ("in_progress", ("อยู่ระหว่าง",)),
        ("total", ("จำนวน",)),
        ("category", ("ประเภท", "เรื่องร้องเรียน", "เรื่อง", "ช่องทาง")),
    ],
    "projects": [
        ("used", ("เบิกจ่าย", "ใช้จ่าย", "ใช้ไป")),
        ("budget", ("งบประมาณ", "งบตามแผน")),
        ("result", ("ผลการดำเนินงาน", "ผลการดำเนินการ", "ความก้าวหน้า")),
        ("status", ("สถานะ",)),
        ("responsible", ("หน่วยงาน", "ผู้รับผิดชอบ")),
        ("title", ("โครงการ", "กิจกรรม")),
        ("no", ("ลำดับ",)),
    ],
}
_EXACT_NO = {"ที่", "ข้อ", "ลำดับที่"}
_NEEDS = {
    "procurement": ({"title", "method"}, {"budget", "winner", "contract"}),
    "complaints": ({"category", "total"}, {"done", "in_progress"}),
    "projects": ({"title", "budget"}, {"used", "result", "status"}),
}


@dataclass
class TabularView:
    kind: str
    roles: list[str | None]
    headers: list[str]
    table: Table
    rows: list[Row]
    lead: list[Para] = field(default_factory=list)


def _roles(kind: str, texts: list[str]) -> list[str | None]:
    out: list[str | None] = []
    for t in texts:
        s = H.squash(t)
        role = "no" if s in _EXACT_NO else next((r for r, pats in ROLES[kind] if any(p in s for p in pats)), None)
        out.append(role if role not in out else None)
    return out


def view(table: Table, prev: TabularView | None) -> TabularView | None:
    """A tabular disclosure table (by its header row), or a header-less part continuing one."""
    if not table.rows:
        return None
    texts = [C.parse(c.html).plain for c in table.rows[0].cells]
    for kind, (must, some) in _NEEDS.items():
        roles = _roles(kind, texts)
        have = {r for r in roles if r}
        if must <= have and have & some:
            return TabularView(kind, roles, texts, table, table.rows[1:])
    if prev is not None and len(prev.roles) == table.width:
        return TabularView(prev.kind, prev.roles, prev.headers, table, table.rows)
    return None


def _amount(text: str) -> float | int | None:
    m_ = re.search(r"-?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?", thai.to_arabic(text))
    if not m_:
        return None
    value = float(m_.group(0).replace(",", ""))
    return int(value) if value.is_integer() else value


class Tabular:
    def __init__(self, u: ReadingState) -> None:
        self.u = u
        self.views: list[TabularView] = []

    def add(self, v: TabularView, lead: list[Para]) -> None:
        v.lead = lead
        self.views.append(v)

    def cells(self, v: TabularView, row: Row) -> dict[str, tuple[str, Any]]:
        """role → (plain text, piece) of a data row; cells of unknown columns are left."""
        out: dict[str, tuple[str, Any]] = {}
        for i, cell in enumerate(row.cells):
            if cell.merged:
                continue
            piece = self.u.cell_piece(row, i, None, cell.html)
            if piece is None:
                continue
            piece.column = C.clean(v.headers[i]) if i < len(v.headers) else ""
            role = v.roles[i] if i < len(v.roles) else None
            if role is None:
                piece.why = "คอลัมน์นี้ไม่มีช่องในแบบข้อมูล"
                continue
            out[role] = (C.parse(cell.html).plain, piece)
        return out

    def lead_text(self, v: TabularView, dest: str) -> list[str]:
        out = []
        for p in v.lead:
            self.u.line_piece(p).dest = dest
            out.append(C.clean(p.text))
        return out

    # ------------------------------------------------------------------ the files

    def build(self) -> dict[str, dict]:
        files: dict[str, dict] = {}
        by_kind: dict[str, list[TabularView]] = {}
        for v in self.views:
            by_kind.setdefault(v.kind, []).append(v)
        y = self.u.year
        if "procurement" in by_kind:
            files[f"{y}/procurement"] = self.procurement(by_kind["procurement"])
        if "complaints" in by_kind:
            files[f"{y}/complaints"] = self.complaints(by_kind["complaints"])
        if "projects" in by_kind:
            files[f"{y}/operations"] = self.projects(by_kind["projects"])
        return {k: v for k, v in files.items() if v}

    def procurement(self, views: list[TabularView]) -> dict:
        months: list[dict] = []
        items: list[dict] = []
        month: str | None = None
        for v in views:
            lines = self.lead_text(v, "procurement month")
            for line in lines:
                found = re.search(r"(?:เดือน|ประจำเดือน|รอบเดือน)\s*(\S+)\s*(?:พ\.\s*ศ\.|พ\.ศ)?\s*([0-9๐-๙]{4})", line)
                if found:
                    try:
                        month = scalars._year_month(f"{found.group(1)} {thai.to_arabic(found.group(2))}")
                    except ValueError:
                        month = None
            if v.lead and month is None:
                self.u.note("อ่านเดือนของสรุปผลการจัดซื้อจัดจ้างจากหัวเรื่องไม่ได้ — ใส่ month ให้",
                            "cannot read the month of the procurement summary from its title; fill in month",
                            v.lead[0].loc)
            entry = next((e for e in months if e["_key"] == (month or id(v))), None)
            if entry is None:
                entry = {"_key": month or id(v), "month": _month_th(month) if month else "", "_rows": []}
                months.append(entry)
            for row in v.rows:
                got = self.cells(v, row)
                title = got.get("title", ("", None))[0]
                if not title:
                    continue
                item: dict[str, Any] = {"title": title}
                cols: dict[str, Any] = {}
                if got.get("no") and got["no"][0].strip():
                    cols["no"] = thai.to_arabic(got["no"][0].strip()).rstrip(".")
                cols["title"] = title
                if got.get("budget"):
                    amount = _amount(got["budget"][0])
                    if amount is not None:
                        item["budget"] = cols["budget"] = amount
                if got.get("method"):
                    item["method"] = cols["method"] = got["method"][0]
                if got.get("offers"):
                    cols["bidders"] = got["offers"][0]
                if got.get("winner"):
                    item["status"] = got["winner"][0]
                    name, price = _winner(got["winner"][0])
                    cols["winner"] = name
                    if price is not None:
                        cols["price"] = price
                if got.get("reason"):
                    cols["reason"] = got["reason"][0]
                if got.get("contract"):
                    text = got["contract"][0]
                    when = _date_in(text)
                    if when:
                        item["contract_date"] = cols["contract_date"] = when
                    number = _contract_number(text, when)
                    if number:
                        cols["contract"] = number
                for role, (_, piece) in got.items():
                    piece.dest = piece.dest or f"procurement {role}"
                items.append(item)
                entry["_rows"].append(cols)
        out_months = []
        for e in months:
            if not e["_rows"]:
                continue
            out_months.append({"month": e["month"] or "ระบุเดือน", "rows": e["_rows"]})
        if any(not e["month"] for e in months if e["_rows"]):
            return {}  # the loader would refuse a month it cannot read; the note above says why
        self.u.plan.understood.append((
            f"สรุปผลการจัดซื้อจัดจ้างรายเดือน {len(out_months)} เดือน {len(items)} รายการ",
            f"monthly procurement summaries: {len(out_months)} month(s), {len(items)} item(s)",
        ))
        data: dict[str, Any] = {}
        if out_months:
            data["monthly"] = {"months": out_months}
        if items:
            data["progress"] = {"items": items}
        return data

    def complaints(self, views: list[TabularView]) -> dict:
        total = done = in_progress = None
        sums: list[float] = [0, 0, 0]
        categories: list[str] = []
        period = None
        intro: list[str] = []
        for v in views:
            for line in self.lead_text(v, "complaint statistics"):
                found = re.search(r"([0-9๐-๙]{1,2}\s*\S+\s*[0-9๐-๙]{4})\s*(?:–|-|—|ถึง)\s*([0-9๐-๙]{1,2}\s*\S+\s*[0-9๐-๙]{4})",
                                  line)
                if found and period is None:
                    period = f"{found.group(1)} – {found.group(2)}"
                else:
                    intro.append(C.md_para(line))
            for row in v.rows:
                got = self.cells(v, row)
                name = got.get("category", ("", None))[0]
                nums = [_amount(got[r][0]) if r in got else None for r in ("total", "done", "in_progress")]
                if H.squash(name) in ("รวม", "รวมทั้งหมด", "ทั้งหมด", "ยอดรวม"):
                    total, done, in_progress = nums
                else:
                    for k, n in enumerate(nums):
                        sums[k] += n or 0
                    bits = [f"{C.md_inline(name)}: {nums[0] if nums[0] is not None else '-'} เรื่อง"]
                    extra = [f"แล้วเสร็จ {nums[1]}" if nums[1] is not None else "",
                             f"อยู่ระหว่างดำเนินการ {nums[2]}" if nums[2] is not None else ""]
                    extra = [e for e in extra if e]
                    categories.append(bits[0] + (f" ({', '.join(extra)})" if extra else ""))
                for role, (_, piece) in got.items():
                    piece.dest = piece.dest or f"complaint {role}"
        if total is None and categories:
            total, done, in_progress = sums
            self.u.note("ตารางสถิติเรื่องร้องเรียนไม่มีแถวรวม จึงรวมจากทุกแถว — ตรวจ",
                        "the complaint statistics have no total row; the rows were added up — check")
        stats: dict[str, Any] = {}
        if intro or categories:
            stats["description"] = "\n\n".join(intro + (["\n".join(f"- {c}" for c in categories)] if categories else []))
        for key, value in (("total", total), ("done", done), ("in_progress", in_progress)):
            if value is not None:
                stats[key] = int(value)
        if period:
            stats["period"] = period
        self.u.plan.understood.append((
            f"สถิติเรื่องร้องเรียน {len(categories)} ประเภท รวม {total} เรื่อง",
            f"complaint statistics: {len(categories)} categories, {total} in all",
        ))
        return {"statistics": stats}

    def projects(self, views: list[TabularView]) -> dict:
        projects: list[dict] = []
        results: list[dict] = []
        section = "report"
        intro: list[str] = []
        for v in views:
            for line in self.lead_text(v, "plan progress"):
                intro.append(C.md_para(line))
                if re.search(r"6\s*เดือน|๖\s*เดือน|ความก้าวหน้า", line):
                    section = "progress"
            for row in v.rows:
                got = self.cells(v, row)
                title = got.get("title", ("", None))[0]
                if not title:
                    continue
                pid = f"p{len(projects) + 1}"
                p: dict[str, Any] = {"id": pid, "title": title}
                if got.get("budget") and _amount(got["budget"][0]) is not None:
                    p["budget"] = _amount(got["budget"][0])
                if got.get("responsible"):
                    p["responsible"] = C.parse(C.md_inline(got["responsible"][0])).entries()
                projects.append(p)
                r: dict[str, Any] = {"project": pid}
                status = got.get("status", ("", None))[0]
                code = scalars._status(status) if status else None
                if code in scalars.STATUS_TH:
                    r["status"] = code
                elif status:
                    got["status"][1].dest = ""
                    got["status"][1].why = "อ่านสถานะนี้ไม่ได้ (ใช้ ดำเนินการแล้ว / อยู่ระหว่างดำเนินการ / ยังไม่ดำเนินการ)"
                    del got["status"]
                if got.get("result"):
                    r["result"] = C.md_para(got["result"][0])
                if got.get("used") and _amount(got["used"][0]) is not None:
                    r["budget_used"] = _amount(got["used"][0])
                for role, (_, piece) in got.items():
                    piece.dest = piece.dest or f"plan {role}"
                if len(r) > 1:
                    results.append(r)
        data: dict[str, Any] = {}
        if projects:
            data["plan"] = {"projects": projects}
        if results:
            data[section] = ({"description": "\n\n".join(intro)} if intro else {}) | {"results": results}
        self.u.plan.understood.append((
            f"แผนการดำเนินงาน {len(projects)} โครงการ และผล{'ความก้าวหน้า' if section == 'progress' else 'การดำเนินงาน'} "
            f"{len(results)} โครงการ",
            f"{len(projects)} planned project(s) and {len(results)} {section} result(s)",
        ))
        return data


_MONTHS_TH = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


def _month_th(ym: str) -> str:
    """'2025-01' → 'ม.ค. 2568' (what a clerk reads and writes)."""
    y, mo = ym.split("-")
    return f"{_MONTHS_TH[int(mo) - 1]} {int(y) + thai.BE_OFFSET}"


_PRICE = re.compile(r"(?:ราคา\s*)?([0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?)\s*(?:บาท|-)?\s*$")


def _winner(text: str) -> tuple[str, float | int | None]:
    """'ร้านสมใจเครื่องเขียน 12,300 บาท' → ('ร้านสมใจเครื่องเขียน', 12300): the form's column holds
    the selected supplier and the agreed price together."""
    found = _PRICE.search(text.strip())
    if not found or found.start() == 0:
        return text.strip(), None
    name = text[:found.start()].strip().rstrip(",:").strip()
    return (name, _amount(found.group(1))) if name else (text.strip(), None)


def _contract_number(text: str, when: str | None) -> str | None:
    """'ใบสั่งซื้อ 12/2568 ลงวันที่ 8 ม.ค. 2568' → 'ใบสั่งซื้อ 12/2568' (the date has its own field)."""
    rest = text.replace(when, "") if when else text
    rest = re.sub(r"\s*(?:ลงวันที่|ลว\.|วันที่)\s*$", "", rest.strip()).strip(" ,")
    return rest or None


def _date_in(text: str) -> str | None:
    """The date written in a contract cell ("… ลงวันที่ 8 ม.ค. 2568"), as written, if it reads."""
    for found in re.finditer(r"[0-9๐-๙]{1,2}\s*[ก-๙.]+\s*[0-9๐-๙]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9๐-๙]{1,2}/[0-9๐-๙]{1,2}/[0-9๐-๙]{4}",
                             text):
        try:
            thai.parse_date(found.group(0))
        except thai.DateError:
            continue
        return found.group(0)
    return None
