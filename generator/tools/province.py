"""Many LAOs at once: `oit build --root <province folder>`.

A province folder (a provincial office's or a vendor's repository) holds one folder per LAO,
each with its own `content/organisation.yml`:

    province/
      lao-bansukjai/content/…     → lao-bansukjai/site/
      lao-nongbua/content/…       → lao-nongbua/site/

Every LAO is built exactly as `oit build --root province/<lao>` would build it, in a pool of
worker processes (`--jobs`, default: one per CPU core), with a progress bar on stderr. One LAO's
failure does not stop the others: a content error, a template or MkDocs failure, or a bug in this
program is caught in its worker and reported in the summary with its messages, and even a worker
that dies (out of memory) only costs the LAOs it was building, which are retried one by one. The
exit code is 1 when any LAO failed.

With `--site-dir DIR` each site goes to `DIR/<lao>/`; with `--site-url URL` each LAO gets
`URL<lao>/` as its address: together they publish a whole province as one site with a sub-path
per LAO. (examples/province/.github/workflows/sites.yml publishes the same layout on GitHub Pages
with one job per LAO.)
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from generator.content.topics import CONTENT, ORGANISATION_FILE
from generator.problems import StrictFailed, UserError
from generator.publish.build import Generated, MkDocsFailed, build, up_to_date
from generator.publish.project import Project
from generator.publish.render import TemplateError

MARKER = f"{CONTENT}/{ORGANISATION_FILE}.yml"


def find_laos(folder: Path) -> list[Path]:
    """Sub-folders of `folder` that hold an LAO (`content/organisation.yml`), by name."""
    try:
        subs = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []
    return [p for p in subs if (p / MARKER).is_file()]


def is_province(folder: Path) -> bool:
    """A folder of LAOs rather than one LAO (which has its own content/)."""
    return not (folder / CONTENT).is_dir() and bool(find_laos(folder))


@dataclass(frozen=True)
class Task:
    """What a worker needs to build one LAO (plain values: it crosses a process boundary)."""

    root: str
    name: str
    site_dir: str | None = None
    site_url: str | None = None
    file_system: bool = False
    strict: bool = False
    force: bool = False


@dataclass
class Result:
    name: str
    ok: bool
    seconds: float = 0.0
    kind: str = ""  # why it failed: content, strict, template, mkdocs, bug, crash
    messages: list[str] = field(default_factory=list)
    pages: int = 0
    documents: int = 0
    warnings: int = 0
    unchanged: bool = False  # nothing changed since the last build: nothing was rebuilt
    site_dir: str = ""
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def _project(task: Task) -> Project:
    return Project.at(Path(task.root), site_dir=Path(task.site_dir) if task.site_dir else None,
                      site_url=task.site_url, file_system=task.file_system)


def _finish(result: Result, project: Project, generated: Generated) -> Result:
    result.ok = True
    result.pages = generated.pages
    result.documents = generated.documents
    result.warnings = len(generated.problems.warnings)
    result.unchanged = generated.unchanged
    result.site_dir = str(project.site_dir)
    result.notes = list(generated.notes)
    result.timings = dict(generated.timings)
    return result


def current(task: Task) -> Result | None:
    """The result of an LAO that needs no build at all (nothing changed since its last build),
    found in this process in milliseconds, without a worker."""
    if task.force:
        return None
    start = time.perf_counter()
    try:
        project = _project(task)
        generated = up_to_date(project)
    except Exception:
        return None
    if generated is None:
        return None
    result = Result(task.name, ok=False)
    if task.strict and (len(generated.problems) or (generated.audit and generated.audit.problems.errors)):
        result.kind = "strict"
        audited = generated.audit.problems.errors if generated.audit else []
        result.messages = [p.text() for p in [*generated.problems.sorted(), *audited]]
    else:
        _finish(result, project, generated)
    result.seconds = time.perf_counter() - start
    return result


def build_one(task: Task) -> Result:
    """Build one LAO; never raises (the failure is the result)."""
    start = time.perf_counter()
    result = Result(task.name, ok=False)
    try:
        project = _project(task)
        generated, _ = build(project, force=task.force, strict=task.strict, keep_site=False)
    except StrictFailed as exc:
        result.kind = "strict"
        result.messages = [p.text() for p in exc.problems.sorted()]
    except UserError as exc:
        result.kind = "content"
        result.messages = [p.text() for p in exc.problems.errors]
    except TemplateError as exc:
        result.kind = "template"
        result.messages = [f"{exc.template}:{exc.line}: {exc.message}" if exc.line else f"{exc.template}: {exc.message}"]
    except MkDocsFailed as exc:
        result.kind = "mkdocs"
        result.messages = list(exc.messages)
    except Exception as exc:  # a bug: keep where it happened, let the other LAOs go on
        result.kind = "bug"
        frames = traceback.extract_tb(exc.__traceback__)
        where = f" ({frames[-1].filename}:{frames[-1].lineno})" if frames else ""
        result.messages = [f"{type(exc).__name__}: {exc}{where}"]
    else:
        _finish(result, project, generated)
    finally:
        result.seconds = time.perf_counter() - start
    return result


def tasks_for(folder: Path, *, site_base: Path | None = None, site_url: str | None = None,
              file_system: bool = False, strict: bool = False, force: bool = False) -> list[Task]:
    tasks = []
    for lao in find_laos(folder):
        tasks.append(Task(
            root=str(lao), name=lao.name,
            site_dir=str((site_base / lao.name).resolve()) if site_base else None,
            site_url=f"{site_url.rstrip('/')}/{lao.name}/" if site_url else None,
            file_system=file_system, strict=strict, force=force,
        ))
    return tasks


def _pool(jobs: int) -> ProcessPoolExecutor:
    # "spawn": fresh interpreters, no state copied from the parent (no fork of a process with
    # threads); each worker imports the generator once and keeps its caches for its next LAOs.
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))


def build_all(tasks: list[Task], jobs: int | None = None, *, progress: bool = True) -> list[Result]:
    """Build every task; results in the order of `tasks`. `jobs=1` builds in this process."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks) or 1))
    results: dict[str, Result] = {}
    bar = tqdm(total=len(tasks), unit="LAO", desc="สร้างเว็บไซต์ (building)", file=sys.stderr,
               disable=not progress, dynamic_ncols=True)

    def done(res: Result) -> None:
        results[res.name] = res
        bar.update(1)
        failed = sum(1 for r in results.values() if not r.ok)
        if failed:
            bar.set_postfix_str(f"ไม่สำเร็จ {failed} (failed)")

    try:
        todo = []
        for task in tasks:
            res = current(task)
            if res is None:
                todo.append(task)
            else:
                done(res)
        jobs = max(1, min(jobs, len(todo)))
        if jobs == 1:
            for task in todo:
                done(build_one(task))
        else:
            crashed: list[Task] = []
            with _pool(jobs) as pool:
                futures = {pool.submit(build_one, task): task for task in todo}
                for fut in as_completed(futures):
                    try:
                        done(fut.result())
                    except BrokenProcessPool:
                        crashed.append(futures[fut])
            for task in crashed:  # a worker died: retry each LAO it took down, alone
                done(_alone(task))
    finally:
        bar.close()
    return [results[t.name] for t in tasks]


