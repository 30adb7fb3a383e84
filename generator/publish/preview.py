"""The preview's site, kept in memory between edits, so that one changed page costs one page.

A full MkDocs build reads every page, renders every page and writes every page: 10 to 20 s at
five years. After a one-field edit only one or a few generated Markdown files change, and a page's
HTML depends on its own Markdown and on what every page shares: the navigation (build/mkdocs.yml,
and the titles of the pages in it), the site settings and the theme. So `LiveSite` builds the site
once with MkDocs' own `build`, keeps MkDocs' objects of that build (the config, the files, the
navigation and the theme's Jinja environment: captured by a plugin added in-process, as
`build._LinkDocuments` is), and afterwards renders just the changed pages through MkDocs' own page
pipeline (`_populate_page`, `_build_page`: the steps `build` runs for every page, with the same
plugin events). A page whose title changed means a full build again (the title is in every page's
navigation), and so does any change the caller knows to be shared (a file added or removed, the
navigation, the theme); see `serve.py`.

The Markdown itself stays a plain folder: nothing here changes what `mkdocs build -f
build/mkdocs.yml` makes of it (tests/test_preview.py compares a page rebuilt here with a full build).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from generator.publish.build import _LinkDocuments

log = logging.getLogger(__name__)


class _Keep:
    """A MkDocs plugin, added in-process: keeps the objects of the build it takes part in."""

    files: Any = None
    nav: Any = None
    env: Any = None

    def on_files(self, files: Any, *, config: Any) -> Any:
        self.files = files
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        self.nav = nav
        return nav

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        self.env = env
        return env


class LiveSite:
    """MkDocs' build of `config_file` (build/mkdocs.yml) with what it needs to rebuild pages.

    `options` go to MkDocs' load_config as `mkdocs serve` passes them (site_url, dev_addr,
    hooks, strict)."""

    def __init__(self, config_file: Path, **options: Any) -> None:
        self.config_file = config_file
        self.options = options
        self.config: Any = None
        self.keep: _Keep | None = None

    def load_config(self, site_dir: Path) -> Any:
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
        from mkdocs.config import load_config

        return load_config(config_file=str(self.config_file), site_dir=str(site_dir), **self.options)

    def build(self, site_dir: Path, config: Any = None) -> Any:
        """A full build into `site_dir` (MkDocs' own `build`); returns its config."""
        from mkdocs.commands.build import build as mkdocs_build

        config = config if config is not None else self.load_config(site_dir)
        keep = _Keep()
        config.plugins["oit/link-documents"] = _LinkDocuments(Path(config.docs_dir))
        config.plugins["oit/keep"] = keep
        mkdocs_build(config, serve_url=config.site_url)
        self.config, self.keep = config, keep
        return config

    @property
    def site_dir(self) -> Path | None:
        return Path(self.config.site_dir) if self.config is not None else None

    def rebuild(self, paths: Iterable[str]) -> bool:
        """Render the pages at these docs-relative Markdown paths again, as the full build would.
        False (nothing written) when that is not enough: a path MkDocs does not know as a page,
        or a page whose title changed (every page's navigation shows it)."""
        from mkdocs.commands.build import _build_page, _populate_page
        from mkdocs.structure.files import InclusionLevel

        keep, config = self.keep, self.config
        if keep is None or keep.files is None or keep.env is None:
            return False
        files = keep.files
        todo = []
        for path in dict.fromkeys(paths):
            file = files.get_file_from_path(path)
            if file is None or file.page is None:
                return False
            todo.append(file)
        titles = [file.page.title for file in todo]
        for file in todo:
            _populate_page(file.page, config, files)
        if [file.page.title for file in todo] != titles:
            return False
        doc_files: Sequence[Any] = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for file in todo:
            _build_page(file.page, config, doc_files, keep.nav, keep.env, excluded=file.inclusion.is_excluded())
        return True
