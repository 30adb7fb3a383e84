"""Validation: pydantic errors turned into clerk-friendly problems, and rules across files.

`check_model` walks each pydantic error's location back to the YAML line it came from and words
it in Thai with the English beside it (wording lives here, keyed by error type, apart from the
validators). `cross_check` then applies the rules that need the whole site: files that must exist
inside `content/`, results that must name declared measures, item notes that must name real
O-codes, and consistency warnings.
"""

from __future__ import annotations

import difflib
import os
import types
import typing
from pathlib import Path
from typing import Any, Iterable, Iterator, Union

from pydantic import BaseModel, ValidationError

from generator.checks import pdpa
from generator.problems import Problems
from generator.content.yamlload import Loaded


def did_you_mean(word: str, choices: Iterable[str], *, show_all: int = 0) -> str:
    choices = sorted({str(c) for c in choices})
    close = difflib.get_close_matches(str(word), choices, n=3, cutoff=0.6)
    if close:
        alts = " หรือ ".join(f"'{c}'" for c in close)
        en = " or ".join(f"'{c}'" for c in close)
        return f"หมายถึง {alts} หรือไม่? (did you mean {en}?)"
    if show_all and choices and len(choices) <= show_all:
        listed = ", ".join(choices)
        return f"ใช้ได้: {listed} (allowed: {listed})"
    return ""


# ---------------------------------------------------------------- locating pydantic errors


def _data_path(data: Any, loc: tuple) -> tuple[tuple, list]:
    """Match an error location against the data; returns (data path, the model-field path).

    Pydantic inserts union member names and validator tags into `loc`; those are skipped
    because they do not exist in the data.
    """
    path: list = []
    fields: list = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            fields.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            fields.append(part)
            node = node[part]
        elif isinstance(part, str) and not _looks_like_tag(part):
            fields.append(part)  # a key that is missing from the data
    return tuple(path), fields


def _looks_like_tag(part: str) -> bool:
    return "[" in part or part in {"str", "int", "float", "bool", "list", "dict", "date", "none"}


def _unwrap(ann: Any) -> list[type[BaseModel]]:
    """Model classes reachable from an annotation (through Optional, list, dict, Annotated)."""
    origin = typing.get_origin(ann)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(ann)[0])
    if origin in (list, tuple, set, Union, types.UnionType):
        return [m for a in typing.get_args(ann) for m in _unwrap(a)]
    if origin is dict:
        return _unwrap(typing.get_args(ann)[1])
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return [ann]
    return []


def _model_at(cls: type[BaseModel], fields: list) -> type[BaseModel] | None:
    current: type[BaseModel] | None = cls
    for part in fields:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        f = current.model_fields.get(part) or next(
            (v for v in current.model_fields.values() if v.alias == part), None
        )
        if f is None:
            # dict[str, Model]: the key is data, the value is the model
            continue
        found = _unwrap(f.annotation)
        current = found[0] if found else None
    return current


def _field_names(cls: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in cls.model_fields.items()]


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "กลุ่มข้อมูล (mapping)"
    if isinstance(value, list):
        return "รายการ (list)"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def check_model(cls: type[BaseModel], loaded: Loaded, problems: Problems, prefix: tuple = ()):
    """Validate the data at `prefix` in a loaded file against `cls`; problems go to YAML lines."""
    data = loaded.data
    for part in prefix:
        data = data[part]
    try:
        return cls.model_validate(data if data is not None else {})
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        for err in errors:
            if not _explained_by_typo(err, errors):
                _report(cls, loaded, data, prefix, err, problems)
        return None


def _explained_by_typo(err: dict, errors: list[dict]) -> bool:
    """A missing key next to a misspelt one ('positon') is one mistake, reported once."""
    if err["type"] != "missing":
        return False
    parent, name = tuple(err["loc"][:-1]), err["loc"][-1]
    for other in errors:
        if other["type"] == "extra_forbidden" and tuple(other["loc"][:-1]) == parent:
            if difflib.get_close_matches(str(other["loc"][-1]), [str(name)], n=1, cutoff=0.6):
                return True
    return False


