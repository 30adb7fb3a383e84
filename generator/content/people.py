"""The executives as a chart: who sits on which level of each side.

A Thai LAO's political side is led by its chief executive (นายก), then the deputies (รองนายก),
the chief executive's secretaries and advisers, and the council (สภา); its permanent side by the
ปลัด, then the รองปลัด, then the heads of the divisions (หัวหน้าสำนักปลัด, ผู้อำนวยการกอง …).
Clerks already write each post's title, so the level is read from it; `tier:` in
executives.yml overrides that for a post worded otherwise. Within a level the clerk's order is
kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.content.models import Executives, Person, Tier

# Level titles, top first, per side; only levels with somebody in them are shown.
LEVELS: dict[str, list[tuple[Tier, str]]] = {
    "political": [
        ("chief", "ผู้บริหารสูงสุด"),
        ("deputy", "รองผู้บริหาร"),
        ("staff", "เลขานุการและที่ปรึกษา"),
        ("council", "สภาท้องถิ่น"),
        ("other", "ตำแหน่งอื่น"),
    ],
    "permanent": [
        ("chief", "ปลัด"),
        ("deputy", "รองปลัด"),
        ("head", "หัวหน้าส่วนราชการ"),
        ("other", "ตำแหน่งอื่น"),
    ],
}

_SPACE = re.compile(r"\s+")


def tier_of(person: Person, side: str) -> Tier:
    """The level of a post: `tier:` when the clerk set it, else read from the post's title."""
    if person.tier is not None:
        return person.tier
    post = _SPACE.sub("", person.position)
    if side == "political":
        if person.chief_executive:
            return "chief"
        if "สภา" in post:  # ประธานสภา, รองประธานสภา, เลขานุการสภา, สมาชิกสภา
            return "council"
        if post.startswith("รองนายก"):
            return "deputy"
        if post.startswith(("เลขานุการนายก", "ที่ปรึกษานายก", "ที่ปรึกษา", "เลขานุการ")):
            return "staff"
        if post.startswith(("นายก", "ผู้ว่าราชการกรุงเทพ", "ผู้ว่าราชการเมืองพัทยา")):
            return "chief"
        return "other"
    if post.startswith("รองปลัด"):
        return "deputy"
    if post.startswith("ปลัด"):
        return "chief"
    if post.startswith(("หัวหน้า", "ผู้อำนวยการ", "ผอ.")):
        return "head"
    return "other"


@dataclass
class Level:
    tier: Tier
    title: str
    people: list[Person]

    @property
    def anchor(self) -> str:
        return self.tier


def chart(execs: Executives, side: str) -> list[Level]:
    """The current people of one side ("political" or "permanent") by level, top first."""
    by_tier: dict[str, list[Person]] = {}
    for person in execs.current(side):
        by_tier.setdefault(tier_of(person, side), []).append(person)
    return [Level(tier, title, by_tier[tier]) for tier, title in LEVELS[side] if tier in by_tier]


def lead(execs: Executives | None) -> list[Person]:
    """Who leads the LAO, for the home page: the current chief of each side (นายก, ปลัด), the
    political side first; a vacant post is included (it shows who acts)."""
    if execs is None:
        return []
    out = []
    for side in ("political", "permanent"):
        levels = chart(execs, side)
        if levels and levels[0].tier == "chief":
            out.append(levels[0].people[0])
    return out
