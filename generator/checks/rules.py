"""Rules across files: what one file may only say in agreement with another.

Run once the content has loaded (`check_site`): documents must exist inside `content/`, results
must name declared measures, reports must name planned projects and assessed risks, item notes
must name real O-codes, scores must add up, and the newest ITA year's topics should be filled.
Personal data is scanned here too (`pdpa.scan`).
"""

from __future__ import annotations

from datetime import date

from generator import thai
from generator.checks import pdpa
from generator.checks.files import check_file_ref
from generator.content import models as m
from generator.content.scalars import FileRef
from generator.content.site import ORGANISATION_FILE, Site, Source
from generator.content.topics import TOPICS
from generator.content.walk import walk
from generator.content.wording import did_you_mean
from generator.problems import Problems


def check_site(site: Site, problems: Problems) -> None:
    """Every rule across files, in the order a clerk would fix them."""
    for _, src, obj in site.files():
        for path, value in walk(obj):
            if isinstance(value, FileRef):
                why = check_file_ref(value, site.content_dir)
                if why:
                    line, col = src.loaded.pos(path)
                    problems.error(src.file, line, col, *why)
            elif isinstance(value, m.Document):
                _check_document_year(value, src, path, problems)
    _check_results(site, problems)
    _check_references(site, problems)
    _check_assessments(site, problems)
    _check_notes(site, problems)
    _check_executives(site, problems)
    _check_site_years(site, problems)
    pdpa.scan(site, problems)
    empty_topic_warnings(site, problems)


def _check_document_year(doc: m.Document, src: Source, path: tuple, problems: Problems) -> None:
    if doc.fiscal_year and doc.date and thai.fiscal_year_of(doc.date) != doc.fiscal_year:
        line, col = src.loaded.pos(path + ("fiscal_year",))
        problems.warning(
            src.file, line, col,
            f"วันที่เอกสาร '{doc.title}' อยู่ในปีงบประมาณ {thai.fiscal_year_of(doc.date)} ไม่ใช่ {doc.fiscal_year}",
            f"document '{doc.title}' is dated in FY{thai.fiscal_year_of(doc.date)}, not FY{doc.fiscal_year}",
            "ตรวจวันที่หรือปีงบประมาณของเอกสาร (check the date or the fiscal year)",
        )


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
                problems.error(
                    src.file, line, col,
                    f"ผลการดำเนินการอ้างถึงมาตรการ '{res.measure}' แต่ไม่มีไฟล์ content/{year}/measures.yml",
                    f"result names measure '{res.measure}' but content/{year}/measures.yml does not exist",
                    f"ประกาศมาตรการใน content/{year}/measures.yml ก่อน (declare the measures first)",
                )
                continue
            ids = [mm.id for mm in measures.measures]
            if mid not in ids:
                problems.error(
                    src.file, line, col,
                    f"ผลการดำเนินการอ้างถึงมาตรการ '{mid}' ที่ไม่ได้ประกาศใน content/{year}/measures.yml",
                    f"result names measure '{mid}', which content/{year}/measures.yml does not declare",
                    did_you_mean(mid, ids, show_all=12) or "เพิ่มมาตรการนี้ใน measures.yml หรือแก้รหัส (declare it or fix the id)",
                )


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
                    problems.error(
                        src.file, line, col,
                        f"รายงานอ้างถึง{th} '{ref}' ที่ไม่มีใน {plan_sec}",
                        f"report names {en} '{ref}', which is not in {plan_sec}",
                        did_you_mean(ref, [i for i in ids if i], show_all=12)
                        or f"ใส่ id ให้{th}ใน {plan_sec} แล้วอ้างถึง id นั้น (give the {en} an id in {plan_sec})",
                    )


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
                    problems.warning(
                        src.file, line, col,
                        f"คะแนนถ่วงน้ำหนัก {tool} = {ts.weighted} แต่ {ts.score} × {ts.weight}% = {expected:.2f}",
                        f"{tool} weighted score {ts.weighted} differs from {ts.score} × {ts.weight}% = {expected:.2f}",
                    )
            if ts.weighted is None:
                complete = False
            else:
                total += ts.weighted
        if complete and abs(total - a.score) > 0.05:
            line, col = src.loaded.pos(("score",))
            problems.warning(
                src.file, line, col,
                f"คะแนนรวม {a.score} ไม่เท่ากับผลรวมคะแนนถ่วงน้ำหนัก {total:.2f}",
                f"total score {a.score} differs from the sum of weighted scores {total:.2f}",
            )
        cat = site.catalogues.get(fy)
        if cat is None:
            continue
        codes = cat.codes()
        for i, rec in enumerate(a.recommendations):
            if rec.code.startswith("O") and rec.code not in codes:
                line, col = src.loaded.pos(("recommendations", i, "code"))
                problems.warning(
                    src.file, line, col,
                    f"ไม่มีรายการ {rec.code} ในรายการ OIT ปี {fy}",
                    f"{rec.code} is not an item of the ITA {fy} catalogue",
                    did_you_mean(rec.code, codes),
                )


