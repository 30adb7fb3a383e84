"""The back office's readiness page data: `oit check --year` for the newest ITA year, with a
link to the form that fixes each element."""

from __future__ import annotations

from pathlib import Path

from generator.checks.elements import STATUS_TH
from generator.checks.readiness import assess
from generator.checks.report import json_report
from generator.checks.validate import validate
from generator.content.site import Site
from generator.problems import Problems
from generator.publish.admin.cmsconfig import collection_name
from generator.publish.admin.files import content_files


def form_link(site: Site, topic: str, fy: int | None) -> str | None:
    """'#/collections/fy2569/entries/procurement' for the form holding a topic."""
    path = site.topic_file(topic, fy)
    for cf in content_files(site.content_dir):
        if cf.path == path:
            return f"#/collections/{collection_name(cf.year)}/entries/{cf.stem}"
    return None


def report_of(site: Site, problems: Problems) -> dict:
    """The page's data for a checked site (the same report as `oit check --year --json`)."""
    errors = [p.as_dict() for p in problems.errors]
    if not site.catalogues:
        return {"year": None, "items": [], "errors": errors, "status_th": STATUS_TH}
    year = max(site.published_years() or site.catalogues)
    data = json_report(site, assess(site, year), site.org.site.site_url)
    for item in data["items"]:
        for el in item["elements"]:
            el["status_th"] = STATUS_TH[el["status"]]
            el["form"] = form_link(site, el["topic"], el["fiscal_year"])
    data["errors"] = errors
    data["status_th"] = STATUS_TH
    return data


def report(root: Path, content_dir: Path) -> dict:
    """The page's data, checked now (`oit serve`)."""
    problems = Problems()
    site = validate(root, problems, content_dir)
    if site is None:
        return {"year": None, "items": [], "errors": [p.as_dict() for p in problems.errors], "status_th": STATUS_TH}
    return report_of(site, problems)
