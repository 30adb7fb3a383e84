"""From a validated Site to the list of pages to write, their context, and the navigation.

Nothing here writes files or knows MkDocs: each page is a docs-relative path, the templates to
try, and the context to render them with. URLs are stable and ASCII: `/oit/<ITA year>/o<N>/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from generator.publish import dashboard
from generator.publish import markdown as mdx
from generator.content import models as m
from generator.content import ita
from generator.content import scalars
from generator.content import topics
from generator import thai
from generator.content.catalogue import Catalogue, Element, Indicator, Item, SubIndicator
from generator.content.load import Site
from generator.publish.markdown import Md
from generator.publish.render import IMAGE_SUFFIXES, file_kind, human_size
from generator.content.validate import walk

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
        tail = ref[len(FILES_PREFIX):] if ref.startswith(FILES_PREFIX) else ref
        dest = FILES_PREFIX + tail
        n = 2
        while dest in self._by_dest and self._by_dest[dest] != ref:  # files/a.pdf and a.pdf
            stem, dot, suffix = tail.rpartition(".")
            dest = f"{FILES_PREFIX}{stem}-{n}{dot}{suffix}" if dot else f"{FILES_PREFIX}{tail}-{n}"
            n += 1
        self.dest[ref] = dest
        self._by_dest[dest] = ref
        return dest

    def size(self, ref: str) -> int:
        return (self.content_dir / ref).stat().st_size


@dataclass
class TopicView:
    key: str
    fy: int | None
    title: str
    anchor: str
    model: Any  # the topic's model, or None when the clerk has not written it
    file: str  # where the clerk edits it

    @property
    def present(self) -> bool:
        if self.model is None:
            return False
        if isinstance(self.model, m.Section):
            return not self.model.is_empty()
        return True

    def part_anchor(self, part: str | None) -> str:
        return f"{self.anchor}-{part}" if part else self.anchor


def part_present(key: str, part: str, model: Any) -> bool:
    """Whether the topic's template renders the anchor of `part` (see TOPIC_PARTS)."""
    if model is None:
        return False
    if key == "contact":
        return {"address": True, "phone": bool(model.phone), "email": bool(model.email),
                "map": bool(model.map_url or model.map_image)}[part]
    if key == "structure":
        return bool(model.documents) if part == "chart" else getattr(model, part) is not None
    if key == "executives":
        return any(not p.until for p in getattr(model, part))
    if key == "assessment":
        return {"scores": bool(model.indicators or model.tools),
                "recommendations": bool(model.recommendations),
                "analysis": bool(model.analysis or model.analysis_intro)}[part]
    if key == "results":
        return model.memo is not None
    if key == "eservice":
        return model.statistics is not None
    return False


@dataclass
class ElementView:
    element: Element
    topic: TopicView

    @property
    def anchor(self) -> str:
        """The heading the element's evidence sits under (its part when rendered)."""
        part = self.element.part
        if part and self.topic.present and part_present(self.topic.key, part, self.topic.model):
            return self.topic.part_anchor(part)
        return self.topic.anchor


@dataclass
class ItemView:
    year: int
    catalogue: Catalogue
    indicator: Indicator
    sub: SubIndicator
    item: Item
    topics: list[TopicView]
    note: m.ItemNote | None

    @property
    def path(self) -> str:
        return item_path(self.year, self.item.code)

    @property
    def title(self) -> str:
        return f"{self.item.code} {self.item.title}"

    @property
    def elements(self) -> list[ElementView]:
        by_key = {t.key: t for t in self.topics}
        return [ElementView(e, by_key[e.topic]) for e in self.item.elements]

    @property
    def updated(self) -> date | None:
        dates = [d for t in self.topics if t.model is not None for d in [last_updated(t)] if d]
        return max(dates) if dates else None

    @property
    def data_years(self) -> list[int]:
        return sorted({t.fy for t in self.topics if t.fy is not None})


@dataclass
class Page:
    path: str  # docs-relative Markdown path
    templates: list[str]
    context: dict
    meta: dict = field(default_factory=dict)


