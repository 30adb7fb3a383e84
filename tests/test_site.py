"""The built sample site: stable URLs, complete pages, no third parties, golden Markdown."""

import csv
import io
import re
from pathlib import Path

from generator.checks.readiness import assess
from generator.publish.build import generate
from generator.publish.itas import rows, to_csv
from generator.publish.project import Project
from generator.publish.search import read_index

GOLDEN = Path(__file__).resolve().parent / "golden" / "sample"


def test_every_item_of_every_published_year_has_its_page(built_sample):
    project, generated = built_sample
    site = generated.site
    assert site.published_years() == [2568, 2569, 2570]
    for year in site.published_years():
        assert (project.site_dir / "oit" / str(year) / "index.html").is_file()
        for code in site.catalogues[year].codes():
            assert (project.site_dir / "oit" / str(year) / code.lower() / "index.html").is_file(), code
    for page in ("index.html", "oit/index.html", "about/index.html", "privacy/index.html", "accessibility/index.html"):
        assert (project.site_dir / page).is_file(), page


def test_item_page_content(built_sample):
    project, _ = built_sample
    html = (project.site_dir / "oit/2569/o2/index.html").read_text(encoding="utf-8")
    assert '<html lang="th"' in html
    assert 'id="executives-political"' in html and 'id="executives-permanent"' in html
    assert "ตำแหน่งว่าง" in html and "ปรับปรุงล่าสุด" in html
    docs = (project.site_dir / "oit/2569/o6/index.html").read_text(encoding="utf-8")
    assert re.search(r"\(PDF, \d+ KB\)", docs)
    assert re.search(r"ลงวันที่ \d+&nbsp;\S+&nbsp;25\d\d|ลงวันที่ \d+\u00a0\S+\u00a025\d\d", docs)


def test_no_request_to_third_parties_in_markup(built_sample):
    project, _ = built_sample
    # Elements that make the browser fetch something; rel=canonical is only an address.
    pattern = re.compile(r'<(?:script|link(?![^>]*rel="canonical")|img|iframe|source|video|audio)\b[^>]*'
                         r'\b(?:src|href)="(https?:)?//', re.I)
    for page in project.site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not pattern.search(text), page
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    for css in project.site_dir.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*[\"']?(https?:)?//", text), css  # fonts and images are local
        assert not re.search(r"@import\s+(url\()?[\"']?(https?:)?//", text), css


def test_search_index_of_the_sample(built_sample):
    """The site's own index (generator/publish/search.py) is written after MkDocs; Material's is not."""
    project, _ = built_sample
    index = read_index(project.site_dir)
    assert not (project.site_dir / "search/search_index.json").exists()
    urls = {p[0]: p for p in index["pages"]}
    assert urls["oit/2569/o11/"][1:5] == ["O11 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "O11", 2569, [2569]]
    assert "readiness/" not in urls and "404.html" not in urls  # kept out of search
    text = "\n".join(t[1] for t in index["texts"] if t)
    assert "จัดซื้อจัดจ้าง" in text and "\u200b" not in text
    words = {t for shard in index["shards"].values() for t in shard["w"]}
    assert {"จัดซื้อจัดจ้าง", "ผู้บริหาร", "2569", "o11"} <= words
    assert not any(re.search("[๐-๙]", t) for t in words)  # Thai digits indexed as Arabic
    for html in project.site_dir.rglob("*.html"):
        assert "\u200b" not in html.read_text(encoding="utf-8"), html


def test_failed_theme_template_keeps_the_old_site(built_sample):
    project, _ = built_sample
    assert (project.site_dir / "index.html").is_file()
    assert not list(project.site_dir.parent.glob(".site-*"))


def test_itas_sheet_rows_and_urls_resolve(built_sample):
    project, generated = built_sample
    site = generated.site
    data = rows(site, assess(site, 2569))
    assert [r["code"] for r in data] == site.catalogues[2569].codes()
    assert all(r["answer"] == "มี" for r in data)
    base = site.org.site.site_url
    for r in data:
        assert r["url"].startswith(base)
        page = project.site_dir / r["url"][len(base):] / "index.html"
        assert page.is_file(), r["url"]
        assert "หน้าหลัก › การเปิดเผยข้อมูลสาธารณะ (OIT) › OIT ปี 2569" in r["explanation"]
    raw = to_csv(data)
    assert raw.startswith("\ufeff".encode("utf-8"))
    parsed = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert parsed[0][0] == "รหัส" and len(parsed) == 27 and parsed[1][:3] == ["O1", data[0]["title"], "มี"]


def test_itas_flags_incomplete_items(built_sample, tmp_path, run):
    import shutil

    shutil.copytree(built_sample[0].content_dir, tmp_path / "content")
    (tmp_path / "content/2569/news.yml").unlink()
    code, out, _ = run("--root", str(tmp_path), "export", "itas", "--year", "2569", "--format", "md")
    assert code == 0
    line = next(ln for ln in out.splitlines() if ln.startswith("| O4 "))
    assert "**ไม่มี**" in line and "ข่าว" in line
    out_csv = tmp_path / "itas.csv"
    code, out, _ = run("--root", str(tmp_path), "export", "itas", "--year", "2569", "-o", str(out_csv))
    assert code == 0 and "ยังไม่ครบ 1 รายการ" in out and out_csv.read_bytes().startswith(b"\xef\xbb\xbf")


def test_generation_is_deterministic_and_writes_nothing_when_unchanged(sample_copy, tmp_path):
    a = Project.at(sample_copy, build_dir=tmp_path / "a")
    b = Project.at(sample_copy, build_dir=tmp_path / "b")
    generate(a)
    generate(b)
    files_a = {p.relative_to(a.docs_dir): p.read_bytes() for p in a.docs_dir.rglob("*.md")}
    files_b = {p.relative_to(b.docs_dir): p.read_bytes() for p in b.docs_dir.rglob("*.md")}
    assert files_a == files_b and files_a
    again = generate(a)
    assert again.stats.changed == 0


def test_golden_markdown(built_sample, update_golden):
    """The generated Markdown of the sample, file by file (`pytest --update-golden` refreshes)."""
    project, _ = built_sample
    produced = {p.relative_to(project.docs_dir).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(project.docs_dir.rglob("*.md"))}
    if update_golden:
        if GOLDEN.exists():
            import shutil

            shutil.rmtree(GOLDEN)
        for rel, text in produced.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in sorted(GOLDEN.rglob("*.md"))}
    assert sorted(produced) == sorted(expected), "pages added or removed: run pytest --update-golden and review"
    for rel in produced:
        assert produced[rel] == expected[rel], f"{rel} differs from tests/golden/sample: review, then --update-golden"


def test_python_m_generator_runs_the_same_cli():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True, check=True)
    assert "build" in out.stdout and "check" in out.stdout
