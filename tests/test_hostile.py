"""Issue 15, piece by piece: invisible characters, file kinds, SVG hazards, linking instead of
copying, and every string of a user catalogue inert on every page. (The corpus shows each class
as a clerk meets it; tests/test_file_trees.py holds the "check passes ⇒ build passes" property.)
"""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest
import yaml
from conftest import REPO
from test_corpus import Page, assert_inert

from generator import chars, thai
from generator.checks import messages as cmsg
from generator.checks.files import check_file_ref
from generator.checks.validate import validate
from generator.content import filetypes as ft
from generator.problems import Problems
from generator.publish import uptodate
from generator.publish.build import build
from generator.publish.pages import label
from generator.publish.project import Project
from generator.publish.search import read_index
from generator.publish.write import copy_if_changed, write_text_if_changed

PDF = b"%PDF-1.4\n%test\n%%EOF\n"

# --------------------------------------------------------------------------- invisible characters


def test_invisible_characters_are_written_out_and_visible_ones_kept():
    assert chars.visible("O1\u200b2") == "O1<U+200B>2"
    assert chars.visible("ประกาศ\u202efdp.exe") == "ประกาศ<U+202E>fdp.exe"
    assert chars.visible("1\u00a0ต.ค.\n2568\tก่ำ") == "1\u00a0ต.ค.\n2568\tก่ำ"  # no-break space, Thai marks
    assert chars.invisible_in("a\u200bb\u200bc\u2060") == ["U+200B", "U+2060"]


def test_harmless_invisible_characters_are_trimmed_or_dropped_and_thai_line_breaks_kept():
    assert chars.clean_ends("\u200b\u200e m1 \ufeff") == "m1"
    assert chars.clean_ends("m\u200b1") == "m\u200b1"
    assert chars.normalise_text("ประชุม\u200bสภา\u200e\ufeffสมัย") == "ประชุม\u200bสภาสมัย"
    assert chars.has_bidi_control("a\u202eb") and not chars.has_bidi_control("a\u200fb")


def test_every_message_shows_the_invisible_character_of_its_value():
    problems = Problems()
    problems.report("content/x.yml", 1, 1, cmsg.FILE_NOT_FOUND, ref="files/ก\u200b.pdf")
    (p,) = problems
    assert "files/ก<U+200B>.pdf" in p.th and "files/ก<U+200B>.pdf" in p.en
    problems.report("content/x.yml", 2, 1, cmsg.FILE_NOT_FOUND, hint="ดู 'ข\u200d'", ref="a")
    assert "ข<U+200D>" in problems.sorted()[1].hint


def test_thai_dates_with_be_marker_and_day_word():
    assert thai.parse_date("2 ต.ค.พ.ศ.2568") == date(2025, 10, 2)
    assert thai.parse_date("วันที่ ๒ ตุลาคม พ.ศ. ๒๕๖๘") == date(2025, 10, 2)
    assert thai.parse_date("\u200b2 ต.ค. 2568\u200e") == date(2025, 10, 2)
    with pytest.raises(thai.DateError) as exc:
        thai.parse_date("2 ตุลา 2568")
    assert exc.value.values["month"] == "ตุลา"


# --------------------------------------------------------------------------- names and kinds


@pytest.mark.parametrize(("name", "looks", "real"), [
    ("ประกาศ.pdf.exe", "ประกาศ.pdf", ".exe"),
    ("รายงาน.docx .scr", "รายงาน.docx", ".scr"),
    ("ภาพ.jpg.html", "ภาพ.jpg", ".html"),
    ("ประกาศ\u202efdp.exe", "ประกาศexe.pdf", ".exe"),
    ("a\u202egpj.\u202cb.zip", "a.jpgb.zip", ".zip"),
])
def test_disguised_names(name, looks, real):
    d = ft.disguise(name)
    assert d is not None and (d.looks, d.real) == (looks, real)


