"""From a validated Site to the list of pages to write, their context, and the navigation.

Nothing here writes files or knows MkDocs: each page is a docs-relative path, the templates to
try, and the context to render them with. URLs are stable and ASCII (`generator/content/urls.py`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

from generator.checks.readiness import STATUS_TH, assess
from generator.checks.report import pct, where_to_edit
from generator.content import ita, people, topics
from generator.content.models import LICENCES
from generator.content.site import Site
from generator.content.urls import dashboard_path, item_path, year_path
from generator.content.views import ItemView, TopicView, grouped, item_views, topic_view
from generator.publish import dashboard, home, opendata
from generator.publish.helpers import FileSet, Tools


@dataclass
class Page:
    path: str  # docs-relative Markdown path
    templates: list[str]
    context: dict
    meta: dict = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)  # content files the page shows (for the audit)


# Front matter of the pages that stand for their navigation section (the section's label links to
# them): theme/partials/nav-item.html takes only these as a section's index, so an item page
# (oit/2569/o1/index.md) is never hidden behind its sub-indicator's label.
SECTION_INDEX = {"oit_section_index": True}
MORE_INDEX_PATH = "more/index.md"
MORE_TITLE = "ข้อมูลเปิดเผยอื่น"


def more_path(fy: int) -> str:
    return f"more/{fy}/index.md"


@dataclass
class Shown:
    """Which topics (key, fiscal year or None) the pages show, and which fiscal years the
    published ITA years take content from: what is left over is published on the "other
    disclosures" pages or reported by the audit as unpublished."""

    topics: set[tuple[str, int | None]] = field(default_factory=set)
    fiscal_years: set[int] = field(default_factory=set)


def shown_on_item_pages(site: Site, items_by_year: dict[int, list[ItemView]]) -> Shown:
    # the contact, privacy, general-information and policy pages
    shown = Shown({("contact", None), ("social", None), ("privacy", None), ("general", None),
                   ("website_policy", None), ("security_policy", None)})
    for views in items_by_year.values():
        for v in views:
            for tv in v.topics:
                shown.topics.add((tv.key, tv.fy))
                if tv.fy is not None:
                    shown.fiscal_years.add(tv.fy)
    shown.topics.update(("assessment", fy) for fy in site.assessed_years())  # the ITA dashboards
    return shown


def leftover_topics(site: Site, shown: Shown) -> tuple[list[TopicView], dict[int, list[TopicView]]]:
    """Topics with content that no item page shows: persistent ones, and those of the fiscal years
    the published ITA years use (other years are not published at all; the audit says so)."""
    persistent = [topic_view(site, key, None) for key in topics.PERSISTENT_FILES
                  if (key, None) not in shown.topics]
    by_fy: dict[int, list[TopicView]] = {}
    for fy in sorted(shown.fiscal_years):
        for stem in site.years.get(fy, {}):
            for key in topics.year_topics_of(stem):
                if (key, fy) not in shown.topics:
                    by_fy.setdefault(fy, []).append(topic_view(site, key, fy))
    return ([tv for tv in persistent if tv.present],
            {fy: kept for fy, tvs in by_fy.items() if (kept := [tv for tv in tvs if tv.present])})


# Pages every site has, besides the OIT items and the ITA dashboards (docs-relative paths).
GENERAL_PATH = "general/index.md"
CONTACT_PATH = "about/index.md"
SITEMAP_PATH = "sitemap/index.md"
WEBSITE_POLICY_PATH = "website-policy/index.md"
PRIVACY_PATH = "privacy/index.md"
SECURITY_POLICY_PATH = "security-policy/index.md"
ACCESSIBILITY_PATH = "accessibility/index.md"
OIT_PATH = "oit/index.md"
ENGLISH_PATH = "en/index.md"
TITLES = {
    GENERAL_PATH: "ข้อมูลทั่วไป",
    CONTACT_PATH: "ติดต่อหน่วยงาน",
    SITEMAP_PATH: "แผนผังเว็บไซต์",
    WEBSITE_POLICY_PATH: "นโยบายเว็บไซต์",
    PRIVACY_PATH: "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
    SECURITY_POLICY_PATH: "นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์",
    ACCESSIBILITY_PATH: "การเข้าถึงเว็บไซต์",
    OIT_PATH: "การเปิดเผยข้อมูลสาธารณะ (OIT)",
    opendata.PAGE_PATH: "ข้อมูลเปิด (Open Data)",
    ENGLISH_PATH: "English summary",
}
ABOUT_SITE = "เกี่ยวกับเว็บไซต์"  # the navigation section of the sitemap, policies and accessibility


