"""A Thai government site as visitors meet it (issue 20): screenshots of the pages people judge
an LAO by, the header and footer, keyboard-only use, the text-size control and 200 % text.

Screenshots are written to tests/browser/screenshots/ (not committed) at 390 and 1280 px:
home, an item page, the executives and the 404 page.
"""

from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path

import pytest
from PIL import Image

from .conftest import DESKTOP, PHONE, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = Path(__file__).resolve().parent / "screenshots"
REPO = Path(__file__).resolve().parents[2]
MISSING = "no-such-page/"


def newest_year(site) -> str:
    return max(p.split("/")[1] for p in site.item_pages())


def executives_page(site) -> str:
    """The newest item page that shows the executives chart."""
    year = newest_year(site)
    for path in sorted(p for p in site.item_pages() if p.startswith(f"oit/{year}/")):
        if "oit-chart" in (site.root / path / "index.html").read_text(encoding="utf-8"):
            return path
    raise AssertionError("no item page shows the executives chart")


def load_everything(page) -> None:
    """Lazy images below the fold load before a full-page screenshot."""
    page.evaluate("""async () => {
        const imgs = [...document.images]
        imgs.forEach(i => { i.loading = 'eager' })
        await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r })))
    }""")
    settle(page)


def test_screenshots_of_home_item_executives_and_404(new_context, site, record_property):
    SHOTS.mkdir(exist_ok=True)
    pages = {"home": "", "item": f"oit/{newest_year(site)}/o11/", "executives": executives_page(site),
             "404": MISSING}
    made = []
    for viewport in (PHONE, DESKTOP):
        page = new_context(viewport=viewport).new_page()
        for name, path in pages.items():
            response = page.goto(site.url(path))
            assert response.status == (404 if name == "404" else 200), (path, response.status)
            load_everything(page)
            assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
            target = SHOTS / f"{name}-{viewport['width']}.png"
            page.screenshot(path=str(target), full_page=True)
            data = target.read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[16:20], "big") == viewport["width"]
            made.append(target.name)
    record_property("screenshots", len(made))
    print(f"\nscreenshots in {SHOTS}: {', '.join(made)}")
    assert len(made) == 8


def test_header_shows_the_seal_and_thai_name_footer_the_lao_not_the_generator(page, site):
    org = site.generated.site.org
    page.goto(site.url(""))
    settle(page)
    seal = page.locator("header .oit-brand__seal")
    assert seal.get_attribute("src").endswith("assets/oit/logo.png")
    assert page.evaluate("() => document.querySelector('header .oit-brand__seal').naturalWidth") == 128
    assert org.name in page.locator("header .oit-brand").inner_text()
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert icon.endswith("assets/images/favicon.png")
    # The LAO's seal (48 px), neither Material's book icon nor the theme's neutral seal.
    served = (site.root / "assets/images/favicon.png").read_bytes()
    material = Path(importlib.util.find_spec("material").origin).parent / "templates/assets/images/favicon.png"
    assert served != material.read_bytes() and served != (REPO / "theme/assets/images/favicon.png").read_bytes()
    with Image.open(io.BytesIO(served)) as favicon:
        assert favicon.size == (48, 48)
    assert page.locator("header .md-logo, header svg[viewBox='0 0 24 24'] path[d^='M18 22']").count() == 0
    footer = page.locator(".md-footer-meta").inner_text()
    assert "Material for MkDocs" not in footer and org.address in footer
    links = {a.inner_text().strip(): site.path(a.evaluate("a => a.href"))
             for a in page.locator(".oit-footer__links a").all()}
    assert links["แผนผังเว็บไซต์"] == "sitemap/" and links["นโยบายเว็บไซต์"] == "website-policy/"
    assert links["นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์"] == "security-policy/"
    assert links["นโยบายคุ้มครองข้อมูลส่วนบุคคล"] == "privacy/" and "accessibility/" in links.values()
    # No page of the site credits the generator; the accessibility statement names the tools.
    credited = [p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html")
                if "Made with" in p.read_text(encoding="utf-8")]
    assert not credited, credited
    assert "Material for MkDocs" in (site.root / "accessibility/index.html").read_text(encoding="utf-8")


