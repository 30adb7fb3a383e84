"""Benchmarks: one LAO over 1, 5 and 10 years, and a province of many LAOs.

    python benchmarks/run.py            # the full matrix (15–30 minutes on 2 cores)
    python benchmarks/run.py --quick    # a smoke run (about a minute): the smallest sizes
    python benchmarks/run.py --sizes 10 --province 0   # one size only
    python benchmarks/run.py --sizes 1,10 --province 0 --lao-repeat 3   # medians of 3 cold builds and baselines
    python benchmarks/run.py --sizes '' --province 30 --repeat 3   # the province speed-up only
    python benchmarks/run.py --report benchmarks/out/results.json  # reprint an earlier run's tables
    python benchmarks/breakdown.py      # where the time and memory of one build go (cProfile)

Prints Markdown tables and writes them, with every raw figure, to benchmarks/out/
(results.md, results.json; the folder is git-ignored). Nothing here asserts a time: the
figures are for reading.

How each figure is taken:
- Synthetic content (benchmarks/synth.py) is generated, then loaded with
  generator.checks.validate.validate; content with errors is never timed.
- Each size is built cold (no build/ and no site/: an earlier run's are moved aside and deleted
  only when all is measured, and the page cache is written out before each timed run: see
  set_aside and settle) by `generator.publish.build.build` in a fresh child
  process, as `oit build` runs it (keep_site=False); phases are timed inside it with
  time.perf_counter (Generated.timings). Peak memory: see the audit below.
- The audit (`oit audit`, generator/publish/audit.py) runs inside `oit build` on the new site:
  on Linux with two cores or more a helper process reads each page while MkDocs writes the next
  (generator/publish/alongside.py), and the "audit" phase is what the build then waits for after
  the search index; what it needs from the content ("claims": readiness and the ITAS sheet of
  every published year) is a phase of our work before MkDocs. The checks across files run in a
  helper beside the rendering the same way, so "load" is loading alone and any wait for the checks
  is in "render". Every time is wall time in the build's process. Peak memory is that of the
  build's process and its helpers together: their proportional set sizes (shared pages split
  between the processes sharing them), sampled every 50 ms from /proc; their own peak RSS
  (ru_maxrss) is shown beside, which counts a shared page in each.
- In the same child: a regeneration with no change (files written, seconds), the same with the
  up-to-date check bypassed (force: everything loaded, checked and rendered again, nothing
  written), and `build` again with no change.
- Baselines, in the same run, on the same generated Markdown: the MkDocs command line
  (`python -m mkdocs build -f build/mkdocs.yml`), and the same with `navigation.prune` removed
  from theme.features (build/mkdocs-noprune.yml INHERITs build/mkdocs.yml). Their time is the
  command's wall-clock time, their memory the child's ru_maxrss from os.wait4.
- Province: every LAO built cold by `generator.tools.province.build_all` in a child process, first
  with 1 process, then with --jobs processes (alternated --repeat times, medians reported, the
  load average and the CPU seconds of all processes noted for each: CPU time / wall time is the
  number of cores a run obtained, whatever else the machine was doing), then once more with no
  change. With an even --repeat the lower median (the faster of the middle two) is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # this checkout's generator, also in child processes

from benchmarks import synth  # noqa: E402

OUT = REPO / "benchmarks" / "out"
MB = 1024 * 1024
QUICK_SIZE = synth.Size(measures=20, rows_per_month=5, documents=30, news=6, participation=3, projects=5, risks=3)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
BUILT_MARK = "OIT_BENCH_BUILT"  # a file the child makes once its build is done


# --------------------------------------------------------------------------- child processes

ASIDE = ".set-aside"  # in the work folder: earlier runs' output, deleted when the measuring is done


def set_aside(path: Path, work: Path) -> None:
    """Move `path` out of the way, to be deleted at the end (`clear_aside`). Deleting a site here
    would charge the next build: on ext4 with `discard` (this machine's disk) the writes that follow
    a deletion of 100 MB wait for it, which made one build's writing vary from 0.7 to 3.6 s."""
    if path.exists():
        aside = work / ASIDE
        aside.mkdir(exist_ok=True)
        os.replace(path, Path(tempfile.mkdtemp(dir=aside)) / path.name)


def settle() -> None:
    """Write out what earlier steps left in the page cache before a timed run starts, so that the
    kernel writing an earlier site back is not charged to the next one (the same build wrote its
    Markdown in 0.44 s on a quiet disk and in 1.3 to 2.7 s right after a baseline's 90 MB)."""
    os.sync()


def clear_aside(work: Path) -> None:
    shutil.rmtree(work / ASIDE, ignore_errors=True)



def _pss_mb(pid: int) -> float:
    """Proportional set size of a process (Linux): its own memory, and its share of what it
    shares with others (a forked helper shares most of the build's), so the PSS of processes add up."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _tree_pss_mb(pid: int) -> float:
    try:
        children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        children = []
    return _pss_mb(pid) + sum(_pss_mb(c) for c in children)


def child(argv: list[str]) -> dict:
    """Run `run.py --child …` in a fresh interpreter; its JSON result, wall time, and the peak
    memory of it with its helpers (PSS sampled every 50 ms while it runs; 0 without /proc)."""
    settle()
    # The child marks the end of its build: what it does afterwards (the no-change runs, in the
    # same process) is not the build's memory.
    built = Path(tempfile.mkdtemp(prefix="oit-bench-")) / "built"
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**ENV, BUILT_MARK: str(built)},
                            text=True)
    peak = 0.0
    while proc.poll() is None:  # the pipes hold the child's JSON line and its warnings meanwhile
        if not built.exists():
            peak = max(peak, _tree_pss_mb(proc.pid))
        time.sleep(0.05)
    out, err = proc.communicate()
    shutil.rmtree(built.parent, ignore_errors=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"child {argv} failed ({proc.returncode}):\n{err[-4000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["wall"] = seconds
    result["tree_pss_mb"] = peak
    return result


def command(args: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command, from os.wait4."""
    settle()
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(args)} failed ({code}): {proc.stderr.read().decode()[-4000:]}")
    proc.stderr.close()
    return seconds, usage.ru_maxrss / 1024