def build_pages(site: Site, files: FileSet, *, preview: bool = False,
                tables: list[opendata.Table] | None = None) -> tuple[list[Page], list]:
    """Every page of the site and the navigation tree (MkDocs `nav` format).

    `preview` (`oit serve`) adds what is written for the LAO: the catalogue's guidance on each
    item page and the "edit this page" button. `tables`: the open-data tables (opendata.tables)
    whose files the pages link."""
    years = site.published_years()
    pages: list[Page] = []
    helpers = template_helpers(site)
    items_by_year: dict[int, list[ItemView]] = {y: item_views(site, y) for y in years}
    newest = years[-1] if years else None
    tables = tables if tables is not None else []
    data_links = opendata.by_topic(tables)

    def add(path: str, templates: list[str], meta: dict, edit: str | None = None,
            sources: list[str] | None = None, **ctx: Any) -> None:
        meta = {**meta, "title": label(meta["title"])}
        if edit and preview and site.org.site.repo_url:
            meta = {**meta, "edit_url": edit_url(site, edit)}
        tools = Tools(site, files, path)
        context = dict(site=site, org=site.org, t=tools, years=years, newest=newest,
                       items_by_year=items_by_year, page_path=path, preview=preview, data_links=data_links,
                       **helpers, **ctx)
        pages.append(Page(path, templates, context, meta, list(dict.fromkeys(sources or ([edit] if edit else [])))))

    org_file = site.topic_file("contact", None)
    assessed = dashboard.dashboards(site, items_by_year)  # assessed years, oldest first
    lead, lead_where = home.executives_lead(site, items_by_year)
    add("index.md", ["home.md.j2"], {"title": site.org.name}, edit=org_file,
        items=items_by_year[newest] if newest else [], ita=assessed,
        news=home.news(site, items_by_year), announcements=home.announcements(site, items_by_year),
        shortcuts=home.shortcuts(site, items_by_year), lead=lead, lead_where=lead_where)
    add(GENERAL_PATH, ["general.md.j2"], {"title": TITLES[GENERAL_PATH]}, edit=site.topic_file("general", None),
        general=topic_view(site, "general", None))
    add(CONTACT_PATH, ["about.md.j2"], {"title": TITLES[CONTACT_PATH]}, edit=org_file,
        contact=topic_view(site, "contact", None))
    add(OIT_PATH, ["oit-index.md.j2"], {"title": TITLES[OIT_PATH], **SECTION_INDEX})

    nav_years = []
    for year in reversed(years):
        views = items_by_year[year]
        add(year_path(year), ["year-index.md.j2"],
            {"title": f"OIT ปี {year}", "search": {"year": year}, **SECTION_INDEX},
            year=year, items=views, catalogue=site.catalogues[year])
        year_nav: list = [year_path(year)]
        for ind in site.catalogues[year].indicators:
            ind_nav = []
            for sub in ind.sub_indicators:
                sub_nav = []
                for v in views:
                    if v.sub is sub:
                        # every item is listed as "O1 title" (ItemView.title), its page titled the same;
                        # `search`: what a search result shows beside the title (publish/search.py)
                        add(v.path, [f"item-{year}-{v.item.code}.md.j2", "item.md.j2"],
                            {"title": v.title, "search": {"code": v.item.code, "year": year,
                                                       "fy": sorted({t.fy for t in v.topics if t.fy is not None})}},
                            edit=v.topics[0].file, sources=[tv.file for tv in v.topics], view=v)
                        sub_nav.append({label(v.title): v.path})
                ind_nav.append({label(f"{sub.id} {sub.title}"): sub_nav})
            year_nav.append({label(f"ตัวชี้วัดที่ {ind.id} {ind.title}"): ind_nav})
        nav_years.append({label(f"OIT ปี {year}"): year_nav})

    nav_ita: list = []
    if assessed:  # the assessment dashboard: /ita/ and one page per assessed year (/ita/<year>/)
        add(dashboard.INDEX_PATH, ["dashboard-index.md.j2"], {"title": dashboard.NAV_TITLE, **SECTION_INDEX},
            dashboards=assessed, trend_chart=dashboard.index_trend_chart(site))
        nav_ita.append(dashboard.INDEX_PATH)
        for d in reversed(assessed):
            add(d.path, ["dashboard.md.j2"], {"title": f"ผลการประเมิน ITA ปี {d.year}", "search": {"year": d.year}},
                edit=d.file, d=d, dashboards=assessed)
            nav_ita.append({label(f"ITA ปี {d.year}"): d.path})

    # What the clerk wrote that no item page shows still gets published: on "other disclosures"
    # pages, persistent topics on the section's index and one page per fiscal year.
    persistent_left, year_left = leftover_topics(site, shown_on_item_pages(site, items_by_year))
    nav_more: list = []
    if persistent_left or year_left:
        fy_pages = [(fy, more_path(fy)) for fy in sorted(year_left, reverse=True)]
        add(MORE_INDEX_PATH, ["more.md.j2"], {"title": MORE_TITLE, **SECTION_INDEX},
            sources=[tv.file for tv in persistent_left], topics=persistent_left, fy_pages=fy_pages, fy=None,
            page_title=MORE_TITLE)
        nav_more.append(MORE_INDEX_PATH)
        for fy, path in fy_pages:
            title = f"{MORE_TITLE} ปีงบประมาณ {fy}"
            add(path, ["more.md.j2"], {"title": title}, edit=year_left[fy][0].file,
                sources=[tv.file for tv in year_left[fy]], topics=year_left[fy],
                fy_pages=[], fy=fy, page_title=title)
            nav_more.append({label(f"ปีงบประมาณ {fy}"): path})
    add(opendata.PAGE_PATH, ["open-data.md.j2"], {"title": TITLES[opendata.PAGE_PATH]}, tables=tables,
        package=opendata.PACKAGE_PATH, ckan=opendata.CKAN_PATH,
        ocds=[t for t in tables if t.dataset.key == opendata.OCDS_SOURCE] if site.org.site.open_data.ocds else [],
        ocds_path=opendata.ocds_path, licence=LICENCES[site.org.site.open_data.licence])
    add(WEBSITE_POLICY_PATH, ["policy.md.j2"], {"title": TITLES[WEBSITE_POLICY_PATH]},
        edit=site.topic_file("website_policy", None), tv=topic_view(site, "website_policy", None))
    add(PRIVACY_PATH, ["privacy.md.j2"], {"title": TITLES[PRIVACY_PATH]},
        edit=site.topic_file("privacy", None), policy=site.topic("privacy", None))
    add(SECURITY_POLICY_PATH, ["policy.md.j2"], {"title": TITLES[SECURITY_POLICY_PATH]},
        edit=site.topic_file("security_policy", None), tv=topic_view(site, "security_policy", None))
    add(ACCESSIBILITY_PATH, ["accessibility.md.j2"], {"title": TITLES[ACCESSIBILITY_PATH]})
    if site.org.site.english:
        add(ENGLISH_PATH, ["english.md.j2"], {"title": TITLES[ENGLISH_PATH]}, edit=org_file,
            items=items_by_year[newest] if newest else [])

    nav = [
        {"หน้าหลัก": "index.md"},
        {TITLES[GENERAL_PATH]: GENERAL_PATH},
        {TITLES[OIT_PATH]: [OIT_PATH, *nav_years]},
        *([{dashboard.NAV_TITLE: nav_ita}] if nav_ita else []),
        *([{MORE_TITLE: nav_more}] if nav_more else []),
        {TITLES[opendata.PAGE_PATH]: opendata.PAGE_PATH},
        {TITLES[CONTACT_PATH]: CONTACT_PATH},
        {ABOUT_SITE: [{TITLES[p]: p} for p in (SITEMAP_PATH, WEBSITE_POLICY_PATH, PRIVACY_PATH,
                                              SECURITY_POLICY_PATH, ACCESSIBILITY_PATH)]},
        *([{TITLES[ENGLISH_PATH]: ENGLISH_PATH}] if site.org.site.english else []),
    ]
    add(SITEMAP_PATH, ["sitemap.md.j2"], {"title": TITLES[SITEMAP_PATH]}, tree=sitemap_tree(nav))
    return pages, nav


