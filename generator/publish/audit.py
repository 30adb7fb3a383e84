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
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from PIL import Image, UnidentifiedImageError

from generator import thai
from generator.checks import pdpa
from generator.content.examples import PLACEHOLDER_MARKERS, PLACEHOLDER_VALUES
from generator.content.filetypes import IMAGE_SUFFIXES
from generator.problems import MESSAGES, Message, Problems, rel
from generator.publish import claims as claims_mod
from generator.publish import messages as msg
from generator.publish.helpers import human_size
from generator.publish.project import Project

DOCUMENT_WARN = 20 * 1024 * 1024  # a phone on a slow connection gives up
DOCUMENT_LIMIT = 100 * 1024 * 1024  # GitHub refuses files over 100 MB
IMAGE_RATIO = 4  # pixels per CSS pixel beyond which an image is far larger than shown
IMAGE_FULL_WIDTH = 3000  # an image without a set width is at most the page's width
IMAGE_MIN_BYTES = 300 * 1024  # small files are not worth a warning
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "li", "td", "dd", "dt", "strong", "a", "figcaption", *HEADINGS}
NOT_TEXT = {"script", "style", "svg", "template"}
CLERK_NOTE = re.compile(r"\b(TODO|FIXME|TBD)\b")
TEMPLATE_SYNTAX = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\{%|\{#|\{:[^}]*\}|\{ ?[#.][\w-]+[^}]*\}")
TEMPLATE_WORDS = {"None", "null", "undefined", "NaN", "nan"}
ID_HINT = re.compile(r"[0-9](?:[ \-_]?[0-9]){12}")
SCHEMES = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


# --------------------------------------------------------------------------- a page's article


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def level(self) -> int | None:
        return int(self.tag[1]) if self.tag in HEADINGS else None

    def walk(self) -> Iterator[Node]:
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def text(self) -> str:
        """The visible text, without heading permalinks ("#") and the theme's icons."""
        out: list[str] = []
        _text(self, out)
        return norm("".join(out))


def _text(node: Node, out: list[str]) -> None:
    for c in node.children:
        if isinstance(c, str):
            out.append(c)
        elif c.tag not in NOT_TEXT and "headerlink" not in c.classes:
            if c.tag in BLOCKS or c.tag in ("br", "ul", "ol", "table", "tr", "div"):
                out.append(" ")
            _text(c, out)


def norm(text: str) -> str:
    return " ".join(text.replace(thai.NBSP, " ").split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.at = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.at.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.at))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.at
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.at = node.parent

    def handle_data(self, data: str) -> None:
        self.at.children.append(data)


def parse(fragment: str) -> Node:
    b = _Builder()
    b.feed(fragment)
    b.close()
    return b.root


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_IDS = re.compile(r'\sid="([^"]+)"')
_ADDRESSES = re.compile(r'\s(?:href|src)="([^"]*)"')
_NAV_TAG = re.compile(r'<nav\b[^>]*>|</nav>')
_NAV_LINK = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.S)
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class Built:
    """One HTML page of the site, read once."""

    path: str  # relative to the site folder, e.g. oit/2569/o1/index.html
    source: str
    _article: Node | None = None
    _ids: set[str] | None = None

    @property
    def ids(self) -> set[str]:
        if self._ids is None:
            self._ids = set(_IDS.findall(self.source))
        return self._ids

    @property
    def article(self) -> Node:
        if self._article is None:
            m = _ARTICLE.search(self.source)
            self._article = parse(m.group(1) if m else "")
        return self._article

    @property
    def title(self) -> str:
        m = _TITLE.search(self.source)
        return norm(html.unescape(_TAGS.sub("", m.group(1)))) if m else ""

    def h1(self) -> str:
        return next((n.text() for n in self.article.walk() if n.tag == "h1"), "")

    def addresses(self) -> list[str]:
        return [html.unescape(a) for a in _ADDRESSES.findall(self.source)]

    def nav_links(self) -> list[tuple[str, str]]:
        """(address, label) of the links of the primary navigation (the sidebar on a desktop,
        the drawer on a phone), without the page's table of contents nested in it."""
        start = self.source.find('<nav class="md-nav md-nav--primary"')
        if start < 0:
            return []
        kept, depth, skip_from, secondary_depth, pos = [], 0, start, None, start
        for m in _NAV_TAG.finditer(self.source, start):
            if m.group().startswith("</"):
                depth -= 1
                if secondary_depth is not None and depth < secondary_depth:
                    secondary_depth, skip_from = None, m.end()
                if depth == 0:
                    if secondary_depth is None:
                        kept.append(self.source[skip_from:m.start()])
                    pos = m.end()
                    break
            else:
                depth += 1
                if secondary_depth is None and "md-nav--secondary" in m.group():
                    kept.append(self.source[skip_from:m.start()])
                    secondary_depth = depth
        del pos
        out = []
        for part in kept:
            for href, label in _NAV_LINK.findall(part):
                out.append((html.unescape(href), norm(html.unescape(_TAGS.sub(" ", label)))))
        return out


