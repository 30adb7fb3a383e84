"""The topic registry: every topic a clerk writes, and everything the program knows about it.

Content is keyed by stable topics (`executives`, `procurement.monthly`), not by the O-codes of one
year: each year's catalogue maps its items onto these topics. A topic is defined here once — its
model, the file it lives in, its Thai title, the template that shows it, and its parts (the
headings an element of a catalogue may point at, each with its anchor, title and the rule for
when the page shows it). The loader, the templates, readiness, the ITAS sheet, the JSON Schemas
and the scaffold all read this table, so they cannot disagree about a topic.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from types import UnionType
from typing import Any, Literal

from pydantic import BaseModel

from generator.content.models import (
    AntiCorruptionFile,
    Assessment,
    Authority,
    Channels,
    ComplaintsFile,
    ComplaintStats,
    EntryList,
    EServices,
    EthicsFile,
    Executives,
    GeneralInfo,
    HrFile,
    ManualsFile,
    Measures,
    Monthly,
    NoGiftFile,
    OperationsFile,
    Organisation,
    Plan,
    Policy,
    Privacy,
    ProcurementFile,
    ProcurementProgress,
    ProjectPlan,
    ProjectReport,
    Results,
    RiskAssessment,
    RiskFile,
    RiskReport,
    Section,
    ServicesFile,
    Statistics,
    Steps,
    Structure,
)

CONTENT = "content"  # the clerk's folder
ORGANISATION_FILE = "organisation"  # content/organisation.yml: the LAO, its contacts, site settings
ITEMS_FILE = "items"  # content/<ITA year>/items.yml: per-item notes and manual checks
# content/<year>/import-leftovers.yml: what `oit import` could not place. Never part of the site;
# only read by load.py to warn about each entry until the clerk has moved it and deleted the file.
LEFTOVERS_FILE = "import-leftovers"
LEFTOVERS_KEY = "leftovers"  # its list of entries (where, why, text)
CATALOGUES_DIR = "catalogues"  # content/catalogues/: the LAO's own item catalogues

# Persistent files: file stem → model. One file holds one topic of the same name.
PERSISTENT_FILES: dict[str, type[Section]] = {
    "structure": Structure,
    "executives": Executives,
    "authority": Authority,
    "development_plan": Plan,
    "laws": Section,
    "qa": Channels,
    "eservice": EServices,
    "complaint_channels": Channels,
    "complaint_guideline": Steps,
    "privacy": Privacy,
    "general": GeneralInfo,
    "website_policy": Policy,
    "security_policy": Policy,
}

# Year files (content/<FY>/): file stem → model. A file whose stem is in SINGLE_TOPIC_YEAR_FILES
# is one topic; each section of the others is a topic "<stem>.<section>".
YEAR_FILES: dict[str, type[BaseModel]] = {
    "operations": OperationsFile,
    "manuals": ManualsFile,
    "services": ServicesFile,
    "procurement": ProcurementFile,
    "hr": HrFile,
    "ethics": EthicsFile,
    "no_gift": NoGiftFile,
    "complaints": ComplaintsFile,
    "participation": EntryList,
    "risk": RiskFile,
    "anti_corruption": AntiCorruptionFile,
    "news": EntryList,
    "assessment": Assessment,
    "measures": Measures,
    "results": Results,
}
SINGLE_TOPIC_YEAR_FILES = {"participation", "news", "assessment", "measures", "results"}

# The template that shows a topic of each model, unless the topic names its own.
KIND_TEMPLATES: dict[type[BaseModel], str] = {
    Section: "kinds/Section.md.j2",
    Authority: "kinds/Authority.md.j2",
    Channels: "kinds/Channels.md.j2",
    ComplaintStats: "kinds/ComplaintStats.md.j2",
    EServices: "kinds/EServices.md.j2",
    EntryList: "kinds/EntryList.md.j2",
    Monthly: "kinds/Monthly.md.j2",
    Plan: "kinds/Plan.md.j2",
    Privacy: "kinds/Privacy.md.j2",
    ProcurementProgress: "kinds/ProcurementProgress.md.j2",
    ProjectPlan: "kinds/ProjectPlan.md.j2",
    ProjectReport: "kinds/ProjectReport.md.j2",
    RiskAssessment: "kinds/RiskAssessment.md.j2",
    RiskReport: "kinds/RiskReport.md.j2",
    Statistics: "kinds/Statistics.md.j2",
    Steps: "kinds/Steps.md.j2",
}


def filled(value: Any) -> bool:
    """Whether a value holds anything a page could show (an empty list, text or section does not)."""
    if value is None or value == "" or value == [] or value == {}:
        return False
    if isinstance(value, Section):
        return not value.is_empty()
    if isinstance(value, BaseModel):
        return any(filled(getattr(value, f)) for f in type(value).model_fields)
    return True


@dataclass(frozen=True)
class Part:
    """A part of a topic under an anchor of its own, which a catalogue element may point at.

    `fields` are the model's fields the part shows: the part is on the page when any of them is
    filled, unless `shown` says otherwise (executives: only people in office count). Blanking
    these fields takes the part off the page (the mutation test relies on it)."""

    id: str
    title: str  # the heading (or label) on the item page, also named in the ITAS explanation
    fields: tuple[str, ...]
    shown: Callable[[Any], bool] | None = None

    def is_shown(self, model: Any) -> bool:
        if self.shown is not None:
            return self.shown(model)
        return any(filled(getattr(model, f, None)) for f in self.fields)


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    model: type[BaseModel]
    kind: Literal["organisation", "persistent", "year"]
    template: str
    parts: dict[str, Part] = field(default_factory=dict)
    # organisation topics only: the fields of organisation.yml the topic shows (the file also
    # holds the LAO's name and settings, which are not this topic's content)
    fields: tuple[str, ...] = ()

    @property
    def stem(self) -> str:
        """The file the topic lives in, without folder and suffix."""
        return ORGANISATION_FILE if self.kind == "organisation" else self.key.partition(".")[0]

    @property
    def section(self) -> str | None:
        """The key inside the year file (`monthly` of `procurement.monthly`), if any."""
        return self.key.partition(".")[2] or None

    @property
    def persistent(self) -> bool:
        return self.kind != "year"

    @property
    def anchor(self) -> str:
        return self.key.replace(".", "-").replace("_", "-")

    def part_anchor(self, part: str | None) -> str:
        return f"{self.anchor}-{part}" if part else self.anchor

    def has_content(self, model: BaseModel | None) -> bool:
        """Whether the clerk wrote anything for this topic (the page shows more than a notice)."""
        if model is None:
            return False
        if self.fields:
            return any(filled(getattr(model, f, None)) for f in self.fields)
        if isinstance(model, Section):
            return not model.is_empty()
        return True

    def shows(self, part: str, model: BaseModel | None) -> bool:
        """Whether the page shows `part` of this topic for `model`."""
        return self.has_content(model) and self.parts[part].is_shown(model)

    def holds(self, part: str | None, model: BaseModel | None) -> bool:
        """Whether the anchor of `part` (or of the whole topic) holds content on the page: the one
        definition readiness, the item page and the ITAS sheet share."""
        return self.shows(part, model) if part else self.has_content(model)


def _current(side: str) -> Callable[[Any], bool]:
    return lambda ex: bool(ex.current(side))


def _parts(*parts: Part) -> dict[str, Part]:
    return {p.id: p for p in parts}


# Titles and parts of every topic, in the order a clerk meets them.
_TOPICS: list[tuple[str, str, dict[str, Part], str | None]] = [
    # (key, Thai title, parts, own template or None for the model's KIND_TEMPLATES entry)
    ("contact", "ข้อมูลการติดต่อ", _parts(
        Part("address", "ที่อยู่", ("address",)),
        Part("phone", "โทรศัพท์", ("phone",)),
        Part("email", "อีเมล", ("email",)),
        Part("map", "แผนที่ตั้ง", ("map_url", "map_image")),
    ), "topics/contact.md.j2"),
    ("social", "เครือข่ายสังคมออนไลน์", {}, "topics/social.md.j2"),
    ("structure", "โครงสร้างหน่วยงาน", _parts(
        Part("chart", "แผนผังโครงสร้าง", ("documents",)),
        Part("political", "ฝ่ายการเมือง", ("political",)),
        Part("permanent", "ฝ่ายประจำ", ("permanent",)),
    ), "topics/structure.md.j2"),
    ("executives", "ข้อมูลผู้บริหาร", _parts(
        Part("political", "ผู้บริหารฝ่ายการเมือง", ("political",), _current("political")),
        Part("permanent", "ผู้บริหารฝ่ายประจำ", ("permanent",), _current("permanent")),
    ), "topics/executives.md.j2"),
    ("authority", "อำนาจหน้าที่", {}, None),
    ("development_plan", "แผนพัฒนาท้องถิ่น", {}, None),
    ("laws", "กฎหมายที่เกี่ยวข้อง", {}, None),
    ("qa", "ช่องทางถาม-ตอบ (Q&A)", {}, None),
    ("eservice", "บริการออนไลน์ (E-Service)", _parts(
        Part("statistics", "สถิติการใช้บริการออนไลน์", ("statistics",)),
    ), None),
    ("complaint_channels", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", {}, None),
    ("complaint_guideline", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", {}, None),
    ("privacy", "นโยบายคุ้มครองข้อมูลส่วนบุคคล", {}, None),
    ("general", "ข้อมูลทั่วไป", _parts(
        Part("history", "ประวัติความเป็นมา", ("history",)),
        Part("area", "สภาพทั่วไปและที่ตั้ง", ("location", "area_km2", "terrain", "villages")),
        Part("population", "ประชากร", ("population", "male", "female", "households")),
        Part("economy", "สภาพเศรษฐกิจ", ("economy",)),
        Part("vision", "วิสัยทัศน์และพันธกิจ", ("vision", "missions", "goals")),
    ), "topics/general.md.j2"),
    ("website_policy", "นโยบายเว็บไซต์", {}, "topics/website_policy.md.j2"),
    ("security_policy", "นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์", {}, "topics/security_policy.md.j2"),
    ("operations.plan", "แผนการดำเนินงานและการใช้จ่ายงบประมาณประจำปี", {}, None),
    ("operations.progress", "รายงานความก้าวหน้าการดำเนินงานและการใช้จ่ายงบประมาณ รอบ 6 เดือน", {}, None),
    ("operations.report", "รายงานผลการดำเนินงานประจำปี", {}, None),
    ("manuals.staff", "คู่มือการปฏิบัติงานของเจ้าหน้าที่", {}, None),
    ("manuals.service", "คู่มือการให้บริการ", {}, None),
    ("services.statistics", "สถิติการให้บริการ", {}, None),
    ("services.satisfaction", "ผลสำรวจความพึงพอใจการให้บริการ", {}, None),
    ("procurement.plan", "แผนการจัดซื้อจัดจ้าง", {}, None),
    ("procurement.announcements", "ประกาศเกี่ยวกับการจัดซื้อจัดจ้าง", {}, None),
    ("procurement.progress", "รายการและความก้าวหน้าการจัดซื้อจัดจ้าง", {}, None),
    ("procurement.monthly", "สรุปผลการจัดซื้อจัดจ้างรายเดือน", {}, None),
    ("procurement.report", "รายงานผลการจัดซื้อจัดจ้างประจำปี", {}, None),
    ("hr.plan", "นโยบายและแผนการบริหารและพัฒนาทรัพยากรบุคคล", {}, None),
    ("hr.criteria", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", {}, None),
    ("hr.implementation", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", {}, None),
    ("hr.report", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", {}, None),
    ("ethics.code", "ประมวลจริยธรรม", {}, None),
    ("ethics.working_group", "คณะทำงานขับเคลื่อนจริยธรรม", {}, None),
    ("ethics.dos_donts", "แนวปฏิบัติ Dos & Don'ts", {}, None),
    ("ethics.training", "การอบรมและกิจกรรมด้านจริยธรรม", {}, None),
    ("ethics.assessment", "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ", {}, None),
    ("no_gift.announcement", "ประกาศเจตนารมณ์ No Gift Policy", {}, None),
    ("no_gift.activity", "กิจกรรมสร้างวัฒนธรรม No Gift Policy", {}, None),
    ("no_gift.report", "รายงานผลตามนโยบาย No Gift Policy", {}, None),
    ("complaints.statistics", "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", {}, None),
    ("participation", "การเปิดโอกาสให้มีส่วนร่วม", {}, None),
    ("risk.assessment", "การประเมินความเสี่ยงการทุจริต", {}, None),
    ("risk.report", "รายงานผลการดำเนินการจัดการความเสี่ยงการทุจริต", {}, None),
    ("anti_corruption.plan", "แผนปฏิบัติการป้องกันการทุจริต", {}, None),
    ("anti_corruption.progress", "รายงานความก้าวหน้าการดำเนินการป้องกันการทุจริต รอบ 6 เดือน", {}, None),
    ("anti_corruption.report", "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี", {}, None),
    ("news", "ข่าวประชาสัมพันธ์", {}, None),
    ("assessment", "ผลการประเมินและการวิเคราะห์ผล ITA", _parts(
        Part("scores", "คะแนนรายตัวชี้วัด", ("indicators", "tools")),
        Part("recommendations", "ข้อเสนอแนะจากสำนักงาน ป.ป.ช.", ("recommendations", "recommendations_intro"),
             lambda a: bool(a.recommendations)),
        Part("analysis", "การวิเคราะห์ผลการประเมิน", ("analysis", "analysis_intro")),
    ), "topics/assessment.md.j2"),
    ("measures", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", {}, "topics/measures.md.j2"),
    ("results", "ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", _parts(
        Part("memo", "บันทึกข้อความเสนอผู้บริหาร", ("memo",)),
    ), "topics/results.md.j2"),
]


def _section_model(file_model: type[BaseModel], section: str) -> type[BaseModel]:
    """The model of one section of a year file (`Monthly` for ProcurementFile.monthly)."""
    annotation = file_model.model_fields[section].annotation
    if typing.get_origin(annotation) in (typing.Union, UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    assert isinstance(annotation, type) and issubclass(annotation, BaseModel), (file_model, section)
    return annotation


# The fields of organisation.yml each organisation topic shows (its other fields are the LAO's
# name and the site's settings).
_ORGANISATION_FIELDS = {
    "contact": ("address", "postcode", "phone", "fax", "email", "map_url", "map_image", "office_hours"),
    "social": ("social",),
}


def _topic(key: str, title: str, parts: dict[str, Part], template: str | None) -> Topic:
    stem, _, section = key.partition(".")
    model: type[BaseModel]
    if key in ("contact", "social"):
        kind, model = "organisation", Organisation
    elif key in PERSISTENT_FILES:
        kind, model = "persistent", PERSISTENT_FILES[key]
    else:
        kind = "year"
        model = _section_model(YEAR_FILES[stem], section) if section else YEAR_FILES[stem]
    return Topic(key, title, model, kind, template or KIND_TEMPLATES[model], parts,  # type: ignore[arg-type]
                 _ORGANISATION_FIELDS.get(key, ()))


TOPICS: dict[str, Topic] = {key: _topic(key, title, parts, tpl) for key, title, parts, tpl in _TOPICS}

ORGANISATION_TOPICS = {k for k, t in TOPICS.items() if t.kind == "organisation"}
PERSISTENT_TOPICS = {k for k, t in TOPICS.items() if t.persistent}
YEAR_TOPICS = {k for k, t in TOPICS.items() if t.kind == "year"}
ALL_TOPICS = set(TOPICS)


def year_topics_of(stem: str) -> list[str]:
    """The topics a year file holds, in the file's order."""
    if stem in SINGLE_TOPIC_YEAR_FILES:
        return [stem]
    return [f"{stem}.{name}" for name in YEAR_FILES[stem].model_fields]
