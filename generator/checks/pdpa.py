"""Personal data about to be published: Thai national ID numbers and private phone numbers.

Disclosures are public by design, but a scanned order or a clerk's note sometimes carries a
citizen's ID number or mobile phone: publishing it is a risk under the Personal Data Protection
Act (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562). Every text value and every document file name is
scanned. A national ID is an error that stops the build, unless the clerk lists that exact
number as consented to (`consent: national_ids:` in organisation.yml, never published); a phone
number is a located warning (the clerk decides).

- A national ID is 13 digits, as typed (`1101700230708`, `1-1017-00230-70-8`, Thai digits) whose
  last digit is the checksum of the first twelve; other 13-digit numbers are not reported.
- A phone number is a Thai landline (0 + 8 digits, area code 02–07) or mobile (0 + 9 digits,
  06/08/09), or the same after +66. Numbers the LAO itself publishes — anywhere in
  organisation.yml, executives.yml and the contact-channel files — are expected, so they and
  their extensions are not reported, nor are landlines in the same hundred as a published
  landline (an office's consecutive lines). A mobile number must match exactly.

Numbers are masked in the messages: CI logs of a public repository are public too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import thai
from generator.checks import messages as msg
from generator.content.models import Organisation
from generator.content.scalars import FileRef
from generator.content.site import Site, Source
from generator.content.walk import walk
from generator.content.yamlload import Loaded
from generator.problems import Problem, Problems
from generator.thai import valid_thai_id

# Files whose phone numbers are the LAO's own published contacts.
PUBLISHED_PHONE_FILES = ("organisation", "executives", "qa", "complaint_channels")

# A run of digits in which single spaces, dashes or underscores may separate groups
# ("081-234-5678", "0 3299 0000", "1 1017 00230 70 8", "สำเนา_1101700230708.pdf").
_RUN = re.compile(r"(?:\+66[ \-]?)?[0-9](?:[ \-_]?[0-9])*")
_GROUP_SEP = re.compile(r"[ _]")
_MOBILE = re.compile(r"^0[689][0-9]{8}$")
_LANDLINE = re.compile(r"^0[2-7][0-9]{7}$")


def is_phone(digits: str) -> bool:
    return bool(_MOBILE.match(digits) or _LANDLINE.match(digits))


@dataclass(frozen=True)
class Finding:
    kind: str  # "id" or "phone"
    digits: str  # normalised digits
    start: int  # span in the scanned text
    end: int


# Nine digits in a row (single separators allowed, Thai or Arabic): the least any finding holds.
# Most texts have none, and this one search spares them the conversion and the run analysis.
_NINE_DIGITS = re.compile(r"[0-9๐-๙](?:[ \-_]?[0-9๐-๙]){8}")


def find(text: str) -> Iterator[Finding]:
    """National IDs with a valid checksum and phone-shaped numbers in a text."""
    if not _NINE_DIGITS.search(text):
        return
    arabic = thai.to_arabic(text)  # one character per character: spans stay valid
    for run in _RUN.finditer(arabic):
        yield from _in_run(run.group(), run.start())


def _in_run(run: str, offset: int) -> Iterator[Finding]:
    # Groups split at spaces/underscores; a number may span several groups ("0 3299 0000"),
    # and one run may hold several numbers ("0812345678 0898765432").
    groups = [(m.start(), m.end()) for m in re.finditer(r"[^ _]+", run)]
    i = 0
    while i < len(groups):
        best: tuple[Finding, int] | None = None
        digits = ""
        for j in range(i, len(groups)):
            piece = run[groups[j][0]:groups[j][1]]
            if j == i and piece.startswith("+66"):
                piece = "0" + piece[3:]
            digits += re.sub(r"[^0-9]", "", piece)
            span = (offset + groups[i][0], offset + groups[j][1])
            if len(digits) > 13:
                break
            if len(digits) == 13 and valid_thai_id(digits):
                best = (Finding("id", digits, *span), j)  # the longer reading wins
                break
            if best is None and len(digits) in (9, 10) and is_phone(digits):
                best = (Finding("phone", digits, *span), j)
        if best is None:
            i += 1
        else:
            yield best[0]
            i = best[1] + 1


def mask(digits: str, kind: str) -> str:
    if kind == "id":
        return f"{digits[0]}-xxxx-xxxxx-x{digits[11]}-{digits[12]}"
    return digits[:3] + "x" * (len(digits) - 5) + digits[-2:]


# ------------------------------------------------------------------ scanning a site


def _texts(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    for p, value in walk(obj, path):
        if isinstance(value, str):
            yield p, value


def published_phones(site: Site) -> set[str]:
    """Normalised phone numbers the LAO publishes itself (see PUBLISHED_PHONE_FILES)."""
    out: set[str] = set()
    for key, src in site.sources.items():
        if key[0] is None and key[1] in PUBLISHED_PHONE_FILES:
            for _, value in _walk_raw(src.loaded.data):
                out.update(f.digits for f in find(value) if f.kind == "phone")
    return out


def _walk_raw(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _walk_raw(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _walk_raw(v, path + (i,))
    elif isinstance(data, str):
        yield path, data


def _published(digits: str, allowed: frozenset[str]) -> bool:
    """Published itself, or a landline in the same hundred as a published landline: offices get
    consecutive lines (0 3299 1234 published, 0 3299 1299 the disaster-relief desk). Mobile
    numbers must match exactly: they belong to people."""
    if digits in allowed:
        return True
    return bool(_LANDLINE.match(digits)) and any(_LANDLINE.match(a) and a[:-2] == digits[:-2] for a in allowed)


def consented(site: Site) -> set[str]:
    """The national IDs (13 digits) the clerk lists as published with their owners' consent."""
    return {c.id for c in site.org.consent.national_ids}


