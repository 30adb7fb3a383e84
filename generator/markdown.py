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
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)")  # "1. text" would start an ordered list


def escape_inline(text: object) -> Md:
    """Plain text → Markdown that renders as exactly that text, on one line."""
    s = " ".join(str(text).split())  # newlines would end the paragraph or the table row
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _INLINE_SPECIAL.sub(r"\\\1", s)
    s = _LINE_START.sub(r"\1\2\\\3", s)
    if s.startswith(("-", "+", "#", "=", ":")):  # list, heading or definition markers
        s = "\\" + s if s[0] in "-+#" else "&#" + str(ord(s[0])) + ";" + s[1:]
    return Md(s)


_ALLOWED_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"(?<!\\)\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^(\s{0,3})(#{1,6})(?=\s|$)")
_RULE = re.compile(r"^(\s{0,3})([-*_=])(?:\s*\2){2,}\s*$")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
_REFDEF = re.compile(r"^(\s{0,3})\[([^\]]+)\]:")
_BLOCKQUOTE_HTML = re.compile(r"<")


def _safe_link(m: re.Match) -> str:
    text, url = m.group(1), m.group(2)
    if url.lower().startswith(_ALLOWED_SCHEMES):
        return f"[{text}]({url})"
    return text  # relative or scripting links are dropped; the words stay


def _image_to_link(m: re.Match) -> str:
    # Images from elsewhere would make visitors' browsers call a third party.
    alt, url = m.group(1) or url_label(m.group(2)), m.group(2)
    if url.lower().startswith(("http://", "https://")):
        return f"[{alt}]({url})"
    return alt


def url_label(url: str) -> str:
    return url.rsplit("/", 1)[-1] or url


def sanitize_block(text: object) -> Md:
    """Rich text (Markdown) from a clerk → Markdown that cannot escape its place on the page."""
    if text is None:
        return Md("")
    s = str(text).replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = s.replace("{", "\\{").replace("}", "\\}")
    s = _IMAGE.sub(_image_to_link, s)
    s = _LINK.sub(_safe_link, s)
    out: list[str] = []
    for line in s.split("\n"):
        line = _HEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        if _RULE.match(line):
            stripped = line.lstrip()
            line = line[: len(line) - len(stripped)] + "\\" + stripped
            if out and out[-1].strip():
                out.append("")  # a line of --- or === under text would make it a heading
        line = _FENCE.sub(lambda m: m.group(1) + "".join("\\" + c for c in m.group(2)), line)
        line = _REFDEF.sub(lambda m: m.group(1) + "\\[" + m.group(2) + "]:", line)
        out.append(line.rstrip())
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
    block = sanitize_block(text)
    parts = [p.strip() for p in block.split("\n") if p.strip()]
    return Md("<br>".join(p.replace("|", "\\|") for p in parts))


def link_path(target: str, from_page: str) -> str:
    """Relative link from one docs file to another, URL-quoted (Thai and spaces allowed)."""
    rel = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return quote(rel, safe="/#.-_~")


def link(text: object, href: str) -> Md:
    """A Markdown link whose text is escaped; `href` must come from our own code."""
    return Md(f"[{escape_inline(text)}]({href})")


def ext_link(text: object, url: str) -> Md:
    """A link to a clerk-provided URL (validated by the model: http(s), mailto or tel)."""
    safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return Md(f"[{escape_inline(text)}]({safe})")