def item_path(year: int, code: str) -> str:
    return f"oit/{year}/{code.lower()}/index.md"


def year_path(year: int) -> str:
    return f"oit/{year}/index.md"


def topic_anchor(key: str) -> str:
    return key.replace(".", "-").replace("_", "-")


def last_updated(t: TopicView) -> date | None:
    """Explicit `updated`, else the newest date in the topic's documents, entries or memo."""
    if t.key in topics.ORGANISATION_TOPICS:
        return None
    explicit = getattr(t.model, "updated", None)
    if explicit:
        return explicit
    dates = [v for path, v in walk(t.model) if path and path[-1] in ("date", "updated") and isinstance(v, date)]
    return max(dates) if dates else None


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

    def num(self, value, decimals: int | None = None) -> Md:
        return Md(thai.format_number(value, self.style, decimals)) if value is not None else Md("")

    def score(self, value) -> Md:
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
        return bool(ref) and Path(ref).suffix.lower() in IMAGE_SUFFIXES

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
            host = d.url.split("//", 1)[-1].split("/", 1)[0]
            text = mdx.ext_link(f"{d.title} (ลิงก์ไปยัง {host})", d.url)
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
        return Md(f'<span class="oit-badge oit-status-{status}">{scalars.STATUS_TH[status]}</span>')


def build_pages(site: Site, files: FileSet) -> tuple[list[Page], list]:
    """Every page of the site and the navigation tree (MkDocs `nav` format)."""
    years = site.published_years()
    pages: list[Page] = []
    helpers = template_helpers(site)
    items_by_year: dict[int, list[ItemView]] = {y: item_views(site, y) for y in years}
    newest = years[-1] if years else None

    def add(path: str, templates: list[str], meta: dict, edit: str | None = None, **ctx) -> None:
        if edit and site.org.site.repo_url:
            meta = {**meta, "edit_url": edit_url(site, edit)}
        tools = Tools(site, files, path)
        context = dict(site=site, org=site.org, t=tools, years=years, newest=newest,
                       items_by_year=items_by_year, page_path=path, **helpers, **ctx)
        pages.append(Page(path, templates, context, meta))

    org_file = site.topic_file("contact", None)
    ita = dashboard.dashboards(site, items_by_year)  # assessed years, oldest first
    add("index.md", ["home.md.j2"], {"title": site.org.name}, edit=org_file, items=items_by_year.get(newest, []),
        ita=ita)
    add("about/index.md", ["about.md.j2"], {"title": "เกี่ยวกับหน่วยงานและการติดต่อ"}, edit=org_file)
    add("privacy/index.md", ["privacy.md.j2"], {"title": "ความเป็นส่วนตัว"},
        edit=site.topic_file("privacy", None), policy=site.persistent.get("privacy"))
    add("accessibility/index.md", ["accessibility.md.j2"], {"title": "การเข้าถึงเว็บไซต์"})
    add("oit/index.md", ["oit-index.md.j2"], {"title": "การเปิดเผยข้อมูลสาธารณะ (OIT)"})

    nav_years = []
    for year in reversed(years):
        views = items_by_year[year]
        add(year_path(year), ["year-index.md.j2"], {"title": f"OIT ปี {year}"}, year=year,
            items=views, catalogue=site.catalogues[year])
        year_nav: list = [year_path(year)]
        for ind in site.catalogues[year].indicators:
            ind_nav = []
            for sub in ind.sub_indicators:
                sub_nav = []
                for v in views:
                    if v.sub is sub:
                        add(v.path, [f"item-{year}-{v.item.code}.md.j2", "item.md.j2"],
                            {"title": v.title}, edit=v.topics[0].file, view=v)
                        sub_nav.append({v.title: v.path})
                ind_nav.append({f"{sub.id} {sub.title}": sub_nav})
            year_nav.append({f"ตัวชี้วัดที่ {ind.id} {ind.title}": ind_nav})
        nav_years.append({f"OIT ปี {year}": year_nav})

    nav_ita: list = []
    if ita:  # the assessment dashboard: /ita/ and one page per assessed year (/ita/<year>/)
        add(dashboard.INDEX_PATH, ["dashboard-index.md.j2"], {"title": dashboard.NAV_TITLE}, dashboards=ita,
            trend_chart=dashboard.index_trend_chart(site))
        nav_ita.append(dashboard.INDEX_PATH)
        for d in reversed(ita):
            add(d.path, ["dashboard.md.j2"], {"title": f"ผลการประเมิน ITA ปี {d.year}"}, edit=d.file, d=d,
                dashboards=ita)
            nav_ita.append({f"ITA ปี {d.year}": d.path})

    nav = [
        {"หน้าหลัก": "index.md"},
        {"การเปิดเผยข้อมูลสาธารณะ (OIT)": ["oit/index.md", *nav_years]},
        *([{dashboard.NAV_TITLE: nav_ita}] if nav_ita else []),
        {"เกี่ยวกับหน่วยงาน": "about/index.md"},
        {"ความเป็นส่วนตัว": "privacy/index.md"},
        {"การเข้าถึงเว็บไซต์": "accessibility/index.md"},
    ]
    return pages, nav


