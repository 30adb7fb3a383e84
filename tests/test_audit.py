"""`oit audit` (issue 14): each of its checks on a built site made wrong on purpose (the HTML
tampered with, or content it should catch), and what `oit build --strict` does with its errors.
The issue's four cases are in test_audit_cases.py."""

from __future__ import annotations

import html
import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import ORG, REPO, write_project
from PIL import Image

from generator.checks.readiness import NOT_DUE, assess
from generator.publish.audit import audit
from generator.publish.build import AuditFailed, build, generate
from generator.publish.project import Project


def squash(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def codes(problems) -> list[str]:
    """The codes of the errors (the sample's own warnings, for its year in progress, aside)."""
    return [p.code for p in problems.errors]


# --------------------------------------------------------------------------- the audit on the sample


@pytest.mark.slow
def test_the_sample_audits_clean(built_sample, run):
    """The sample's site holds no error; what the audit warns about is exactly what readiness
    calls not ready (the year in progress: manual confirmations the clerk has not made), each at
    its file and line; what is not due yet (the 6-month report, months not over) is not warned
    about; and every element answered มี has evidence."""
    project, generated = built_sample
    site, result = generated.site, generated.audit
    assert result is not None and not result.problems.errors, [p.text() for p in result.problems.errors]
    years = site.published_years()
    assert result.elements == sum(len(it.elements) for y in years for _, _, it in site.catalogues[y].items())
    not_ready = {(y, it.item.code, es.element.text) for y in years for it in assess(site, y).items
                 for es in it.elements if not es.ok and es.status != NOT_DUE}
    warned = result.problems.warnings
    assert {p.code for p in warned} <= {"OIT-A008"}, [p.text() for p in warned]
    assert len(warned) == len(not_ready)
    for y, code, text in not_ready:
        assert any(p.th.startswith(f"{code} ITA {y}: ยังขาด \"{text}\"") and p.line > 0 for p in warned), (y, code)
    ready = {(y, it.item.code, es.element.id) for y in years for it in assess(site, y).items
             for es in it.elements if es.ok}
    assert all(result.verdicts[k] for k in ready)
    code, out, err = run("--root", str(project.root), "audit")
    assert code == 0 and "ข้อผิดพลาด 0 รายการ" in out, out + err
    code, out, _ = run("--root", str(project.root), "audit", "--format", "json")
    data = json.loads(out)
    assert all(p["severity"] == "warning" for p in data["problems"])
    assert {(e["year"], e["code"], e["element"]) for e in data["elements_on_page"] if e["evidence"]} >= ready
    github = run("--root", str(project.root), "audit", "--format", "github")[1]
    assert github.count("::warning file=content/") == len(not_ready) and "::error" not in github


@pytest.mark.slow
def test_what_no_item_page_shows_is_published_on_other_disclosures_pages(built_sample):
    """The sample's laws.yml and FY2569 procurement announcements answer no item of 2568 or 2569:
    they are published on the "other disclosures" pages rather than silently dropped."""
    project, _ = built_sample
    more = squash((project.site_dir / "more/index.html").read_text(encoding="utf-8"))
    assert "กฎหมายที่เกี่ยวข้อง" in more
    fy = squash((project.site_dir / "more/2569/index.html").read_text(encoding="utf-8"))
    assert "ประกาศเกี่ยวกับการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. 2569" in fy


@pytest.fixture
def tampered(built_sample, tmp_path):
    """A copy of the built sample's site and build record, to break on purpose."""
    project, _ = built_sample
    site, build_dir = tmp_path / "site", tmp_path / "build"
    shutil.copytree(project.site_dir, site)
    shutil.copytree(project.build_dir, build_dir, ignore=shutil.ignore_patterns("docs"))
    copy = Project.at(project.root, site_dir=site, build_dir=build_dir)

    def edit(page: str, change) -> None:
        path = site / page
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    return copy, edit


@pytest.mark.slow
def test_an_element_answered_present_whose_anchor_holds_nothing_is_an_error(tampered, built_sample):
    project, edit = tampered
    edit("oit/2569/o1/index.html", lambda t: re.sub(
        r'(<div class="oit-part" id="structure-chart">|<div id="structure-chart" class="oit-part">).*?</div>\s*</div>',
        r"\1</div>", t, count=1, flags=re.S))
    result = audit(project)
    assert codes(result.problems) == ["OIT-A007"], [p.text() for p in result.problems]
    p = result.problems.errors[0]
    assert p.file == "content/structure.yml" and p.line > 1 and "#structure-chart" in p.th
    assert result.verdicts[(2569, "O1", "chart")] is False
    before = {k for k, v in built_sample[1].audit.verdicts.items() if not v}
    assert {k for k, v in result.verdicts.items() if not v} - before == {(2569, "O1", "chart")}


@pytest.mark.slow
def test_itas_urls_and_anchors_must_open_the_right_element(tampered):
    project, edit = tampered
    shutil.rmtree(project.site_dir / "oit/2569/o4")
    edit("oit/2569/o5/index.html", lambda t: t.replace('<h1 id="top">O5 ', '<h1 id="top">O50 ', 1))
    edit("oit/2569/o1/index.html", lambda t: t.replace('id="structure-permanent"', 'id="structure-x"'))
    edit("oit/2569/o3/index.html", lambda t: t.replace("<strong>แผนที่ตั้ง:</strong>", "<strong>ที่ตั้ง:</strong>"))
    found = codes(audit(project).problems)
    for code in ("OIT-A003", "OIT-A004", "OIT-A005", "OIT-A006"):
        assert code in found, found


@pytest.mark.slow
def test_an_item_missing_from_the_menu_is_an_error(tampered):
    project, edit = tampered
    for page in project.site_dir.rglob("*.html"):
        rel = page.relative_to(project.site_dir).as_posix()
        edit(rel, lambda t: t.replace(">\n    \n  <span class=\"md-ellipsis\">\n    \n  \n    O1 โครงสร้าง", ">x")
             .replace("O1 โครงสร้าง หน้าที่และอำนาจ\n", "โครงสร้าง หน้าที่และอำนาจ\n"))
    result = audit(project)
    missing = [p for p in result.problems if p.code == "OIT-A009"]
    assert {p.file for p in missing} >= {"site/oit/2569/o1/index.html"} or \
        any("oit/2569/o1" in p.file for p in missing), [p.text() for p in result.problems]


@pytest.mark.slow
def test_broken_links_and_anchors_point_at_the_content(tampered):
    project, edit = tampered
    doc = next(p for p in (project.site_dir / "files").rglob("*.pdf"))
    dest = doc.relative_to(project.site_dir).as_posix()
    doc.unlink()
    edit("oit/2569/index.html", lambda t: t.replace('href="o2/"', 'href="o2/#nowhere"', 1))
    result = audit(project)
    broken = [p for p in result.problems if p.code == "OIT-A010"]
    assert broken and all(p.file.startswith("content/") and p.line > 0 for p in broken), \
        [p.text() for p in broken]
    assert any(Path(dest).name in html.unescape(p.th) or dest in p.th or "%" in p.th for p in broken)
    assert "OIT-A011" in codes(result.problems)


@pytest.mark.slow
def test_a_page_with_nothing_but_headings_is_an_error(tampered):
    project, edit = tampered
    edit("accessibility/index.html", lambda t: re.sub(
        r'(<article class="md-content__inner md-typeset">).*?(</article>)', r"\1<h1 id='top'>การเข้าถึงเว็บไซต์</h1>\2",
        t, flags=re.S))
    assert "OIT-A012" in codes(audit(project).problems)


@pytest.mark.slow
def test_template_syntax_and_national_ids_on_a_page_are_errors(tampered):
    project, edit = tampered
    edit("about/index.html", lambda t: t.replace("</article>", "<p>{{ org.fax }}</p><p>None</p>"
                                                               "<p>ผู้ติดต่อ 1-1017-00230-70-8</p></article>", 1))
    found = codes(audit(project).problems)
    assert found.count("OIT-A016") == 2 and "OIT-A022" in found, found


def test_no_site_or_no_record_is_reported_without_a_traceback(tmp_path, run):
    root = write_project(tmp_path / "lao", {})
    code, out, err = run("--root", str(root), "audit")
    assert code == 1 and "[OIT-A001]" in out and "oit build" in out and "Traceback" not in err
    (root / "site").mkdir()
    (root / "site/index.html").write_text("<html></html>", encoding="utf-8")
    code, out, _ = run("--root", str(root), "audit", "--format", "github")
    assert code == 1 and out.startswith("::error file=build/audit.json,title=OIT-A002::")


# --------------------------------------------------------------------------- content the audit catches


def _noise_jpeg(path: Path, size: tuple[int, int]) -> None:
    import random

    rnd = random.Random(7)
    im = Image.frombytes("RGB", size, rnd.randbytes(size[0] * size[1] * 3))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, "JPEG", quality=60)


