"""Accessibility: axe-core (WCAG 2.2 A and AA) reports nothing on any page of the sample site.

Every page at 1280×900 (the `tour`) and every page at 390×844 (the `phone_tour`); at 390×844
also with the navigation drawer open and with the search dialog open showing results, and at
1280×900 with the search dialog open.
"""

from __future__ import annotations

import pytest

from .conftest import PHONE, settle
from .support import SearchBox, describe, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_axe_on_every_page_at_desktop_width(tour, site, record_property):
    visits, _ = tour
    failing = {path: v.violations for path, v in visits.items() if v.violations}
    record_property("axe_pages_desktop", len(visits))
    print(f"\naxe-core (WCAG 2.2 A+AA) at 1280×900: {len(visits)} pages, {len(failing)} with violations")
    assert len(visits) == len(site.pages()) and len(visits) >= 50
    assert not failing, "\n".join(f"/{path}:\n{describe(v)}" for path, v in failing.items())


def test_axe_on_every_page_at_phone_width_with_menu_and_search_open(phone_tour, new_context, site,
                                                                   record_property):
    visits, _ = phone_tour
    failing = {path: v.violations for path, v in visits.items() if v.violations}
    page = new_context(viewport=PHONE).new_page()
    # The navigation drawer, open on an item page.
    page.goto(site.url("oit/2569/o12/"))
    settle(page)
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    page.wait_for_timeout(300)  # the drawer slides in
    if violations := run_axe(page):
        failing["oit/2569/o12/ (menu open)"] = violations
    # The search dialog with results.
    page.goto(site.url(""))
    search = SearchBox(page, site)
    search.open()
    assert search.search("จัดซื้อจัดจ้าง").total > 0
    if violations := run_axe(page):
        failing["search dialog with results"] = violations
    record_property("axe_pages_phone", len(visits))
    print(f"\naxe-core (WCAG 2.2 A+AA) at 390×844: {len(visits)} pages, {len(failing)} with violations, "
          f"plus menu open and search open")
    assert len(visits) == len(site.pages()) and len(visits) >= 50
    assert not failing, "\n".join(f"/{path}:\n{describe(v)}" for path, v in failing.items())


def test_axe_on_the_search_dialog_at_desktop_width(new_context, site):
    page = new_context().new_page()
    page.goto(site.url("oit/2569/o2/"))
    search = SearchBox(page, site)
    search.open()
    assert search.search("ข้อมูลผู้บริหาร").total > 0
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label")
    violations = run_axe(page)
    assert not violations, describe(violations)
