"""Jinja environment for Markdown templates.

Every `{{ value }}` is escaped as plain Markdown text unless it is `Md` (already safe), so a
template cannot forget to escape a clerk's text. Rich fields go through the `md` filter, which
sanitises instead of escaping. Undefined variables are errors (StrictUndefined), reported with the
template's name and line.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import yaml

from generator.publish import markdown as mdx
from generator.publish.markdown import Md

TEMPLATE_DIR = Path(__file__).parent / "templates"


class TemplateError(Exception):
    """A template failed: name and line are kept for the message."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        super().__init__(f"{template}:{line}: {message}")
        self.template = template
        self.line = line
        self.message = message


def _finalize(value: Any) -> Any:
    if isinstance(value, Md):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("a boolean reached the page; use it in an {% if %}")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, date):
        raise TypeError("a date reached the page unformatted; use the |date filter")
    return mdx.escape_inline(value)


def make_env(extra_dirs: list[Path] | None = None) -> jinja2.Environment:
    """Templates from `extra_dirs` (the LAO's overrides) win over the shipped ones."""
    dirs = [*(extra_dirs or []), TEMPLATE_DIR]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.bytecode_cache = _CompiledTemplates.for_env(env)
    env.filters.update(
        md=lambda v: mdx.sanitize_block(v),
        text=lambda v: mdx.escape_inline(v),
        cell=lambda v, rich=False: mdx.cell(v, rich),
        indent_md=lambda v, n=4, first=False: mdx.indent(v, n, first),
        raw=lambda v: Md(v),  # only for text our own code made
    )
    return env


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The templates compiled once per machine, as Python compiles its modules once
    (`__pycache__`): compiling the shipped templates costs every build a fifth to two thirds of a
    second otherwise. Kept in the user's cache folder, where Jinja finds a template's code by
    its name and file and takes it only while the template's text is the same; the folder's name
    carries Jinja's version and the options that shape the code. Wherever the folder cannot be
    read or written, the templates are compiled as if there were no cache."""

    @classmethod
    def for_env(cls, env: jinja2.Environment) -> _CompiledTemplates | None:
        base = os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else os.environ.get("XDG_CACHE_HOME")
        try:
            folder = Path(base) if base else Path.home() / ".cache"
        except RuntimeError:  # no home folder to be found
            return None
        shape = repr((jinja2.__version__, sys.version_info[:2], env.trim_blocks, env.lstrip_blocks,
                      env.keep_trailing_newline, env.autoescape, env.finalize is not None,
                      env.block_start_string, env.variable_start_string, env.comment_start_string,
                      env.line_statement_prefix, env.newline_sequence, sorted(env.extensions)))
        folder = folder / "oit" / f"templates-{hashlib.sha256(shape.encode()).hexdigest()[:16]}"
        return cls(str(folder), "%s.jinja")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # unreadable, cut short: compiled anew
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            os.makedirs(self.directory, mode=0o700, exist_ok=True)  # code others may not change
            super().dump_bytecode(bucket)
        except (OSError, ValueError):  # a read-only home, a full disk: the next run compiles again
            pass


def front_matter(meta: dict) -> str:
    body = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000).strip()
    return f"---\n{body}\n---\n\n"


def render(env: jinja2.Environment, names: list[str], context: dict) -> str:
    """Render the first template of `names` that exists; errors keep template name and line."""
    try:
        template = env.select_template(names)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(names[0], None, f"template not found: {exc}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(exc.filename or exc.name or names[0], exc.lineno, exc.message or str(exc)) from None
    name = template.name or names[0]
    try:
        return template.render(context)
    except (jinja2.UndefinedError, TypeError, ValueError) as exc:
        raise TemplateError(name, _template_line(exc, name), str(exc)) from None


def _template_line(exc: BaseException, name: str) -> int | None:
    tb = exc.__traceback__
    line = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
