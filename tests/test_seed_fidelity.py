"""Seed fidelity: three real LAO documents, transcribed into content fixtures, must survive the
build with every table cell and every line of text visible on the right page.

Fixtures: tests/fixtures/seeds/<seed>/content/ (hand transcriptions of the seeds) next to
tests/fixtures/seeds/<seed>/source.txt (the seed document, copied unchanged from
/work/shared/seeds/<seed>_*.txt; where that folder exists the copies must still match it). Each
fixture is built once per module with `generator.publish.build.build` into pytest's tmp dir (the base
mkdocs.yml and theme come from the repository), then the SOURCE document is parsed independently
(tests/seedtext.py) and compared with the visible text of the built page:

    seed 000 อบต.ต้นมะพร้าว  (FY2566 results, improvements, memo)  → site/oit/2566/o43/index.html
    seed 001 อบต.ทับคล้อ     (ITA 2565 analysis, FY2566 measures)  → site/oit/2566/o42/index.html
    seed 002 อบต.แม่ชะนิง    (FY2566 results grouped by indicator) → site/oit/2566/o43/index.html

What is compared
  * every non-empty line outside tables (headings, intro paragraphs, NACC recommendations, memo
    lines, signature names and positions, opinions) and every non-empty cell of every data row
    must occur in the text of the page's <article>;
  * each table row has its own section on the page (the measure's heading and what follows it,
    the improvement's head line and what follows it, the analysis row's heading …); each of the
    row's cells must be EXACTLY the part of that section under the cell's field label (FIELD_LABELS,
    the templates' wording), so a dropped cell cannot hide behind an identical one elsewhere, and a
    cell moved to another field, cut short or padded fails;
  * seed 000: every improvement's indicator number, the document's label and its score are in the
    improvement's head line, and the checked checkbox is the page's status badge; the memo's lines,
    and the names of its approval chain, appear in the document's order;
  * seed 001: every number of the score table (indicator scores; tool score, weight and weighted
    score; total) is in the matching row of the page's score table;
  * seed 002: each measure sits under the heading of its OFFICIAL indicator number, which carries
    the document's wording of the indicator;
  * no Markdown/HTML syntax reaches the visitor as text ("{ #id }", "{ .class }", "###", "&amp;" …).

Normalisations (seedtext.norm, applied to the seed and to the page alike)
  1. HTML → text: pages with html.parser, only the <article>, block elements separated by
     newlines, the headings' "#" permalinks left out; seed cells with their tags replaced by a
     space and entities decoded.
  2. A checkbox group in a seed cell (<input … checked> label …) is not text: the checked label is
     the status the page must show ("ดำเนินการแล้วเสร็จ"/"ดำเนินการแล้ว" → "ดำเนินการแล้ว",
     "อยู่ระหว่างดำเนินการ" → "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ" → "ยังไม่ดำเนินการ"); unchecked
     labels are ignored.
  3. Thai digits → Arabic digits (pythainlp.util.thai_digit_to_arabic_digit).
  4. List markers at item starts removed ("๑." "1." "1)" "-" at the start or after whitespace):
     the seeds write list items inline ("๑. … ๒. …", "-… -…"), the fixtures write Markdown lists,
     whose numbers and bullets are not text.
  5. Commas removed: templates join list fields (responsible units) with ", ".
  6. All whitespace removed (the export breaks words with spaces; no-break spaces in dates).
  A cell that is empty after (4) — a bare "๕." — is compared with (3) and (6) only.

Seed-specific readings (not normalisations; each is also in the fixture's comments)
  * Header rows (the first row of each table block, repeated on every page of the original) name
    the columns: they are not content, and the page uses its own field labels.
  * Seed 000, the improvements' first column "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ คะแนน ๙๑.๐๑" is three
    fields; the page prints "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ — คะแนน ๙๑.๐๑", so the cell is compared as
    "ตัวชี้วัดที่ N label" and "คะแนน X".
  * Seed 001 writes "ข้อ 17" where the NACC's question I17 is meant: the line is compared as
    "ข้อ I17" (SEED_CORRECTIONS).
  * Seed 001's measures table prints no indicator; measures 1–7 answer, in order, the analysis
    rows that list an urgent weakness (indicators 2, 4, 6, 7, 8, 9, 10), and are checked under those.
  * KNOWN_GAPS would list lines the model cannot place; it is empty: every line of the three
    seeds has a place on the page.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from seedtext import Node, Page, Seed, digits, labelled_segments, light, norm, parse_seed, table_rows

from generator.publish.build import build
from generator.publish.project import Project

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "seeds"
SHARED_SEEDS = Path(os.environ.get("OIT_SEEDS_DIR", "/work/shared/seeds"))


@dataclass(frozen=True)
class Case:
    shared: str  # file name of the original in SHARED_SEEDS (copied to <seed>/source.txt)
    page: str  # built page, relative to site/
    lines: int  # non-empty lines outside tables, all checked (known gaps included in the count)
    cells: int  # non-empty cells of data rows


CASES = {
    "000": Case("000_6a4ead38d9ff2a9b.txt", "oit/2566/o43/index.html", lines=34, cells=92),
    "001": Case("001_1b23a1dda82d9f04.txt", "oit/2566/o42/index.html", lines=49, cells=92),
    "002": Case("002_e4ecda41cda07bc2.txt", "oit/2566/o43/index.html", lines=2, cells=70),
}

# The official indicator names (ITA 2566), and the other wordings the seeds use for them.
OFFICIAL = {
    1: "การปฏิบัติหน้าที่", 2: "การใช้งบประมาณ", 3: "การใช้อำนาจ", 4: "การใช้ทรัพย์สินของราชการ",
    5: "การแก้ไขปัญหาการทุจริต", 6: "คุณภาพการดำเนินงาน", 7: "ประสิทธิภาพการสื่อสาร",
    8: "การปรับปรุงระบบการทำงาน", 9: "การเปิดเผยข้อมูล", 10: "การป้องกันการทุจริต",
}
WORDINGS = {norm(v): k for k, v in OFFICIAL.items()} | {
    norm("การปรับปรุงการทำงาน"): 8,
    norm("ปรับปรุงการทำงาน"): 8,
    norm("การใช้ทรัพย์สินของทางราชการ"): 4,
}
STATUS_TEXT = {
    "ดำเนินการแล้วเสร็จ": "ดำเนินการแล้ว",
    "ดำเนินการแล้ว": "ดำเนินการแล้ว",
    "อยู่ระหว่างดำเนินการ": "อยู่ระหว่างดำเนินการ",
    "ยังไม่ได้ดำเนินการ": "ยังไม่ดำเนินการ",
    "ยังไม่ดำเนินการ": "ยังไม่ดำเนินการ",
}

# (seed line number) → (as printed, as compared): the document's own slips, named in the brief.
SEED_CORRECTIONS = {
    "001": {35: ("ข้อ 17 ", "ข้อ I17 ")},
}

# Text of the seed that the model/templates cannot place. `where` is None (anywhere on the page)
# or the id of the section it belongs in.
KNOWN_GAPS: dict[str, list[tuple[str | None, str, str]]] = {"000": [], "001": [], "002": []}


# --------------------------------------------------------------------------- building


class Built:
    def __init__(self, seed_id: str, seed: Seed, page: Page, seconds: float) -> None:
        self.id = seed_id
        self.seed = seed
        self.page = page
        self.seconds = seconds
        self.text = norm(page.text)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """built(seed_id) → the seed parsed and its fixture built (once per module; a failed build is
    re-raised for every test of that seed)."""
    cache: dict[str, Built | Exception] = {}

    def get(seed_id: str) -> Built:
        if seed_id not in cache:
            case = CASES[seed_id]
            source = FIXTURES / seed_id / "source.txt"
            try:
                tmp = tmp_path_factory.mktemp(f"seed{seed_id}")
                project = Project.at(FIXTURES / seed_id, site_dir=tmp / "site", build_dir=tmp / "build")
                generated, mkdocs_seconds = build(project)
                page = Page.read(tmp / "site" / case.page)
                cache[seed_id] = Built(seed_id, parse_seed(source), page,
                                       generated.seconds + mkdocs_seconds)
            except Exception as exc:
                cache[seed_id] = exc
        value = cache[seed_id]
        if isinstance(value, Exception):
            raise value
        return value

    return get


@pytest.mark.parametrize("seed_id", sorted(CASES))
def test_source_copy_matches_the_shared_seed(seed_id: str) -> None:
    original = SHARED_SEEDS / CASES[seed_id].shared
    if not original.is_file():
        pytest.skip(f"{original} not available")
    assert (FIXTURES / seed_id / "source.txt").read_bytes() == original.read_bytes()


# --------------------------------------------------------------------------- reading the seeds


def table_kind(header_cells) -> str:
    h = [norm(c.text) for c in header_cells]
    if h[0] == norm("ลำดับ"):
        return "results"  # 000: measures and their results
    if h[0] == norm("มาตรการ/แนวทาง"):
        return "measures"  # 001
    if h[1] == norm("แนวทางในการยกระดับการประเมิน"):
        return "improvements"  # 000
    if h[1] == norm("คะแนน ITA"):
        return "scores"  # 001
    if h[1] == norm("ประเด็นที่ควรรักษามาตรฐานการดำเนินงานหรือพัฒนาให้ดีขึ้น"):
        return "analysis"  # 001
    if h[1] == norm("มาตรการ"):
        return "indicator_measures"  # 002
    raise AssertionError(f"unknown table header {[c.text for c in header_cells]}")


def rows_of(seed: Seed, kind: str):
    return [r for t in seed.tables if table_kind(t.header.cells) == kind for r in t.rows]


_IMPROVEMENT_HEAD = re.compile(r"^ตัวชี้วัดที่\s*(\d+)\s*(.*?)\s*คะแนน\s*([\d.]+)\s*$")


def improvement_head(text: str) -> tuple[int, str, str]:
    """'ตัวชี้วัดที่ ๔ การ ใช้ทรัพย์สินของ ทางราชการ คะแนน ๗๕.๘๕' → (4, label, '75.85')."""
    m = _IMPROVEMENT_HEAD.match(light_spaces(text))
    assert m, f"cannot read the indicator cell {text!r}"
    return int(m.group(1)), m.group(2), m.group(3)


def light_spaces(text: str) -> str:
    """Digits to Arabic, whitespace collapsed (not removed)."""
    return " ".join(digits(text).split())


def leading_number(text: str) -> str:
    """'๕.' → '5', '๑.การแก้ไข …' → '1', '3. การปรับปรุง…' → '3'."""
    m = re.match(r"\s*(\d+)", light_spaces(text))
    assert m, f"no leading number in {text!r}"
    return m.group(1)


def page_gap_texts(seed_id: str) -> set[str]:
    """Known gaps that are nowhere on the page (a gap tied to a section is still checked page-wide)."""
    return {norm(text) for where, text, _ in KNOWN_GAPS[seed_id] if where is None}


Item = tuple[str, str, list[str]]  # (where in the seed, the seed's text, the strings to find)


def expected_items(b: Built) -> tuple[list[Item], list[Item]]:
    """The seed's lines and data cells, as they must appear on the page."""
    corrections = SEED_CORRECTIONS.get(b.id, {})
    gaps = page_gap_texts(b.id)
    lines = []
    for p in b.seed.paragraphs:
        text = p.text
        if p.no in corrections:
            printed, meant = corrections[p.no]
            assert text.startswith(printed), f"line {p.no} no longer starts with {printed!r}"
            text = meant + text[len(printed):]
        if norm(text) in gaps:
            continue
        lines.append((f"line {p.no}", p.text, [text]))
    cells = []
    for t in b.seed.tables:
        kind = table_kind(t.header.cells)
        for r in t.rows:
            for j, c in enumerate(r.cells):
                if not c or norm(c.text) in gaps:
                    continue
                parts = [c.text]
                if kind == "improvements" and j == 0:
                    n, label, score = improvement_head(c.text)
                    parts = [f"ตัวชี้วัดที่ {n} {label}", f"คะแนน {score}"]
                cells.append((f"line {r.no} column {j + 1}", c.text, parts))
    return lines, cells


