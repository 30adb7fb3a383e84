"""`oit check` on broken content: every problem at once, located, in Thai with English beside."""

import json

import pytest

MEASURES = """\
measures:
  - id: m1
    title: มาตรการเผยแพร่แผนการใช้จ่ายงบประมาณ
"""

CASES = {
    "mistyped key": (
        {"executives.yml": "political:\n  - name: นายก ทดสอบ\n    positon: นายก\n"},
        "content/executives.yml:3:5",
        ["[OIT-M029]", "ไม่รู้จักคีย์ 'positon'", "unknown key 'positon'", "'position'"],
    ),
    "wrong type": (
        {"2569/assessment.yml": "score: สูงมาก\nlevel: A\n"},
        "content/2569/assessment.yml:1:8",
        ["[OIT-M004]", "ไม่ใช่ตัวเลข", "is not a number"],
    ),
    "unknown O-code": (
        {"2569/items.yml": "O99:\n  note: ทดสอบ\n"},
        "content/2569/items.yml:1:1",
        ["[OIT-X009]", "ไม่มีรายการ O99 ใน ITA ปี 2569", "ITA 2569 has no item O99"],
    ),
    "missing document file": (
        {"laws.yml": "documents:\n  - title: พ.ร.บ.\n    file: files/law.pdf\n"},
        "content/laws.yml:3:11",
        ["[OIT-F005]", "ไม่พบไฟล์ 'files/law.pdf'", "file not found"],
    ),
    "result for undeclared measure": (
        {
            "2569/measures.yml": MEASURES,
            "2569/results.yml": "results:\n  - measure: m2\n    status: done\n",
        },
        "content/2569/results.yml:2:14",
        ["[OIT-X003]", "มาตรการ 'm2' ที่ไม่ได้ประกาศ", "does not declare", "ใช้ได้: m1"],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_each_kind_of_error_is_located_and_explained(name, project, run):
    files, location, fragments = CASES[name]
    root = project(files)
    code, out, err = run("--root", str(root), "check")
    assert code == 1
    assert "Traceback" not in out + err
    line = next(ln for ln in out.splitlines() if ln.startswith(location))
    for fragment in fragments:
        assert fragment in line + out, (fragment, out)


def test_all_problems_are_reported_in_one_run(project, run):
    files = {}
    for case_files, _, _ in CASES.values():
        files.update(case_files)
    root = project(files)
    code, out, _ = run("--root", str(root), "check")
    assert code == 1
    for _, location, _ in CASES.values():
        assert location in out
    assert "ข้อผิดพลาด 5 รายการ" in out


def test_github_annotations(project, run):
    root = project(CASES["mistyped key"][0])
    code, out, _ = run("--root", str(root), "check", "--format", "github")
    assert code == 1
    assert out.startswith("::error file=content/executives.yml,line=3,col=5,title=OIT-M029::ไม่รู้จักคีย์ 'positon'")


def test_json_format(project, run):
    root = project(CASES["missing document file"][0])
    code, out, _ = run("--root", str(root), "check", "--format", "json")
    assert code == 1
    (problem,) = json.loads(out)
    assert problem["file"] == "content/laws.yml" and problem["line"] == 3 and problem["severity"] == "error"
    assert problem["code"] == "OIT-F005"


def test_strict_fails_on_warnings_only_when_asked(project, run):
    root = project({"unknown.yml": "a: 1\n"})
    code, out, _ = run("--root", str(root), "check")
    assert code == 0 and "คำเตือน" in out and "unknown file unknown.yml" in out
    code, out, _ = run("--root", str(root), "check", "--strict")
    assert code == 1


def test_ce_year_gets_a_suggestion(project, run):
    root = project({"2569/measures.yml": "based_on: 2025\nmeasures: []\n"})
    code, out, _ = run("--root", str(root), "check")
    assert code == 1 and "หมายถึง 2568 หรือไม่?" in out


def test_missing_required_key_names_it_with_its_description(project, run):
    root = project({"2569/assessment.yml": "score: 90\n"})
    code, out, _ = run("--root", str(root), "check")
    assert code == 1 and "ขาดข้อมูลที่จำเป็น 'level'" in out and "ระดับตามที่ประกาศ" in out


def test_failed_build_leaves_the_previous_site_untouched(project, run, tmp_path):
    root = project({})
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("good site", encoding="utf-8")
    (root / "content" / "laws.yml").write_text("documents: [{title: x, file: nope.pdf}]\n", encoding="utf-8")
    code, out, _ = run("--root", str(root), "build")
    assert code == 1 and "เว็บไซต์เดิมยังอยู่ครบ" in out
    assert (site / "index.html").read_text(encoding="utf-8") == "good site"
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]


def test_ignore_hides_a_warning_code_from_strict(project, run):
    root = project({"unknown.yml": "a: 1\n"})
    code, out, _ = run("--root", str(root), "check", "--strict", "--ignore", "OIT-L006", "--ignore", "OIT-X013")
    assert code == 0 and "unknown.yml" not in out
    code, out, _ = run("--root", str(root), "check", "--strict", "--ignore", "OIT-X013")
    assert code == 1 and "[OIT-L006]" in out


def test_ignore_never_hides_an_error(project, run):
    root = project(CASES["missing document file"][0])
    code, out, _ = run("--root", str(root), "check", "--ignore", "OIT-F005")
    assert code == 1 and "[OIT-F005]" in out


def test_ignore_refuses_an_unknown_code(project, run):
    code, _, err = run("--root", str(project({})), "check", "--ignore", "OIT-Q999")
    assert code == 1 and "OIT-Q999" in err and "Traceback" not in err


def test_explain_prints_a_code_and_refuses_an_unknown_one(run):
    code, out, _ = run("explain", "oit-x012")
    assert code == 0 and "OIT-X012" in out and "ไม่มีรายการ OIT (catalogue)" in out and "no OIT catalogue" in out
    code, _, err = run("explain", "OIT-Z000")
    assert code == 1 and "[OIT-E007]" in err