def test_404_is_thai_with_search_and_ways_home(page, site):
    response = page.goto(site.url(MISSING))
    assert response.status == 404
    assert page.locator("article h1").inner_text().strip() == "ไม่พบหน้าที่ท่านต้องการ"
    form = page.locator("form.oit-search-form")
    assert site.path(form.evaluate("f => f.action")) == ""
    hrefs = {site.path(a.evaluate("a => a.href")) for a in page.locator(".md-content a").all()}
    assert {"", "sitemap/", "about/", "oit/"} <= hrefs
    page.fill("#oit-404-q", "จัดซื้อจัดจ้าง")
    with page.expect_navigation():
        page.press("#oit-404-q", "Enter")
    page.wait_for_load_state()
    assert site.path(page.url) == "" and "q=" in page.url
    # The home page opens the site's search with the words typed.
    page.wait_for_function("() => document.getElementById('__search').checked")
    assert page.locator("input.md-search__input").input_value() == "จัดซื้อจัดจ้าง"


def test_text_size_control_persists_without_cookies(new_context, site):
    context = new_context()
    page = context.new_page()
    page.goto(site.url(""))
    settle(page)
    size = "() => parseFloat(getComputedStyle(document.querySelector('article.md-content__inner')).fontSize)"
    normal = page.evaluate(size)
    plus = page.locator("button[data-oit-textsize-step='1']")
    plus.click()
    plus.click()
    assert page.evaluate(size) == pytest.approx(normal * 1.3, rel=0.02)
    assert page.evaluate("() => localStorage.getItem('oit.textsize')") == "2"
    page.goto(site.url(f"oit/{newest_year(site)}/o1/"))  # another page remembers it
    settle(page)
    assert page.evaluate(size) == pytest.approx(normal * 1.3, rel=0.02)
    plus.click()  # the largest step
    assert page.evaluate(size) == pytest.approx(normal * 1.5, rel=0.02)
    assert page.evaluate("() => localStorage.getItem('oit.textsize')") == "3"
    assert plus.get_attribute("aria-disabled") == "true"
    page.locator("button[data-oit-textsize-step='0']").click()
    assert page.evaluate(size) == pytest.approx(normal, rel=0.01)
    assert page.evaluate("() => localStorage.getItem('oit.textsize')") is None
    assert context.cookies() == [] and page.evaluate("() => document.cookie") == ""


_ACTIVE = """() => {
    const e = document.activeElement
    if (!e || e === document.body) return null
    const r = e.getBoundingClientRect()
    const cs = getComputedStyle(e)
    const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1)
    const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1)
    const hit = document.elementFromPoint(cx, cy)
    if (!e.dataset.oitTab) e.dataset.oitTab = String(document.querySelectorAll('[data-oit-tab]').length + 1)
    return {
        id: e.dataset.oitTab, tag: e.tagName, href: e.getAttribute('href'), text: (e.innerText || '').trim().slice(0, 40),
        cls: String(e.className), search: !!e.closest('.md-search'), nav: !!e.closest('.md-sidebar--primary'),
        menu: e.matches('label[for="__drawer"]'),
        outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
        inView: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && r.width > 0 && r.height > 0,
        unobscured: !!hit && (hit === e || e.contains(hit) || hit.contains(e)),
    }
}"""

_LINKS = """() => [...document.querySelectorAll('a[href]')].filter(a => {
    if (a.tabIndex < 0 || a.closest('[hidden]')) return false
    const cs = getComputedStyle(a)
    if (cs.visibility === 'hidden' || !a.getClientRects().length) return false
    return true
}).map(a => { a.dataset.oitLink = '1'; return a.getAttribute('href') })"""


