"""The import corpus: documents nobody tuned the importer on must import with their structure.

Each folder of tests/import_corpus/ is one document (see its README.md): `source.txt` in the text
form, `case.yml` (format, --year, the layouts it exercises, text expected to be left unplaced, and
the known misses), and `expected/` — the content a careful clerk would write from the document,
by hand, in the project's shape (results name their measure by its 1-based position).

For every case the document is written in its format (tests/corpusdocs.py), imported with
`oit import FILE --year Y` into a fresh project, checked with `oit check` (no errors), and every
field of the expected files is compared with what was written (`canon`: Thai digits as Arabic,
Markdown escapes and list markers removed, whitespace removed). A field is "a cell placed in the
right field"; a measure's group and title are also counted on their own. The per-case table and
the totals over the corpus are printed (pytest -s, or the captured output of the summary test).

A case passes when its misses are exactly its `known_misses`: a new miss fails, and so does a
miss that has gone away (the list is then updated, so the figures in it stay true).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from conftest import ORG, write_project
from corpusdocs import source_file

from generator import thai

CORPUS = Path(__file__).resolve().parent / "import_corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.yml").is_file())


def canon(value) -> str:
    s = thai.to_arabic(str(value))
    s = re.sub(r"\\([\\`*_\[\]()#+!|{}.\-])", r"\1", s)
    s = re.sub(r"(?m)^\s*(?:\(?\d{1,2}[.)]|[-*•])\s*", "", s)
    return re.sub(r"\s+", "", s)


@dataclass
class Score:
    fields: int = 0
    right: int = 0
    measures: int = 0
    measures_right: int = 0
    misses: list[str] = field(default_factory=list)

    def check(self, where: str, expected, got, *, measure: bool = False) -> bool:
        ok = expected == got
        self.fields += 1
        self.right += ok
        if not ok:
            self.misses.append(f"{where}: expected {expected!r}, got {got!r}")
        return ok


def _load(path: Path) -> dict:
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _group(d: dict):
    for kind in ("indicator", "issue"):
        if kind in d:
            return f"{kind} {d[kind]}"
    return None


def _questions(items) -> list:
    out = []
    for q in items or []:
        if isinstance(q, dict):
            out.append([canon(q["code"]).lower(), canon(q.get("text", ""))] if q.get("text") else canon(q["code"]).lower())
        elif isinstance(q, list):
            out.append([canon(q[0]).lower(), canon(q[1])])
        else:
            out.append(canon(q).lower())
    return out


def _field(score: Score, where: str, key: str, expected, got) -> bool:
    if key in ("indicator", "issue"):
        return True  # compared as the group
    if key == "questions":
        exp = _questions(expected)
        have = _questions(got)
        # codes alone in the golden: compare codes only
        if all(isinstance(q, str) for q in exp):
            have = [q[0] if isinstance(q, list) else q for q in have]
        return score.check(f"{where}.questions", exp, have)
    if isinstance(expected, list):
        return score.check(f"{where}.{key}", [canon(x) for x in expected], [canon(x) for x in (got or [])])
    if key in ("budget", "budget_used", "total", "done", "in_progress", "price", "reference_price"):
        return score.check(f"{where}.{key}", float(expected), float(got) if got not in (None, "") else None)
    if key in ("contract_date", "date"):
        return score.check(f"{where}.{key}", _date(expected), _date(got))
    if key == "period" and isinstance(expected, dict):
        if isinstance(got, str):
            parts = re.split(r"\s+(?:–|-|—|ถึง)\s+", got.strip())
            got = dict(zip(("start", "end"), parts, strict=False)) if len(parts) == 2 else got
        have = {k: _date(v) for k, v in got.items()} if isinstance(got, dict) else got
        return score.check(f"{where}.{key}", {k: _date(v) for k, v in expected.items()}, have)
    return score.check(f"{where}.{key}", canon(expected), canon(got) if got is not None else None)


def _date(value):
    try:
        return thai.parse_date(value) if value is not None else None
    except thai.DateError:
        return str(value)


def _month(value) -> str:
    from generator.content.scalars import _year_month

    try:
        return _year_month(str(value))
    except ValueError:
        return str(value)


def _list_items(markdown: str | None) -> int:
    return len(re.findall(r"(?m)^\s*(?:[-*]|\d+\.)\s", markdown or ""))


def score_case(expected_dir: Path, content: Path, leftovers: list[str], case: dict) -> Score:
    score = Score()
    for exp_path in sorted(expected_dir.rglob("*.yml")):
        rel = exp_path.relative_to(expected_dir)
        exp = _load(exp_path)
        got = _load(content / rel)
        name = rel.as_posix()
        ids: list[str] = []
        if "measures" in exp:
            out = got.get("measures", [])
            ids = [m.get("id") for m in out]
            for i, em in enumerate(exp["measures"]):
                gm = out[i] if i < len(out) else {}
                where = f"{name} measures[{i + 1}]"
                group_ok = score.check(f"{where}.group", _group(em), _group(gm))
                title_ok = True
                for key, value in em.items():
                    ok = _field(score, where, key, value, gm.get(key))
                    if key == "title":
                        title_ok = ok
                score.measures += 1
                score.measures_right += group_ok and title_ok
            if len(out) > len(exp["measures"]):
                score.misses.append(f"{name}: {len(out) - len(exp['measures'])} measure(s) more than the document has")
        if "results" in exp:
            measures = _load(content / rel.parent / "measures.yml").get("measures", [])
            ids = [m.get("id") for m in measures]
            by_measure = {r.get("measure"): r for r in got.get("results", [])}
            for er in exp["results"]:
                pos = er["measure"]
                mid = ids[pos - 1] if pos - 1 < len(ids) else None
                gr = by_measure.get(mid, {})
                where = f"{name} results[measure {pos}]"
                score.check(f"{where}.attached", True, bool(gr))
                for key, value in er.items():
                    if key != "measure":
                        _field(score, where, key, value, gr.get(key))
        for key in ("intro",):
            if key in exp:
                _field(score, name, key, exp[key], got.get(key))
        if "monthly" in exp:
            months = got.get("monthly", {}).get("months", [])
            for i, em in enumerate(exp["monthly"]["months"]):
                gm = months[i] if i < len(months) else {}
                score.check(f"{name} monthly[{i + 1}].month", _month(em["month"]), _month(gm.get("month")))
                rows = gm.get("rows") or []
                if isinstance(em["rows"], int):
                    score.check(f"{name} monthly[{i + 1}].rows", em["rows"], len(rows))
                    continue
                # the สขร.1 rows under the form's columns, one cell at a time
                for j, er in enumerate(em["rows"]):
                    gr = rows[j] if j < len(rows) else {}
                    for key, value in er.items():
                        _field(score, f"{name} monthly[{i + 1}].rows[{j + 1}]", key, value, gr.get(key))
        for section, key in (("progress", "items"), ("plan", "projects")):
            if section in exp and key in exp[section]:
                out = (got.get(section) or {}).get(key, [])
                for i, ei in enumerate(exp[section][key]):
                    gi = out[i] if i < len(out) else {}
                    for k, v in ei.items():
                        _field(score, f"{name} {section}.{key}[{i + 1}]", k, v, gi.get(k))
        if "progress" in exp and "results" in exp["progress"]:
            projects = [p.get("id") for p in (got.get("plan") or {}).get("projects", [])]
            by_project = {r.get("project"): r for r in (got.get("progress") or {}).get("results", [])}
            for er in exp["progress"]["results"]:
                pos = er["project"]
                pid = projects[pos - 1] if pos - 1 < len(projects) else None
                gr = by_project.get(pid, {})
                for k, v in er.items():
                    if k != "project":
                        _field(score, f"{name} progress.results[project {pos}]", k, v, gr.get(k))
        if "statistics" in exp:
            gs = got.get("statistics") or {}
            for k, v in exp["statistics"].items():
                if k == "rows":
                    score.check(f"{name} statistics.rows", v, _list_items(gs.get("description")))
                else:
                    _field(score, f"{name} statistics", k, v, gs.get(k))
    left = [canon(t) for t in leftovers]
    for text in case.get("leftovers", []):
        score.check(f"leftover {text!r}", True, any(canon(text) in t for t in left))
    return score


@dataclass
class Outcome:
    case: dict
    score: Score
    report: str
    check: tuple[int, str, str]
    leftovers: list[str]


_RESULTS: dict[str, Outcome] = {}


def run_case(name: str, tmp: Path, cli) -> Outcome:
    if name in _RESULTS:
        return _RESULTS[name]
    case_dir = CORPUS / name
    case = yaml.safe_load((case_dir / "case.yml").read_text(encoding="utf-8"))
    year = case["year"]
    shipped = {int(p.stem) for p in (Path(__file__).resolve().parent.parent / "generator" / "content" / "catalogues").glob("*.yml")}
    org = ORG + (f"site:\n  years: [{year}]\n" if year in shipped else "")
    root = write_project(tmp / "lao", {"organisation.yml": org})
    source = source_file(case_dir, case["format"], tmp)
    code, out, err = cli("--root", str(root), "import", str(source), "--year", str(year))
    assert code == 0, f"{name}: import failed\n{out}\n{err}"
    check = cli("--root", str(root), "check")
    content = root / "content"
    left_file = _load(content / str(year) / "import-leftovers.yml")
    leftovers = [str(item.get("text", "")) for item in left_file.get("leftovers", [])]
    score = score_case(case_dir / "expected", content, leftovers, case)
    _RESULTS[name] = Outcome(case, score, out, check, leftovers)
    return _RESULTS[name]


@pytest.fixture
def cli_quiet():
    import contextlib
    import io

    from generator.cli import main

    def call(*argv: str) -> tuple[int, str, str]:
        o, e = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e):
            code = main(list(argv))
        return code, o.getvalue(), e.getvalue()

    return call


@pytest.mark.parametrize("name", CASES)
def test_corpus_case(name: str, tmp_path: Path, cli_quiet) -> None:
    r = run_case(name, tmp_path, cli_quiet)
    s = r.score
    print(f"\n{name} [{r.case['format']}]: fields {s.right}/{s.fields}, measures with group and title "
          f"{s.measures_right}/{s.measures}")
    for miss in s.misses:
        print(f"  miss: {miss}")
    assert r.check[0] == 0, f"oit check failed after importing {name}:\n{r.check[1]}\n{r.check[2]}"
    known = r.case.get("known_misses") or []
    got = [m.split(":")[0] for m in s.misses]
    assert sorted(got) == sorted(known), (
        f"{name}: misses differ from known_misses in case.yml\n  now: {got}\n  known: {known}\n  "
        + "\n  ".join(s.misses))


def test_corpus_totals(tmp_path_factory: pytest.TempPathFactory, cli_quiet) -> None:
    """The figures over the whole corpus (printed); every case must have run."""
    for name in CASES:
        run_case(name, tmp_path_factory.mktemp(name), cli_quiet)
    fields = sum(r.score.fields for r in _RESULTS.values())
    right = sum(r.score.right for r in _RESULTS.values())
    measures = sum(r.score.measures for r in _RESULTS.values())
    measures_right = sum(r.score.measures_right for r in _RESULTS.values())
    print(f"\nimport corpus: {len(CASES)} documents")
    print(f"{'case':45} {'format':6} {'fields right':>14} {'measures right':>15}")
    for name in CASES:
        s = _RESULTS[name].score
        print(f"{name:45} {_RESULTS[name].case['format']:6} {s.right:>6}/{s.fields:<7} {s.measures_right:>7}/{s.measures:<7}")
    print(f"{'total':52} {right:>6}/{fields:<7} {measures_right:>7}/{measures:<7}")
    print(f"cells placed in the right field: {100 * right / fields:.1f} %; "
          f"measures with the right group and title: {100 * measures_right / max(measures, 1):.1f} %")
    held = [n for n in CASES if _RESULTS[n].case.get("holdout")]
    for n in held:
        print(f"hold-out {n}: first run {_RESULTS[n].case.get('first_run', '?')}")
    assert len(CASES) >= 15
    assert fields > 0 and measures > 0
