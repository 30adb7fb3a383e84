"""`oit import`: the three seed documents, as text exports and as Word files, become content that
validates, builds, and shows every cell and line of the source on the right item page.

Each case imports a document into a fresh project (conftest's ORG, published year 2566) with
`oit import FILE --year 2566`, runs `oit check`, builds the site once per module (generator.publish.build,
the repository's mkdocs.yml and theme), and compares the SOURCE — parsed independently by
tests/seedtext.py, with its normalisation — with the visible text of the built page:

    seed 000 (FY2566 results, improvements, memo)   → site/oit/2566/o43/
    seed 001 (ITA 2565 analysis, FY2566 measures)   → site/oit/2566/o42/
    seed 002 (FY2566 results grouped by indicator)  → site/oit/2566/o43/

What is compared: every non-empty line outside tables and every non-empty data cell is on the page;
each row's cells are inside that row's own section (the measure's, the improvement's, the
analysis row's); the import report's counts of placed and unplaced cells. As in
test_seed_fidelity.py, a checkbox group is not text (its checked label is the status shown), the
improvement's indicator cell is compared as "ตัวชี้วัดที่ N label" and "คะแนน X", and seed 001's
"ข้อ 17" is compared as "ข้อ I17" (the importer reads the missing letter from the IIT named just
before it, and says so in its report).

The .docx cases are built here with python-docx from the same seeds, reproducing their tables
(the export's repeated header rows become separate tables with repeated headers) and adding what
Word documents do: line breaks and paragraphs inside cells, checkbox glyphs, a score table whose
tool columns are merged vertically over the tool's indicator rows, tool rows merged horizontally
across the analysis table, a heading row merged across an improvements table, a period column
merged vertically, an indicator cell merged vertically over a row's continuation, and rows that
continue on the next table after a repeated header, marked "(ต่อ)".
"""

from __future__ import annotations

import contextlib
import html
import io
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ORG, write_project
from seedtext import Page, Seed, light, norm, parse_seed

from generator.cli import main
from generator.publish.build import build
from generator.publish.project import Project

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "seeds"
PAGES = {"000": "oit/2566/o43/index.html", "001": "oit/2566/o42/index.html", "002": "oit/2566/o43/index.html"}
ORG_2566 = ORG + "site:\n  years: [2566]\n"
# seed → line number → (as printed, as compared); see the module docstring
CORRECTIONS = {"001": {35: ("ข้อ 17 ", "ข้อ I17 ")}}
STATUS_TEXT = {
    "ดำเนินการแล้วเสร็จ": "ดำเนินการแล้ว", "ดำเนินการแล้ว": "ดำเนินการแล้ว",
    "อยู่ระหว่างดำเนินการ": "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ": "ยังไม่ดำเนินการ",
}


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


# --------------------------------------------------------------------------- .docx from a seed


_SPLIT_ITEMS = re.compile(r"\s+(?=(?:[๒-๙]|[2-9])[.)]\s?\S)")


def cell_paragraphs(raw: str) -> list[list[str]]:
    """A seed cell → paragraphs (from <p>), each a list of lines (numbered items on lines of
    their own, as a clerk types them in Word with Shift+Enter); checkboxes become ☑/☐."""
    s = re.sub(r"<input\b[^>]*\bchecked\b[^>]*>", " ☑ ", raw)
    s = re.sub(r"<input\b[^>]*>", " ☐ ", s)
    parts = re.split(r"</?p\b[^>]*>", s)
    out = []
    for part in parts:
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).split())
        if text:
            out.append([x for x in _SPLIT_ITEMS.split(text) if x])
    return out


def set_cell(cell, raw: str) -> None:
    """Write a seed cell into a python-docx cell: paragraphs, and line breaks inside them."""
    paras = cell_paragraphs(raw)
    first = True
    for lines in paras:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        for k, line in enumerate(lines):
            run = p.add_run(line)
            if k + 1 < len(lines):
                run.add_break()


def halves(raw: str) -> tuple[str, str]:
    """A long cell cut in two at a list item (for a row that continues on the next page)."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    m = list(re.finditer(r"\s(?=(?:[๒-๙]|[2-9])[.)]|-\S)", text))
    if not m:
        return raw, ""
    cut = m[len(m) // 2].start()
    return text[:cut], text[cut:].strip()


@dataclass
class Spec:
    """How a seed's tables are laid out in the Word version."""

    vmerge_cols: dict[str, list[int]]  # table kind → columns merged vertically over a table's rows
    continue_rows: dict[int, str]  # seed line of a row → "next-table" | "vmerge"


