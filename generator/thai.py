"""Thai dates, digits, fiscal years and ordering — built on pythainlp's tables.

Parsing accepts what clerks write (ISO dates, "1 ต.ค. 2568", "๑ ตุลาคม ๒๕๖๘", "1/10/2568");
formatting always gives Buddhist-era dates with a no-break space between the parts, so a browser
never breaks "พ.ศ." away from its year, and converts digits when the site asks for Thai digits.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from pythainlp.util import (
    arabic_digit_to_thai_digit,
    collate,
    thai_digit_to_arabic_digit,
    thai_strftime,
)
from pythainlp.util.date import thai_abbr_months, thai_full_months

from generator.chars import clean_ends
from generator.problems import ERROR, Message, Messages, Problems, UserError

BE_OFFSET = 543
NBSP = "\u00a0"

# A plausible BE year for an LAO's records; years in CE_RANGE are probably CE by mistake.
BE_RANGE = range(2400, 2700)
CE_RANGE = range(1900, 2200)


# str.translate looks up every character in a dict: most texts have no digit to change, and a
# regular expression finds that out many times faster (a tenth of checking 5 years of content).
_THAI_DIGIT = re.compile("[๐-๙]")
_ARABIC_DIGIT = re.compile("[0-9]")


def to_arabic(text: str) -> str:
    """Thai digits (๐–๙) to Arabic digits; other characters unchanged."""
    return thai_digit_to_arabic_digit(text) if _THAI_DIGIT.search(text) else text


def to_thai_digits(text: str) -> str:
    return arabic_digit_to_thai_digit(text) if _ARABIC_DIGIT.search(text) else text


def digits(text: str, style: str) -> str:
    """Apply the site's digit style ('arabic' or 'thai') to text we generated."""
    return to_thai_digits(text) if style == "thai" else text


def valid_thai_id(digits: str) -> bool:
    """The checksum of a 13-digit Thai national ID: 11 − (Σ dᵢ·(14−i), i = 1…12) mod 11, mod 10."""
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def fiscal_year_of(d: date) -> int:
    """BE fiscal year containing a date: 1 Oct 2025 – 30 Sep 2026 is ปีงบประมาณ 2569."""
    return d.year + BE_OFFSET + (1 if d.month >= 10 else 0)


def today() -> date:
    """Today, as every judgement of "now" sees it (what is due, who is in office). `OIT_TODAY`
    (YYYY-MM-DD) fixes it, so that a test or a rebuilt archive gives the same answer any day."""
    fixed = os.environ.get("OIT_TODAY")
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed.strip())
    except ValueError:
        problems = Problems()
        problems.report("OIT_TODAY", 0, 0, BAD_TODAY, raw=fixed)
        raise UserError(problems) from None


def fiscal_year_bounds(fy: int) -> tuple[date, date]:
    """First and last day of a BE fiscal year."""
    ce = fy - BE_OFFSET
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def first_half_bounds(fy: int) -> tuple[date, date]:
    """1 Oct – 31 Mar of a BE fiscal year (the 6-month reporting round)."""
    ce = fy - BE_OFFSET
    return date(ce - 1, 10, 1), date(ce, 3, 31)


def months_of_fiscal_year(fy: int, start: int = 10, end: int = 9) -> list[tuple[int, int]]:
    """(CE year, month) pairs of a fiscal year from month `start` to month `end`, in order."""
    ce = fy - BE_OFFSET
    out = []
    y, m = (ce - 1, start) if start >= 10 else (ce, start)
    while True:
        out.append((y, m))
        if m == end:
            return out
        m += 1
        if m == 13:
            y, m = y + 1, 1
        if len(out) > 12:  # a range that never reaches `end`
            return out[:12]


@cache
def _month_lookup() -> dict[str, int]:
    table: dict[str, int] = {}
    for i, (full, abbr) in enumerate(zip(thai_full_months, thai_abbr_months, strict=False), start=1):
        table[full] = i
        table[abbr] = i
        table[abbr.replace(".", "")] = i  # "ตค" or "ต.ค" typed without dots
        table[abbr.rstrip(".")] = i
    return table


# "2 ต.ค. 2568", "๒ ตุลาคม พ.ศ. ๒๕๖๘", "วันที่ 2 ต.ค.พ.ศ.2568": the month is the shortest run of
# Thai letters and dots before an optional "พ.ศ." (a greedy match would swallow "พ.ศ." into it).
_DATE_TH = re.compile(r"^\s*(?:วันที่\s*)?(\d{1,2})\s*([\u0e00-\u0e7f.]+?)\s*(?:พ\.?\s*ศ\.?)?\s*(\d{2,4})\s*$")
_DATE_SLASH = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2,4})\s*$")
_DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