def compared(s: str) -> str:
    return norm(s) or light(s)


def missing_from(haystack: str, items) -> list[str]:
    out = []
    for where, text, parts in items:
        for part in parts:
            if compared(part) not in haystack:
                out.append(f"{where}: {text[:120]!r}" + (f" (part {part!r})" if parts != [text] else ""))
    return out


# --------------------------------------------------------------------------- every line, every cell


@pytest.mark.parametrize("seed_id", sorted(CASES))
def test_every_line_and_cell_is_on_the_page(built, seed_id: str, record_property) -> None:
    b = built(seed_id)
    case = CASES[seed_id]
    lines, cells = expected_items(b)
    n_lines = len(b.seed.paragraphs)
    n_cells = sum(1 for t in b.seed.tables for r in t.rows for c in r.cells if c)
    record_property("lines_checked", len(lines))
    record_property("cells_checked", len(cells))
    print(f"\nseed {seed_id}: {len(lines)} lines (+{n_lines - len(lines)} known gaps) and "
          f"{len(cells)} cells checked on {case.page}; build {b.seconds:.2f} s")
    # The seed parser must see the whole document: a weaker parser would check less.
    assert (n_lines, n_cells) == (case.lines, case.cells), "the seed's line/cell count changed"
    missing = missing_from(b.text, lines) + missing_from(b.text, cells)
    assert not missing, (
        f"seed {seed_id}: {len(missing)} item(s) not on {case.page}:\n  " + "\n  ".join(missing)
    )


