"""`oit build` over a folder of LAOs: parallel workers, isolated failures, identical results."""

import shutil
from pathlib import Path

import pytest
from conftest import write_project

from generator.tools import province

NEWS = """\
entries:
  - title: ประชุมประชาคมหมู่บ้าน
    date: 2025-11-15
"""
BROKEN = """\
political:
  - positon: นายกองค์การบริหารส่วนตำบล
    name: นายทดสอบ ใจดี
"""


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # sitemap dates: identical across builds
    prov = tmp_path / "province"
    write_project(prov / "lao-a", {"2569/news.yml": NEWS})
    write_project(prov / "lao-b", {"executives.yml": BROKEN})
    write_project(prov / "lao-c", {})
    (prov / "notes").mkdir()  # not an LAO: ignored
    return prov


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_one_broken_lao_does_not_stop_the_others(folder, run):
    code, out, err = run("--root", str(folder), "build", "--jobs", "2")
    assert code == 1
    for ok in ("lao-a", "lao-c"):
        assert (folder / ok / "site" / "index.html").is_file()
    assert not (folder / "lao-b" / "site").exists()
    assert "✗ lao-b: ข้อมูลมีข้อผิดพลาด (content errors)" in out
    assert "lao-b/content/executives.yml:2:5: ข้อผิดพลาด [OIT-M029]: ไม่รู้จักคีย์ 'positon'" in out
    assert "ไม่สำเร็จ 1 หน่วยงาน: lao-b (failed: lao-b)" in out
    assert "สร้างเว็บไซต์สำเร็จ 2 จาก 3 หน่วยงาน" in out
    assert "LAO" in err  # the progress bar

    code, out, _ = run("--root", str(folder), "build", "-q")  # no change: nothing is rebuilt
    assert code == 1 and "lao-b/content/executives.yml:2:5" in out and "✓" not in out
    results = province.build_all(province.tasks_for(folder), 2, progress=False)
    assert [(r.name, r.ok, r.unchanged) for r in results] == [
        ("lao-a", True, True), ("lao-b", False, False), ("lao-c", True, True)]


@pytest.mark.slow
def test_serial_and_parallel_builds_are_identical(folder, tmp_path, run):
    code, _, _ = run("--root", str(folder), "build", "--jobs", "1", "--site-dir", str(tmp_path / "serial"))
    assert code == 1
    for lao in province.find_laos(folder):  # the parallel run starts from nothing too
        shutil.rmtree(lao / "build", ignore_errors=True)
    code, _, _ = run("--root", str(folder), "build", "--jobs", "2", "--site-dir", str(tmp_path / "parallel"))
    assert code == 1
    serial, parallel = tree(tmp_path / "serial"), tree(tmp_path / "parallel")
    assert sorted({k.split("/")[0] for k in serial}) == ["lao-a", "lao-c"]
    assert serial == parallel


def test_a_crash_inside_one_lao_is_reported_with_its_place(folder, monkeypatch):
    real = province.build

    def flaky(project, **kw):
        if project.root.name == "lao-c":
            raise RuntimeError("boom")
        return real(project, **kw)

    monkeypatch.setattr(province, "build", flaky)
    results = province.build_all(province.tasks_for(folder, force=True), 1, progress=False)
    by_name = {r.name: r for r in results}
    assert by_name["lao-a"].ok and by_name["lao-a"].pages > 0
    assert by_name["lao-b"].kind == "content"
    assert by_name["lao-c"].kind == "bug" and by_name["lao-c"].messages[0].startswith("RuntimeError: boom (")
    text = province.summary(results, 1.0, 1)
    assert "✗ lao-c: ข้อผิดพลาดของโปรแกรม" in text and "failed: lao-b, lao-c" in text


def test_site_url_and_site_dir_give_each_lao_a_sub_path(folder, tmp_path):
    tasks = province.tasks_for(folder, site_base=tmp_path / "public", site_url="https://example.github.io/province")
    assert [t.name for t in tasks] == ["lao-a", "lao-b", "lao-c"]
    assert tasks[0].site_url == "https://example.github.io/province/lao-a/"
    assert tasks[0].site_dir == str((tmp_path / "public" / "lao-a").resolve())
    assert province.is_province(folder) and not province.is_province(folder / "lao-a")
