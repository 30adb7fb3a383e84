"""Where the time and the memory of one cold `oit build` go.

    python benchmarks/breakdown.py              # a synthetic LAO with 10 fiscal years
    python benchmarks/breakdown.py --years 1

Three measurements of the same synthetic LAO (benchmarks/synth.py, full size), each in a fresh
child process so that nothing is warm:

1. YAML parsing alone, without the profiler: every content file composed by PyYAML's pure-Python
   parser (what generator/content/yamlload.py uses, to keep line and column of every value and guard
   against hostile files) and by libyaml's C parser (yaml.CSafeLoader, which also keeps marks).
2. Peak memory after each step (generate, MkDocs, Thai search index), from ru_maxrss.
3. A cProfile of the whole build: cumulative seconds of named steps. The profiler slows pure
   Python code more than C code, so these are shares to compare, not timings.

Prints Markdown tables; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import synth  # noqa: E402

# (label, file path ending, function names separated by |); indented labels are parts of the line above
STEPS = [
    ("load + validate", "generator/content/load.py", "load_site"),
    ("  YAML parsing (PyYAML, pure Python)", "yaml/__init__.py", "compose"),
    ("  checks across files", "generator/checks/rules.py", "check_site"),
    ("pages (context for every page)", "generator/publish/pages.py", "build_pages"),
    ("  assessment charts (SVG)", "generator/publish/charts.py", "_chart"),
    ("render (Jinja → Markdown)", "generator/publish/render.py", "render"),
    ("MkDocs build", "mkdocs/commands/build.py", "build"),
    ("  Markdown → HTML (Python-Markdown)", "markdown/core.py", "convert"),
    ("  page HTML (Material templates)", "mkdocs/commands/build.py", "_build_page"),
    ("  static files (theme assets, documents)", "mkdocs/structure/files.py", "copy_static_files"),
    ("search index (generator/publish/search.py)", "generator/publish/search.py", "write_index"),
    ("  text of the built pages", "generator/publish/search.py", "read_pages"),
    ("  cutting Thai runs into words", "generator/publish/search.py", "_best|cut_unknown"),
    ("  word list and its prefix table (once per process)", "generator/publish/search.py",
     "dictionary|_dictionary_table"),
]


def child_yaml(root: Path) -> dict:
    import yaml

    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "content").rglob("*.yml"))]
    out = {"files": len(texts), "mb": sum(len(t.encode()) for t in texts) / 1024**2}
    for name in ("SafeLoader", "CSafeLoader"):
        loader = getattr(yaml, name, None)
        if loader is None:
            continue
        start = time.perf_counter()
        for text in texts:
            yaml.compose(text, Loader=loader)
        out[name] = time.perf_counter() - start
    return out


def _rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_memory(root: Path) -> dict:
    from generator.publish.build import generate, postprocess, run_mkdocs
    from generator.publish.project import Project

    out = {"start": _rss()}
    project = Project.at(root)
    generate(project, force=True)
    out["generate"] = _rss()
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        run_mkdocs(project.config_file, Path(tmp))
        out["mkdocs"] = _rss()
        postprocess(Path(tmp), project)
        out["search"] = _rss()
    return out


def child_profile(root: Path) -> dict:
    import cProfile
    import pstats

    from generator.publish.build import build
    from generator.publish.project import Project

    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    build(Project.at(root), force=True)
    profile.disable()
    total = time.perf_counter() - start
    stats = pstats.Stats(profile).stats  # {(file, line, function): (cc, nc, tt, ct, callers)}
    found = {}
    for label, suffix, func in STEPS:
        times = [v[3] for (f, _, fn), v in stats.items()
                 if fn in func.split("|") and f.replace(os.sep, "/").endswith(suffix)]
        found[label] = sum(times) if times else None
    return {"total": total, "steps": found}


def child(kind: str, root: Path) -> dict:
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", kind, str(root)],
                          capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})
    if proc.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        kind, root = argv[1], Path(argv[2])
        print(json.dumps({"yaml": child_yaml, "memory": child_memory, "profile": child_profile}[kind](root)))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--years", type=int, default=10, help="fiscal years of the synthetic LAO (default 10)")
    ap.add_argument("--work", type=Path, default=REPO / "benchmarks" / "out" / "work",
                    help="where the synthetic LAO is written")
    args = ap.parse_args(argv)
    root = args.work / f"profile-{args.years}y"
    synth.make_lao(root, args.years)

    y = child("yaml", root)
    print(f"Load average {os.getloadavg()[0]:.2f}; {args.years} fiscal years, {y['files']} YAML files, {y['mb']:.1f} MB\n")
    print("| YAML parsing alone (no profiler) | seconds |\n|---|---:|")
    print(f"| PyYAML pure Python (`yaml.SafeLoader`, used now) | {y['SafeLoader']:.2f} |")
    if "CSafeLoader" in y:
        print(f"| libyaml (`yaml.CSafeLoader`, same nodes and marks) | {y['CSafeLoader']:.2f} |")

    mem = child("memory", root)
    print("\n| peak resident memory after | MB |\n|---|---:|")
    for key, label in (("start", "Python started"), ("generate", "load, check, render, write"),
                       ("mkdocs", "MkDocs build"), ("search", "Thai search index")):
        print(f"| {label} | {mem[key]:.0f} |")

    prof = child("profile", root)
    total = prof["total"]
    print(f"\n| under cProfile (build {total:.0f} s) | seconds | share |\n|---|---:|---:|")
    for label, seconds in prof["steps"].items():
        shown = label.strip()
        shown = f"… {shown}" if label.startswith("  ") else shown
        if seconds is None:
            print(f"| {shown} | – | – |")
        else:
            print(f"| {shown} | {seconds:.1f} | {100 * seconds / total:.0f} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
