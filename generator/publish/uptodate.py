"""Knowing, cheaply, that nothing changed since the last run.

A regeneration with no change must write nothing and cost next to nothing. Loading and checking
ten years of content takes seconds, so instead every input is fingerprinted by its files' paths,
sizes and modification times (the content folder, this program's own code, templates and
catalogues, the options and today's date) and compared with the fingerprint of the last
successful run, kept in `build/.oit-state.json` with that run's problems and counts. When the
inputs and the generated files are as that run left them, the run is answered from the state
file. The same goes one step further for `oit build`: when the site folder, the theme and the
generated Markdown are as the last build left them, MkDocs is not run again.

Stat-ing a few thousand files takes milliseconds; a changed byte anywhere changes a size or a
modification time, and any doubt (a missing or unreadable state file, a file added or removed,
an edited generated file) means a full run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jinja2
import pydantic
import yaml

from generator import __version__, thai
from generator.problems import Problem, Problems, Severity
from generator.publish.project import Project

STATE_FILE = ".oit-state.json"
FORMAT = 1
CODE_DIR = Path(__file__).resolve().parents[1]  # generator/: code, templates, shipped catalogues


def _walk(folder: Path, out: list, prefix: str = "", seen: set[str] | None = None, top: str = "") -> None:
    """Every file below `folder`. A linked folder is followed once and only when it stays inside
    the top folder: a link to `..` or to `/` must neither loop nor walk the whole disk."""
    real = os.path.realpath(folder)
    if seen is None:
        seen, top = set(), real
    if real in seen or not (real == top or real.startswith(top.rstrip(os.sep) + os.sep)):
        out.append((prefix, -1, -1))  # still part of the fingerprint: a change of link shows
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name == "__pycache__" or entry.name.endswith(".tmp"):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if is_dir:
            _walk(Path(entry.path), out, f"{prefix}{entry.name}/", seen, top)
        else:
            try:
                st = entry.stat()
            except OSError:
                out.append((prefix + entry.name, -1, -1))
                continue
            out.append((prefix + entry.name, st.st_size, st.st_mtime_ns))


def tree(folder: Path) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime in ns) of every file below `folder`, sorted."""
    out: list = []
    _walk(folder, out)
    return out


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _digest(*parts: Any) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _versions() -> tuple:
    return (FORMAT, __version__, sys.version, jinja2.__version__, pydantic.VERSION, yaml.__version__)


def inputs_key(project: Project) -> str:
    """Everything `generate` reads, as one fingerprint."""
    return _digest(
        _versions(), thai.today().isoformat(),
        str(project.root), str(project.content_dir), str(project.build_dir), str(project.base_config),
        str(project.theme_dir), project.site_url, project.file_system, project.preview,
        _stat(project.base_config), tree(project.content_dir), tree(CODE_DIR),
    )


def outputs_key(project: Project) -> str:
    """The generated Markdown tree and build/mkdocs.yml as they are on disk."""
    return _digest(tree(project.docs_dir), _stat(project.config_file))


def site_key(project: Project, outputs: str, site_tree: list[tuple[str, int, int]] | None = None) -> str:
    """What the built site depends on beyond the Markdown, plus the site folder as built
    (`site_tree`: its `tree`, taken already)."""
    return _digest(outputs, version("mkdocs"), version("mkdocs-material"), str(project.site_dir),
                   _stat(project.base_config), tree(project.theme_dir),
                   tree(project.site_dir) if site_tree is None else site_tree)


# --------------------------------------------------------------------------- the state file


def read(build_dir: Path) -> dict | None:
    try:
        data = json.loads((build_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def write(build_dir: Path, data: dict) -> None:
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / STATE_FILE
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"format": FORMAT, **data}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def forget(build_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (build_dir / STATE_FILE).unlink()


def unchanged(project: Project, inputs: str, state: dict) -> bool:
    """Whether neither the inputs nor the generated files changed since the run of `state`."""
    return bool(state) and state.get("inputs") == inputs and state.get("outputs") == outputs_key(project)


def problems_from(rows: list[dict]) -> Problems:
    problems = Problems()
    for row in rows:
        problems.add(Problem(**{**row, "severity": Severity(row["severity"])}))
    return problems
