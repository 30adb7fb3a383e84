"""Open data (issue 20): every tabular disclosure as CSV and JSON, one Frictionless data package
listing them, data.go.th catalogue records, the opt-in OCDS export, and personal data.

The data package is validated with `frictionless` (PyPI) and the OCDS export with `libcoveocds`
(the Open Contracting Partnership's data review library) against the OCDS 1.1.5 schema vendored
in tests/vendor/ocds-standard/: nothing is fetched from the network.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import zipfile
from pathlib import Path

import pytest
from frictionless import validate

from generator.checks.pdpa import find
from generator.content.models import LICENCES
from generator.publish.build import build, generate
from generator.publish.opendata import DATASETS
from generator.publish.project import Project

REPO = Path(__file__).resolve().parent.parent
OCDS_STANDARD = REPO / "tests" / "vendor" / "ocds-standard"

pytestmark = pytest.mark.slow


def _data_files(site_dir: Path) -> set[str]:
    data = site_dir / "data"
    return {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file() and p.suffix in (".csv", ".json")}


def test_every_csv_and_json_validates_against_the_data_package(built_sample, record_property):
    project, _ = built_sample
    descriptor = project.site_dir / "data" / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    listed = {r["path"] for r in package["resources"]}
    # The package lists every data file (the descriptor and the catalogue records are metadata).
    assert listed == _data_files(project.site_dir) - {"datapackage.json", "ckan.json"}
    report = validate(str(descriptor))
    errors = report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = sum(t.stats.get("rows") or 0 for t in report.tasks)
    record_property("open_data_resources", len(report.tasks))
    record_property("open_data_rows", rows)
    print(f"\nopen data: {len(report.tasks)} files, {rows} rows validated against datapackage.json")
    assert report.valid, errors[:10]
    assert len(report.tasks) == len(listed) and all(t.stats.get("rows") for t in report.tasks)
    # What the issue asks for is there, for the years the sample has it.
    keys = {r["name"].rsplit("-", 2)[0] for r in package["resources"]}
    assert {"procurement-monthly", "complaint-statistics", "operations-plan-progress", "measures-results",
            "ita-scores"} <= keys
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["licenses"][0]["path"] == LICENCES["CC-BY-4.0"][1]
    assert package["fiscal_years"] and package["last_updated"]
    assert all(r["fiscal_year"] and r["last_updated"] for r in package["resources"])


def test_validation_fails_on_a_file_that_breaks_its_schema(built_sample, tmp_path):
    """The validation above can fail: a number column with text, a renamed header."""
    project, _ = built_sample
    copy = tmp_path / "data"
    shutil.copytree(project.site_dir / "data", copy)
    path = copy / "2569" / "procurement-monthly.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    rows[0]["budget"] = "ห้าหมื่นบาท"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    csv_path = copy / "2569" / "procurement-monthly.csv"
    text = csv_path.read_text(encoding="utf-8-sig")
    csv_path.write_text("\ufeff" + text.replace("งานที่จัดซื้อหรือจัดจ้าง", "งาน", 1), encoding="utf-8")
    report = validate(str(copy / "datapackage.json"))
    types = {e[1] for e in report.flatten(["fieldName", "type"])}
    assert not report.valid and {"type-error", "incorrect-label"} <= types


def test_csv_opens_in_excel_with_thai_headers_in_the_skr1_columns(built_sample):
    project, _ = built_sample
    raw = (project.site_dir / "data/2569/procurement-monthly.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the Thai correctly
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["เดือน", "ลำดับที่", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จัดซื้อหรือจัดจ้าง (บาท)"]
    assert "ผู้ได้รับการคัดเลือก" in rows[0] and "เหตุผลที่คัดเลือกโดยสรุป" in rows[0]
    data = json.loads((project.site_dir / "data/2569/procurement-monthly.json").read_text(encoding="utf-8"))
    assert len(data) == len(rows) - 1 == 3
    assert data[0]["month"] == "2026-01" and data[0]["contract_date"] == "2026-01-15" and data[0]["price"] == 55500


def test_item_pages_link_their_open_data(built_sample):
    project, _ = built_sample
    html = (project.site_dir / "oit/2569/o11/index.html").read_text(encoding="utf-8")
    assert 'href="../../../data/2569/procurement-monthly.csv"' in html
    assert 'href="../../../data/2569/procurement-monthly.json"' in html
    page = (project.site_dir / "data/index.html").read_text(encoding="utf-8")
    assert "datapackage.json" in page and "ckan.json" in page and "creativecommons.org/licenses/by/4.0" in page


def test_data_go_th_records_fill_the_catalogue_fields(built_sample):
    project, _ = built_sample
    records = json.loads((project.site_dir / "data/ckan.json").read_text(encoding="utf-8"))
    required = ("name", "title", "notes", "data_type", "maintainer", "maintainer_email", "tag_string", "objective",
                "update_frequency_unit", "geo_coverage", "data_source", "data_format", "data_category", "license_id",
                "data_language", "last_updated_date")
    assert len(records) >= 5
    for r in records:
        empty = [k for k in required if not r.get(k)]
        assert not empty, (r["name"], empty)
        assert r["data_category"] == "ข้อมูลสาธารณะ" and r["license_id"] == "CC-BY-4.0"
        assert all(res["url"].startswith("https://www.bansukjai.example/ita/data/") for res in r["resources"])
        assert {res["format"] for res in r["resources"]} == {"CSV", "JSON"}
        assert len(r["name"]) <= 100 and r["name"] == r["name"].lower()


def _project_with(tmp_path: Path, settings: str) -> Project:
    root = tmp_path / "lao"
    shutil.copytree(REPO / "content", root / "content")
    org = root / "content" / "organisation.yml"
    org.write_text(org.read_text(encoding="utf-8").replace("  english: true\n", "  english: true\n" + settings),
                   encoding="utf-8")
    return Project.at(root)


def _standard_zip() -> bytes:
    """The vendored OCDS standard as the ZIP the OCDS tools read (no download)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("standard/", "")
        for folder, _, files in os.walk(OCDS_STANDARD / "schema"):
            for name in sorted(files):
                full = Path(folder) / name
                z.write(full, "standard/" + full.relative_to(OCDS_STANDARD).as_posix())
    return buf.getvalue()


