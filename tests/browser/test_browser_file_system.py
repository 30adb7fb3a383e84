"""The sample built with `oit build --file-system`, opened from its folder (file://) in Chromium.

Such a site is for a USB stick or a shared folder: no server. Material's offline plugin turns
off directory URLs (links go to …/index.html), writes the search index also as a script
(search/search_index.js, `var __index = …`, because a file:// page cannot fetch JSON) and runs
the search worker through the iframe-worker shim (Chromium refuses `new Worker()` for a file://
script). generator/search.py segments that script too; theme/main.html loads the shim from the
site instead of unpkg.com; workers/oit-search.js finds Material's worker from its own <script>
address inside the shim's iframe.

Every request must stay inside the site's folder (the guard treats file: URLs of that folder as
local, anything else as leaving). What is different from file:// is asserted, not skipped:
the Sarabun preload (a CORS request, which Chromium refuses for file://) is left out of such a
build, and the fonts still load through their @font-face rules.
"""

from __future__ import annotations

import json
import re

import pytest

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
    index = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))
    return Site(root, root.as_uri() + "/", generated, index, directory_urls=False)


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


def test_search_index_script_for_file_urls_is_segmented_utf8(fs_site):
    """search/search_index.js holds exactly the segmented, UTF-8 index of search_index.json."""
    script = (fs_site.root / "search/search_index.js").read_text(encoding="utf-8")
    prefix = "var __index = "
    assert script.startswith(prefix)
    data = json.loads(script[len(prefix):])
    assert data == fs_site.index
    assert "\\u0e" not in script.lower() and "\u200b" in script
    assert any(d["location"] == "oit/2569/o2/index.html" for d in data["docs"])
    html = (fs_site.root / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "assets/javascripts/iframe-worker/shim.js" in html
    assert 'rel="preload"' not in html
    assert (fs_site.root / "assets/javascripts/iframe-worker/LICENSE").is_file()


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
    box.open()  # the index (search_index.js) is loaded and the worker, in the shim's iframe, ready
    assert page.evaluate("() => window.Worker === window.IFrameWorker")
    assert page.locator("iframe[hidden]").count() >= 1

    # Mid-sentence Thai words, cut from the index's own (unsegmented) text with pythainlp.
    from pythainlp.tokenize import word_tokenize

    texts = {}
    for doc in fs_site.index["docs"]:
        path = doc["location"].split("#")[0]
        plain = re.sub(r"<[^>]+>", " ", doc["text"]).replace("\u200b", "")
        texts.setdefault(path, []).extend(word_tokenize(run, engine="newmm", keep_whitespace=False)
                                          for run in THAI_RUN.findall(plain))
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
    html = page.evaluate("() => document.querySelector('.md-search-result').outerHTML")
    assert "\u200b" not in html
    shim = [u for u in guard.requests if "iframe-worker/shim.js" in u]
    worker = [u for u in guard.requests if "/workers/oit-search.js?w=search." in u]
    material = [u for u in guard.requests if re.search(r"/workers/search\.[0-9a-f]+\.min\.js$", u)]
    assert shim and worker and material, (shim, worker, material)
    assert all(u.startswith(fs_site.base) for u in guard.requests if u.startswith("file:"))
    assert not errors, errors
    assert not failed, failed
