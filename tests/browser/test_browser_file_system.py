"""The sample built with `oit build --file-system`, opened from its folder (file://) in Chromium.

Such a site is for a USB stick or a shared folder: no server. Directory URLs are off (links go
to …/index.html, and so do search results), and the search works as on a server: every file of
its index is a script (a page opened from a folder may load scripts, but not fetch files).

Every request must stay inside the site's folder (the guard treats file: URLs of that folder as
local, anything else as leaving). What is different from file:// is asserted, not skipped:
the Sarabun preload (a CORS request, which Chromium refuses for file://) is left out of such a
build, and the fonts still load through their @font-face rules.
"""

from __future__ import annotations

import pytest

from generator.publish.search import read_index

from .conftest import Guard, Site, settle
from .support import SearchBox
from .test_browser_search import THAI_RUN, candidates, measure, sample

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SAMPLE_FS = 100  # mid-sentence words searched from file://
GOAL = 0.95


@pytest.fixture(scope="module")
def fs_site(sample_copy, tmp_path_factory):
    from generator.publish.build import build
    from generator.publish.project import Project

    out = tmp_path_factory.mktemp("file-system")
    project = Project.at(sample_copy, site_dir=out / "site", build_dir=out / "build", file_system=True)
    generated, _ = build(project)
    root = project.site_dir
    return Site(root, root.as_uri() + "/", generated, read_index(root), directory_urls=False)


@pytest.fixture(scope="module")
def fs_context(browser, fs_site):
    """A browser context whose requests may only read files inside the site's folder."""
    context = browser.new_context(locale="th-TH", service_workers="block")
    guard = Guard(fs_site.base)
    failed = []
    context.on("request", guard.on_request)
    context.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    context.route("**/*", guard.route)
    yield context, guard, failed
    context.close()
    assert not guard.foreign, f"requests outside the site's folder: {guard.foreign}"


def test_search_index_of_a_file_system_build_links_to_index_html(fs_site):
    """The index's page addresses end in index.html; no trace of Material's search or its
    file:// shims is left; the Sarabun preload is left out."""
    urls = [p[0] for p in fs_site.index["pages"]]
    assert "oit/2569/o2/index.html" in urls and "index.html" in urls
    assert all(u.endswith(".html") for u in urls), urls
    html = (fs_site.root / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "iframe-worker" not in html and "search_index" not in html
    assert 'rel="preload"' not in html
    assert not (fs_site.root / "search/search_index.json").exists()


def test_file_system_site_navigates_and_searches_thai_from_file_urls(fs_context, fs_site, record_property):
    context, guard, failed = fs_context
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(fs_site.url("index.html"))
    settle(page)
    # Navigation: the home page's link to an item of the newest year opens its index.html.
    page.locator("article a[href='oit/2570/o2/index.html']").first.click()
    page.wait_for_load_state()
    assert page.url == fs_site.url("oit/2570/o2/index.html")
    assert page.locator("article h1").inner_text().strip().startswith("O2")
    settle(page)
    fonts = page.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert "Sarabun" in {f.strip('"') for f in fonts}, fonts

    box = SearchBox(page, fs_site)
    box.open()  # the manifest (search/index.js) is loaded

    # Mid-sentence Thai words, cut with pythainlp from the index's own text.
    from pythainlp.tokenize import word_tokenize

    texts: dict[str, list] = {}
    starts = [p[5] for p in fs_site.index["pages"]] + [fs_site.index["n"]]
    for k, p in enumerate(fs_site.index["pages"]):
        for entry in fs_site.index["texts"][starts[k] + 1: starts[k + 1]]:
            texts.setdefault(p[0], []).extend(word_tokenize(run, engine="newmm", keep_whitespace=False)
                                              for run in THAI_RUN.findall(entry[1]))
    pairs = sample(candidates(texts), SAMPLE_FS, seed=2570)
    hits, top10, _first, misses = measure(box, pairs)
    recall = hits / len(pairs)
    title = box.search("ข้อมูลผู้บริหาร", want="oit/2570/o2/index.html")
    digits = (box.search("๒๕๖๘").total, box.search("2568").total)
    record_property("file_system_recall", round(recall, 4))
    print(f"\nfrom file://: Thai search recall {hits}/{len(pairs)} = {recall:.1%} (first 10: {top10}); "
          f"'ข้อมูลผู้บริหาร' first: /{title.pages[0] if title.pages else '-'}; ๒๕๖๘/2568: {digits}; "
          f"{len(guard.requests)} requests, all inside the folder")
    for word, path, n in misses:
        print(f"  miss: {word!r} from {path} ({n} result pages)")
    assert len(pairs) == SAMPLE_FS
    assert recall >= GOAL
    assert title.pages[:1] == ["oit/2570/o2/index.html"]  # the newest year first
    assert digits[0] == digits[1] > 0
    # a result opens its page from the folder
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(fs_site.url("")) and ".html" in page.url
    loaded = [u for u in guard.requests if "/search/" in u]
    assert any(u.split("?")[0].endswith("/search/index.js") for u in loaded), loaded
    assert all(u.startswith(fs_site.base) for u in guard.requests if u.startswith("file:"))
    assert not errors, errors
    assert not failed, failed
