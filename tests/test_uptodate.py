"""A run with no change writes nothing and rebuilds nothing; any change is noticed."""

import os

from generator.publish.build import build, generate
from generator.publish.project import Project

NEWS = """\
entries:
  - title: ประชุมประชาคมหมู่บ้าน
    date: 2025-11-15
    description: รวบรวมความต้องการของประชาชน
"""


def test_no_change_regeneration_writes_nothing(project):
    root = project({"2569/news.yml": NEWS})
    p = Project.at(root)
    first = generate(p)
    assert not first.unchanged and first.stats.written > 0
    assert {"check", "load", "pages", "render", "write"} <= set(first.timings)

    again = generate(p)
    assert again.unchanged and again.stats.changed == 0
    assert again.pages == first.pages and again.documents == first.documents
    assert [w.text() for w in again.problems.warnings] == [w.text() for w in first.problems.warnings]

    forced = generate(p, force=True)  # everything loaded and rendered again: still nothing written
    assert not forced.unchanged and forced.stats.changed == 0


def test_any_change_is_noticed(project):
    root = project({"2569/news.yml": NEWS})
    p = Project.at(root)
    generate(p)
    news = root / "content/2569/news.yml"
    news.write_text(NEWS.replace("ประชุมประชาคมหมู่บ้าน", "ประชุมประชาคมตำบล"), encoding="utf-8")
    changed = generate(p)
    assert not changed.unchanged and changed.stats.written >= 1

    page = next(p.docs_dir.rglob("*.md"))  # someone edits a generated file: it is put back
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nแก้ไขเอง\n", encoding="utf-8")
    repaired = generate(p)
    assert not repaired.unchanged and page.read_text(encoding="utf-8") == text

    (p.build_dir / ".oit-state.json").write_text("{not json", encoding="utf-8")
    assert not generate(p).unchanged


def test_no_change_build_skips_mkdocs_until_the_site_changes(project):
    root = project({"2569/news.yml": NEWS})
    p = Project.at(root)
    build(p)
    home = p.site_dir / "index.html"
    stamp = home.stat().st_mtime_ns
    again, _ = build(p)
    assert again.unchanged and home.stat().st_mtime_ns == stamp

    os.remove(p.site_dir / "404.html")  # the site folder was touched: built again
    rebuilt, _ = build(p)
    assert (p.site_dir / "404.html").is_file() and home.stat().st_mtime_ns != stamp
    assert rebuilt.pages == again.pages
