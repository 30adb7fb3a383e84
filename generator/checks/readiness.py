"""OIT readiness: for each item of an ITA year, which required elements are present, missing or
out of period, judged by the element checks its catalogue names (`elements.py`).

Elements no machine can judge are `manual`: the clerk confirms them in
`content/<ITA year>/items.yml` with a pointer to the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from generator.checks.elements import (
    CHECKS,
    MANUAL_OK,
    MANUAL_PENDING,
    MISSING,
    NOT_DUE,
    OK_STATUSES,
    OUT_OF_PERIOD,
    PRESENT,
    STATUS_TH,
    Ctx,
    Finding,
    check_present,
)
from generator.content.catalogue import Check, Element, Indicator, Item, SubIndicator
from generator.content.site import Site
from generator.content.views import ItemView, TopicView, item_views

__all__ = ["MISSING", "NOT_DUE", "OUT_OF_PERIOD", "PRESENT", "STATUS_TH", "ElementStatus", "ItemStatus", "Readiness", "assess"]

@dataclass
class ElementStatus:
    element: Element
    topic: TopicView
    status: str
    findings: list[Finding] = field(default_factory=list)
    evidence: str = ""  # for manual elements: the clerk's pointer

    @property
    def ok(self) -> bool:
        return self.status in OK_STATUSES


@dataclass
class ItemStatus:
    view: ItemView
    elements: list[ElementStatus]

    @property
    def item(self) -> Item:
        return self.view.item

    @property
    def ok_count(self) -> int:
        return sum(e.ok for e in self.elements)

    @property
    def ratio(self) -> float:
        return self.ok_count / len(self.elements) if self.elements else 1.0

    @property
    def ready(self) -> bool:
        return all(e.ok for e in self.elements)


@dataclass
class Readiness:
    year: int
    items: list[ItemStatus]

    def _ratio(self, items: list[ItemStatus]) -> float:
        total = sum(len(i.elements) for i in items)
        return sum(i.ok_count for i in items) / total if total else 1.0

    @property
    def overall(self) -> float:
        return self._ratio(self.items)

    def by_sub_indicator(self) -> list[tuple[SubIndicator, float, int, int]]:
        out = []
        for sub in _unique(i.view.sub for i in self.items):
            items = [i for i in self.items if i.view.sub is sub]
            out.append((sub, self._ratio(items), sum(i.ready for i in items), len(items)))
        return out

    def by_indicator(self) -> list[tuple[Indicator, float, int, int]]:
        out = []
        for ind in _unique(i.view.indicator for i in self.items):
            items = [i for i in self.items if i.view.indicator is ind]
            out.append((ind, self._ratio(items), sum(i.ready for i in items), len(items)))
        return out

    def worst_first(self) -> list[ItemStatus]:
        return sorted(self.items, key=lambda i: (i.ratio, i.item.number))


T = TypeVar("T")
PRESENT_CHECK = Check(kind="present")


def _unique(objs: Iterable[T]) -> list[T]:
    """Distinct objects by identity, in order (pydantic models are not hashable)."""
    seen: dict[int, Any] = {}
    for o in objs:
        seen.setdefault(id(o), o)
    return list(seen.values())


def assess(site: Site, year: int) -> Readiness:
    """Run every element check of one ITA year's catalogue against the site's content."""
    items = []
    for view in item_views(site, year):
        statuses = []
        by_key = {t.key: t for t in view.topics}
        for el in view.item.elements:
            tv = by_key[el.topic]
            # Every element also needs its anchor to hold content on the page (its part, when it
            # names one): a manual confirmation or a passing field check cannot stand for a section
            # the page does not show. The element's own checks speak first and their status stands
            # (a report not due yet is out of period); an empty anchor alone makes it missing.
            machine = [ch for ch in el.checks if ch.kind not in ("manual", "present")]
            own = [f for ch in machine for f in CHECKS[ch.kind](Ctx(site, year, tv, ch, el.part))]
            empty = check_present(Ctx(site, year, tv, PRESENT_CHECK, el.part))
            findings = own + empty
            basis = own or empty
            if el.is_manual:
                decl = view.note.manual.get(el.id) if view.note else None
                ok = decl is not None and decl.confirmed
                status = (MANUAL_OK if ok else MANUAL_PENDING) if not findings else basis[0].status
                statuses.append(ElementStatus(el, tv, status, findings, decl.evidence if decl else ""))
                continue
            if not findings:
                status = PRESENT
            elif any(f.status == MISSING for f in basis):
                status = MISSING
            elif all(f.status == NOT_DUE for f in basis):
                status = NOT_DUE
            else:
                status = OUT_OF_PERIOD
            statuses.append(ElementStatus(el, tv, status, findings))
        items.append(ItemStatus(view, statuses))
    return Readiness(year, items)
