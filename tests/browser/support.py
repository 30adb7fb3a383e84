"""Helpers for the browser tests: the site's search box, axe-core."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.2 A and AA: Thailand's web-accessibility standard is moving to 2.2 (issue 20). axe's
# 2.2 rule (target-size, 2.5.8) comes with the 2.0/2.1 rules it builds on.
WCAG22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


_COLLECT = """async ([want, base]) => {
    const box = document.querySelector('[data-oit-search]')
    const more = box.querySelector('[data-oit-search-more]')
    const pages = () => [...box.querySelectorAll('a.md-search-result__link')].map(a => a.href)
    const has = () => want !== '*' && pages().some(h => h.split(/[?#]/)[0] === want)
    while (!more.hidden && !has()) {
        const before = pages().length
        more.click()
        for (let f = 0; f < 500 && pages().length === before; f++)
            await new Promise(r => setTimeout(r, 10))
        if (pages().length === before) break
    }
    return [box.querySelector('[data-oit-search-meta]').textContent.trim(), pages()]
}"""


@dataclass
class Results:
    meta: str  # "พบ 3 หน้าที่ตรงกัน"
    total: int  # result pages found
    pages: list[str]  # result pages shown, best first, as site paths ('oit/2569/o2/')
    links: list[str]  # the result links as shown (with the section anchor)


class SearchBox:
    """The site's search box as a visitor uses it: type, read the rendered results.

    theme/assets/javascripts/oit-search.js marks the result list with data-oit-query (the query
    its results are for) and data-oit-state ("loading", "idle", "done", "error")."""

    def __init__(self, page, site) -> None:
        self.page = page
        self.site = site
        self.input = page.locator("[data-oit-search-input]")
        self.result = page.locator("#oit-search-result")

    def open(self) -> None:
        toggle = self.page.locator("label.md-header__button[for=__search]")
        if toggle.is_visible():  # phone: the box is behind a header button
            toggle.click()
        else:
            self.input.click()
        self.page.wait_for_function(
            "() => ['idle', 'done'].includes(document.querySelector('#oit-search-result').dataset.oitState)",
            timeout=30000,
        )  # the manifest is loaded

    def search(self, query: str, want: str = "*") -> Results:
        """Type `query` and read the results; `want`: a page path to look for among them
        (more results are shown until it is), or "*" for the first page of results."""
        self.page.evaluate("() => document.querySelector('#oit-search-result').removeAttribute('data-oit-query')")
        self.input.fill("")
        self.input.fill(query)
        self.page.wait_for_function(
            "q => { const r = document.querySelector('#oit-search-result');"
            " return r.dataset.oitQuery === q.trim() && ['done', 'error'].includes(r.dataset.oitState) }",
            arg=query, timeout=30000,
        )
        assert self.result.get_attribute("data-oit-state") == "done", self.page.locator(
            "[data-oit-search-meta]").text_content()
        want_url = want if want == "*" else self.site.url(want)
        meta, links = self.page.evaluate(_COLLECT, [want_url, self.site.base])
        total = int(m.group(0)) if (m := re.search(r"\d+", meta)) else (1 if links else 0)
        pages = [self.site.path(u) for u in links]
        return Results(meta, total, pages, [u[len(self.site.base):] if u.startswith(self.site.base) else u for u in links])


def run_axe(page, tags=WCAG22_AA) -> list[dict]:
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