def _report(cls, loaded: Loaded, data: Any, prefix: tuple, err: dict, problems: Problems) -> None:
    path, fields = _data_path(data, tuple(err["loc"]))
    path = prefix + path
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    name = fields[-1] if fields and isinstance(fields[-1], str) else ""
    if kind == "extra_forbidden":
        line, col = loaded.pos(path, key=True)
        owner = _model_at(cls, fields[:-1])
        allowed = _field_names(owner) if owner else []
        problems.error(
            loaded.file, line, col,
            f"ไม่รู้จักคีย์ '{name}'", f"unknown key '{name}'",
            did_you_mean(name, allowed, show_all=14) or "ลบคีย์นี้ หรือตรวจตัวสะกด (remove it or check the spelling)",
        )
        return
    if kind == "oit" and ctx.get("at"):
        path = path + tuple(ctx["at"])  # a rule across fields names the value to fix
    line, col = loaded.pos(path)
    if kind == "missing":
        owner = _model_at(cls, fields[:-1])
        desc = ""
        if owner and name in owner.model_fields and owner.model_fields[name].description:
            desc = owner.model_fields[name].description
        problems.error(
            loaded.file, line, col,
            f"ขาดข้อมูลที่จำเป็น '{name}'", f"required key '{name}' is missing",
            f"เพิ่ม {name}: " + (f"({desc})" if desc else "") + f" (add '{name}:')",
        )
        return
    if kind == "oit":
        problems.error(loaded.file, line, col, ctx.get("th", err["msg"]), ctx.get("en", err["msg"]), ctx.get("hint", ""))
        return
    th, en, hint = _wording(kind, ctx, value, err["msg"])
    where = f"'{name}': " if name else ""
    problems.error(loaded.file, line, col, where + th, where + en, hint)


def _wording(kind: str, ctx: dict, value: Any, msg: str) -> tuple[str, str, str]:
    shown = _describe(value)
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
        return (
            f"ค่า {shown} ไม่อยู่ในตัวเลือกที่ใช้ได้",
            f"{shown} is not one of the allowed values",
            did_you_mean(str(value), options) or f"ใช้ได้: {expected} (allowed: {expected})",
        )
    if kind in {"int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"}:
        return (f"ต้องเป็นตัวเลข แต่พบ {shown}", f"must be a number, got {shown}",
                "เขียนเฉพาะตัวเลข เช่น 86.75 (ตัวเลขไทยก็ได้)")
    if kind in {"string_type", "string_too_short"}:
        return (f"ต้องเป็นข้อความ แต่พบ {shown}", f"must be text, got {shown}", "")
    if kind in {"list_type", "too_short"}:
        if kind == "too_short":
            return ("ต้องมีอย่างน้อยหนึ่งรายการ", "needs at least one entry", "")
        return (f"ต้องเป็นรายการ แต่พบ {shown}", f"must be a list, got {shown}",
                "เขียนแต่ละรายการในบรรทัดใหม่ ขึ้นต้นด้วย '- ' (one entry per line, starting with '- ')")
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return (f"ต้องเป็นกลุ่มข้อมูลแบบ คีย์: ค่า แต่พบ {shown}", f"must be a mapping of key: value, got {shown}",
                "ย่อหน้าคีย์ย่อยใต้หัวข้อนี้ (indent the sub-keys under this key)")
    if kind in {"bool_type", "bool_parsing"}:
        return (f"ต้องเป็น true หรือ false แต่พบ {shown}", f"must be true or false, got {shown}", "")
    if kind in {"greater_than_equal", "greater_than"}:
        return (f"ค่า {shown} ต้องไม่น้อยกว่า {ctx.get('ge', ctx.get('gt'))}",
                f"{shown} must be at least {ctx.get('ge', ctx.get('gt'))}", "")
    if kind in {"less_than_equal", "less_than"}:
        return (f"ค่า {shown} ต้องไม่เกิน {ctx.get('le', ctx.get('lt'))}",
                f"{shown} must be at most {ctx.get('le', ctx.get('lt'))}", "")
    if kind == "string_pattern_mismatch":
        return (f"รูปแบบของ {shown} ไม่ถูกต้อง", f"{shown} does not match the expected pattern {ctx.get('pattern', '')}", "")
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return (f"อ่านวันที่ {shown} ไม่ได้", f"cannot read the date {shown}", "เขียนเป็น 2568-10-01 หรือ 1 ต.ค. 2568")
    return (f"ค่า {shown} ไม่ถูกต้อง", msg, "")


