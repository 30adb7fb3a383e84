"""Where one LAO's content, generated Markdown and built site live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.topics import CONTENT

TOOL_ROOT = Path(__file__).resolve().parents[2]  # the repository holding the default theme


@dataclass
class Project:
    """Where one LAO's content, generated Markdown and built site live."""

    root: Path
    content_dir: Path
    build_dir: Path
    site_dir: Path
    base_config: Path
    theme_dir: Path
    site_url: str | None = None  # overrides site.site_url (e.g. from the CI's Pages URL)
    file_system: bool = False  # links to …/index.html so the site opens from a folder
    # `oit serve`: also shows what is written for the LAO (catalogue guidance, "edit this page"),
    # which a built site never shows to the public
    preview: bool = False

    @classmethod
    def at(cls, root: Path, site_dir: Path | None = None, build_dir: Path | None = None,
           site_url: str | None = None, file_system: bool = False, preview: bool = False) -> Project:
        root = root.resolve()
        base = root / "mkdocs.yml"
        theme = root / "theme"
        if not base.is_file():  # an LAO folder with only content/ uses the tool's own config
            base = TOOL_ROOT / "mkdocs.yml"
        if not theme.is_dir():
            theme = TOOL_ROOT / "theme"
        return cls(
            root=root,
            content_dir=root / CONTENT,
            build_dir=(build_dir or root / "build").resolve(),
            site_dir=(site_dir or root / "site").resolve(),
            base_config=base,
            theme_dir=theme,
            site_url=site_url,
            file_system=file_system,
            preview=preview,
        )

    @property
    def directory_urls(self) -> bool:
        """Pages at folder addresses ("oit/2569/o1/"), unless the site opens from a folder."""
        return not self.file_system

    @property
    def docs_dir(self) -> Path:
        return self.build_dir / "docs"

    @property
    def config_file(self) -> Path:
        return self.build_dir / "mkdocs.yml"
