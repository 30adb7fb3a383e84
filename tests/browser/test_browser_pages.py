"""Pages as a visitor sees them: home, navigation to an item, breadcrumbs, the OIT index,
phone width, privacy (requests, cookies, fonts), print.

The sample site is served at http://127.0.0.1:PORT/ita/, the path of its site_url.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from .conftest import settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ITEM_TITLE = re.compile(r"^O\d+\s+\S")


def newest_year(site) -> str:
    return max(p.split("/")[1] for p in site.item_pages())


def test_home_page_navigation_to_an_item_and_breadcrumbs(page, site):
    year = newest_year(site)
    page.goto(site.url(""))
    org = site.generated.site.org
    assert page.title().startswith(org.name), page.title()
    assert page.locator("article h1").first.inner_text().strip().startswith(org.name)
    # The home page lists every item of the newest year; follow the link to O2.
    items = page.locator(f"article a[href='oit/{year}/o2/']")
    assert items.count() >= 1
    items.first.click()
    page.wait_for_load_state()
    assert page.url == site.url(f"oit/{year}/o2/")
    assert page.locator("article h1").inner_text().strip().startswith("O2")
    # Breadcrumbs: home › OIT › the year › …, a labelled navigation landmark of its own.
    crumbs = page.locator("nav.md-path")
    assert crumbs.get_attribute("aria-label") == "เส้นทางนำทาง"
    assert crumbs.get_attribute("aria-label") != page.locator("nav.md-nav--primary").get_attribute("aria-label")
    links = crumbs.locator("a.md-path__link")
    texts = [t.strip() for t in links.all_inner_texts()]
    hrefs = [site.path(a.evaluate("a => a.href")) for a in links.all()]
    print(f"\nbreadcrumbs of /oit/{year}/o2/: {' › '.join(texts)}")
    assert texts[0] == "หน้าหลัก" and hrefs[0] == ""
    assert hrefs[1] == "oit/" and hrefs[2] == f"oit/{year}/"
    assert f"{year}" in texts[2]
    # Back up the trail to the year's index, then to the OIT index.
    links.nth(2).click()
    page.wait_for_load_state()
    assert page.url == site.url(f"oit/{year}/")
    page.locator("nav.md-path a.md-path__link").nth(1).click()
    page.wait_for_load_state()
    assert page.url == site.url("oit/")


def test_oit_index_and_year_index_link_every_item(page, site):
    years = sorted({p.split("/")[1] for p in site.item_pages()}, reverse=True)
    page.goto(site.url("oit/"))
    assert page.locator("article h1").inner_text().strip().startswith("การเปิดเผยข้อมูลสาธารณะ")
    hrefs = {site.path(h) for h in page.locator("article a").evaluate_all("as => as.map(a => a.href)")}
    assert {f"oit/{y}/" for y in years} <= hrefs, hrefs
    checked = 0
    for year in years:
        page.goto(site.url(f"oit/{year}/"))
        links = page.locator("article table a").evaluate_all(
            "as => as.map(a => [a.href, a.innerText.trim(), a.closest('tr').innerText])")
        listed = {site.path(href) for href, _, _ in links}
        expected = {p for p in site.item_pages() if p.startswith(f"oit/{year}/")}
        assert listed == expected, (year, sorted(listed ^ expected))
        for href, text, row in links:
            assert re.match(r"^O\d+\b", row.strip()), row  # the code column
            assert text, href
        checked += len(expected)
    print(f"\nOIT index: {len(years)} years; year indexes link all {checked} item pages")
    # Every item page answers and shows its code and title.
    for path in site.item_pages()[:3]:
        response = page.goto(site.url(path))
        assert response.status == 200
        assert ITEM_TITLE.match(page.locator("article h1").inner_text().strip())


def test_no_page_scrolls_sideways_at_phone_width(phone_tour, site, record_property):
    """At 390×844 the page itself never scrolls sideways, on every item page and every other
    page; wide tables scroll inside their own box, which oit.js makes a named, focusable region."""
    visits, guard = phone_tour
    wide = {path: (v.scroll_width, v.body_scroll_width, v.client_width) for path, v in visits.items()
            if max(v.scroll_width, v.body_scroll_width) > v.client_width}
    unnamed = [path for path, v in visits.items() if v.named_boxes != v.boxes]
    outside = [path for path, v in visits.items() if not v.boxes_inside]
    boxed = [path for path, v in visits.items() if v.boxes]
    items = [path for path in visits if path in site.item_pages()]
    record_property("phone_scroll_pages", len(visits))
    record_property("phone_scroll_item_pages", len(items))
    print(f"\nno sideways scroll at 390×844: {len(visits) - len(wide)}/{len(visits)} pages "
          f"({len(items)} item pages, {len([p for p in items if p not in wide])} without); "
          f"{len(boxed)} pages have a table scrolling in its own box "
          f"({sum(v.boxes for v in visits.values())} tables)")
    assert len(visits) == len(site.pages())
    assert len(items) == len(site.item_pages()) >= 40
    assert not guard.foreign, guard.foreign
    assert boxed  # the sample has wide tables: they must scroll inside their box
    assert not wide, f"pages wider than the 390 px screen (document, body, viewport): {wide}"
    assert not unnamed, f"a table box scrolls but is not a named focusable region: {unnamed}"
    assert not outside, f"a table box is wider than the screen: {outside}"


def test_privacy_no_request_leaves_no_cookie_fonts_from_the_site(tour, site, record_property):
    """On the desktop tour of every page: no request outside 127.0.0.1 (the guard aborts and
    records them), no cookie (neither set by a response nor by script), and every loaded web
    font is the site's own Sarabun, fetched from the site's assets/fonts/."""
    visits, guard = tour
    with_cookies = {path: v.cookies for path, v in visits.items() if v.cookies}
    families = {f[0] for v in visits.values() for f in v.fonts}
    font_requests = sorted({u for u in guard.requests if re.search(r"\.(woff2?|ttf|otf|eot)(\?|$)", u)})
    no_sarabun = [path for path, v in visits.items() if not any(f[0] == "Sarabun" for f in v.fonts)]
    record_property("privacy_pages", len(visits))
    record_property("privacy_requests", len(guard.requests))
    print(f"\nprivacy: {len(visits)} pages, {len(guard.requests)} requests, {len(guard.foreign)} outside "
          f"127.0.0.1, {len(with_cookies)} pages with cookies; fonts: {sorted(families)} from "
          f"{len(font_requests)} files")
    assert len(visits) == len(site.pages())
    assert not guard.foreign, guard.foreign
    assert all(u.startswith(site.base) for u in guard.requests if not u.startswith(("data:", "blob:"))), \
        [u for u in guard.requests if not u.startswith(site.base)][:5]
    assert not with_cookies, with_cookies
    assert families == {"Sarabun"}, families
    assert not no_sarabun, f"pages that loaded no Sarabun face: {no_sarabun}"
    assert font_requests and all(u.startswith(site.url("assets/fonts/sarabun/")) for u in font_requests), font_requests


SEARCH_FILE = re.compile(r"/search/|oit-search\.js|search_index|lunr|/workers/")


def test_viewing_pages_loads_nothing_of_the_search(tour, site):
    """On the desktop tour of every page (loaded, settled, checked with axe, never typing in the
    search box): not one request for the search's script or index (issue 17: a visitor who does
    not search pays nothing for it)."""
    visits, guard = tour
    search = [u for u in guard.requests if SEARCH_FILE.search(u)]
    print(f"\nsearch requests while viewing {len(visits)} pages: {len(search)}")
    assert len(visits) == len(site.pages())
    assert not search, search[:10]


def test_zero_width_space_is_never_visible(tour, site):
    """No page's HTML contains U+200B (Material's search once needed it between Thai words in its
    index; the site's own index does not)."""
    visits, _ = tour
    with_zwsp = [path for path, v in visits.items() if v.has_zwsp]
    print(f"\nU+200B in the rendered DOM: {len(with_zwsp)}/{len(visits)} pages")
    assert not with_zwsp, with_zwsp
    raw = [p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html")
           if "\u200b" in p.read_text(encoding="utf-8")]
    assert not raw, raw