@pytest.mark.slow
def test_clerk_notes_placeholders_sizes_and_unused_files(project, run):
    """One small project carrying what the audit must catch in content: a TODO, an example value
    copied from the scaffold, a 4000×3000 photo shown in a 160 px card, a 21 MB PDF, a file no
    content names, and a national ID the owner agreed to publish."""
    root = project({
        "organisation.yml": ORG + "consent:\n  national_ids:\n    - id: '1 1017 00230 70 8'\n"
                                  "      note: ผู้รับจ้างยินยอมเป็นหนังสือ เก็บที่สำนักปลัด\n",
        "executives.yml": """\
            political:
              - name: นายสมชาย ตัวจริง
                position: นายกองค์การบริหารส่วนตำบล
                chief_executive: true
                photo: files/executives/nayok.jpg
            permanent:
              - name: ชื่อ นามสกุล
                position: ปลัดองค์การบริหารส่วนตำบล
            """,
        "authority.yml": "description: TODO เพิ่มอำนาจหน้าที่ตามกฎหมายจัดตั้ง\n",
        "laws.yml": "description: ผู้รับจ้างเลขประจำตัวประชาชน 1101700230708 ยินยอมให้เผยแพร่\n"
                    "documents:\n  - title: ข้อบัญญัติ\n    file: files/big.pdf\n",
        "files/unused.pdf": b"%PDF-1.4 not referred to\n",
    })
    _noise_jpeg(root / "content/files/executives/nayok.jpg", (4000, 3000))
    with open(root / "content/files/big.pdf", "wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(21 * 1024 * 1024)
    code, out, err = run("--root", str(root), "check")
    assert code == 0, out + err  # the consented ID is no error
    assert run("--root", str(root), "build")[0] == 0
    code, out, err = run("--root", str(root), "audit")
    assert code == 1, out
    lines = {m.group(1): m.group(0) for m in re.finditer(r"^(\S+): (?:ข้อผิดพลาด|คำเตือน) \[(OIT-A0\d\d)\]", out, re.M)}
    by_code: dict[str, list[str]] = {}
    for m in re.finditer(r"^(\S+): (?:ข้อผิดพลาด|คำเตือน) \[(OIT-A0\d\d)\]", out, re.M):
        by_code.setdefault(m.group(2), []).append(m.group(1))
    assert lines
    assert by_code["OIT-A014"] == ["content/authority.yml:1"], out
    assert set(by_code["OIT-A015"]) == {"content/executives.yml:7"}, out  # on the home page and its own
    assert by_code["OIT-A021"] == ["content/executives.yml:5"], out
    assert by_code["OIT-A020"] == ["content/laws.yml:4"], out
    assert by_code["OIT-A019"] == ["content/files/unused.pdf"], out
    assert by_code["OIT-A023"] == ["content/organisation.yml:11"], out
    assert "1-xxxx-xxxxx-x0-8" in out and "1101700230708" not in out  # consented: listed, masked


def test_a_national_id_stops_the_build_unless_consented(project, run):
    laws = "description: ผู้รับจ้าง เลขประจำตัวประชาชน 1-1017-00230-70-8\n"
    root = project({"laws.yml": laws})
    code, out, _ = run("--root", str(root), "check")
    assert code == 1 and "ข้อผิดพลาด [OIT-P001]" in out and "consent: national_ids:" in out
    assert "1101700230708" not in out and "1-1017-00230-70-8" not in out
    assert run("--root", str(root), "build")[0] == 1
    write_project(root, {"organisation.yml": ORG + "consent:\n  national_ids:\n    - id: 1101700230709\n"
                                                   "      note: ผิดเลข\n"})
    code, out, _ = run("--root", str(root), "check")
    assert code == 1 and "[OIT-M101]" in out
    write_project(root, {"organisation.yml": ORG + "consent:\n  national_ids:\n    - id: ๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘\n"
                                                   "      note: ผู้รับจ้างยินยอม\n"})
    assert run("--root", str(root), "check", "--strict")[0] == 0


@pytest.mark.slow
def test_strict_build_keeps_the_previous_site_when_the_audit_finds_errors(project, run):
    root = project({"authority.yml": "description: อำนาจหน้าที่ตามกฎหมายจัดตั้ง\n"})
    assert run("--root", str(root), "build")[0] == 0
    before = (root / "site/index.html").read_bytes()
    write_project(root, {"authority.yml": "description: FIXME รอข้อมูลจากนิติกร\n"})
    code, out, _ = run("--root", str(root), "build", "--strict", "--ignore", "OIT-X013")
    assert code == 1 and "[OIT-A014]" in out and "เว็บไซต์เดิมยังอยู่ครบ" in out
    assert (root / "site/index.html").read_bytes() == before
    with pytest.raises(AuditFailed):
        build(Project.at(root), strict=True, ignore=["OIT-X013"])
    code, out, _ = run("--root", str(root), "build")  # without --strict: built, the error reported
    assert code == 0 and "[OIT-A014]" in out


# --------------------------------------------------------------------------- the theme override


def test_the_menu_override_differs_from_material_only_in_the_index_rule():
    """theme/partials/nav-item.html is Material's file with one condition added: a Material
    upgrade that changes the original shows up here."""
    import material

    original = (Path(material.__file__).parent / "templates/partials/nav-item.html").read_text(encoding="utf-8")
    ours = (REPO / "theme/partials/nav-item.html").read_text(encoding="utf-8")
    head, _, body = ours.partition("-#}\n")
    assert "OIT override" in head
    body = body.replace("        {#- OIT: only pages marked as their section's index -#}\n", "")
    body = body.replace(" and item.meta and item.meta.oit_section_index %}", " %}")
    assert body == original, "Material's nav-item.html changed: port the OIT change to the new file"


def test_workflows_fail_on_audit_errors():
    site = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = site["jobs"]["build"]["steps"]
    names = [s.get("name") for s in steps]
    audit_step = steps[names.index("Audit the built site")]
    assert audit_step["run"] == "oit audit --format github"
    assert names.index("Build") < names.index("Audit the built site") < names.index("Upload the site")
    province = (REPO / "examples/province/.github/workflows/sites.yml").read_text(encoding="utf-8")
    assert 'audit --site-dir "_site/$LAO" --format github' in province
    assert textwrap.dedent("""\
        rm -rf "_site/$LAO"
        """).strip() in province


@pytest.mark.slow
def test_a_build_with_nothing_changed_reports_the_same_audit_without_building(project, run):
    """The audit's result is kept with the build (build/.oit-state.json): `oit build` with nothing
    changed prints the same summary without running MkDocs or the audit again, also after a
    regeneration (`oit serve`) that left the pages and the claims as they were."""
    root = project({"authority.yml": "description: TODO อำนาจหน้าที่\n"})
    first = run("--root", str(root), "build")[1]
    summary = next(x for x in first.splitlines() if x.startswith("ตรวจเว็บไซต์ที่สร้างแล้ว"))
    generate(Project.at(root), force=True)
    again = run("--root", str(root), "build")[1]
    assert summary in again and "[OIT-A014]" in again
    assert "mkdocs 0.00s" in again  # the site was not built again
