"""The bytes of a content file to text, whatever Windows program saved it.

Clerks' files arrive as UTF-8 (with or without a BOM), UTF-16 from Notepad, or Thai Windows-874
from older programs; each is decoded with a warning where it should be re-saved, and anything
else is refused with a message naming the line where the damage starts.
"""

from __future__ import annotations

import re

from generator.content import messages as msg
from generator.problems import Problems

_THAI = re.compile(r"[\u0e00-\u0e7f]")
# Thai vowels and tone marks written above or below a consonant: in real Thai text each follows
# a consonant (or another such mark). Bytes of another legacy encoding read as Windows-874 land
# on them almost at random — "café" in Latin-1 becomes "caf้".
_THAI_COMBINING = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
_MISPLACED_MARK = re.compile(f"(?<![\u0e01-\u0e2e{_THAI_COMBINING}])[{_THAI_COMBINING}]")

def _looks_thai(text: str) -> bool:
    return bool(_THAI.search(text)) and not _MISPLACED_MARK.search(text)


def _utf16_without_bom(raw: bytes) -> str | None:
    """Text of a UTF-16 file saved without a byte-order mark, or None when it is not one.

    Every ASCII character (keys, ':', spaces, line ends) has a zero byte on the same side in
    UTF-16, so a file whose zero bytes all sit at odd (little-endian) or all at even (big-endian)
    offsets, and that decodes to text without NUL, is UTF-16 and safe to read.
    """
    if len(raw) < 4 or len(raw) % 2:
        return None
    even_zero = raw[0::2].count(0)
    odd_zero = raw[1::2].count(0)
    half = len(raw) // 2
    for codec, zeros, others in (("utf-16-le", odd_zero, even_zero), ("utf-16-be", even_zero, odd_zero)):
        if others == 0 and zeros >= half // 4:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            return None if "\x00" in text else text
    return None


def decode(raw: bytes, file: str, problems: Problems) -> str | None:
    """Bytes of a content file to text, naming any encoding problem for the clerk.

    Decoded silently: UTF-8, with or without a BOM, and Windows/old-Mac line ends. Decoded with a
    warning (the text is unambiguous, but the file should be re-saved): UTF-16 and UTF-32 with or
    without a byte-order mark, and Thai Windows-874/TIS-620. Refused with an error: anything
    else, including NUL bytes and a mix of UTF-8 and Windows-874 in one file.
    """
    text = _decode(raw, file, problems)
    if text is None:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(raw: bytes, file: str, problems: Problems) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 BOM (Windows Notepad) is harmless
    else:
        for bom, codec, name in (
            (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),  # before UTF-16: it starts with FF FE too
            (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
            (b"\xff\xfe", "utf-16", "UTF-16"),
            (b"\xfe\xff", "utf-16", "UTF-16"),
        ):
            if raw.startswith(bom):
                try:
                    text = raw.decode(codec)
                except UnicodeDecodeError:
                    problems.report(file, 1, 0, msg.BROKEN_ENCODING, encoding=name)
                    return None
                _legacy_warning(file, problems, name)
                return text.lstrip("\ufeff")
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16 is not None:
            _legacy_warning(file, problems, "UTF-16")
            return utf16
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        problems.report(file, line, 0, msg.NUL_BYTES)
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    bad_line = raw[:bad].count(b"\n") + 1
    thai_text: str | None
    try:
        thai_text = raw.decode("cp874")
    except UnicodeDecodeError:
        thai_text = None
    if thai_text is not None and _looks_thai(thai_text) and not _THAI.search(raw[:bad].decode("utf-8")):
        _legacy_warning(file, problems, "Windows-874/TIS-620")
        return thai_text
    line_start = raw.rfind(b"\n", 0, bad) + 1
    try:
        rest = raw[line_start:].decode("cp874")
    except UnicodeDecodeError:
        rest = ""
    if _looks_thai(rest):
        # Thai in UTF-8 up to here, Windows-874 from here on: text pasted from two editors.
        # Guessing line by line could garble Thai, so the clerk is told where it changes.
        problems.report(file, bad_line, 0, msg.MIXED_ENCODINGS, line=bad_line)
        return None
    problems.report(file, bad_line, 0, msg.NOT_UTF8)
    return None


def _legacy_warning(file: str, problems: Problems, name: str) -> None:
    th_name = "Windows-874/TIS-620 (ภาษาไทยแบบเก่า)" if name.startswith("Windows") else name
    problems.report(file, 1, 0, msg.LEGACY_ENCODING, encoding_th=th_name, encoding=name)
