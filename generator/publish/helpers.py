"""Formatting helpers the templates call as `t.…`, bound to one page and the site's digit style.

Everything a helper returns is `Md` (already safe Markdown): dates and numbers in the site's
digits, links relative to the page, document lines with kind, size, date and signer.
"""

from __future__ import annotations

import posixpath
from datetime import date
from pathlib import Path

from generator import thai
from generator.content import models as m
from generator.content.filetypes import IMAGE_SUFFIXES, file_kind
from generator.content.scalars import STATUS_TH
from generator.content.site import Site
from generator.publish import markdown as mdx
from generator.publish.markdown import Md

FILES_PREFIX = "files/"


class FileSet:
    """Documents to publish: content-relative reference → docs-relative path."""

    def __init__(self, content_dir: Path) -> None:
        self.content_dir = content_dir
        self.dest: dict[str, str] = {}
        self._by_dest: dict[str, str] = {}

    def add(self, ref: str) -> str:
        if ref in self.dest:
            return self.dest[ref]
        norm = posixpath.normpath(ref)
        if norm == ".." or norm.startswith("../"):  # "../content/a.pdf": inside, but the path goes out
            norm = (self.content_dir / ref).resolve().relative_to(self.content_dir.resolve()).as_posix()
        tail = norm[len(FILES_PREFIX):] if norm.startswith(FILES_PREFIX) else norm
        dest = FILES_PREFIX + tail
        n = 2
        while dest in self._by_dest and self._by_dest[dest] != ref:  # files/a.pdf and a.pdf
            dest = FILES_PREFIX + _numbered(tail, n)
            n += 1
        self.dest[ref] = dest
        self._by_dest[dest] = ref
        return dest

    def size(self, ref: str) -> int:
        return (self.content_dir / ref).stat().st_size


def _numbered(tail: str, n: int) -> str:
    """'a/b.pdf' → 'a/b-2.pdf', the name shortened if it would pass 255 bytes."""
    folder, _, name = tail.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    while len(f"{stem}-{n}{dot}{suffix}".encode()) > 255 and stem:
        stem = stem[:-1]
    return f"{folder}/" * bool(folder) + f"{stem}-{n}{dot}{suffix}"


def human_size(n: int, style: str) -> str:
    if n < 1024:
        text = f"{n} B"
    elif n < 1024 * 1024:
        text = f"{round(n / 1024):,} KB"
    else:
        text = f"{n / 1024 / 1024:.1f} MB"
    return thai.digits(text, style)


class Tools:
    """Formatting helpers bound to one page (for relative links) and the site's digit style."""

    def __init__(self, site: Site, files: FileSet, page_path: str) -> None:
        self.site = site
        self.files = files
        self.page_path = page_path
        self.style = site.digits

    # dates and numbers
    def date(self, d: date | None, full: bool = False) -> Md:
        return Md(thai.format_date(d, self.style, full_month=full)) if d else Md("")

    def fy(self, year: int) -> Md:
        return Md(thai.format_fy(year, self.style))

    def year(self, year: int) -> Md:
        return Md(thai.format_year(year, self.style))

    def num(self, value: float | None, decimals: int | None = None) -> Md:
        return Md(thai.format_number(value, self.style, decimals)) if value is not None else Md("")

    def score(self, value: float | None) -> Md:
        return self.num(value, 2)

    def digits(self, text: str) -> Md:
        return Md(thai.digits(mdx.escape_inline(text), self.style))

    def period(self, p: m.Period | None) -> Md:
        return Md(thai.format_range(p.start, p.end, self.style)) if p else Md("")

    def month(self, ym: tuple[int, int]) -> Md:
        return Md(thai.format_month(ym[0], ym[1], self.style))

    # links
    def page(self, docs_path: str, anchor: str | None = None) -> str:
        href = mdx.link_path(docs_path, self.page_path)
        return f"{href}#{anchor}" if anchor else href

    def file_href(self, ref: str) -> str:
        return mdx.link_path(self.files.add(ref), self.page_path)

    def ext(self, text: str, url: str) -> Md:
        return mdx.ext_link(text, url)

    def tel(self, number: str) -> Md:
        digits_only = "".join(ch for ch in thai.to_arabic(number) if ch.isdigit() or ch == "+")
        return mdx.ext_link(number, f"tel:{digits_only}") if digits_only else mdx.escape_inline(number)

    def mail(self, address: str) -> Md:
        return mdx.ext_link(address, f"mailto:{address}")

    def image(self, ref: str, alt: str, width: int | None = None) -> Md:
        attrs = f"{{ loading=lazy width={width} }}" if width else "{ loading=lazy }"
        return Md(f"![{mdx.escape_inline(alt)}]({self.file_href(ref)}){attrs}")

    def is_image(self, ref: str | None) -> bool:
        return ref is not None and Path(ref).suffix.lower() in IMAGE_SUFFIXES

    def doc(self, d: m.Document) -> Md:
        """'[title (PDF, 120 KB)](href) · ลงวันที่ … · ครอบคลุม …' on one line, for a list item
        ("- " + doc): a note follows on the next lines, indented to stay inside the item."""
        line = self._doc_line(d)
        if d.note:
            line = Md(line + "  \n" + mdx.indent(mdx.sanitize_block(d.note), 4, first=True))
        return Md(line)

    def doc_cell(self, d: m.Document) -> Md:
        """The same for a table cell: one line, a note after a dash with its lines joined."""
        line = self._doc_line(d)
        if d.note:
            line = Md(line + " — " + mdx.cell(d.note, rich=True))
        return Md(line)

    def _doc_line(self, d: m.Document) -> Md:
        if d.file:
            label = f"{d.title} ({file_kind(d.file)}, {human_size(self.files.size(d.file), self.style)})"
            text = mdx.link(label, self.file_href(d.file))
        else:
            url = d.url or ""  # a document has a file or a url (models.Document._one_source)
            host = url.split("//", 1)[-1].split("/", 1)[0]
            text = mdx.ext_link(f"{d.title} (ลิงก์ไปยัง {host})", url)
        extra = []
        if d.date:
            extra.append(f"ลงวันที่ {self.date(d.date)}")
        if d.period:
            extra.append(f"ช่วงเวลา {self.period(d.period)}")
        if d.fiscal_year and not d.period:
            extra.append(self.fy(d.fiscal_year))
        if d.signed_by:
            extra.append(f"ลงนามโดย {mdx.escape_inline(d.signed_by)}")
        return Md(text + "".join(f" · {e}" for e in extra))

    def docs(self, docs: list[m.Document]) -> Md:
        if not docs:
            return Md("")
        # A wrapper (not just a list) so that two lists in a row stay two lists, and the theme
        # can style documents (theme/assets/stylesheets/oit.css: .oit-doc-list).
        items = "\n".join("- " + self.doc(d) for d in docs)
        return Md(f'<div class="oit-doc-list" markdown>\n\n{items}\n\n</div>\n')

    def links(self, links: list[m.Link]) -> Md:
        out = []
        for lk in links:
            line = "- " + mdx.ext_link(lk.title, lk.url)
            if lk.note:
                line += " — " + mdx.cell(lk.note, rich=True)
            out.append(line)
        if not out:
            return Md("")
        items = "\n".join(out)
        return Md(f'<div class="oit-links" markdown>\n\n{items}\n\n</div>\n')

    def status(self, status: str | None) -> Md:
        if not status:
            return Md("")
        return Md(f'<span class="oit-badge oit-status-{status}">{STATUS_TH[status]}</span>')
