"""Browser tests: the sample site built once, served on 127.0.0.1, driven in Debian's Chromium.

Playwright for Python drives /usr/bin/chromium (installed by .ci/run; Playwright's own browser
downloads do not work here). Every browser context records each request the pages make and
aborts any that would leave 127.0.0.1; `context` fails the test at teardown if there was one.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.publish.search import read_index

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder under `prefix` (the path of its site_url, e.g. /ita/), as it is
    deployed; anything outside the prefix is 404."""

    prefix = "/"

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # Like GitHub Pages and most hosts: a missing page gets the site's own 404.html.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def translate_path(self, path):
        bare = path.split("?", 1)[0].split("#", 1)[0]
        if bare + "/" == self.prefix:  # /ita → the directory redirect to /ita/
            return super().translate_path("/")
        if not bare.startswith(self.prefix):
            return str(Path(self.directory) / ".oit-outside-the-site-prefix")  # → 404
        return super().translate_path("/" + path[len(self.prefix):])


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # the browser cancelled a request
        pass


_ITEM = re.compile(r"^oit/\d{4}/o\d+/(index\.html)?$")


@dataclass
class Site:
    """The built sample site and where it is served."""

    root: Path
    base: str  # http://127.0.0.1:PORT/ita/ (the path of the site's site_url), or file:///…/
    generated: object
    index: dict = field(repr=False, default_factory=dict)  # the search index (generator.publish.search.read_index)
    directory_urls: bool = True  # False: built to open from a folder ('oit/2569/o2/index.html')

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def path(self, url: str) -> str:
        """'http://127.0.0.1:P/ita/oit/2569/o2/?h=x#y' → 'oit/2569/o2/'; a URL outside the
        site is returned whole."""
        bare = url.split("#", 1)[0].split("?", 1)[0]
        return bare[len(self.base):] if bare.startswith(self.base) else url

    def pages(self) -> list[str]:
        """Every HTML page of the site, as paths ('' for the home page, '404.html'; in a site
        built to open from a folder, 'index.html', 'oit/index.html', …)."""
        out = []
        for html in sorted(self.root.rglob("*.html")):
            rel = html.relative_to(self.root).as_posix()
            if rel.startswith("admin/"):
                continue  # the back office (Decap CMS, for the clerk): tested in test_browser_admin.py
            if self.directory_urls and (rel == "index.html" or rel.endswith("/index.html")):
                rel = rel[: -len("index.html")]
            out.append(rel)
        return out

    def item_pages(self) -> list[str]:
        """Pages of OIT items ('oit/2569/o2/'; 'oit/2569/o2/index.html' in a file-system build)."""
        return [p for p in self.pages() if _ITEM.match(p)]

    def searchable_pages(self) -> list[str]:
        return sorted(p[0] for p in self.index["pages"])

    def titles(self) -> dict[str, str]:
        """Page path → title, as the search index has them."""
        return {p[0]: p[1] for p in self.index["pages"]}


