"""Reading `content/`: every file loaded with positions, validated, and gathered into a Site.

Layout (see README): `organisation.yml` and one file per persistent topic at the top of
`content/`; one folder per fiscal year (`content/2568/`) holding the year files; optional
`content/catalogues/` with the LAO's own item catalogues; documents anywhere below `content/`
(usually `content/files/`). Unknown files are reported with a "did you mean" hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.content import models as m

from generator.content import topics
from generator import thai
from generator.content.catalogue import Catalogue, load_catalogues
from generator.problems import Problems, UserError, rel
from generator.content.validate import check_model, cross_check, did_you_mean
from generator.content.yamlload import Loaded, load_file

CONTENT = "content"
ORGANISATION_FILE = "organisation"


@dataclass
class Source:
    """Where a topic's content sits: its file, the YAML positions, and the path inside it."""

    loaded: Loaded
    path: tuple = ()

    @property
    def file(self) -> str:
        return self.loaded.file

    def line(self, *sub) -> int:
        return self.loaded.pos(self.path + tuple(sub))[0]


@dataclass
class Site:
    root: Path
    content_dir: Path
    org: m.Organisation
    persistent: dict[str, BaseModel] = field(default_factory=dict)  # stem → model
    years: dict[int, dict[str, BaseModel]] = field(default_factory=dict)  # FY → stem → model
    notes: dict[int, dict[str, m.ItemNote]] = field(default_factory=dict)  # ITA year → code → note
    catalogues: dict[int, Catalogue] = field(default_factory=dict)
    sources: dict[tuple, Source] = field(default_factory=dict)  # (fy|None, stem) → Source

    # ------------------------------------------------------------------ topics

    def topic(self, key: str, fy: int | None) -> Any:
        """The model holding a topic's content, or None when the clerk has not written it."""
        if key in topics.ORGANISATION_TOPICS:
            return self.org
        if key in topics.PERSISTENT_FILES:
            return self.persistent.get(key)
        stem, _, section = key.partition(".")
        doc = self.years.get(fy, {}).get(stem) if fy is not None else None
        if doc is None or not section:
            return doc
        return getattr(doc, section, None)

    def topic_source(self, key: str, fy: int | None) -> Source | None:
        if key in topics.ORGANISATION_TOPICS:
            return self.sources.get((None, ORGANISATION_FILE))
        stem, _, section = key.partition(".")
        src = self.sources.get((None if key in topics.PERSISTENT_FILES else fy, stem))
        if src is None:
            return None
        return Source(src.loaded, (section,) if section else ())

    def topic_file(self, key: str, fy: int | None) -> str:
        """Where a clerk writes this topic (even when the file does not exist yet)."""
        if key in topics.ORGANISATION_TOPICS:
            return f"{CONTENT}/{ORGANISATION_FILE}.yml"
        stem = key.partition(".")[0]
        if key in topics.PERSISTENT_FILES:
            return f"{CONTENT}/{stem}.yml"
        return f"{CONTENT}/{fy}/{stem}.yml"

    # ------------------------------------------------------------------ years

    def published_years(self) -> list[int]:
        """ITA years with a catalogue and content; the setting `site.years` overrides."""
        if self.org.site.years:
            return sorted(y for y in self.org.site.years if y in self.catalogues)
        return sorted(y for y in self.catalogues if y in self.years)

    def chief_executive(self, on: date) -> m.Person | None:
        execs = self.persistent.get("executives")
        if execs is None:
            return None
        for p in execs.everyone():
            if p.chief_executive and not p.vacant and p.in_office(on):
                return p
        return None

    @property
    def digits(self) -> str:
        return self.org.site.digits


_YEAR_DIR = re.compile(r"^[0-9๐-๙]{4}$")


def _mapping_or_problem(loaded: Loaded, problems: Problems, what_th: str) -> bool:
    if loaded.data is None:
        problems.error(
            loaded.file, 1, 1,
            f"ไฟล์ว่าง ไม่มีข้อมูล{what_th}", "the file is empty",
            "เพิ่มข้อมูล หรือลบไฟล์นี้ออก (add content or delete the file)",
        )
        return False
    if not isinstance(loaded.data, dict):
        problems.error(
            loaded.file, 1, 1,
            "เนื้อหาของไฟล์ต้องเป็นกลุ่มข้อมูลแบบ คีย์: ค่า", "the file must contain a mapping (key: value)",
            "ตัวอย่าง: บรรทัดแรกเป็น  name: ชื่อหน่วยงาน (e.g. a first line 'name: …')",
        )
        return False
    return True


def _yaml_files(folder: Path, problems: Problems, root: Path) -> dict[str, Path]:
    """stem → path for *.yml / *.yaml in a folder; both spellings of one stem is an error."""
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".yml", ".yaml") or not path.is_file():
            continue
        if path.stem in found:
            problems.error(
                rel(path, root), 0, 0,
                f"มีทั้ง {found[path.stem].name} และ {path.name}", f"both {found[path.stem].name} and {path.name} exist",
                "รวมเป็นไฟล์เดียว (keep one of them)",
            )
            continue
        found[path.stem] = path
    return found


