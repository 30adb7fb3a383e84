"""Recognising a table by the words of its header row, and the indicator/ประเด็น a label names.

Columns are recognised by header words, never by position: "ระยะเวลาในการดำเนินการ",
"ระยะเวลา ดำเนินการ" and "ระยะเวลาดำเนินการ" are all the period. The patterns are tried in order,
most specific first ("สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม" is a result summary although it
contains "มาตรการ"; "ความก้าวหน้าผลการดำเนินการ" is progress although it contains
"ผลการดำเนินการ"). A table's kind follows from the set of roles it has.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from generator import thai
from generator.content import ita


def squash(text: str) -> str:
    """Comparison form: Thai digits → Arabic, no whitespace, lower case."""
    return re.sub(r"[\s\u200b\u00a0]+", "", thai.to_arabic(text)).lower()


# (role, patterns on the squashed header text) — first match wins.
ROLES: list[tuple[str, tuple[str, ...]]] = [
    ("weighted", ("ถ่วงน้ำหนัก",)),
    ("weight", ("น้ำหนัก",)),
    ("tool_score", ("คะแนนที่ได้", "คะแนนแบบวัด", "คะแนนรายแบบวัด")),
    ("level", ("ระดับผล", "ระดับคะแนน")),
    ("maintain", ("ควรรักษา", "รักษามาตรฐาน", "จุดแข็ง")),
    ("weaknesses", ("ข้อบกพร่อง", "จุดอ่อน", "แก้ไขโดยเร่งด่วน", "ต้องแก้ไข")),
    ("approach", ("ยกระดับ",)),
    ("progress", ("ความก้าวหน้า",)),
    ("outcomes", ("ผลลัพธ์", "ความสำเร็จ")),
    ("questions", ("ข้อความita", "ข้อคำถาม", "ข้อคําถาม", "คำถามita", "ประเด็นคำถาม")),
    ("finding", ("ข้อค้นพบ", "สิ่งที่พบ")),
    ("reason", ("เหตุผล", "สาเหตุที่ยังไม่")),
    ("status", ("สถานะ",)),
    ("period", ("ระยะเวลา", "ห้วงเวลา", "ช่วงเวลา", "กำหนดเวลา")),
    ("responsible", ("ผู้รับผิดชอบ", "หน่วยงานรับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "ผู้ดำเนินการ", "หน่วยดำเนินการ")),
    ("monitoring", ("การติดตาม", "ติดตามประเมินผล", "กำกับติดตาม", "ติดตามและรายงาน")),
    ("summary", ("สรุปผล", "ผลการดำเนินการ", "ผลการดำเนินงาน", "การดำเนินการตามมาตรการ")),
    ("steps", ("วิธีดำเนินการ", "วิธีการดำเนินการ", "ขั้นตอน", "วิธีการปฏิบัติ", "แนวทางการดำเนินการ", "วิธีการ")),
    ("score", ("คะแนน",)),
    ("no", ("ลำดับ",)),
    ("title", ("มาตรการ", "กิจกรรม", "โครงการ", "แนวทาง")),
    ("issue", ("ประเด็น",)),
    ("indicator", ("ตัวชี้วัด",)),
]
_EXACT = {"ที่": "no", "ข้อ": "no", "ลำดับที่": "no"}

ROLE_TH = {
    "no": "ลำดับ", "title": "มาตรการ/กิจกรรม", "steps": "ขั้นตอน/วิธีดำเนินการ", "period": "ระยะเวลา",
    "responsible": "ผู้รับผิดชอบ", "monitoring": "การติดตาม", "summary": "สรุปผลการดำเนินการ",
    "outcomes": "ผลลัพธ์", "indicator": "ตัวชี้วัด", "issue": "ประเด็น", "questions": "ข้อความ ITA",
    "finding": "ข้อค้นพบ", "score": "คะแนน", "tool_score": "คะแนนแบบวัด", "weight": "น้ำหนัก",
    "weighted": "คะแนนถ่วงน้ำหนัก", "maintain": "ประเด็นที่ควรรักษามาตรฐาน", "weaknesses": "ข้อบกพร่อง/จุดอ่อน",
    "approach": "แนวทางการยกระดับ", "progress": "ความก้าวหน้า", "status": "สถานะ", "reason": "เหตุผล",
    "level": "ระดับ",
}


def role_of(header_text: str) -> str | None:
    s = squash(header_text)
    if not s:
        return None
    if s in _EXACT:
        return _EXACT[s]
    for role, patterns in ROLES:
        if any(p in s for p in patterns):
            return role
    return None


def looks_like_header(texts: list[str]) -> bool:
    """A row of short cells of which at least two name known columns."""
    non_empty = [t for t in texts if t.strip()]
    if len(non_empty) < 2:
        return False
    if any(len(squash(t)) > 100 for t in non_empty):
        return False
    if any(re.search(r"(ตัวชี้วัดที่|ประเด็นที่)[0-9]", squash(t)) for t in non_empty):
        return False
    known = [role_of(t) for t in non_empty]
    return sum(1 for r in known if r) >= 2 and sum(1 for r in known if r) >= len(non_empty) - 1


@dataclass
class Columns:
    """The role of each column of a table (None: not recognised)."""

    roles: list[str | None]
    header_texts: list[str]

    def index(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    def has(self, *roles: str) -> bool:
        return any(r in self.roles for r in roles)

    @property
    def kind(self) -> str:
        if self.has("maintain", "weaknesses"):
            return "analysis"
        if self.has("approach") or (self.has("progress") and not self.has("title", "steps", "summary")):
            return "improvements"
        if self.has("tool_score", "weight", "weighted") or (
            self.has("score") and not self.has("title", "steps", "summary", "outcomes")
        ):
            return "scores"
        if self.has("title", "steps", "summary", "outcomes", "questions", "finding"):
            return "measures"
        return "unknown"

    @property
    def key_roles(self) -> list[str]:
        """Roles whose cells identify a row (empty in a continuation row)."""
        def present(*roles: str) -> list[str]:
            return [r for r in roles if r in self.roles]

        if self.kind == "measures":
            return present("no", "title") or present("indicator", "issue")
        return present("indicator", "issue", "no", "title")[:1]


def columns(texts: list[str]) -> Columns:
    roles = [role_of(t) for t in texts]
    # One column per role: a second column of the same role is left unrecognised.
    seen: set[str] = set()
    for i, r in enumerate(roles):
        if r in seen:
            roles[i] = None
        elif r:
            seen.add(r)
    return Columns(roles, texts)


# --------------------------------------------------------------------------- indicator wording

_TOOL_WORDS = {
    "IIT": ("iit", "ภายใน"),
    "EIT": ("eit", "ภายนอก"),
    "OIT": ("oit", "เปิดเผยข้อมูลสาธารณะ"),
}


def tool_of_heading(text: str) -> str | None:
    """'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)' → 'IIT'; None if not a tool heading."""
    s = squash(text)
    if re.search(r"ตัวชี้วัดที่\d", s):
        return None
    for tool, (code, _) in _TOOL_WORDS.items():
        if re.search(rf"(?<![a-z]){code}(?![a-z])", s):
            return tool
    if "แบบวัด" in s:
        for tool, (_, word) in _TOOL_WORDS.items():
            if word in s:
                return tool
    return None


def _key(label: str) -> str:
    s = squash(label)
    s = re.sub(r"^(ตัวชี้วัดที่|ประเด็นที่)?\d+[.)]?", "", s)
    s = s.replace("ทางราชการ", "ราชการ").replace("ระบบ", "")
    s = s.rstrip(".:")
    return s[3:] if s.startswith("การ") else s


_INDICATOR_KEYS = {_key(name): n for n, (_, name) in ita.INDICATORS.items()}
_ISSUE_KEYS = {_key(name): n for n, name in ita.ISSUES.items()}
_CLOSE = 0.86  # difflib ratio from which a wording is read as an official name ("ระบบ" missing …)


def _best(label: str) -> tuple[str | None, int | None, float]:
    """The official indicator or ประเด็น a wording names, and how close it is (1.0: exactly)."""
    key = _key(label)
    if not key:
        return None, None, 0.0
    if key in _ISSUE_KEYS:
        return "issue", _ISSUE_KEYS[key], 1.0
    if key in _INDICATOR_KEYS:
        return "indicator", _INDICATOR_KEYS[key], 1.0
    best: tuple[str | None, int | None, float] = (None, None, 0.0)
    for kind, keys in (("issue", _ISSUE_KEYS), ("indicator", _INDICATOR_KEYS)):
        for k, n in keys.items():
            ratio = difflib.SequenceMatcher(None, key, k).ratio()
            if ratio > best[2]:
                best = (kind, n, ratio)
    return best if best[2] >= _CLOSE else (None, None, best[2])


def indicator_of_label(label: str) -> int | None:
    """The official indicator a document's wording names: 'การปรับปรุงการทำงาน' → 8."""
    kind, n, _ = _best(label) if label.strip() else (None, None, 0)
    return n if kind == "indicator" else None