SPECS = {
    # 000: improvements' period column merged down each table; the OIT heading lines become a
    # row merged across the table; row ๑ continues at the top of the next table, "(ต่อ)".
    "000": Spec({"improvements": [3]}, {10: "next-table"}),
    # 001: the score table's tool columns merged over each tool's rows; tool rows of the analysis
    # merged across; measure 4 continues in a "(ต่อ)" row of the next table.
    "001": Spec({}, {115: "next-table"}),
    # 002: row ๘ continues in a row whose indicator cell is merged from above; row ๗ continues
    # at the top of the next table, "(ต่อ)".
    "002": Spec({}, {29: "vmerge", 26: "next-table"}),
}


def kind_of(header: list[str]) -> str:
    h = [norm(x) for x in header]
    if h[1] == norm("แนวทางในการยกระดับการประเมิน"):
        return "improvements"
    if h[1] == norm("คะแนน ITA"):
        return "scores"
    if "ประเด็นที่ควรรักษา" in h[1]:
        return "analysis"
    return "measures"


def seed_docx(seed_id: str, path: Path) -> None:
    import docx

    seed = parse_seed(FIXTURES / seed_id / "source.txt")
    spec = SPECS[seed_id]
    document = docx.Document()
    items = [(p.no, "p", p) for p in seed.paragraphs] + [(t.header.no, "t", t) for t in seed.tables]
    carry: list[str] | None = None  # the continuation of the previous table's last row
    pending_heading: list[str] = []
    for _, what, obj in sorted(items, key=lambda x: x[0]):
        if what == "p":
            if seed_id == "000" and obj.text in ("สรุปการประเมิน OIT",):
                pending_heading.append(obj.text)  # becomes a merged heading row of the next table
                continue
            document.add_paragraph(obj.text)
            continue
        header = [c.raw for c in obj.header.cells]
        kind = kind_of([c.text for c in obj.header.cells])
        rows: list[tuple[list[str], str]] = []  # cells, role
        for h in pending_heading:
            rows.append(([h] + [""] * (len(header) - 1), "hmerge"))
        pending_heading = []
        if carry is not None:
            rows.append((carry, "cont"))
            carry = None
        for r in obj.rows:
            cells = [c.raw for c in r.cells] + [""] * (len(header) - len(r.cells))
            how = spec.continue_rows.get(r.no)
            if seed_id == "001" and kind == "analysis" and not any(c.text for c in r.cells[1:]):
                rows.append((cells, "hmerge"))
                continue
            if how:
                first, rest = list(cells), [""] * len(cells)
                for j in range(2, len(cells)):
                    a, b = halves(cells[j])
                    if b:
                        first[j], rest[j] = a, b
                rows.append((first, "row"))
                if how == "vmerge":
                    rows.append((rest, "vmerge"))
                else:
                    rest[0] = "(ต่อ)"
                    carry = rest
                continue
            rows.append((cells, "row"))
        table = document.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        for j, raw in enumerate(header):
            set_cell(table.cell(0, j), raw)
        for i, (cells, role) in enumerate(rows, 1):
            for j, raw in enumerate(cells):
                if role == "vmerge" and j == 0:
                    continue
                if raw:
                    set_cell(table.cell(i, j), raw)
            if role == "hmerge":
                table.cell(i, 0).merge(table.cell(i, len(header) - 1))
            if role == "vmerge":
                table.cell(i - 1, 0).merge(table.cell(i, 0))
        # vertical merges of columns holding one value for the whole table part
        for j in spec.vmerge_cols.get(kind, []):
            data_rows = [i for i, (_, role) in enumerate(rows, 1) if role == "row"]
            if len(data_rows) > 1:
                for i in data_rows[1:]:
                    table.cell(i, j).text = ""
                table.cell(data_rows[0], j).merge(table.cell(data_rows[-1], j))
        if seed_id == "001" and kind == "scores":
            merge_tool_columns(table, obj)
        if carry is not None and obj is seed.tables[-1]:
            raise AssertionError("a continuation row needs a next table")
    document.save(str(path))


def merge_tool_columns(table, seed_table) -> None:
    """Score table: columns 2–4 (tool score, weight, weighted) merged over the tool's rows."""
    groups = [(1, 5), (6, 8), (9, 10)]
    for lo, hi in groups:
        for j in (2, 3, 4):
            for i in range(lo + 1, hi + 1):
                table.cell(i, j).text = ""
            table.cell(lo, j).merge(table.cell(hi, j))


