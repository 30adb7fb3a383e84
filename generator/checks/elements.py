"""Element checks: each kind of check a catalogue may name, implemented once.

Catalogues only name these (`CHECKS`), so a new year's catalogue brings its own checks without a
code change. A check looks at one topic of one item's fiscal year and returns what it finds
wrong (`Finding`), with the status that gives the element: missing or out of period.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator import thai
from generator.checks import messages as msg
from generator.content import models as m
from generator.content.catalogue import Check
from generator.content.site import Site
from generator.content.topics import filled
from generator.content.views import TopicView
from generator.content.walk import walk
from generator.problems import Message

PRESENT, MISSING, OUT_OF_PERIOD, NOT_DUE, MANUAL_OK, MANUAL_PENDING = (
    "present", "missing", "out_of_period", "not_due", "manual_ok", "manual_pending",
)
STATUS_TH = {
    PRESENT: "มี",
    MISSING: "ขาด",
    OUT_OF_PERIOD: "ไม่อยู่ในช่วงเวลา",
    NOT_DUE: "ยังไม่ถึงกำหนด",
    MANUAL_OK: "ตรวจด้วยตนเองแล้ว",
    MANUAL_PENDING: "ตรวจด้วยตนเอง (ยังไม่ยืนยัน)",
}
STATUS_EN = {
    PRESENT: "present",
    MISSING: "missing",
    OUT_OF_PERIOD: "out of period",
    NOT_DUE: "not due yet",
    MANUAL_OK: "checked by hand",
    MANUAL_PENDING: "to be checked by hand (not confirmed yet in items.yml)",
}
OK_STATUSES = {PRESENT, MANUAL_OK}



@dataclass
class Finding:
    """Why one check failed, and where to fix it."""

    kind: str
    status: str  # MISSING, OUT_OF_PERIOD, or NOT_DUE (what it asks for covers a time not over yet)
    th: str
    en: str
    path: tuple = ()  # inside the topic's file, when a specific entry is at fault
    code: str = ""  # the message's code (generator/checks/messages.py)




# --------------------------------------------------------------------------- check context


@dataclass
class Ctx:
    site: Site
    year: int  # ITA year
    topic: TopicView
    check: Check
    part: str | None = None  # the part of the topic the element points at (its anchor)

    @property
    def fy(self) -> int:
        """The fiscal year the check is about: the topic's, or the ITA year for persistent ones."""
        return self.topic.fy if self.topic.fy is not None else self.year

    @property
    def model(self) -> Any:
        return self.topic.model

    def bounds(self) -> tuple[date, date]:
        return thai.fiscal_year_bounds(self.fy)

    def fy_th(self) -> str:
        return f"ปีงบประมาณ {self.fy}"


def _docs(model: Any) -> list[tuple[tuple, m.Document]]:
    return [(p, v) for p, v in walk(model) if isinstance(v, m.Document)]


def _fail(kind: str, message: Message, status: str = MISSING, path: tuple = (), **values: object) -> list[Finding]:
    th, en, _ = message.format(values)
    return [Finding(kind, status, th, en, path, message.code)]


Result = list[Finding]


def check_present(c: Ctx) -> Result:
    """The element's anchor holds content on the page: the topic has content and, when the
    element names a part, the page shows that part (topic registry: `Topic.holds`). Every element
    is held to this before its own checks: evidence the page does not show is no evidence."""
    if not c.topic.present:
        return _fail("present", msg.NO_CONTENT)
    if c.part and not c.topic.holds(c.part):
        part = c.topic.part(c.part)
        return _fail("present", msg.PART_NOT_SHOWN, path=part.fields[:1], part=part.title, fields=", ".join(part.fields))
    return []


def check_has_documents(c: Ctx) -> Result:
    need = c.check.min or 1
    have = len(_docs(c.model)) if c.model is not None else 0
    if have >= need:
        return []
    return _fail("has_documents", msg.TOO_FEW_DOCUMENTS, have=have, need=need)


def check_has_field(c: Ctx) -> Result:
    name = c.check.field or ""  # required for has_field (catalogue.Check._args)
    if c.model is not None and filled(getattr(c.model, name, None)):
        return []
    return _fail("has_field", msg.FIELD_EMPTY, path=(name,), name=name)


