"""Which content files the back office edits, with their models and Thai titles.

One function (`content_files`) answers it from the data model's tables, so the forms never list
a file by hand. When the topic registry lands (generator/content/topics.py), only this module
changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from .. import model as m
from ..load import CONTENT, ORGANISATION_FILE

# Files holding several topics have no single topic title; these name the file as a whole.
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
    "items": "หมายเหตุรายข้อและการตรวจด้วยตนเอง",
}
ORGANISATION_TITLE = "ข้อมูลหน่วยงาน ช่องทางติดต่อ และการตั้งค่าเว็บไซต์"
ITEMS = "items"  # content/<year>/items.yml: notes keyed by O-code, not a model of its own


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
        """Topic keys whose content lives in this file (for readiness links)."""
        if self.stem == ORGANISATION_FILE:
            return list(m.ORGANISATION_TOPICS)
        if self.year is None or self.stem in m.SINGLE_TOPIC_YEAR_FILES:
            return [self.stem]
        if self.model is None:
            return []
        return [f"{self.stem}.{name}" for name in self.model.model_fields]


def persistent_files() -> list[ContentFile]:
    out = [ContentFile(ORGANISATION_FILE, m.Organisation, ORGANISATION_TITLE)]
    out += [ContentFile(stem, model, title) for stem, (model, title) in m.PERSISTENT_FILES.items()]
    return out


def year_files(fy: int) -> list[ContentFile]:
    out = []
    for stem, model in m.YEAR_FILES.items():
        title = m.TOPIC_TITLES.get(stem) or YEAR_FILE_TITLES[stem]
        out.append(ContentFile(stem, model, title, fy))
    return out


_YEAR = re.compile(r"^[0-9]{4}$")


def content_years(content_dir: Path) -> list[int]:
    """Fiscal-year folders present in content/, newest first (a new year is added with `oit new-year`)."""
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
    for f in content_files(content_dir):
        if f.path == path:
            return f
    return None
