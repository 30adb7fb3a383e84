"""Helpers for the browser tests: Material's search UI, axe-core."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe-core" / "axe.min.js"
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def translations(page) -> dict[str, str]:
    return json.loads(page.locator("#__config").text_content())["translations"]


_ARM = """() => {
    const meta = document.querySelector('.md-search-result__meta')
    window.__oitResult = new Promise(resolve => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve() })
        observer.observe(meta, { childList: true, characterData: true, subtree: true })
    })
}"""

# After the result of the query has arrived: the rendered result pages, loading more (Material
# renders 10, then 4 more each time the end of the list scrolls into view) until `want` (the
# address of a page, without query or fragment) is among them, or all of them if `want` is "*".
_COLLECT = """async ([want, none, one]) => {
    await window.__oitResult
    const wrap = document.querySelector('.md-search__scrollwrap')
    const meta = document.querySelector('.md-search-result__meta').textContent.trim()
    const total = meta === none ? 0 : meta === one ? 1 : parseInt(meta.match(/\\d+/)[0], 10)
    const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))
    const pages = () => [...document.querySelectorAll(
        'li.md-search-result__item > a.md-search-result__link:first-child')].map(a => a.href)
    const has = () => want !== '*' && pages().some(h => h.split(/[?#]/)[0] === want)
    for (let tries = 0; pages().length < total && !has() && tries < 100; tries++) {
        const before = pages().length
        wrap.scrollTo(0, 0); await frame()           // "not at the end" …
        wrap.scrollTo(0, wrap.scrollHeight); await frame()  // … then "at the end"
        for (let f = 0; f < 50 && pages().length === before; f++) await frame()
    }
    const links = [...document.querySelectorAll('li.md-search-result__item a.md-search-result__link')]
    return [meta, total, pages(), links.map(a => a.href)]
}"""


@dataclass
class Results:
    meta: str  # "พบ 3 หน้าที่ตรงกัน"
    total: int  # result pages Material found
    pages: list[str]  # result pages rendered, best first, as site paths ('oit/2569/o2/')
    links: list[str]  # every result link rendered (pages and their sections)


class SearchBox:
    """Material's search as a visitor uses it: type into the box, read the rendered results.

    Material reads the query on keyup (Playwright's fill() then a keyup event)."""

    def __init__(self, page, site) -> None:
        self.page = page
        self.site = site
        self.input = page.locator("input[data-md-component=search-query]")
        t = translations(page)
        self.placeholder = t["search.result.placeholder"]
        self.none = t["search.result.none"]
        self.one = t["search.result.one"]

    def open(self) -> None:
        toggle = self.page.locator("label.md-header__button[for=__search]")
        if toggle.is_visible():  # phone: the box is behind a header button
            toggle.click()
        else:
            self.input.click()
        self.page.wait_for_function(
            "ph => document.querySelector('.md-search-result__meta').textContent.trim() === ph",
            arg=self.placeholder, timeout=30000,
        )  # the index is loaded and the worker ready

    def search(self, query: str, want: str = "*") -> Results:
        """Type `query` and read the results; `want`: a page path to look for among them
        (more results are loaded until it shows), or "*" for every result page."""
        if self.input.input_value() == query:
            self.input.fill("")
            self.input.dispatch_event("keyup")
            self.page.wait_for_function(
                "ph => document.querySelector('.md-search-result__meta').textContent.trim() === ph",
                arg=self.placeholder,
            )
        self.page.evaluate(_ARM)
        self.input.fill(query)
        self.input.dispatch_event("keyup")
        want_url = want if want == "*" else self.site.url(want)
        meta, total, pages, links = self.page.evaluate(_COLLECT, [want_url, self.none, self.one])
        return Results(meta, total, [self.site.path(u) for u in pages], [self.site.path(u) for u in links])


def run_axe(page, tags=WCAG21_AA) -> list[dict]:
    """axe-core on the page as it is now; returns the violations (empty when it passes)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async tags => {
            const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary }))
            }))
        }""",
        tags,
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']}")
        for n in v["nodes"][:5]:
            lines.append(f"    {n['target']}: {(n['summary'] or '').splitlines()[-1] if n['summary'] else ''}")
    return "\n".join(lines)
