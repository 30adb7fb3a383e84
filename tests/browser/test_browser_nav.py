"""The menu as a visitor sees it (issue 14): on a desktop the sidebar, on a phone the drawer,
list the first item of every sub-indicator by its code and title (Material's section indexes used
to hide it behind the sub-indicator's label)."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _firsts(site) -> list[tuple[int, str, str]]:
    """(year, code, "code title") of the first item of every sub-indicator of every published year."""
    gen = site.generated.site
    return [(y, sub.items[0].code, f"{sub.items[0].code} {sub.items[0].title}")
            for y in gen.published_years() for ind in gen.catalogues[y].indicators for sub in ind.sub_indicators]


def test_desktop_sidebar_lists_every_first_item_by_code_and_title(new_context, site, tmp_path_factory):
    context = new_context(viewport=DESKTOP)
    page = context.new_page()
    for year, code, label in _firsts(site):
        page.goto(site.url(f"oit/{year}/{code.lower()}/"))
        link = page.locator(".md-sidebar--primary a.md-nav__link", has_text=label).first
        assert link.is_visible(), (year, code)
        assert link.get_attribute("href") in ("./", "."), (year, code, link.get_attribute("href"))
    page.goto(site.url("oit/2569/o2/"))
    assert page.locator(".md-sidebar--primary a.md-nav__link", has_text="O1 โครงสร้าง").first.is_visible()
    page.screenshot(path=str(tmp_path_factory.mktemp("shots") / "nav-1280.png"))
    context.close()


def test_phone_drawer_lists_every_first_item_by_code_and_title(new_context, site, tmp_path_factory):
    context = new_context(viewport=PHONE)
    page = context.new_page()
    for year, code, label in _firsts(site):
        page.goto(site.url(f"oit/{year}/{code.lower()}/"))
        page.locator('label.md-header__button[for="__drawer"]').click()
        # on its own page the drawer shows the item as the entry that opens its table of contents
        entry = page.locator(".md-sidebar--primary .md-nav__link:visible", has_text=label).first
        entry.wait_for(state="visible")
    page.goto(site.url("oit/2569/o2/"))
    page.locator('label.md-header__button[for="__drawer"]').click()
    link = page.locator(".md-sidebar--primary a.md-nav__link", has_text="O1 โครงสร้าง").first
    link.wait_for(state="visible")
    page.wait_for_timeout(400)  # the drawer slides in
    page.screenshot(path=str(tmp_path_factory.mktemp("shots") / "nav-390.png"))
    link.click()
    page.wait_for_url(site.url("oit/2569/o1/"))
    context.close()
