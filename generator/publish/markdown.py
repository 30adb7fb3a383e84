"""Turning clerks' text into Markdown that cannot break the page or run in a visitor's browser.

Two kinds of text reach the templates. Plain fields (titles, names, positions) are escaped
completely, so `# ประกาศ` or `a | b` shows exactly as typed. Rich fields accept Markdown (lists,
bold, links) but never raw HTML, attribute lists, images from other hosts, or links with
scripting schemes; anything that could change the structure around it (headings, thematic
breaks, code fences) is neutralised while the text itself is kept.

Templates get this for free: `render.py` escapes every plain `str` it prints, and only values
wrapped in `Md` (made here) pass through unchanged.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote


class Md(str):
    """Text that is already safe Markdown; the template layer prints it as is.

    Concatenation gives a plain `str` again, so a result must be wrapped deliberately.
    """


# Characters Python-Markdown (with the tables and attr_list extensions) gives meaning to inline.
# '#' too: attr_list strips trailing '#'s from a heading, so "ประกาศ ฉบับที่ #" would lose them.
_INLINE_SPECIAL = "\\`*_[]{}|#"
# Each character at once: the specials behind a backslash, and what would start HTML as entities.
_INLINE_ESCAPES = str.maketrans({**{c: "\\" + c for c in _INLINE_SPECIAL}, "&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ESCAPED = re.compile("[" + re.escape(_INLINE_SPECIAL + "&<>") + "]")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)")  # "1. text" would start an ordered list
# Control characters never show, and Python-Markdown uses \x02 and \x03 to mark its own
# placeholders: a text carrying them could pull stashed HTML into the wrong place.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _entity(ch: str) -> str:
    return f"&#{ord(ch)};"


def escape_inline(text: object) -> Md:
    """Plain text → Markdown that renders as exactly that text, on one line."""
    s = str(text)
    if _CONTROL.search(s):
        s = _CONTROL.sub("", s)
    s = " ".join(s.split())  # newlines would end the paragraph or row
    if _ESCAPED.search(s):  # most text has nothing to escape, and translating is slow for Thai
        s = s.translate(_INLINE_ESCAPES)
    if s[:1].isdigit():
        s = _LINE_START.sub(r"\1\2\\\3", s)
    if s.startswith(("-", "+")):  # a list marker, or a rule / setext underline
        s = "\\" + s
    elif s.startswith(("=", ":")):  # a setext underline or a definition; not escapable
        s = _entity(s[0]) + s[1:]
    return Md(s)


_ALLOWED_SCHEMES = ("http://", "https://", "mailto:", "tel:")
# An inline link or image as Python-Markdown reads it: spaces around the address, an address in
# <…>, one level of parentheses inside it, an optional title.
_LINK = re.compile(
    r"(!?)\[([^\[\]\n]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
_HEADING = re.compile(r"^(\s{0,3})(#{1,6})(?=\s|$)")
# A thematic break (--- *** ___, spaced or not) or a setext underline (= or - of any length,
# which turns the line above into a heading).
_RULE = re.compile(r"^(\s{0,3})(?:([-*_])(?:\s*\2){2,}|=+|-+)\s*$")
_FENCE = re.compile(r"^(\s*)(~{3,})")
_ADMONITION = re.compile(r"^(\s*)(!!!|\?\?\?)")
_DEFINITION = re.compile(r"^(\s{0,3}):(?=\s)")
_LIST_ITEM = re.compile(r"^\s*(?:[-+*]|\d+\.)\s")
# What a heading, rule, fence, admonition or definition starts with, after any white space
_BLOCK_STARTS = frozenset("#-*_=~!?:")
_STASHED = re.compile("\x00(\\d+)\x00")  # a link set aside while the text around it is escaped


_TEXT_SPECIAL = re.compile(r"\\(.)|([{}|`\[\]])")


def _escape_text(s: str) -> str:
    """Everything that is not a whitelisted construct is shown as typed."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Braces: attribute lists; pipes: tables; backticks: code (inside which our entities would
    # show as "&lt;"); brackets: links and references that were not whitelisted. A clerk's own
    # escape ("\-", "\|", "\\") is kept as it is: escaping its character again would make
    # "\|" read as a shown backslash and a live pipe.
    if not any(c in s for c in "\\{}|`[]"):
        return s
    return _TEXT_SPECIAL.sub(lambda m: m.group(0) if m.group(1) is not None else "\\" + m.group(2), s)


