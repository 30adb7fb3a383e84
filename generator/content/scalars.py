"""Scalar types of the content model: what a clerk may write in one value, and how it is read.

Clerks write Thai or Arabic digits, BE or ISO dates, a single value where a list is allowed, and
text that may hold Markdown; these types accept that and normalise it. `fail` is how a validator
reports a problem in Thai with the English beside it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from generator import chars, thai
from generator.content import messages as msg
from generator.problems import Message


def fail(message: Message, /, at: tuple = (), **values: Any) -> PydanticCustomError:
    """A validation error whose message reaches the clerk as written in the message table.

    `at` is the path, inside the model that raised it, of the value to point the clerk at (a
    rule across fields is otherwise reported at the start of the whole mapping).
    """
    th, en, hint = message.format(values)
    return PydanticCustomError(
        "oit", "{en}", {"code": message.code, "th": th, "en": en, "hint": hint, "at": tuple(at)})


# --------------------------------------------------------------------------- scalar types


def _text(v: Any) -> Any:
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        if chars.has_bidi_control(v):
            raise fail(msg.BIDI_IN_TEXT, chars=", ".join(chars.invisible_in(v)), value=_excerpt(v))
        return chars.normalise_text(v)
    return v


def _excerpt(v: str, width: int = 60) -> str:
    """The part of a long text around its first invisible character, for a message."""
    at = next((i for i, ch in enumerate(v) if chars.invisible_in(ch)), 0)
    start = max(0, at - width // 2)
    part = " ".join(v[start:start + width].split())
    return ("…" if start else "") + part + ("…" if start + width < len(v) else "")


def _solid(v: Any) -> Any:
    """A value that names or counts something (a number, a date, an address, an id): invisible
    characters at its ends are dropped, inside it they are refused — 'O1<U+200B>2' is neither O1
    nor O12, and guessing would publish the wrong thing."""
    if not isinstance(v, str):
        return v
    v = chars.clean_ends(v)
    hidden = chars.invisible_in(v)
    if hidden:
        raise fail(msg.INVISIBLE_INSIDE, value=v, chars=", ".join(hidden))
    return v


def _text_list(v: Any) -> Any:
    if v is None:
        return []
    if isinstance(v, (str, int, float)):
        return [_text(v)]
    if isinstance(v, list):
        return [_text(x) for x in v]
    return v


_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$")


def _number(v: Any) -> Any:
    if isinstance(v, bool):
        raise fail(msg.NUMBER_NOT_BOOLEAN)
    if isinstance(v, str):
        v = _solid(v)
        s = thai.to_arabic(v).replace(" ", "").strip()
        if "," in s and not _THOUSANDS.match(s):
            # "86,75" is a decimal comma and "1,2500" a slip; dropping the comma would
            # publish 8675 or 12500.
            if re.fullmatch(r"[-+]?\d+,\d{1,2}%?", s):
                raise fail(msg.DECIMAL_COMMA, value=v, fixed=s.replace(',', '.'))
            raise fail(msg.COMMA_MISPLACED, value=v)
        s = s.replace(",", "")
        if s.endswith("%"):
            s = s[:-1]
        if not s:
            return None
        try:
            return float(s) if "." in s else int(s)
        except ValueError:
            raise fail(msg.NOT_A_NUMBER, value=v) from None
    return v


def _score(v: float | None) -> float | None:
    if v is None:
        return v
    if not 0 <= v <= 100:
        raise fail(msg.SCORE_RANGE, value=v)
    return round(float(v), 2)


def _be_year(v: Any) -> Any:
    v = _number(v)
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if not isinstance(v, int):
        return v
    if v in thai.BE_RANGE:
        return v
    if v in thai.CE_RANGE:
        raise fail(msg.CE_YEAR, value=v, be=v + thai.BE_OFFSET)
    raise fail(msg.BAD_BE_YEAR, value=v)


def _date(v: Any) -> Any:
    if v is None or isinstance(v, date):
        return v
    v = _solid(v)
    try:
        return thai.parse_date(v)
    except thai.DateError as exc:
        raise fail(exc.message, **exc.values) from None


_SAFE_URL = re.compile(r"^(https?://[^\s<>\"]+|mailto:[^\s<>\"]+|tel:[+0-9\-\s]+)$", re.I)


def _url(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    v = _solid(v)
    if not _SAFE_URL.match(v):
        raise fail(msg.BAD_URL, value=v)
    return v


class FileRef(str):
    """A path relative to `content/` naming a file to publish; checked in generator/checks/files.py."""


def _file_ref(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    # Only the ends are cleaned here: what is inside a file name is judged with the file
    # itself (generator/checks/files.py), where a disguised name gets its own message.
    v = chars.clean_ends(v).replace("\\", "/")
    if not v:
        raise fail(msg.EMPTY_FILE_NAME)
    return FileRef(v)


# JSON Schema (for editors) of what clerks may write: looser than the Python types, because the
# validators accept Thai digits, Thai dates and a single value where a list is allowed.
_S_TEXT = {"type": ["string", "number"]}
_S_NUMBER = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": "^\\s*[-+]?[0-9๐-๙][0-9๐-๙,. ]*%?\\s*$"}]}
_S_YEAR = {"anyOf": [{"type": "integer", "minimum": 2400, "maximum": 2699},
                     {"type": "string", "pattern": "^[0-9๐-๙]{4}$"}],
           "description": "ปี พ.ศ. 4 หลัก เช่น 2569"}
_S_DATE = {"type": "string", "description": "วันที่ เช่น 2025-10-01, 1 ต.ค. 2568 หรือ ๑ ตุลาคม ๒๕๖๘"}
_S_TEXT_LIST = {"anyOf": [_S_TEXT, {"type": "array", "items": _S_TEXT}]}

Text = Annotated[str, BeforeValidator(_text), WithJsonSchema(_S_TEXT)]


def _no_markup(v: str | None) -> str | None:
    """Names that MkDocs and the theme print into HTML without escaping (site name, footer,
    page titles, the description meta tag) must not carry HTML's special characters."""
    if v is not None and not v.strip():
        raise fail(msg.EMPTY_NAME)
    if v is not None and any(c in v for c in '<>"'):
        bad = " ".join(sorted({c for c in v if c in '<>"'}))
        raise fail(msg.MARKUP_IN_NAME, chars=bad)
    return v