# Markdown or HTML that reaches the visitor as text: attribute lists, escaped headings and
# emphasis, double-escaped entities. None of these occurs in the seeds.
LEAKS = ["{ #", "{ .", "{:", "###", "\\#", "\\*", "\\-", "&amp;", "&lt;", "&gt;", "&#"]


@pytest.mark.parametrize("seed_id", sorted(CASES))
def test_no_markup_leaks_into_the_text(built, seed_id: str) -> None:
    b = built(seed_id)
    text = b.page.text
    source = "\n".join(b.seed.lines)
    leaks = []
    for leak in LEAKS:
        assert leak not in source, f"{leak!r} occurs in seed {seed_id}: drop it from LEAKS"
        for m in re.finditer(re.escape(leak), text):
            leaks.append(f"{leak!r} in …{' '.join(text[max(0, m.start() - 60):m.end() + 30].split())}…")
    assert not leaks, f"seed {seed_id}: markup shown as text on {CASES[seed_id].page}:\n  " + "\n  ".join(leaks[:12])


# --------------------------------------------------------------------------- each row in its place


# The page's label for each field a table column went to (the templates' wording), by table kind
# and column index: a cell must sit under its own label, so a cell moved to another field fails.
FIELD_LABELS = {
    "results": {2: "ขั้นตอนหรือวิธีการปฏิบัติ", 3: "ระยะเวลาดำเนินการ", 4: "ผู้รับผิดชอบ",
                5: "สรุปผลการดำเนินการ", 6: "ผลลัพธ์หรือความสำเร็จของการดำเนินการ"},
    "indicator_measures": {2: "ขั้นตอนหรือวิธีการปฏิบัติ", 3: "ระยะเวลาดำเนินการ", 4: "ผู้รับผิดชอบ",
                           5: "สรุปผลการดำเนินการ", 6: "ผลลัพธ์หรือความสำเร็จของการดำเนินการ"},
    "measures": {1: "ขั้นตอนหรือวิธีการปฏิบัติ", 2: "ผู้รับผิดชอบ", 3: "ระยะเวลาดำเนินการ",
                 4: "การกำกับติดตามและรายงานผล"},
    "improvements": {1: "แนวทางในการยกระดับการประเมิน", 2: "ผู้รับผิดชอบ", 3: "ระยะเวลา",
                     4: "ความก้าวหน้าผลการดำเนินการ"},
    "analysis": {1: "ประเด็นที่ควรรักษามาตรฐานการดำเนินงานหรือพัฒนาให้ดีขึ้น",
                 2: "ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยเร่งด่วน"},
}


