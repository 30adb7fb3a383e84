"""What the home page puts first for citizens, from the content the LAO already keeps.

The latest news (news.yml entries of every fiscal year) and announcements (procurement
announcements), shortcuts to the services and complaint channels (the item pages that show
those topics), and the executives' lead (people.lead). Each points at the page that holds it
in full, so nothing here is written twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.content.models import Document, Entry, EntryList, Person, Section
from generator.content.people import lead
from generator.content.site import Site
from generator.content.topics import TOPICS
from generator.content.views import ItemView, showing

LATEST = 5  # news and announcements listed on the home page


@dataclass
class Where:
    """An item page and the heading on it (docs path, anchor)."""

    path: str
    anchor: str


@dataclass
class NewsEntry:
    entry: Entry
    fy: int
    where: Where | None  # the item page listing it, None when no published item shows the year


@dataclass
class Announcement:
    document: Document
    fy: int
    where: Where | None


@dataclass
class Shortcut:
    title: str
    text: str
    where: Where


# (topic, title, what the visitor finds there), in the order a citizen looks for them
SHORTCUTS = [
    ("eservice", "บริการออนไลน์ (E-Service)", "ยื่นคำร้องและขอรับบริการออนไลน์"),
    ("complaint_channels", "ร้องเรียนการทุจริต", "แจ้งเบาะแสการทุจริตและการประพฤติมิชอบ"),
    ("qa", "ถาม-ตอบ (Q&A)", "สอบถามและรับคำตอบจากหน่วยงาน"),
    ("procurement.announcements", "ประกาศจัดซื้อจัดจ้าง", "ประกาศเชิญชวนและประกาศผู้ชนะ"),
    ("news", "ข่าวประชาสัมพันธ์", "ข่าวและกิจกรรมของหน่วยงาน"),
    ("manuals.service", "คู่มือการให้บริการ", "ขั้นตอน เอกสาร และระยะเวลา"),
]


def _where(items_by_year: dict[int, list[ItemView]], topic: str, fy: int | None) -> Where | None:
    view, tv = showing(items_by_year, topic, fy)
    if view is None or tv is None:
        return None
    return Where(view.path, tv.anchor)


def _fiscal_years(site: Site) -> list[int]:
    return sorted(site.years, reverse=True)


def news(site: Site, items_by_year: dict[int, list[ItemView]], limit: int = LATEST) -> list[NewsEntry]:
    """The newest news entries of every fiscal year, newest first."""
    out: list[NewsEntry] = []
    for fy in _fiscal_years(site):
        model = site.topic("news", fy)
        if isinstance(model, EntryList) and model.entries:
            where = _where(items_by_year, "news", fy)
            out.extend(NewsEntry(e, fy, where) for e in model.entries)
    out.sort(key=lambda n: n.entry.date, reverse=True)
    return out[:limit]


def announcements(site: Site, items_by_year: dict[int, list[ItemView]],
                  limit: int = LATEST) -> list[Announcement]:
    """The newest dated procurement announcements, newest first."""
    out: list[Announcement] = []
    for fy in _fiscal_years(site):
        model = site.topic("procurement.announcements", fy)
        if isinstance(model, Section) and model.documents:
            where = _where(items_by_year, "procurement.announcements", fy)
            out.extend(Announcement(d, fy, where) for d in model.documents if d.date)
    out.sort(key=lambda a: a.document.date or date.min, reverse=True)
    return out[:limit]


def shortcuts(site: Site, items_by_year: dict[int, list[ItemView]]) -> list[Shortcut]:
    """Links to the pages citizens look for first, for the topics this site shows."""
    out = []
    for topic, title, text in SHORTCUTS:
        if TOPICS[topic].persistent:
            where = _where(items_by_year, topic, None)
        else:  # the newest fiscal year whose content a published item shows
            where = next((w for fy in _fiscal_years(site) if (w := _where(items_by_year, topic, fy))), None)
        if where:
            out.append(Shortcut(title, text, where))
    return out


def executives_lead(site: Site, items_by_year: dict[int, list[ItemView]]) -> tuple[list[Person], Where | None]:
    """The chief of each side and the page of the executives chart."""
    return lead(site.executives()), _where(items_by_year, "executives", None)