def label(text: str) -> str:
    """A page title or navigation label as the theme needs it. MkDocs and Material print titles
    into the page as HTML, unescaped (<title>, the header, the navigation, the breadcrumbs, the
    search results), so a title from content/ — a catalogue item, indicator or sub-indicator an
    LAO wrote itself — is escaped here, the one place every title and label passes."""
    return html.escape(text, quote=False)


@dataclass
class SitemapNode:
    title: str
    path: str | None  # docs path of its page, None for a section without one
    children: list[SitemapNode] = field(default_factory=list)


def sitemap_tree(nav: list) -> list[SitemapNode]:
    """The navigation as a tree of titled links (a section's index page becomes its link).
    Titles come back as plain text: the navigation's are escaped for the theme (`label`), the
    sitemap's template escapes them as Markdown."""
    out = []
    for entry in nav:
        if isinstance(entry, str):  # a section's index page: already the section's link
            continue
        (escaped, value), = entry.items()
        title = html.unescape(escaped)
        if isinstance(value, str):
            out.append(SitemapNode(title, value))
        else:
            index = next((v for v in value if isinstance(v, str)), None)
            out.append(SitemapNode(title, index, sitemap_tree(value)))
    return out


def site_updated(pages: list[Page]) -> date | None:
    """When the site's information last changed: the newest "last updated" of any item page."""
    items_by_year: dict[int, list[ItemView]] = pages[0].context["items_by_year"] if pages else {}
    dates = [d for views in items_by_year.values() for v in views if (d := v.updated)]
    return max(dates) if dates else None