@pytest.mark.parametrize("name", ["แผน 2569.1.pdf", "รายงาน.pdf", "a.exe", "สำเนา.pdf.pdf", "ประกาศ.docx.zip"])
def test_names_that_are_not_disguises(name):
    assert ft.disguise(name) is None


def test_content_that_runs_is_recognised_whatever_the_name():
    pe = b"MZ" + b"\x00" * 58 + (64).to_bytes(4, "little") + b"PE\x00\x00"
    assert ft.active_content(pe)[1] == "a Windows program"
    assert ft.active_content(b"\x7fELF\x02\x01") is not None
    assert ft.active_content(b"#!/bin/sh\nrm -rf /\n") is not None
    assert ft.active_content("\ufeff  <!DOCTYPE html><p>".encode()) is not None
    assert ft.active_content("<html>".encode("utf-16")) is not None  # with its byte-order mark
    assert ft.active_content(b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>') is not None
    assert ft.active_content(b"MZ,Mazda,2568\n") is None  # a CSV that starts with MZ
    assert ft.active_content('<?xml version="1.0"?><ข้อมูล/>'.encode()) is None
    assert ft.active_content(PDF) is None


def test_the_allow_list_and_the_refused_types_do_not_overlap():
    assert not set(ft.ACCEPTED) & set(ft.REFUSED)
    assert all(s == s.lower() and s.startswith(".") for s in [*ft.ACCEPTED, *ft.REFUSED])
    for suffix in (".html", ".svgz", ".js", ".exe", ".bat", ".ps1", ".php", ".docm", ".xlsm", ".heic", ".rar"):
        assert suffix in ft.REFUSED


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize(("body", "what"), [
    ("<script>alert(1)</script>", "a <script>"),
    ('<rect onclick="alert(1)"/>', "an event attribute (onclick=)"),
    ('<a xlink:href="javascript:alert(1)"><rect/></a>', 'a reference outside the file (href="javascript:alert(1)")'),
    ('<image href="https://tracker.example/p.png"/>', 'a reference outside the file (href="https://tracker.example/p.png")'),
    ('<image href="data:image/svg+xml;base64,PHN2Zz4="/>', "a reference outside the file"),
    ('<use href="other.svg#a"/>', 'a reference outside the file (href="other.svg#a")'),
    ("<foreignObject><p>x</p></foreignObject>", "embedded HTML (<foreignObject>)"),
    ('<set attributeName="xlink:href" to="javascript:alert(1)"/>', "an animation that changes a link"),
    ('<rect style="fill:url(https://x.example/p)"/>', "a style that loads from outside"),
    ("<style>@import url(https://x.example/a.css);</style>", "a style that loads from outside"),
    ("<rect></svg", "broken XML, so it cannot be checked"),
])
def test_svg_hazards(body, what):
    hazard = ft.svg_hazard(SVG.format(body).encode())
    assert hazard is not None and hazard[1].startswith(what)


def test_svg_hazards_outside_the_element_tree():
    bomb = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'
    assert ft.svg_hazard(bomb)[1].startswith("an entity declaration")
    sheet = b'<?xml-stylesheet href="https://x.example/s.css"?><svg xmlns="http://www.w3.org/2000/svg"/>'
    assert ft.svg_hazard(sheet)[1].startswith("an external stylesheet")
    assert ft.svg_hazard(b"<html><body/></html>")[1] == "content that is not an SVG image"


def test_safe_svgs_pass():
    body = ('<defs><linearGradient id="g"/></defs><rect style="fill:url(#g)" width="3"/><use xlink:href="#g"/>'
            '<image href="data:image/png;base64,iVBORw0KGgo="/><text>สำนักปลัด</text>')
    assert ft.svg_hazard(SVG.format(body).encode()) is None


def test_an_unreadable_document_is_refused_by_check(tmp_path, monkeypatch):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "a.pdf").write_bytes(PDF)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # chmod 0 does not stop root, who runs these tests in some places: the read itself is refused.
    monkeypatch.setattr("generator.checks.files.open", denied, raising=False)
    (found,) = check_file_ref("files/a.pdf", tmp_path)
    assert found.message is cmsg.UNREADABLE_DOCUMENT and found.values == {"reason": "Permission denied"}


