"""The back office in a built site: only for a site whose content is on GitHub, never a page.

`/admin/` is static: no public page links to it or loads its scripts, it is in neither the
sitemap nor the search index, and its Decap configuration commits to the repository named by
`site.repo_url`.
"""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import ORG

from generator.publish.build import build
from generator.publish.project import Project
from generator.publish.search import read_index

pytestmark = pytest.mark.slow  # whole builds


def test_the_sample_site_carries_the_back_office_for_its_repository(built_sample):
    project, _ = built_sample
    site = project.site_dir
    admin = site / "admin"
    assert (admin / "index.html").is_file() and (admin / "readiness" / "index.html").is_file()
    assert (admin / "vendor" / "decap-cms" / "decap-cms.js").is_file()
    assert (admin / "vendor" / "decap-cms" / "LICENSE").is_file()  # the licence travels with the bundle
    assert not list(admin.rglob("*.md"))
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "github"
    assert config["backend"]["repo"] == "example-lao/oit-bansukjai"  # content/organisation.yml site.repo_url
    assert config["locale"] == "th" and config["media_folder"] == "content/files"
    assert all(c["format"] == "yml" for c in config["collections"])
    # which elements are missing is published only with site.readiness_page (off in the sample)
    assert not (admin / "readiness.json").exists()

    assert "/admin/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    pages = read_index(site)["pages"]  # [location, title, …] of every page the search knows
    assert pages and not [pg[0] for pg in pages if pg[0].startswith("admin")]
    for page in site.rglob("*.html"):
        if page.is_relative_to(admin):
            continue
        html = page.read_text(encoding="utf-8")
        assert "decap-cms" not in html and "admin/" not in html, page


def test_a_site_not_on_github_has_no_back_office(project, tmp_path):
    root = project({"organisation.yml": ORG + "site:\n  repo_url: https://gitlab.com/lao/site\n"})
    p = Project.at(root)
    build(p)
    assert (p.site_dir / "index.html").is_file()
    assert not (p.site_dir / "admin").exists()


def test_a_site_on_github_can_leave_the_back_office_out(project):
    # A province repository of many LAOs would otherwise carry one copy of the CMS per LAO.
    root = project({"organisation.yml": ORG + "site:\n  repo_url: https://github.com/lao/site\n  back_office: false\n"})
    p = Project.at(root)
    build(p)
    assert (p.site_dir / "index.html").is_file()
    assert not (p.site_dir / "admin").exists()


def test_a_repository_subfolder_prefixes_every_path(project):
    root = project({"organisation.yml": ORG + "site:\n  repo_url: https://github.com/province/sites\n"
                                              "  repo_subdir: lao/nongthadlong\n  edit_branch: publish\n"})
    p = Project.at(root)
    build(p)
    config = yaml.safe_load((p.site_dir / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {**config["backend"], "repo": "province/sites", "branch": "publish"}
    assert config["media_folder"] == "lao/nongthadlong/content/files"
    files = [f["file"] for c in config["collections"] for f in c["files"]]
    assert files and all(f.startswith("lao/nongthadlong/content/") for f in files)
    assert not (p.site_dir / "admin" / "readiness.json").exists()


def test_a_site_with_a_readiness_page_publishes_the_back_office_readiness(project):
    root = project({"organisation.yml": ORG + "site:\n  repo_url: https://github.com/lao/site\n  readiness_page: true\n"})
    p = Project.at(root)
    build(p)
    readiness = json.loads((p.site_dir / "admin" / "readiness.json").read_text(encoding="utf-8"))
    assert readiness["year"] and readiness["items"] and "catalogue" not in readiness