def edit_url(site: Site, content_file: str) -> str:
    """GitHub's editor for the YAML file behind a page: <repo>/edit/<branch>/<file>."""
    base = (site.org.site.repo_url or "").rstrip("/")
    if base.endswith(".git"):
        base = base[:-4]
    sub = site.org.site.repo_subdir.strip("/")
    path = f"{sub}/{content_file}" if sub else content_file
    return f"{base}/edit/{site.org.site.edit_branch}/{quote(path)}"


def template_helpers(site: Site) -> dict:
    """Functions and tables the templates use, bound to this site."""
    return {
        "measure_of": site.measure_of,
        "exec_chart": people.chart,
        "group_measures": lambda ms: grouped(ms, lambda mm: mm),
        "group_results": lambda rs, fy: grouped(rs, lambda r: site.measure_of(r, fy)),
        "group_title": lambda kind, n, label=None: ita.group_title(kind, n, label, site.digits),
        "year_path": year_path,
        "item_path": item_path,
        "dashboard_path": dashboard_path,
        "INDICATORS": ita.INDICATORS,
        "ISSUES": ita.ISSUES,
        "TOOLS_TH": ita.TOOLS_TH,
        "TOOL_INDICATORS": ita.TOOL_INDICATORS,
    }


def readiness_page(site: Site, files: FileSet) -> Page:
    """The maintainer-only page (setting `site.readiness_page`): kept out of nav and search. It
    also carries the catalogue's guidance for the LAO, which the public item pages leave out."""
    path = "readiness/index.md"
    reports = [assess(site, y) for y in reversed(site.published_years())]
    context = {"site": site, "org": site.org, "t": Tools(site, files, path), "reports": reports,
                   "STATUS_TH": STATUS_TH, "where_to_edit": lambda es: where_to_edit(site, es), "pct": pct}
    meta = {"title": label("ความพร้อม OIT (สำหรับผู้ดูแล)"), "search": {"exclude": True}, "robots": "noindex"}
    return Page(path, ["readiness.md.j2"], context, meta)