# --------------------------------------------------------------------------- importing and building


@dataclass
class Imported:
    seed: Seed
    root: Path
    report: str
    check: tuple[int, str, str]
    page: Page
    seconds: float

    @property
    def counts(self) -> tuple[int, int, int]:
        """(placed, placed by a guess, left) table cells, from the import report."""
        m = re.search(r"ช่องตาราง: จัดวางแล้ว (\d+) ช่อง, จัดวางโดยคาดเดา (\d+) ช่อง \(ควรตรวจ\), ยังไม่ได้จัดวาง (\d+) ช่อง",
                      self.report)
        assert m, self.report
        return int(m.group(1)), int(m.group(2)), int(m.group(3))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory):
    cache: dict[tuple[str, str], Imported] = {}

    def get(seed_id: str, fmt: str) -> Imported:
        key = (seed_id, fmt)
        if key not in cache:
            tmp = tmp_path_factory.mktemp(f"import{seed_id}{fmt}")
            root = write_project(tmp / "lao", {"organisation.yml": ORG_2566})
            source = FIXTURES / seed_id / "source.txt"
            if fmt == "docx":
                source = tmp / f"seed{seed_id}.docx"
                seed_docx(seed_id, source)
            start = time.perf_counter()
            code, out, err = cli("--root", str(root), "import", str(source), "--year", "2566")
            assert code == 0, f"import failed:\n{out}\n{err}"
            seconds = time.perf_counter() - start
            check = cli("--root", str(root), "check")
            project = Project.at(root, site_dir=tmp / "site", build_dir=tmp / "build")
            build(project)
            page = Page.read(tmp / "site" / PAGES[seed_id])
            cache[key] = Imported(parse_seed(FIXTURES / seed_id / "source.txt"), root, out, check, page, seconds)
        return cache[key]

    return get


CASES = [(s, f) for s in ("000", "001", "002") for f in ("txt", "docx")]


def expected(seed_id: str, seed: Seed) -> list[tuple[str, list[str]]]:
    """(where, parts that must be on the page) for every line and data cell of the seed."""
    fixes = CORRECTIONS.get(seed_id, {})
    out = []
    for p in seed.paragraphs:
        text = p.text
        if p.no in fixes:
            printed, meant = fixes[p.no]
            assert text.startswith(printed)
            text = meant + text[len(printed):]
        out.append((f"line {p.no}", [text]))
    for t in seed.tables:
        kind = kind_of([c.text for c in t.header.cells])
        for r in t.rows:
            for j, c in enumerate(r.cells):
                if not c:
                    if c.checked:
                        out.append((f"line {r.no} column {j + 1} status", [STATUS_TEXT[c.checked[0]]]))
                    continue
                parts = [c.text]
                if kind == "improvements" and j == 0:
                    m = re.match(r"^(ตัวชี้วัดที่\s*\S+)\s*(.*?)\s*(คะแนน\s*\S+)$", " ".join(c.text.split()))
                    parts = [f"{m.group(1)} {m.group(2)}", m.group(3)]
                if c.checked:
                    parts.append(STATUS_TEXT[c.checked[0]])
                out.append((f"line {r.no} column {j + 1}", parts))
    return out


def compared(s: str) -> str:
    return norm(s) or light(s)


@pytest.mark.slow
@pytest.mark.parametrize("seed_id,fmt", CASES)
def test_import_validates_builds_and_keeps_every_cell(imported, seed_id: str, fmt: str, record_property) -> None:
    b = imported(seed_id, fmt)
    assert b.check[0] == 0, f"oit check failed after import:\n{b.check[1]}\n{b.check[2]}"
    placed, guessed, unplaced = b.counts
    record_property("cells_placed", placed)
    record_property("cells_guessed", guessed)
    record_property("cells_unplaced", unplaced)
    print(f"\nseed {seed_id} ({fmt}): {placed} cells placed, {guessed} placed by a guess, {unplaced} left; "
          f"import {b.seconds:.2f} s")
    text = norm(b.page.text)
    missing = [f"{where}: {part[:100]!r}" for where, parts in expected(seed_id, b.seed) for part in parts
               if compared(part) not in text]
    assert not missing, f"seed {seed_id} ({fmt}): {len(missing)} item(s) not on {PAGES[seed_id]}:\n  " + "\n  ".join(missing)


