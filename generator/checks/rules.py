"""Rules across files: what one file may only say in agreement with another.

Run once the content has loaded (`check_site`): documents must exist inside `content/`, results
must name declared measures, reports must name planned projects and assessed risks, item notes
must name real O-codes, scores must add up, and the newest ITA year's topics should be filled.
Personal data is scanned here too (`pdpa.scan`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import BaseModel

from generator import thai
from generator.checks import messages as msg
from generator.checks import pdpa
from generator.checks.elements import CHECKS, NOT_DUE, Ctx
from generator.checks.files import check_file_ref
from generator.content import models as m
from generator.content.load import note_code
from generator.content.scalars import FileRef
from generator.content.site import ORGANISATION_FILE, Site, Source
from generator.content.topics import TOPICS
from generator.content.views import topic_view
from generator.content.walk import walk
from generator.content.wording import did_you_mean
from generator.content.yamlload import Loaded
from generator.problems import Problem, Problems


def check_site(site: Site, problems: Problems) -> None:
    """Every rule across files, in the order a clerk would fix them."""
    limit = site.org.site.max_document_mb
    used: set[int] = set()
    for name, src, obj in site.files():
        fy = int(name.split("/")[0]) if "/" in name else None
        for entry in _values(src, obj, fy, used):
            if isinstance(entry, Problem):
                problems.add(entry)
                continue
            path, value = entry  # a document: the file system decides, so checked every time
            line, col = src.loaded.pos(path)
            for found in check_file_ref(value, site.content_dir, limit):
                problems.report(src.file, line, col, found.message, hint=found.hint, ref=value, **found.values)
    for key in [k for k in list(_VALUES) if k not in used]:
        _VALUES.pop(key, None)
    _check_results(site, problems)
    _check_references(site, problems)
    _check_assessments(site, problems)
    _check_notes(site, problems)
    _check_executives(site, problems)
    _check_site_years(site, problems)
    pdpa.scan(site, problems)
    empty_topic_warnings(site, problems)


# What the loop over one file's values found, kept while the file is unchanged (its Loaded is
# then the same object: content/load.py keeps it), so that after an edit only the edited file is
# walked again. The documents it names are checked each time (`check_file_ref`: they may change
# without the YAML changing). Keyed by id(), the objects held so that the id stays theirs.
_Entry = Problem | tuple[tuple, FileRef]
_VALUES: dict[int, tuple[Loaded, BaseModel, date, list[_Entry]]] = {}


def _values(src: Source, obj: BaseModel, fy: int | None, used: set[int]) -> list[_Entry]:
    key = id(src.loaded)
    used.add(key)
    today = date.today()  # a date without a fiscal-year folder is checked against today's
    hit = _VALUES.get(key)
    if hit is not None and hit[0] is src.loaded and hit[1] is obj and hit[2] == today:
        return hit[3]
    found = Problems()
    entries: list[_Entry] = []
    taken = 0

    def take() -> None:  # the problems found so far, in order, before the next document
        nonlocal taken
        new = found.in_order()[taken:]
        taken += len(new)
        entries.extend(new)

    for path, value in walk(obj):
        if isinstance(value, FileRef):
            take()
            entries.append((path, value))
        elif isinstance(value, m.Document):
            _check_document_year(value, src, path, found)
        elif isinstance(value, date):
            _check_date(value, fy, src, path, found)
        elif path and path[-1] == "fiscal_year" and isinstance(value, int) and fy is not None:
            _check_year(value, value, fy, src, path, found)
        elif path and path[-1] in _AMOUNTS and isinstance(value, (int, float)) and value < 0:
            line, col = src.loaded.pos(path)
            found.report(src.file, line, col, msg.NEGATIVE_AMOUNT, name=path[-1], value=_raw(src, path, value))
    take()
    _VALUES[key] = (src.loaded, obj, today, entries)
    return entries


def _check_document_year(doc: m.Document, src: Source, path: tuple, problems: Problems) -> None:
    if doc.fiscal_year and doc.date and thai.fiscal_year_of(doc.date) != doc.fiscal_year:
        line, col = src.loaded.pos(path + ("fiscal_year",))
        problems.report(src.file, line, col, msg.DOCUMENT_YEAR, title=doc.title, dated_fy=thai.fiscal_year_of(doc.date), fy=doc.fiscal_year)


# ------------------------------------------------------------------ implausible values

_AMOUNTS = ("budget", "budget_used")  # money: never below zero
FAR = 15  # years between a date and its fiscal year beyond which it is surely a typing slip
_TWO_DIGIT_YEAR = re.compile(r"\D(\d{2})\s*$")


def _raw(src: Source, path: tuple, default: object) -> str:
    """The value at `path` as the clerk typed it (the model holds it parsed)."""
    node: object = src.loaded.data
    for key in src.path + path:
        try:
            node = node[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return str(default)
    return str(node) if isinstance(node, (str, int, float)) else str(default)


def _check_date(d: date, fy: int | None, src: Source, path: tuple, problems: Problems) -> None:
    """A date 15 or more years from the fiscal year of its file (a year folder), or from today in
    a file of every year; a two-digit year read as the wrong century gets its own message."""
    dated_fy = thai.fiscal_year_of(d)
    context = fy if fy is not None else thai.fiscal_year_of(thai.today())
    raw = thai.to_arabic(_raw(src, path, d))
    two = _TWO_DIGIT_YEAR.search(raw)
    if two and not re.search(r"\d{4}", raw):
        gap = abs(dated_fy - context)
        if gap >= FAR:
            yy = two.group(1)
            ce_reading = 2000 + int(yy) + thai.BE_OFFSET  # "25" meant as CE 2025
            line, col = src.loaded.pos(path)
            values: dict[str, Any] = {"shown": _raw(src, path, d), "be": 2500 + int(yy), "fy": context, "gap": gap}
            if abs(ce_reading - context) < FAR:
                problems.report(src.file, line, col, msg.TWO_DIGIT_YEAR, yy=yy, suggest=ce_reading, **values)
            else:
                problems.report(src.file, line, col, msg.TWO_DIGIT_YEAR_FAR, **values)
        return
    # Outside a year folder, long-past dates are normal (an act of 2540); only the future is odd.
    if fy is None and dated_fy < context:
        return
    _check_year(d.year + thai.BE_OFFSET, dated_fy, context, src, path, problems)


def _check_year(be_year: int, dated_fy: int, fy: int, src: Source, path: tuple, problems: Problems) -> None:
    gap = abs(dated_fy - fy)
    if gap < FAR:
        return
    line, col = src.loaded.pos(path)
    shown = _raw(src, path, be_year)
    digits = str(be_year)
    swapped = [int(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]) for i in range(len(digits) - 1)]
    near = [y for y in swapped if abs(y + dated_fy - be_year - fy) <= 1]
    if near:
        problems.report(src.file, line, col, msg.FAR_FROM_YEAR_SWAPPED, shown=shown, dated_fy=dated_fy, fy=fy, gap=gap,
                        suggest=near[0])
    else:
        problems.report(src.file, line, col, msg.FAR_FROM_YEAR, shown=shown, dated_fy=dated_fy, fy=fy, gap=gap)


def _check_results(site: Site, problems: Problems) -> None:
    for fy in site.years:
        results = site.results(fy)
        if results is None:
            continue
        src = site.sources[(fy, "results")]
        for i, res in enumerate(results.results):
            year, mid = res.ref(fy)
            measures = site.measures_file(year)
            line, col = src.loaded.pos(("results", i, "measure"))
            if measures is None:
                if not any((site.content_dir / str(year) / f"measures{ext}").exists() for ext in (".yml", ".yaml")):
                    problems.report(src.file, line, col, msg.RESULT_WITHOUT_MEASURES, measure=res.measure, year=year)
                continue  # a measures file with errors of its own: those are the ones to fix
            ids = [mm.id for mm in measures.measures]
            if mid not in ids:
                problems.report(src.file, line, col, msg.RESULT_UNKNOWN_MEASURE,
                                hint=did_you_mean(mid, ids, show_all=12) or None, measure=mid, year=year)


def _check_references(site: Site, problems: Problems) -> None:
    """Report lines must name risks / projects declared in the same year's plan."""
    pairs = [
        ("risk", "assessment", "risks", "report", "results", "risk", "ความเสี่ยง", "risk"),
        ("anti_corruption", "plan", "projects", "report", "results", "project", "โครงการ", "project"),
        ("anti_corruption", "plan", "projects", "progress", "results", "project", "โครงการ", "project"),
        ("operations", "plan", "projects", "report", "results", "project", "โครงการ", "project"),
        ("operations", "plan", "projects", "progress", "results", "project", "โครงการ", "project"),
    ]
    for fy in site.years:
        for stem, plan_sec, plan_list, rep_sec, rep_list, ref_field, th, en in pairs:
            doc = site.year_file(fy, stem)
            if doc is None:
                continue
            plan, report = getattr(doc, plan_sec), getattr(doc, rep_sec)
            if report is None:
                continue
            ids = [x.id for x in getattr(plan, plan_list)] if plan is not None else []
            src = site.sources[(fy, stem)]
            for i, line_item in enumerate(getattr(report, rep_list)):
                ref = getattr(line_item, ref_field)
                if ref not in ids:
                    line, col = src.loaded.pos((rep_sec, rep_list, i, ref_field))
                    problems.report(src.file, line, col, msg.REPORT_UNKNOWN_ENTRY,
                                    hint=did_you_mean(ref, [i for i in ids if i], show_all=12) or None,
                                    what_th=th, what=en, ref=ref, plan=plan_sec)


