"""The ITA's fixed vocabulary: its three tools, ten indicators, seven ประเด็น and score levels."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from generator import thai
from generator.content.scalars import _S_NUMBER, _number

Tool = Literal["IIT", "EIT", "OIT"]
TOOLS: tuple[Tool, ...] = ("IIT", "EIT", "OIT")
INDICATORS: dict[int, tuple[str, str]] = {
    1: ("IIT", "การปฏิบัติหน้าที่"),
    2: ("IIT", "การใช้งบประมาณ"),
    3: ("IIT", "การใช้อำนาจ"),
    4: ("IIT", "การใช้ทรัพย์สินของราชการ"),
    5: ("IIT", "การแก้ไขปัญหาการทุจริต"),
    6: ("EIT", "คุณภาพการดำเนินงาน"),
    7: ("EIT", "ประสิทธิภาพการสื่อสาร"),
    8: ("EIT", "การปรับปรุงระบบการทำงาน"),
    9: ("OIT", "การเปิดเผยข้อมูล"),
    10: ("OIT", "การป้องกันการทุจริต"),
}
TOOLS_TH = {
    "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
    "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
    "OIT": "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)",
}
ISSUES: dict[int, str] = {
    1: "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
    2: "การให้บริการและระบบ E-Service",
    3: "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ",
    4: "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
    5: "กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง",
    6: "กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล",
    7: "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน",
}
Indicator = Annotated[int, BeforeValidator(_number), Field(ge=1, le=10), WithJsonSchema(_S_NUMBER)]
Issue = Annotated[int, BeforeValidator(_number), Field(ge=1, le=7), WithJsonSchema(_S_NUMBER)]

LEVEL_BANDS = [("AA", 95.0), ("A", 85.0), ("B", 75.0), ("C", 65.0), ("D", 55.0), ("E", 50.0), ("F", 0.0)]
# Published pass labels and the score range each allows (lowest, highest).
LEVEL_LABELS = {
    "ผ่านดีเยี่ยม": (95.0, 100.0),
    "ดีเยี่ยม": (95.0, 100.0),
    "ผ่านดี": (85.0, 100.0),
    "ผ่าน": (85.0, 100.0),
    "ต้องปรับปรุง": (70.0, 84.99),
    "ต้องปรับปรุงโดยด่วน": (0.0, 69.99),
}


# Labels that also need every tool (IIT, EIT, OIT) at a floor (seen in published label rules).
LEVEL_TOOL_FLOOR = {"ผ่านดีเยี่ยม": 95.0, "ดีเยี่ยม": 95.0, "ผ่านดี": 85.0}


def band_of(score: float) -> str:
    return next(level for level, low in LEVEL_BANDS if score >= low)



TOOL_INDICATORS: dict[str, list[int]] = {
    tool: [n for n, (t, _) in INDICATORS.items() if t == tool] for tool in ("IIT", "EIT", "OIT")
}


def group_title(kind: str | None, n: int | None, label: str | None = None, style: str = "arabic") -> str:
    """The heading of a group of measures: "ตัวชี้วัดที่ 3 การใช้อำนาจ", "ประเด็นที่ 5 …", or
    "มาตรการอื่น ๆ" for measures that name neither. `label` is the LAO's own wording of the name."""
    if kind == "indicator" and n is not None:
        return f"ตัวชี้วัดที่ {thai.digits(str(n), style)} {label or INDICATORS[n][1]}"
    if kind == "issue" and n is not None:
        return f"ประเด็นที่ {thai.digits(str(n), style)} {label or ISSUES[n]}"
    return "มาตรการอื่น ๆ"
