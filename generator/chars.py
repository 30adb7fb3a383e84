"""Characters nobody sees: zero-width and direction controls in what clerks type or paste.

Text copied from web pages, PDFs and chat apps carries characters that take no space on screen.
Some are harmless (a zero-width space is how Thai editors mark a line-break opportunity); some
change what a value is (`O1<U+200B>2` is neither O1 nor O12) or how it reads (a right-to-left
override makes "fdp.exe" display as "exe.pdf"). This module says which is which, trims the
harmless ones from the ends of a value, and makes all of them visible in messages.
"""

from __future__ import annotations

import re
import unicodedata

# Take no space and change nothing but line breaking or joining.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Direction marks: in Thai and Latin text (no right-to-left script) they change nothing.
BIDI_MARKS = "\u200e\u200f\u061c"
# Embeddings, overrides and isolates: they reorder what follows, so text reads differently.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_ENDS = re.compile(f"^[\\s{ZERO_WIDTH}{BIDI_MARKS}]+|[\\s{ZERO_WIDTH}{BIDI_MARKS}]+$")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def _hidden(ch: str) -> bool:
    """A character that shows nothing where it stands (format and control characters, line and
    paragraph separators); ordinary spaces, tabs and line ends are not counted."""
    if ch in "\n\t":
        return False
    return unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp")


def visible(text: str) -> str:
    """`text` with every invisible character written out: 'O1\\u200b2' → 'O1<U+200B>2'."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(f"<U+{ord(ch):04X}>" if _hidden(ch) else ch for ch in text)


def invisible_in(text: str) -> list[str]:
    """The invisible characters of `text`, each once, as `U+200B`."""
    return list(dict.fromkeys(f"U+{ord(ch):04X}" for ch in text if _hidden(ch)))


def clean_ends(text: str) -> str:
    """`text` without whitespace, zero-width characters and direction marks at either end:
    harmless leftovers of copying, which would otherwise make 'm1' and 'm1<U+200B>' differ."""
    return _ENDS.sub("", text)


def has_bidi_control(text: str) -> bool:
    """Whether `text` holds a character that reorders the text around it."""
    return bool(_BIDI.search(text))


def normalise_text(text: str) -> str:
    """Free text as it is published: ends trimmed, direction marks and stray byte-order marks
    removed (they change nothing in Thai), zero-width spaces inside kept (line-break hints)."""
    text = clean_ends(text)
    if any(ch in text for ch in BIDI_MARKS + "\ufeff"):
        text = re.sub(f"[{BIDI_MARKS}\ufeff]", "", text)
    return text