def _code(v: Any) -> Any:
    return _solid(_text(v))


# An id, a code or a reference to one: text without invisible characters inside.
Code = Annotated[str, BeforeValidator(_code), WithJsonSchema(_S_TEXT)]

# Text printed by the theme outside the page body, where only we can escape it.
PlainName = Annotated[str, BeforeValidator(_text), AfterValidator(_no_markup), WithJsonSchema(_S_TEXT)]
Markdown = Annotated[
    str,
    BeforeValidator(_text),
    WithJsonSchema({**_S_TEXT, "x-format": "markdown"}),
]
TextList = Annotated[list[Text], BeforeValidator(_text_list), WithJsonSchema(_S_TEXT_LIST)]
MarkdownList = Annotated[list[Markdown], BeforeValidator(_text_list), WithJsonSchema(_S_TEXT_LIST)]
Number = Annotated[int | float, BeforeValidator(_number), WithJsonSchema(_S_NUMBER)]
Count = Annotated[int, BeforeValidator(_number), Field(ge=0), WithJsonSchema(_S_NUMBER)]
Score = Annotated[float, BeforeValidator(_number), AfterValidator(_score), WithJsonSchema(_S_NUMBER)]
BEYear = Annotated[int, BeforeValidator(_be_year), WithJsonSchema(_S_YEAR)]
ThaiDate = Annotated[date, BeforeValidator(_date), WithJsonSchema(_S_DATE)]
Url = Annotated[str, BeforeValidator(_url),
                WithJsonSchema({"type": "string", "pattern": "^(https?://|mailto:|tel:)"})]
def _file_text(v: Any) -> Any:
    # Not _text: a direction control in a file name is judged with the file (a disguise).
    return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


FilePath = Annotated[str, BeforeValidator(_file_text), AfterValidator(_file_ref),
                     WithJsonSchema({"type": "string", "description": "ไฟล์ในโฟลเดอร์ content/ เช่น files/แผน.pdf"})]

Status = Literal["done", "in_progress", "not_started"]
STATUSES = ("done", "in_progress", "not_started")
STATUS_TH = {"done": "ดำเนินการแล้ว", "in_progress": "อยู่ระหว่างดำเนินการ", "not_started": "ยังไม่ดำเนินการ"}
_STATUS_ALIASES = {
    "ดำเนินการแล้ว": "done",
    "ดำเนินการแล้วเสร็จ": "done",
    "แล้วเสร็จ": "done",
    "เสร็จสิ้น": "done",
    "อยู่ระหว่างดำเนินการ": "in_progress",
    "กำลังดำเนินการ": "in_progress",
    "ยังไม่ดำเนินการ": "not_started",
    "ยังไม่ได้ดำเนินการ": "not_started",
}


def _status(v: Any) -> Any:
    if isinstance(v, str):
        key = chars.clean_ends(v)
        return _STATUS_ALIASES.get(key, key.lower().replace(" ", "_").replace("-", "_"))
    return v


StatusField = Annotated[
    Status, BeforeValidator(_status),
    WithJsonSchema({"enum": ["done", "in_progress", "not_started", *_STATUS_ALIASES]}),
]



def _national_id(v: Any) -> Any:
    """A Thai national ID as typed ('1-1017-00230-70-8', Thai digits, spaces) → its 13 digits."""
    raw = str(v).strip()
    digits = re.sub(r"[ \-_]", "", thai.to_arabic(raw))
    if not thai.valid_thai_id(digits):
        raise fail(msg.BAD_NATIONAL_ID)  # the value itself is not repeated: CI logs are public
    return digits


NationalId = Annotated[str, BeforeValidator(_national_id),
                       WithJsonSchema({"type": ["string", "number"], "description": "เลขประจำตัวประชาชน 13 หลัก"})]


def _year_month(v: Any) -> Any:
    """'2567-10', '2024-10', 'ต.ค. 2567', 'ตุลาคม 2567' → (CE year, month) as 'YYYY-MM' (CE)."""
    if not isinstance(v, str):
        v = str(v)
    raw = _solid(v)
    text = thai.to_arabic(raw)
    m = re.match(r"^(\d{4})-(\d{1,2})$", text)
    try:
        if m:
            d = thai.parse_date(f"{m.group(1)}-{m.group(2)}-01")
        else:
            d = thai.parse_date(f"1 {text}")
    except thai.DateError:
        raise fail(msg.BAD_MONTH, value=raw) from None
    return f"{d.year:04d}-{d.month:02d}"


YearMonth = Annotated[str, BeforeValidator(_year_month),
                      WithJsonSchema({"type": "string", "description": "เดือน เช่น ต.ค. 2568 หรือ 2025-10"})]