def _dated(model: Any) -> list[tuple[tuple, str, date | None, int | None]]:
    """(path, label, date, fiscal year) of every dated document and entry in a topic."""
    out = []
    for path, v in walk(model):
        if isinstance(v, m.Document) and (v.date or v.fiscal_year):
            out.append((path, v.title, v.date, v.fiscal_year))
        elif isinstance(v, m.Entry):
            out.append((path, v.title, v.date, None))
    return out


def check_dated_in_fy(c: Ctx) -> Result:
    if c.model is None:
        return _fail("dated_in_fy", msg.NOTHING_YET)
    dated = _dated(c.model)
    if not dated:
        return _fail("dated_in_fy", msg.UNDATED, OUT_OF_PERIOD)
    start, end = c.bounds()
    bad = []
    for path, label, d, fy in dated:
        inside = (start <= d <= end) if d else (fy == c.fy)
        if not inside:
            when = thai.format_date(d).replace(thai.NBSP, " ") if d else f"ปีงบประมาณ {fy}"
            bad.append((path, f"'{label}' ({when})"))
    if not bad:
        return []
    return _fail("dated_in_fy", msg.DATED_OUTSIDE, OUT_OF_PERIOD, bad[0][0], fy=c.fy, dated=", ".join(b for _, b in bad))


def check_covers_period(c: Ctx) -> Result:
    span = c.check.span
    start, end = thai.first_half_bounds(c.fy) if span == "first_half" else thai.fiscal_year_bounds(c.fy)
    periods = [(p, d.title, d.period) for p, d in _docs(c.model) if d.period] if c.model is not None else []
    if any(period.start <= start and period.end >= end for _, _, period in periods):
        return []
    own = getattr(c.model, "period", None)  # statistics state their own period
    if isinstance(own, m.Period) and own.start <= start and own.end >= end:
        return []
    want = thai.format_range(start, end).replace(thai.NBSP, " ")
    what = "รอบ 6 เดือนแรก" if span == "first_half" else "ทั้งปีงบประมาณ"
    if thai.today() <= end:  # a report on a time not over yet cannot exist yet
        return _fail("covers_period", msg.PERIOD_NOT_OVER, NOT_DUE, what=what, want=want)
    if not periods:
        return _fail("covers_period", msg.NO_PERIOD, OUT_OF_PERIOD, what=what, want=want)
    seen = ", ".join(
        f"'{title}' ({thai.format_range(period.start, period.end).replace(thai.NBSP, ' ')})"
        for _, title, period in periods
    )
    return _fail("covers_period", msg.PERIOD_SHORT, OUT_OF_PERIOD, periods[0][0], what=what, want=want, seen=seen)


def check_monthly_complete(c: Ctx) -> Result:
    start_m, end_m = c.check.from_ or 10, c.check.to or 3
    required = thai.months_of_fiscal_year(c.fy, start_m, end_m)
    have = set()
    if isinstance(c.model, m.Monthly):
        have = {e.ym for e in c.model.months if e.documents or e.no_procurement}
    missing = [ym for ym in required if ym not in have]
    if not missing:
        return []
    now = thai.today()
    due = [ym for ym in missing if ym < (now.year, now.month)]  # a month's summary is due once it is over

    def names(months: list[tuple[int, int]]) -> str:
        return ", ".join(thai.format_month(y, mo, full=False).replace(thai.NBSP, " ") for y, mo in months)

    if not due:
        return _fail("monthly_complete", msg.MONTHS_NOT_OVER, NOT_DUE, ("months",), months=names(missing))
    return _fail("monthly_complete", msg.MONTHS_MISSING, OUT_OF_PERIOD, ("months",), months=names(due))