def test_seed_counts(imported) -> None:
    """Every data cell of the text exports is placed: 92, 92 and 70 cells. Those placed by an
    assumption are counted apart: the status of each result (seeds 000 and 002 print none, so it is
    read from whether a summary exists); seed 001's measures table prints no indicator, and its
    groups come from the order of the analysis rows (a note, not a cell)."""
    got = {s: imported(s, "txt").counts for s in ("000", "001", "002")}
    assert got == {"000": (86, 6, 0), "001": (92, 0, 0), "002": (60, 10, 0)}, got
    for s in ("000", "001", "002"):
        assert "ยังไม่ได้จัดวาง (left): ไม่มี (none)" in imported(s, "txt").report
        assert not list((imported(s, "txt").root / "content").rglob("import-leftovers.yml"))


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_rows_sit_in_their_own_sections(imported, fmt: str) -> None:
    """A row's cells are inside that row's section: the measure's heading and what follows it."""
    def section_text(page: Page, anchor: str, stop=None) -> str:
        return norm(page.section(anchor, stop).text())

    problems = []
    for seed_id, prefix, _first_col in (("000", "results", 0), ("002", "results", 0), ("001", "measures", 0)):
        b = imported(seed_id, fmt)
        for t in b.seed.tables:
            kind = kind_of([c.text for c in t.header.cells])
            for r in t.rows:
                if kind == "measures":
                    no = re.match(r"\s*(\d+)", light(r[0].text)).group(1)
                    sect = section_text(b.page, f"{prefix}-{no}")
                    cells = r.cells[1:] if seed_id != "001" else r.cells
                    for j, c in enumerate(cells):
                        text = c.text
                        if seed_id == "001" and j == 0:
                            text = re.sub(r"^\s*\d+\.\s*", "", text)
                        if c and compared(text) not in sect:
                            problems.append(f"seed {seed_id} line {r.no}: {text[:60]!r} not in #{prefix}-{no}")
                elif kind == "improvements":
                    n = re.match(r"ตัวชี้วัดที่\s*(\d+)", light(r[0].text).replace("ตัวชี้วัดที่", "ตัวชี้วัดที่ ")).group(1)
                    anchor = f"results-improvement-{n}"
                    sect = section_text(b.page, anchor, lambda x: x.level is not None or (
                        x.id or "").startswith("results-improvement-"))
                    for c in r.cells[1:]:
                        if c and compared(c.text) not in sect:
                            problems.append(f"seed {seed_id} line {r.no}: {c.text[:60]!r} not in #{anchor}")
                elif kind == "analysis" and r[0].text.startswith("ตัวชี้วัดที่"):
                    n = re.match(r"ตัวชี้วัดที่\s*(\d+)", r[0].text).group(1)
                    sect = section_text(b.page, f"assessment-indicator-{n}")
                    for c in r.cells[1:]:
                        if c and compared(c.text) not in sect:
                            problems.append(f"seed {seed_id} line {r.no}: {c.text[:60]!r} not in #assessment-indicator-{n}")
    assert not problems, "\n".join(problems)


def test_002_rows_grouped_under_official_indicators(imported) -> None:
    """Seed 002 numbers its rows in its own order; each sits under the indicator its label names."""
    b = imported("002", "txt")
    official = {"การแก้ไขปัญหาการทุจริต": 5, "การใช้อำนาจ": 3, "การใช้งบประมาณ": 2, "การปฏิบัติหน้าที่": 1,
                "การใช้ทรัพย์สินของราชการ": 4, "ประสิทธิภาพการสื่อสาร": 7, "การปรับปรุงการทำงาน": 8,
                "คุณภาพการดำเนินงาน": 6, "การเปิดเผยข้อมูล": 9, "การป้องกันการทุจริต": 10}
    for t in b.seed.tables:
        for r in t.rows:
            no = re.match(r"\s*(\d+)", light(r[0].text)).group(1)
            label = norm(re.sub(r"^\s*[\d๐-๙]+\.\s*", "", r[0].text))
            n = official[label]
            head = b.page.article.by_id(f"results-{no}")
            group = b.page.preceding(f"results-{no}", lambda x, head=head: x.level is not None and x.level < head.level)
            assert group is not None and light(group.text()).startswith(f"ตัวชี้วัดที่{n}"), (no, group and group.text())


def test_001_assessment_goes_to_the_previous_year(imported) -> None:
    b = imported("001", "txt")
    assert (b.root / "content" / "2565" / "assessment.yml").is_file()
    assert (b.root / "content" / "2566" / "measures.yml").is_file()
    assert not (b.root / "content" / "2566" / "results.yml").exists()
    assert "อ่านเป็น I17" in b.report


