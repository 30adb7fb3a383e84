"""Where each page of the site lives: stable ASCII paths, the same in every build.

An item's page is `/oit/<ITA year>/o<N>/`; the ITAS sheet, readiness reports, the navigation and
the audit all build their addresses here, so an assessor's URL and the page always agree.
"""

from __future__ import annotations


def item_path(year: int, code: str) -> str:
    """Docs-relative Markdown file of an item's page."""
    return f"oit/{year}/{code.lower()}/index.md"


def item_url(year: int, code: str, base: str = "", anchor: str | None = None) -> str:
    """The public address of an item's page (under `base`, the site's URL ending in /)."""
    return f"{base}oit/{year}/{code.lower()}/" + (f"#{anchor}" if anchor else "")


def year_path(year: int) -> str:
    return f"oit/{year}/index.md"


def dashboard_path(year: int) -> str:
    return f"ita/{year}/index.md"