def check_each_person_has(c: Ctx) -> Result:
    if not isinstance(c.model, m.Executives):
        return _fail("each_person_has", msg.NO_EXECUTIVES)
    wanted = c.check.fields or ["photo", "contact"]
    bad = []
    for side in ("political", "permanent"):
        for i, p in enumerate(getattr(c.model, side)):
            if p.vacant or p.former:
                continue
            lacks = []
            if "photo" in wanted and not p.photo:
                lacks.append(("รูปถ่าย", "photo"))
            if "contact" in wanted and not p.has_contact():
                lacks.append(("ช่องทางติดต่อ", "contact"))
            if lacks:
                bad.append(((side, i), p.name or p.position, lacks))
    if not bad:
        return []
    th = "; ".join(f"{n} ไม่มี{'และ'.join(x for x, _ in lacks)}" for _, n, lacks in bad)
    en = "; ".join(f"{n} lacks {' and '.join(x for _, x in lacks)}" for _, n, lacks in bad)
    return _fail("each_person_has", msg.PEOPLE_LACK, path=bad[0][0], lacks_th=th, lacks=en)


def check_both_sides(c: Ctx) -> Result:
    mdl = c.model
    if isinstance(mdl, m.Executives):
        sides = {"political": bool(mdl.political), "permanent": bool(mdl.permanent)}
    elif isinstance(mdl, m.Structure):
        sides = {s: filled(getattr(mdl, s)) for s in ("political", "permanent")}
    else:
        sides = {"political": False, "permanent": False}
    lacking = [s for s, ok in sides.items() if not ok]
    if not lacking:
        return []
    th = {"political": "ฝ่ายการเมือง", "permanent": "ฝ่ายประจำ"}
    return _fail("both_sides", msg.SIDES_MISSING, path=(lacking[0],),
                 sides_th=" และ".join(th[s] for s in lacking), sides=", ".join(lacking))


def _norm_name(name: str) -> str:
    return "".join(name.split())


def check_signed_by_chief_executive(c: Ctx) -> Result:
    start, end = c.bounds()
    chiefs = c.site.chief_executives()
    docs = _docs(c.model) if c.model is not None else []
    signed = [(p, d, d.signed_by) for p, d in docs if d.signed_by]
    for _, d, signer in signed:
        when = d.date or end
        for p in chiefs:
            # "in office that year": at the signing date, or at some time in the fiscal year
            in_office = p.in_office(when) if d.date else p.in_office_during(start, end)
            if in_office and _norm_name(p.name or "") == _norm_name(signer):
                return []
    in_office_names = [p.name or "" for p in chiefs if p.in_office_during(start, end)]
    who = ", ".join(in_office_names) or "ไม่มี (ไม่มีผู้ใดระบุ chief_executive: true ใน executives.yml)"
    if not signed:
        return _fail("signed_by_chief_executive", msg.NO_SIGNER, who=who, fy=c.fy)
    names = ", ".join(signer for _, _, signer in signed)
    return _fail("signed_by_chief_executive", msg.WRONG_SIGNER, path=signed[0][0] + ("signed_by",), names=names, who=who, fy=c.fy)


def check_entries_in_fy(c: Ctx) -> Result:
    need = c.check.min or 1
    start, end = c.bounds()
    entries = [e for _, e in walk(c.model) if isinstance(e, m.Entry)] if c.model is not None else []
    inside = [e for e in entries if start <= e.date <= end]
    if len(inside) >= need:
        return []
    status = OUT_OF_PERIOD if entries else MISSING
    return _fail("entries_in_fy", msg.TOO_FEW_ENTRIES, status, ("entries",), count=len(inside), need=need, fy=c.fy)


def check_measures_have_results(c: Ctx) -> Result:
    measures = c.site.measures(c.fy)
    if not measures:
        return _fail("measures_have_results", msg.NO_MEASURES, fy=c.fy)
    reported: dict[str, m.Result] = {}
    for fy, r in c.site.all_results():
        y, mid = r.ref(fy)
        if y == c.fy:
            reported[mid] = r
    lacking = [mm for mm in measures if mm.id not in reported
               or (reported[mm.id].status == "not_started" and not reported[mm.id].reason)]
    if not lacking:
        return []
    names = ", ".join(f"{mm.label} {mm.title}" for mm in lacking)
    return _fail("measures_have_results", msg.MEASURES_WITHOUT_RESULTS, path=("results",), names=names, ids=', '.join(mm.id for mm in lacking))