def _check_notes(site: Site, problems: Problems) -> None:
    for year, src, notes in site.notes_files():
        loaded = src.loaded
        cat = site.catalogues.get(year)
        if cat is None:
            problems.warning(
                loaded.file, 1, 1,
                f"ไม่มีรายการ OIT (catalogue) ของปี {year} จึงตรวจรหัสในไฟล์นี้ไม่ได้",
                f"no catalogue for ITA {year}, so the codes in this file cannot be checked",
                f"เพิ่มไฟล์ content/catalogues/{year}.yml (add a catalogue for {year})",
            )
            continue
        codes = cat.codes()
        raw_keys = {str(k).strip().upper(): k for k in loaded.data}
        for code, note in notes.items():
            key = raw_keys.get(code, code)
            item = cat.item(code)
            if item is None:
                line, col = loaded.pos((key,), key=True)
                problems.error(
                    loaded.file, line, col,
                    f"ไม่มีรายการ {code} ใน ITA ปี {year}", f"ITA {year} has no item {code}",
                    did_you_mean(code, codes) or f"รายการที่มี: O1–O{len(codes)} (items are O1–O{len(codes)})",
                )
                continue
            manual_ids = [e.id for e in item.elements if e.is_manual]
            for el_id in note.manual:
                if el_id not in manual_ids:
                    line, col = loaded.pos((key, "manual", el_id), key=True)
                    problems.error(
                        loaded.file, line, col,
                        f"{code} ไม่มีองค์ประกอบที่ตรวจด้วยตนเองชื่อ '{el_id}'",
                        f"{code} has no manually-checked element '{el_id}'",
                        did_you_mean(el_id, manual_ids, show_all=10) or f"{code} ไม่มีองค์ประกอบที่ต้องตรวจด้วยตนเอง",
                    )


def _check_executives(site: Site, problems: Problems) -> None:
    today = date.today()
    chiefs = [p for p in site.chief_executives() if p.in_office(today)]
    if len(chiefs) > 1:
        src = site.sources[(None, "executives")]
        problems.warning(
            src.file, 1, 1,
            f"มีผู้บริหารสูงสุดที่ดำรงตำแหน่งอยู่ {len(chiefs)} คน: {', '.join(p.name or '' for p in chiefs)}",
            f"{len(chiefs)} chief executives are in office today",
            "ใส่ until: ให้ผู้ที่พ้นตำแหน่งแล้ว (set 'until:' for the former one)",
        )


def _check_site_years(site: Site, problems: Problems) -> None:
    """Years the clerk asked to publish must have an item catalogue, or nothing would appear."""
    src = site.sources[(None, ORGANISATION_FILE)]
    have = sorted(site.catalogues)
    listed = ", ".join(str(y) for y in have) or "-"
    for i, year in enumerate(site.org.site.years):
        if year not in site.catalogues:
            line, col = src.loaded.pos(("site", "years", i))
            problems.error(
                src.file, line, col,
                f"ไม่มีรายการ OIT (catalogue) ของปี {year} จึงเผยแพร่ปีนี้ไม่ได้",
                f"there is no OIT catalogue for ITA {year}, so it cannot be published",
                did_you_mean(str(year), [str(y) for y in have])
                or f"ปีที่มี: {listed} หรือเพิ่ม content/catalogues/{year}.yml (available: {listed}; or add one)",
            )


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
            if TOPICS[ref.topic].has_content(site.topic(ref.topic, fy)):
                continue
            codes = [it.code for _, _, it in site.catalogues[year].items()
                     if any(r.topic == ref.topic and r.fiscal_year(year) == fy for r in it.topics)]
            src = site.topic_source(ref.topic, fy)
            file, line = (src.file, src.line()) if src else (site.topic_file(ref.topic, fy), 0)
            if src and src.path:
                line = src.loaded.pos(src.path, key=True)[0]
            when = f" ปีงบประมาณ {fy}" if fy else ""
            problems.warning(
                file, line, 0,
                f"ยังไม่มีข้อมูล: {TOPICS[ref.topic].title}{when} (ใช้ใน ITA {year} ข้อ {', '.join(codes)})",
                f"empty: {ref.topic}{f' FY{fy}' if fy else ''} (needed by ITA {year} {', '.join(codes)})",
            )