# ---------------------------------------------------------------- walking models


def walk(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every value inside a validated model, with its data path (aliases as in YAML)."""
    yield path, obj
    if isinstance(obj, BaseModel):
        for name, f in type(obj).model_fields.items():
            value = getattr(obj, name)
            if value is None:
                continue
            yield from walk(value, path + (f.alias or name,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, path + (i,))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, path + (k,))


def check_file_ref(ref: str, content_dir: Path) -> tuple[str, str, str] | None:
    """Why a file reference cannot be published (th, en, hint), or None when it is fine."""
    if "://" in ref or ref.lower().startswith(("mailto:", "www.")):
        return (
            f"'{ref}' เป็นลิงก์ ไม่ใช่ไฟล์ในโฟลเดอร์ content/",
            f"'{ref}' is a link, not a file in content/",
            "ใช้ url: แทน file: สำหรับลิงก์ (write url: instead of file: for a link)",
        )
    if os.path.isabs(ref) or ref.startswith("/") or (len(ref) > 1 and ref[1] == ":"):
        return (
            f"ต้องระบุไฟล์เป็นตำแหน่งภายในโฟลเดอร์ content/ ไม่ใช่ตำแหน่งเต็มในเครื่อง: '{ref}'",
            f"file paths must be relative to content/, not absolute: '{ref}'",
            "คัดลอกไฟล์มาไว้ใน content/files/ แล้วเขียน files/ชื่อไฟล์ (copy it into content/files/)",
        )
    base = content_dir.resolve()
    target = (content_dir / ref).resolve()
    if base != target and base not in target.parents:
        return (
            f"ไฟล์ '{ref}' อยู่นอกโฟลเดอร์ content/ เผยแพร่ไม่ได้",
            f"'{ref}' points outside content/ and cannot be published",
            "คัดลอกไฟล์มาไว้ใน content/files/ (copy the file into content/files/)",
        )
    if any(part.startswith(".") for part in Path(ref).parts if part not in (".", "..")):
        return (
            f"'{ref}' เป็นไฟล์หรือโฟลเดอร์ซ่อน (ชื่อขึ้นต้นด้วยจุด) ซึ่งไม่เผยแพร่",
            f"'{ref}' is a hidden file or folder (its name starts with a dot) and is not published",
            "เปลี่ยนชื่อไฟล์ไม่ให้ขึ้นต้นด้วยจุด (rename it so it does not start with a dot)",
        )
    if not target.exists():
        folder = target.parent
        names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
        same_but_case = [n for n in names if n.lower() == Path(ref).name.lower()]
        if same_but_case:  # Windows ignores case; the web server does not
            hint = (f"ชื่อไฟล์จริงคือ '{same_but_case[0]}' ตัวพิมพ์เล็ก-ใหญ่ต้องตรงกัน "
                    f"(the file is named '{same_but_case[0]}'; case matters)")
        else:
            hint = did_you_mean(Path(ref).name, names) or (
                "ตรวจชื่อไฟล์และโฟลเดอร์ (ตัวพิมพ์เล็ก-ใหญ่ต้องตรงกัน) (check the name and folder; case matters)")
        return (f"ไม่พบไฟล์ '{ref}'", f"file not found: '{ref}'", hint)
    if not target.is_file():
        return (f"'{ref}' เป็นโฟลเดอร์ ไม่ใช่ไฟล์", f"'{ref}' is a folder, not a file", "")
    if target.stat().st_size == 0:
        return (
            f"ไฟล์ '{ref}' ว่างเปล่า (0 ไบต์)",
            f"file '{ref}' is empty (0 bytes)",
            "อัปโหลดไฟล์ใหม่อีกครั้ง (upload the file again)",
        )
    return None


# ---------------------------------------------------------------- rules across files


def _each_model(site) -> Iterator[tuple[Any, Any, tuple]]:
    """(source, model, prefix) for every validated file of the site."""
    from generator.content.load import ORGANISATION_FILE

    yield site.sources[(None, ORGANISATION_FILE)], site.org, ()
    for stem, obj in site.persistent.items():
        yield site.sources[(None, stem)], obj, ()
    for fy, files in site.years.items():
        for stem, obj in files.items():
            yield site.sources[(fy, stem)], obj, ()


def cross_check(site, problems: Problems, notes_src: dict) -> None:
    from generator.content.scalars import FileRef

    for src, obj, _ in _each_model(site):
        for path, value in walk(obj):
            if isinstance(value, FileRef):
                why = check_file_ref(value, site.content_dir)
                if why:
                    line, col = src.loaded.pos(path)
                    problems.error(src.file, line, col, *why)
            elif type(value).__name__ == "Document":
                _check_document_year(value, src, path, problems)
    _check_results(site, problems)
    _check_references(site, problems)
    _check_assessments(site, problems)
    _check_notes(site, problems, notes_src)
    _check_executives(site, problems)
    _check_site_years(site, problems)
    pdpa.scan(site, problems)


def _check_document_year(doc, src, path, problems: Problems) -> None:
    from generator.thai import fiscal_year_of

    if doc.fiscal_year and doc.date and fiscal_year_of(doc.date) != doc.fiscal_year:
        line, col = src.loaded.pos(path + ("fiscal_year",))
        problems.warning(
            src.file, line, col,
            f"วันที่เอกสาร '{doc.title}' อยู่ในปีงบประมาณ {fiscal_year_of(doc.date)} ไม่ใช่ {doc.fiscal_year}",
            f"document '{doc.title}' is dated in FY{fiscal_year_of(doc.date)}, not FY{doc.fiscal_year}",
            "ตรวจวันที่หรือปีงบประมาณของเอกสาร (check the date or the fiscal year)",
        )


def _check_results(site, problems: Problems) -> None:
    for fy, files in site.years.items():
        results = files.get("results")
        if results is None:
            continue
        src = site.sources[(fy, "results")]
        for i, res in enumerate(results.results):
            year, mid = res.ref(fy)
            measures = site.years.get(year, {}).get("measures")
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


def _check_references(site, problems: Problems) -> None:
    """Report lines must name risks / projects declared in the same year's plan."""
    pairs = [
        ("risk", "assessment", "risks", "report", "results", "risk", "ความเสี่ยง", "risk"),
        ("anti_corruption", "plan", "projects", "report", "results", "project", "โครงการ", "project"),
        ("anti_corruption", "plan", "projects", "progress", "results", "project", "โครงการ", "project"),
        ("operations", "plan", "projects", "report", "results", "project", "โครงการ", "project"),
        ("operations", "plan", "projects", "progress", "results", "project", "โครงการ", "project"),
    ]
    for fy, files in site.years.items():
        for stem, plan_sec, plan_list, rep_sec, rep_list, ref_field, th, en in pairs:
            doc = files.get(stem)
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


def _check_assessments(site, problems: Problems) -> None:
    for fy, files in site.years.items():
        a = files.get("assessment")
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


def _check_notes(site, problems: Problems, notes_src: dict) -> None:
    for year, notes in site.notes.items():
        loaded = notes_src[year]
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


def _check_executives(site, problems: Problems) -> None:
    from datetime import date as _date

    execs = site.persistent.get("executives")
    if execs is None:
        return
    today = _date.today()
    chiefs = [p for p in execs.everyone() if p.chief_executive and not p.vacant and p.in_office(today)]
    if len(chiefs) > 1:
        src = site.sources[(None, "executives")]
        problems.warning(
            src.file, 1, 1,
            f"มีผู้บริหารสูงสุดที่ดำรงตำแหน่งอยู่ {len(chiefs)} คน: {', '.join(p.name for p in chiefs)}",
            f"{len(chiefs)} chief executives are in office today",
            "ใส่ until: ให้ผู้ที่พ้นตำแหน่งแล้ว (set 'until:' for the former one)",
        )


def _check_site_years(site, problems: Problems) -> None:
    """Years the clerk asked to publish must have an item catalogue, or nothing would appear."""
    from generator.content.load import ORGANISATION_FILE

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
