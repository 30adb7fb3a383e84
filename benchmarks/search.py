"""Search benchmark: what the site's search costs a visitor and the build, before and after.

    python benchmarks/search.py                    # sample + 1, 5 and 10 fiscal years (about 30 min on 2 cores)
    python benchmarks/search.py --sizes 1 --words 3 --recall 30   # a quick look
    python benchmarks/search.py --report benchmarks/out/search.json   # reprint an earlier run

"Before" is Material's search as the site had it at commit BASELINE (its own code, theme and
mkdocs.yml, extracted with `git archive` into the work folder); "after" is this checkout. Both are
built cold from the same content (benchmarks/synth.py, and the repository's sample), then served
under /ita/ by a local server that gzips text as GitHub Pages does, and driven in Debian's
Chromium, each measurement in a new browser context (empty cache). Nothing is asserted; the
tables are printed and written to benchmarks/out/search.md and search.json.

How each figure is taken:
- First view: the home page loaded until the network has been quiet for a second; bytes on the
  wire are CDP's encodedDataLength of every response (headers included); "search requests" are
  those for search files (index, shards, texts, Material's worker and lunr files, oit-search.js).
- First query: in a new context with the CPU throttled 4× from the start (CDP
  Emulation.setCPUThrottlingRate, a mid-range phone), the home page loaded and quiet, then the
  search box is focused and one word typed at once; time is from the focus to the results shown
  (measured in the page), bytes are those of responses to requests made after the focus. Median
  over --words different Thai words (mid-sentence words of the site, the same for both).
  Chromium throttles the page's main thread; Material searched in a Web Worker, which the
  throttling may not slow as much (its figures are, if anything, flattering).
- Recall: the sampling of tests/browser/test_browser_search.py (words from the middle of Thai
  runs of the pages' visible text, cut by pythainlp), --recall words per site, no throttling; a
  word counts as found when its page is among the results (more results are shown until it is).
- Index time: the build's own timing of the search step (after: generator/publish/search.py writing the
  index; before: segmenting Material's index, whose own HTML parsing inside MkDocs is not
  counted) and its share of the whole cold `oit build`, in wall time and in the process's CPU
  time (MkDocs runs in the same process; on a machine busy with other work, wall times stretch
  and CPU times do not). "Again, one page edited": the after build
  run once more after changing one news title of the newest year (the cache in build/ at work).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import importlib.util
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

OUT = REPO / "benchmarks" / "out"
BASELINE = "51e411f1d45250016b1f78e32f4549a618c46493"  # the last commit with Material's search
PREFIX = "/ita/"  # the path of the synthetic sites' and the sample's site_url
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
SEARCH_URL = re.compile(r"/search/|oit-search\.js|/workers/|lunr|search_index|iframe-worker")
KB = 1024


# --------------------------------------------------------------------------- building


def child_build(root: Path, src: Path, site_dir: Path, build_dir: Path, force: bool) -> dict:
    """In a fresh interpreter: `build` with the generator found in `src`."""
    sys.path.insert(0, str(src))
    try:
        from generator.publish.build import build
        from generator.publish.project import Project
    except ImportError:  # a baseline from before the layered layout
        from generator.build import Project, build  # type: ignore[no-redef]

    module = sys.modules[build.__module__]
    cpu: dict[str, float] = {}
    postprocess = module.postprocess

    def timed(*args, **kwargs):  # the search step's CPU time: a busy machine stretches wall times
        start = time.process_time()
        postprocess(*args, **kwargs)
        cpu["search"] = time.process_time() - start

    module.postprocess = timed
    project = Project.at(root, site_dir=site_dir, build_dir=build_dir)
    start, start_cpu = time.perf_counter(), time.process_time()
    generated, _ = build(project, force=force)
    total = time.perf_counter() - start
    return {"timings": generated.timings, "total": total, "pages": generated.pages,
            "cpu_total": time.process_time() - start_cpu, "cpu_search": cpu.get("search", 0.0)}


def run_child(*argv: str) -> dict:
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *argv],
                          capture_output=True, text=True, env=ENV)
    if proc.returncode != 0:
        raise SystemExit(f"build failed: {proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def baseline_source(work: Path, ref: str) -> Path:
    src = work / f"baseline-{ref[:12]}"
    if not (src / "generator").is_dir():
        src.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
    return src


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gz_bytes(folder: Path) -> int:
    return sum(len(gzip.compress(p.read_bytes(), 6)) for p in folder.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- serving


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """The site under PREFIX, text gzipped (as GitHub Pages serves it), nothing cached."""

    prefix = PREFIX
    packed: dict[str, bytes]  # path → gzipped body, one dict per server (see serve)
    TEXT = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")

    def log_message(self, format, *args):
        pass

    def translate_path(self, path):
        bare = path.split("?", 1)[0].split("#", 1)[0]
        if not bare.startswith(self.prefix):
            return str(Path(self.directory) / ".outside")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = os.path.join(path, "index.html")
        if not path.endswith(self.TEXT) or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not os.path.isfile(path):
            return super().send_head()
        body = self.packed.get(path)
        if body is None:
            with open(path, "rb") as f:
                body = self.packed[path] = gzip.compress(f.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        import io

        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def serve(root: Path) -> tuple[_Server, str]:
    handler = type("_H", (_Gzip,), {"packed": {}})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"


# --------------------------------------------------------------------------- the browser


@dataclass
class Site:
    """What tests/browser's SearchBox needs of a site."""

    base: str

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def path(self, url: str) -> str:
        bare = url.split("#", 1)[0].split("?", 1)[0]
        return bare[len(self.base):] if bare.startswith(self.base) else url


