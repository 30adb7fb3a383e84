"""A Thai government site (issue 20), without a browser: the seal, the executives chart, the
general-information page, policies with defaults the LAO can replace, the sitemap, the English
summary, the citizen-first home page, and what only the LAO may see."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from PIL import Image

from generator import thai
from generator.content import models as m
from generator.content.people import chart, lead, tier_of
from generator.content.views import item_views
from generator.publish.branding import FAVICON_PATH, LOGO_PATH, NEUTRAL_SEAL, TOUCH_ICON_PATH
from generator.publish.build import build, generate
from generator.publish.project import Project

REPO = Path(__file__).resolve().parent.parent


def image(path: Path) -> Image.Image:
    with Image.open(path) as im:
        return im.copy()


def person(position: str, **more) -> m.Person:
    return m.Person(position=position, name=more.pop("name", "ชื่อ สกุล"), **more)


# ------------------------------------------------------------------ the executives chart


@pytest.mark.parametrize(("side", "position", "tier"), [
    ("political", "นายกเทศมนตรีตำบลหนองบัว", "chief"),
    ("political", "นายกองค์การบริหารส่วนจังหวัดสุขใจ", "chief"),
    ("political", "รองนายกเทศมนตรี คนที่ 2", "deputy"),
    ("political", "รองนายก อบต.", "deputy"),
    ("political", "เลขานุการนายกเทศมนตรี", "staff"),
    ("political", "ที่ปรึกษานายกองค์การบริหารส่วนตำบล", "staff"),
    ("political", "ประธานสภาเทศบาล", "council"),
    ("political", "รองประธานสภาองค์การบริหารส่วนตำบล", "council"),
    ("political", "สมาชิกสภาเทศบาล เขต 1", "council"),
    ("political", "เลขานุการสภา อบต.", "council"),
    ("permanent", "ปลัดเทศบาล", "chief"),
    ("permanent", "รองปลัดองค์การบริหารส่วนตำบล", "deputy"),
    ("permanent", "หัวหน้าสำนักปลัดเทศบาล", "head"),
    ("permanent", "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม", "head"),
    ("permanent", "ผอ.กองคลัง", "head"),
    ("permanent", "นักวิเคราะห์นโยบายและแผน", "other"),
])
def test_the_level_of_a_post_is_read_from_its_title(side, position, tier):
    assert tier_of(person(position), side) == tier


def test_chart_orders_levels_keeps_the_clerks_order_and_leaves_out_former_executives():
    execs = m.Executives(
        political=[
            person("ประธานสภาเทศบาล", name="ก"),
            person("รองนายกเทศมนตรี คนที่ 2", name="ข"),
            person("นายกเทศมนตรี", name="ค", chief_executive=True),
            person("รองนายกเทศมนตรี คนที่ 1", name="ง"),
            person("นายกเทศมนตรี", name="อดีต", chief_executive=True, until="30 ก.ย. 2564"),
            person("ผู้ช่วยงานนายก", name="จ", tier="staff"),  # worded otherwise: `tier:` decides
        ],
        permanent=[person("ผู้อำนวยการกองช่าง", name="ฉ"), person("ปลัดเทศบาล", vacant=True, name=None,
                                                                  acting="รองปลัดเทศบาล รักษาราชการแทน")],
    )
    levels = chart(execs, "political")
    assert [lv.tier for lv in levels] == ["chief", "deputy", "staff", "council"]
    assert [p.name for p in levels[0].people] == ["ค"]  # the former chief is not shown
    assert [p.name for p in levels[1].people] == ["ข", "ง"]  # document order within a level
    assert [lv.tier for lv in chart(execs, "permanent")] == ["chief", "head"]
    assert [p.name or p.acting for p in lead(execs)] == ["ค", "รองปลัดเทศบาล รักษาราชการแทน"]


def test_a_tier_that_does_not_exist_is_refused():
    with pytest.raises(ValueError, match="tier"):
        m.Person(position="นายก", name="ก", tier="boss")


# ------------------------------------------------------------------ a project to build


def project_from(tmp_path: Path, edit=None, drop: tuple[str, ...] = ()) -> Project:
    root = tmp_path / "lao"
    shutil.copytree(REPO / "content", root / "content")
    for rel in drop:
        (root / "content" / rel).unlink()
    if edit:
        org = root / "content/organisation.yml"
        data = yaml.safe_load(org.read_text(encoding="utf-8"))
        edit(data)
        org.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Project.at(root)


def config(project: Project) -> dict:
    return yaml.safe_load(project.config_file.read_text(encoding="utf-8"))


def md(project: Project, path: str) -> str:
    return (project.docs_dir / path).read_text(encoding="utf-8")


# ------------------------------------------------------------------ the seal


def test_the_seal_is_resized_for_the_header_and_the_icon_once(tmp_path):
    project = project_from(tmp_path)
    generate(project)
    cfg = config(project)
    assert cfg["theme"]["logo"] == LOGO_PATH and cfg["theme"]["favicon"] == FAVICON_PATH
    assert cfg["extra"]["oit"]["touch_icon"] == TOUCH_ICON_PATH
    sizes = {path: image(project.docs_dir / path).size for path in (LOGO_PATH, FAVICON_PATH, TOUCH_ICON_PATH)}
    assert sizes == {LOGO_PATH: (128, 128), FAVICON_PATH: (48, 48), TOUCH_ICON_PATH: (180, 180)}
    assert image(project.docs_dir / TOUCH_ICON_PATH).getpixel((0, 0))[3] == 255  # opaque for iOS
    cached = sorted((project.build_dir / ".oit-cache/branding").iterdir())
    stamps = [p.stat().st_mtime_ns for p in cached]
    generate(project, force=True)
    assert [p.stat().st_mtime_ns for p in sorted((project.build_dir / ".oit-cache/branding").iterdir())] == stamps


def test_a_wide_seal_is_centred_on_a_square(tmp_path):
    project = project_from(tmp_path)
    wide = Image.new("RGBA", (400, 100), (200, 0, 0, 255))
    wide.save(project.content_dir / "files/logo.png")
    generate(project)
    logo = image(project.docs_dir / LOGO_PATH)
    assert logo.size == (128, 128)
    assert logo.getpixel((64, 64))[3] == 255 and logo.getpixel((64, 2))[3] == 0  # band in the middle


def test_no_logo_or_an_unreadable_one_gives_the_neutral_seal(tmp_path, run):
    project = project_from(tmp_path / "a", edit=lambda d: d.pop("logo"))
    generate(project)
    assert config(project)["theme"]["favicon"] == FAVICON_PATH and config(project)["theme"]["logo"] == NEUTRAL_SEAL
    assert (REPO / "theme" / NEUTRAL_SEAL).is_file() and (REPO / "theme" / FAVICON_PATH).is_file()
    assert not (project.docs_dir / FAVICON_PATH).exists()  # the theme's neutral icon, not Material's
    broken = project_from(tmp_path / "b")
    (broken.content_dir / "files/logo.png").write_text("not an image", encoding="utf-8")
    code, out, _ = run("--root", str(broken.root), "build")
    assert code == 0 and "OIT-B801" in out and "content/organisation.yml:" in out
    assert config(broken)["theme"]["logo"] == NEUTRAL_SEAL
    code, out, _ = run("--root", str(broken.root), "build", "--strict", "--force")
    assert code == 1


def test_an_svg_seal_is_used_as_it_is(tmp_path):
    project = project_from(tmp_path, edit=lambda d: d.update(logo="files/seal.svg"))
    (project.content_dir / "files/seal.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5"/></svg>',
        encoding="utf-8")
    generate(project)
    assert config(project)["theme"]["logo"] == "assets/oit/logo.svg"
    assert (project.docs_dir / "assets/oit/logo.svg").read_text(encoding="utf-8").startswith("<svg")


# ------------------------------------------------------------------ pages


def test_general_information_page_from_general_yml(tmp_path):
    project = project_from(tmp_path)
    generate(project)
    page = md(project, "general/index.md")
    for text in ("ประวัติความเป็นมา", "36.40 ตารางกิโลเมตร", "| ประชากรทั้งหมด (คน) | 6,412 |", "**วิสัยทัศน์**",
                 "1. พัฒนาโครงสร้างพื้นฐาน", "หมู่ที่ 8 บ้านดอนตาล", "{ #general-population }"):
        assert text in page, text
    bare = project_from(tmp_path / "bare", drop=("general.yml",))
    generate(bare)
    assert "อยู่ระหว่างการปรับปรุงข้อมูล" in md(bare, "general/index.md")


def test_policies_have_thai_defaults_the_lao_can_replace(tmp_path):
    project = project_from(tmp_path)
    (project.content_dir / "security_policy.yml").write_text(
        "policy: |\n  นโยบายของหน่วยงานเอง ข้อ 1\ndocuments:\n  - title: ประกาศนโยบาย\n"
        "    url: https://www.bansukjai.example/policy.pdf\n    date: 1 ต.ค. 2568\n", encoding="utf-8")
    generate(project)
    website = md(project, "website-policy/index.md")
    assert "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540" in website and "องค์การบริหารส่วนตำบลบ้านสุขใจ" in website
    security = md(project, "security-policy/index.md")
    assert "นโยบายของหน่วยงานเอง ข้อ 1" in security and "ประกาศนโยบาย" in security
    assert "static website" not in security  # the default is replaced, not appended to
    assert "ปรับปรุงล่าสุด 1\u00a0ต.ค.\u00a02568" in security  # dates keep a no-break space


def test_sitemap_links_every_page_of_the_navigation(tmp_path):
    project = project_from(tmp_path)
    generate(project)
    sitemap = md(project, "sitemap/index.md")
    linked = {os.path.normpath(os.path.join("sitemap", href)) for href in re.findall(r"\]\(([^)#]+)\)", sitemap)}
    pages = {p.relative_to(project.docs_dir).as_posix() for p in project.docs_dir.rglob("index.md")}
    expected = pages - {"sitemap/index.md", "readiness/index.md"}
    assert expected <= linked, sorted(expected - linked)[:5]
    assert len(expected) >= 60


def test_english_summary_is_off_by_default_and_in_english_when_on(tmp_path):
    off = project_from(tmp_path / "off", edit=lambda d: d["site"].pop("english"))
    generate(off)
    assert not (off.docs_dir / "en").exists()
    assert "en/" not in str(config(off)["nav"])
    on = project_from(tmp_path / "on")
    generate(on)
    page = md(on, "en/index.md")
    assert page.startswith("---\ntitle: English summary") and '<div lang="en" markdown>' in page
    assert "# Ban Sukjai Subdistrict Administrative Organization" in page and "**Telephone:**" in page
    assert page.count("| O") >= 20  # the OIT index, one row per item
    assert {"title": "English", "url": "en/", "lang": "en"} in config(on)["extra"]["oit"]["quick_links"]


def test_home_page_serves_citizens_first(tmp_path):
    project = project_from(tmp_path)
    site = generate(project).site
    home = md(project, "index.md")
    order = [home.index(h) for h in ("{ #services }", "{ #news }", "{ #announcements }", "{ #executives }",
                                      "{ #ita }", "{ #oit }", "{ #contact }")]
    assert order == sorted(order)
    # The five newest news entries of every fiscal year, newest first.
    entries = [e for fy in site.years if (n := site.topic("news", fy)) for e in n.entries]
    newest = sorted(entries, key=lambda e: e.date, reverse=True)[:5]
    shown = re.findall(r"- \*\*\[([^\]]+)\]\([^)]*\)\*\*<br><span class=\"oit-news__date\">", home)
    assert len(entries) > 5 and shown == [e.title for e in newest]
    year = site.published_years()[-1]
    assert f"(oit/{year}/o10/index.md#eservice)" in home
    assert f"(oit/{year}/o17/index.md#complaint-channels)" in home
    assert "นายธนพล ใจสุขสันต์" in home and "นางสาวรัตนาภรณ์ พึ่งสุขใจ" in home
    assert f"(oit/{year}/o2/index.md#executives)" in home


def test_guidance_for_the_lao_and_the_edit_button_only_in_the_preview(tmp_path):
    project = project_from(tmp_path)
    generate(project)
    built = md(project, "oit/2569/o1/index.md")
    assert "สำหรับองค์กรปกครองส่วนท้องถิ่น" not in built and "edit_url" not in built
    preview = Project.at(project.root, build_dir=tmp_path / "preview", preview=True)
    generate(preview)
    shown = md(preview, "oit/2569/o1/index.md")
    assert '!!! note "สำหรับองค์กรปกครองส่วนท้องถิ่น"' in shown and "edit_url: https://github.com/" in shown
    # The readiness page (for the LAO, not in menu or search) carries the guidance too.
    ready = project_from(tmp_path / "ready", edit=lambda d: d["site"].update(readiness_page=True))
    generate(ready)
    assert "แผนผังโครงสร้างต้องแสดงทั้งฝ่ายการเมือง" in md(ready, "readiness/index.md")


def test_footer_and_404_come_from_the_organisation(tmp_path):
    project = project_from(tmp_path)
    site = build(project)[0].site
    extra = config(project)["extra"]["oit"]
    assert extra["name"] == "องค์การบริหารส่วนตำบลบ้านสุขใจ" and extra["place"] == "อำเภอเมืองสุขใจ จังหวัดนครสุขใจ"
    assert extra["phone"][0] == {"text": "0 3299 1234", "href": "032991234"}
    # When the information last changed: the newest "last updated" of any item page.
    newest = max(d for y in site.published_years() for v in item_views(site, y) if (d := v.updated))
    assert extra["updated"] == thai.format_date(newest)
    page = (project.site_dir / "404.html").read_text(encoding="utf-8")
    assert "ไม่พบหน้าที่ท่านต้องการ" in page and 'name="q"' in page and "404 - Not found" not in page
    assert 'action="/ita/"' in page  # served from any missing address: absolute
    assert "Made with" not in (project.site_dir / "index.html").read_text(encoding="utf-8")


def test_guidance_for_the_lao_stays_inert_where_it_is_shown(tmp_path):
    """The catalogue's guidance left the public pages; where it is still shown (the preview and
    the readiness page) a hostile note is text, as everywhere else."""
    case = REPO / "tests/corpus/cat-markup-in-element-and-notes/content"
    root = tmp_path / "lao"
    shutil.copytree(case, root / "content")
    (root / "content/organisation.yml").write_text(
        "name: องค์การบริหารส่วนตำบลทดสอบ\ntype: อบต.\ndistrict: ทดสอบ\nprovince: ทดสอบ\naddress: หมู่ 1\n"
        "site:\n  readiness_page: true\n", encoding="utf-8")
    preview = Project.at(root, preview=True)
    generate(preview)
    for page in ("oit/2569/o1/index.md", "readiness/index.md"):
        text = md(preview, page)
        assert "&lt;iframe src=https://evil.example&gt;&lt;/iframe&gt;" in text, page
        assert "<iframe" not in text, page
    assert "สำหรับองค์กรปกครองส่วนท้องถิ่น" in md(preview, "oit/2569/o1/index.md")