def assert_fields(section: Node, kind: str, row, columns: range, what: str) -> None:
    """Each non-empty cell of `columns` is exactly (after normalisation) the part of `section` under
    its field's label: nothing lost, nothing added, nothing moved to another field."""
    segments: dict[str, str] = {}
    for label, text in labelled_segments(section):
        segments.setdefault(norm(label).rstrip(":"), "")
        segments[norm(label).rstrip(":")] += norm(text)
    problems = []
    for j in columns:
        cell = row[j]
        if not cell:
            continue
        label = norm(FIELD_LABELS[kind][j])
        if label not in segments:
            problems.append(f"column {j + 1}: no field labelled {FIELD_LABELS[kind][j]!r} "
                            f"(labels: {[lab for lab in segments if lab]})")
        elif compared(cell.text) != segments[label]:
            elsewhere = [lab for lab, txt in segments.items() if compared(cell.text) in txt]
            problems.append(f"column {j + 1}: the field {FIELD_LABELS[kind][j]!r} is not exactly the cell"
                            + (f" (the cell is under {elsewhere})" if elsewhere else "")
                            + f":\n    seed: {compared(cell.text)[:150]}\n    page: {segments[label][:150]}")
    assert not problems, f"{what}:\n  " + "\n  ".join(problems)


def assert_measure_heading(page: Page, anchor: str, no_cell: str, title: str) -> None:
    """The measure's heading starts with the document's number and holds its title."""
    head = page.article.by_id(anchor)
    assert head is not None and head.level, f"no measure heading #{anchor} on the page"
    assert light(head.text()).startswith(light(no_cell).rstrip(".") + "."), (
        f"#{anchor}: heading {head.text()!r} lacks the number {no_cell!r}"
    )
    assert compared(title) in norm(head.text()), f"#{anchor}: heading {head.text()!r} lacks title {title!r}"


