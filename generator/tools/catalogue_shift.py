"""A catalogue for a new ITA year from the previous one: `oit catalogue new 2571 --from 2570`.

Until the NACC publishes a year's manual (usually around January), LAOs still publish that fiscal
year. The best guess is last year's list with every year moved on: this module makes that guess
as data, the same way every time, so the shipped provisional catalogue and a clerk's own are
reproducible and a test can prove what was carried over.

What moves: the ITA year, and in every Thai text a reader sees (titles, timing, element texts,
LAO notes) the years the items are about — the ITA year and the fiscal year before it. Topic
years (`current` / `previous`) and check arguments are relative, so they move by themselves.
What stays: years that are not the assessment or fiscal year (a law "พ.ศ. 2562", a five-year
plan "2566–2570" that only partly overlaps), amounts ("2568 บาท"), section numbers, and every
maintainer note and source, which describe the evidence of the year they were written for.
Confidence drops one step: nothing about the new year has been seen yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from generator import thai

# Texts a reader sees on the site or in ITAS: their years move with the catalogue.
SHIFTED_KEYS = ("title", "timing", "text", "lao_note")
LOWER = {"high": "medium", "medium": "low", "low": "low"}

_DIGIT = "0-9๐-๙"
_YEAR4 = re.compile(rf"(?<![{_DIGIT}])(?<![{_DIGIT}][.,])([{_DIGIT}]{{4}})(?![{_DIGIT}])(?![.,][{_DIGIT}])")
_MONTHS = sorted({*thai.thai_full_months, *thai.thai_abbr_months}, key=len, reverse=True)
_MONTH = "(?:" + "|".join(re.escape(m) for m in _MONTHS) + ")"
# "มี.ค. 69", "ต.ค.68": a two-digit BE year only counts right after a month name
_YEAR2 = re.compile(rf"{_MONTH}\s*([{_DIGIT}]{{2}})(?![{_DIGIT}])(?![.,][{_DIGIT}])")
# between the two ends of a range: "2568–2569", "ต.ค. 2568 – มี.ค. 2569", "2568 - 30 ก.ย. 2569"
_RANGE_GAP = re.compile(rf"^\s*[-–—]\s*(?:[{_DIGIT}]{{1,2}}\s*)?(?:{_MONTH}\s*)?(?:พ\.\s*ศ\.\s*)?$")
# a number that is an amount, a count or a section, not a year
_UNIT_AFTER = re.compile(r"^\s*(?:บาท|คน|ราย|ครั้ง|รายการ|แห่ง|หน้า|วัน|ชั่วโมง|ตารางเมตร|เมตร|กิโลเมตร|หลัง|%)")
_NOT_YEAR_BEFORE = re.compile(r"(?:มาตรา|ข้อ|เลขที่|ร้อยละ|จำนวน|วงเงิน)\s*$")
# the year of a law's name: "พระราชบัญญัติ … พ.ศ. 2562" (but not "ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569")
_LAW_BEFORE = re.compile(
    r"(?:พระราชบัญญัติ|พ\.ร\.บ\.|พระราชกฤษฎีกา|พ\.ร\.ฎ\.|พระราชกำหนด|รัฐธรรมนูญ|ประมวลกฎหมาย|กฎกระทรวง|ระเบียบ"
    r"|ข้อบัญญัติ|เทศบัญญัติ|ข้อบังคับ)[^()\[\],;:\n]{0,120}?พ\.\s*ศ\.\s*$"
)
_BUDGET_YEAR_BEFORE = re.compile(r"(?:ปีงบประมาณ|ประจำปี)\s*พ\.\s*ศ\.\s*$")


def _digits_like(value: int, like: str) -> str:
    """`value` written in the same digits as `like` (Thai ๒๕๗๐ stays Thai)."""
    text = str(value)[-len(like):]
    return thai.to_thai_digits(text) if any("๐" <= ch <= "๙" for ch in like) else text


def _is_year_here(text: str, start: int, end: int) -> bool:
    before, after = text[:start], text[end:]
    if _UNIT_AFTER.match(after) or _NOT_YEAR_BEFORE.search(before):
        return False
    return not (_LAW_BEFORE.search(before) and not _BUDGET_YEAR_BEFORE.search(before))


def shift_years(text: str, years: set[int], by: int) -> str:
    """Move each BE year of `years` in `text` by `by`, in the digits it was written in.

    Both ends of a range move together or not at all ("2566–2570" in an ITA 2569 text is a plan's
    span and stays; "ต.ค. 2568 – มี.ค. 2569" moves). Two-digit years move only after a month name.
    """
    found: list[tuple[int, int, str, int]] = []  # start, end, written, BE year
    for m in _YEAR4.finditer(text):
        found.append((m.start(1), m.end(1), m.group(1), int(thai.to_arabic(m.group(1)))))
    for m in _YEAR2.finditer(text):
        found.append((m.start(1), m.end(1), m.group(1), 2500 + int(thai.to_arabic(m.group(1)))))
    found.sort()
    moves = [y in years and _is_year_here(text, s, e) for s, e, _, y in found]
    # a range moves as a whole
    for i in range(len(found) - 1):
        if _RANGE_GAP.match(text[found[i][1]:found[i + 1][0]]) and moves[i] != moves[i + 1]:
            moves[i] = moves[i + 1] = False
    out, last = [], 0
    for (start, end, written, year), move in zip(found, moves, strict=True):
        if move:
            out.append(text[last:start] + _digits_like(year + by, written))
            last = end
    return "".join(out) + text[last:]


def _walk(data: Any, fn: Callable[[str, Any], Any], key: str = "") -> Any:
    if isinstance(data, dict):
        return {k: _walk(v, fn, str(k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_walk(v, fn, key) for v in data]
    return fn(key, data)


def new_from(data: dict, to_year: int) -> dict:
    """The catalogue of ITA `to_year` as a copy of `data` (a catalogue file's contents) with every
    timing moved on; `to_year` must be later than the source's year."""
    from_year = int(data["year"])
    by = to_year - from_year
    if by <= 0:
        raise ValueError(f"{to_year} is not after {from_year}")
    years = {from_year, from_year - 1}  # the ITA year and the fiscal year before it

    def shift(key: str, value: Any) -> Any:
        return shift_years(value, years, by) if key in SHIFTED_KEYS and isinstance(value, str) else value

    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "derived_from":
            continue  # set below, to the catalogue this one is made from
        if key == "year":
            out[key] = to_year
        elif key == "status":
            out[key] = "provisional"
        elif key == "title" and isinstance(value, str):
            out[key] = shift_years(value, years, by)
        elif key == "notes":
            out[key] = [generated_note(from_year, to_year), *[f"ITA {from_year}: {n}" for n in value or []]]
        elif key == "indicators":
            out[key] = [_indicator(ind, from_year, shift) for ind in value]
        else:
            out[key] = value
        if key == "status":
            out["derived_from"] = from_year
    if "notes" not in out:
        out["notes"] = [generated_note(from_year, to_year)]
    out.setdefault("derived_from", from_year)
    return out


def generated_note(from_year: int, to_year: int) -> str:
    return (
        f"Provisional: generated from the ITA {from_year} catalogue by `oit catalogue new {to_year} --from {from_year}`, "
        f"not read from an NACC ITA {to_year} manual. Codes, titles, topics, elements and checks are carried over; "
        f"the years in titles, timing, element texts and LAO notes moved by {to_year - from_year} (only the ITA year and "
        f"the fiscal year before it); every confidence is one step lower. Item notes and sources describe the "
        f"ITA {from_year} evidence. Compare with the manual when it appears (docs/catalogues.md)."
    )


def _indicator(ind: dict, from_year: int, shift: Callable[[str, Any], Any]) -> dict:
    out: dict[str, Any] = {}
    for key, value in ind.items():
        if key == "sub_indicators":
            out[key] = [_sub(sub, from_year, shift) for sub in value]
        else:
            out[key] = _walk(value, shift, key)
    return out


def _sub(sub: dict, from_year: int, shift: Callable[[str, Any], Any]) -> dict:
    out: dict[str, Any] = {}
    for key, value in sub.items():
        if key == "items":
            out[key] = [_item(it, from_year, shift) for it in value]
        elif key == "confidence" and value in LOWER:
            out[key] = LOWER[value]
        else:
            out[key] = _walk(value, shift, key)
    return out


def _item(item: dict, from_year: int, shift: Callable[[str, Any], Any]) -> dict:
    was = item.get("confidence", "medium")
    carried = f"Carried over from ITA {from_year} (confidence there: {was})."
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key == "confidence":
            out[key] = LOWER.get(value, value)
        elif key == "note":
            out[key] = f"{carried} {value}"
        elif key == "elements":
            out[key] = [_walk(el, shift) for el in value]
        else:
            out[key] = _walk(value, shift, key)
    if "confidence" not in out:  # the model's default is medium
        out["confidence"] = LOWER[was]
    out.setdefault("note", carried)
    return out


# --------------------------------------------------------------------------- writing

class _Flow(dict):
    """A mapping written on one line: `{kind: has_field, field: duties}`."""


class _FlowList(list):
    """A list written on one line: `[S16, V12]`."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # lists indented under their key, as the hand-written catalogues are
        return super().increase_indent(flow, False)

    # only folded (>-) texts are wrapped; a plain or quoted value stays on its line
    def write_plain(self, text: str, split: bool = True) -> None:
        super().write_plain(text, False)

    def write_single_quoted(self, text: str, split: bool = True) -> None:
        super().write_single_quoted(text, False)

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        super().write_double_quoted(text, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" not in value and len(value) > 100:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">")
    return dumper.represent_str(value)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True))
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def _styled(data: Any, key: str = "") -> Any:
    """Mark the parts the hand-written catalogues write in flow style."""
    if isinstance(data, dict):
        if key in ("checks", "topics"):  # a list item: a check, or a topic with its year
            return _Flow({k: _styled(v, k) for k, v in data.items()})
        return {k: _styled(v, k) for k, v in data.items()}
    if isinstance(data, list):
        if key in ("sources", "fields") and all(isinstance(v, str) for v in data):
            return _FlowList(data)
        return [_styled(v, key) for v in data]
    return data


def dump_catalogue(data: dict) -> str:
    """A catalogue as YAML in the layout of the shipped files (block style, checks on one line)."""
    return yaml.dump(_styled(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)


def new_file_text(data: dict) -> str:
    """The user catalogue `oit catalogue new` writes: a Thai header saying what it is and what to do."""
    year, source = data["year"], data["derived_from"]
    header = (
        f"# รายการ OIT ของ ITA {year} ฉบับเบื้องต้น ยกมาจาก ITA {source} ด้วยคำสั่ง oit catalogue new {year} --from {source}\n"
        f"# ปีในชื่อรายการ ช่วงเวลา และข้อความองค์ประกอบเลื่อนแล้ว ระดับความเชื่อมั่นลดลงหนึ่งขั้น\n"
        f"# เมื่อ ป.ป.ช. ประกาศคู่มือ ITA {year}: แก้รหัส ชื่อ องค์ประกอบ และช่วงเวลาให้ตรงคู่มือ ใส่แหล่งที่มา\n"
        f"# เปลี่ยน status เป็น confirmed แล้วรัน oit catalogue check และ oit catalogue diff {source} {year}\n"
        f"# (a provisional ITA {year} catalogue carried over from {source}; edit it to the NACC manual when it appears)\n"
    )
    return header + dump_catalogue(data)