# In a link's address: what would end it or the line (whitespace, brackets), start a title
# (quotes), start code (backticks) or be read as an escape (backslash). Percent-encoded, the
# address still works.
_URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f`<>()\[\]\\\"']")


def safe_url(url: str) -> str:
    return _URL_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url)


def _link(m: re.Match) -> str:
    image, text, url = m.group(1), m.group(2), m.group(3)
    shown = _escape_text(text)
    safe = safe_url(url)
    if image:
        # Images from elsewhere would make visitors' browsers call a third party: a link instead.
        if url.lower().startswith(("http://", "https://")):
            return f"[{shown or _escape_text(url_label(url))}]({safe})"
        return shown
    if url.lower().startswith(_ALLOWED_SCHEMES):
        return f"[{shown}]({safe})"
    return shown  # relative or scripting links are dropped; the words stay


def url_label(url: str) -> str:
    return url.rsplit("/", 1)[-1] or url


def sanitize_block(text: object) -> Md:
    """Rich text (Markdown) from a clerk → Markdown that cannot escape its place on the page.

    Kept: paragraphs, lists, bold and italic, links to http(s)/mailto/tel. Shown as typed
    instead: HTML, headings, rules and setext underlines, tables, code, fences, admonitions,
    definition lists, attribute lists, link references; indentation that would make a code block
    is removed.
    """
    if text is None:
        return Md("")
    s = _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n")).strip("\n")
    links: list[str] = []

    def stash(m: re.Match) -> str:
        links.append(_link(m))
        return f"\x00{len(links) - 1}\x00"

    s = _LINK.sub(stash, s)  # before escaping: the address must stay as written
    s = _escape_text(s)
    out: list[str] = []
    blank_before, in_list = True, False
    for line in s.split("\n"):
        # Links back first: a dropped link can leave "---" or "# …" at the start of a line.
        if "\x00" in line:
            line = _STASHED.sub(lambda m: links[int(m.group(1))], line)
        line = line.expandtabs(4).rstrip()
        body = line.lstrip(" ")
        if not body:
            out.append("")
            blank_before = True
            continue
        depth = len(line) - len(body)
        if depth >= 4 and blank_before:
            # Would become a code block: outside a list, or (4 deeper than a list item's text)
            # inside one, where the template may already have put the whole text in a list item.
            depth = 4 if in_list else 0
            line = " " * depth + body
        if _LIST_ITEM.match(line):
            in_list = True
        elif depth == 0 and blank_before:
            in_list = False
        blank_before = False
        if line.lstrip()[:1] not in _BLOCK_STARTS:  # nothing below can match: the usual line of text
            out.append(line)
            continue
        line = _HEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        if _RULE.match(line):
            pad = len(line) - len(line.lstrip())
            line = line[:pad] + _entity(line[pad]) + line[pad + 1:]
        line = _FENCE.sub(lambda m: m.group(1) + _entity("~") + m.group(2)[1:], line)
        line = _ADMONITION.sub(lambda m: m.group(1) + _entity(m.group(2)[0]) + m.group(2)[1:], line)
        line = _DEFINITION.sub(lambda m: m.group(1) + _entity(":"), line)
        out.append(line)
    return Md("\n".join(out))


def indent(text: str, spaces: int = 4, first: bool = False) -> Md:
    """Indent continuation lines (to nest a block inside a list item or admonition)."""
    pad = " " * spaces
    lines = str(text).split("\n")
    head = (pad + lines[0]) if first else lines[0]
    rest = [(pad + ln) if ln.strip() else "" for ln in lines[1:]]
    return Md("\n".join([head, *rest]))


def cell(text: object, rich: bool = False) -> Md:
    """Text for a table cell: one line, pipes escaped, paragraphs joined with <br>."""
    if not rich:
        return escape_inline(text)
    block = sanitize_block(text)  # pipes are already escaped
    parts = [p.strip() for p in block.split("\n") if p.strip()]
    return Md("<br>".join(parts))


def link_path(target: str, from_page: str) -> str:
    """Relative link from one docs file to another, URL-quoted (Thai, spaces, '#' and '?' in a
    file name allowed: quoted, they cannot start a fragment or a query)."""
    return quote(relative_path(target, posixpath.dirname(from_page) or "."), safe="/.-_~")


def relative_path(target: str, start: str) -> str:
    """`posixpath.relpath` of two paths inside the docs folder, without its look at the working
    folder (a system call per link: 6,000 a ten-year site)."""
    to = posixpath.normpath(target)
    here = posixpath.normpath(start)
    if to.startswith(("/", "..")) or here.startswith(("/", "..")):
        return posixpath.relpath(target, start)  # not inside one folder: the general case
    to_parts = [] if to == "." else to.split("/")
    here_parts = [] if here == "." else here.split("/")
    common = 0
    for a, b in zip(to_parts, here_parts, strict=False):  # the shorter decides
        if a != b:
            break
        common += 1
    parts = [".."] * (len(here_parts) - common) + to_parts[common:]
    return "/".join(parts) if parts else "."


def link(text: object, href: str) -> Md:
    """A Markdown link whose text is escaped; `href` must come from our own code."""
    return Md(f"[{escape_inline(text)}]({href})")


def ext_link(text: object, url: str) -> Md:
    """A link to a clerk-provided URL (validated by the model: http(s), mailto or tel)."""
    return Md(f"[{escape_inline(text)}]({safe_url(url)})")