KEPT = "results:\n  - measure: m1\n    status: done\n"


def test_never_overwrites_without_force(project, run) -> None:
    root = project({"organisation.yml": ORG_2566, "2566/results.yml": KEPT})
    source = str(FIXTURES / "000" / "source.txt")
    code, out, err = run("--root", str(root), "import", source, "--year", "2566")
    assert code == 1
    assert "--force" in err and "content/2566/results.yml" in err and "Traceback" not in err
    assert (root / "content" / "2566" / "results.yml").read_text(encoding="utf-8") == KEPT
    assert not (root / "content" / "2566" / "measures.yml").exists(), "a partial import was written"
    code, out, err = run("--root", str(root), "import", source, "--year", "2566", "--force")
    assert code == 0, err
    assert "ผลการดำเนินการ 6 ข้อ" in out
    assert run("--root", str(root), "check")[0] == 0


def test_fills_the_empty_templates_of_a_new_project(tmp_path: Path, run) -> None:
    """`oit new` writes measures.yml and results.yml holding only comments and `{}`: the first
    import fills them without --force (nothing of the clerk's is lost); a file with data is kept."""
    root = tmp_path / "lao"
    assert run("new", str(root), "--name", "องค์การบริหารส่วนตำบลทดลอง", "--type", "อบต.",
               "--district", "เมือง", "--province", "ราชบุรี", "--years", "2566")[0] == 0
    assert (root / "content" / "2566" / "results.yml").is_file()
    code, _out, err = run("--root", str(root), "import", str(FIXTURES / "000" / "source.txt"), "--year", "2566")
    assert code == 0, err
    assert "measure: " in (root / "content" / "2566" / "results.yml").read_text(encoding="utf-8")
    assert run("--root", str(root), "check")[0] == 0
    code, _, err = run("--root", str(root), "import", str(FIXTURES / "000" / "source.txt"), "--year", "2566")
    assert code == 1 and "--force" in err


def test_dry_run_writes_nothing(project, run) -> None:
    root = project({"organisation.yml": ORG_2566})
    code, out, _ = run("--root", str(root), "import", str(FIXTURES / "002" / "source.txt"), "--year", "2566", "--dry-run")
    assert code == 0 and "--dry-run" in out
    assert not (root / "content" / "2566").exists()


@pytest.mark.parametrize("name,data,expect", [
    ("missing.txt", None, "ไม่พบไฟล์"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, ".docx"),
    ("damaged.pdf", b"%PDF-1.7\n", "PDF"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, ".xlsx"),
    ("broken.docx", b"PK\x03\x04 not really a zip", ".docx"),
    ("picture.png", b"\x89PNG\r\n\x1a\n\0\0", "รูปแบบ"),
    ("notes.txt", "บันทึกทั่วไป ไม่มีตาราง\n".encode(), "ไม่พบตาราง"),
])
def test_errors_exit_1_without_traceback(project, run, tmp_path: Path, name: str, data, expect: str) -> None:
    root = project({"organisation.yml": ORG_2566})
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    code, _out, err = run("--root", str(root), "import", str(path), "--year", "2566")
    assert code == 1
    assert expect in err and "Traceback" not in err and "import failed" in err
    assert not (root / "content" / "2566").exists()