def issue_of_label(label: str) -> int | None:
    kind, n, _ = _best(label) if label.strip() else (None, None, 0)
    return n if kind == "issue" else None


@dataclass
class GroupRef:
    """What an indicator/ประเด็น cell says: the group, the document's label, its own number
    (when it is a row number, not "ตัวชี้วัดที่ N") and a score written in the cell."""

    kind: str | None  # "indicator", "issue" or None (not recognised)
    n: int | None
    label: str
    doc_no: str | None = None
    score: str | None = None
    joined: bool = False  # spaces inside the label were removed (it is a known name)
    piece: Any = None  # the ledger piece of the heading it came from (layout.py), if any

    @property
    def number(self) -> int:
        """The number of a recognised indicator or ประเด็น."""
        assert self.n is not None, self
        return self.n


_GROUP = re.compile(
    r"^\s*(?:(ตัวชี้วัดที่|ตัวชี้วัด|ประเด็นที่|ประเด็น)\s*)?\(?([0-9๐-๙]{1,2})?\s*[.)]?\s*:?\s*(.*?)\s*"
    r"(?:คะแนน\s*([0-9๐-๙]+(?:[.,][0-9๐-๙]+)?)\s*(?:คะแนน)?)?\s*$"
)


def parse_group(text: str) -> GroupRef:
    """Read an indicator/ประเด็น cell or heading."""
    m_ = _GROUP.match(text)
    if not m_:
        return GroupRef(None, None, text)
    word, num, label, score = m_.groups()
    label = label.strip()
    n = int(thai.to_arabic(num)) if num else None
    if word and word.startswith("ตัวชี้วัด") and n is not None:
        kind = "indicator" if 1 <= n <= 10 else None
        return _with_label(GroupRef(kind, n if kind else None, label, None, score))
    if word and word.startswith("ประเด็น") and n is not None:
        kind = "issue" if 1 <= n <= 7 else None
        return _with_label(GroupRef(kind, n if kind else None, label, None, score))
    kind, found, _ = _best(label)
    if kind is not None:
        return _with_label(GroupRef(kind, found, label, num, score))
    return GroupRef(None, None, label, num, score)


