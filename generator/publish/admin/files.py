"""Which content files the back office edits, with their models and Thai titles.

Read from the topic registry (generator/content/topics.py), so the forms never list a file by
hand: a topic added there gets its form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from generator.content import models as m
from generator.content.topics import (
    CONTENT,
    ITEMS_FILE,
    ORGANISATION_FILE,
    ORGANISATION_TOPICS,
    PERSISTENT_FILES,
    SINGLE_TOPIC_YEAR_FILES,
    TOPICS,
    YEAR_FILES,
    year_topics_of,
)

# Files holding several topics have no title of their own in the registry; the back office
# lists them under these.
YEAR_FILE_TITLES = {
    "operations": "แผนและผลการดำเนินงาน",
    "manuals": "คู่มือการปฏิบัติงานและการให้บริการ",
    "services": "การให้บริการ",
    "procurement": "การจัดซื้อจัดจ้าง",
    "hr": "การบริหารและพัฒนาทรัพยากรบุคคล",
    "ethics": "จริยธรรม",
    "no_gift": "No Gift Policy",
    "complaints": "เรื่องร้องเรียนการทุจริต",
    "risk": "ความเสี่ยงการทุจริต",
    "anti_corruption": "การป้องกันการทุจริต",
    ITEMS_FILE: "หมายเหตุรายข้อและการตรวจด้วยตนเอง",
}
ORGANISATION_TITLE = "ข้อมูลหน่วยงาน ช่องทางติดต่อ และการตั้งค่าเว็บไซต์"


@dataclass(frozen=True)
class ContentFile:
    """One file the clerk can edit: where it is, what model validates it, what it is called."""

    stem: str
    model: type[BaseModel] | None  # None: items.yml (its form comes from the year's catalogue)
    title: str
    year: int | None = None  # fiscal year folder, None for the top of content/

    @property
    def path(self) -> str:
        """Relative to the project root, as `oit check` names it: 'content/2569/procurement.yml'."""
        folder = f"{CONTENT}/{self.year}" if self.year is not None else CONTENT
        return f"{folder}/{self.stem}.yml"

    @property
    def topics(self) -> list[str]:
        """Topic keys whose content lives in this file."""
        if self.stem == ORGANISATION_FILE:
            return sorted(ORGANISATION_TOPICS)
        if self.year is None:
            return [self.stem]
        return [] if self.stem == ITEMS_FILE else year_topics_of(self.stem)

    @property
    def sections(self) -> bool:
        """A year file whose top-level keys are topics of their own (procurement.monthly …)."""
        return self.year is not None and self.stem in YEAR_FILES and self.stem not in SINGLE_TOPIC_YEAR_FILES


def persistent_files() -> list[ContentFile]:
    out = [ContentFile(ORGANISATION_FILE, m.Organisation, ORGANISATION_TITLE)]
    out += [ContentFile(stem, model, TOPICS[stem].title) for stem, model in PERSISTENT_FILES.items()]
    return out


def year_files(fy: int) -> list[ContentFile]:
    out = []
    for stem, model in YEAR_FILES.items():
        title = TOPICS[stem].title if stem in TOPICS else YEAR_FILE_TITLES[stem]
        out.append(ContentFile(stem, model, title, fy))
    out.append(ContentFile(ITEMS_FILE, None, YEAR_FILE_TITLES[ITEMS_FILE], fy))
    return out


_YEAR = re.compile(r"^[0-9]{4}$")


def content_years(content_dir: Path) -> list[int]:
    """Fiscal-year folders present in content/, newest first (`oit new-year` adds one)."""
    if not content_dir.is_dir():
        return []
    years = {int(p.name) for p in content_dir.iterdir() if p.is_dir() and _YEAR.match(p.name)}
    return sorted(years, reverse=True)


def content_files(content_dir: Path) -> list[ContentFile]:
    """Every file the back office edits: organisation and persistent topics, then each year's files."""
    out = persistent_files()
    for fy in content_years(content_dir):
        out += year_files(fy)
    return out


def file_at(content_dir: Path, path: str) -> ContentFile | None:
    """The content file a root-relative path names ('content/2569/news.yml'), if it is one we edit."""
    return next((f for f in content_files(content_dir) if f.path == path), None)
