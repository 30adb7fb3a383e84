"""The preview's page rebuild (publish/preview.py) makes what a full MkDocs build makes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.publish.build import generate
from generator.publish.preview import LiveSite
from generator.publish.project import Project

REPO = Path(__file__).resolve().parent.parent
OPTIONS = {"site_url": "http://127.0.0.1:8000/", "dev_addr": "127.0.0.1:8000", "strict": False, "hooks": []}

pytestmark = pytest.mark.slow


def pages(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.html"))}


@pytest.fixture
def lao(tmp_path: Path) -> Project:
    shutil.copytree(REPO / "content", tmp_path / "lao" / "content")
    project = Project.at(tmp_path / "lao")
    generate(project)
    return project


def test_a_page_rebuilt_after_an_edit_is_the_page_a_full_build_makes(lao: Project, tmp_path: Path):
    live = LiveSite(lao.config_file, **OPTIONS)
    live.build(tmp_path / "dirty")
    before = pages(tmp_path / "dirty")

    news = lao.content_dir / "2569" / "news.yml"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "รวบรวมปัญหาความต้องการ 57 เรื่อง", "รวบรวมปัญหาความต้องการ 64 เรื่องจากการประชุมรอบสอง", 1), encoding="utf-8")
    g = generate(lao)
    changed = [p for p in g.stats.updated if p.endswith(".md")]
    assert changed and not g.stats.created and not g.stats.deleted and not g.config_changed
    assert live.rebuild(changed)
    dirty = pages(tmp_path / "dirty")

    LiveSite(lao.config_file, **OPTIONS).build(tmp_path / "full")
    full = pages(tmp_path / "full")
    assert dirty.keys() == full.keys()
    for md in changed:
        html = md.removesuffix("index.md") + "index.html"
        assert "64 เรื่องจากการประชุมรอบสอง".encode() in dirty[html]
        assert dirty[html] != before[html]
    # every page, the rebuilt one and all the others, as the full build made it
    assert [p for p in full if dirty[p] != full[p]] == []


def test_a_changed_title_asks_for_a_full_build(lao: Project, tmp_path: Path):
    live = LiveSite(lao.config_file, **OPTIONS)
    live.build(tmp_path / "site")
    page = lao.docs_dir / "oit" / "index.md"  # in the navigation without a title of its own
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("title: ", "title: ชื่อใหม่ ", 1), encoding="utf-8")
    assert not live.rebuild(["oit/index.md"])  # every page's navigation shows the title
    assert not live.rebuild(["no/such/page.md"])


def test_the_first_pages_are_written_before_the_others_and_a_newer_edit_stops_the_rest(lao: Project):
    from generator.publish.build import Early, Superseded

    news = lao.content_dir / "2569" / "news.yml"
    old, new = "ความต้องการ 57 เรื่อง", "ความต้องการ 58 เรื่อง"
    showing = [p.relative_to(lao.docs_dir).as_posix() for p in sorted(lao.docs_dir.rglob("*.md"))
               if old in p.read_text(encoding="utf-8")]  # the news page, and one quoting the text
    news.write_text(news.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    shown: list[list[str]] = []
    with pytest.raises(Superseded):
        generate(lao, early=Early(lambda: showing, shown.append, cancelled=lambda: True))
    assert len(shown) == 1 and shown[0] and set(shown[0]) <= set(showing)
    assert all(new in (lao.docs_dir / page).read_text(encoding="utf-8") for page in shown[0])
    g = generate(lao)  # the interrupted run is finished by the next one
    assert not g.unchanged