def _review(package: dict) -> dict:
    from libcoveocds.api import ocds_json_output
    from libcoveocds.config import LibCoveOCDSConfig

    config = LibCoveOCDSConfig({"standard_zip": _standard_zip(), "context": "api"})
    return ocds_json_output(json_data=package, lib_cove_ocds_config=config, schema_version="1.1")


def test_ocds_export_is_opt_in_and_passes_the_ocds_data_review(tmp_path, built_sample, monkeypatch):
    sample, _ = built_sample
    assert not list((sample.site_dir / "data").rglob("ocds.json"))  # off unless the LAO turns it on
    project = _project_with(tmp_path, "  open_data:\n    ocds: true\n    ocid_prefix: ocds-test01\n")
    generate(project)
    path = project.docs_dir / "data/2569/ocds.json"
    package = json.loads(path.read_text(encoding="utf-8"))

    def no_network(*args, **kwargs):
        raise AssertionError("the OCDS review tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    result = _review(package)
    assert result["version_used"] == "1.1"
    assert result["validation_errors"] == [], result["validation_errors"][:3]
    assert not result["additional_fields"] and not result["additional_closed_codelist_values"]
    releases = package["releases"]
    assert len(releases) == 3 and all(r["ocid"].startswith("ocds-test01-2569-") for r in releases)
    awarded = releases[0]["awards"][0]
    assert awarded["suppliers"][0]["name"] == "ร้านสุขใจยนตรการ" and awarded["value"] == {"amount": 55500, "currency": "THB"}
    assert releases[0]["tender"]["procurementMethod"] == "direct"
    listed = json.loads((project.docs_dir / "data/datapackage.json").read_text(encoding="utf-8"))
    assert "2569/ocds.json" in {r["path"] for r in listed["resources"]}
    # The review can fail: a release without its ocid is reported.
    del package["releases"][0]["ocid"]
    assert _review(package)["validation_errors"]


def test_exports_pass_the_same_personal_data_check_as_pages(tmp_path, run):
    """A national ID typed into a สขร.1 row is an error at its line, like any text the pages show,
    and nothing is published, CSV included; once its owner's consent is recorded it may be
    exported, and every other ID or private phone number that reaches a CSV or JSON file was
    reported."""
    project = _project_with(tmp_path, "")
    path = project.content_dir / "2569" / "procurement.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("bidders: ร้านสุขใจยนตรการ 55,500 บาท",
                        "bidders: ร้านสุขใจยนตรการ (เลขประจำตัว 1101700230708) โทร 081 234 5678 55,500 บาท")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(next(ln for ln in text.splitlines() if "1101700230708" in ln)) + 1
    code, out, _ = run("--root", str(project.root), "check")
    assert code == 1
    said = [ln for ln in out.splitlines() if ln.startswith(f"content/2569/procurement.yml:{line}:")]
    assert any("OIT-P" in w and "ข้อผิดพลาด" in w and "1-xxxx-xxxxx-x0-8" in w for w in said), out
    assert any("081xxxxx78" in w for w in said), out
    code, out, _ = run("--root", str(project.root), "build")
    assert code == 1 and not (project.site_dir / "data").exists()

    org = project.content_dir / "organisation.yml"
    org.write_text(org.read_text(encoding="utf-8") + "consent:\n  national_ids:\n    - id: \"1101700230708\"\n"
                   "      note: ผู้รับจ้างยินยอมเป็นหนังสือ เก็บที่กองคลัง\n", encoding="utf-8")
    code, out, _ = run("--root", str(project.root), "check")
    assert code == 0, out
    build(project)
    found = []
    for p in (project.site_dir / "data").rglob("*"):
        if p.suffix in (".csv", ".json"):
            found += [(p.name, f.kind, f.digits) for f in find(p.read_text(encoding="utf-8-sig"))]
    assert ("procurement-monthly.csv", "id", "1101700230708") in found
    published = {"032991234", "032991235", "032991236"}  # the LAO's own numbers
    unreported = [f for f in found if f[2] not in ("1101700230708", "0812345678") and f[2][:8] not in
                  {n[:8] for n in published}]
    assert not unreported, unreported
    # With --strict the private phone number's warning stops the build.
    code, out, _ = run("--root", str(project.root), "build", "--strict")
    assert code == 1


def test_datasets_are_declared_once_with_unique_keys_and_thai_titles():
    keys = [d.key for d in DATASETS]
    assert len(keys) == len(set(keys))
    for d in DATASETS:
        names = [c.name for c in d.columns]
        titles = [c.title for c in d.columns]
        assert len(names) == len(set(names)) and len(titles) == len(set(titles)), d.key
        assert all(any("\u0e00" <= ch <= "\u0e7f" for ch in t) for t in titles), d.key
        assert d.frequency in ("เดือน", "ครึ่งปี", "ปี") and d.kind in ("ข้อมูลระเบียน", "ข้อมูลสถิติ")
