"""What `oit check` does: load the content, then apply every rule across files.

Every command that needs trustworthy content (check, build, export, import's own check) starts
here, so they all see the same problems.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.checks import files, pdpa, rules
from generator.checks.rules import check_site
from generator.content import catalogue, load, views
from generator.content.load import load_site
from generator.content.site import Site
from generator.problems import Problems, UserError


def validate(root: Path, problems: Problems, content_dir: Path | None = None,
             overrides: Mapping[Path, str] | None = None) -> Site | None:
    """The checked Site, or None when errors make a site impossible; problems are collected.
    `overrides`: texts to read instead of those files (a back-office save, checked before it
    is written; see `load_site`)."""
    site = load_site(root, problems, content_dir, overrides)
    if site is not None:
        check_site(site, problems)
    return site


def validate_or_raise(root: Path, content_dir: Path | None = None,
                      ignore: Iterable[str] = ()) -> tuple[Site, Problems]:
    """The checked Site and its warnings; raises UserError with every problem when there is an
    error. Warnings whose codes are in `ignore` are dropped."""
    problems = Problems(ignore)
    site = validate(root, problems, content_dir)
    if site is None or problems.has_errors():
        raise UserError(problems)
    return site, problems


def forget_reused() -> None:
    """Drop what loading and checking keep for the next run in this process (parsed files,
    catalogues, per-file check results): it makes the preview's next check fast, and is only
    memory for a build that runs once (`oit build`, a province's worker between LAOs)."""
    for kept in (load._CACHE, catalogue._READ, rules._VALUES, pdpa._SCANNED, files._CHECKED, files._RESOLVED,
                 views._NEWEST):
        kept.clear()
