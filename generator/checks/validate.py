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
from generator.problems import Problem, Problems, UserError


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
    site, problems = load_or_raise(root, content_dir, ignore)
    problems.extend(cross_file_problems(site))
    raise_on_errors(problems)
    return site, problems


def load_or_raise(root: Path, content_dir: Path | None = None,
                  ignore: Iterable[str] = ()) -> tuple[Site, Problems]:
    """The loaded Site and its problems, not yet checked across files: for a caller that runs
    `cross_file_problems` beside other work, then `raise_on_errors`. Raises UserError as
    `validate_or_raise` does when loading found an error (with every problem, the cross-file
    ones too)."""
    problems = Problems(ignore)
    site = load_site(root, problems, content_dir)
    if site is None or problems.has_errors():
        if site is not None:
            check_site(site, problems)
        raise UserError(problems)
    return site, problems


def cross_file_problems(site: Site) -> list[Problem]:
    """What `check_site` finds, in the order found."""
    found = Problems()
    check_site(site, found)
    return found.in_order()


def raise_on_errors(problems: Problems) -> None:
    if problems.has_errors():
        raise UserError(problems)


def forget_reused() -> None:
    """Drop what loading and checking keep for the next run in this process (parsed files,
    catalogues, per-file check results): it makes the preview's next check fast, and is only
    memory for a build that runs once (`oit build`, a province's worker between LAOs)."""
    for kept in (load._CACHE, catalogue._READ, rules._VALUES, pdpa._SCANNED, files._CHECKED, files._RESOLVED,
                 views._NEWEST):
        kept.clear()