def region(article: Node, anchor: str) -> tuple[Node, list[Node | str]] | None:
    """The element with id `anchor` and what it holds: a heading holds what follows it up to the
    next heading of its level or above; any other element holds its content."""
    target = next((n for n in article.walk() if n.attrs.get("id") == anchor), None)
    if target is None:
        return None
    if target.level is None or target.parent is None:
        return target, list(target.children)
    siblings = target.parent.children
    held: list[Node | str] = []
    for c in siblings[siblings.index(target) + 1:]:
        if isinstance(c, Node) and c.level is not None and c.level <= target.level:
            break
        held.append(c)
    return target, held


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


class _Auditor:
    def __init__(self, project: Project, site_dir: Path, claims: dict[str, Any], problems: Problems) -> None:
        self.root = project.root
        self.site_dir = site_dir
        self.claims = claims
        self.problems = problems
        self.files: dict[str, int] = {}  # site-relative path → size
        for dirpath, _dirs, names in os.walk(site_dir):
            for name in names:
                p = Path(dirpath, name)
                self.files[p.relative_to(site_dir).as_posix()] = p.stat().st_size
        self.built: dict[str, Built] = {}
        self._texts: dict[str, list[str]] = {}
        self.shown_in = rel(project.site_dir, project.root)  # the new site is audited before it is swapped in
        self.base_path = urlsplit(claims["base"]).path or "/"

    # ------------------------------------------------------------------ helpers

    def page(self, path: str) -> Built | None:
        if path not in self.built:
            if path not in self.files:
                return None
            self.built[path] = Built(path, (self.site_dir / path).read_text(encoding="utf-8", errors="replace"))
        return self.built[path]

    def site_file(self, path: str) -> str:
        return f"{self.shown_in}/{path}"

    def resolve(self, page: str, address: str) -> tuple[str, str] | None:
        """(site-relative file, fragment) of an address on `page`; None when it leaves the site
        (another scheme, another host)."""
        if not address or SCHEMES.match(address) or address.startswith("//"):
            return None
        parts = urlsplit(address)
        path = unquote(parts.path)
        if not path:
            return page, parts.fragment
        if path.startswith("/"):  # absolute: under the site's own address (404.html uses these)
            if not path.startswith(self.base_path):
                return None
            path, page = path[len(self.base_path):], "index.html"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        target = "" if target == "." else target
        index = f"{target}/index.html" if target else "index.html"
        if path.endswith("/") or not target or (target not in self.files and index in self.files):
            target = index
        return target, parts.fragment

    def report(self, at: tuple[str, int], message: Message, /, **values: object) -> None:
        self.problems.report(at[0], at[1], 0, message, **values)

    def _lines(self, file: str) -> list[str]:
        if file not in self._texts:
            try:
                text = (self.root / file).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            self._texts[file] = text.split("\n")
        return self._texts[file]

    def locate(self, page: str, needle: str | re.Pattern[str]) -> tuple[str, int]:
        """The content file and line that put `needle` on `page` (its sources, searched as written),
        else the page's first source, else the built page itself."""
        sources = self.claims["pages"].get(page, {}).get("sources", [])
        for file in sources:
            for i, line in enumerate(self._lines(file), 1):
                text = thai.to_arabic(line)
                if (needle.search(text) if isinstance(needle, re.Pattern) else needle in text):
                    return file, i
        if sources:
            return sources[0], 0
        return self.site_file(page), 0

    def locate_document(self, dest: str) -> tuple[str, int]:
        ref = self.claims["documents"].get(dest)
        if ref is None:
            return self.site_file(dest), 0
        for page, info in self.claims["pages"].items():
            for file in info["sources"]:
                for i, line in enumerate(self._lines(file), 1):
                    if ref in line or Path(ref).name in line:
                        return file, i
            del page
        return f"content/{ref}", 0

    # ------------------------------------------------------------------ checks

    def run(self) -> Audit:
        result = Audit(self.problems, {})
        self.items(result)
        self.navigation()
        self.links()
        self.pages_text(result)
        self.sizes()
        for entry in self.claims["unpublished"]:
            self.report((entry["file"], entry["line"]), MESSAGES[entry["message"]], **entry["values"])
        for path, info in self.claims["pages"].items():
            if info.get("private") and path in self.files:
                self.report((self.site_file(path), 0), msg.MAINTAINER_PAGE, page=path)
        result.pages = sum(1 for p in self.claims["pages"] if p in self.files)
        return result

    def items(self, result: Audit) -> None:
        base = self.claims["base"]
        for item in self.claims["items"]:
            result.items += 1
            year, code = item["year"], item["code"]
            url = item["url"]
            resolved = self.resolve("index.html", url[len(base):]) if url.startswith(base) else None
            page = self.page(resolved[0]) if resolved else None
            first_source = tuple(item["elements"][0]["source"]) if item["elements"] else ("", 0)
            if page is None:
                self.report(first_source, msg.ITEM_PAGE_MISSING, year=year, code=code, url=url)
                for el in item["elements"]:
                    result.elements += 1
                    result.verdicts[(year, code, el["id"])] = False
                continue
            h1 = page.h1()
            if norm(thai.to_arabic(h1)) != norm(thai.to_arabic(item["label"])):
                self.report(first_source, msg.WRONG_PAGE, year=year, code=code, url=url, found=h1, expected=item["label"])
            for el in item["elements"]:
                result.elements += 1
                self.element(result, page, item, el)

    def element(self, result: Audit, page: Built, item: dict, el: dict) -> None:
        year, code = item["year"], item["code"]
        held = region(page.article, el["expected_anchor"])
        evidence = held is not None and self.has_evidence(page.path, held[1])
        result.verdicts[(year, code, el["id"])] = evidence
        source = tuple(el["source"])
        if el["anchor"] is not None:  # the sheet points there: it must exist and be headed as it says
            if held is None:
                self.report(source, msg.ANCHOR_MISSING, year=year, code=code, anchor=el["anchor"], element=el["text"])
            elif evidence:  # an empty anchor is reported below, as what it is
                expected = el["part_heading"] or el["topic_heading"]
                found = self.heading_of(held)
                if not _same_heading(found, expected):
                    self.report(source, msg.HEADING_MISMATCH, year=year, code=code, anchor=el["anchor"],
                                found=found, expected=expected)
        if el["ok"] and not evidence:
            self.report(source, msg.FALSE_PRESENT, year=year, code=code, element=el["text"],
                        anchor=el["expected_anchor"])
        if not el["ok"]:
            th, en = el["finding"] or ("ยังไม่มีบนหน้า", "not on the page")
            self.report(tuple(el["fix"]), msg.ELEMENT_MISSING, year=year, code=code, element=el["text"],
                        detail=th, detail_en=en)

    @staticmethod
    def heading_of(held: tuple[Node, list[Node | str]]) -> str:
        target, content = held
        if target.level is not None:
            return target.text()
        first = next((c for c in content if isinstance(c, Node)), None)
        label = next((n for n in first.walk() if n.tag in ("strong", "b")), None) if first else None
        return label.text() if label else ""

    def has_evidence(self, page: str, nodes: list[Node | str]) -> bool:
        for n in nodes:
            if isinstance(n, str):
                if n.strip():
                    return True
            elif self._evidence_in(page, n):
                return True
        return False

    def _evidence_in(self, page: str, node: Node) -> bool:
        if node.tag in HEADINGS or node.tag in NOT_TEXT or {"headerlink", "oit-pending"} & node.classes:
            return False
        if node.tag == "img":
            target = self.resolve(page, node.attrs.get("src", ""))
            return target is None or target[0] in self.files
        if node.tag == "a" and "href" in node.attrs:
            target = self.resolve(page, node.attrs["href"])
            if target is not None and target[0] not in self.files:
                return False  # a document link whose file is not in the site is no evidence
        return self.has_evidence(page, node.children)

    def navigation(self) -> None:
        """Walk the menu from the home page; every item must be reached by its "O1 title" label."""
        labels: dict[str, set[str]] = {}
        seen, queue = {"index.html"}, ["index.html"]
        while queue:
            built = self.page(queue.pop())
            if built is None:
                continue
            for address, label in built.nav_links():
                target = self.resolve(built.path, address)
                if target is None:
                    continue
                labels.setdefault(target[0], set()).add(norm(thai.to_arabic(label)))
                if target[0] not in seen and target[0].endswith(".html"):
                    seen.add(target[0])
                    queue.append(target[0])
        for item in self.claims["items"]:
            if norm(thai.to_arabic(item["label"])) not in labels.get(item["page"], set()):
                self.report((self.site_file(item["page"]), 0), msg.NAV_MISSING, label=item["label"])

    def links(self) -> None:
        reported: set[tuple[str, str]] = set()
        for path in sorted(self.files):
            if not path.endswith(".html"):
                continue
            built = self.page(path)
            assert built is not None
            for address in built.addresses():
                resolved = self.resolve(path, address)
                if resolved is None:
                    continue
                target, fragment = resolved
                if (target, fragment) in reported:
                    continue
                if target not in self.files:
                    reported.add((target, fragment))
                    where = self.locate_document(target) if target in self.claims["documents"] else \
                        self.locate(path, address)
                    self.report(where, msg.BROKEN_LINK, page=path, href=address)
                elif fragment and target.endswith(".html"):
                    other = self.page(target)
                    if other is not None and fragment not in other.ids and unquote(fragment) not in other.ids:
                        reported.add((target, fragment))
                        self.report(self.locate(path, fragment), msg.BROKEN_ANCHOR, page=path, href=address,
                                    anchor=fragment)

    def pages_text(self, result: Audit) -> None:
        leftovers = [(e, norm(e["text"])[:200]) for e in self.claims["leftovers"]]
        consented = {c["digest"]: c for c in self.claims["consented"]}
        shown_consented: dict[str, list[str]] = {}
        for path, info in sorted(self.claims["pages"].items()):
            built = self.page(path)
            if built is None or info.get("private"):
                continue
            article = built.article
            if not self.has_evidence(path, article.children):
                self.report(self.locate(path, ""), msg.EMPTY_PAGE, page=path)
            text = norm(f"{built.title} {article.text()}")
            for entry, needle in leftovers:
                if len(needle) >= 8 and needle in text:
                    self.report((entry["file"], entry["line"]), msg.LEFTOVER_PUBLISHED, page=path,
                                leftovers=entry["file"], text=_short(needle))
            for m in CLERK_NOTE.finditer(text):
                self.report(self.locate(path, m.group()), msg.CLERK_NOTE, page=path, text=_around(text, m))
            for marker in PLACEHOLDER_MARKERS:
                if marker in text:
                    self.report(self.locate(path, marker), msg.PLACEHOLDER, page=path, text=marker)
            for n in article.walk():
                if n.tag in BLOCKS:
                    block = n.text()
                    if block in PLACEHOLDER_VALUES:
                        self.report(self.locate(path, block), msg.PLACEHOLDER, page=path, text=block)
                    elif block in TEMPLATE_WORDS and n.tag != "a":
                        self.report(self.locate(path, block), msg.TEMPLATE_LEFTOVER, page=path, text=block)
            for m in TEMPLATE_SYNTAX.finditer(text):
                self.report(self.locate(path, m.group()), msg.TEMPLATE_LEFTOVER, page=path, text=_around(text, m))
            self.national_ids(path, text, "หน้า", "the page", consented, shown_consented)
        for path in sorted(self.files):
            if path.startswith("files/"):
                self.national_ids(path, Path(path).name, "ชื่อไฟล์", "the file name", consented, shown_consented)
        for key, pages in shown_consented.items():
            c = consented[key]
            shown = ", ".join(pages[:3]) + (f" (+{len(pages) - 3})" if len(pages) > 3 else "")
            self.report((c["file"], c["line"]), msg.CONSENTED_ID, shown=c["masked"], note=c["note"], pages=shown)
            result.consented.append({"masked": c["masked"], "note": c["note"], "pages": pages})

    def national_ids(self, path: str, text: str, where_th: str, where: str, consented: dict[str, dict],
                     shown_consented: dict[str, list[str]]) -> None:
        if not ID_HINT.search(thai.to_arabic(text)):
            return
        for f in pdpa.find(text):
            if f.kind != "id":
                continue
            key = claims_mod.digest(f.digits)
            if key in consented:
                shown_consented.setdefault(key, []).append(path)
                continue
            spaced = re.compile(r"[ \-_]?".join(f.digits))
            place = self.locate_document(path) if path.startswith("files/") else self.locate(path, spaced)
            self.report(place, msg.NATIONAL_ID_PUBLISHED, where_th=where_th, where=where, page=path,
                        shown=pdpa.mask(f.digits, "id"))

    def sizes(self) -> None:
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
        checked: set[str] = set()
        for path in sorted(self.claims["pages"]):
            built = self.page(path)
            if built is None:
                continue
            for img in (n for n in built.article.walk() if n.tag == "img"):
                resolved = self.resolve(path, img.attrs.get("src", ""))
                if resolved is None or resolved[0] in checked or resolved[0] not in self.files:
                    continue
                target = resolved[0]
                checked.add(target)
                self.image(path, target, img.attrs.get("width", ""))

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


def _same_heading(found: str, expected: str) -> bool:
    def key(s: str) -> str:
        return norm(thai.to_arabic(s)).rstrip(":").strip()
    return key(found) == key(expected)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:60] + "…"


def _around(text: str, m: re.Match[str]) -> str:
    return _short(text[max(0, m.start() - 20):m.end() + 40].strip())


def audit(project: Project, site_dir: Path | None = None, claims: dict[str, Any] | None = None,
          ignore: tuple[str, ...] | list[str] = ()) -> Audit:
    """Audit the built site of `project` (or `site_dir`, e.g. a site not yet swapped in) against the
    record of the build that made it (`claims`, else build/audit.json)."""
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
    result = _Auditor(project, site_dir, claims, problems).run()
    result.seconds = time.perf_counter() - start
    return result