def child_build(root: Path) -> dict:
    """In the child: a cold build with phase timings, then the no-change runs."""
    from generator.publish.build import build, generate
    from generator.publish.project import Project

    project = Project.at(root)
    start = time.perf_counter()
    generated, _ = build(project, force=True, keep_site=False)  # as `oit build` does
    total = time.perf_counter() - start
    if os.environ.get(BUILT_MARK):
        Path(os.environ[BUILT_MARK]).touch()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest helper
    out = {"timings": generated.timings, "total": total, "peak_mb": peak, "helper_peak_mb": helpers, "pages": generated.pages,
           "documents": generated.documents, "warnings": len(generated.problems.warnings),
           "audit": {"errors": len(generated.audit.problems.errors) if generated.audit else None,
                     "warnings": len(generated.audit.problems.warnings) if generated.audit else None,
                     "elements": generated.audit.elements if generated.audit else 0}}
    start = time.perf_counter()
    again = generate(project)
    out["regen"] = {"seconds": time.perf_counter() - start, "written": again.stats.changed,
                    "unchanged": again.unchanged}
    start = time.perf_counter()
    forced = generate(project, force=True)
    out["regen_forced"] = {"seconds": time.perf_counter() - start, "written": forced.stats.changed,
                           "timings": forced.timings}
    start = time.perf_counter()
    rebuilt, _ = build(project)
    out["rebuild_unchanged"] = {"seconds": time.perf_counter() - start, "unchanged": rebuilt.unchanged}
    return out


def child_province(folder: Path, jobs: int, cold: bool) -> dict:
    from generator.tools import province

    if cold:
        for lao in province.find_laos(folder):
            for sub in ("build", "site"):
                set_aside(lao / sub, folder.parent)
    tasks = province.tasks_for(folder)
    start = time.perf_counter()
    results = province.build_all(tasks, jobs, progress=False)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds, "jobs": jobs, "laos": len(results),
        "failed": [r.name for r in results if not r.ok], "unchanged": sum(r.unchanged for r in results),
        "pages": sum(r.pages for r in results), "load": os.getloadavg()[0],
        # CPU seconds of this process and its (joined) workers: the work done, whatever the wall time
        "cpu": sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                   for f in ("ru_utime", "ru_stime")),
        "peak_mb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                       resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024,
    }


# --------------------------------------------------------------------------- measuring one site


def folder_bytes(folder: Path, pattern: str = "*") -> int:
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file())


