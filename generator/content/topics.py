"""The topic registry: every topic a clerk writes, the file it lives in, and its Thai title.

Content is keyed by stable topics (`executives`, `procurement.monthly`), not by the O-codes of one
year: each year's catalogue maps its items onto these topics.
"""

from __future__ import annotations

from pydantic import BaseModel

from generator.content.models import (
    AntiCorruptionFile, Assessment, Authority, Channels, ComplaintsFile, EntryList, EServices,
    EthicsFile, Executives, HrFile, ManualsFile, Measures, NoGiftFile, OperationsFile, Plan,
    Privacy, ProcurementFile, Results, RiskFile, Section, ServicesFile, Steps, Structure,
)

# Persistent topics: file stem → (model, Thai title). One file = one topic.
PERSISTENT_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "structure": (Structure, "โครงสร้างหน่วยงาน"),
    "executives": (Executives, "ข้อมูลผู้บริหาร"),
    "authority": (Authority, "อำนาจหน้าที่"),
    "development_plan": (Plan, "แผนพัฒนาท้องถิ่น"),
    "laws": (Section, "กฎหมายที่เกี่ยวข้อง"),
    "qa": (Channels, "ช่องทางถาม-ตอบ (Q&A)"),
    "eservice": (EServices, "บริการออนไลน์ (E-Service)"),
    "complaint_channels": (Channels, "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
    "complaint_guideline": (Steps, "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
    "privacy": (Privacy, "นโยบายคุ้มครองข้อมูลส่วนบุคคล"),
}

# Year files: file stem → model. Files with sections give topics "<stem>.<section>".
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
    "items": None,  # per-item notes: dict[O-code, ItemNote]; see load.py
}
SINGLE_TOPIC_YEAR_FILES = {"participation", "news", "assessment", "measures", "results"}

# Topics that come from organisation.yml rather than a file of their own.
ORGANISATION_TOPICS = {"contact": "ข้อมูลการติดต่อ", "social": "เครือข่ายสังคมออนไลน์"}

TOPIC_TITLES: dict[str, str] = {
    **ORGANISATION_TOPICS,
    **{k: t for k, (_, t) in PERSISTENT_FILES.items()},
    "operations.plan": "แผนการดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
    "operations.progress": "รายงานความก้าวหน้าการดำเนินงานและการใช้จ่ายงบประมาณ รอบ 6 เดือน",
    "operations.report": "รายงานผลการดำเนินงานประจำปี",
    "manuals.staff": "คู่มือการปฏิบัติงานของเจ้าหน้าที่",
    "manuals.service": "คู่มือการให้บริการ",
    "services.statistics": "สถิติการให้บริการ",
    "services.satisfaction": "ผลสำรวจความพึงพอใจการให้บริการ",
    "procurement.plan": "แผนการจัดซื้อจัดจ้าง",
    "procurement.announcements": "ประกาศเกี่ยวกับการจัดซื้อจัดจ้าง",
    "procurement.progress": "รายการและความก้าวหน้าการจัดซื้อจัดจ้าง",
    "procurement.monthly": "สรุปผลการจัดซื้อจัดจ้างรายเดือน",
    "procurement.report": "รายงานผลการจัดซื้อจัดจ้างประจำปี",
    "hr.plan": "นโยบายและแผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "hr.criteria": "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
    "hr.implementation": "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล",
    "hr.report": "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
    "ethics.code": "ประมวลจริยธรรม",
    "ethics.working_group": "คณะทำงานขับเคลื่อนจริยธรรม",
    "ethics.dos_donts": "แนวปฏิบัติ Dos & Don'ts",
    "ethics.training": "การอบรมและกิจกรรมด้านจริยธรรม",
    "ethics.assessment": "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ",
    "no_gift.announcement": "ประกาศเจตนารมณ์ No Gift Policy",
    "no_gift.activity": "กิจกรรมสร้างวัฒนธรรม No Gift Policy",
    "no_gift.report": "รายงานผลตามนโยบาย No Gift Policy",
    "complaints.statistics": "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "participation": "การเปิดโอกาสให้มีส่วนร่วม",
    "risk.assessment": "การประเมินความเสี่ยงการทุจริต",
    "risk.report": "รายงานผลการดำเนินการจัดการความเสี่ยงการทุจริต",
    "anti_corruption.plan": "แผนปฏิบัติการป้องกันการทุจริต",
    "anti_corruption.progress": "รายงานความก้าวหน้าการดำเนินการป้องกันการทุจริต รอบ 6 เดือน",
    "anti_corruption.report": "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
    "news": "ข่าวประชาสัมพันธ์",
    "assessment": "ผลการประเมินและการวิเคราะห์ผล ITA",
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "results": "ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
}


def year_topics() -> list[str]:
    out = []
    for stem, model in YEAR_FILES.items():
        if model is None:
            continue
        if stem in SINGLE_TOPIC_YEAR_FILES:
            out.append(stem)
        else:
            out.extend(f"{stem}.{name}" for name in model.model_fields)
    return out


PERSISTENT_TOPICS = set(ORGANISATION_TOPICS) | set(PERSISTENT_FILES)
YEAR_TOPICS = set(year_topics())
ALL_TOPICS = PERSISTENT_TOPICS | YEAR_TOPICS
TOPIC_PARTS = {
    "contact": {"address", "phone", "email", "map"},
    "structure": {"chart", "political", "permanent"},
    "executives": {"political", "permanent"},
    "assessment": {"scores", "recommendations", "analysis"},
    "results": {"memo"},
    "eservice": {"statistics"},
}

# Headings under which each part of a topic sits on an item page (for the ITAS explanation).
PART_TITLES = {
    ("contact", "address"): "ที่อยู่",
    ("contact", "phone"): "โทรศัพท์",
    ("contact", "email"): "อีเมล",
    ("contact", "map"): "แผนที่ตั้ง",
    ("structure", "chart"): "แผนผังโครงสร้าง",
    ("structure", "political"): "ฝ่ายการเมือง",
    ("structure", "permanent"): "ฝ่ายประจำ",
    ("executives", "political"): "ผู้บริหารฝ่ายการเมือง",
    ("executives", "permanent"): "ผู้บริหารฝ่ายประจำ",
    ("assessment", "scores"): "คะแนนรายตัวชี้วัด",
    ("assessment", "recommendations"): "ข้อเสนอแนะจากสำนักงาน ป.ป.ช.",
    ("assessment", "analysis"): "การวิเคราะห์ผลการประเมิน",
    ("results", "memo"): "บันทึกข้อความเสนอผู้บริหาร",
    ("eservice", "statistics"): "สถิติการใช้บริการออนไลน์",
}
