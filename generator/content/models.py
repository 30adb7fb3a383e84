"""The content data model: every file a clerk edits, as typed pydantic models.

Models forbid unknown keys (a typo gets "did you mean …?" instead of being ignored), accept what
clerks naturally write (Thai or Arabic digits, BE or ISO dates, a string where a list is allowed)
and normalise it. Field descriptions are Thai: they become the JSON Schema that editors show.
Scalar types are in `scalars.py`, the ITA's vocabulary in `ita.py`, which file holds which topic in
`topics.py`. Rules that need more than one file (a result naming a measure, a file existing on disk)
live in `generator/checks/`, not here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from generator import thai
from generator.content import messages as msg
from generator.content.ita import LEVEL_BANDS, LEVEL_LABELS, LEVEL_TOOL_FLOOR, Indicator, Issue, Tool, band_of
from generator.content.scalars import (
    _S_TEXT,
    _S_TEXT_LIST,
    BEYear,
    Code,
    Count,
    FilePath,
    Markdown,
    MarkdownList,
    NationalId,
    Number,
    PlainName,
    Score,
    StatusField,
    Text,
    TextList,
    ThaiDate,
    Url,
    YearMonth,
    _solid,
    _text,
    fail,
)

# --------------------------------------------------------------------------- building blocks


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


class Period(Base):
    """ช่วงเวลาที่เอกสารครอบคลุม"""

    start: ThaiDate = Field(description="วันเริ่มต้น เช่น 1 ต.ค. 2567 หรือ 2024-10-01")
    end: ThaiDate = Field(description="วันสิ้นสุด เช่น 31 มี.ค. 2568")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, v: Any) -> Any:
        if isinstance(v, str):
            parts = re.split(r"\s+(?:–|-|—|ถึง)\s+", v.strip())
            if len(parts) != 2:
                raise fail(msg.BAD_PERIOD, value=v)
            return {"start": parts[0], "end": parts[1]}
        return v

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise fail(msg.PERIOD_REVERSED)
        return self


class Document(Base):
    """เอกสารหนึ่งรายการ: ไฟล์ในโฟลเดอร์ content/ หรือลิงก์"""

    title: Text = Field(description="ชื่อเอกสารที่แสดงบนเว็บไซต์")
    file: FilePath | None = Field(None, description="ไฟล์ในโฟลเดอร์ content/ เช่น files/2568/แผน.pdf")
    url: Url | None = Field(None, description="ลิงก์ไปยังเอกสาร (ถ้าไม่มีไฟล์)")
    date: ThaiDate | None = Field(None, description="วันที่ของเอกสาร (ลงนาม/ประกาศ)")
    period: Period | None = Field(None, description="ช่วงเวลาที่เอกสารครอบคลุม")
    fiscal_year: BEYear | None = Field(None, description="ปีงบประมาณ พ.ศ. ของเอกสาร")
    signed_by: Text | None = Field(None, description="ชื่อผู้ลงนาม (เช่น นายก อบต.)")
    note: Markdown | None = Field(None, description="คำอธิบายเพิ่มเติม")

    @model_validator(mode="after")
    def _one_source(self) -> Document:
        if not self.file and not self.url:
            raise fail(msg.DOCUMENT_WITHOUT_SOURCE, title=self.title)
        if self.file and self.url:
            raise fail(msg.DOCUMENT_TWO_SOURCES, title=self.title)
        return self


class Link(Base):
    """ลิงก์ไปยังหน้าเว็บอื่น"""

    title: Text
    url: Url
    note: Markdown | None = None


class Section(Base):
    """ส่วนเนื้อหาทั่วไป: คำอธิบาย เอกสาร และลิงก์"""

    description: Markdown | None = Field(None, description="คำอธิบาย (เขียนแบบ Markdown ได้)")
    documents: list[Document] = Field(default_factory=list, description="เอกสารประกอบ")
    links: list[Link] = Field(default_factory=list, description="ลิงก์ที่เกี่ยวข้อง")
    updated: ThaiDate | None = Field(
        None, description="วันที่ปรับปรุงข้อมูลล่าสุด (ถ้าไม่ใส่ ใช้วันที่ล่าสุดของเอกสาร)"
    )

    def is_empty(self) -> bool:
        data = self.model_dump(exclude_defaults=True, exclude={"updated"})
        return not any(v not in (None, "", [], {}) for v in data.values())


class Entry(Base):
    """รายการที่มีวันที่ เช่น ข่าว กิจกรรม"""

    title: Text
    date: ThaiDate = Field(description="วันที่ของข่าว/กิจกรรม")
    description: Markdown | None = None
    documents: list[Document] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)


class EntryList(Section):
    """รายการข่าวหรือกิจกรรมของปี"""

    entries: list[Entry] = Field(default_factory=list, description="ข่าว/กิจกรรม เรียงตามวันที่")


# --------------------------------------------------------------------------- organisation

ORG_TYPES = {
    "อบต.": "องค์การบริหารส่วนตำบล",
    "เทศบาลตำบล": "เทศบาลตำบล",
    "เทศบาลเมือง": "เทศบาลเมือง",
    "เทศบาลนคร": "เทศบาลนคร",
    "อบจ.": "องค์การบริหารส่วนจังหวัด",
    "เมืองพัทยา": "เมืองพัทยา",
    "กรุงเทพมหานคร": "กรุงเทพมหานคร",
}
_ORG_TYPE_ALIASES = {v: k for k, v in ORG_TYPES.items()} | {"อบต": "อบต.", "อบจ": "อบจ.", "ทต.": "เทศบาลตำบล", "ทม.": "เทศบาลเมือง", "ทน.": "เทศบาลนคร"}
OrgType = Annotated[
    Literal["อบต.", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "อบจ.", "เมืองพัทยา", "กรุงเทพมหานคร"],
    BeforeValidator(lambda v: _ORG_TYPE_ALIASES.get(v.strip(), v.strip()) if isinstance(v, str) else v),
    WithJsonSchema({"enum": [*ORG_TYPES, *_ORG_TYPE_ALIASES]}),
]

Platform = Literal["facebook", "line", "youtube", "tiktok", "x", "instagram", "website", "other"]


class SocialChannel(Base):
    platform: Platform = Field(description="ประเภท: facebook, line, youtube, tiktok, x, instagram, website, other")
    url: Url
    label: Text | None = Field(None, description="ชื่อที่แสดง เช่น เพจ อบต.บ้านสุขใจ")


_BRANCH = re.compile(r"^[A-Za-z0-9._/-]+$")


def _branch(v: str) -> str:
    # Part of the edit button's address, which the theme prints into href="…" unescaped.
    if not _BRANCH.match(v):
        raise fail(msg.BAD_BRANCH, value=v)
    return v


LICENCES = {
    # id (as data.go.th and the Open Definition name it) → (title, address)
    "CC-BY-4.0": ("Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution-ShareAlike 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODC-BY-1.0": ("Open Data Commons Attribution License 1.0", "https://opendatacommons.org/licenses/by/1-0/"),
}


class OpenDataSettings(Base):
    """ข้อมูลเปิด (open data): ตารางที่เปิดเผยเผยแพร่เป็น CSV และ JSON พร้อมคำอธิบายชุดข้อมูล"""

    licence: Literal["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODC-BY-1.0"] = Field(
        "CC-BY-4.0", description="สัญญาอนุญาตของข้อมูลเปิด (ค่าเริ่มต้น CC-BY-4.0: ใช้ได้อย่างเสรีโดยอ้างอิงแหล่งที่มา)",
    )
    contact: Text | None = Field(None, description="ชื่อผู้ติดต่อหรือหน่วยงานที่ดูแลข้อมูลเปิด (ถ้าไม่ใส่ ใช้ชื่อหน่วยงาน)")
    email: Text | None = Field(None, description="อีเมลผู้ดูแลข้อมูลเปิด (ถ้าไม่ใส่ ใช้อีเมลแรกของหน่วยงาน)")
    ocds: bool = Field(
        False, description="true เพื่อเผยแพร่ข้อมูลการจัดซื้อจัดจ้างตามมาตรฐาน OCDS (Open Contracting Data Standard) ด้วย",
    )
    ocid_prefix: Text | None = Field(
        None, description="คำนำหน้ารหัส OCDS ที่ลงทะเบียนกับ Open Contracting Partnership เช่น ocds-a1b2c3 "
        "(ถ้าไม่ใส่ ใช้ค่าทดลองที่สร้างจากชื่อหน่วยงาน)",
    )


class SiteSettings(Base):
    """การตั้งค่าเว็บไซต์"""

    site_url: Url | None = Field(
        None,
        description="ที่อยู่เว็บไซต์จริงแบบเต็ม รวมโฟลเดอร์ย่อย เช่น https://example.go.th/ita/ "
        "(ใช้สร้างลิงก์สำหรับกรอกในระบบ ITAS)",
    )
    digits: Literal["arabic", "thai"] = Field("arabic", description="ตัวเลขที่ระบบสร้าง: arabic (1 2 3) หรือ thai (๑ ๒ ๓)")
    years: list[BEYear] = Field(
        default_factory=list,
        description="ปี ITA ที่จะเผยแพร่ (ถ้าไม่ใส่ เผยแพร่ทุกปีที่มีรายการ OIT)",
    )
    readiness_page: bool = Field(False, description="สร้างหน้าตรวจความพร้อมสำหรับผู้ดูแล (ไม่แสดงในเมนูและการค้นหา)")
    back_office: bool = Field(
        True,
        description="ใส่หน้าหลังบ้าน /admin/ ในเว็บไซต์ที่เผยแพร่บน GitHub (ราว 6.5 MB ต่อเว็บไซต์; ปิดได้ถ้าแก้ข้อมูลด้วย "
        "oit serve หรือ GitHub เท่านั้น เช่น repository ของจังหวัดที่มีหลายหน่วยงาน)",
    )
    repo_url: Url | None = Field(None, description="ที่อยู่ repository บน GitHub สำหรับปุ่ม แก้ไขหน้านี้")
    edit_branch: Annotated[str, BeforeValidator(_text), AfterValidator(_branch), WithJsonSchema(_S_TEXT)] = Field(
        "main", description="branch ที่ใช้แก้ไข"
    )
    repo_subdir: Text = Field(
        "", description="โฟลเดอร์ของโครงการนี้ใน repository (ถ้า repository เก็บหลายหน่วยงาน เช่น lao/bansukjai)"
    )
    description: PlainName | None = Field(None, description="คำอธิบายเว็บไซต์สำหรับเครื่องมือค้นหา")
    max_document_mb: Annotated[Number, Field(gt=0)] = Field(
        50, description="ขนาดเอกสารหรือภาพ (MB) ที่เกินแล้วจะเตือน ค่าเริ่มต้น 50 (GitHub Pages รับไฟล์ไม่เกิน 100)"
    )
    open_data: OpenDataSettings = Field(
        default_factory=OpenDataSettings,
        description="ข้อมูลเปิด: ไฟล์ CSV และ JSON ของตารางที่เปิดเผย (สัญญาอนุญาต ผู้ติดต่อ OCDS)",
    )
    english: bool = Field(
        False, description="true เพื่อสร้างหน้าสรุปภาษาอังกฤษ (ข้อมูลหน่วยงาน การติดต่อ รายการ OIT) สำหรับชาวต่างชาติ",
    )

    @model_validator(mode="after")
    def _url_slash(self) -> SiteSettings:
        if self.site_url and not self.site_url.endswith("/"):
            self.site_url += "/"
        return self


class ConsentedId(Base):
    """เลขประจำตัวประชาชนที่เจ้าของยินยอมให้เผยแพร่ (a national ID its owner agreed to publish)"""

    id: NationalId = Field(description="เลขประจำตัวประชาชน 13 หลัก ตรงกับที่ปรากฏในข้อความหรือชื่อไฟล์")
    note: Text = Field(description="ผู้ให้ความยินยอม และหลักฐานความยินยอมเก็บไว้ที่ใด")


class Consent(Base):
    """ความยินยอมให้เผยแพร่ข้อมูลส่วนบุคคล (ไม่แสดงบนเว็บไซต์)"""

    national_ids: list[ConsentedId] = Field(
        default_factory=list,
        description="เลขประจำตัวประชาชนที่เจ้าของยินยอมให้เผยแพร่ เลขอื่นที่พบในข้อความหรือชื่อไฟล์ทำให้สร้างเว็บไซต์ไม่ได้",
    )


class Organisation(Base):
    """ข้อมูลหน่วยงาน ช่องทางติดต่อ และการตั้งค่าเว็บไซต์ (content/organisation.yml)"""

    name: PlainName = Field(description="ชื่อเต็ม เช่น องค์การบริหารส่วนตำบลบ้านสุขใจ")
    short_name: PlainName | None = Field(None, description="ชื่อย่อ เช่น อบต.บ้านสุขใจ")
    type: OrgType = Field(description="ประเภท: อบต., เทศบาลตำบล, เทศบาลเมือง, เทศบาลนคร, อบจ.")
    district: PlainName = Field(description="อำเภอ")
    province: PlainName = Field(description="จังหวัด")
    address: Text = Field(description="ที่อยู่สำนักงาน")
    postcode: Text | None = None
    phone: TextList = Field(default_factory=list, description="หมายเลขโทรศัพท์ (หลายหมายเลขได้)")
    fax: TextList = Field(default_factory=list, description="หมายเลขโทรสาร")
    email: TextList = Field(default_factory=list, description="อีเมล")
    map_url: Url | None = Field(None, description="ลิงก์แผนที่ตั้งสำนักงาน")
    map_image: FilePath | None = Field(None, description="ภาพแผนที่ตั้ง (ไฟล์ในโฟลเดอร์ content/)")
    logo: FilePath | None = Field(None, description="ไฟล์ตราสัญลักษณ์")
    office_hours: Text | None = Field(None, description="เวลาทำการ")
    social: list[SocialChannel] = Field(default_factory=list, description="ช่องทางสื่อสังคมออนไลน์")
    about: Markdown | None = Field(None, description="ข้อความแนะนำหน่วยงานบนหน้าแรก")
    name_en: PlainName | None = Field(
        None, description="ชื่อหน่วยงานภาษาอังกฤษ เช่น Ban Sukjai Subdistrict Administrative Organization "
        "(ใช้ในหน้าสรุปภาษาอังกฤษ)",
    )
    about_en: Markdown | None = Field(None, description="ข้อความแนะนำหน่วยงานภาษาอังกฤษ (ใช้ในหน้าสรุปภาษาอังกฤษ)")
    site: SiteSettings = Field(default_factory=SiteSettings)
    consent: Consent = Field(default_factory=Consent, description="ความยินยอมให้เผยแพร่ข้อมูลส่วนบุคคล (ไม่แสดงบนเว็บไซต์)")


# --------------------------------------------------------------------------- persistent topics


class Unit(Base):
    """หน่วยงานในโครงสร้าง"""

    name: Text = Field(description="ชื่อส่วนราชการ/ตำแหน่ง เช่น กองคลัง, สภา อบต.")
    head: Text | None = Field(None, description="ตำแหน่งหัวหน้า เช่น ผู้อำนวยการกองคลัง")
    description: Markdown | None = None
    units: list[Unit] = Field(default_factory=list, description="หน่วยงานย่อย")


class StructureSide(Base):
    description: Markdown | None = None
    units: list[Unit] = Field(default_factory=list)
    chart: list[Document] = Field(default_factory=list, description="แผนผัง (ภาพหรือ PDF)")


class Structure(Section):
    """โครงสร้างหน่วยงาน: ฝ่ายการเมืองและฝ่ายประจำ (content/structure.yml)"""

    political: StructureSide | None = Field(None, description="ฝ่ายการเมือง (นายก สภา)")
    permanent: StructureSide | None = Field(None, description="ฝ่ายประจำ (ปลัด สำนัก กอง)")


# Levels of the executives chart, top first (generator/content/people.py reads them from the post).
Tier = Literal["chief", "deputy", "staff", "council", "head", "other"]


class Person(Base):
    """ผู้บริหารหนึ่งคน หรือตำแหน่งว่าง"""

    position: Text = Field(description="ตำแหน่ง")
    name: Text | None = Field(None, description="ชื่อ-นามสกุล (เว้นว่างถ้าตำแหน่งว่าง)")
    vacant: bool = Field(False, description="true ถ้าตำแหน่งว่าง")
    photo: FilePath | None = Field(None, description="รูปถ่ายสี (ไฟล์ในโฟลเดอร์ content/)")
    phone: TextList = Field(default_factory=list)
    email: TextList = Field(default_factory=list)
    contact: Text | None = Field(None, description="ช่องทางติดต่ออื่น เช่น LINE ID")
    chief_executive: bool = Field(False, description="true สำหรับผู้บริหารสูงสุด (นายก)")
    tier: Tier | None = Field(
        None, description="ระดับในแผนผังผู้บริหาร (ถ้าไม่ใส่ ระบบอ่านจากตำแหน่ง): chief = นายก/ปลัด, "
        "deputy = รองนายก/รองปลัด, staff = เลขานุการ/ที่ปรึกษา, council = สภา, head = หัวหน้าส่วนราชการ, other = อื่น ๆ",
    )
    acting: Text | None = Field(None, description="ผู้รักษาราชการแทน (ถ้าตำแหน่งว่าง)")
    since: ThaiDate | None = Field(None, description="วันที่เริ่มดำรงตำแหน่ง")
    until: ThaiDate | None = Field(None, description="วันที่พ้นจากตำแหน่ง (ผู้บริหารในอดีต)")

    @model_validator(mode="after")
    def _name_or_vacant(self) -> Person:
        if not self.vacant and not self.name:
            raise fail(msg.POSITION_WITHOUT_NAME, position=self.position)
        return self

    def has_contact(self) -> bool:
        return bool(self.phone or self.email or self.contact)

    @property
    def former(self) -> bool:
        """Left office (`until` set): kept in the data, no longer shown as an executive."""
        return self.until is not None

    def in_office(self, on: date) -> bool:
        return self.in_office_during(on, on)

    def in_office_during(self, start: date, end: date) -> bool:
        """In office at some time between `start` and `end`."""
        return (self.since is None or self.since <= end) and (self.until is None or start <= self.until)


class Executives(Section):
    """ข้อมูลผู้บริหาร (content/executives.yml)"""

    political: list[Person] = Field(default_factory=list, description="ผู้บริหารฝ่ายการเมือง")
    permanent: list[Person] = Field(default_factory=list, description="ผู้บริหารฝ่ายประจำ")

    def everyone(self) -> list[Person]:
        return [*self.political, *self.permanent]

    def current(self, side: str) -> list[Person]:
        """The people of one side ("political" or "permanent") shown on the page: not former."""
        people: list[Person] = getattr(self, side)
        return [p for p in people if not p.former]


class Authority(Section):
    """อำนาจหน้าที่ (content/authority.yml)"""

    duties: MarkdownList = Field(default_factory=list, description="หน้าที่และอำนาจ เป็นข้อ ๆ")
    legal_basis: TextList = Field(default_factory=list, description="กฎหมายที่ให้อำนาจ")


class Channel(Base):
    """ช่องทางติดต่อ/ถาม-ตอบ/ร้องเรียน"""

    name: Text
    kind: Literal[
        "webboard", "line", "messenger", "facebook", "chatbot", "form", "email", "phone",
        "letter", "in_person", "website", "other",
    ] = Field(description="ประเภทช่องทาง")
    url: Url | None = None
    value: Text | None = Field(None, description="หมายเลข/อีเมล/ที่อยู่ ถ้าไม่ใช่ลิงก์")
    description: Markdown | None = None


class Channels(Section):
    channels: list[Channel] = Field(default_factory=list)


class EService(Base):
    name: Text
    url: Url
    description: Markdown | None = None
    manual: Document | None = Field(None, description="คู่มือการใช้บริการ")


class EServices(Section):
    """บริการออนไลน์ (content/eservice.yml)"""

    services: list[EService] = Field(default_factory=list)
    statistics: Statistics | None = Field(None, description="สถิติการใช้บริการออนไลน์")


class Steps(Section):
    """แนวปฏิบัติที่เป็นขั้นตอน"""

    steps: MarkdownList = Field(default_factory=list, description="ขั้นตอน เป็นข้อ ๆ")
    responsible: TextList = Field(default_factory=list, description="ผู้รับผิดชอบ")
    duration: Text | None = Field(None, description="ระยะเวลาดำเนินการ")


class Privacy(Section):
    """นโยบายคุ้มครองข้อมูลส่วนบุคคล (content/privacy.yml)"""

    policy: Markdown | None = Field(None, description="เนื้อหานโยบาย")


class Policy(Section):
    """นโยบายของเว็บไซต์ (content/website_policy.yml, content/security_policy.yml)

    Without `policy` the site shows a default text written for LAOs; `policy` replaces it."""

    policy: Markdown | None = Field(
        None, description="เนื้อหานโยบายของหน่วยงาน (ถ้าไม่ใส่ เว็บไซต์แสดงนโยบายมาตรฐานที่เขียนไว้ให้)",
    )


class GeneralInfo(Section):
    """ข้อมูลทั่วไปของหน่วยงาน: ประวัติ สภาพพื้นที่ ประชากร วิสัยทัศน์ พันธกิจ (content/general.yml)"""

    history: Markdown | None = Field(None, description="ประวัติความเป็นมา")
    slogan: Text | None = Field(None, description="คำขวัญ")
    location: Markdown | None = Field(None, description="ที่ตั้งและอาณาเขต (ทิศเหนือ ใต้ ตะวันออก ตะวันตก)")
    area_km2: Number | None = Field(None, description="เนื้อที่ (ตารางกิโลเมตร)")
    terrain: Markdown | None = Field(None, description="ลักษณะภูมิประเทศ ภูมิอากาศ")
    villages: TextList = Field(default_factory=list, description="หมู่บ้าน/ชุมชนในเขต เช่น หมู่ที่ 1 บ้านสุขใจ")
    population: Count | None = Field(None, description="จำนวนประชากร (คน)")
    male: Count | None = Field(None, description="ชาย (คน)")
    female: Count | None = Field(None, description="หญิง (คน)")
    households: Count | None = Field(None, description="จำนวนครัวเรือน")
    population_as_of: ThaiDate | None = Field(None, description="ข้อมูลประชากร ณ วันที่ (เช่น จากทะเบียนราษฎร)")
    population_source: Text | None = Field(None, description="แหล่งข้อมูลประชากร เช่น สำนักทะเบียนอำเภอ")
    economy: Markdown | None = Field(None, description="สภาพเศรษฐกิจ อาชีพหลัก")
    vision: Markdown | None = Field(None, description="วิสัยทัศน์")
    missions: MarkdownList = Field(default_factory=list, description="พันธกิจ เป็นข้อ ๆ")
    goals: MarkdownList = Field(default_factory=list, description="เป้าประสงค์ เป็นข้อ ๆ")


class Plan(Section):
    """แผนหลายปี เช่น แผนพัฒนาท้องถิ่น"""

    strategies: TextList = Field(default_factory=list, description="ยุทธศาสตร์")


# --------------------------------------------------------------------------- year topics


class Project(Base):
    """โครงการ/กิจกรรมในแผน"""

    id: Code | None = Field(None, description="รหัสโครงการ (ใช้อ้างอิงในรายงานผล)")
    title: Text
    budget: Number | None = Field(None, description="งบประมาณ (บาท)")
    period: Text | None = None
    responsible: TextList = Field(default_factory=list)
    description: Markdown | None = None


class ProjectPlan(Section):
    projects: list[Project] = Field(default_factory=list)


class ProjectResult(Base):
    project: Code = Field(description="รหัสโครงการในแผน (id)")
    status: StatusField | None = None
    result: Markdown | None = None
    budget_used: Number | None = Field(None, description="งบประมาณที่ใช้ (บาท)")


class ProjectReport(Section):
    results: list[ProjectResult] = Field(default_factory=list)


class StatRow(Base):
    service: Text
    count: Count
    note: Text | None = None


class Statistics(Section):
    rows: list[StatRow] = Field(default_factory=list, description="สถิติแต่ละบริการ")
    period: Period | None = None


class ProcurementItem(Base):
    title: Text
    budget: Number | None = None
    method: Text | None = None
    status: Text | None = Field(None, description="ความก้าวหน้า เช่น ลงนามสัญญาแล้ว")
    contract_date: ThaiDate | None = None


class ProcurementProgress(Section):
    items: list[ProcurementItem] = Field(default_factory=list)
    as_of: ThaiDate | None = Field(None, description="ข้อมูล ณ วันที่")



class ProcurementRow(Base):
    """หนึ่งแถวของแบบ สขร.1 (สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน)"""

    no: Text | None = Field(None, description="ลำดับที่")
    title: Text = Field(description="งานที่จัดซื้อหรือจัดจ้าง")
    budget: Number | None = Field(None, description="วงเงินที่จัดซื้อหรือจัดจ้าง (บาท)")
    reference_price: Number | None = Field(None, description="ราคากลาง (บาท)")
    method: Text | None = Field(None, description="วิธีซื้อหรือจ้าง")
    bidders: Text | None = Field(None, description="รายชื่อผู้เสนอราคาและราคาที่เสนอ")
    winner: Text | None = Field(None, description="ผู้ได้รับการคัดเลือก")
    price: Number | None = Field(None, description="ราคาที่ตกลงซื้อหรือจ้าง (บาท)")
    reason: Text | None = Field(None, description="เหตุผลที่คัดเลือกโดยสรุป")
    contract: Text | None = Field(None, description="เลขที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง")
    contract_date: ThaiDate | None = Field(None, description="วันที่ของสัญญาหรือข้อตกลง")


class MonthEntry(Base):
    month: YearMonth = Field(description="เดือน เช่น ต.ค. 2567")
    documents: list[Document] = Field(default_factory=list)
    no_procurement: bool = Field(False, description="true ถ้าเดือนนี้ไม่มีการจัดซื้อจัดจ้าง")
    rows: list[ProcurementRow] = Field(
        default_factory=list, description="รายการตามแบบ สขร.1 ของเดือนนี้ (เผยแพร่เป็นตารางและไฟล์ CSV/JSON ด้วย)",
    )
    note: Markdown | None = None

    @property
    def ym(self) -> tuple[int, int]:
        y, m = self.month.split("-")
        return int(y), int(m)


class Monthly(Section):
    """สรุปผลการจัดซื้อจัดจ้างรายเดือน"""

    months: list[MonthEntry] = Field(default_factory=list)


class ComplaintStats(Section):
    total: Count | None = Field(None, description="จำนวนเรื่องร้องเรียนทั้งหมด")
    done: Count | None = Field(None, description="ดำเนินการแล้วเสร็จ")
    in_progress: Count | None = Field(None, description="อยู่ระหว่างดำเนินการ")
    period: Period | None = None


class Risk(Base):
    id: Code
    title: Text
    process: Text | None = Field(None, description="กระบวนงานที่มีความเสี่ยง")
    level: Text | None = Field(None, description="ระดับความเสี่ยง")
    controls: Markdown | None = Field(None, description="มาตรการควบคุม")


class RiskAssessment(Section):
    risks: list[Risk] = Field(default_factory=list)


class RiskResult(Base):
    risk: Code = Field(description="รหัสความเสี่ยง (id) ในการประเมิน")
    actions: Markdown | None = None
    result: Markdown | None = None
    status: StatusField | None = None


class RiskReport(Section):
    results: list[RiskResult] = Field(default_factory=list)


# --------------------------------------------------------------------------- assessment


class ToolScore(Base):
    score: Score | None = Field(None, description="คะแนนของแบบวัด (เต็ม 100)")
    weight: Score | None = Field(None, description="น้ำหนัก (ร้อยละ)")
    weighted: Score | None = Field(None, description="คะแนนถ่วงน้ำหนัก")


class IndicatorScore(Base):
    indicator: Indicator = Field(description="ตัวชี้วัดที่ 1–10")
    score: Score | None = None
    note: Markdown | None = None


class Recommendation(Base):
    code: Code = Field(description="ข้อคำถาม/ข้อ เช่น I17, E6, O38")
    text: Markdown

    @model_validator(mode="after")
    def _code(self) -> Recommendation:
        code = thai.to_arabic(self.code).upper().replace(" ", "")
        code = re.sub(r"^0(?=\d)", "O", code)  # "๐42" written with a Thai zero for O
        if not re.fullmatch(r"[IEO]\d{1,2}", code):
            raise fail(msg.BAD_ITEM_CODE, code=self.code)
        self.code = code
        return self


class AnalysisRow(Base):
    """ผลการวิเคราะห์ของตัวชี้วัดหรือประเด็นหนึ่ง"""

    indicator: Indicator | None = Field(None, description="ตัวชี้วัดที่ 1–10")
    issue: Issue | None = Field(None, description="ประเด็นที่ 1–7")
    title: Text | None = Field(None, description="ชื่อที่แสดง (ถ้าไม่ใส่ใช้ชื่อตัวชี้วัด/ประเด็น)")
    maintain: Markdown | None = Field(None, description="ประเด็นที่ควรรักษามาตรฐานหรือพัฒนาให้ดีขึ้น")
    weaknesses: Markdown | None = Field(None, description="ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน")

    @model_validator(mode="after")
    def _one_group(self) -> AnalysisRow:
        if (self.indicator is None) == (self.issue is None):
            raise fail(msg.ANALYSIS_GROUP)
        return self

    @property
    def group(self) -> tuple[str, int]:
        if self.indicator is not None:
            return ("indicator", self.indicator)
        assert self.issue is not None  # _one_group: exactly one of the two
        return ("issue", self.issue)


class Assessment(Section):
    """ผลการประเมิน ITA ของปี (content/<ปี>/assessment.yml)"""

    score: Score = Field(description="คะแนนรวมตามที่ประกาศ")
    level: Text = Field(description="ระดับตามที่ประกาศ เช่น A, C, ผ่าน, ผ่านดีเยี่ยม")
    summary: Markdown | None = Field(None, description="สรุปผลการประเมิน")
    tools: dict[Tool, ToolScore] = Field(default_factory=dict, description="คะแนนรายแบบวัด IIT EIT OIT")
    indicators: list[IndicatorScore] = Field(default_factory=list, description="คะแนนรายตัวชี้วัด")
    recommendations_intro: Markdown | None = None
    recommendations: list[Recommendation] = Field(default_factory=list, description="ข้อเสนอแนะของ ป.ป.ช.")
    analysis_intro: Markdown | None = None
    analysis: list[AnalysisRow] = Field(default_factory=list, description="การวิเคราะห์ผลรายตัวชี้วัด/ประเด็น")
    limitations: Markdown | None = Field(None, description="ข้อจำกัด")

    @model_validator(mode="after")
    def _level_matches(self) -> Assessment:
        level = self.level.replace("ระดับ", "").strip()
        if level.upper() in dict(LEVEL_BANDS):
            expected = band_of(self.score)
            if level.upper() != expected:
                raise fail(msg.LEVEL_BAND, at=("level",), level=level, score=self.score, expected=expected)
        elif level in LEVEL_LABELS:
            low, high = LEVEL_LABELS[level]
            if not low <= self.score <= high:
                raise fail(msg.LEVEL_LABEL, at=("level",), level=level, score=self.score, low=low, high=high)
            floor = LEVEL_TOOL_FLOOR.get(level)
            low_tools = [t for t, ts in self.tools.items() if floor and ts.score is not None and ts.score < floor]
            if low_tools:
                raise fail(msg.LEVEL_TOOL_FLOOR, at=("level",), level=level, floor=floor, tools=', '.join(low_tools))
        return self

    @model_validator(mode="after")
    def _unique_indicators(self) -> Assessment:
        first: dict[int, int] = {}
        for i, row in enumerate(self.indicators):
            if row.indicator in first:
                raise fail(msg.INDICATOR_TWICE, at=("indicators", i, "indicator"), indicator=row.indicator, first=first[row.indicator] + 1)
            first[row.indicator] = i
        return self


# --------------------------------------------------------------------------- measures and results

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def _measure_id(v: Any) -> Any:
    v = _text(v)
    if isinstance(v, str):
        v = _solid(thai.to_arabic(v).rstrip("."))
        if not _ID.match(v):
            raise fail(msg.BAD_ID, value=v)
    return v


MeasureId = Annotated[str, BeforeValidator(_measure_id), WithJsonSchema(_S_TEXT)]


class Question(Base):
    code: Code = Field(description="ข้อคำถาม ITA เช่น i1, e6")
    text: Markdown | None = Field(None, description="ข้อความคำถาม")

    @model_validator(mode="after")
    def _code(self) -> Question:
        code = thai.to_arabic(self.code).replace(" ", "")
        if not re.fullmatch(r"[IiEeOo]\d{1,2}", code):
            raise fail(msg.BAD_QUESTION_CODE, code=self.code)
        self.code = code[0].lower() + code[1:]
        return self


def _steps(v: Any) -> Any:
    """Steps may be Markdown text or a list of steps (rendered as a numbered list)."""
    if isinstance(v, list):
        return "\n".join(f"{i}. {_text(s)}" for i, s in enumerate(v, 1))
    return _text(v)


StepsText = Annotated[str, BeforeValidator(_steps), WithJsonSchema(_S_TEXT_LIST)]


class Measure(Base):
    """มาตรการส่งเสริมคุณธรรมและความโปร่งใสหนึ่งมาตรการ"""

    id: MeasureId = Field(description="รหัสมาตรการ (อังกฤษ/ตัวเลข) ใช้อ้างอิงในรายงานผล")
    no: Text | None = Field(None, description="ลำดับที่แสดงตามเอกสาร (ถ้าต่างจาก id)")
    indicator: Indicator | None = Field(None, description="ตัวชี้วัดที่ 1–10 ที่มาตรการนี้ตอบ")
    issue: Issue | None = Field(None, description="ประเด็นที่ 1–7 ที่มาตรการนี้ตอบ")
    group_label: Text | None = Field(None, description="ชื่อกลุ่มตามที่เขียนในเอกสาร (ถ้าต่างจากชื่อมาตรฐาน)")
    title: Text = Field(description="ชื่อมาตรการ/กิจกรรม")
    questions: list[Question] = Field(default_factory=list, description="ข้อคำถาม ITA ที่เกี่ยวข้อง")
    finding: Markdown | None = Field(None, description="ข้อค้นพบ")
    steps: StepsText | None = Field(None, description="ขั้นตอน/วิธีการปฏิบัติ")
    period: Text | None = Field(None, description="ระยะเวลา เช่น ไตรมาส ๑-๔ หรือ ต.ค. 2567 – ก.ย. 2568")
    responsible: TextList = Field(default_factory=list, description="ผู้รับผิดชอบ/หน่วยงาน")
    monitoring: Markdown | None = Field(None, description="การกำกับติดตามและรายงานผล")
    documents: list[Document] = Field(default_factory=list)

    @model_validator(mode="after")
    def _group(self) -> Measure:
        if self.indicator is not None and self.issue is not None:
            raise fail(msg.MEASURE_TWO_GROUPS, id=self.id)
        return self

    @property
    def label(self) -> str:
        return self.no or self.id


class Measures(Section):
    """มาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณ (content/<ปี>/measures.yml)"""

    based_on: BEYear | None = Field(None, description="ปี ITA ที่นำผลมาวิเคราะห์ (ถ้าไม่ใส่ = ปีก่อน)")
    intro: Markdown | None = None
    measures: list[Measure] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> Measures:
        first: dict[str, int] = {}
        for i, mm in enumerate(self.measures):
            if mm.id in first:
                raise fail(msg.MEASURE_ID_TWICE, at=("measures", i, "id"), id=mm.id, first=first[mm.id] + 1)
            first[mm.id] = i
        return self


_CROSS_YEAR = re.compile(r"^(\d{4})\s*:\s*([A-Za-z0-9][A-Za-z0-9_-]*)$")


def _measure_ref(v: Any) -> Any:
    v = _text(v)
    if isinstance(v, str):
        v = _solid(thai.to_arabic(v).strip().rstrip("."))
        if ":" in v:  # another year's measure, "2568:m1"; the year must be one, or `ref` cannot split it
            m = _CROSS_YEAR.match(v)
            if m is None or int(m.group(1)) not in thai.BE_RANGE:
                raise fail(msg.BAD_MEASURE_REF, value=v)
            v = f"{m.group(1)}:{m.group(2)}"
    return v


class Result(Base):
    """ผลการดำเนินการตามมาตรการหนึ่ง"""

    measure: Annotated[str, BeforeValidator(_measure_ref)] = Field(
        description="รหัสมาตรการ (id) ใน measures.yml ของปีเดียวกัน หรือ <ปี>:<id> สำหรับมาตรการของปีอื่น"
    )
    status: StatusField = Field(description="done (ดำเนินการแล้ว), in_progress, not_started")
    summary: Markdown | None = Field(None, description="สรุปผลการดำเนินการ")
    outcomes: Markdown | None = Field(None, description="ผลลัพธ์หรือความสำเร็จ")
    reason: Markdown | None = Field(None, description="เหตุผล (ถ้ายังไม่ดำเนินการ)")
    documents: list[Document] = Field(default_factory=list)

    def ref(self, fy: int) -> tuple[int, str]:
        if ":" in self.measure:
            y, mid = self.measure.split(":", 1)
            return int(y), mid
        return fy, self.measure


class Improvement(Base):
    """แนวทางยกระดับผลการประเมินของตัวชี้วัดหนึ่ง"""

    indicator: Indicator
    score: Score | None = None
    label: Text | None = Field(None, description="ชื่อตัวชี้วัดตามที่เขียนในเอกสาร")
    approach: Markdown = Field(description="แนวทางในการยกระดับ")
    responsible: TextList = Field(default_factory=list)
    period: Text | None = None
    progress: Markdown | None = Field(None, description="ความก้าวหน้าผลการดำเนินการ")
    status: StatusField | None = None


class Signature(Base):
    """ความเห็นและลายมือชื่อในบันทึกข้อความ"""

    to: Text | None = Field(None, description="เรียน ...")
    opinion: Markdown | None = Field(None, description="ความเห็น")
    name: Text
    position: Text
    date: ThaiDate | None = None


class Memo(Base):
    """บันทึกข้อความเสนอผู้บริหาร"""

    department: Text = Field(description="ส่วนราชการ")
    number: Text | None = Field(None, description="ที่")
    date: ThaiDate | None = Field(None, description="วันที่")
    subject: Text = Field(description="เรื่อง")
    to: Text = Field(description="เรียน")
    body: Markdown
    signatures: list[Signature] = Field(default_factory=list, description="ผู้เสนอและลำดับการพิจารณา")
    document: Document | None = Field(None, description="ไฟล์บันทึกข้อความที่ลงนามแล้ว")


class ImprovementHeading(Base):
    """หัวข้อของกลุ่มแนวทางยกระดับตามแบบวัด ตามที่เขียนในเอกสาร"""

    title: Text = Field(description="หัวข้อ เช่น สรุปการประเมิน IIT เพื่อยกระดับการประเมิน")
    note: Markdown | None = Field(None, description="ข้อความใต้หัวข้อ")


class Results(Section):
    """รายงานผลการดำเนินการตามมาตรการ (content/<ปี>/results.yml)"""

    intro: Markdown | None = None
    results: list[Result] = Field(default_factory=list)
    improvements_intro: Markdown | None = None
    improvement_headings: dict[Tool, ImprovementHeading] = Field(
        default_factory=dict, description="หัวข้อของแต่ละแบบวัด (IIT EIT OIT) ถ้าต่างจากชื่อมาตรฐาน"
    )
    improvements: list[Improvement] = Field(default_factory=list)
    memo: Memo | None = None


# --------------------------------------------------------------------------- per-item notes


class ManualCheck(Base):
    """องค์ประกอบที่ต้องตรวจด้วยตนเอง"""

    confirmed: bool = Field(description="true เมื่อตรวจแล้วว่ามีครบ")
    evidence: Text = Field(description="หลักฐานอยู่ที่ใด (หัวข้อ/เอกสาร)")
    by: Text | None = Field(None, description="ผู้ตรวจ")
    date: ThaiDate | None = None


class ItemNote(Base):
    note: Markdown | None = Field(None, description="คำอธิบายเพิ่มเติมบนหน้ารายการ")
    manual: dict[str, ManualCheck] = Field(default_factory=dict, description="องค์ประกอบที่ตรวจด้วยตนเอง")


# --------------------------------------------------------------------------- files


class OperationsFile(Base):
    plan: ProjectPlan | None = Field(None, description="แผนการดำเนินงานและการใช้จ่ายงบประมาณประจำปี")
    progress: ProjectReport | None = Field(None, description="รายงานความก้าวหน้ารอบ 6 เดือน")
    report: ProjectReport | None = Field(None, description="รายงานผลการดำเนินงานประจำปี")


class ManualsFile(Base):
    staff: Section | None = Field(None, description="คู่มือการปฏิบัติงานของเจ้าหน้าที่")
    service: Section | None = Field(None, description="คู่มือการให้บริการประชาชน")


class ServicesFile(Base):
    statistics: Statistics | None = Field(None, description="สถิติการให้บริการ")
    satisfaction: Section | None = Field(None, description="ผลสำรวจความพึงพอใจ")


class ProcurementFile(Base):
    plan: Section | None = Field(None, description="แผนการจัดซื้อจัดจ้าง")
    announcements: Section | None = Field(None, description="ประกาศจัดซื้อจัดจ้าง")
    progress: ProcurementProgress | None = Field(None, description="รายการและความก้าวหน้าการจัดซื้อจัดจ้าง")
    monthly: Monthly | None = Field(None, description="สรุปผลการจัดซื้อจัดจ้างรายเดือน")
    report: Section | None = Field(None, description="รายงานผลการจัดซื้อจัดจ้างประจำปี")


class HrFile(Base):
    plan: Section | None = Field(None, description="นโยบาย/แผนการบริหารและพัฒนาทรัพยากรบุคคล")
    criteria: Section | None = Field(None, description="หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล")
    implementation: Section | None = Field(None, description="การดำเนินการตามนโยบาย")
    report: Section | None = Field(None, description="รายงานผลประจำปี")


class EthicsFile(Base):
    code: Section | None = Field(None, description="ประมวลจริยธรรม")
    working_group: Section | None = Field(None, description="คำสั่งคณะทำงานขับเคลื่อนจริยธรรม")
    dos_donts: Section | None = Field(None, description="แนวปฏิบัติ Dos & Don'ts")
    training: EntryList | None = Field(None, description="การอบรม/กิจกรรมด้านจริยธรรม")
    assessment: Section | None = Field(None, description="การประเมินจริยธรรมเจ้าหน้าที่")


class NoGiftFile(Base):
    announcement: Section | None = Field(None, description="ประกาศเจตนารมณ์ No Gift Policy (ใส่ signed_by ในเอกสาร)")
    activity: EntryList | None = Field(None, description="กิจกรรมสร้างวัฒนธรรม No Gift")
    report: Section | None = Field(None, description="รายงานผลตามนโยบาย/การรับทรัพย์สิน")


class ComplaintsFile(Base):
    statistics: ComplaintStats | None = Field(None, description="สถิติเรื่องร้องเรียนการทุจริต")


class RiskFile(Base):
    assessment: RiskAssessment | None = Field(None, description="การประเมินความเสี่ยงการทุจริต")
    report: RiskReport | None = Field(None, description="รายงานผลการจัดการความเสี่ยง")


class AntiCorruptionFile(Base):
    plan: ProjectPlan | None = Field(None, description="แผนปฏิบัติการป้องกันการทุจริต")
    progress: ProjectReport | None = Field(None, description="รายงานความก้าวหน้ารอบ 6 เดือน")
    report: ProjectReport | None = Field(None, description="รายงานผลประจำปี")


Unit.model_rebuild()
EServices.model_rebuild()
