"""Edit-to-preview in Chromium, and the code of an earlier commit to compare with (benchmarks/run.py).

How one edit is timed: `oit serve` runs in its own process on a free loopback port (this checkout's
generator, or an earlier commit's extracted with `git archive`: `baseline_source`). Chromium
(Playwright, Debian's /usr/bin/chromium) opens the page that shows the plan description of the
newest fiscal year's `operations.yml` (found by its text in the generated Markdown). The clock
starts right before the file is written, the way an editor saves it (the whole file rewritten in
place, one field changed: a new word in front of the description), and stops when the page in
the browser, reloaded by the preview, contains that word: the page's text is read every 25 ms.
The next edit waits until the preview has finished with the previous one (its "regenerated" line
in the server's output, and the search index's line after it), so every edit starts from an idle
server. The median of the edits
counts; the load average of the machine is noted.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONUNBUFFERED": "1"}
DONE = "สร้างใหม่แล้ว"  # the preview's line after each regeneration (before and after this issue)
INDEXED = "ปรับดัชนีค้นหาแล้ว"  # this checkout's, once the search index follows
# The code before incremental preview (issue 18): `oit serve` rebuilt the whole site after every edit.
BASELINE = "4a6b3351005bc312cb805c69bcd3b9075cdc3d03"


def _idle(log: str, done_before: int, indexed_before: int, ours: bool) -> bool:
    """The preview has finished with the last edit: regenerated and, in this checkout's preview
    (which defers it until the edits pause), the search index brought up to date."""
    return log.count(DONE) > done_before and (not ours or log.count(INDEXED) > indexed_before)


def baseline_source(work: Path, ref: str) -> Path:
    """The generator of commit `ref`, extracted once into the work folder."""
    src = work / f"baseline-{ref[:12]}"
    if not (src / "generator").is_dir():
        src.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
    return src


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_http(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"oit serve stopped ({proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} not served after {timeout:.0f} s")


def _edited_file(root: Path) -> Path:
    years = sorted(p for p in (root / "content").iterdir() if p.is_dir() and p.name.isdigit())
    return years[-1] / "operations.yml"


def _page_of(root: Path, text: str) -> str:
    """The URL path of the generated page whose Markdown holds `text`."""
    for md in sorted((root / "build" / "docs").rglob("*.md")):
        if text in md.read_text(encoding="utf-8"):
            rel = md.relative_to(root / "build" / "docs").as_posix()
            return "/" + rel[: -len("index.md")] if rel.endswith("index.md") else "/" + rel[:-3] + "/"
    raise SystemExit(f"no generated page shows {text!r}")


def edit_to_preview(root: Path, src: Path | None, edits: int, log: Path, start_timeout: float = 900) -> dict:
    """Start `oit serve` on `root` (with the generator in `src`, or this checkout's), time `edits`
    one-field edits from the file write to the page showing the new value in Chromium."""
    from playwright.sync_api import sync_playwright

    target = _edited_file(root)
    original = target.read_text(encoding="utf-8")
    described = re.search(r"^  description: (\S+ \S+)", original, re.M)
    if described is None:
        raise SystemExit(f"{target}: no plan description to edit")
    port = free_port()
    argv = [sys.executable, "-m", "generator", "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    env = dict(ENV)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    out = open(log, "w+", encoding="utf-8")  # noqa: SIM115 - closed below, after the server stops
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=src or REPO, stdout=out, stderr=subprocess.STDOUT, env=env)
    times: list[float] = []
    try:
        _wait_http(f"http://127.0.0.1:{port}/", proc, start_timeout)
        ready = time.perf_counter() - started
        url = f"http://127.0.0.1:{port}" + _page_of(root, described.group(1))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(url, wait_until="load")
            time.sleep(2.0)  # the live-reload poll is open
            for i in range(edits):
                marker = f"ทดสอบแก้ไข{i}x{int(time.time()) % 100000}"
                done_before = log.read_text(encoding="utf-8").count(DONE)
                indexed_before = log.read_text(encoding="utf-8").count(INDEXED)
                t0 = time.perf_counter()
                target.write_text(original.replace(described.group(0), f"  description: {marker} {described.group(1)}", 1),
                                  encoding="utf-8")
                deadline = t0 + start_timeout
                while True:
                    with contextlib.suppress(Exception):  # the page is being reloaded
                        if page.evaluate("m => !!document.body && document.body.innerText.includes(m)", marker):
                            break
                    if time.perf_counter() > deadline:
                        raise SystemExit(f"{url} never showed the edit; see {log}")
                    time.sleep(0.025)
                times.append(time.perf_counter() - t0)
                while not _idle(log.read_text(encoding="utf-8"), done_before, indexed_before, src is None):
                    if time.perf_counter() > deadline:
                        break
                    time.sleep(0.1)
                time.sleep(0.5)
            browser.close()
    finally:
        target.write_text(original, encoding="utf-8")
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        out.close()
    return {"edits": times, "median": statistics.median(times), "min": min(times), "max": max(times),
            "start": ready, "load": os.getloadavg()[0], "page": url.split(str(port), 1)[1]}


def main(argv: list[str] | None = None) -> int:
    """Edit-to-preview on synthetic LAOs, this checkout against `--baseline` in the same run."""
    import argparse
    import json
    import shutil

    sys.path.insert(0, str(REPO))
    from benchmarks import synth

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--years", default="5,10", help="fiscal years of the synthetic LAOs, comma-separated")
    ap.add_argument("--edits", type=int, default=5, help="one-field edits timed per site")
    ap.add_argument("--baseline", default=BASELINE, help="commit whose oit serve is the baseline ('' = none)")
    ap.add_argument("--baseline-edits", type=int, default=3, help="edits timed with the baseline (slow)")
    ap.add_argument("--work", type=Path, default=REPO / "benchmarks" / "out" / "preview")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in [int(y) for y in args.years.split(",") if y]:
        runs = [("ours", None, args.edits)]
        if args.baseline:
            runs.append((f"baseline {args.baseline[:8]}", baseline_source(args.work, args.baseline), args.baseline_edits))
        row: dict = {"years": n}
        for label, src, edits in runs:
            root = args.work / f"lao-{n}"
            shutil.rmtree(root, ignore_errors=True)
            synth.make_lao(root, n)  # a fresh copy per run: no build/ left by the other
            result = edit_to_preview(root, src, edits, args.work / f"serve-{n}-{label.split()[0]}.log")
            row[label] = result
            print(f"{n} years, {label}: median {result['median']:.2f} s (min {result['min']:.2f}, "
                  f"max {result['max']:.2f}; first page after {result['start']:.1f} s; load {result['load']:.1f})",
                  flush=True)
        rows.append(row)
    print("\n| fiscal years | edit → page shows it, ours (median) | baseline (median) | baseline / ours |")
    print("|---:|---:|---:|---:|")
    for row in rows:
        ours = row["ours"]["median"]
        base = next((v["median"] for k, v in row.items() if k.startswith("baseline")), None)
        ratio = f"{base / ours:.1f}×" if base else "–"
        print(f"| {row['years']} | {ours:.2f} s | {f'{base:.2f} s' if base else '–'} | {ratio} |")
    (args.work / "results.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