def load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


class Wire:
    """Requests of one page and their bytes on the wire (Playwright's sizes: the encoded body and
    the headers). Requests of the page's Web Workers (Material's search worker) are reported on
    the page too."""

    def __init__(self, context, page, throttle: float = 1) -> None:
        self.cdp = context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        if throttle != 1:
            self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        self.requests: list = []
        self.ended: set = set()
        self.last = time.monotonic()
        page.on("request", self._sent)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _sent(self, request) -> None:
        self.requests.append(request)
        self.last = time.monotonic()

    def _ended(self, request) -> None:
        self.ended.add(id(request))
        self.last = time.monotonic()

    def quiet(self, page, seconds: float = 1.0, limit: float = 60) -> None:
        """Wait until every request has ended and none started for `seconds`."""
        start = time.monotonic()
        while time.monotonic() - start < limit:
            page.wait_for_timeout(200)
            if all(id(r) in self.ended for r in self.requests) and time.monotonic() - self.last >= seconds:
                return

    @staticmethod
    def size(request) -> int:
        try:
            sizes = request.sizes()
        except Exception:  # failed or cancelled
            return 0
        return sizes["responseBodySize"] + sizes["responseHeadersSize"]

    def since(self, mark: int) -> tuple[int, int, int, int]:
        """(bytes, requests, search requests, search bytes) of the requests made after the first `mark`."""
        rs = self.requests[mark:]
        search = [r for r in rs if SEARCH_URL.search(r.url)]
        return (sum(self.size(r) for r in rs), len(rs), len(search), sum(self.size(r) for r in search))


QUERY_JS = {
    # after: focus, type, until oit-search.js marks the results as those of this query
    "after": """async q => {
        const input = document.querySelector('[data-oit-search-input]')
        const result = document.querySelector('#oit-search-result')
        const t0 = performance.now()
        input.focus()
        input.value = q
        input.dispatchEvent(new Event('input', { bubbles: true }))
        while (!(result.dataset.oitQuery === q && result.dataset.oitState !== 'loading'))
            await new Promise(r => setTimeout(r, 5))
        return [performance.now() - t0, document.querySelector('[data-oit-search-meta]').textContent.trim()]
    }""",
    # before: Material reads the query on keyup and shows "พบ …"/"ไม่พบ …" with the results
    "before": """async q => {
        const input = document.querySelector('input[data-md-component=search-query]')
        const meta = document.querySelector('.md-search-result__meta')
        const t0 = performance.now()
        input.focus()
        const placeholder = JSON.parse(document.querySelector('#__config').textContent).translations['search.result.placeholder']
        while (meta.textContent.trim() !== placeholder)
            await new Promise(r => setTimeout(r, 5))
        input.value = q
        input.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }))
        while (meta.textContent.trim() === placeholder)
            await new Promise(r => setTimeout(r, 5))
        return [performance.now() - t0, meta.textContent.trim()]
    }""",
}


