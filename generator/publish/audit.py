"""`oit audit`: the built site read as an assessor reads it, reported at the content to fix.

It reads the HTML under `site/` and the record the build kept of what it claimed
(`build/audit.json`, written by `claims.py`): the ITAS sheet's URLs, anchors and verdicts, and
which content file holds what. It never loads the content model, so a verdict the model gets
wrong cannot hide here. The checks, each with its message code (generator/publish/messages.py):

- ITAS sheet (A003–A008): every item's URL opens that item's page (its title is "O1 title");
  every anchor the sheet gives exists there and is headed as the explanation says; every element
  answered มี has evidence at its anchor — text, a table row, or a document or image whose file
  is in the site (A007 is the false มี); every element not ready is listed with what it lacks.
- Navigation (A009): following only the menu from the home page, every item of every published
  year is reached by a link labelled "O1 title". The desktop sidebar and the phone drawer are the
  same menu markup (Material's primary navigation), so one walk checks both.
- Links (A010, A011): every address in every page that stays in the site resolves to a file, and
  every #anchor to an element of its page.
- Empty pages (A012): a page with nothing but headings.
- Nothing meant for the clerk is public (A013–A016): text of an import's leftovers, notes such
  as TODO, the scaffold's example values, template syntax that was never processed; and the
  maintainers' readiness page when it is switched on (A024).
- Nothing the clerk wrote is left unpublished (A017–A019): from the build's record.
- Sizes (A020, A021, A025): documents over 20 MB (over 100 MB GitHub Pages refuses them), and
  images far larger than the page shows them.
- Personal data (A022, A023): a valid Thai national ID in a page's text or a file name, unless the
  clerk lists it as consented to — consented ones are listed.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from PIL import Image, UnidentifiedImageError

from generator import thai
from generator.checks import pdpa
from generator.checks.elements import NOT_DUE
from generator.content.examples import PLACEHOLDER_MARKERS, PLACEHOLDER_VALUES
from generator.content.filetypes import IMAGE_SUFFIXES
from generator.problems import MESSAGES, Message, Problem, Problems, rel
from generator.publish import claims as claims_mod
from generator.publish import messages as msg
from generator.publish.helpers import human_size
from generator.publish.project import Project
from generator.publish.search import ARTICLE_START

DOCUMENT_WARN = 20 * 1024 * 1024  # a phone on a slow connection gives up
DOCUMENT_LIMIT = 100 * 1024 * 1024  # GitHub refuses files over 100 MB
IMAGE_RATIO = 4  # pixels per CSS pixel beyond which an image is far larger than shown
IMAGE_FULL_WIDTH = 3000  # an image without a set width is at most the page's width
IMAGE_MIN_BYTES = 300 * 1024  # small files are not worth a warning
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "li", "td", "dd", "dt", "strong", "a", "figcaption", *HEADINGS}
NOT_TEXT = {"script", "style", "svg", "template"}
CLERK_NOTES = ("TODO", "FIXME", "TBD")
CLERK_NOTE = re.compile(rf"\b({'|'.join(CLERK_NOTES)})\b")  # looked for where one of them is
TEMPLATE_SYNTAX = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\{%|\{#|\{:[^}]*\}|\{ ?[#.][\w-]+[^}]*\}")
TEMPLATE_WORDS = {"None", "null", "undefined", "NaN", "nan"}
BLOCK_VALUES = (*PLACEHOLDER_VALUES, *TEMPLATE_WORDS)
ID_HINT = re.compile(r"[0-9๐-๙](?:[ \-_]?[0-9๐-๙]){12}")  # 13 digits, Thai or Arabic: maybe an ID
SCHEMES = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


# --------------------------------------------------------------------------- a page's article
# Material's markup is known (the theme is pinned), so pages are read with regular expressions and
# a scan of tags that stops as soon as it has an answer: parsing every page into a tree took half
# the audit of a ten-year site.

_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
# Patterns that begin with literal text are found by a fast scan: an attribute's space before it
# is checked on each match instead (a page of 100 KB is read by each pattern in full).
_ID = re.compile(r'id="([^"]+)"')
_ADDRESS = (re.compile(r'href="([^"]*)"'), re.compile(r'src="([^"]*)"'))
_NAV_TAG = re.compile(r"<nav\b[^>]*>|</nav>")
_NAV_LINK = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.S)
_TAGS = re.compile(r"<[^>]+>")
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_SKIPPED = re.compile(r"<(svg|script|style|template)\b.*?</\1>", re.S)
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>|[^<]+|<", re.S)
_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"')
_BLOCK = re.compile(r"<(p|li|td|dd|dt|strong|a|figcaption|h[1-6])\b[^>]*>")
_IMG = re.compile(r"<img\b[^>]*>")


def norm(text: str) -> str:
    return " ".join(text.replace(thai.NBSP, " ").split())


def visible(fragment: str) -> str:
    """The text a reader sees in an HTML fragment (no permalinks "#", icons or scripts)."""
    return norm(html.unescape(_TAGS.sub(" ", _SKIPPED.sub(" ", _HEADERLINK.sub("", fragment)))))


def attrs(tag_text: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(tag_text)}


@dataclass
class Built:
    """One HTML page of the site, read once."""

    path: str  # relative to the site folder, e.g. oit/2569/o1/index.html
    source: str
    _article: str | None = None
    _text: str | None = None
    _ids: set[str] | None = None
    _nav: list[tuple[str, str]] | None = None
    _addresses: list[str] | None = None
    _may_hold: tuple[bool, bool] | None = None

    def prepare(self, base: str, needles: list[str]) -> Built:
        """Everything the checks read of the page alone, worked out now (they need no other page
        nor the site's list of files): `PagesAlongside` does this while MkDocs writes the next
        page, for every page of the site. So the page keeps only what the checks read (not its
        whole HTML; its text only where a text check may find something), and one copy of the
        anchors, addresses and menu labels that pages share. `base`: the site's own path
        (`base_path`); `needles`: the leftovers' texts (`leftover_needles`)."""
        _ = (self.article, self.text, self.may_hold)  # each kept by the page
        if not _text_may_show(self.text, self.may_hold, needles):
            self._text = ""  # what `_Auditor.page_text` reads in it finds nothing there
        self._ids = {sys.intern(i) for i in self.ids}
        self._addresses = [sys.intern(a) for a in self.addresses()]
        self._nav = [(sys.intern(a), sys.intern(label)) for a, label in self.nav_links()]
        for address in [*self._addresses, *(a for a, _ in self._nav)]:
            address_target(self.path, address, base)
        self.source = ""
        return self

    @property
    def ids(self) -> set[str]:
        if self._ids is None:
            source = self.source
            self._ids = {m.group(1) for m in _ID.finditer(source) if source[m.start() - 1].isspace()}
        return self._ids

    @property
    def article(self) -> str:
        if self._article is None:
            start = self.source.find(ARTICLE_START)
            end = self.source.find("</article>", start) if start >= 0 else -1
            self._article = self.source[start + len(ARTICLE_START):end] if end >= 0 else ""
        return self._article

    @property
    def text(self) -> str:
        """The page's title and the visible text of its article."""
        if self._text is None:
            m = _TITLE.search(self.source)
            self._text = norm(f"{visible(m.group(1)) if m else ''} {visible(self.article)}")
        return self._text

    @property
    def may_hold(self) -> tuple[bool, bool]:
        """Whether the text may hold (a placeholder or template word, a national ID): only then
        are its blocks read, or its digits checked."""
        if self._may_hold is None:
            text = self.text
            self._may_hold = (any(v in text for v in BLOCK_VALUES), ID_HINT.search(text) is not None)
        return self._may_hold

    def h1(self) -> str:
        m = _H1.search(self.article)
        return visible(m.group(1)) if m else ""

    def blocks(self) -> Iterator[tuple[str, str]]:
        """(tag, visible text) of paragraphs, list items, cells, headings, bold text and links."""
        article = self.article
        for m in _BLOCK.finditer(article):  # each opening tag, nested ones too (bold text in a paragraph)
            end = article.find(f"</{m.group(1)}>", m.end())
            yield m.group(1), visible(article[m.end():end if end >= 0 else len(article)])

    def images(self) -> Iterator[dict[str, str]]:
        for m in _IMG.finditer(self.article):
            yield attrs(m.group())

    def addresses(self) -> list[str]:
        """Every href and src, in the order they come."""
        if self._addresses is None:
            source = self.source
            found = sorted((m.start(), m.group(1)) for pattern in _ADDRESS for m in pattern.finditer(source)
                           if source[m.start() - 1].isspace())
            self._addresses = [html.unescape(a) for _, a in found]
        return self._addresses

    def nav_links(self) -> list[tuple[str, str]]:
        """(address, label) of the links of the primary navigation (the sidebar on a desktop,
        the drawer on a phone), without the page's table of contents nested in it."""
        if self._nav is None:
            self._nav = self._nav_links()
        return self._nav

    def _nav_links(self) -> list[tuple[str, str]]:
        start = self.source.find('<nav class="md-nav md-nav--primary"')
        if start < 0:
            return []
        kept: list[str] = []  # the primary navigation's markup, cut around each nested table of contents
        depth, keep_from, secondary_depth = 0, start, None
        for m in _NAV_TAG.finditer(self.source, start):
            if m.group().startswith("</"):
                depth -= 1
                if secondary_depth is not None and depth < secondary_depth:
                    secondary_depth, keep_from = None, m.end()
                if depth == 0:
                    kept.append(self.source[keep_from:m.start()])
                    break
            else:
                depth += 1
                if secondary_depth is None and "md-nav--secondary" in m.group():
                    kept.append(self.source[keep_from:m.start()])
                    secondary_depth = depth
        return [(html.unescape(href), visible(label)) for part in kept for href, label in _NAV_LINK.findall(part)]

    def region(self, anchor: str) -> Region | None:
        """What the element with id `anchor` holds: a heading holds what follows it up to the next
        heading of its level or above; any other element holds its content."""
        article = self.article
        m = re.search(r'<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\sid="' + re.escape(anchor) + r'"[^>]*>', article)
        if m is None:
            return None
        tag = m.group(1).lower()
        if tag in HEADINGS:
            close = article.find(f"</{tag}>", m.end())
            close = len(article) if close < 0 else close
            level = int(tag[1])
            after = close + len(tag) + 3
            nxt = re.compile(rf"<h[1-{level}]\b").search(article, after)
            return Region(visible(article[m.end():close]), article[after:nxt.start() if nxt else len(article)], True)
        depth, end = 1, len(article)
        for t in re.finditer(r"<(/?)" + tag + r"\b[^>]*>", article[m.end():]):
            depth += -1 if t.group(1) else 1
            if depth == 0:
                end = m.end() + t.start()
                break
        content = article[m.end():end]
        label = re.search(r"<(strong|b)\b[^>]*>(.*?)</\1>", content, re.S)
        return Region(visible(label.group(2)) if label else "", content, False)


@dataclass
class Region:
    heading: str  # the heading's text, or a block's bold label ("โทรศัพท์:")
    content: str  # the HTML it holds
    is_heading: bool


# --------------------------------------------------------------------------- the audit


@dataclass
class Audit:
    problems: Problems
    verdicts: dict[tuple[int, str, str], bool]  # (ITA year, code, element id) → evidence on the page
    pages: int = 0
    items: int = 0
    elements: int = 0
    seconds: float = 0.0
    consented: list[dict] = field(default_factory=list)

    def summary(self) -> str:
        e, w = len(self.problems.errors), len(self.problems.warnings)
        return (f"ตรวจเว็บไซต์ที่สร้างแล้ว {self.pages} หน้า {self.items} รายการ {self.elements} องค์ประกอบ: "
                f"ข้อผิดพลาด {e} รายการ, คำเตือน {w} รายการ "
                f"(audit of the built site: {self.pages} pages, {self.items} items, {self.elements} elements; "
                f"{e} error(s), {w} warning(s))")

    def as_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages, "items": self.items, "elements": self.elements,
            "problems": [p.as_dict() for p in self.problems.sorted()],
            "elements_on_page": [{"year": y, "code": c, "element": e, "evidence": v}
                                 for (y, c, e), v in sorted(self.verdicts.items())],
            "consented": self.consented,
        }