def _check_assessments(site: Site, problems: Problems) -> None:
    for fy in site.years:
        a = site.assessment(fy)
        if a is None:
            continue
        src = site.sources[(fy, "assessment")]
        total = 0.0
        complete = bool(a.tools)
        for tool, ts in a.tools.items():
            if ts.score is not None and ts.weight is not None and ts.weighted is not None:
                expected = ts.score * ts.weight / 100
                if abs(expected - ts.weighted) > 0.02:
                    line, col = src.loaded.pos(("tools", tool, "weighted"))
                    problems.report(src.file, line, col, msg.WEIGHTED_SCORE, tool=tool, weighted=ts.weighted, score=ts.score, weight=ts.weight, expected=expected)
            if ts.weighted is None:
                complete = False
            else:
                total += ts.weighted
        if complete and abs(total - a.score) > 0.05:
            line, col = src.loaded.pos(("score",))
            problems.report(src.file, line, col, msg.TOTAL_SCORE, score=a.score, total=total)
        cat = site.catalogues.get(fy)
        if cat is None:
            continue
        codes = cat.codes()
        for i, rec in enumerate(a.recommendations):
            if rec.code.startswith("O") and rec.code not in codes:
                line, col = src.loaded.pos(("recommendations", i, "code"))
                problems.report(src.file, line, col, msg.RECOMMENDATION_ITEM, hint=did_you_mean(rec.code, codes), code=rec.code, year=fy)


