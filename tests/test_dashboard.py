"""The assessment dashboard: a page per assessed year, inline SVG charts whose numbers equal the
tables beside them and assessment.yml, deterministic bytes, and measure links that resolve."""

import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.checks.validate import validate_or_raise
from generator.content import ita, scalars
from generator.content.scalars import STATUSES
from generator.content.views import item_views
from generator.publish import charts, dashboard
from generator.publish.build import generate
from generator.publish.project import Project
from generator.publish.search import read_index

SVG_NS = "{http://www.w3.org/2000/svg}"
SVG = re.compile(r'(?<=<figure class="oit-chart" id=")[^"]+" data-search-exclude>\s*(<svg .*?</svg>)', re.S)
NUMBER = re.compile(r"^[0-9๐-๙][0-9๐-๙,.]*$")


def charts_in(text: str) -> list[ET.Element]:
    """Every dashboard chart in a page (Markdown or HTML), parsed as XML."""
    return [ET.fromstring(s) for s in SVG.findall(text)]


def texts(svg: ET.Element) -> list[str]:
    return [t.text or "" for t in svg.iter(f"{SVG_NS}text")]


def table_after(md: str, heading_id: str) -> list[list[str]]:
    """Cells of the first Markdown table under the heading `{ #heading_id }`."""
    section = md.split(f"{{ #{heading_id} }}", 1)[1]
    rows = []
    for line in section.splitlines():
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif rows:
            break
    return list(rows[2:])  # without the header and the alignment row


def plain(cell: str) -> str:
    return re.sub(r"\*\*|<[^>]+>", "", cell).strip()


def test_a_dashboard_page_per_assessed_year_linked_from_home(built_sample):
    project, generated = built_sample
    site = generated.site
    years = site.assessed_years()
    assert years == [2567, 2568, 2569]
    home = (project.site_dir / "index.html").read_text(encoding="utf-8")
    index = (project.site_dir / "ita" / "index.html").read_text(encoding="utf-8")
    for year in years:
        page = project.site_dir / "ita" / str(year) / "index.html"
        html = page.read_text(encoding="utf-8")
        assert f"ผลการประเมิน ITA ปี {year}" in html
        assert f'href="ita/{year}/"' in home, year
        assert f'href="{year}/"' in index, year
        assert len(charts_in(html)) == 3  # indicators, trend (two years), measures
    assert 'href="ita/"' in home
    config = (project.build_dir / "mkdocs.yml").read_text(encoding="utf-8")
    assert "ผลการประเมิน ITA:" in config and "ita/2569/index.md" in config