_MARKUP = re.compile(r"</?(?:b|strong|u|i|em|span|p)\b[^>]*>|\*\*|__", re.I)


def heading_group(text: str) -> GroupRef | None:
    """A line or a lone cell that heads a group: "ประเด็นที่ ๑ …", "ตัวชี้วัดที่ 9 …", or a number
    ("(๑)", "๑)", "1.") or nothing before an official name; bold or heading marks allowed."""
    plain = " ".join(_MARKUP.sub(" ", text).split())
    if not plain or len(plain) > 160:
        return None
    ref = parse_group(plain)
    if ref.kind is None:
        return None
    explicit = re.match(r"^\s*(ตัวชี้วัดที่|ประเด็นที่)\s*[0-9๐-๙]", plain)
    if explicit:
        return ref
    named = _best(ref.label)
    return ref if named[0] == ref.kind and named[1] == ref.n else None


# Wordings of indicator names that documents use besides the official ones (from the seeds).
KNOWN_WORDINGS = {"การใช้ทรัพย์สินของทางราชการ", "การปรับปรุงการทำงาน", "ปรับปรุงการทำงาน", "ข้อมูลพื้นฐาน"}


def _with_label(ref: GroupRef) -> GroupRef:
    """Remove the spaces a narrow column put inside a known name ("การ ใช้ทรัพย์สินของ ทางราชการ"):
    only when the label without its spaces is exactly the official name or a known wording."""
    if " " not in ref.label or ref.kind is None:
        return ref
    official = official_label(ref)
    joined = re.sub(r"\s+", "", ref.label)
    if ref.label == official:
        return ref
    if joined == official.replace(" ", ""):
        ref.label, ref.joined = official, True
    elif joined in KNOWN_WORDINGS:
        ref.label, ref.joined = joined, True
    return ref


def official_label(ref: GroupRef) -> str:
    if ref.kind == "indicator":
        return ita.INDICATORS[ref.number][1]
    if ref.kind == "issue":
        return ita.ISSUES[ref.number]
    return ""


def differs_from_official(ref: GroupRef) -> bool:
    return bool(ref.label) and squash(ref.label) != squash(official_label(ref))
