"""Jinja environment for Markdown templates.

Every `{{ value }}` is escaped as plain Markdown text unless it is `Md` (already safe), so a
template cannot forget to escape a clerk's text. Rich fields go through the `md` filter, which
sanitises instead of escaping. Undefined variables are errors (StrictUndefined), reported with the
template's name and line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import jinja2
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
    env.filters.update(
        md=lambda v: mdx.sanitize_block(v),
        text=lambda v: mdx.escape_inline(v),
        cell=lambda v, rich=False: mdx.cell(v, rich),
        indent_md=lambda v, n=4, first=False: mdx.indent(v, n, first),
        raw=lambda v: Md(v),  # only for text our own code made
    )
    return env


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
