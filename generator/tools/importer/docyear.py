"""The fiscal year a document states for itself, to ask before importing it under another one.

A document of measures or results names its own fiscal year in its title ("มาตรการ … ประจำปี
งบประมาณ พ.ศ. ๒๕๖๘", "รายงานผล … ปี 2566", "สรุปผลการจัดซื้อจัดจ้างในรอบเดือน มกราคม พ.ศ. 2568").
The title is the first lines before the first table or numbered section. A line about the ITA
assessment ("ผลการประเมิน ITA ปี 2565") names the year of that assessment, not the document's,
and is skipped. A month named with its year (procurement summaries) gives the fiscal year that
month belongs to (October–December count for the next year).
"""

from __future__ import annotations

import re

from generator import thai
from generator.tools.importer.source import Doc, Para

_YEAR_WORDS = re.compile(
    r"(?:ประจำปี(?:งบประมาณ)?|ปีงบประมาณ|ปีงบ\.?|ปี)\s*(?:พ\.\s*ศ\.|พ\.ศ|พศ\.?)?\s*([0-9]{4})")
_MONTH_YEAR = re.compile(r"(?:เดือน|ประจำเดือน|รอบเดือน)\s*(\S+)\s*(?:พ\.\s*ศ\.|พ\.ศ)?\s*([0-9]{4})")
_ASSESSMENT = re.compile(r"ITA|ผลการประเมิน|ประเมินคุณธรรม", re.I)
TITLE_LINES = 6


def _from_line(text: str) -> int | None:
    s = thai.to_arabic(text)
    if _ASSESSMENT.search(s):
        return None
    m = _YEAR_WORDS.search(s)
    if m and int(m.group(1)) in thai.BE_RANGE:
        return int(m.group(1))
    m = _MONTH_YEAR.search(s)
    if m and int(m.group(2)) in thai.BE_RANGE:
        try:
            month = thai.parse_date(f"1 {m.group(1)} {m.group(2)}").month
        except thai.DateError:
            return None
        return int(m.group(2)) + (1 if month >= 10 else 0)
    return None


def stated_year(doc: Doc) -> tuple[int, str] | None:
    """(fiscal year, the line that states it) from the document's title, or None."""
    seen = 0
    for block in doc.blocks:
        if not isinstance(block, Para):
            break
        if re.match(r"^\s*[0-9๐-๙]{1,2}\s*[.)]\s", block.text):
            break  # the first numbered section: past the title
        year = _from_line(block.text)
        if year:
            return year, block.text
        seen += 1
        if seen >= TITLE_LINES:
            break
    return None