@pytest.fixture(scope="session")
def site(built_sample):
    project, generated = built_sample
    root = project.site_dir
    # Served under the path of its site_url, as deployed: MkDocs writes 404.html with absolute
    # asset URLs (/ita/assets/…), which only resolve there.
    prefix = urlsplit(generated.site.org.site.site_url or "/").path or "/"
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = type("_Handler", (_Quiet,), {"prefix": prefix})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    index = read_index(root)
    try:
        yield Site(root, f"http://127.0.0.1:{server.server_address[1]}{prefix}", generated, index)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does)",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Guard:
    """Requests of one browser context: every URL asked for, and those that would leave.

    `base` is the site's address: for http://127.0.0.1:PORT/ita/ anything on that origin is
    local; for a site opened from a folder (file:///…/site/) only files inside that folder."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.base = base
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.requests: list[str] = []
        self.foreign: list[str] = []

    def local(self, url: str) -> bool:
        if url.startswith(("data:", "blob:", "about:")):
            return True
        if self.base.startswith("file:"):
            return url.startswith(self.base)
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def on_request(self, request) -> None:
        self.requests.append(request.url)
        if not self.local(request.url):
            self.foreign.append(request.url)

    def route(self, route) -> None:
        if self.local(route.request.url):
            route.continue_()
        else:
            if route.request.url not in self.foreign:
                self.foreign.append(route.request.url)
            route.abort()


@pytest.fixture(scope="module")
def new_context(browser, site):
    """new_context(viewport=…) → a guarded browser context. At the end of the module, fails if
    any page asked for anything outside 127.0.0.1."""
    made = []

    def make(viewport=DESKTOP, **kwargs):
        context = browser.new_context(viewport=viewport, locale="th-TH", service_workers="block", **kwargs)
        guard = Guard(site.base)
        context.on("request", guard.on_request)
        context.route("**/*", guard.route)
        made.append((context, guard))
        return context

    yield make
    foreign = [url for _, guard in made for url in guard.foreign]
    for context, _ in made:
        with contextlib.suppress(Exception):  # already closed by its test
            context.close()
    assert not foreign, f"requests that would leave 127.0.0.1: {foreign}"


@pytest.fixture
def page(new_context):
    """A fresh desktop page in its own guarded context."""
    context = new_context()
    yield context.new_page()
    context.close()


@dataclass
class Visit:
    """What one page showed on the desktop tour (see `tour`)."""

    violations: list  # axe-core, WCAG 2.2 A and AA
    text: str  # innerText of the page's article
    icu_runs: list  # the Thai runs of that text cut by Intl.Segmenter('th')
    cookies: list  # the context's cookies after the visit, and document.cookie
    fonts: list  # font faces the page loaded: [family, weight, style, status]
    scroll_width: int  # document.documentElement.scrollWidth
    has_zwsp: bool  # U+200B in the rendered DOM


_TOUR_JS = """() => {
    const article = document.querySelector('article.md-content__inner')
    const text = article ? article.innerText : ''
    const seg = new Intl.Segmenter('th', { granularity: 'word' })
    const runs = (text.match(/[\\u0E01-\\u0E4F]+/g) || [])
        .map(r => [...seg.segment(r)].filter(s => s.isWordLike).map(s => s.segment))
    const fonts = [...document.fonts].filter(f => f.status === 'loaded')
        .map(f => [f.family.replace(/"/g, ''), f.weight, f.style, f.status])
    return {
        text, runs, fonts, cookie: document.cookie,
        scrollWidth: document.documentElement.scrollWidth,
        zwsp: document.documentElement.outerHTML.includes('\\u200b'),
    }
}"""


def settle(page) -> None:
    """Wait for web fonts and for oit.js (which runs on the next animation frame)."""
    page.evaluate("""async () => {
        await document.fonts.ready
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
    }""")


def _visit_every_page(browser, site, viewport: dict, script: str, record) -> tuple[dict, Guard]:
    """Every page of the site visited once in one guarded context of `viewport`; after each
    page settles, `script` runs in it and record(page, context, its result) makes the visit.
    Returns ({page path: visit}, Guard)."""
    context = browser.new_context(viewport=viewport, locale="th-TH", service_workers="block")
    guard = Guard(site.base)
    context.on("request", guard.on_request)
    context.route("**/*", guard.route)
    page = context.new_page()
    visits = {}
    try:
        for path in site.pages():
            page.goto(site.url(path))
            settle(page)
            visits[path] = record(page, context, page.evaluate(script))
    finally:
        context.close()
    return visits, guard


@pytest.fixture(scope="session")
def tour(browser, site):
    """Every page of the site visited once at 1280×900 in one guarded context: axe-core,
    visible text, cookies, fonts. Returns ({page: Visit}, Guard)."""
    from .support import run_axe

    def record(page, context, seen) -> Visit:
        return Visit(
            violations=run_axe(page),
            text=seen["text"],
            icu_runs=seen["runs"],
            cookies=context.cookies() + ([seen["cookie"]] if seen["cookie"] else []),
            fonts=seen["fonts"],
            scroll_width=seen["scrollWidth"],
            has_zwsp=seen["zwsp"],
        )

    return _visit_every_page(browser, site, DESKTOP, _TOUR_JS, record)


@dataclass
class PhoneVisit:
    """What one page showed on the phone tour (see `phone_tour`)."""

    violations: list  # axe-core, WCAG 2.2 A and AA
    scroll_width: int  # document.documentElement.scrollWidth
    body_scroll_width: int  # document.body.scrollWidth
    client_width: int  # document.documentElement.clientWidth (the viewport without scrollbar)
    boxes: int  # table boxes (.md-typeset__scrollwrap) that scroll sideways
    named_boxes: int  # … of which oit.js made named, focusable regions
    boxes_inside: bool  # every such box ends inside the viewport


_PHONE_JS = """() => {
    const doc = document.documentElement
    const wraps = [...document.querySelectorAll('.md-typeset__scrollwrap')]
        .filter(w => w.scrollWidth > w.clientWidth + 1)
    return {
        scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, bodyScroll: document.body.scrollWidth,
        boxes: wraps.length,
        named: wraps.filter(w => w.getAttribute('role') === 'region' && w.tabIndex === 0
                                 && w.getAttribute('aria-label')).length,
        inside: wraps.every(w => w.getBoundingClientRect().right <= doc.clientWidth + 1),
    }
}"""


@pytest.fixture(scope="session")
def phone_tour(browser, site):
    """Every page of the site visited once at 390×844 in one guarded context: axe-core and
    sideways scrolling. Returns ({page: PhoneVisit}, Guard)."""
    from .support import run_axe

    def record(page, context, seen) -> PhoneVisit:
        return PhoneVisit(
            violations=run_axe(page),
            scroll_width=seen["scrollWidth"],
            body_scroll_width=seen["bodyScroll"],
            client_width=seen["clientWidth"],
            boxes=seen["boxes"],
            named_boxes=seen["named"],
            boxes_inside=seen["inside"],
        )

    return _visit_every_page(browser, site, PHONE, _PHONE_JS, record)