def group_heading(page: Page, anchor: str) -> Node | None:
    """The heading of the group (one level up) that the measure heading #anchor sits under."""
    level = page.article.by_id(anchor).level
    return page.preceding(anchor, lambda n: n.level is not None and n.level < level)


def names_indicator(heading: Node, n: int) -> bool:
    """The heading reads "ตัวชี้วัดที่ n …" (and not "ตัวชี้วัดที่ 10" for n = 1)."""
    text, prefix = light(heading.text()), light(f"ตัวชี้วัดที่ {n}")
    return text.startswith(prefix) and not text[len(prefix):][:1].isdigit()


def test_000_measure_rows(built) -> None:
    b = built("000")
    rows = rows_of(b.seed, "results")
    assert [leading_number(r[0].text) for r in rows] == ["1", "2", "3", "5", "6", "7"]  # no ๔
    assert b.page.article.by_id("results-4") is None, "the page invents a measure ๔"
    for r in rows:
        anchor = f"results-{leading_number(r[0].text)}"
        assert_measure_heading(b.page, anchor, r[0].text, r[1].text)
        assert_fields(b.page.section(anchor), "results", r, range(2, 7), f"row at line {r.no}")


def test_000_improvements(built) -> None:
    b = built("000")
    rows = rows_of(b.seed, "improvements")
    assert len(rows) == 10
    for r in rows:
        n, label, score = improvement_head(r[0].text)
        anchor = f"results-improvement-{n}"
        head = b.page.article.by_id(anchor)
        assert head is not None, f"no #{anchor} on the page"
        head_text = norm(head.text())
        assert norm(f"ตัวชี้วัดที่ {n} {label}") in head_text, (
            f"#{anchor}: {head.text()!r} lacks the label {label!r}"
        )
        m = re.search(r"คะแนน\s*([\d.,]+)", light_spaces(head.text()))
        assert m and float(m.group(1)) == float(score), (
            f"#{anchor}: score {score} expected in {head.text()!r}"
        )
        # status: the checked box, or none
        progress = r[4]
        assert len(progress.checked) <= 1, f"line {r.no}: several boxes checked"
        badge = head.find(lambda x: "oit-badge" in x.classes)
        if progress.checked:
            want = STATUS_TEXT[progress.checked[0]]
            assert badge is not None, f"#{anchor}: no status shown, expected {want!r}"
            assert " ".join(badge.text().split()) == want, (
                f"#{anchor}: status {badge.text()!r}, expected {want!r}"
            )
        else:
            assert badge is None, f"#{anchor}: shows status {badge.text()!r}, the document marks none"
        block = b.page.section(
            anchor, stop=lambda x: x.level is not None or (x.id or "").startswith("results-improvement-")
        )
        assert_fields(block, "improvements", r, range(1, 5), f"improvement at line {r.no}")