def _alone(task: Task) -> Result:
    try:
        with _pool(1) as pool:
            return pool.submit(build_one, task).result()
    except BrokenProcessPool:
        return Result(task.name, ok=False, kind="crash", messages=[
            "โปรแกรมสร้างเว็บไซต์หยุดทำงานกลางคัน (หน่วยความจำไม่พอหรือถูกหยุด) "
            "(the build process died: out of memory or killed)"])


KIND_TH = {
    "content": "ข้อมูลมีข้อผิดพลาด (content errors)",
    "strict": "มีคำเตือนและใช้ --strict (warnings with --strict)",
    "template": "แม่แบบหน้าเว็บผิดพลาด (template error)",
    "mkdocs": "MkDocs สร้างเว็บไซต์ไม่สำเร็จ (MkDocs failed)",
    "bug": "ข้อผิดพลาดของโปรแกรม (a bug in oit; please report it)",
    "crash": "กระบวนการสร้างหยุดทำงาน (crashed)",
}


def summary(results: list[Result], seconds: float, jobs: int, *, quiet: bool = False) -> str:
    """Per-LAO lines (failures with their messages, file:line first), then the totals."""
    ok = [r for r in results if r.ok]
    failed = [r for r in results if not r.ok]
    lines = []
    if not quiet:
        for r in ok:
            state = "ไม่มีการเปลี่ยนแปลง (unchanged)" if r.unchanged else f"{r.pages} หน้า (pages), {r.seconds:.1f} s"
            warn = f", คำเตือน {r.warnings} (warnings)" if r.warnings else ""
            lines.append(f"  ✓ {r.name}: {state}{warn} → {r.site_dir}")
    for r in failed:
        lines.append(f"  ✗ {r.name}: {KIND_TH.get(r.kind, r.kind)}")
        for msg in r.messages:
            text = f"{r.name}/{msg}" if msg.startswith(f"{CONTENT}/") else msg
            lines.extend("      " + ln for ln in text.splitlines())
    for note in sorted({n for r in ok for n in r.notes}):
        lines.append(f"หมายเหตุ: {note}")
    total = (f"สร้างเว็บไซต์สำเร็จ {len(ok)} จาก {len(results)} หน่วยงาน ใช้เวลา {seconds:.1f} วินาที ({jobs} กระบวนการ) "
             f"(built {len(ok)} of {len(results)} LAOs in {seconds:.1f} s with {jobs} processes)")
    lines.append(total)
    if failed:
        names = ", ".join(r.name for r in failed)
        lines.append(f"ไม่สำเร็จ {len(failed)} หน่วยงาน: {names} (failed: {names})")
    return "\n".join(lines)


def run(folder: Path, *, site_dir: Path | None, site_url: str | None, file_system: bool, strict: bool,
        jobs: int | None, quiet: bool) -> int:
    """`oit build` on a province folder."""
    tasks = tasks_for(folder, site_base=site_dir, site_url=site_url, file_system=file_system, strict=strict)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    start = time.perf_counter()
    results = build_all(tasks, workers, progress=not quiet)
    print(summary(results, time.perf_counter() - start, workers, quiet=quiet), flush=True)
    return 0 if all(r.ok for r in results) else 1