@pytest.mark.slow
def test_svg_is_identical_across_generations(sample_copy, tmp_path):
    """Same data, same bytes: in two generations, and in a fresh process (other hash seed)."""
    a = Project.at(sample_copy, build_dir=tmp_path / "a")
    b = Project.at(sample_copy, build_dir=tmp_path / "b")
    generate(a)
    generate(b)
    for rel in ("ita/index.md", "ita/2567/index.md", "ita/2568/index.md", "ita/2569/index.md"):
        assert (a.docs_dir / rel).read_bytes() == (b.docs_dir / rel).read_bytes(), rel
    code = (
        "import hashlib, sys; from pathlib import Path; from generator.publish import dashboard; "
        "from generator.checks.validate import validate_or_raise; from generator.content.views import item_views; "
        "site, _ = validate_or_raise(Path(sys.argv[1]), Path(sys.argv[1]) / 'content'); "
        "items = {y: item_views(site, y) for y in site.published_years()}; "
        "ds = dashboard.dashboards(site, items); "
        "svgs = [c.svg for d in ds for c in (d.indicator_chart, d.trend_chart, d.progress and d.progress.chart) if c]; "
        "print(hashlib.sha256('\\n'.join(svgs).encode()).hexdigest())"
    )
    outs = {
        subprocess.run([sys.executable, "-W", "error", "-c", code, str(sample_copy)], capture_output=True,
                       text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
        for seed in ("1", "2")
    }
    svgs = [c.svg for d in _dashboards(sample_copy) for c in (d.indicator_chart, d.trend_chart, d.progress.chart)]
    assert outs == {hashlib.sha256("\n".join(svgs).encode()).hexdigest()}


def _dashboards(root: Path):
    site, _ = validate_or_raise(root, root / "content")
    return dashboard.dashboards(site, {y: item_views(site, y) for y in site.published_years()})


def test_every_svg_has_a_title_description_and_real_text(built_sample):
    project, _ = built_sample
    pages = sorted((project.site_dir / "ita").rglob("index.html"))
    assert len(pages) == 4
    seen = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for svg in charts_in(html):
            seen += 1
            assert svg.get("role") == "img"
            title, desc = svg[0], svg[1]
            assert title.tag == f"{SVG_NS}title" and title.text and svg.get("aria-labelledby") == title.get("id")
            assert desc.tag == f"{SVG_NS}desc" and desc.text and svg.get("aria-describedby") == desc.get("id")
            assert html.count(f'id="{title.get("id")}"') == 1
            words = texts(svg)
            assert words and any(re.search("[ก-๙]", w) for w in words)  # Thai kept as text
            for t in svg.iter(f"{SVG_NS}text"):
                assert "font-family: Sarabun," in t.get("style")
            raw = ET.tostring(svg, encoding="unicode")
            assert "DejaVu" not in raw and "<style" not in raw and "glyph" not in raw.lower()
            assert not [e for e in svg.iter() if e.get("id", "").startswith(("text_", "patch_", "figure_"))]
            # every number drawn in the chart is also in its Thai text alternative
            for w in words:
                for n in re.findall(r"[0-9๐-๙]+\.[0-9๐-๙]{2}", w):
                    assert n in desc.text, (n, page)
        assert re.search(r'<figure class="oit-chart" id="[^"]+" data-search-exclude', html)
    assert seen == 10  # index: trend; each of 3 years: indicators, trend, measures
    index = json.dumps(read_index(project.site_dir), ensure_ascii=False)
    assert "เส้นประ" not in index  # chart text stays out of search (the tables are indexed)


def _indicator_chart_values(svg: ET.Element) -> dict[str, str]:
    """label → number as drawn, in drawing order (a label, then its value)."""
    out, label = {}, None
    for w in texts(svg):
        if w.startswith("ตัวชี้วัดที่") or w in charts.TOOL_SHORT.values():
            label = w
        elif label and (NUMBER.match(w) or w == "ไม่มีคะแนน"):
            out[label] = w
            label = None
    return out


def test_chart_numbers_equal_table_numbers_equal_assessment_yml(built_sample):
    project, generated = built_sample
    site = generated.site
    for year in site.assessed_years():
        a = site.assessment(year)
        md = (project.docs_dir / "ita" / str(year) / "index.md").read_text(encoding="utf-8")
        indicators, trend, measures = charts_in(md)
        drawn = _indicator_chart_values(indicators)
        table = {plain(r[0]): plain(r[1]) for r in table_after(md, "indicators")}
        for s in a.indicators:
            name = f"ตัวชี้วัดที่ {s.indicator} {ita.INDICATORS[s.indicator][1]}"
            assert drawn[name] == table[name] == f"{s.score:.2f}", (year, name)
        for tool in ita.TOOLS:
            assert drawn[charts.TOOL_SHORT[tool]] == table[ita.TOOLS_TH[tool]] == f"{a.tools[tool].score:.2f}"
        assert table["คะแนนรวม"] == f"{a.score:.2f}"
        assert len(drawn) == len(a.indicators) + 3

        # trend: the labels at the end of the lines are the newest year's scores, as in the table
        rows = {plain(r[0]): [plain(c) for c in r[1:]] for r in table_after(md, "trend")}
        newest = site.assessment(site.assessed_years()[-1])
        ends = [w for w in texts(trend) if re.match(r"^(รวม|IIT|EIT|OIT) ", w)]
        assert sorted(ends) == sorted([f"รวม {newest.score:.2f}"] + [f"{t} {newest.tools[t].score:.2f}" for t in ita.TOOLS])
        for y, column in zip(site.assessed_years(), zip(*rows.values(), strict=False), strict=False):
            ya = site.assessment(y)
            assert column[0] == f"{ya.score:.2f}" and column[2:] == tuple(f"{ya.tools[t].score:.2f}" for t in ita.TOOLS)

        # measures: counts in the chart = the table = the statuses in results.yml
        statuses = [r.status for r in site.results(year).results]
        expected = {s: statuses.count(s) for s in STATUSES}
        words = texts(measures)
        overall = words.index(f"ทุกมาตรการ ({len(statuses)} มาตรการ)")
        segments = [w for w in words[overall + 1:] if NUMBER.match(w)]
        assert segments[:len([n for n in expected.values() if n])] == [str(n) for n in expected.values() if n]
        cells = table_after(md, "measures")
        assert cells[0][0] == f"**ทุกมาตรการ ({len(statuses)}&nbsp;มาตรการ)**"
        table_counts = dict.fromkeys(STATUSES, 0)
        for status, label in scalars.STATUS_TH.items():
            found = re.search(rf"{label} (\d+)</span>", cells[0][1])
            table_counts[status] = int(found.group(1)) if found else 0
        assert table_counts == expected


def test_measure_links_resolve_to_anchors_on_the_item_page(built_sample):
    project, generated = built_sample
    site = generated.site
    for year in site.assessed_years():
        page = f"ita/{year}/index.html"
        html = (project.site_dir / page).read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]*#results-[^"]+)"', html)
        assert len(links) == len(site.results(year).results), year
        for href in links:
            path, anchor = href.split("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            target_html = (project.site_dir / target / "index.html").read_text(encoding="utf-8")
            assert f'id="{anchor}"' in target_html, href
            assert f"ปีงบประมาณ พ.ศ. {year}" in target_html.replace("&nbsp;", " ").replace("\u00a0", " ")


def test_thai_digits_in_charts_and_tables(sample_copy, tmp_path):
    root = tmp_path / "thai"
    shutil.copytree(sample_copy / "content", root / "content")
    org = root / "content" / "organisation.yml"
    text = org.read_text(encoding="utf-8")
    assert "digits: arabic" in text
    org.write_text(text.replace("digits: arabic", "digits: thai"), encoding="utf-8")
    project = Project.at(root)
    generate(project)
    md = (project.docs_dir / "ita/2568/index.md").read_text(encoding="utf-8")
    drawn = _indicator_chart_values(charts_in(md)[0])
    table = {plain(r[0]): plain(r[1]) for r in table_after(md, "indicators")}
    assert drawn["ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร"] == table["ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร"] == "๘๐.๑๕"
    assert "**คะแนนรวม ๙๐.๗๑ จาก ๑๐๐ คะแนน ระดับผ่าน**" in md
    assert not re.search(r">[^<]*[0-9][^<]*</text>", "".join(SVG.findall(md)))  # no Arabic digit drawn


def test_not_started_and_unreported_measures(sample_copy, tmp_path):
    root = tmp_path / "lao"
    shutil.copytree(sample_copy / "content", root / "content")
    results = root / "content/2568/results.yml"
    text = results.read_text(encoding="utf-8")
    text = text.replace('  - measure: "1"\n    status: done', '  - measure: "1"\n    status: not_started', 1)
    start = text.index('  - measure: "8"')
    end = text.index("improvements_intro:")
    results.write_text(text[:start] + text[end:], encoding="utf-8")
    site, _ = validate_or_raise(root, root / "content")
    d = next(x for x in dashboard.dashboards(site, {y: item_views(site, y) for y in site.published_years()})
             if x.year == 2568)
    assert d.progress.counts == {"done": 5, "in_progress": 1, "not_started": 1}
    assert [r.label for r in d.progress.unreported] == ["8"]
    svg = d.progress.chart.svg
    assert "stroke-dasharray" in svg and "#8e1b1b" in svg  # not started: dashed red outline
    assert "ยังไม่ดำเนินการ 1" in ET.fromstring(svg)[1].text


def test_no_assessment_no_dashboard(project):
    root = project({})
    generated = generate(Project.at(root))
    docs = Project.at(root).docs_dir
    assert not (docs / "ita").exists()
    assert "ผลการประเมิน ITA" not in (docs / "index.md").read_text(encoding="utf-8")
    assert generated.pages >= 1


@pytest.mark.parametrize("text,lines", [("ประเด็นที่ 1 กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ", 2),
                                        ("การใช้งบประมาณ", 1)])
def test_wrap_breaks_thai_between_words(text, lines):
    out = charts.wrap(text, 15, 300)
    assert len(out) == lines and "".join(out).replace(" ", "") == text.replace(" ", "")
    assert all(charts.text_width(line, 15) <= 300 for line in out)
