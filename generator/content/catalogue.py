"""Item catalogues: which O-items an ITA year asks for, and which content topics answer them.

Catalogues are data (`generator/content/catalogues/<year>.yml`); a file of the same year under
`content/catalogues/` replaces the shipped one, so an LAO can follow a new NACC manual without
a code change (two of the LAO's own for one year are an error: which one is meant?). Both are validated with the same models and the same error reporting as content.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PrivateAttr, model_validator

from generator.content import messages as msg
from generator.content.models import Base, BEYear
from generator.content.scalars import Code, Text, fail
from generator.content.topics import ALL_TOPICS, CATALOGUES_DIR, PERSISTENT_TOPICS, TOPICS
from generator.content.wording import check_model, did_you_mean
from generator.content.yamlload import Loaded, load_file
from generator.problems import Problem, Problems

SHIPPED_DIR = Path(__file__).parent / "catalogues"

CheckKind = Literal[
    "present",
    "has_documents",
    "has_field",
    "dated_in_fy",
    "covers_period",
    "monthly_complete",
    "each_person_has",
    "both_sides",
    "signed_by_chief_executive",
    "entries_in_fy",
    "measures_have_results",
    "results_match_measures",
    "risk_report_answers_assessment",
    "anti_corruption_report_covers_plan",
    "measures_answer_weaknesses",
    "manual",
]
Confidence = Literal["high", "medium", "low"]


class Check(Base):
    """One machine check of an element (see generator/content/catalogues/README.md)."""

    kind: CheckKind
    min: int | None = Field(None, ge=1)
    field: str | None = None
    span: Literal["first_half", "fiscal_year"] | None = None
    from_: int | None = Field(None, alias="from", ge=1, le=12)
    to: int | None = Field(None, ge=1, le=12)
    fields: list[Literal["photo", "contact"]] | None = None

    @model_validator(mode="after")
    def _args(self) -> Check:
        if self.kind == "has_field" and not self.field:
            raise fail(msg.HAS_FIELD_NEEDS_FIELD)
        if self.kind == "covers_period" and not self.span:
            raise fail(msg.COVERS_PERIOD_NEEDS_SPAN)
        return self


class Element(Base):
    id: Annotated[Code, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    text: Text
    topic: Code
    part: Code | None = None
    checks: list[Check] = Field(min_length=1)

    @property
    def is_manual(self) -> bool:
        return any(c.kind == "manual" for c in self.checks)


def _topic_ref(v: Any) -> Any:
    return {"topic": v} if isinstance(v, str) else v


class TopicRef(Base):
    topic: Code
    year: Literal["current", "previous"] = "current"

    def fiscal_year(self, ita_year: int) -> int | None:
        """The fiscal year this topic's content comes from (None for persistent topics)."""
        if self.topic in PERSISTENT_TOPICS:
            return None
        return ita_year - 1 if self.year == "previous" else ita_year


class Item(Base):
    code: Annotated[Code, Field(pattern=r"^O[1-9][0-9]?$")]
    title: Text
    confidence: Confidence = "medium"
    sources: list[Code] = Field(default_factory=list)
    timing: Text | None = None
    topics: list[Annotated[TopicRef, BeforeValidator(_topic_ref)]] = Field(min_length=1)
    elements: list[Element] = Field(min_length=1)
    lao_note: Text | None = None
    note: Text | None = None

    @property
    def number(self) -> int:
        return int(self.code[1:])


# Indicator and sub-indicator numbers as the NACC writes them ("9", "9.1"): they reach the
# navigation, which the theme prints as HTML.
IndicatorId = Annotated[Code, Field(pattern=r"^[0-9]{1,2}(?:\.[0-9]{1,2})?$")]


class SubIndicator(Base):
    id: IndicatorId
    title: Text
    confidence: Confidence | None = None
    items: list[Item] = Field(min_length=1)


class Indicator(Base):
    id: IndicatorId
    title: Text
    sub_indicators: list[SubIndicator] = Field(min_length=1)


class SourceRef(Base):
    what: Text
    where: Text | None = None
    agency_type: Text | None = None


