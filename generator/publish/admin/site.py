"""The back office inside a published site: `/admin/` of a site whose content lives on GitHub.

Only when `site.repo_url` names a GitHub repository and `site.back_office` is not turned off (a
province repository of many LAOs would carry one 6.5 MB copy per LAO): there Decap CMS commits each save through
GitHub's API and the Pages workflow checks and publishes it. A site published any other way
gets no /admin/ (it would have nothing to save to); `oit serve` mounts its own, live.
The pages are static files, so MkDocs copies them as they are: they are no page of the site,
in neither its navigation, its search index nor its sitemap, and no public page links to them.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.content.site import Site
from generator.problems import Problems
from generator.publish.admin import cmsconfig
from generator.publish.admin.readiness import report_of

STATIC = Path(__file__).resolve().parent / "static"
ADMIN = "admin"  # the folder in the site


def static_files() -> dict[str, Path]:
    """Site path → file of every page and asset of the back office (with the bundle's licences;
    the README of the vendored folder is for developers, and MkDocs would make it a page)."""
    return {f"{ADMIN}/{p.relative_to(STATIC).as_posix()}": p for p in sorted(STATIC.rglob("*"))
            if p.is_file() and not p.name.startswith(".") and p.suffix != ".md"}


def site_files(site: Site, problems: Problems) -> tuple[dict[str, str], dict[str, Path]]:
    """(texts, copies) to add to the generated docs folder; empty when the site is not on GitHub."""
    repo = cmsconfig.github_repo(site.org)
    if repo is None or not site.org.site.back_office:
        return {}, {}
    config = cmsconfig.build_config(site.content_dir, site.catalogues, repo=repo,
                                    site_url=site.org.site.site_url or "../")
    texts = {
        f"{ADMIN}/config.yml": cmsconfig.config_text(config),
        f"{ADMIN}/mode.js": cmsconfig.mode_script(config),
    }
    if site.org.site.readiness_page:
        # Which elements are missing is published only when the LAO asked for a readiness page
        # (site.readiness_page), as of this build; a provisional catalogue's note is for the
        # maintainers' build output, never the site.
        data = {k: v for k, v in report_of(site, problems).items() if k != "catalogue"}
        texts[f"{ADMIN}/readiness.json"] = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return texts, static_files()