def first_view(browser, base: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH", service_workers="block")
    page = context.new_page()
    wire = Wire(context, page)
    page.goto(base, wait_until="load")
    wire.quiet(page)
    total, requests, search, search_bytes = wire.since(0)
    context.close()
    return {"bytes": total, "requests": requests, "search_requests": search, "search_bytes": search_bytes}


def first_query(browser, base: str, variant: str, word: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH", service_workers="block")
    page = context.new_page()
    wire = Wire(context, page, throttle=4)
    page.goto(base, wait_until="load")
    wire.quiet(page)
    mark = len(wire.requests)
    ms, meta = page.evaluate(QUERY_JS[variant], word)
    wire.quiet(page, 0.5)
    total, requests, _, _ = wire.since(mark)
    context.close()
    return {"word": word, "ms": ms, "bytes": total, "requests": requests, "meta": meta}


def page_texts(browser, base: str, pages: list[str]) -> dict:
    context = browser.new_context(locale="th-TH", service_workers="block")
    page = context.new_page()
    out = {}
    for path in pages:
        page.goto(base + path)
        out[path] = page.evaluate(
            "() => (document.querySelector('article.md-content__inner') || document.body).innerText")
    context.close()
    return out


def recall(browser, base: str, variant: str, pairs: list[tuple[str, str]], support) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH", service_workers="block")
    page = context.new_page()
    page.goto(base)
    box = support.SearchBox(page, Site(base))
    box.open()
    hits, first, misses = 0, 0, []
    start = time.perf_counter()
    for word, path in pairs:
        pages = box.search(word, want=path).pages
        if path in pages:
            hits += 1
            first += pages.index(path) == 0
        else:
            misses.append([word, path])
    context.close()
    return {"words": len(pairs), "hits": hits, "first": first, "misses": misses[:20],
            "seconds": time.perf_counter() - start}


# --------------------------------------------------------------------------- one site


def searchable(site_dir: Path) -> list[str]:
    """Pages with text to find: every HTML page but 404 and the maintainer-only readiness page."""
    out = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith(("readiness/", "search/")):
            continue
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out


def browse(row: dict, sites: dict, args, words_seed: int, support_before) -> None:
    """The browser's figures of both sites of one row: first view, first queries, recall."""
    from playwright.sync_api import sync_playwright
    from pythainlp.tokenize import word_tokenize

    from tests.browser import support as support_after
    from tests.browser.test_browser_search import THAI_RUN, candidates, sample

    name = row["name"]

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            servers = {v: serve(sites[v][0]) for v in sites}
            base_after = servers["after"][1]
            # The Thai words: from the middle of Thai runs of the pages' visible text (the after site's)
            texts = page_texts(browser, base_after, searchable(sites["after"][0]))
            runs = {p: [word_tokenize(r, engine="newmm", keep_whitespace=False) for r in THAI_RUN.findall(t)]
                    for p, t in texts.items()}
            found = candidates(runs)
            pairs = sample(found, args.recall, seed=2569)
            rng = random.Random(words_seed)
            query_words = sorted(found)
            rng.shuffle(query_words)
            query_words = query_words[: args.words]
            row["query_words"] = query_words
            for variant in ("before", "after"):
                base = servers[variant][1]
                print(f"[{name}] {variant}: first view, {len(query_words)} first queries, recall of "
                      f"{len(pairs)} words…", file=sys.stderr, flush=True)
                row[variant]["first_view"] = first_view(browser, base)
                row[variant]["queries"] = [first_query(browser, base, variant, w) for w in query_words]
                support = support_after if variant == "after" else support_before
                row[variant]["recall"] = recall(browser, base, variant, pairs, support) if pairs else None
        finally:
            for server, _ in servers.values():
                server.shutdown()
                server.server_close()
            browser.close()



def bench_site(name: str, root: Path, src_before: Path, args, words_seed: int) -> dict:
    support_before = load_module("oit_bench_support_before", src_before / "tests" / "browser" / "support.py")
    row: dict = {"name": name}
    sites = {"after": (root / "site-after", root / "build-after", REPO),
             "before": (root / "site-before", root / "build-before", src_before)}
    for variant, (site_dir, build_dir, src) in sites.items():
        for d in (site_dir, build_dir):
            shutil.rmtree(d, ignore_errors=True)
        print(f"[{name}] building {variant}…", file=sys.stderr, flush=True)
        built = run_child("build", str(root), str(src), str(site_dir), str(build_dir), "force")
        index_dir = site_dir / "search"
        row[variant] = {"build": built, "index_bytes": folder_bytes(index_dir), "index_gz": gz_bytes(index_dir),
                        "html_files": len(list(site_dir.rglob("*.html")))}

    if not args.builds_only:
        browse(row, sites, args, words_seed, support_before)

    # The after build again, with one news title of the newest year changed (the index cache at work).
    news = sorted((root / "content").glob("25*/news.yml"))
    if news:
        original = news[-1].read_text(encoding="utf-8")
        news[-1].write_text(original.replace("- title: ", "- title: แก้ไขใหม่ ", 1), encoding="utf-8")
        try:
            site_dir, build_dir, src = sites["after"]
            print(f"[{name}] after: build again with one page edited…", file=sys.stderr, flush=True)
            row["after"]["edited"] = run_child("build", str(root), str(src), str(site_dir), str(build_dir), "")
        finally:
            news[-1].write_text(original, encoding="utf-8")
    return row


# --------------------------------------------------------------------------- report


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(info: dict, rows: list[dict]) -> str:
    def cell(row: dict, variant: str, f) -> str:
        try:
            return f(row[variant])
        except (KeyError, TypeError, ZeroDivisionError):
            return "–"

    def kb(n: float) -> str:
        return f"{n / KB:,.0f} KB"

    lines_spec = [
        ("pages (HTML files)", lambda v: str(v["html_files"])),
        ("**first view of the home page**, on the wire", lambda v: kb(v["first_view"]["bytes"])),
        ("… search requests before the box is used", lambda v: f"{v['first_view']['search_requests']} "
                                                              f"({kb(v['first_view']['search_bytes'])})"),
        ("**first query**, on the wire (median of the words)", lambda v: kb(median([q["bytes"] for q in v["queries"]]))),
        ("… largest", lambda v: kb(max(q["bytes"] for q in v["queries"]))),
        ("**first query: results after** (CPU 4× slower, median)", lambda v: f"{median([q['ms'] for q in v['queries']]) / 1000:.2f} s"),
        ("… slowest", lambda v: f"{max(q['ms'] for q in v['queries']) / 1000:.2f} s"),
        ("… requests (median)", lambda v: f"{median([q['requests'] for q in v['queries']]):.0f}"),
        ("**recall** of mid-sentence words", lambda v: f"{v['recall']['hits']}/{v['recall']['words']} = "
                                                       f"{100 * v['recall']['hits'] / v['recall']['words']:.1f} %"),
        ("… found first", lambda v: f"{v['recall']['first']}"),
        ("index on disk / gzipped", lambda v: f"{v['index_bytes'] / KB / KB:.1f} MB / {v['index_gz'] / KB / KB:.2f} MB"),
        ("**index build time** / whole cold `oit build`",
         lambda v: f"{v['build']['timings'].get('search', 0):.2f} s / {v['build']['total']:.1f} s = "
                   f"**{100 * v['build']['timings'].get('search', 0) / v['build']['total']:.1f} %**"),
        ("… in CPU time (steady on a busy machine)",
         lambda v: f"{v['build']['cpu_search']:.2f} s / {v['build']['cpu_total']:.1f} s = "
                   f"**{100 * v['build']['cpu_search'] / v['build']['cpu_total']:.1f} %**"),
        ("MkDocs inside it", lambda v: f"{v['build']['timings'].get('mkdocs', 0):.1f} s"),
        ("again, one page edited: index / whole build",
         lambda v: f"{v['edited']['timings'].get('search', 0):.2f} s / {v['edited']['total']:.1f} s = "
                   f"{100 * v['edited']['timings'].get('search', 0) / v['edited']['total']:.1f} %"),
        ("… in CPU time",
         lambda v: f"{v['edited']['cpu_search']:.2f} s / {v['edited']['cpu_total']:.1f} s = "
                   f"{100 * v['edited']['cpu_search'] / v['edited']['cpu_total']:.1f} %"),
    ]
    head = "| | " + " | ".join(f"**{r['name']}** before | **{r['name']}** after" for r in rows) + " |"
    sep = "|---|" + "---:|---:|" * len(rows)
    body = [f"| {label} | " + " | ".join(f"{cell(r, 'before', f)} | {cell(r, 'after', f)}" for r in rows) + " |"
            for label, f in lines_spec]
    words = "; ".join(f"{r['name']}: {', '.join(r.get('query_words', []))}" for r in rows)
    intro = (f"Machine: {info['nproc']} CPUs, {info['cpu']}; Chromium {info.get('chromium', '?')}; commit "
             f"{info['commit']} against baseline {info['baseline'][:10]}; load average {info['load'][0]:.2f} "
             f"before, {info.get('load_after', [0])[0]:.2f} after; {info.get('seconds', 0) / 60:.1f} min.")
    return "\n\n".join([intro, "\n".join([head, sep, *body]), f"First-query words: {words}"]) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _, root, src, site_dir, build_dir, force = argv[1:]
        print(json.dumps(child_build(Path(root), Path(src), Path(site_dir), Path(build_dir), force == "force")))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,5,10", help="fiscal years of the synthetic LAOs, comma-separated")
    ap.add_argument("--sample", action=argparse.BooleanOptionalAction, default=True,
                    help="also the repository's sample LAO (content/)")
    ap.add_argument("--words", type=int, default=10, help="first queries per site (different Thai words)")
    ap.add_argument("--recall", type=int, default=100, help="mid-sentence words per site for recall")
    ap.add_argument("--baseline", default=BASELINE, help="commit with the search to compare against")
    ap.add_argument("--builds-only", action="store_true", help="time the builds only (no browser)")
    ap.add_argument("--work", type=Path, default=OUT / "search-work")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--report", type=Path, metavar="SEARCH_JSON", help="print the tables of an earlier run")
    args = ap.parse_args(argv)
    if args.report:
        data = json.loads(args.report.read_text(encoding="utf-8"))
        print(report(data["machine"], data["rows"]), end="")
        return 0
    from benchmarks import synth
    from benchmarks.run import machine

    start = time.perf_counter()
    info = machine()
    info["baseline"] = subprocess.run(["git", "-C", str(REPO), "rev-parse", args.baseline], capture_output=True,
                                      text=True, check=True).stdout.strip()
    info["chromium"] = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    src_before = baseline_source(args.work, info["baseline"])
    rows: list[dict] = []

    def save() -> str:  # after every site, so a long run that stops keeps what it measured
        info["load_after"] = os.getloadavg()
        info["seconds"] = time.perf_counter() - start
        text = report(info, rows)
        (args.out / "search.md").write_text(text, encoding="utf-8")
        (args.out / "search.json").write_text(json.dumps({"machine": info, "rows": rows}, ensure_ascii=False,
                                                         indent=2), encoding="utf-8")
        return text

    if args.sample:
        root = args.work / "sample"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(REPO / "content", root / "content")
        rows.append(bench_site("sample", root, src_before, args, words_seed=1))
        save()
    for years in [int(s) for s in args.sizes.split(",") if s.strip()]:
        root = args.work / f"lao-{years}y"
        shutil.rmtree(root, ignore_errors=True)
        synth.make_lao(root, years, synth.FULL)
        rows.append(bench_site(f"{years} y", root, src_before, args, words_seed=years))
        save()
    print(save(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