def load_site(root: Path, problems: Problems, content_dir: Path | None = None) -> Site | None:
    """Load and validate everything; None when errors make a site impossible."""
    root = root.resolve()
    content_dir = (content_dir or root / CONTENT).resolve()
    if not content_dir.is_dir():
        problems.error(
            rel(content_dir, root), 0, 0,
            "ไม่พบโฟลเดอร์ content/", "content/ folder not found",
            "รันคำสั่งในโฟลเดอร์โครงการ หรือสร้างด้วย oit new (run inside the project, or create it with 'oit new')",
        )
        return None

    sources: dict[tuple, Source] = {}
    top = _yaml_files(content_dir, problems, root)

    org_path = top.pop(ORGANISATION_FILE, None)
    org = None
    if org_path is None:
        problems.error(
            f"{rel(content_dir, root)}/{ORGANISATION_FILE}.yml", 0, 0,
            "ไม่พบไฟล์ข้อมูลหน่วยงาน organisation.yml", "organisation.yml not found",
            "สร้างไฟล์ content/organisation.yml (ดูตัวอย่างใน README) (create it; see README)",
        )
    else:
        loaded = load_file(org_path, root, problems)
        if loaded is not None and _mapping_or_problem(loaded, problems, "หน่วยงาน"):
            org = check_model(m.Organisation, loaded, problems)
            sources[(None, ORGANISATION_FILE)] = Source(loaded)

    persistent: dict[str, BaseModel] = {}
    for stem, path in top.items():
        spec = topics.PERSISTENT_FILES.get(stem)
        if spec is None:
            problems.warning(
                rel(path, root), 0, 0,
                f"ไม่รู้จักไฟล์ {path.name} — ระบบจะไม่ใช้ไฟล์นี้", f"unknown file {path.name}; it is ignored",
                did_you_mean(stem, [*topics.PERSISTENT_FILES, ORGANISATION_FILE])
                or "ไฟล์ของแต่ละปีให้ใส่ในโฟลเดอร์ปี เช่น content/2568/ (year files go in a year folder)",
            )
            continue
        loaded = load_file(path, root, problems)
        if loaded is None or not _mapping_or_problem(loaded, problems, ""):
            continue
        obj = check_model(spec[0], loaded, problems)
        if obj is not None:
            persistent[stem] = obj
            sources[(None, stem)] = Source(loaded)

    years: dict[int, dict[str, BaseModel]] = {}
    notes: dict[int, dict[str, m.ItemNote]] = {}
    notes_src: dict[int, Loaded] = {}
    for folder in sorted(p for p in content_dir.iterdir() if p.is_dir()):
        if folder.name in ("catalogues", "files") or folder.name.startswith("."):
            continue
        if not _YEAR_DIR.match(folder.name):
            continue  # other folders hold documents
        fy = int(thai.to_arabic(folder.name))
        if fy in thai.CE_RANGE:
            problems.error(
                rel(folder, root), 0, 0,
                f"ชื่อโฟลเดอร์ {folder.name} เป็นปี ค.ศ. ต้องเป็นปีงบประมาณ พ.ศ.",
                f"folder {folder.name} is named with a CE year; use the BE fiscal year",
                f"เปลี่ยนชื่อเป็น {fy + thai.BE_OFFSET} (rename it to {fy + thai.BE_OFFSET})",
            )
            continue
        if fy not in thai.BE_RANGE:
            continue
        year_models: dict[str, BaseModel] = {}
        for stem, path in _yaml_files(folder, problems, root).items():
            if stem not in topics.YEAR_FILES:
                problems.warning(
                    rel(path, root), 0, 0,
                    f"ไม่รู้จักไฟล์ {path.name} — ระบบจะไม่ใช้ไฟล์นี้", f"unknown file {path.name}; it is ignored",
                    did_you_mean(stem, topics.YEAR_FILES, show_all=20),
                )
                continue
            loaded = load_file(path, root, problems)
            if loaded is None or not _mapping_or_problem(loaded, problems, ""):
                continue
            if stem == "items":
                parsed = _load_notes(loaded, problems)
                if parsed is not None:
                    notes[fy] = parsed
                    notes_src[fy] = loaded
                    sources[(fy, stem)] = Source(loaded)
                continue
            obj = check_model(topics.YEAR_FILES[stem], loaded, problems)
            if obj is not None:
                year_models[stem] = obj
                sources[(fy, stem)] = Source(loaded)
        if year_models or fy in notes:
            years[fy] = year_models

    catalogues = load_catalogues(root, content_dir, problems)

    if org is None:
        return None
    site = Site(root, content_dir, org, persistent, years, notes, catalogues, sources)
    cross_check(site, problems, notes_src)
    empty_topic_warnings(site, problems)
    return site


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
            topic = site.topic(ref.topic, fy)
            empty = topic is None or (isinstance(topic, m.Section) and topic.is_empty())
            if not empty:
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
                f"ยังไม่มีข้อมูล: {topics.TOPIC_TITLES[ref.topic]}{when} (ใช้ใน ITA {year} ข้อ {', '.join(codes)})",
                f"empty: {ref.topic}{f' FY{fy}' if fy else ''} (needed by ITA {year} {', '.join(codes)})",
            )


def _load_notes(loaded: Loaded, problems: Problems) -> dict[str, m.ItemNote] | None:
    out: dict[str, m.ItemNote] = {}
    ok = True
    for code, value in loaded.data.items():
        note = check_model(m.ItemNote, loaded, problems, prefix=(code,))
        if note is None:
            ok = False
            continue
        out[str(code).strip().upper()] = note
    return out if ok else None


def load_or_raise(root: Path, content_dir: Path | None = None) -> tuple[Site, Problems]:
    problems = Problems()
    site = load_site(root, problems, content_dir)
    if site is None or problems.has_errors():
        raise UserError(problems)
    return site, problems