def _models(site: Site) -> Iterator[tuple[str, Any, Any, tuple]]:
    """(file stem, source, model, path prefix) for everything that will be published."""
    for stem, src, obj in site.files():
        if isinstance(obj, Organisation):  # its consent list and site settings are not published
            for name in type(obj).model_fields:
                if name not in ("consent", "site"):
                    yield stem, src, getattr(obj, name), (name,)
            continue
        yield stem, src, obj, ()
    for year, src, notes in site.notes_files():
        raw_keys = {str(k).strip().upper(): k for k in src.loaded.data}
        for code, note in notes.items():
            yield f"{year}/items", src, note, (raw_keys.get(code, code),)


def scan(site: Site, problems: Problems) -> None:
    """National IDs not consented to (errors) and unpublished phone numbers (warnings) in all
    content to be published."""
    allowed = frozenset(published_phones(site))
    agreed = frozenset(consented(site))
    used: set[tuple] = set()
    for stem, src, obj, prefix in _models(site):
        key = (id(src.loaded), stem, prefix)
        used.add(key)
        hit = _SCANNED.get(key)
        if hit is None or hit[0] is not src.loaded or hit[1] is not obj or hit[2] != (allowed, agreed):
            found = Problems()
            _scan(stem, src, obj, prefix, allowed, agreed, found)
            hit = (src.loaded, obj, (allowed, agreed), found.in_order())
            _SCANNED[key] = hit
        problems.extend(hit[3])
    for gone in [k for k in list(_SCANNED) if k not in used]:
        _SCANNED.pop(gone, None)


# What `_scan` found in one model, kept while its file is unchanged (the same Loaded object, see
# content/load.py) and the published phone numbers and consented IDs are the same: after an edit,
# only the edited file is scanned again. Keyed by id(), the objects held so that the id stays theirs.
_SCANNED: dict[tuple, tuple[Loaded, Any, tuple[frozenset[str], frozenset[str]], list[Problem]]] = {}


def _scan(stem: str, src: Source, obj: Any, prefix: tuple, allowed: frozenset[str], agreed: frozenset[str],
          problems: Problems) -> None:
    for path, value in _texts(obj, prefix):
        is_file = isinstance(value, FileRef)
        scanned = Path(value).name if is_file else value
        for f in find(scanned):
            if f.kind == "phone" and (stem in PUBLISHED_PHONE_FILES or _published(f.digits, allowed)):
                continue
            if f.kind == "id" and f.digits in agreed:
                continue
            line, col = _locate(src.loaded, path, scanned[f.start:f.end])
            _warn(problems, src.file, line, col, f, is_file)


def _locate(loaded: Loaded, path: tuple, typed: str) -> tuple[int, int]:
    """The line of the number itself inside a long text, else the value's own position."""
    line, col = loaded.pos(path)
    if not loaded.text:
        return line, col
    lines = loaded.text.split("\n")
    for k in range(line - 1, min(len(lines), line + 400)):
        at = lines[k].find(typed, col - 1 if k == line - 1 else 0)
        if at >= 0:
            return k + 1, at + 1
    return line, col


def _warn(problems: Problems, file: str, line: int, col: int, f: Finding, is_file: bool) -> None:
    shown = mask(f.digits, f.kind)
    if f.kind == "id" and is_file:
        problems.report(file, line, col, msg.NATIONAL_ID_IN_FILE_NAME, shown=shown)
    elif f.kind == "id":
        problems.report(file, line, col, msg.NATIONAL_ID, where_th="ข้อความ", where="text", shown=shown)
    else:
        where_th, where = ("ชื่อไฟล์เอกสาร", "a document's file name") if is_file else ("ข้อความ", "text")
        problems.report(file, line, col, msg.PHONE, where_th=where_th, where=where, shown=shown)