def test_a_reference_longer_than_a_path_can_be_does_not_crash_the_check(tmp_path):
    deep = "/".join(["ก" * 80] * 30) + "/a.pdf"  # 7,000 bytes: longer than PATH_MAX
    (found,) = check_file_ref(deep, tmp_path)
    assert found.message in (cmsg.FILE_NOT_FOUND, cmsg.NAME_TOO_LONG)


# --------------------------------------------------------------------------- writing and linking


def test_long_names_are_written_with_a_short_temporary_name(tmp_path):
    name = "ก" * 83 + ".md"  # 252 bytes: ".<name>.tmp" would be 257
    assert write_text_if_changed(tmp_path / name, "ข้อความ")
    src = tmp_path / ("ข" * 83 + ".pdf")
    src.write_bytes(PDF)
    assert copy_if_changed(src, tmp_path / "out" / src.name)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted([name, src.name, src.name])


@pytest.mark.slow
def test_a_document_is_copied_once_into_build_and_linked_into_the_site(tmp_path, project):
    root = project({
        "authority.yml": "duties: อำนาจหน้าที่\ndocuments:\n  - title: แผนพัฒนา\n    file: files/แผน.pdf\n"
                         "  - title: คำสั่ง\n    file: files/ลิงก์.pdf\n",
        "files/แผน.pdf": PDF,
        "2569/news.yml": "entries: []\n",
    })
    (root / "content" / "files" / "จริง.pdf").write_bytes(PDF + b"%second\n")
    os.symlink("จริง.pdf", root / "content" / "files" / "ลิงก์.pdf")  # a link is published as its file
    build(Project.at(root))
    for name, real in (("แผน.pdf", "แผน.pdf"), ("ลิงก์.pdf", "จริง.pdf")):
        source = root / "content" / "files" / real
        built, published = root / "build" / "docs" / "files" / name, root / "site" / "files" / name
        assert not built.is_symlink() and not published.is_symlink()
        assert built.read_bytes() == source.read_bytes()
        assert built.stat().st_ino != source.stat().st_ino  # a copy: content/ stays the clerk's own
        assert (published.stat().st_ino, published.stat().st_dev) == (built.stat().st_ino, built.stat().st_dev)
    assert (root / "content" / "files" / "แผน.pdf").stat().st_nlink == 1
    assert (root / "build" / "docs" / "files" / "แผน.pdf").stat().st_nlink == 2  # build, site
    # A clerk saving over the document changes nothing published until the next build.
    (root / "content" / "files" / "แผน.pdf").write_bytes(PDF + b"%new version\n")
    assert (root / "site" / "files" / "แผน.pdf").read_bytes() == PDF
    build(Project.at(root))
    assert (root / "site" / "files" / "แผน.pdf").read_bytes() == PDF + b"%new version\n"


@pytest.mark.slow
def test_a_document_only_its_owner_may_read_is_copied_so_the_web_server_can_read_the_copy(project):
    root = project({"authority.yml": "duties: อำนาจหน้าที่\ndocuments:\n  - title: แผน\n    file: files/แผน.pdf\n",
                    "files/แผน.pdf": PDF, "2569/news.yml": "entries: []\n"})
    source = root / "content" / "files" / "แผน.pdf"
    source.chmod(0o600)
    build(Project.at(root))
    published = root / "site" / "files" / "แผน.pdf"
    assert published.stat().st_ino != source.stat().st_ino
    assert published.stat().st_mode & 0o004 and published.read_bytes() == PDF


def test_the_fingerprint_walk_stays_inside_and_ends(tmp_path):
    files = tmp_path / "content" / "files"
    files.mkdir(parents=True)
    (files / "a.pdf").write_bytes(PDF)
    os.symlink("..", files / "up")
    os.symlink("/", files / "root")
    os.symlink("loop", files / "loop")
    walked = uptodate.tree(tmp_path / "content")
    assert ("files/a.pdf", len(PDF)) in [(p, s) for p, s, _ in walked]
    assert len(walked) < 10