D = Messages("วันที่ (dates)")
CE_YEAR_IN_DATE = D(
    "OIT-D001", ERROR,
    "ปี {year} ใน '{raw}' ดูเหมือนเป็นปี ค.ศ. — ใช้ปี พ.ศ. {be} แทน",
    "year {year} in '{raw}' looks like a CE year; write the BE year {be}",
)
BAD_YEAR_IN_DATE = D("OIT-D002", ERROR, "ปี {year} ใน '{raw}' ไม่ถูกต้อง", "implausible year {year} in '{raw}'")
NO_SUCH_DATE = D(
    "OIT-D003", ERROR, "วันที่ '{raw}' ไม่มีอยู่จริง (ตรวจวันและเดือน)", "'{raw}' is not a real date (check day and month)",
)
UNKNOWN_MONTH = D("OIT-D004", ERROR, "ไม่รู้จักชื่อเดือน '{month}' ใน '{raw}'", "unknown month name '{month}' in '{raw}'")
BAD_TODAY = D(
    "OIT-D006", ERROR,
    "ตัวแปร OIT_TODAY มีค่า '{raw}' ซึ่งไม่ใช่วันที่ — เขียนเป็น ค.ศ. เช่น 2026-12-07 หรือลบตัวแปรนี้",
    "the OIT_TODAY variable is '{raw}', not a date; write a CE date such as 2026-12-07, or unset it",
)
UNREADABLE_DATE = D(
    "OIT-D005", ERROR,
    "อ่านวันที่ '{raw}' ไม่ได้ — เขียนเป็น 2568-10-01 หรือ 1 ต.ค. 2568",
    "cannot read the date '{raw}'; write 2025-10-01 or 1 ต.ค. 2568",
)


class DateError(ValueError):
    """A date a clerk wrote that cannot be understood: the message that says why, and its values."""

    def __init__(self, message: Message, **values: Any) -> None:
        self.message = message
        self.values = values
        self.th, self.en, _ = message.format(values)
        super().__init__(self.en)


def _be_year(y: int, *, allow_ce: bool, raw: str) -> int:
    """A year as written to a BE year. Two-digit years are BE (68 → 2568)."""
    if y < 100:
        return 2500 + y
    if y in BE_RANGE:
        return y
    if y in CE_RANGE and allow_ce:
        return y + BE_OFFSET
    if y in CE_RANGE:
        raise DateError(CE_YEAR_IN_DATE, year=y, raw=raw, be=y + BE_OFFSET)
    raise DateError(BAD_YEAR_IN_DATE, year=y, raw=raw)


def _make(be_year: int, month: int, day: int, raw: str) -> date:
    try:
        return date(be_year - BE_OFFSET, month, day)
    except ValueError:
        raise DateError(NO_SUCH_DATE, raw=raw) from None


def parse_date(value: object) -> date:
    """Parse a clerk's date. ISO dates are CE unless the year is BE; Thai forms are BE."""
    if isinstance(value, date):
        return value
    raw = clean_ends(str(value))
    text = to_arabic(raw)
    m = _DATE_ISO.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return _make(_be_year(y, allow_ce=True, raw=raw), mo, d, raw)
    m = _DATE_TH.match(text)
    if m:
        day, mon, year = m.groups()
        month = _month_lookup().get(mon) or _month_lookup().get(mon.rstrip("."))
        if month is None:
            raise DateError(UNKNOWN_MONTH, month=mon, raw=raw)
        return _make(_be_year(int(year), allow_ce=False, raw=raw), month, int(day), raw)
    m = _DATE_SLASH.match(text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        return _make(_be_year(y, allow_ce=False, raw=raw), mo, d, raw)
    raise DateError(UNREADABLE_DATE, raw=raw)


@lru_cache(maxsize=4096)  # a page of reports shows the same few dates again and again
def format_date(d: date, style: str = "arabic", *, full_month: bool = False) -> str:
    """'1 ต.ค. 2568' with no-break spaces (or '1 ตุลาคม 2568')."""
    fmt = "%-d %B %Y" if full_month else "%-d %b %Y"
    text = thai_strftime(datetime(d.year, d.month, d.day), fmt, thaidigit=(style == "thai"))
    return text.replace(" ", NBSP)


@lru_cache(maxsize=1024)
def format_month(year_ce: int, month: int, style: str = "arabic", *, full: bool = True) -> str:
    """'ตุลาคม 2568' for a CE year and month."""
    text = thai_strftime(datetime(year_ce, month, 1), "%B %Y" if full else "%b %Y",
                         thaidigit=(style == "thai"))
    return text.replace(" ", NBSP)


def format_range(start: date, end: date, style: str = "arabic") -> str:
    return f"{format_date(start, style)} – {format_date(end, style)}"


def format_year(be_year: int, style: str = "arabic") -> str:
    return digits(str(be_year), style)


def format_fy(be_year: int, style: str = "arabic") -> str:
    return f"ปีงบประมาณ{NBSP}พ.ศ.{NBSP}{format_year(be_year, style)}"


def format_number(value: float | int, style: str = "arabic", decimals: int | None = None) -> str:
    """Numbers with thousands separators; decimals kept as given (scores show 2)."""
    if decimals is None:
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    else:
        text = f"{value:,.{decimals}f}"
    return digits(text, style)


def thai_sorted(items, key=lambda x: x):
    """Sort by Thai dictionary order (leading vowels handled) using pythainlp's collate."""
    items = list(items)
    keys = collate([key(i) for i in items])
    order: dict[str, list] = {}
    for i in items:
        order.setdefault(key(i), []).append(i)
    out = []
    for k in dict.fromkeys(keys):
        out.extend(order[k])
    return out