class Catalogue(Base):
    year: BEYear
    status: Literal["confirmed", "provisional"]
    derived_from: BEYear | None = None  # made from this year's catalogue by `oit catalogue new`
    title: Text | None = None
    notes: list[Text] = Field(default_factory=list)
    sources: dict[str, SourceRef] = Field(default_factory=dict)
    indicators: list[Indicator] = Field(min_length=1)
    _path: Path | None = PrivateAttr(None)  # the file it was read from

    @property
    def path(self) -> Path | None:
        return self._path

    def provisional_note(self) -> str | None:
        """What maintainers are told about a provisional catalogue (never the public)."""
        if self.status != "provisional":
            return None
        if self.derived_from:
            return (f"รายการ OIT ปี {self.year} เป็นฉบับเบื้องต้น (provisional) ยกมาจากรายการปี {self.derived_from} "
                    f"โดยเลื่อนปี ยังไม่ได้เทียบกับคู่มือ ITA {self.year} ของ ป.ป.ช. โปรดตรวจเมื่อคู่มือออก "
                    f"(the ITA {self.year} catalogue is provisional, carried over from {self.derived_from}; "
                    f"check it against the NACC manual when it appears)")
        return (f"รายการ OIT ปี {self.year} เป็นฉบับเบื้องต้น (provisional) รวบรวมจากแหล่งสาธารณะ "
                f"โปรดตรวจกับคู่มือ ITA ของ ป.ป.ช. ก่อนใช้ "
                f"(the ITA {self.year} catalogue is provisional; check it against the NACC manual)")

    def items(self) -> list[tuple[Indicator, SubIndicator, Item]]:
        return [(ind, sub, it) for ind in self.indicators for sub in ind.sub_indicators for it in sub.items]

    def item(self, code: str) -> Item | None:
        return next((it for _, _, it in self.items() if it.code == code), None)

    def codes(self) -> list[str]:
        return [it.code for _, _, it in self.items()]

    def uses(self, topic: str, fy: int | None) -> list[tuple[Item, list[str]]]:
        """The items that show `topic` of fiscal year `fy` (None: a persistent topic), each with
        the texts of its elements about that topic: the guidance the scaffold writes as comments
        and the back office shows as hints."""
        return [(item, [e.text for e in item.elements if e.topic == topic])
                for _, _, item in self.items()
                if any(ref.topic == topic and ref.fiscal_year(self.year) == fy for ref in item.topics)]


def _semantic_checks(cat: Catalogue, loaded: Loaded, problems: Problems) -> None:
    """Rules across fields that pydantic cannot express, located in the catalogue file."""
    seen: dict[str, tuple] = {}
    for i_ind, ind in enumerate(cat.indicators):
        for i_sub, sub in enumerate(ind.sub_indicators):
            for i_it, it in enumerate(sub.items):
                base = ("indicators", i_ind, "sub_indicators", i_sub, "items", i_it)
                line, col = loaded.pos(base + ("code",))
                if it.code in seen:
                    problems.report(loaded.file, line, col, msg.DUPLICATE_ITEM, code=it.code)
                seen[it.code] = base
                topics = [t.topic for t in it.topics]
                for i_t, t in enumerate(it.topics):
                    if t.topic not in ALL_TOPICS:
                        ln, cl = loaded.pos(base + ("topics", i_t))
                        problems.report(loaded.file, ln, cl, msg.UNKNOWN_TOPIC, hint=did_you_mean(t.topic, ALL_TOPICS), topic=t.topic)
                for s in it.sources:
                    if s not in cat.sources:
                        ln, cl = loaded.pos(base + ("sources",))
                        problems.report(loaded.file, ln, cl, msg.UNKNOWN_SOURCE, source=s)
                ids = [e.id for e in it.elements]
                for i_e, el in enumerate(it.elements):
                    ebase = base + ("elements", i_e)
                    if ids.count(el.id) > 1:
                        ln, cl = loaded.pos(ebase + ("id",))
                        problems.report(loaded.file, ln, cl, msg.DUPLICATE_ELEMENT, id=el.id, code=it.code)
                    if el.topic not in topics:
                        ln, cl = loaded.pos(ebase + ("topic",))
                        problems.report(loaded.file, ln, cl, msg.ELEMENT_TOPIC_NOT_LISTED, hint=did_you_mean(el.topic, topics), id=el.id, topic=el.topic, code=it.code)
                    parts = TOPICS[el.topic].parts if el.topic in TOPICS else {}
                    if el.part and el.part not in parts:
                        ln, cl = loaded.pos(ebase + ("part",))
                        problems.report(loaded.file, ln, cl, msg.UNKNOWN_PART, hint=did_you_mean(el.part, parts), topic=el.topic, part=el.part)
                    if el.topic in TOPICS:
                        _possible_checks(el, TOPICS[el.topic].model, loaded, ebase, problems)
    numbers = sorted(int(c[1:]) for c in seen)
    missing = sorted(set(range(1, (numbers[-1] if numbers else 0) + 1)) - set(numbers))
    if missing:
        problems.report(loaded.file, 1, 1, msg.CODE_GAPS, codes=', '.join('O' + str(n) for n in missing))


