"""Problems found in a clerk's content, their messages, and how they are shown.

Every stage collects problems instead of stopping at the first one, so a clerk sees everything to
fix in one run. A problem carries its position in the YAML file and a message in Thai with the
English beside it; formatting (terminal, GitHub annotations, JSON) lives here and nowhere else.

Every message has a stable code (`OIT-M012`) and lives in its layer's table (`messages.py` of
content/, checks/, publish/, tools/): wording is written once, tests and `--ignore` select by
code, and `docs/errors.md` is generated from the tables (`python -m generator.tools.errordocs`).
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from generator.chars import visible


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


SEVERITY_TH = {Severity.ERROR: "ข้อผิดพลาด", Severity.WARNING: "คำเตือน"}
ERROR, WARNING = Severity.ERROR, Severity.WARNING

CODE = re.compile(r"^OIT-[A-Z][0-9]{3}$")


# --------------------------------------------------------------------------- messages


@dataclass(frozen=True)
class Message:
    """One message of the program, with its stable code. `th`, `en` and `hint` may hold
    `{placeholders}` filled when the message is reported."""

    code: str
    severity: Severity
    th: str
    en: str
    hint: str = ""
    group: str = ""  # the heading it is listed under in docs/errors.md

    def fields(self) -> set[str]:
        return {name for text in (self.th, self.en, self.hint)
                for _, name, _, _ in string.Formatter().parse(text) if name}

    def format(self, values: dict[str, Any], hint: str | None = None) -> tuple[str, str, str]:
        """The Thai, English and hint texts with `values` filled in. A value's invisible
        characters are written out (`O1<U+200B>2`): a message about a value that looks right
        must show why it is not."""
        missing = self.fields() - set(values)
        if missing:
            raise KeyError(f"{self.code} needs {sorted(missing)}")
        values = {k: visible(v) if isinstance(v, str) else v for k, v in values.items()}
        shown = self.hint if hint is None else visible(hint)
        return self.th.format(**values), self.en.format(**values), shown.format(**values) if hint is None else shown


MESSAGES: dict[str, Message] = {}  # every code of every table


class Messages:
    """A layer's table of messages: `M = Messages("OIT-M", "…")`, then `M.add(…)` per message.

    Codes are checked once, when the table is built: unique across tables, and of the form
    OIT-<letter><three digits>."""

    def __init__(self, group: str) -> None:
        self.group = group

    def __call__(self, code: str, severity: Severity, th: str, en: str, hint: str = "") -> Message:
        if not CODE.match(code):
            raise ValueError(f"bad message code {code!r}")
        if code in MESSAGES:
            raise ValueError(f"message code {code} is used twice")
        msg = Message(code, severity, th, en, hint, self.group)
        MESSAGES[code] = msg
        return msg


# --------------------------------------------------------------------------- problems


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
    code: str = field(default="", compare=False)  # the message's code, e.g. OIT-M012

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
        """Compiler-style line: `path:line:col: ข้อผิดพลาด [OIT-M012]: ไทย (English)` and the hint."""
        msg = f"{self.location()}: {SEVERITY_TH[self.severity]} [{self.code}]: {self.th} ({self.en})"
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
        props += f",title={_gh_escape_prop(self.code)}"
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

    def __init__(self, ignore: Iterable[str] = ()) -> None:
        self._items: list[Problem] = []
        self._seen: set[tuple] = set()
        self.ignore = frozenset(ignore)  # codes the clerk chose not to see (`--ignore`)

    def add(self, problem: Problem) -> None:
        key = (problem.file, problem.line, problem.column, problem.th)
        if problem.code in self.ignore and not problem.is_error:
            return
        if key not in self._seen:
            self._seen.add(key)
            self._items.append(problem)

    def report(self, file: str, line: int, column: int, msg: Message, /, *, hint: str | None = None,
               **values: Any) -> None:
        """Add `msg` at a place; `values` fill its placeholders; `hint` replaces its own hint
        (a "did you mean" that depends on the value)."""
        th, en, shown = msg.format(values, hint)
        self.add(Problem(file, line, column, msg.severity, th, en, shown, msg.code))

    def extend(self, other: Problems | Iterable[Problem]) -> None:
        for p in other:
            self.add(p)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self._items)

    def in_order(self) -> list[Problem]:
        """As reported (`sorted` keeps this order among problems at the same place)."""
        return list(self._items)

    def sorted(self) -> list[Problem]:
        return sorted(self._items)

    def codes(self) -> list[str]:
        return [p.code for p in self.sorted()]

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

    def __reduce__(self) -> tuple:  # made again from its problems (it comes back from a helper)
        return (type(self), (self.problems,), self.__dict__)


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