class _PageText:
    """What the text checks look for on every page, and the consented IDs they met."""

    def __init__(self, claims: dict[str, Any]) -> None:
        self.leftovers = list(zip(claims["leftovers"], leftover_needles(claims), strict=True))
        self.consented: dict[str, dict] = {c["digest"]: c for c in claims["consented"]}
        self.shown: dict[str, list[str]] = {}  # digest → pages showing it


class _Auditor:
    def __init__(self, project: Project, site_dir: Path, claims: dict[str, Any], problems: Problems,
                 read: dict[str, tuple[int, Built]] | None = None) -> None:
        self.root = project.root
        self.read = dict(read or {})  # site path → (size in bytes, the page read and prepared)
        self.site_dir = site_dir
        self.claims = claims
        self.problems = problems
        self.files: dict[str, int] = {}  # site-relative path → size
        top = len(str(site_dir)) + 1
        for dirpath, _dirs, names in os.walk(site_dir):
            folder = dirpath[top:].replace(os.sep, "/")
            for name in names:
                self.files[f"{folder}/{name}" if folder else name] = os.stat(os.path.join(dirpath, name)).st_size
        self.ids: dict[str, set[str]] = {}  # the only thing kept of each page: the anchors it has
        self.broken: set[tuple[str, str]] = set()  # (file, anchor) reported once, from the first page
        self._texts: dict[str, list[str]] = {}
        self.shown_in = rel(project.site_dir, project.root)  # the new site is audited before it is swapped in
        self.base_path = base_path(claims)

    # ------------------------------------------------------------------ helpers

    def page(self, path: str) -> Built:
        """The page as it is in the site: one read while it was written (`read`) when that is the
        file's size still, else the file."""
        ready = self.read.pop(path, None)
        if ready is not None and ready[0] == self.files.get(path):
            return ready[1]
        return Built(path, (self.site_dir / path).read_text(encoding="utf-8", errors="replace"))

    def site_file(self, path: str) -> str:
        return f"{self.shown_in}/{path}"

    def resolve(self, page: str, address: str) -> tuple[str, str] | None:
        """(site-relative file, fragment) of an address on `page`; None when it leaves the site
        (another scheme, another host)."""
        found = address_target(page, address, self.base_path)
        if found is None:
            return None
        target, fragment, index = found
        if index and target not in self.files and index in self.files:
            target = index
        return target, fragment

    def report(self, at: tuple[str, int], message: Message, /, **values: object) -> None:
        th, en, hint = message.format(values)
        self.problems.add(Problem(at[0], at[1], 0, message.severity, th, en, hint, message.code))

    def _lines(self, file: str) -> list[str]:
        if file not in self._texts:
            try:
                text = (self.root / file).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            self._texts[file] = text.split("\n")
        return self._texts[file]

    def locate(self, page: str, needle: str | re.Pattern[str]) -> tuple[str, int]:
        """The content file and line that put `needle` on `page` (its sources, searched as written;
        then every other content file, as a page such as the home page quotes several topics),
        else the page's first source, else the built page itself."""
        sources = self.claims["pages"].get(page, {}).get("sources", [])
        others = (f for info in self.claims["pages"].values() for f in info["sources"])
        for file in dict.fromkeys([*sources, *others]):
            for i, line in enumerate(self._lines(file), 1):
                text = thai.to_arabic(line)
                if (needle.search(text) if isinstance(needle, re.Pattern) else needle in text):
                    return file, i
        if sources:
            return sources[0], 0
        return self.site_file(page), 0

    def locate_document(self, dest: str) -> tuple[str, int]:
        """Where the content names the document published as `dest` (its `file:` line)."""
        ref = self.claims["documents"].get(dest)
        if ref is None:
            return self.site_file(dest), 0
        files = dict.fromkeys(f for info in self.claims["pages"].values() for f in info["sources"])
        for file in files:
            for i, line in enumerate(self._lines(file), 1):
                if ref in line or Path(ref).name in line:
                    return file, i
        return f"content/{ref}", 0

    # ------------------------------------------------------------------ checks

    def run(self) -> Audit:
        """One pass over the pages, each read once (a ten-year site has 400 pages of 100 KB)."""
        result = Audit(self.problems, {})
        items: dict[str, dict] = {}  # the page each ITAS URL opens → its item
        missing = []
        base = self.claims["base"]
        for item in self.claims["items"]:
            url = item["url"]
            target = self.resolve("index.html", url[len(base):]) if url.startswith(base) else None
            if target is not None and target[0] in self.files:
                items[target[0]] = item
            else:
                missing.append(item)
        menus: dict[str, list[tuple[str, str]]] = {}
        anchors: list[tuple[str, str, str, str]] = []  # links to an anchor of another page, checked last
        images: dict[str, tuple[str, str]] = {}  # image file → (a page showing it, the width it is shown at)
        text = _PageText(self.claims)
        for path in sorted(p for p in self.files if p.endswith(".html")):
            built = self.page(path)
            self.ids[path] = built.ids
            menus[path] = built.nav_links()
            anchors += self.links(built)
            info = self.claims["pages"].get(path)
            if info is not None:
                result.pages += 1
                if not info.get("private"):
                    self.page_text(built, text)
                for img in built.images():
                    target = self.resolve(path, img.get("src", ""))
                    if target is not None and target[0] in self.files:
                        images.setdefault(target[0], (path, img.get("width", "")))
            if path in items:
                self.item(result, built, items.pop(path))
        for item in missing:  # no page where the sheet says
            self.item(result, None, item)
        self.check_anchors(anchors)
        self.navigation(menus)
        self.consented(result, text)
        self.sizes(images)
        for entry in self.claims["unpublished"]:
            self.report((entry["file"], entry["line"]), MESSAGES[entry["message"]], **entry["values"])
        for path, info in self.claims["pages"].items():
            if info.get("private") and path in self.files:
                self.report((self.site_file(path), 0), msg.MAINTAINER_PAGE, page=path)
        return result

    def item(self, result: Audit, page: Built | None, item: dict) -> None:
        result.items += 1
        year, code, url = item["year"], item["code"], item["url"]
        first_source = tuple(item["elements"][0]["source"]) if item["elements"] else ("", 0)
        if page is None:
            self.report(first_source, msg.ITEM_PAGE_MISSING, year=year, code=code, url=url)
            for el in item["elements"]:
                result.elements += 1
                result.verdicts[(year, code, el["id"])] = False
            return
        h1 = page.h1()
        if norm(thai.to_arabic(h1)) != norm(thai.to_arabic(item["label"])):
            self.report(first_source, msg.WRONG_PAGE, year=year, code=code, url=url, found=h1, expected=item["label"])
        for el in item["elements"]:
            result.elements += 1
            self.element(result, page, item, el)

    def element(self, result: Audit, page: Built, item: dict, el: dict) -> None:
        year, code = item["year"], item["code"]
        held = page.region(el["expected_anchor"])
        evidence = held is not None and self.has_evidence(page.path, held.content)
        result.verdicts[(year, code, el["id"])] = evidence
        source = tuple(el["source"])
        if el["anchor"] is not None:  # the sheet points there: it must exist and be headed as it says
            if held is None:
                self.report(source, msg.ANCHOR_MISSING, year=year, code=code, anchor=el["anchor"], element=el["text"])
            elif evidence:  # an empty anchor is reported below, as what it is
                expected = el["part_heading"] or el["topic_heading"]
                if not _same_heading(held.heading, expected):
                    self.report(source, msg.HEADING_MISMATCH, year=year, code=code, anchor=el["anchor"],
                                found=held.heading, expected=expected)
        if el["ok"] and not evidence:
            self.report(source, msg.FALSE_PRESENT, year=year, code=code, element=el["text"],
                        anchor=el["expected_anchor"])
        if not el["ok"] and el["status"] != NOT_DUE:  # nothing to fix before its time
            th, en = el["finding"]
            self.report(tuple(el["fix"]), msg.ELEMENT_MISSING, year=year, code=code, element=el["text"],
                        detail=th, detail_en=en)

    def has_evidence(self, page: str, fragment: str) -> bool:
        """Whether an HTML fragment holds evidence a reader can see: text outside headings,
        permalinks and "being updated" notices, a picture whose file is in the site; a link to a
        file the site does not have counts for nothing. Stops at the first piece found."""
        skip_tag, skip_depth = "", 0  # inside an element that is no evidence (a heading, a notice …)
        for m in _TOKEN.finditer(fragment):
            closing, tag = m.group(1), (m.group(2) or "").lower()
            if skip_tag:
                if tag == skip_tag:
                    skip_depth += -1 if closing else 1
                    if skip_depth == 0:
                        skip_tag = ""
                continue
            if not tag:
                if not m.group().startswith("<") and html.unescape(m.group()).strip():
                    return True
                continue
            if closing:
                continue
            if tag in VOID:
                if tag == "img":
                    target = self.resolve(page, attrs(m.group(3)).get("src", ""))
                    if target is None or target[0] in self.files:
                        return True
                continue
            a = attrs(m.group(3))
            if tag in HEADINGS or tag in NOT_TEXT or set(a.get("class", "").split()) & {"headerlink", "oit-pending"}:
                skip_tag, skip_depth = tag, 1
            elif tag == "a" and "href" in a:
                target = self.resolve(page, a["href"])
                if target is not None and target[0] not in self.files:
                    skip_tag, skip_depth = tag, 1  # a link to a file the site does not have is no evidence
        return False

    def navigation(self, menus: dict[str, list[tuple[str, str]]]) -> None:
        """Walk the menu from the home page; every item must be reached by its "O1 title" label."""
        labels: dict[str, set[str]] = {}
        seen, queue = {"index.html"}, ["index.html"]
        while queue:
            here = queue.pop()
            for address, label in menus.get(here, []):
                target = self.resolve(here, address)
                if target is None:
                    continue
                labels.setdefault(target[0], set()).add(norm(thai.to_arabic(label)))
                if target[0] not in seen and target[0].endswith(".html"):
                    seen.add(target[0])
                    queue.append(target[0])
        for item in self.claims["items"]:
            if norm(thai.to_arabic(item["label"])) not in labels.get(item["page"], set()):
                self.report((self.site_file(item["page"]), 0), msg.NAV_MISSING, label=item["label"])

    def links(self, built: Built) -> list[tuple[str, str, str, str]]:
        """Broken links of a page, reported; its links to anchors of other pages, returned."""
        later = []
        for address in dict.fromkeys(built.addresses()):
            resolved = self.resolve(built.path, address)
            if resolved is None:
                continue
            target, fragment = resolved
            if (target, "") in self.broken:
                continue
            if target not in self.files:
                self.broken.add((target, ""))
                where = self.locate_document(target) if target in self.claims["documents"] else \
                    self.locate(built.path, address)
                self.report(where, msg.BROKEN_LINK, page=built.path, href=address)
            elif fragment and target.endswith(".html"):
                if target == built.path:
                    if fragment not in built.ids and unquote(fragment) not in built.ids:
                        self.broken_anchor(built.path, address, target, fragment)
                else:
                    later.append((built.path, address, target, fragment))
        return later

    def check_anchors(self, links: list[tuple[str, str, str, str]]) -> None:
        for page, address, target, fragment in links:
            ids = self.ids.get(target, set())
            if fragment not in ids and unquote(fragment) not in ids:
                self.broken_anchor(page, address, target, fragment)

    def broken_anchor(self, page: str, address: str, target: str, fragment: str) -> None:
        if (target, fragment) in self.broken:
            return
        self.broken.add((target, fragment))
        self.report(self.locate(page, fragment), msg.BROKEN_ANCHOR, page=page, href=address, anchor=fragment)

    def page_text(self, built: Built, seen: _PageText) -> None:
        path = built.path
        if not self.has_evidence(path, built.article):
            self.report(self.locate(path, ""), msg.EMPTY_PAGE, page=path)
        text = built.text
        for entry, needle in seen.leftovers:
            if len(needle) >= 8 and needle in text:
                self.report((entry["file"], entry["line"]), msg.LEFTOVER_PUBLISHED, page=path,
                            leftovers=entry["file"], text=_short(needle))
        for m in CLERK_NOTE.finditer(text) if any(note in text for note in CLERK_NOTES) else ():
            self.report(self.locate(path, m.group()), msg.CLERK_NOTE, page=path, text=_around(text, m))
        for marker in PLACEHOLDER_MARKERS:
            if marker in text:
                self.report(self.locate(path, marker), msg.PLACEHOLDER, page=path, text=marker)
        may_hold_value, may_hold_id = built.may_hold
        if may_hold_value:
            for tag, block in built.blocks():
                if block in PLACEHOLDER_VALUES:
                    self.report(self.locate(path, block), msg.PLACEHOLDER, page=path, text=block)
                elif block in TEMPLATE_WORDS and tag != "a":
                    self.report(self.locate(path, block), msg.TEMPLATE_LEFTOVER, page=path, text=block)
        for m in TEMPLATE_SYNTAX.finditer(text):
            self.report(self.locate(path, m.group()), msg.TEMPLATE_LEFTOVER, page=path, text=_around(text, m))
        if may_hold_id:
            self.national_ids(path, text, "หน้า", "the page", seen)

    def consented(self, result: Audit, seen: _PageText) -> None:
        for path in sorted(self.files):
            if path.startswith("files/"):
                self.national_ids(path, Path(path).name, "ชื่อไฟล์", "the file name", seen)
        for key, pages in seen.shown.items():
            c = seen.consented[key]
            shown = ", ".join(pages[:3]) + (f" (+{len(pages) - 3})" if len(pages) > 3 else "")
            self.report((c["file"], c["line"]), msg.CONSENTED_ID, shown=c["masked"], note=c["note"], pages=shown)
            result.consented.append({"masked": c["masked"], "note": c["note"], "pages": pages})

    def national_ids(self, path: str, text: str, where_th: str, where: str, seen: _PageText) -> None:
        if not ID_HINT.search(text):
            return
        for f in pdpa.find(text):
            if f.kind != "id":
                continue
            key = claims_mod.digest(f.digits)
            if key in seen.consented:
                seen.shown.setdefault(key, []).append(path)
                continue
            spaced = re.compile(r"[ \-_]?".join(f.digits))
            place = self.locate_document(path) if path.startswith("files/") else self.locate(path, spaced)
            self.report(place, msg.NATIONAL_ID_PUBLISHED, where_th=where_th, where=where, page=path,
                        shown=pdpa.mask(f.digits, "id"))

    def sizes(self, images: dict[str, tuple[str, str]]) -> None:
        for dest in sorted(self.claims["documents"]):
            size = self.files.get(dest)
            if size is None:
                continue
            if size > DOCUMENT_LIMIT:
                self.report(self.locate_document(dest), msg.HUGE_DOCUMENT, file_name=dest,
                            size=human_size(size, "arabic"), limit=human_size(DOCUMENT_LIMIT, "arabic"))
            elif size > DOCUMENT_WARN:
                self.report(self.locate_document(dest), msg.LARGE_DOCUMENT, file_name=dest,
                            size=human_size(size, "arabic"), limit=human_size(DOCUMENT_WARN, "arabic"))
        for target, (page, width) in sorted(images.items()):
            self.image(page, target, width)

    def image(self, page: str, target: str, width_attr: str) -> None:
        size = self.files[target]
        if size < IMAGE_MIN_BYTES or Path(target).suffix.lower() not in IMAGE_SUFFIXES:
            return
        try:
            with Image.open(self.site_dir / target) as im:
                w, h = im.size
        except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
            return
        shown = int(width_attr) if width_attr.isdigit() else None
        fit = (shown or 800) * 2  # sharp on a phone's 2× screen
        if (shown and w > IMAGE_RATIO * shown) or (not shown and w > IMAGE_FULL_WIDTH):
            self.report(self.locate_document(target), msg.LARGE_IMAGE, file_name=target, pixels=f"{w}×{h}",
                        size=human_size(size, "arabic"), page=page,
                        shown=f"กว้าง {shown} พิกเซล" if shown else "ไม่เกินความกว้างของหน้า",
                        shown_en=f"{shown} px wide" if shown else "at most the page's width", fit=fit)


