"""What a build claims about the site it made, kept for the audit in `build/audit.json`.

The audit (`audit.py`) reads the built HTML and nothing of the content model: to judge the site
as an assessor would, it needs what the build said — the ITAS sheet of every published year
(every item's URL, every element's anchor and verdict), which content file holds each element's
evidence (to point the clerk at file:line), which pages show which files, which documents came
from which reference, the import's leftovers, the consented national IDs, and what the clerk
wrote that no page publishes. This module writes that record; nothing in it is published.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from generator import thai
from generator.checks import pdpa
from generator.checks.elements import STATUS_EN, STATUS_TH
from generator.checks.readiness import ElementStatus, assess
from generator.checks.report import edit_location
from generator.content.load import leftover_entries, year_folders
from generator.content.site import Site
from generator.content.topics import CATALOGUES_DIR, LEFTOVERS_FILE, TOPICS, year_topics_of
from generator.content.urls import item_path
from generator.content.views import item_views
from generator.problems import Problems, rel
from generator.publish import itas
from generator.publish import messages as msg
from generator.publish.helpers import FileSet
from generator.publish.pages import Page, leftover_topics, shown_on_item_pages
from generator.publish.project import Project

CLAIMS_FILE = "audit.json"
FORMAT = 1
CONTENT_SUFFIXES = {".yml", ".yaml"}


def html_path(docs_path: str) -> str:
    """The built file of a generated page: `oit/2569/o1/index.md` → `oit/2569/o1/index.html`."""
    return docs_path[: -len(".md")] + ".html"


def digest(national_id: str) -> str:
    """Consented IDs are matched by digest: build/audit.json never holds the number itself."""
    return hashlib.sha256(national_id.encode("ascii")).hexdigest()


def _evidence_at(site: Site, es: ElementStatus) -> tuple[str, int]:
    """The content file (and line) holding an element's evidence: its part's first field, else
    its topic; the file to create when there is none."""
    t = es.topic
    src = site.topic_source(t.key, t.fy)
    if src is None:
        return t.file, 0
    part = t.part(es.element.part) if es.element.part else None
    path = src.path + ((part.fields[0],) if part else ())
    return src.file, src.loaded.pos(path)[0]


def items(site: Site) -> list[dict]:
    """Every published year's ITAS sheet, item by item, with each element's readiness and where
    its evidence should be on the page."""
    out = []
    for year in site.published_years():
        readiness = assess(site, year)
        sheet = itas.rows(site, readiness)
        for it, row in zip(readiness.items, sheet, strict=True):
            elements = []
            for ev, es, er in zip(it.view.elements, it.elements, row["elements"], strict=True):
                file, line = _evidence_at(site, es)
                fix_file, fix_line = edit_location(site, es)
                finding = es.findings[0] if es.findings else None
                tv = es.topic
                elements.append({
                    **er,
                    "expected_anchor": ev.anchor,
                    "topic_heading": tv.title + (f" {thai.format_fy(tv.fy)}" if tv.fy else ""),
                    "part_heading": tv.part(es.element.part).title if es.element.part else None,
                    "source": [file, line],
                    "fix": [fix_file, fix_line],
                    # why it is not ready: its first finding, else its status (a manual element
                    # the clerk has not confirmed has no finding)
                    "finding": [finding.th, finding.en] if finding else [STATUS_TH[es.status], STATUS_EN[es.status]],
                })
            out.append({
                "year": year, "code": it.item.code, "title": it.item.title,
                "label": it.view.title,  # "O1 title": the item's page title and its label in the menu
                "page": html_path(item_path(year, it.item.code)),
                "url": row["url"], "answer": row["answer"], "elements": elements,
            })
    return out


def _unpublished(site: Site, files: FileSet, project: Project) -> list[dict]:
    """What the clerk wrote that no page publishes: fiscal-year folders no published ITA year
    uses, topics of such years, and files in content/ that no content refers to."""
    years = site.published_years()
    items_by_year = {y: item_views(site, y) for y in years}
    shown = shown_on_item_pages(site, items_by_year)
    persistent_left, year_left = leftover_topics(site, shown)
    shown.topics.update((tv.key, tv.fy) for tv in persistent_left)
    shown.topics.update((tv.key, tv.fy) for tvs in year_left.values() for tv in tvs)
    out: list[dict] = []
    years_text = ", ".join(str(y) for y in years) or "-"
    for fy, folder in sorted(year_folders(site.content_dir).items()):
        if fy in shown.fiscal_years:
            continue
        keys = [key for stem in site.years.get(fy, {}) for key in year_topics_of(stem)]
        if any((key, fy) in shown.topics for key in keys):  # partly shown (an assessment on its dashboard)
            for key in keys:
                if (key, fy) not in shown.topics and TOPICS[key].has_content(site.topic(key, fy)):
                    out.append({"message": msg.TOPIC_UNPUBLISHED.code, "file": site.topic_file(key, fy),
                                "line": _line(site, key, fy), "values": {
                                    "title": TOPICS[key].title, "topic": key, "fy": fy, "what_to_do": _year_hint(site, fy)}})
            continue
        out.append({"message": msg.YEAR_UNPUBLISHED.code, "file": rel(folder, project.root) + "/", "line": 0,
                    "values": {"fy": fy, "folder": rel(folder, project.root) + "/", "years": years_text,
                               "what_to_do": _year_hint(site, fy)}})
    out.extend(_unreferenced_files(site, files, project))
    return out


def _line(site: Site, key: str, fy: int | None) -> int:
    src = site.topic_source(key, fy)
    return src.line() if src is not None else 0


def _year_hint(site: Site, fy: int) -> str:
    settings = site.org.site.years
    if settings and (fy in site.catalogues or fy + 1 in site.catalogues):
        return (f"เพิ่ม {fy} ใน site: years: ของ organisation.yml (add {fy} to site: years: in organisation.yml)")
    newest = max(site.catalogues) if site.catalogues else None
    return (f"ยังไม่มีรายการ OIT ของ ITA {fy}: เมื่อ ป.ป.ช. ประกาศคู่มือ ให้คัดลอก generator/content/catalogues/"
            f"{newest or 'YYYY'}.yml ไปเป็น content/{CATALOGUES_DIR}/{fy}.yml แล้วแก้ตามคู่มือ "
            f"(there is no ITA {fy} catalogue yet: copy the newest to content/{CATALOGUES_DIR}/{fy}.yml and edit it)")


def _unreferenced_files(site: Site, files: FileSet, project: Project) -> list[dict]:
    published = set(files.dest)
    candidates = []
    for dirpath, dirnames, filenames in os.walk(site.content_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != CATALOGUES_DIR)
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if name.startswith(".") or path.suffix.lower() in CONTENT_SUFFIXES or name.lower().startswith("readme"):
                continue
            ref = path.relative_to(site.content_dir).as_posix()
            if ref not in published:
                candidates.append((ref, path))
    if not candidates:
        return []
    # a file some content names (a topic of an unpublished year) is covered by that finding
    texts = "\n".join(src.loaded.text or "" for src in site.sources.values())
    return [{"message": msg.FILE_UNPUBLISHED.code, "file": rel(path, project.root), "line": 0,
             "values": {"file_name": rel(path, project.root)}}
            for ref, path in candidates if ref not in texts and path.name not in texts]


def _leftovers(site: Site, project: Project) -> list[dict]:
    out = []
    for folder in year_folders(site.content_dir).values():
        for suffix in CONTENT_SUFFIXES:
            path = folder / f"{LEFTOVERS_FILE}{suffix}"
            if path.is_file():
                out += [{"file": e.file, "line": e.line, "text": e.text}
                        for e in leftover_entries(path, project.root, Problems())]
    return out


def _consented(site: Site) -> list[dict]:
    src = site.sources.get((None, "organisation"))
    out = []
    for i, c in enumerate(site.org.consent.national_ids):
        line = src.loaded.pos(("consent", "national_ids", i))[0] if src else 0
        out.append({"digest": digest(c.id), "masked": pdpa.mask(c.id, "id"), "note": c.note,
                    "file": src.file if src else "content/organisation.yml", "line": line})
    return out


def make(project: Project, site: Site, pages: list[Page], files: FileSet,
         items_of_site: list[dict] | None = None) -> dict[str, Any]:
    """The record of one build for its audit. `items_of_site`: `items(site)`, when worked out
    already (beside the rendering)."""
    private = {"readiness/index.md"}  # the maintainers' page (setting site.readiness_page)
    return {
        "format": FORMAT,
        "base": site.org.site.site_url or "",
        "years": site.published_years(),
        "items": items(site) if items_of_site is None else items_of_site,
        "pages": {html_path(p.path): {"sources": p.sources, "private": p.path in private} for p in pages},
        "documents": {dest: ref for ref, dest in files.dest.items()},
        "leftovers": _leftovers(site, project),
        "unpublished": _unpublished(site, files, project),
        "consented": _consented(site),
    }


def key(claims: dict[str, Any]) -> str:
    """A fingerprint of what a build claims: its audit stays valid while this does not change."""
    return hashlib.sha256(json.dumps(claims, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def write(build_dir: Path, claims: dict[str, Any]) -> None:
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / CLAIMS_FILE
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(claims, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def read(build_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((build_dir / CLAIMS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None