def test_000_memo_in_order(built) -> None:
    b = built("000")
    memo = b.page.article.find(lambda n: "oit-memo" in n.classes)
    assert memo is not None, "no memo on the page"
    hay = norm(memo.text())
    paras = b.seed.paragraphs
    start = b.seed.paragraph_index("บันทึกข้อความ")
    memo_lines = paras[start:]
    pos = 0
    for p in memo_lines:
        i = hay.find(norm(p.text), pos)
        assert i >= 0, f"memo line {p.no} {p.text!r} missing or out of order"
        pos = i + len(norm(p.text))
    # the approval chain: "(name)" lines, each followed by its position, in the document's order
    chain = [
        (p, memo_lines[k + 1]) for k, p in enumerate(memo_lines[:-1]) if re.fullmatch(r"\([^()]+\)", p.text)
    ]
    assert [p.text for p, _ in chain] == [
        "(นางสาวอรุณรัตน์ อรุณสวัสดิ์)", "(นายประทีป เณรตาก้อง)", "(นายประทีป เณรตาก้อง)", "(นายปรีชา รักยิ่ง)"
    ]
    pos = 0
    for name, position in chain:
        i = hay.find(norm(name.text + position.text), pos)
        assert i >= 0, f"signature {name.text} / {position.text} missing or out of order"
        pos = i + 1