def _check_notes(site: Site, problems: Problems) -> None:
    for year, src, notes in site.notes_files():
        loaded = src.loaded
        cat = site.catalogues.get(year)
        if cat is None:
            problems.report(loaded.file, 1, 1, msg.NOTES_WITHOUT_CATALOGUE, year=year)
            continue
        codes = cat.codes()
        raw_keys = {note_code(k): k for k in loaded.data}
        for code, note in notes.items():
            key = raw_keys.get(code, code)
            item = cat.item(code)
            if item is None:
                line, col = loaded.pos((key,), key=True)
                problems.report(loaded.file, line, col, msg.NOTE_UNKNOWN_ITEM,
                                hint=did_you_mean(code, codes) or None, code=code, year=year, count=len(codes))
                continue
            manual_ids = [e.id for e in item.elements if e.is_manual]
            for el_id in note.manual:
                if el_id not in manual_ids:
                    line, col = loaded.pos((key, "manual", el_id), key=True)
                    problems.report(loaded.file, line, col, msg.NOTE_UNKNOWN_ELEMENT,
                                    hint=did_you_mean(el_id, manual_ids, show_all=10) or None, code=code, element=el_id)


def _check_executives(site: Site, problems: Problems) -> None:
    today = thai.today()
    chiefs = [p for p in site.chief_executives() if p.in_office(today)]
    if len(chiefs) > 1:
        src = site.sources[(None, "executives")]
        problems.report(src.file, 1, 1, msg.TWO_CHIEFS, count=len(chiefs), names=', '.join(p.name or '' for p in chiefs))


def _check_site_years(site: Site, problems: Problems) -> None:
    """Years the clerk asked to publish must have an item catalogue, or nothing would appear."""
    src = site.sources[(None, ORGANISATION_FILE)]
    have = sorted(site.catalogues)
    listed = ", ".join(str(y) for y in have) or "-"
    for i, year in enumerate(site.org.site.years):
        if year not in site.catalogues:
            line, col = src.loaded.pos(("site", "years", i))
            problems.report(src.file, line, col, msg.YEAR_WITHOUT_CATALOGUE,
                            hint=did_you_mean(str(year), [str(y) for y in have]) or None, year=year, available=listed)


def _not_due(site: Site, year: int, key: str, fy: int | None) -> bool:
    """Whether every timed check the catalogue makes of this topic asks for a time not over yet
    (the 6-month report in December): an empty topic is then no omission."""
    view = topic_view(site, key, fy)
    timed = [Ctx(site, year, view, check, el.part)
             for _, _, item in site.catalogues[year].items() for el in item.elements if el.topic == key
             for check in el.checks if check.kind in ("covers_period", "monthly_complete")]
    findings = [f for ctx in timed for f in CHECKS[ctx.check.kind](ctx)]
    return bool(findings) and all(f.status == NOT_DUE for f in findings)


def empty_topic_warnings(site: Site, problems: Problems) -> None:
    """One warning per topic the newest published ITA year needs and the clerk has not filled."""
    years = site.published_years()
    if not years:
        return
    year = years[-1]
    seen: set[tuple] = set()
    for _, _, item in site.catalogues[year].items():
        for ref in item.topics:
            fy = ref.fiscal_year(year)
            key = (ref.topic, fy)
            if key in seen:
                continue
            seen.add(key)
            if TOPICS[ref.topic].has_content(site.topic(ref.topic, fy)) or _not_due(site, year, ref.topic, fy):
                continue
            codes = [it.code for _, _, it in site.catalogues[year].items()
                     if any(r.topic == ref.topic and r.fiscal_year(year) == fy for r in it.topics)]
            src = site.topic_source(ref.topic, fy)
            file, line = (src.file, src.line()) if src else (site.topic_file(ref.topic, fy), 0)
            if src and src.path:
                line = src.loaded.pos(src.path, key=True)[0]
            when = f" ปีงบประมาณ {fy}" if fy else ""
            problems.report(file, line, 0, msg.EMPTY_TOPIC, title=TOPICS[ref.topic].title, when_th=when, year=year, codes=', '.join(codes), topic=ref.topic, when=f' FY{fy}' if fy else '')