def _possible_checks(el: Element, model: type, loaded: Loaded, base: tuple, problems: Problems) -> None:
    """A check that can never pass on its topic's model is a catalogue error, not a gap the LAO
    could ever close."""
    fields = model.model_fields  # type: ignore[attr-defined]
    for i, ch in enumerate(el.checks):
        ln, cl = loaded.pos(base + ("checks", i))
        if ch.kind == "entries_in_fy" and "entries" not in fields:
            problems.report(loaded.file, ln, cl, msg.CHECK_NEEDS_ENTRIES, topic=el.topic)
        if ch.kind == "has_field" and ch.field and ch.field not in fields:
            problems.report(loaded.file, ln, cl, msg.CHECK_UNKNOWN_FIELD, field=ch.field, topic=el.topic,
                            fields=", ".join(fields))


def load_catalogue(path: Path, root: Path, problems: Problems) -> Catalogue | None:
    return _load_catalogue(path, root, problems)[0]


def _load_catalogue(path: Path, root: Path, problems: Problems) -> tuple[Catalogue | None, Loaded | None]:
    """A catalogue file read and checked; the same answer again while the file is unchanged
    (every load of the content reads the shipped catalogues and the LAO's own)."""
    key = _read_key(path, root)
    hit = _READ.get(key) if key is not None else None
    if hit is None:
        key, hit = catalogue_entry(path, root)
        remember_catalogue(key, hit)
    problems.extend(hit[2])
    return hit[0], hit[1]


def _read_key(path: Path, root: Path) -> tuple | None:
    """What `_READ` knows a catalogue file by: its place and its size, time and inode on disk."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (path, root, st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)


_Read = tuple[Catalogue | None, Loaded | None, list[Problem]]
_READ: dict[tuple, _Read] = {}


def catalogue_files(content_dir: Path) -> list[Path]:
    """The catalogue files a load reads, in order: the shipped ones, then the LAO's own."""
    folder = content_dir / CATALOGUES_DIR
    return [*sorted(SHIPPED_DIR.glob("*.y*ml")), *(sorted(folder.glob("*.y*ml")) if folder.is_dir() else [])]


def catalogue_read_already(path: Path, root: Path) -> bool:
    """Whether a load would take this catalogue file as read before (unchanged since)."""
    key = _read_key(path, root)
    return key is not None and key in _READ


def catalogue_entry(path: Path, root: Path) -> tuple[tuple | None, _Read]:
    """A catalogue file read and checked, with the key it is remembered by: for a helper reading
    it ahead of a load, which hands both back to `remember_catalogue`."""
    key = _read_key(path, root)
    found = Problems()
    cat, loaded = _read_catalogue(path, root, found)
    return key, (cat, loaded, found.in_order())


def remember_catalogue(key: tuple | None, hit: _Read) -> None:
    if key is None:
        return
    if len(_READ) > 256:
        _READ.clear()
    _READ[key] = hit


def _read_catalogue(path: Path, root: Path, problems: Problems) -> tuple[Catalogue | None, Loaded | None]:
    loaded = load_file(path, root, problems)
    if loaded is None:
        return None, None
    if not isinstance(loaded.data, dict):
        problems.report(loaded.file, 1, 1, msg.CATALOGUE_NOT_MAPPING)
        return None, loaded
    local = Problems()
    cat = check_model(Catalogue, loaded, local)
    if cat is not None:
        _semantic_checks(cat, loaded, local)
        if re.fullmatch(r"\d{4}", path.stem) and int(path.stem) != cat.year:
            ln, cl = loaded.pos(("year",))
            local.report(loaded.file, ln, cl, msg.CATALOGUE_NAME_YEAR, name=path.name, year=cat.year)
    problems.extend(local)
    if cat is None or local.has_errors():
        return None, loaded
    cat._path = path
    return cat, loaded


def load_catalogues(root: Path, content_dir: Path, problems: Problems) -> dict[int, Catalogue]:
    """Shipped catalogues, then the LAO's own under content/catalogues/.

    An LAO's catalogue replaces the shipped one of its year on purpose (a new NACC manual), but
    two of the LAO's own for one year are ambiguous: an error naming both, and neither is used.
    """
    found: dict[int, Catalogue] = {}
    own: dict[int, tuple[Catalogue, Loaded]] = {}
    ambiguous: set[int] = set()
    for path in catalogue_files(content_dir):
        if path.parent == SHIPPED_DIR:
            cat = load_catalogue(path, root, problems)
            if cat is not None:
                found[cat.year] = cat
            continue
        cat, loaded = _load_catalogue(path, root, problems)
        if cat is None or loaded is None:
            continue
        if cat.year in own:
            line, col = loaded.pos(("year",))
            problems.report(loaded.file, line, col, msg.SAME_YEAR_CATALOGUES, year=cat.year,
                            first=own[cat.year][1].file, second=loaded.file)
            ambiguous.add(cat.year)
            continue
        own[cat.year] = (cat, loaded)
    for year, (cat, _) in own.items():
        if year not in ambiguous:
            found[year] = cat
    return dict(sorted(found.items()))
