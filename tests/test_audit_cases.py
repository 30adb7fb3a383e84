"""The four cases of issue 14, each failing on the code before it (this module imports nothing
the fix added, so it runs against the old code too): an assessment with only a score answered
มี for its scores and analysis; the first item of each sub-indicator missing from the menu; a
fiscal year nobody publishes, unreported; an import's leftovers, which the audit proves are
never public."""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest
import yaml
from conftest import ORG, write_project

from generator.content.catalogue import SHIPPED_DIR

NAV_LINK = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*class="md-nav__link[^"]*"[^>]*>(.*?)</a>|'
                      r'<a\s[^>]*?class="md-nav__link[^"]*"[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.S)


def squash(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def primary_nav(page: str) -> str:
    """The primary navigation of a built page (the desktop sidebar and the phone drawer), without
    the table of contents Material nests in it for phones."""
    start = page.index('<nav class="md-nav md-nav--primary"')
    end = page.index('<div class="md-sidebar md-sidebar--secondary"', start) \
        if '<div class="md-sidebar md-sidebar--secondary"' in page else len(page)
    nav = page[start:end]
    return re.sub(r'<nav class="md-nav md-nav--secondary".*?</nav>\s*</nav>', "", nav, flags=re.S)


def test_case_1_an_assessment_with_only_score_and_level_is_not_evidence_of_scores_or_analysis(
        sample_copy, run, tmp_path):
    """O25 of 2569 needs the 2568 assessment's scores and analysis: a file holding only `score:` and
    `level:` shows neither section, so readiness says ขาด and the ITAS sheet answers ไม่มี with no
    address for them — it used to answer มี and send the assessor to sections that did not exist."""
    root = tmp_path / "lao"
    shutil.copytree(sample_copy / "content", root / "content")
    (root / "content/2568/assessment.yml").write_text("score: 88.50\nlevel: A\n", encoding="utf-8")

    code, out, _ = run("--root", str(root), "check", "--year", "2569", "--json")
    report = json.loads(out)
    o25 = next(i for i in report["items"] if i["code"] == "O25")
    status = {e["id"]: e["status"] for e in o25["elements"]}
    assert status["scores"] == "missing" and status["analysis"] == "missing", status
    assert not o25["ready"]
    found = {e["id"]: e["findings"][0]["code"] if "code" in e["findings"][0] else e["findings"][0]["en"]
             for e in o25["elements"] if e["findings"]}
    assert "คะแนนรายตัวชี้วัด" in next(e for e in o25["elements"] if e["id"] == "scores")["findings"][0]["th"], found

    out_csv = tmp_path / "itas.csv"
    code, _, _ = run("--root", str(root), "export", "itas", "--year", "2569", "-o", str(out_csv))
    assert code == 0
    row = next(r for r in out_csv.read_text(encoding="utf-8-sig").splitlines() if r.startswith("O25,"))
    assert ",ไม่มี," in row
    assert "#assessment-scores" not in row and "#assessment-analysis" not in row
    assert "ผลคะแนนการประเมิน ITA 2568 ของหน่วยงาน: ยังไม่มีบนหน้านี้" in row


@pytest.mark.slow
def test_case_2_every_item_is_in_the_menu_as_code_and_title(built_sample):
    """With navigation.indexes, the first item of every sub-indicator (O1, O6, O11, O13, O16, O20,
    O25 of 2569) was the section's index: its label was the sub-indicator's and it was never listed
    by name. Now every item's page lists, in its menu, the item itself as "O1 title"."""
    project, generated = built_sample
    site = generated.site
    for year in site.published_years():
        for _, _, item in site.catalogues[year].items():
            page = (project.site_dir / f"oit/{year}/{item.code.lower()}/index.html").read_text(encoding="utf-8")
            labels = {squash(m[1] or m[3]) for m in NAV_LINK.findall(primary_nav(page))}
            assert f"{item.code} {item.title}" in labels, (year, item.code, sorted(labels))


@pytest.mark.slow
def test_case_3_a_fiscal_year_nobody_publishes_is_reported(tmp_path, run):
    """`oit new-year` for a year no catalogue covers writes content/<year>/ that no page shows:
    `oit build` says so in its summary, `oit audit` names the folder and what to do."""
    shipped = sorted(int(p.stem) for p in SHIPPED_DIR.glob("*.yml"))
    year = shipped[-1] + 1  # one year past every shipped catalogue, whatever ships
    root = tmp_path / "lao"
    assert run("new", str(root), "--name", "องค์การบริหารส่วนตำบลทดลอง", "--type", "อบต.", "--district", "เมือง",
               "--province", "ทดลอง")[0] == 0
    assert run("--root", str(root), "new-year", str(year))[0] == 0
    code, out, err = run("--root", str(root), "build")
    assert code == 0, out + err
    assert "คำเตือน" in out and "oit audit" in out  # the summary counts it and says where to look
    code, out, err = run("--root", str(root), "audit")
    assert code == 0, out + err  # a warning: the clerk decides
    line = next(x for x in out.splitlines() if "[OIT-A017]" in x)
    assert line.startswith(f"content/{year}/: คำเตือน"), line
    assert f"ปีงบประมาณ {year}" in line and f"content/catalogues/{year}.yml" in out
    assert "Traceback" not in out + err


@pytest.mark.slow
def test_case_4_import_leftovers_are_never_public_and_the_audit_proves_it(project, run, tmp_path):
    """Text an import could not place lives in content/<year>/import-leftovers.yml, which no page
    reads: `oit check --strict` fails while entries remain, the audit finds none of it on the site.
    Were its text to reach a page (pasted into a public field, the entry left in the list), the
    audit reports it at the entry's line and `oit build --strict` keeps the previous site."""
    source = tmp_path / "report.txt"
    source.write_text(
        "รายงานผลการดำเนินการ ปีงบประมาณ พ.ศ. 2566\n\n"
        "ลำดับ\tมาตรการ\tผลการดำเนินการ\tงบประมาณที่ใช้\n"
        "๑\tจัดทำคู่มือการปฏิบัติงาน\tจัดทำแล้ว ดำเนินการแล้ว\tใช้งบประมาณ ๙,๘๗๖ บาท\n\n"
        "ลงชื่อ ผู้รายงาน นางสาวตัวอย่าง ไม่เผยแพร่\n",
        encoding="utf-8",
    )
    root = project({"organisation.yml": ORG + "site:\n  years: [2566]\n"})
    assert run("--root", str(root), "import", str(source), "--year", "2566")[0] == 0
    leftovers = root / "content/2566/import-leftovers.yml"
    entries = yaml.safe_load(leftovers.read_text(encoding="utf-8"))["leftovers"]
    assert entries
    code, out, _ = run("--root", str(root), "check", "--strict")
    assert code == 1 and "[OIT-L009]" in out

    assert run("--root", str(root), "build")[0] == 0
    code, out, err = run("--root", str(root), "audit")
    assert code == 0 and "[OIT-A013]" not in out, out + err

    signature = next(e["text"] for e in entries if "นางสาวตัวอย่าง" in e["text"])
    write_project(root, {"2566/news.yml": f"entries:\n  - title: ข่าว\n    date: 2023-01-05\n"
                                          f"    description: {json.dumps(signature, ensure_ascii=False)}\n"})
    before = (root / "site/index.html").read_bytes()
    code, out, err = run("--root", str(root), "build", "--strict", "--ignore", "OIT-L009",
                         "--ignore", "OIT-X013")
    assert code == 1, out + err
    leak = next(x for x in out.splitlines() if "[OIT-A013]" in x)
    assert leak.startswith("content/2566/import-leftovers.yml:"), leak
    lines = leftovers.read_text(encoding="utf-8").splitlines()
    at = int(leak.split(":")[1])
    assert lines[at - 1].lstrip().startswith("- ") and "นางสาวตัวอย่าง" in "\n".join(lines[at - 1:at + 4]), leak
    assert (root / "site/index.html").read_bytes() == before  # the previous site stays