def test_leftovers_are_never_published(project, run, tmp_path: Path) -> None:
    """Text the importer cannot place (a column with no field, a closing signature line) goes to
    content/2566/import-leftovers.yml with its place in the source — not into any published field.
    `oit check` warns at each entry's line, `--strict` fails while any remain, and the site built
    from the import holds none of it in any file (pages, search index, sitemap); once the clerk has
    moved the text and deleted the file, `--strict` passes."""
    source = tmp_path / "odd.txt"
    source.write_text(
        "รายงานผลการดำเนินการ ปีงบประมาณ พ.ศ. 2566\n\n"
        "ลำดับ\tมาตรการ\tผลการดำเนินการ\tงบประมาณที่ใช้\n"
        "๑\tจัดทำคู่มือ\tจัดทำแล้ว <input checked type=\"checkbox\"/> ดำเนินการแล้ว\tใช้งบประมาณ ๑๒,๓๔๗ บาท\n\n"
        "ลงชื่อ ผู้รายงาน นางสาวทดสอบ ใจดีมาก\n",
        encoding="utf-8",
    )
    root = project({"organisation.yml": ORG_2566})
    code, out, err = run("--root", str(root), "import", str(source), "--year", "2566")
    assert code == 0, err
    assert "ยังไม่ได้จัดวาง 1 ช่อง" in out and "ยังไม่ได้จัดวาง 1 บรรทัด" in out
    assert "content/2566/import-leftovers.yml" in out and "ไม่มี (none)" not in out
    results = (root / "content" / "2566" / "results.yml").read_text(encoding="utf-8")
    assert "status: done" in results and "จัดทำแล้ว" in results
    assert "๑๒,๓๔๗" not in results and "ใจดีมาก" not in results
    left_path = root / "content" / "2566" / "import-leftovers.yml"
    left = left_path.read_text(encoding="utf-8")
    assert "๑๒,๓๔๗" in left and "นางสาวทดสอบ ใจดีมาก" in left and "งบประมาณที่ใช้" in left

    code, out, _ = run("--root", str(root), "check")
    assert code == 0, out
    lines = [x for x in out.splitlines() if x.startswith("content/2566/import-leftovers.yml:")]
    assert len(lines) == 2, out
    for x in lines:  # file:line:column of each entry
        line_no = int(x.split(":")[1])
        assert left.splitlines()[line_no - 1].lstrip().startswith("- where:"), (x, left)
    assert run("--root", str(root), "check", "--strict")[0] == 1

    site = tmp_path / "out" / "site"
    build(Project.at(root, site_dir=site, build_dir=tmp_path / "out" / "build"))
    page = norm(Page.read(site / "oit/2566/o43/index.html").text)
    assert norm("จัดทำคู่มือ") in page and norm("จัดทำแล้ว") in page  # the import is published …
    for path in site.rglob("*"):  # … its leftovers are not, anywhere in the site
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for s in ("12,347", "๑๒,๓๔๗", "ใจดีมาก", "import-leftovers"):
                assert s not in text, f"{s!r} published in {path.relative_to(site)}"

    left_path.unlink()  # the clerk moved the text and deleted the file
    assert "import-leftovers" not in run("--root", str(root), "check")[1]


def test_strict_check_fails_while_leftovers_remain(sample_copy: Path, run, tmp_path: Path) -> None:
    """The sample LAO passes `oit check --strict`; a leftovers file in a year folder makes it fail
    with one warning per entry, and deleting the file makes it pass again. (The sample is early in
    FY2570: its 6-month progress report is not due yet, and OIT-X013 says so; that warning is
    ignored here.)"""
    import shutil

    not_due = ("--ignore", "OIT-X013")
    root = tmp_path / "lao"
    shutil.copytree(sample_copy, root)
    assert run("--root", str(root), "check", "--strict", *not_due)[0] == 0
    left = root / "content" / "2569" / "import-leftovers.yml"
    left.write_text("source: มาตรการ.docx\nleftovers:\n  - where: บรรทัด 40\n    text: ลงชื่อ ผู้จัดทำ\n"
                    "  - where: ตาราง 2 แถว 3 คอลัมน์ “งบประมาณ”\n    text: ๒๐,๐๐๐ บาท\n", encoding="utf-8")
    code, out, _ = run("--root", str(root), "check", "--strict", *not_due)
    assert code == 1
    assert "content/2569/import-leftovers.yml:3:5:" in out and "content/2569/import-leftovers.yml:5:5:" in out
    left.unlink()
    assert run("--root", str(root), "check", "--strict", *not_due)[0] == 0


def test_leftovers_are_not_overwritten_and_are_replaced_with_force(project, run, tmp_path: Path) -> None:
    source = tmp_path / "odd.txt"
    source.write_text("ลำดับ\tมาตรการ\tหมายเหตุพิเศษ\n1\tจัดทำคู่มือ\tข้อความที่ไม่มีช่อง\n", encoding="utf-8")
    root = project({"organisation.yml": ORG_2566})
    assert run("--root", str(root), "import", str(source), "--year", "2566")[0] == 0
    left = root / "content" / "2566" / "import-leftovers.yml"
    assert left.is_file()
    code, _, err = run("--root", str(root), "import", str(source), "--year", "2566")
    assert code == 1 and "import-leftovers.yml" in err and "--force" in err
    clean = tmp_path / "clean.txt"
    clean.write_text("ลำดับ\tมาตรการ\tวิธีดำเนินการ\n1\tจัดทำคู่มือ\tประชุม\n", encoding="utf-8")
    code, out, _ = run("--root", str(root), "import", str(clean), "--year", "2566", "--force")
    assert code == 0 and not left.exists() and "ลบ content/2566/import-leftovers.yml" in out


