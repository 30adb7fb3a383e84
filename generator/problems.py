"""Problems found in a clerk's content, and how they are shown.

Every stage collects problems instead of stopping at the first one, so a clerk sees everything to
fix in one run. A problem carries its position in the YAML file and a message in Thai with the
English beside it; formatting (terminal, GitHub annotations, JSON) lives here and nowhere else.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


SEVERITY_TH = {Severity.ERROR: "ข้อผิดพลาด", Severity.WARNING: "คำเตือน"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    file: str  # path relative to the project root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    severity: Severity = field(compare=False)
    th: str = field(compare=False)  # message in Thai
    en: str = field(compare=False)  # the same message in English
    hint: str = field(default="", compare=False)  # what to do (Thai, English may follow)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        if self.line and self.column:
            return f"{self.file}:{self.line}:{self.column}"
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file

    def text(self) -> str:
        """Compiler-style line: `path:line:col: ข้อผิดพลาด: ไทย (English) — hint`."""
        msg = f"{self.location()}: {SEVERITY_TH[self.severity]}: {self.th} ({self.en})"
        if self.hint:
            msg += f"\n    → {self.hint}"
        return msg

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the YAML line in a pull request."""
        kind = "error" if self.is_error else "warning"
        body = f"{self.th} ({self.en})"
        if self.hint:
            body += f" — {self.hint}"
        props = f"file={_gh_escape_prop(self.file)}"
        if self.line:
            props += f",line={self.line}"
        if self.column:
            props += f",col={self.column}"
        return f"::{kind} {props}::{_gh_escape_data(body)}"

    def as_dict(self) -> dict:
        d = asdict(self)
        d["severity"] = self.severity.value
        return d


def _gh_escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_prop(s: str) -> str:
    return _gh_escape_data(s).replace(":", "%3A").replace(",", "%2C")


class Problems:
    """An ordered, de-duplicated collection of problems."""

    def __init__(self) -> None:
        self._items: list[Problem] = []
        self._seen: set[tuple] = set()

    def add(self, problem: Problem) -> None:
        key = (problem.file, problem.line, problem.column, problem.th)
        if key not in self._seen:
            self._seen.add(key)
            self._items.append(problem)

    def error(self, file: str, line: int, column: int, th: str, en: str, hint: str = "") -> None:
        self.add(Problem(file, line, column, Severity.ERROR, th, en, hint))

    def warning(self, file: str, line: int, column: int, th: str, en: str, hint: str = "") -> None:
        self.add(Problem(file, line, column, Severity.WARNING, th, en, hint))

    def extend(self, other: "Problems | list[Problem]") -> None:
        for p in other:
            self.add(p)

    def __iter__(self):
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self._items)

    def sorted(self) -> list[Problem]:
        return sorted(self._items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if not p.is_error]

    def has_errors(self) -> bool:
        return any(p.is_error for p in self._items)


class UserError(Exception):
    """Raised when the content cannot be turned into a site; carries every problem found."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(f"{len(problems.errors)} error(s) in content")
        self.problems = problems


class StrictFailed(UserError):
    """`--strict`: the content has no error but warnings, which strict mode does not accept."""


def format_problems(problems: Problems, fmt: str = "text") -> str:
    items = problems.sorted()
    if fmt == "github":
        return "\n".join(p.github() for p in items)
    if fmt == "json":
        return json.dumps([p.as_dict() for p in items], ensure_ascii=False, indent=2)
    lines = [p.text() for p in items]
    n_err, n_warn = len(problems.errors), len(problems.warnings)
    if items:
        lines.append("")
    lines.append(
        f"สรุป: ข้อผิดพลาด {n_err} รายการ, คำเตือน {n_warn} รายการ "
        f"(summary: {n_err} error(s), {n_warn} warning(s))"
    )
    return "\n".join(lines)


def rel(path: Path, root: Path) -> str:
    """A path as shown to clerks: relative to the project root, forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