def test_001_scores(built) -> None:
    b = built("001")
    table = b.page.section("assessment-scores").find(lambda n: n.tag == "table")
    assert table is not None, "no score table"
    page_rows = table_rows(table)
    seen = 0
    for r in rows_of(b.seed, "scores"):
        name = r[0].text
        if name == "รวม":
            total = next((pr for pr in page_rows if pr and "รวม" in pr[0]), None)
            assert total and light(total[-1]) == light(r[4].text), f"total {r[4].text} not in {total}"
            seen += 1
            continue
        k = next((i for i, pr in enumerate(page_rows) if pr and norm(pr[0]) == norm(name)), None)
        assert k is not None, f"no row {name!r} in the score table"
        assert light(page_rows[k][1]) == light(r[1].text), f"{name}: {page_rows[k]} lacks {r[1].text}"
        seen += 1
        if any(c for c in r.cells[2:5]):
            tool = next(page_rows[i] for i in range(k - 1, -1, -1) if page_rows[i][0].startswith("แบบวัด"))
            got = [light(x) for x in tool[1:4]]
            want = [light(c.text) for c in r.cells[2:5]]
            assert got == want, f"{tool[0]}: {tool[1:4]} ≠ {[c.text for c in r.cells[2:5]]}"
            seen += 3
    assert seen == 10 + 3 * 3 + 1
    # the head line: "… 73.35 คะแนน อยู่ในระดับ C"
    pattern = re.compile(r"ผลคะแนน\s*([\d.]+)\s*คะแนน\s*อยู่ในระดับ\s*(\S+)")
    m = next(filter(None, (pattern.search(p.text) for p in b.seed.paragraphs)), None)
    assert m and norm(f"คะแนน {m.group(1)} ระดับ {m.group(2)}") in b.text


def test_001_analysis_rows(built) -> None:
    b = built("001")
    for r in rows_of(b.seed, "analysis"):
        if not r[0].text.startswith("ตัวชี้วัดที่"):
            # a tool row: the page groups the analysis under the same tool headings
            assert norm(r[0].text) in norm(b.page.section("assessment-analysis").text()), r[0].text
            continue
        n = leading_number(r[0].text.replace("ตัวชี้วัดที่", ""))
        anchor = f"assessment-indicator-{n}"
        head = b.page.article.by_id(anchor)
        assert head is not None and norm(r[0].text) in norm(head.text()), (
            f"no heading #{anchor} for {r[0].text!r}"
        )
        assert_fields(b.page.section(anchor), "analysis", r, range(1, 3), f"analysis row at line {r.no}")


def test_001_measure_rows(built) -> None:
    b = built("001")
    rows = rows_of(b.seed, "measures")
    # The document implies each measure's indicator: measures 1–7 answer, in order, the analysis
    # rows that list an urgent weakness.
    weak = [
        int(leading_number(r[0].text.replace("ตัวชี้วัดที่", "")))
        for r in rows_of(b.seed, "analysis")
        if r[0].text.startswith("ตัวชี้วัดที่") and r[2]
    ]
    assert len(weak) == len(rows) == 7
    for r, indicator in zip(rows, weak, strict=False):
        no = leading_number(r[0].text)
        title = re.sub(r"^\s*\d+\.\s*", "", r[0].text)
        anchor = f"measures-{no}"
        assert_measure_heading(b.page, anchor, no, title)
        assert_fields(b.page.section(anchor), "measures", r, range(1, 5), f"measure at line {r.no}")
        group = group_heading(b.page, anchor)
        assert group is not None and names_indicator(group, indicator), (
            f"measure {no} is under {group.text() if group else None!r}, expected ตัวชี้วัดที่ {indicator}"
        )


def test_002_rows_under_official_indicator(built) -> None:
    b = built("002")
    rows = rows_of(b.seed, "indicator_measures")
    assert len(rows) == 10
    for r in rows:
        no = leading_number(r[0].text)
        label = re.sub(r"^\s*[\d๐-๙]+\.\s*", "", r[0].text)
        official = WORDINGS.get(norm(label))
        assert official, f"line {r.no}: {label!r} is not a known wording of an indicator"
        anchor = f"results-{no}"
        assert_measure_heading(b.page, anchor, no, r[1].text)
        assert_fields(b.page.section(anchor), "indicator_measures", r, range(2, 7), f"row at line {r.no}")
        group = group_heading(b.page, anchor)
        assert group is not None and names_indicator(group, official), (
            f"measure {no} ({label}) is under {group.text() if group else None!r}, expected ตัวชี้วัดที่ {official}"
        )
        assert norm(label) in norm(group.text()), (
            f"group heading {group.text()!r} lacks the document's wording {label!r}"
        )