def test_year_stated_in_the_document_must_match(project, run, tmp_path: Path) -> None:
    source = tmp_path / "m.txt"
    source.write_text("มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\n\n"
                      "ลำดับ\tมาตรการ\tวิธีดำเนินการ\n1\tจัดทำคู่มือ\tประชุม\n", encoding="utf-8")
    root = project({"organisation.yml": ORG_2566})
    code, _out, err = run("--root", str(root), "import", str(source), "--year", "2566")
    assert code == 1 and "Traceback" not in err
    assert "ปีงบประมาณ 2569" in err and "--year 2569" in err and "--year-mismatch-ok" in err
    assert not (root / "content" / "2566").exists()
    code, _out, err = run("--root", str(root), "import", str(source), "--year", "2566", "--year-mismatch-ok")
    assert code == 0, err
    assert (root / "content" / "2566" / "measures.yml").is_file()


def test_dry_run_shows_the_same_report(project, run, tmp_path: Path) -> None:
    root = project({"organisation.yml": ORG_2566})
    source = str(FIXTURES / "000" / "source.txt")
    dry = run("--root", str(root), "import", source, "--year", "2566", "--dry-run")
    real = run("--root", str(root), "import", source, "--year", "2566")
    assert dry[0] == real[0] == 0
    body = lambda out: out.split("เขียนแล้ว (written):")[0].split("ไม่ได้เขียนไฟล์ (--dry-run)")[0]  # noqa: E731
    assert body(dry[1]) == body(real[1])


def test_scanned_pdf_gets_a_clear_message(project, run, tmp_path: Path) -> None:
    """A PDF whose pages are pictures (a scan) has no text to read: a Thai message says so."""
    from fpdf import FPDF
    from PIL import Image

    picture = tmp_path / "page.png"
    Image.new("RGB", (200, 280), "white").save(picture)
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(str(picture), x=10, y=10, w=180)
    scan = tmp_path / "scan.pdf"
    pdf.output(str(scan))
    root = project({"organisation.yml": ORG_2566})
    code, _out, err = run("--root", str(root), "import", str(scan), "--year", "2566")
    assert code == 1 and "Traceback" not in err
    assert "ไม่มีข้อความ" in err and "ภาพสแกน" in err and "2 หน้า" in err
    assert not (root / "content" / "2566").exists()


def test_cell_html_to_markdown() -> None:
    from generator.tools.importer import cells as C

    assert C.parse("๑.ทุกส่วน ๒.พนักงาน ๓. บุคลากร").markdown == "1. ทุกส่วน\n2. พนักงาน\n3. บุคลากร"
    assert C.parse("-ได้จัดทำ -แจ้งเวียน - บุคลากร").markdown == "- ได้จัดทำ\n- แจ้งเวียน\n- บุคลากร"
    # a list that does not start at 1 keeps the document's numbers as text
    assert C.parse("ได้นำประกาศ ๒. จัดประชุม ๓. ให้แต่ละ").markdown == "ได้นำประกาศ\n\n๒\\. จัดประชุม\n\n๓\\. ให้แต่ละ"
    # a sub-list in its own <ol> under an item of another numbering style
    md = C.parse("<p>1) ขาดข้อมูล</p> <ol> 1. การสรรหา 2. การบรรจุ <p>2) ต่อไป</p>").markdown
    assert md == "1. ขาดข้อมูล\n    1. การสรรหา\n    2. การบรรจุ\n2. ต่อไป"
    # ranges and decimals are not items; Markdown characters are escaped
    assert C.parse("ต.ค. 2565 - ก.ย. 2566").markdown == "ต.ค. 2565 - ก.ย. 2566"
    assert C.parse("คะแนน ๘๕.๗๔ ในปี 2565**").markdown == "คะแนน ๘๕.๗๔ ในปี 2565\\*\\*"
    # checkboxes: the checked status is taken out of the text
    p = C.parse('ทำแล้ว <input checked="" type="checkbox"/> ดำเนินการแล้วเสร็จ <input type="checkbox"/> ยังไม่ได้ดำเนินการ')
    assert p.markdown == "ทำแล้ว" and p.boxes.status_label == "ดำเนินการแล้วเสร็จ"
    assert C.parse("ทำแล้ว ☐ ดำเนินการแล้ว ☒ อยู่ระหว่างดำเนินการ").boxes.status_label == "อยู่ระหว่างดำเนินการ"
    # spaces Thai spelling proves are inside a word are removed; others are kept
    assert C.clean("กองการศึกษา ค ำ ส น ำ แ ล ะ วิ ฒ น ธ ร ร ม") == "กองการศึกษา คำ ส นำ และ วิ ฒ น ธ ร ร ม"
    assert C.clean("ความรู้ ความเข้าใจ ต่าง ๆ") == "ความรู้ ความเข้าใจ ต่าง ๆ"
    # responsible units: list items, paragraphs, or labelled parts
    assert C.parse("<ul> - สำนักปลัด - กองคลัง").entries() == ["สำนักปลัด", "กองคลัง"]
    assert C.parse("<b>หน่วยงาน รับผิดชอบหลัก :</b> สำนักปลัด <b>หน่วยงาน สนับสนุน :</b> ทุกกอง").entries() == [
        "หน่วยงาน รับผิดชอบหลัก : สำนักปลัด", "หน่วยงาน สนับสนุน : ทุกกอง"]


