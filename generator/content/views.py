"""An item of a catalogue year together with the content that answers it.

`item_views(site, year)` resolves every item of an ITA year to the topics that answer it (their
model, file, fiscal year and parts). Readiness judges these, the pages show them, the ITAS sheet
points at them: all through one resolution, so a topic's anchor or presence means the same
everywhere.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from pydantic import BaseModel

from generator.content.catalogue import Catalogue, Element, Indicator, Item, SubIndicator
from generator.content.models import ItemNote, Measure
from generator.content.site import Site
from generator.content.topics import TOPICS, Part, Topic
from generator.content.urls import item_path
from generator.content.walk import walk

# The newest date of each model, by identity: a topic is shown by several items and pages, and
# walking a large model (ten years of procurement) for each of them was a tenth of a build. The
# model is kept in the entry, so its id cannot be reused while the entry lives.
_NEWEST: OrderedDict[int, tuple[BaseModel, date | None]] = OrderedDict()
_NEWEST_MAX = 2048


def newest_date(model: BaseModel) -> date | None:
    """The newest `date` or `updated` anywhere inside `model`."""
    hit = _NEWEST.get(id(model))
    if hit is not None and hit[0] is model:
        _NEWEST.move_to_end(id(model))
        return hit[1]
    dates = [v for path, v in walk(model) if path and path[-1] in ("date", "updated") and isinstance(v, date)]
    newest = max(dates) if dates else None
    _NEWEST[id(model)] = (model, newest)
    if len(_NEWEST) > _NEWEST_MAX:
        _NEWEST.popitem(last=False)
    return newest


@dataclass
class TopicView:
    """One topic as one item of one year shows it: from fiscal year `fy` (None: persistent)."""

    topic: Topic
    fy: int | None
    model: BaseModel | None  # the topic's model, or None when the clerk has not written it
    file: str  # where the clerk edits it

    @property
    def key(self) -> str:
        return self.topic.key

    @property
    def title(self) -> str:
        return self.topic.title

    @property
    def anchor(self) -> str:
        return self.topic.anchor

    @property
    def template(self) -> str:
        return self.topic.template

    @property
    def present(self) -> bool:
        """The clerk wrote something for this topic (the page shows more than a notice)."""
        return self.topic.has_content(self.model)

    def part(self, part: str) -> Part:
        return self.topic.parts[part]

    def part_anchor(self, part: str | None) -> str:
        return self.topic.part_anchor(part)

    def shows(self, part: str) -> bool:
        """The page shows `part` of this topic."""
        return self.topic.shows(part, self.model)

    def holds(self, part: str | None) -> bool:
        """The anchor of `part` (or of the topic) holds content on the page."""
        return self.topic.holds(part, self.model)

    @property
    def updated(self) -> date | None:
        """Explicit `updated`, else the newest date in the topic's documents, entries or memo."""
        if self.topic.kind == "organisation" or self.model is None:
            return None
        explicit = getattr(self.model, "updated", None)
        if explicit:
            return explicit
        return newest_date(self.model)


@dataclass
class ElementView:
    element: Element
    topic: TopicView

    @property
    def anchor(self) -> str:
        """The anchor the element's evidence sits under: its part's, else its topic's. A part the
        page does not show has no anchor on the page; nothing points there then (`shown`)."""
        return self.topic.part_anchor(self.element.part)

    @property
    def heading(self) -> str:
        """The title of the heading (or label) at `anchor`."""
        part = self.element.part
        return self.topic.part(part).title if part else self.topic.title

    @property
    def shown(self) -> bool:
        """The page holds this element's evidence under `anchor`."""
        return self.topic.holds(self.element.part)


@dataclass
class ItemView:
    year: int
    catalogue: Catalogue
    indicator: Indicator
    sub: SubIndicator
    item: Item
    topics: list[TopicView]
    note: ItemNote | None

    @property
    def path(self) -> str:
        return item_path(self.year, self.item.code)

    @property
    def title(self) -> str:
        return f"{self.item.code} {self.item.title}"

    @property
    def elements(self) -> list[ElementView]:
        by_key = {t.key: t for t in self.topics}
        return [ElementView(e, by_key[e.topic]) for e in self.item.elements]

    @property
    def updated(self) -> date | None:
        dates = [d for t in self.topics if (d := t.updated)]
        return max(dates) if dates else None


def topic_view(site: Site, key: str, fy: int | None) -> TopicView:
    return TopicView(TOPICS[key], fy, site.topic(key, fy), site.topic_file(key, fy))


def item_views(site: Site, year: int) -> list[ItemView]:
    cat = site.catalogues[year]
    notes = site.notes.get(year, {})
    views = []
    for ind, sub, item in cat.items():
        resolved = [topic_view(site, ref.topic, ref.fiscal_year(year)) for ref in item.topics]
        views.append(ItemView(year, cat, ind, sub, item, resolved, notes.get(item.code)))
    return views


def showing(items_by_year: dict[int, list[ItemView]], topic: str, fy: int | None
            ) -> tuple[ItemView, TopicView] | tuple[None, None]:
    """(item view, topic view) of the newest published item that shows `topic` of fiscal year
    `fy` (None: a persistent topic) with content, or (None, None)."""
    for year in sorted(items_by_year, reverse=True):
        for view in items_by_year[year]:
            for tv in view.topics:
                if tv.key == topic and tv.fy == fy and tv.present:
                    return view, tv
    return None, None


# --------------------------------------------------------------------------- grouping measures

GroupKey = tuple[str | None, int | None]  # ("indicator", 3), ("issue", 5) or (None, None)
T = TypeVar("T")


def group_of(mm: Measure | None) -> GroupKey:
    """The indicator or ประเด็น a measure answers (None, None when it names neither)."""
    if mm is None:
        return (None, None)
    if mm.indicator:
        return ("indicator", mm.indicator)
    if mm.issue:
        return ("issue", mm.issue)
    return (None, None)


@dataclass
class Group:
    """Measures (or results) under one indicator / ประเด็น heading, in document order."""

    kind: str | None  # "indicator", "issue", or None (ungrouped)
    n: int | None
    label: str | None  # the group's name as the LAO's document wrote it, if it differs
    measures: list


def grouped(rows: Iterable[T], measure: Callable[[T], Measure | None]) -> list[Group]:
    """Rows in groups of the indicator or ประเด็น of each row's measure, groups in order of
    their first row."""
    groups: dict[GroupKey, Group] = {}
    for row in rows:
        mm = measure(row)
        kind, n = group_of(mm)
        g = groups.setdefault((kind, n), Group(kind, n, mm.group_label if mm else None, []))
        g.measures.append(row)
    return list(groups.values())