def check_results_match_measures(c: Ctx) -> Result:
    res = c.site.results(c.fy)
    if res is None:
        return _fail("results_match_measures", msg.NO_RESULTS)
    bad = []
    for i, r in enumerate(res.results):
        y, mid = r.ref(c.fy)
        if c.site.measure(y, mid) is None:
            bad.append((i, r.measure))
    if not bad:
        return []
    return _fail("results_match_measures", msg.RESULT_UNDECLARED, path=("results", bad[0][0], "measure"),
                 measures=", ".join(b for _, b in bad))


def _report_covers(c: Ctx, kind: str, assessed: Any, items_attr: str, report_attr: str,
                   th_what: str, en_what: str) -> Result:
    report = c.model
    planned = getattr(assessed, items_attr, []) if assessed is not None else []
    if not planned:
        return _fail(kind, msg.NOTHING_TO_REPORT, what_th=th_what, what=en_what, fy=c.fy)
    answered = {getattr(r, report_attr) for r in getattr(report, "results", [])} if report is not None else set()
    lacking = [p for p in planned if p.id not in answered]
    if not lacking:
        return []
    names = ", ".join(f"{p.id} {p.title}" for p in lacking)
    return _fail(kind, msg.REPORT_INCOMPLETE, path=("results",), what_th=th_what, names=names, what=en_what)


def check_risk_report_answers_assessment(c: Ctx) -> Result:
    return _report_covers(c, "risk_report_answers_assessment", c.site.topic("risk.assessment", c.fy),
                          "risks", "risk", "ความเสี่ยงที่ประเมินไว้", "assessed risk")


def check_anti_corruption_report_covers_plan(c: Ctx) -> Result:
    return _report_covers(c, "anti_corruption_report_covers_plan", c.site.topic("anti_corruption.plan", c.fy),
                          "projects", "project", "โครงการตามแผน", "planned project")


def check_measures_answer_weaknesses(c: Ctx) -> Result:
    ms = c.site.measures_file(c.fy)
    if ms is None:
        return _fail("measures_answer_weaknesses", msg.NO_MEASURES_FOR_ANALYSIS, fy=c.fy)
    based = ms.based_on or c.fy - 1
    assessment = c.site.assessment(based)
    if assessment is None:
        return _fail("measures_answer_weaknesses", msg.NO_ANALYSIS, year=based)
    groups = {("indicator", mm.indicator) if mm.indicator else ("issue", mm.issue) for mm in ms.measures}
    weak = [row for row in assessment.analysis if row.weaknesses and row.group not in groups]
    if not weak:
        return []
    label = {"indicator": "ตัวชี้วัดที่", "issue": "ประเด็นที่"}
    names = ", ".join(f"{label[k]} {n}" for k, n in (row.group for row in weak))
    return _fail("measures_answer_weaknesses", msg.WEAKNESSES_UNANSWERED, path=("measures",), year=based, groups=names)


CHECKS: dict[str, Callable[[Ctx], Result]] = {
    "present": check_present,
    "has_documents": check_has_documents,
    "has_field": check_has_field,
    "dated_in_fy": check_dated_in_fy,
    "covers_period": check_covers_period,
    "monthly_complete": check_monthly_complete,
    "each_person_has": check_each_person_has,
    "both_sides": check_both_sides,
    "signed_by_chief_executive": check_signed_by_chief_executive,
    "entries_in_fy": check_entries_in_fy,
    "measures_have_results": check_measures_have_results,
    "results_match_measures": check_results_match_measures,
    "risk_report_answers_assessment": check_risk_report_answers_assessment,
    "anti_corruption_report_covers_plan": check_anti_corruption_report_covers_plan,
    "measures_answer_weaknesses": check_measures_answer_weaknesses,
}

# Topics a check reads besides the element's own (in any fiscal year): an element's verdict may
# change when these change. Readiness does not need this table; the mutation test
# (tests/test_mutations.py) uses it to know which elements share evidence.
READS: dict[str, tuple[str, ...]] = {
    "signed_by_chief_executive": ("executives",),
    "measures_have_results": ("measures", "results"),
    "results_match_measures": ("measures", "results"),
    "risk_report_answers_assessment": ("risk.assessment",),
    "anti_corruption_report_covers_plan": ("anti_corruption.plan",),
    "measures_answer_weaknesses": ("measures", "assessment"),
}