def test_header_words_not_positions() -> None:
    from generator.tools.importer import headers as H

    cols = H.columns(["ผลลัพธ์หรือความสำเร็จ", "ระยะเวลา ดำเนินการ", "มาตรการ/กิจกรรม", "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม",
                      "หน่วยงาน รับผิดชอบ", "ความก้าวหน้าผลการดำเนินการ", "ข้อความ ITA", "ข้อค้นพบ", "ตัวชี้วัด"])
    assert cols.roles == ["outcomes", "period", "title", "summary", "responsible", "progress", "questions", "finding",
                          "indicator"]
    assert H.parse_group("ตัวชี้วัดที่ ๔ การ ใช้ทรัพย์สินของ ทางราชการ คะแนน ๗๕.๘๕").label == "การใช้ทรัพย์สินของทางราชการ"
    ref = H.parse_group("๗. การปรับปรุง การทำงาน")
    assert (ref.kind, ref.n, ref.doc_no) == ("indicator", 8, "๗")
    assert H.parse_group("ประเด็นที่ 2 การให้บริการ").n == 2


def test_docx_questions_and_findings(project, run, tmp_path: Path) -> None:
    """A Word table with ข้อความ ITA and ข้อค้นพบ columns, grouped by ประเด็น heading rows merged
    across the table, with Word's own numbering in a cell."""
    import docx

    d = docx.Document()
    d.add_paragraph("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2569")
    t = d.add_table(rows=4, cols=5)
    for j, h in enumerate(["ข้อความ ITA", "ข้อค้นพบ", "มาตรการ", "ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ"]):
        t.cell(0, j).text = h
    t.cell(1, 0).text = "ประเด็นที่ 2 การให้บริการและระบบ E-Service"
    t.cell(1, 0).merge(t.cell(1, 4))
    t.cell(2, 0).text = "e5 เจ้าหน้าที่ให้บริการตามขั้นตอนหรือไม่"
    t.cell(2, 1).text = "ผู้รับบริการบางส่วนยังรอนาน"
    t.cell(2, 2).text = "ลดขั้นตอนการให้บริการ"
    steps = t.cell(2, 3)
    steps.paragraphs[0].text = "ทบทวนขั้นตอน"
    steps.paragraphs[0].style = d.styles["List Number"]
    p = steps.add_paragraph("ประกาศขั้นตอนใหม่", style="List Number")
    assert p.text
    t.cell(2, 4).text = "สำนักปลัด"
    t.cell(3, 0).text = "(ต่อ)"
    t.cell(3, 4).text = "กองคลัง"
    source = tmp_path / "measures.docx"
    d.save(str(source))
    root = project({"organisation.yml": ORG})
    code, out, err = run("--root", str(root), "import", str(source), "--year", "2569")
    assert code == 0, err
    assert "ยังไม่ได้จัดวาง 0 ช่อง" in out, out
    text = (root / "content" / "2569" / "measures.yml").read_text(encoding="utf-8")
    assert "issue: 2" in text and "code: e5" in text and "finding: ผู้รับบริการบางส่วนยังรอนาน" in text
    assert "1. ทบทวนขั้นตอน\n      2. ประกาศขั้นตอนใหม่" in text  # Word's numbering, written out
    assert "responsible:\n      - สำนักปลัด\n      - กองคลัง" in text  # the "(ต่อ)" row joined
    assert "E-Service" not in text, "the ประเด็น heading is the official one: no group_label"
    assert run("--root", str(root), "check")[0] == 0
