"""Readiness: the sample is complete, and each kind of gap flips exactly the element it should."""

import shutil
from pathlib import Path

import pytest
import yaml

from generator.checks.readiness import MISSING, NOT_DUE, OUT_OF_PERIOD, assess
from generator.checks.validate import validate_or_raise

REPO = Path(__file__).resolve().parent.parent


def gaps(root: Path, year: int) -> dict[tuple[str, str], str]:
    site, _ = validate_or_raise(root)
    r = assess(site, year)
    return {(it.item.code, es.element.id): es.status for it in r.items for es in it.elements if not es.ok}


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


def edit(root: Path, rel: str, change) -> None:
    path = root / "content" / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("year", [2568, 2569])
def test_sample_is_fully_ready(year):
    assert gaps(REPO, year) == {}


def test_sample_ita_2570_has_only_what_is_not_due_yet():
    """Early in FY2570 (the sample's newest year, "today" 7 Dec 2026) only what cannot exist yet
    is open: the 6-month progress (Oct–Mar) and the monthly summaries from December on are "not
    due yet", and the manual checks wait for the clerk's confirmation before ITAS."""
    site, _ = validate_or_raise(REPO)
    found = gaps(REPO, 2570)
    assert found[("O6", "progress")] == NOT_DUE
    assert found[("O11", "monthly")] == NOT_DUE
    manual = {key for key, status in found.items() if status == "manual_pending"}
    assert set(found) == {("O6", "progress"), ("O11", "monthly")} | manual
    declared = {(code, el) for code, note in site.notes[2570].items() for el in note.manual}
    assert manual and not manual & declared


def test_a_month_over_and_missing_is_a_gap_even_while_later_months_are_not_due(sample):
    """November is over on 7 Dec 2026: without its summary O11 is out of period and names only
    November, not the months still to come."""
    def drop_november(d):
        d["monthly"]["months"] = [m for m in d["monthly"]["months"] if "พ.ย." not in str(m["month"])]

    edit(sample, "2570/procurement.yml", drop_november)
    site, _ = validate_or_raise(sample)
    element = next(es for it in assess(site, 2570).items for es in it.elements
                   if it.item.code == "O11" and es.element.id == "monthly")
    assert element.status == OUT_OF_PERIOD
    said = " ".join(f.th for f in element.findings)
    assert "พ.ย. 2569" in said and "ธ.ค. 2569" not in said


def test_what_was_not_due_becomes_a_gap_once_its_time_is_over(monkeypatch):
    """The same content judged after FY2570 has ended: the missing progress report and monthly
    summaries are gaps, no longer "not due"."""
    monkeypatch.setenv("OIT_TODAY", "2027-10-15")
    found = gaps(REPO, 2570)
    assert found[("O6", "progress")] == OUT_OF_PERIOD
    assert found[("O11", "monthly")] == OUT_OF_PERIOD


def test_executive_without_photo(sample):
    edit(sample, "executives.yml", lambda d: d["political"][0].pop("photo"))
    assert gaps(sample, 2569) == {("O2", "photo_contact"): MISSING}


def test_missing_month_of_procurement(sample):
    def drop_january(d):
        d["monthly"]["months"] = [m for m in d["monthly"]["months"] if str(m["month"]) != "2026-01"]

    edit(sample, "2569/procurement.yml", drop_january)
    assert gaps(sample, 2569) == {("O11", "monthly"): OUT_OF_PERIOD}


def test_report_dated_outside_the_fiscal_year(sample):
    edit(sample, "2569/operations.yml", lambda d: d["plan"]["documents"][0].update(date="2024-05-01"))
    assert gaps(sample, 2569) == {("O6", "plan"): OUT_OF_PERIOD}


def test_deleted_result(sample):
    edit(sample, "2568/results.yml", lambda d: d["results"].pop(0))
    assert gaps(sample, 2569) == {("O26", "results"): MISSING}


def test_no_gift_signed_by_someone_else(sample):
    def resign(d):
        for doc in d["announcement"]["documents"]:
            if doc.get("signed_by"):
                doc["signed_by"] = "นายใครก็ได้ ไม่ใช่นายก"

    edit(sample, "2569/no_gift.yml", resign)
    assert gaps(sample, 2569) == {("O20", "announcement"): MISSING}


def test_unanswered_weakness(sample):
    analysis = yaml.safe_load((sample / "content/2568/assessment.yml").read_text(encoding="utf-8"))["analysis"]
    weak = next(row for row in analysis if row.get("weaknesses"))
    key = "indicator" if "indicator" in weak else "issue"

    dropped: set[str] = set()

    def drop_group(d):
        dropped.update(str(m["id"]) for m in d["measures"] if int(m.get(key) or 0) == int(weak[key]))
        d["measures"] = [m for m in d["measures"] if str(m["id"]) not in dropped]

    def drop_their_results(d):  # a result naming a removed measure is an error of its own
        d["results"] = [r for r in d["results"] if str(r["measure"]) not in dropped]

    edit(sample, "2569/measures.yml", drop_group)
    edit(sample, "2569/results.yml", drop_their_results)
    assert dropped and gaps(sample, 2569) == {("O25", "measures"): MISSING}


def test_report_shows_file_and_line_to_edit(sample, run):
    edit(sample, "executives.yml", lambda d: d["political"][0].pop("photo"))
    code, out, _ = run("--root", str(sample), "check", "--year", "2569")
    assert code == 0
    line = next(ln for ln in out.splitlines() if "รูปถ่าย" in ln and "→" in ln)
    assert "content/executives.yml:" in line
    assert any(ln.startswith("ความพร้อม OIT ปี 2569") for ln in out.splitlines())
    code, _, _ = run("--root", str(sample), "check", "--year", "2569", "--strict")
    assert code == 1


def test_json_readiness(run):
    import json

    code, out, _ = run("--root", str(REPO), "check", "--year", "2569", "--json")
    data = json.loads(out)
    assert code == 0 and data["overall"] == 1.0 and len(data["items"]) == 26
    o2 = next(i for i in data["items"] if i["code"] == "O2")
    assert o2["url"] == "https://www.bansukjai.example/ita/oit/2569/o2/"
    assert all(e["status"] in ("present", "manual_ok") for e in o2["elements"])


def test_unknown_year_is_explained(run):
    code, _, err = run("--root", str(REPO), "check", "--year", "2571")
    assert code == 1 and "[OIT-E002]" in err and "ไม่มีรายการ OIT (catalogue) ของปี 2571" in err
    assert "oit catalogue new 2571" in err  # says how to make one, with a command the clerk has
    code, _, err = run("--root", str(REPO), "check", "--year", "2026")
    assert code == 1 and "[OIT-E006]" in err and "2026 เป็นปี ค.ศ." in err  # bad input exits 1, as every other clerk error