def tab_through(page, limit: int = 900) -> list[dict]:
    """Press Tab from the top of the page until focus comes back round; what was focused."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0) }")
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        # Leaving the search panel closes it; its overlay fades out (Material: 250 ms).
        page.wait_for_timeout(400 if seen and seen[-1]["search"] else 15)
        got = page.evaluate(_ACTIVE)
        if got is None:
            continue
        if seen and got["id"] == seen[0]["id"]:
            break
        seen.append(got)
    return seen


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_keyboard_reaches_search_menu_and_every_link_with_visible_focus(new_context, site, viewport,
                                                                        record_property):
    page = new_context(viewport=viewport).new_page()
    paths = ["", f"oit/{newest_year(site)}/o2/", MISSING]
    total = 0
    for path in paths:
        page.goto(site.url(path))
        settle(page)
        links = page.evaluate(_LINKS)
        focused = tab_through(page)
        total += len(focused)
        where = f"/{path} at {viewport['width']} px"
        assert any(f["search"] for f in focused), f"{where}: the search box is not reached by Tab"
        if viewport is PHONE:
            assert any(f["menu"] for f in focused), f"{where}: the menu button is not reached by Tab"
        else:
            assert any(f["nav"] for f in focused), f"{where}: the menu is not reached by Tab"
        reached = set(page.evaluate("() => [...document.querySelectorAll('a[data-oit-link][data-oit-tab]')]"
                                    ".map(a => a.getAttribute('href'))"))
        missed = [h for h in links if h not in reached]
        assert not missed, f"{where}: links never focused by Tab: {missed[:10]}"
        invisible = [f for f in focused if not (f["outline"] and f["inView"] and f["unobscured"])]
        assert not invisible, f"{where}: focus not visible on {invisible[:5]}"
    record_property(f"keyboard_stops_{viewport['width']}", total)
    print(f"\nkeyboard at {viewport['width']} px: {total} Tab stops on {len(paths)} pages, all with a visible focus ring")


def test_phone_menu_opens_and_closes_from_the_keyboard(new_context, site):
    page = new_context(viewport=PHONE).new_page()
    page.goto(site.url(f"oit/{newest_year(site)}/o2/"))
    settle(page)
    button = page.locator("label.oit-menu-button")
    assert button.get_attribute("tabindex") == "0" and button.get_attribute("aria-expanded") == "false"
    # Closed, the drawer's links take no focus: they are off the screen.
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility") == "hidden"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(300)
    inside = page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")
    assert inside, "focus did not move into the opened menu"
    page.keyboard.press("Tab")
    page.wait_for_timeout(50)
    box = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); return [r.left, r.right] }")
    assert box[0] >= 0 and box[1] <= PHONE["width"], box
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert page.evaluate("() => document.activeElement.matches('label.oit-menu-button')")


def test_text_resizes_to_200_percent_without_loss(new_context, site):
    """WCAG 1.4.4: with text at 200 % the pages still fit the window (no sideways scrolling)
    and the header still shows the LAO's name."""
    page = new_context(viewport=DESKTOP).new_page()
    wide = []
    for path in ["", f"oit/{newest_year(site)}/o2/", "general/", "data/", MISSING]:
        page.goto(site.url(path))
        settle(page)
        base = page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")
        page.evaluate(f"() => {{ document.documentElement.style.fontSize = '{base * 2}px' }}")
        settle(page)
        doubled = page.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('article.md-content__inner')).fontSize)")
        assert doubled >= 2 * 0.85 * base * 0.99
        width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width[0] > width[1]:
            wide.append((path, width))
        assert page.locator("header .oit-brand__text").is_visible()
    assert not wide, f"pages that scroll sideways at 200 % text: {wide}"


def test_lao_guidance_and_edit_button_never_reach_the_public_site(site):
    leaked = [p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html")
              if re.search(r"สำหรับองค์กรปกครองส่วนท้องถิ่น|rel=\"edit\"", p.read_text(encoding="utf-8"))
              and not p.relative_to(site.root).as_posix().startswith("readiness/")]
    assert not leaked, leaked