def _text_may_show(text: str, may_hold: tuple[bool, bool], needles: list[str]) -> bool:
    """Whether `_Auditor.page_text` can find anything in a page's text: every check it makes
    on the text, first as a question (leftovers, notes, example values, template syntax, IDs)."""
    return (any(may_hold) or any(note in text for note in CLERK_NOTES)
            or any(marker in text for marker in PLACEHOLDER_MARKERS) or TEMPLATE_SYNTAX.search(text) is not None
            or any(len(n) >= 8 and n in text for n in needles))


def leftover_needles(claims: dict[str, Any]) -> list[str]:
    """The texts of an import's leftovers as the audit looks for them on a page."""
    return [norm(e["text"])[:200] for e in claims["leftovers"]]


def base_path(claims: dict[str, Any]) -> str:
    """The path of the site's own address ("/" or "/lao-name/"), under which absolute addresses stay in it."""
    return urlsplit(claims["base"]).path or "/"


@lru_cache(maxsize=1 << 16)
def address_target(page: str, address: str, base: str) -> tuple[str, str, str] | None:
    """What an address on `page` names, as far as the address alone tells: None when it leaves
    the site (another scheme, another host, outside `base`), else (site-relative file, fragment,
    the folder's index.html to take instead when no file has that name, or ""). Kept: every page
    repeats the menu's hundreds of addresses, and the audit's helper works them out ahead."""
    if not address or SCHEMES.match(address) or address.startswith("//"):
        return None
    parts = urlsplit(address)
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment, ""
    if path.startswith("/"):  # absolute: under the site's own address (404.html uses these)
        if not path.startswith(base):
            return None
        path, page = path[len(base):], "index.html"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    target = "" if target == "." else target
    index = f"{target}/index.html" if target else "index.html"
    if path.endswith("/") or not target:
        return index, parts.fragment, ""
    return target, parts.fragment, index