def edit_url(site: Site, content_file: str) -> str:
    """GitHub's editor for the YAML file behind a page: <repo>/edit/<branch>/<file>."""
    base = site.org.site.repo_url.rstrip("/")
    if base.endswith(".git"):
        base = base[:-4]
    sub = site.org.site.repo_subdir.strip("/")
    path = f"{sub}/{content_file}" if sub else content_file
    return f"{base}/edit/{site.org.site.edit_branch}/{quote(path)}"


def item_views(site: Site, year: int) -> list[ItemView]:
    cat = site.catalogues[year]
    notes = site.notes.get(year, {})
    views = []
    for ind, sub, item in cat.items():
        resolved = []
        for ref in item.topics:
            fy = ref.fiscal_year(year)
            resolved.append(TopicView(
                key=ref.topic,
                fy=fy,
                title=topics.TOPIC_TITLES[ref.topic],
                anchor=topic_anchor(ref.topic),
                model=site.topic(ref.topic, fy),
                file=site.topic_file(ref.topic, fy),
            ))
        views.append(ItemView(year, cat, ind, sub, item, resolved, notes.get(item.code)))
    return views


@dataclass
class Group:
    """Measures (or results) under one indicator / ประเด็น heading, in document order."""

    kind: str | None  # "indicator", "issue", or None (ungrouped)
    n: int | None
    label: str | None
    measures: list


def template_helpers(site: Site) -> dict:
    """Functions and tables the templates use, bound to this site."""

    def measure_of(result: m.Result, fy: int) -> m.Measure | None:
        year, mid = result.ref(fy)
        measures = site.years.get(year, {}).get("measures")
        return next((mm for mm in measures.measures if mm.id == mid), None) if measures else None

    def group_of(mm: m.Measure | None) -> tuple:
        if mm is None:
            return (None, None)
        if mm.indicator:
            return ("indicator", mm.indicator)
        if mm.issue:
            return ("issue", mm.issue)
        return (None, None)

    def grouped(rows: list, key) -> list[Group]:
        groups: dict[tuple, Group] = {}
        for row in rows:
            mm = key(row)
            kind, n = group_of(mm)
            g = groups.setdefault((kind, n), Group(kind, n, mm.group_label if mm else None, []))
            g.measures.append(row)
        return list(groups.values())

    return dict(
        measure_of=measure_of,
        group_measures=lambda ms: grouped(ms, lambda mm: mm),
        group_results=lambda rs, fy: grouped(rs, lambda r: measure_of(r, fy)),
        INDICATORS=ita.INDICATORS,
        ISSUES=ita.ISSUES,
        TOOLS_TH=ita.TOOLS_TH,
        TOOL_INDICATORS={tool: [n for n, (t, _) in ita.INDICATORS.items() if t == tool] for tool in ("IIT", "EIT", "OIT")},
    )
