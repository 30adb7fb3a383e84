"""MkDocs hook for `oit serve` only: the live preview gets the search index too.

`oit build` writes the index itself after MkDocs (build.postprocess); the preview is MkDocs' own
development server, which rebuilds the site into a folder of its own on every change, so this
hook writes the index there after each rebuild. Pages already cut into words are kept in the build
folder (next to build/mkdocs.yml), so a rebuild cuts only the pages that changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.publish.search import write_index


def on_post_build(config: Any, **kwargs: Any) -> None:
    build_dir = Path(config.config_file_path).parent if config.config_file_path else None
    write_index(Path(config.site_dir), build_dir, directory_urls=bool(config.use_directory_urls))