def _same_heading(found: str, expected: str) -> bool:
    def key(s: str) -> str:
        return norm(thai.to_arabic(s)).rstrip(":").strip()
    return key(found) == key(expected)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:60] + "…"


def _around(text: str, m: re.Match[str]) -> str:
    return _short(text[max(0, m.start() - 20):m.end() + 40].strip())


def audit(project: Project, site_dir: Path | None = None, claims: dict[str, Any] | None = None,
          ignore: tuple[str, ...] | list[str] = (), read: dict[str, tuple[int, Built]] | None = None) -> Audit:
    """Audit the built site of `project` (or `site_dir`, e.g. a site not yet swapped in) against the
    record of the build that made it (`claims`, else build/audit.json). `read`: pages already read
    as they were written (site path → (size in bytes, page)); a page whose file now has another
    size is read again."""
    start = time.perf_counter()
    site_dir = site_dir or project.site_dir
    problems = Problems(ignore)
    if not (site_dir / "index.html").is_file():
        problems.report(rel(site_dir, project.root), 0, 0, msg.NO_SITE, site=rel(site_dir, project.root))
        return Audit(problems, {}, seconds=time.perf_counter() - start)
    claims = claims or claims_mod.read(project.build_dir)
    if claims is None:
        shown = rel(project.build_dir / claims_mod.CLAIMS_FILE, project.root)
        problems.report(shown, 0, 0, msg.NO_CLAIMS, file=shown)
        return Audit(problems, {}, seconds=time.perf_counter() - start)
    result = _Auditor(project, site_dir, claims, problems, read).run()
    result.seconds = time.perf_counter() - start
    return result