def site_figures(site: Path) -> dict:
    html = [p for p in site.rglob("*.html") if p.is_file()]
    pages = [p for p in html if p.name == "index.html" or p.parent == site]
    html_bytes = sum(p.stat().st_size for p in html)
    index = site / "search"  # generator/publish/search.py
    return {
        "html_files": len(html),
        "total_mb": folder_bytes(site) / MB,
        "html_mb": html_bytes / MB,
        "documents_mb": folder_bytes(site / "files") / MB if (site / "files").is_dir() else 0.0,
        "search_mb": folder_bytes(index) / MB if index.is_dir() else 0.0,
        "html_kb_per_page": html_bytes / 1024 / max(1, len(pages)),
    }


def noprune_config(project) -> Path:
    import yaml

    base = yaml.safe_load(project.base_config.read_text(encoding="utf-8")) or {}
    features = [f for f in base.get("theme", {}).get("features", []) if f != "navigation.prune"]
    path = project.build_dir / "mkdocs-noprune.yml"
    path.write_text("# benchmark baseline: the same site without navigation.prune\n" + yaml.safe_dump(
        {"INHERIT": project.config_file.name, "theme": {"features": features}}, allow_unicode=True), encoding="utf-8")
    return path


def bench_lao(work: Path, years: int, size: synth.Size, repeat: int = 1) -> dict:
    from generator.checks.validate import validate
    from generator.problems import Problems
    from generator.publish.project import Project

    root = work / f"lao-{years}y"
    set_aside(root, work)
    made = synth.make_lao(root, years, size)
    problems = Problems()
    validate(root, problems)
    if problems.has_errors():
        raise SystemExit("synthetic content does not validate:\n" + "\n".join(p.text() for p in problems.errors[:20]))
    project = Project.at(root)
    row: dict = {"years": years, "fiscal_years": made.years, "documents": made.documents,
                 "document_bytes": made.document_bytes, "yaml_mb": made.yaml_bytes / MB}
    print(f"[{years} y] content: {made.documents} documents, {made.yaml_bytes / MB:.1f} MB YAML; building…",
          file=sys.stderr, flush=True)
    plain = work / f"plain-{years}y"
    builds, plains = [], []
    for n in range(repeat):  # cold build, then the baseline on its Markdown, alternated
        if n:
            set_aside(project.build_dir, work)
            set_aside(project.site_dir, work)
        builds.append(child(["build", str(root)]))
        if not n:
            row["site"] = site_figures(project.site_dir)
        print(f"[{years} y] baseline {n + 1}/{repeat}…", file=sys.stderr, flush=True)
        set_aside(plain, work)
        seconds, peak = command([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project.config_file),
                                 "-d", str(plain)])
        plains.append({"seconds": seconds, "peak_mb": peak, **site_figures(plain)})
    # Medians: the middle run of each, and the middle of the pairs' ratios (the machine drifts)
    row["build"] = sorted(builds, key=lambda b: b["total"])[(repeat - 1) // 2]
    row["build_phases"] = [b["timings"] for b in builds]  # every run's, in the order run
    row["plain"] = sorted(plains, key=lambda p: p["seconds"])[(repeat - 1) // 2]
    row["ratios_without_search"] = sorted((b["total"] - b["timings"]["search"]) / p["seconds"]
                                          for b, p in zip(builds, plains, strict=True))
    # Every run's seconds: on a machine whose speed drifts (a shared virtual machine), the fastest
    # run of each is the one least slowed by the rest of the machine
    row["builds_without_search"] = [b["total"] - b["timings"]["search"] for b in builds]
    row["plains"] = [p["seconds"] for p in plains]
    noprune = work / f"noprune-{years}y"
    seconds, peak = command([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(noprune_config(project)),
                             "-d", str(noprune)])
    row["noprune"] = {"seconds": seconds, "peak_mb": peak, **site_figures(noprune)}
    set_aside(plain, work)
    set_aside(noprune, work)
    return row


def bench_province(work: Path, n: int, jobs: int, size: synth.Size, repeat: int = 1) -> dict:
    """Serial and parallel cold builds of the same province, alternated `repeat` times (other work
    on the machine changes over minutes: alternating exposes both to it alike); the medians count."""
    folder = work / "province"
    set_aside(folder, work)
    made = synth.make_province(folder, n, size)
    from generator.checks.validate import validate
    from generator.problems import Problems

    for m in made:
        problems = Problems()
        validate(m.root, problems)
        if problems.has_errors():
            raise SystemExit(f"synthetic LAO {m.root.name} does not validate")
    serial_runs, parallel_runs = [], []
    for i in range(repeat):
        print(f"[province] {n} LAOs, round {i + 1} of {repeat}: serial…", file=sys.stderr, flush=True)
        serial_runs.append(child(["province", str(folder), "1", "cold"]))
        print(f"[province] {n} LAOs, round {i + 1} of {repeat}: {jobs} processes…", file=sys.stderr, flush=True)
        parallel_runs.append(child(["province", str(folder), str(jobs), "cold"]))
    again = child(["province", str(folder), str(jobs), "warm"])
    sites = [m.root / "site" for m in made]
    serial = sorted(serial_runs, key=lambda r: r["seconds"])[(repeat - 1) // 2]
    parallel = sorted(parallel_runs, key=lambda r: r["seconds"])[(repeat - 1) // 2]
    return {"laos": n, "documents": sum(m.documents for m in made), "serial": serial, "parallel": parallel,
            "unchanged": again, "speedup": serial["seconds"] / parallel["seconds"],
            "rounds": [[s["seconds"], p["seconds"], s["load"], p["load"], s["cpu"], p["cpu"]]
                       for s, p in zip(serial_runs, parallel_runs, strict=False)],
            "site_mb": sum(folder_bytes(s) for s in sites) / MB}


# --------------------------------------------------------------------------- report


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    from importlib.metadata import version

    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return {"nproc": os.cpu_count(), "cpu": cpu or platform.processor(), "ram_gb": round(ram, 1),
            "python": platform.python_version(), "mkdocs": version("mkdocs"),
            "material": version("mkdocs-material"), "commit": head.stdout.strip(), "load": os.getloadavg()}


def ours(b: dict) -> float:
    t = b["timings"]
    return sum(t.get(k, 0.0) for k in ("check", "load", "pages", "render", "write", "claims"))


def lao_table(rows: list[dict]) -> str:
    def col(f) -> list[str]:
        return [f(r) for r in rows]

    def line(label: str, values: list[str]) -> str:
        return f"| {label} | " + " | ".join(values) + " |"

    def without_search(r: dict) -> str:
        ratios = r.get("ratios_without_search") or [(full(r) - b(r)["timings"]["search"]) / r["plain"]["seconds"]]
        middle = ratios[(len(ratios) - 1) // 2]
        spread = f" ({ratios[0]:.2f}–{ratios[-1]:.2f}, {len(ratios)} pairs)" if len(ratios) > 1 else ""
        return f"{middle:.2f} ×{spread}"

    def across_runs(r: dict) -> str:
        if not r.get("plains"):
            return "–"
        builds, plains = sorted(r["builds_without_search"]), sorted(r["plains"])
        middle = (len(plains) - 1) // 2
        return (f"{builds[middle] / plains[middle]:.2f} × / {builds[0] / plains[0]:.2f} × "
                f"({len(plains)} runs each)")

    b = lambda r: r["build"]  # noqa: E731
    full = lambda r: b(r)["total"]  # noqa: E731
    lines = [
        line("", [f"**{r['years']} year{'s' if r['years'] > 1 else ''}**" for r in rows]),
        "|---|" + "---:|" * len(rows),
        line("pages (HTML files) / documents", col(lambda r: f"{r['site']['html_files']} / {r['documents']}")),
        line("content YAML", col(lambda r: f"{r['yaml_mb']:.1f} MB")),
        line("load (the checks across files run beside the rendering)", col(lambda r: f"{b(r)['timings']['load']:.2f} s")),
        line("pages + render Markdown", col(lambda r: f"{b(r)['timings']['pages'] + b(r)['timings']['render']:.2f} s")),
        line("write (changed files only)", col(lambda r: f"{b(r)['timings']['write']:.2f} s")),
        line("what the audit checks (readiness + ITAS of every year)",
             col(lambda r: f"{b(r)['timings'].get('claims', 0.0):.2f} s")),
        line("**our work** (check, load, render, write, claims)", col(lambda r: f"**{ours(b(r)):.2f} s**")),
        line("MkDocs build (inside `oit build`)", col(lambda r: f"{b(r)['timings']['mkdocs']:.2f} s")),
        line("search index (after MkDocs)", col(lambda r: f"{b(r)['timings']['search']:.2f} s")),
        line("audit of the built site (`oit audit`): what the build waits for after MkDocs",
             col(lambda r: f"{b(r)['timings'].get('audit', 0.0):.2f} s = "
                           f"{100 * b(r)['timings'].get('audit', 0.0) / b(r)['timings']['mkdocs']:.0f} % of MkDocs")),
        line("… its findings: errors / warnings / elements checked",
             col(lambda r: f"{b(r).get('audit', {}).get('errors')} / {b(r).get('audit', {}).get('warnings')} / "
                           f"{b(r).get('audit', {}).get('elements')}")),
        line("full `oit build`, cold (Pages: < 10 min)", col(lambda r: f"{full(r):.2f} s")),
        line("**our work / MkDocs** (target ≤ 10 %)",
             col(lambda r: f"**{100 * ours(b(r)) / b(r)['timings']['mkdocs']:.0f} %**")),
        line("our work + search / MkDocs",
             col(lambda r: f"{100 * (ours(b(r)) + b(r)['timings']['search']) / b(r)['timings']['mkdocs']:.0f} %")),
        line("regeneration, no change: files written", col(lambda r: str(b(r)["regen"]["written"]))),
        line("regeneration, no change: time (target ≤ 1 % of full)",
             col(lambda r: f"{1000 * b(r)['regen']['seconds']:.0f} ms = {100 * b(r)['regen']['seconds'] / full(r):.2f} %")),
        line("same, up-to-date check bypassed (`force`)",
             col(lambda r: f"{b(r)['regen_forced']['seconds']:.2f} s, {b(r)['regen_forced']['written']} written")),
        line("`oit build` again, no change", col(lambda r: f"{1000 * b(r)['rebuild_unchanged']['seconds']:.0f} ms")),
        line("peak memory, `oit build` with its helpers (PSS; target ≤ 400 MB at 10 years)",
             col(lambda r: f"{b(r).get('tree_pss_mb', 0.0):.0f} MB")),
        line("… peak RSS of the build's process / of its largest helper (shared pages in both)",
             col(lambda r: f"{b(r)['peak_mb']:.0f} / {b(r).get('helper_peak_mb', 0.0):.0f} MB")),
        line("site size (target < 1 GB)", col(lambda r: f"{r['site']['total_mb']:.1f} MB")),
        line("… of which HTML / documents / search index",
             col(lambda r: f"{r['site']['html_mb']:.1f} / {r['site']['documents_mb']:.1f} / {r['site']['search_mb']:.1f} MB")),
        line("HTML per page (target < 150 KB)", col(lambda r: f"{r['site']['html_kb_per_page']:.0f} KB")),
        line("baseline: `mkdocs build` command, same Markdown", col(lambda r: f"{r['plain']['seconds']:.2f} s, {r['plain']['peak_mb']:.0f} MB")),
        line("`oit build` / plain `mkdocs build`", col(lambda r: f"{full(r) / r['plain']['seconds']:.2f} ×")),
        line("… without the search index (target ≤ 1.6 × at 1 year, ≤ 1.3 × at 10)", col(without_search)),
        line("… the same, median run ÷ median baseline / fastest ÷ fastest (the runs the machine slowed least)",
             col(across_runs)),
        line("baseline: without `navigation.prune`",
             col(lambda r: f"{r['noprune']['seconds']:.2f} s, {r['noprune']['peak_mb']:.0f} MB")),
        line("… its HTML per page / site size",
             col(lambda r: f"{r['noprune']['html_kb_per_page']:.0f} KB / {r['noprune']['total_mb']:.1f} MB")),
        line("prune saves (time, HTML)", col(lambda r: f"{r['noprune']['seconds'] / r['plain']['seconds']:.2f} × faster, "
                                                      f"{r['noprune']['html_mb'] / max(r['plain']['html_mb'], 1e-9):.1f} × less HTML")),
    ]
    return "\n".join(lines)


def province_table(p: dict, jobs: int) -> str:
    s, par, again = p["serial"], p["parallel"], p["unchanged"]
    return "\n".join([
        f"| **province of {p['laos']} LAOs** ({p['documents']} documents, {s['pages']} pages) | |",
        "|---|---:|",
        f"| serial (`--jobs 1`) | {s['seconds']:.1f} s ({s['seconds'] / p['laos']:.2f} s per LAO) |",
        f"| parallel (`--jobs {jobs}`) | {par['seconds']:.1f} s ({par['seconds'] / p['laos']:.2f} s per LAO) |",
        f"| **speed-up** (goal ≥ 1.7×) | **{p['speedup']:.2f} ×** |",
        *([f"| rounds: serial / parallel wall time (load average after each)"
           f"{'; CPU time of all processes; cores obtained = CPU time / wall time' if len(p['rounds'][0]) > 5 else ''} | "
           + "; ".join(f"{r[0]:.0f} s ({r[2]:.1f}) / {r[1]:.0f} s ({r[3]:.1f}) = {r[0] / r[1]:.2f} ×"
                       + (f" (CPU {r[4]:.0f} / {r[5]:.0f} s, cores {r[4] / r[0]:.2f} / {r[5] / r[1]:.2f})"
                          if len(r) > 5 else "") for r in p["rounds"])
           + " |"] if len(p.get("rounds", [])) > 1 else []),
        f"| again, no change (`--jobs {jobs}`) | {again['seconds']:.1f} s ({again['unchanged']} of {p['laos']} unchanged) |",
        f"| failures | {len(s['failed']) + len(par['failed'])} |",
        f"| peak memory per process | {par['peak_mb']:.0f} MB |",
        f"| all sites | {p['site_mb']:.0f} MB |",
    ])


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--child"]:
        kind, *rest = argv[1:]
        if kind == "build":
            result = child_build(Path(rest[0]))
        else:
            result = child_province(Path(rest[0]), int(rest[1]), rest[2] == "cold")
        print(json.dumps(result))
        return 0

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smoke run: 1 small year, a province of 3 LAOs")
    ap.add_argument("--sizes", default=None, help="fiscal years per LAO, comma-separated (default 1,5,10)")
    ap.add_argument("--province", type=int, default=None, help="LAOs in the province (default 100; 0 = skip)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="province: alternate serial and parallel builds this many times, report the medians")
    ap.add_argument("--lao-repeat", type=int, default=1,
                    help="one LAO: build cold and run the baseline this many times, alternated; medians reported")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the province build")
    ap.add_argument("--work", type=Path, default=OUT / "work", help="where the synthetic projects are built")
    ap.add_argument("--out", type=Path, default=OUT, help="where results.md and results.json go")
    ap.add_argument("--report", type=Path, metavar="RESULTS_JSON",
                    help="measure nothing: print the tables of an earlier run's results.json")
    args = ap.parse_args(argv)
    if args.report:
        data = json.loads(args.report.read_text(encoding="utf-8"))
        print(report(data["machine"], data["lao"], data["province"]), end="")
        return 0
    sizes = [int(s) for s in (args.sizes if args.sizes is not None else ("1" if args.quick else "1,5,10")).split(",")
             if s.strip()]
    n_province = args.province if args.province is not None else (3 if args.quick else 100)
    size = QUICK_SIZE if args.quick else synth.FULL
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    clear_aside(args.work)  # left by an interrupted run

    start = time.perf_counter()
    info = machine()
    info["quick"] = args.quick
    rows = [bench_lao(args.work, n, size, max(1, args.lao_repeat)) for n in sizes]
    prov = bench_province(args.work, n_province, args.jobs, QUICK_SIZE if args.quick else synth.REALISTIC,
                          max(1, args.repeat)) if n_province else None
    info["load_after"] = os.getloadavg()
    info["seconds"] = time.perf_counter() - start
    clear_aside(args.work)

    text = report(info, rows, prov)
    print(text, end="")
    (args.out / "results.md").write_text(text, encoding="utf-8")
    (args.out / "results.json").write_text(json.dumps({"machine": info, "lao": rows, "province": prov},
                                                      ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def report(info: dict, rows: list[dict], prov: dict | None) -> str:
    parts = [f"Machine: {info['nproc']} × {info['cpu']}, {info['ram_gb']} GB RAM, Python {info['python']}, "
             f"MkDocs {info['mkdocs']}, Material {info['material']}, commit {info['commit'] or '?'}; "
             f"load average {info['load'][0]:.2f} before, {info['load_after'][0]:.2f} after; "
             f"{'quick run' if info.get('quick') else 'full run'} in {info['seconds'] / 60:.1f} min."]
    if rows:
        parts.append(lao_table(rows))
    if prov:
        parts.append(province_table(prov, prov["parallel"]["jobs"]))
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.exit(main())
