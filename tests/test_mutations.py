"""Every element of every shipped catalogue, taken away one at a time (issue 14).

Generated, not hand-picked: for each shipped catalogue (whatever files generator/content/catalogues/
holds) a complete project publishes that year — the repository's sample for the years it
publishes, a synthetic LAO (benchmarks/synth.py, every element ready) for the others. For every
element, the mutation blanks exactly the evidence it names: its part's fields when it names a part
(the topic registry says which), else its whole topic; when the content would then be refused
(results naming measures that are gone), what refers to it goes too ("cascade"). Then:

- readiness and the ITAS sheet (computed on the mutated content) must turn that element — and
  every element sharing the mutation's evidence — to not ready, and nothing else: an element may
  flip only if its topic was blanked or one of its checks reads a blanked topic
  (generator/checks/elements.py: READS);
- the real site is built from the mutated files and audited: the audit finds that element's
  anchor empty, flips nothing outside the blanked evidence, and finds no element answered มี
  whose anchor is empty.

Builds are shared: mutations whose evidence (and the elements sharing it) do not overlap go into
one build, each still judged on its own elements. The counts are printed (`pytest -s`).
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from generator.checks.elements import READS
from generator.checks.readiness import assess
from generator.checks.validate import validate, validate_or_raise
from generator.content.catalogue import SHIPPED_DIR
from generator.content.site import Site
from generator.content.topics import TOPICS, Topic
from generator.content.views import item_views
from generator.problems import Problems
from generator.publish import itas
from generator.publish.build import build
from generator.publish.project import Project

sys.path.insert(0, str(REPO))
from benchmarks import synth

pytestmark = pytest.mark.slow

SHIPPED = sorted(int(p.stem) for p in SHIPPED_DIR.glob("*.yml"))
TINY = synth.Size(measures=10, rows_per_month=1, documents=4, news=2, participation=1, projects=2, risks=2)

ElementKey = tuple[int, str, str]  # (ITA year, code, element id)
Evidence = tuple[str, int | None, str | None]  # (topic, fiscal year, part)
TopicKey = tuple[str, int | None]


def _sample_years() -> list[int]:
    org = yaml.safe_load((REPO / "content/organisation.yml").read_text(encoding="utf-8"))
    years = org.get("site", {}).get("years") or [int(p.name) for p in (REPO / "content").iterdir()
                                                 if p.name.isdigit()]
    return [y for y in SHIPPED if y in years]


SAMPLE_YEARS = _sample_years()
CASES = [("sample", SAMPLE_YEARS)] + [(f"synthetic-{y}", [y]) for y in SHIPPED if y not in SAMPLE_YEARS]


# --------------------------------------------------------------------------- blanking evidence


def _file_of(root: Path, topic: Topic, fy: int | None) -> Path:
    if topic.kind == "organisation":
        return root / "content/organisation.yml"
    if topic.kind == "persistent":
        return root / f"content/{topic.stem}.yml"
    return root / f"content/{fy}/{topic.stem}.yml"


def blank_on_disk(root: Path, topic: Topic, fy: int | None, part: str | None) -> Path | None:
    """Blank a topic (or one part of it) in the files under `root`; the file it changed."""
    path = _file_of(root, topic, fy)
    if not path.exists():
        return None
    if not part and topic.kind != "organisation" and topic.section is None:
        path.unlink()
        return path
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not part and topic.kind != "organisation":
        data[topic.section] = None
    else:
        holder = data if topic.section is None else (data.get(topic.section) or {})
        for name in topic.parts[part].fields if part else topic.fields:
            if topic.model.model_fields[name].is_required():
                holder[name] = ""
            else:
                holder.pop(name, None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _topic_at(site: Site, file: str, line: int) -> TopicKey | None:
    """The topic a problem at file:line belongs to (the section whose key is last above it)."""
    for (fy, stem), src in site.sources.items():
        if src.file != file:
            continue
        if fy is None:
            return (stem, None) if stem in TOPICS else None
        keys = [(pos[0], path[0]) for path, pos in src.loaded.positions.items() if len(path) == 1]
        above = [k for ln, k in sorted(keys) if ln <= line]
        key = f"{stem}.{above[-1]}" if above and f"{stem}.{above[-1]}" in TOPICS else stem
        return (key, fy) if key in TOPICS else None
    return None


# --------------------------------------------------------------------------- one mutation


@dataclass
class Mutation:
    evidence: Evidence
    targets: set[ElementKey]
    blanked: list[Evidence] = field(default_factory=list)  # the evidence, then any cascade
    share: set[ElementKey] = field(default_factory=set)
    flipped: set[ElementKey] = field(default_factory=set)  # by readiness on the mutated content

    @property
    def topics(self) -> set[TopicKey]:
        return {(t, fy) for t, fy, _ in self.blanked}


@dataclass
class Element:
    key: ElementKey
    evidence: Evidence
    reads: set[str]


def elements_of(site: Site, years: list[int]) -> list[Element]:
    out = []
    for year in years:
        for view in item_views(site, year):
            for ev in view.elements:
                el = ev.element
                reads = {t for ch in el.checks for t in READS.get(ch.kind, ())}
                out.append(Element((year, view.item.code, el.id), (el.topic, ev.topic.fy, el.part), reads))
    return out


def not_ready(site: Site, years: list[int]) -> set[ElementKey]:
    return {(year, it.item.code, es.element.id) for year in years for it in assess(site, year).items
            for es in it.elements if not es.ok}


def mutate(pristine: Path, scratch: Path, years: list[int], m: Mutation, elements: list[Element]) -> None:
    """Blank the mutation's evidence in the files of `scratch` (a copy of `pristine`), with what
    the content would then be refused without, and judge the result as `oit check` does; the
    files are put back afterwards."""
    touched: set[Path] = set()
    m.blanked = [m.evidence]
    try:
        topic, fy, part = m.evidence
        touched.add(_file_of(scratch, TOPICS[topic], fy))
        blank_on_disk(scratch, TOPICS[topic], fy, part)
        for _ in range(5):  # what refers to the blanked evidence goes too, until the content is accepted
            problems = Problems()
            site = validate(scratch, problems)
            assert site is not None, [p.text() for p in problems.errors]
            if not problems.has_errors():
                break
            more = {k for p in problems.errors if (k := _topic_at(site, p.file, p.line)) and k not in m.topics}
            assert more, f"{m.evidence}: blanking it leaves errors no cascade removes: {[p.text() for p in problems.errors]}"
            for key, kfy in sorted(more, key=str):
                m.blanked.append((key, kfy, None))
                touched.add(_file_of(scratch, TOPICS[key], kfy))
                blank_on_disk(scratch, TOPICS[key], kfy, None)
        else:
            raise AssertionError(f"{m.evidence}: the content is still refused after five cascades")
        blanked_topics = {t for t, _ in m.topics}
        m.share = {e.key for e in elements if (e.evidence[0], e.evidence[1]) in m.topics or e.reads & blanked_topics}
        m.flipped = not_ready(site, years)
        # the ITAS sheet answers from the same readiness: the element's item is ไม่มี, the element unproven
        for year in years:
            for row in itas.rows(site, assess(site, year)):
                for er in row["elements"]:
                    if (year, row["code"], er["id"]) in m.targets:
                        assert row["answer"] == "ไม่มี" and not er["ok"], (m.evidence, row["code"], er)
    finally:
        for path in touched:  # back to the complete project
            original = pristine / path.relative_to(scratch)
            if original.exists():
                shutil.copy2(original, path)


def batches(mutations: list[Mutation]) -> list[list[Mutation]]:
    """Mutations in as few builds as possible: in one build, no two share an element or a topic."""
    out: list[tuple[set, list[Mutation]]] = []
    for m in sorted(mutations, key=lambda m: -len(m.share)):
        used = m.share | {("topic", t, fy) for t, fy in m.topics}
        for taken, group in out:
            if not taken & used:
                taken |= used
                group.append(m)
                break
        else:
            out.append((set(used), [m]))
    return [group for _, group in out]


# --------------------------------------------------------------------------- the test


def _synthetic(year: int, root: Path) -> Path:
    synth.make_lao(root, 2, TINY, newest=year, published=[year])
    return root


def check_project(pristine: Path, years: list[int], work: Path) -> tuple[int, int, int]:
    """Every element of `years` in the project at `pristine` (complete for those years), taken
    away; (elements, mutations, builds)."""
    base, _ = validate_or_raise(pristine)
    elements = elements_of(base, years)
    assert not_ready(base, years) == set(), "the complete project is not complete"
    wanted = {y: sum(len(it.elements) for _, _, it in base.catalogues[y].items()) for y in years}
    assert len(elements) == sum(wanted.values())
    covered = {e.key for e in elements}

    by_evidence: dict[Evidence, set[ElementKey]] = {}
    for e in elements:
        by_evidence.setdefault(e.evidence, set()).add(e.key)
    mutations = [Mutation(ev, keys) for ev, keys in by_evidence.items()]
    scratch = work.parent / f"scratch-{pristine.name}"
    shutil.copytree(pristine / "content", scratch / "content")
    for m in mutations:
        mutate(pristine, scratch, years, m, elements)
        assert m.targets <= m.flipped, f"{m.evidence}: still ready after its evidence is gone: {m.targets - m.flipped}"
        assert m.flipped <= m.share, f"{m.evidence}: flipped elements that do not share it: {m.flipped - m.share}"
    assert set().union(*(m.targets for m in mutations)) == covered  # 100 % of the elements

    groups = batches(mutations)
    for group in groups:
        if work.exists():
            shutil.rmtree(work)
        shutil.copytree(pristine / "content", work / "content")
        for m in group:
            for topic, fy, part in m.blanked:
                blank_on_disk(work, TOPICS[topic], fy, part)
        generated, _ = build(Project.at(work), force=True)
        claims, audit = generated.claims, generated.audit
        assert claims is not None and audit is not None
        answered = {(i["year"], i["code"], e["id"]): e["ok"] for i in claims["items"] for e in i["elements"]}
        expected = set().union(*(m.flipped for m in group))
        built_flips = {k for k, ok in answered.items() if not ok and k in covered}
        assert built_flips == expected, f"the files say otherwise than the mutation in memory: {built_flips ^ expected}"
        empty = {k for k, present in audit.verdicts.items() if not present and k in covered}
        for m in group:
            assert m.targets <= empty, f"{m.evidence}: the audit still finds evidence for {m.targets - empty}"
        blanked_elements = {e.key for e in elements
                            if any((e.evidence[0], e.evidence[1]) in m.topics for m in group)}
        assert empty <= blanked_elements, f"the audit emptied anchors nothing blanked: {empty - blanked_elements}"
        lies = {k for k, ok in answered.items() if ok and not audit.verdicts[k]}
        assert not lies, f"answered มี with an empty anchor: {lies}"
        assert not audit.problems.errors, [p.text() for p in audit.problems.errors]
    return len(elements), len(mutations), len(groups)


@pytest.mark.parametrize(("name", "years"), CASES, ids=[c[0] for c in CASES])
def test_every_element_flips_when_its_evidence_is_removed(name, years, tmp_path, capsys):
    """The sample covers the shipped years it publishes completely; any other year it publishes
    (a year in progress) is covered here by a synthetic LAO, so every shipped year is covered once."""
    if name == "sample":
        pristine = tmp_path / "sample"
        shutil.copytree(REPO / "content", pristine / "content")
        site, _ = validate_or_raise(pristine)
        complete = [y for y in years if not not_ready(site, [y])]
        runs = [("sample", pristine, complete)] if complete else []
        runs += [(f"synthetic (the sample's {y} is not complete)", _synthetic(y, tmp_path / f"synthetic-{y}"), [y])
                 for y in years if y not in complete]
    else:
        runs = [(name, _synthetic(years[0], tmp_path / name), years)]
    for label, pristine, covered in runs:
        counts = check_project(pristine, covered, tmp_path / "work")
        with capsys.disabled():
            print(f"\n{label}: ITA {', '.join(map(str, covered))}: {counts[0]} elements, {counts[1]} mutations, "
                  f"{counts[2]} builds")
