"""The back office's readiness page data: `oit check --year` for the newest ITA year, with a
link to the form that fixes each element."""

from __future__ import annotations

from pathlib import Path

from ..load import load_site
from ..problems import Problems
from ..readiness import STATUS_TH, assess, json_report
from .cmsconfig import collection_name
from .registry import content_files


def form_link(site, topic: str, fy: int | None) -> str | None:  # noqa: ANN001 - a Site
    """'#/collections/fy2569/entries/procurement' for the form holding a topic."""
    path = site.topic_file(topic, fy)
    for cf in content_files(site.content_dir):
        if cf.path == path:
            return f"#/collections/{collection_name(cf.year)}/entries/{cf.stem}"
    return None


def report(root: Path, content_dir: Path) -> dict:
    problems = Problems()
    site = load_site(root, problems, content_dir)
    errors = [p.as_dict() for p in problems.errors]
    if site is None or not site.catalogues:
        return {"year": None, "items": [], "errors": errors, "status_th": STATUS_TH}
    years = site.published_years() or sorted(site.catalogues)
    year = max(years)
    data = json_report(site, assess(site, year), site.org.site.site_url)
    for item in data["items"]:
        for el in item["elements"]:
            el["status_th"] = STATUS_TH[el["status"]]
            el["form"] = form_link(site, el["topic"], el["fiscal_year"])
    data["errors"] = errors
    data["status_th"] = STATUS_TH
    return data
