"""The validated content of one LAO — a typed `Site` — and where each value came from.

Every reader of content (checks, pages, the dashboard, tools) asks the Site through these
accessors rather than reaching into its dictionaries, so that "the measures of a year" or "the
measure a result names" each has one definition.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from pydantic import BaseModel

from generator.content import topics
from generator.content.catalogue import Catalogue
from generator.content.models import (
    Assessment,
    Executives,
    ItemNote,
    Measure,
    Measures,
    Organisation,
    Person,
    Result,
    Results,
)
from generator.content.topics import CONTENT, ORGANISATION_FILE
from generator.content.yamlload import Loaded


@dataclass
class Source:
    """Where a topic's content sits: its file, the YAML positions, and the path inside it."""

    loaded: Loaded
    path: tuple = ()

    @property
    def file(self) -> str:
        return self.loaded.file

    def line(self, *sub: str | int) -> int:
        return self.loaded.pos(self.path + tuple(sub))[0]


SourceKey = tuple[int | None, str]  # (fiscal year, or None for a file at the top; file stem)


@dataclass
class Site:
    root: Path
    content_dir: Path
    org: Organisation
    persistent: dict[str, BaseModel] = field(default_factory=dict)  # stem → model
    years: dict[int, dict[str, BaseModel]] = field(default_factory=dict)  # FY → stem → model
    notes: dict[int, dict[str, ItemNote]] = field(default_factory=dict)  # ITA year → code → note
    catalogues: dict[int, Catalogue] = field(default_factory=dict)
    sources: dict[SourceKey, Source] = field(default_factory=dict)
    _measure_ids: dict[int, dict[str, Measure]] = field(default_factory=dict, repr=False, compare=False)

    # ------------------------------------------------------------------ files

    def files(self) -> Iterator[tuple[str, Source, BaseModel]]:
        """(file as shown to clerks, e.g. `2569/measures`, source, model) of every validated file
        but the per-item notes (see `notes_files`)."""
        yield ORGANISATION_FILE, self.sources[(None, ORGANISATION_FILE)], self.org
        for stem, obj in self.persistent.items():
            yield stem, self.sources[(None, stem)], obj
        for fy, files in self.years.items():
            for stem, obj in files.items():
                yield f"{fy}/{stem}", self.sources[(fy, stem)], obj

    def notes_files(self) -> Iterator[tuple[int, Source, dict[str, ItemNote]]]:
        for year, notes in self.notes.items():
            yield year, self.sources[(year, "items")], notes

    def year_file(self, fy: int, stem: str) -> BaseModel | None:
        return self.years.get(fy, {}).get(stem)

    # ------------------------------------------------------------------ topics

    def topic(self, key: str, fy: int | None) -> BaseModel | None:
        """The model holding a topic's content, or None when the clerk has not written it."""
        if key in topics.ORGANISATION_TOPICS:
            return self.org
        if key in topics.PERSISTENT_FILES:
            return self.persistent.get(key)
        stem, _, section = key.partition(".")
        doc = self.year_file(fy, stem) if fy is not None else None
        if doc is None or not section:
            return doc
        return cast(BaseModel | None, getattr(doc, section, None))

    def topic_source(self, key: str, fy: int | None) -> Source | None:
        if key in topics.ORGANISATION_TOPICS:
            return self.sources.get((None, ORGANISATION_FILE))
        stem, _, section = key.partition(".")
        src = self.sources.get((None if key in topics.PERSISTENT_FILES else fy, stem))
        if src is None:
            return None
        return Source(src.loaded, (section,) if section else ())

    def topic_file(self, key: str, fy: int | None) -> str:
        """Where a clerk writes this topic (even when the file does not exist yet)."""
        if key in topics.ORGANISATION_TOPICS:
            return f"{CONTENT}/{ORGANISATION_FILE}.yml"
        stem = key.partition(".")[0]
        if key in topics.PERSISTENT_FILES:
            return f"{CONTENT}/{stem}.yml"
        return f"{CONTENT}/{fy}/{stem}.yml"

    # ------------------------------------------------------------------ measures, results, assessment

    def measures_file(self, fy: int) -> Measures | None:
        return cast(Measures | None, self.year_file(fy, "measures"))

    def measures(self, fy: int) -> list[Measure]:
        ms = self.measures_file(fy)
        return ms.measures if ms else []

    def measure(self, fy: int, measure_id: str) -> Measure | None:
        index = self._measure_ids.get(fy)
        if index is None:  # every result looks its measure up: by id, not by a walk of the list
            index = {}
            for mm in self.measures(fy):
                index.setdefault(mm.id, mm)  # the first of a repeated id, as a walk would find
            self._measure_ids[fy] = index
        return index.get(measure_id)

    def measure_of(self, result: Result, fy: int) -> Measure | None:
        """The measure a result of fiscal year `fy` reports on (it may name another year's)."""
        return self.measure(*result.ref(fy))

    def results(self, fy: int) -> Results | None:
        return cast(Results | None, self.year_file(fy, "results"))

    def all_results(self) -> Iterator[tuple[int, Result]]:
        """(fiscal year of the report, result) of every result of every year."""
        for fy in self.years:
            res = self.results(fy)
            for r in res.results if res else []:
                yield fy, r

    def assessment(self, fy: int) -> Assessment | None:
        return cast(Assessment | None, self.year_file(fy, "assessment"))

    def assessed_years(self) -> list[int]:
        return sorted(fy for fy in self.years if self.assessment(fy) is not None)

    # ------------------------------------------------------------------ people

    def executives(self) -> Executives | None:
        return cast(Executives | None, self.persistent.get("executives"))

    def chief_executives(self) -> list[Person]:
        """Everyone marked as the chief executive (นายก), present or past, vacancies excluded."""
        execs = self.executives()
        return [p for p in execs.everyone() if p.chief_executive and not p.vacant] if execs else []

    # ------------------------------------------------------------------ years

    def published_years(self) -> list[int]:
        """ITA years with a catalogue and content; the setting `site.years` overrides."""
        if self.org.site.years:
            return sorted(y for y in self.org.site.years if y in self.catalogues)
        return sorted(y for y in self.catalogues if y in self.years)

    @property
    def digits(self) -> str:
        return self.org.site.digits