def test_item_page_prints_without_navigation_and_with_document_addresses(page, site):
    """Print (emulated print media): header, tabs, sidebars, breadcrumbs, footer and search are
    not displayed; the article is. oit.js puts an absolute, readable address (Thai file names
    decoded) on links to documents and to other sites, and the print stylesheet shows it after
    the link text."""
    path = f"oit/{newest_year(site)}/o1/"
    page.goto(site.url(path))
    settle(page)
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    hidden = page.evaluate("""() => Object.fromEntries(
        ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-path', '.md-footer',
         '.md-search', '.md-top', '.md-content__button']
        .map(s => [s, [...document.querySelectorAll(s)].map(e => getComputedStyle(e).display)]))""")
    for selector, displays in hidden.items():
        assert all(d == "none" for d in displays), (selector, displays)
    assert hidden[".md-header"] and hidden[".md-sidebar--primary"] and hidden[".md-path"]
    assert page.evaluate("() => getComputedStyle(document.querySelector('article.md-content__inner')).display") != "none"
    links = page.evaluate("""() => [...document.querySelectorAll(
            'article a[href]:not(.headerlink):not(.md-content__button)')].map(a => ({
        href: a.href, attr: a.getAttribute('href'), text: a.innerText.trim(),
        printed: a.getAttribute('data-oit-print-url'),
        after: getComputedStyle(a, '::after').content,
    }))""")
    documents = [a for a in links if re.search(r"\.(pdf|png|docx?|xlsx?)$", a["attr"] or "", re.I)]
    external = [a for a in links if a["href"].startswith("http") and not a["href"].startswith(site.base)
                and a["text"] not in (a["attr"], unquote(a["href"]))]  # an address as text is not repeated
    assert documents and external
    for a in documents + external:
        assert a["printed"] == unquote(a["href"]), a
        assert a["after"] == f'" (" "{a["printed"]}" ")"' or a["printed"] in a["after"], a
    thai_named = [a for a in documents if "%E0" in a["attr"]]
    assert thai_named and all(re.search(r"[\u0e01-\u0e4f]", a["printed"]) for a in thai_named)
    print(f"\nprint /{path}: navigation hidden; {len(documents)} document and {len(external)} external links "
          f"print their address, e.g. {documents[0]['printed']}")
    page.emulate_media(media="screen")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).display") != "none"