# --------------------------------------------------------------------------- implausible values


def test_a_far_date_in_a_file_of_every_year_is_judged_from_today(project):
    far = thai.fiscal_year_of(date.today()) + 20
    root = project({"executives.yml": f"political:\n  - name: นายสมชาย ใจดี\n    position: นายก อบต.\n"
                                      f"    since: 1 ต.ค. {far}\n  - name: นายสมศักดิ์ ใจดี\n    position: รองนายก\n"
                                      f"    since: 1/10/05\n  - name: นายสมปอง\n    position: รองนายก\n"
                                      f"    since: 1 ต.ค. 2540\n"})
    problems = Problems()
    validate(root, problems)
    codes = [p.code for p in problems if p.file == "content/executives.yml"]
    # the far future is odd; "05" reads as 2505 and CE 2005 (2548) is far too, so no CE reading is offered; a past
    # four-digit year in a file of every year is normal (an act of 2540)
    assert codes == ["OIT-X202", "OIT-X205"]


# --------------------------------------------------------------------------- catalogue strings

HOSTILE = [
    '</title><script>alert("t")</script>', "<img src=x onerror=alert(1)>", "<svg onload=alert(2)>",
    "[คลิก](javascript:alert(3))", "# หัวข้อ", "a | b", "&lt;script&gt;", "{: onclick=alert(4) }", "`code`",
    "\"'><b onmouseover=alert(5)>", "<!--", "{{ config }}", "{% raw %}",
]


def _hostile_catalogue() -> str:
    cat = yaml.safe_load((REPO / "generator" / "content" / "catalogues" / "2569.yml").read_text(encoding="utf-8"))
    n = 0

    def spoil(node, key=None):
        nonlocal n
        if isinstance(node, dict):
            return {k: spoil(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [spoil(v, key) for v in node]
        if isinstance(node, str) and key in ("title", "text", "lao_note", "note", "timing", "notes", "what", "where"):
            n += 1
            return f"{node} {HOSTILE[n % len(HOSTILE)]}"
        return node

    return yaml.safe_dump(spoil(cat), allow_unicode=True, sort_keys=False)


@pytest.mark.slow
def test_every_string_of_a_user_catalogue_is_inert_on_every_page(tmp_path):
    root = tmp_path / "lao"
    shutil.copytree(REPO / "content", root / "content")
    (root / "content" / "catalogues").mkdir(exist_ok=True)
    (root / "content" / "catalogues" / "2569.yml").write_text(_hostile_catalogue(), encoding="utf-8")
    problems = Problems()
    validate(root, problems)
    assert not problems.errors, [p.text() for p in problems.errors]
    build(Project.at(root))
    pages = list((root / "site").rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        assert_inert(Page(page.read_text(encoding="utf-8")), page.relative_to(root / "site").as_posix())
    # The search index keeps titles as plain text (what the page shows); the search box escapes
    # every text it puts on the page (theme/assets/javascripts/oit-search.js: escapeHtml).
    titles = [page[1] for page in read_index(root / "site")["pages"]]
    assert any("</title><script>" in title for title in titles)  # the hostile title, as text
    client = (REPO / "theme" / "assets" / "javascripts" / "oit-search.js").read_text(encoding="utf-8")
    assert "highlight(title" in client and 'escapeHtml(text.slice(pos, s))' in client
    one = (root / "site" / "oit" / "2569" / "o1" / "index.html").read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;" in one.split("</title>")[0] or "<title>O1" in one


def test_titles_and_labels_are_escaped_in_one_place():
    assert label('O1 <b onmouseover="x">Q&A</b>') == 'O1 &lt;b onmouseover="x"&gt;Q&amp;A&lt;/b&gt;'
    assert label("ข้อมูลผู้บริหาร") == "ข้อมูลผู้บริหาร"
