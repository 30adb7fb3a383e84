"""Writing the generated tree: only files whose content changed, stale files removed.

The build folder is ours alone: anything in it that this run did not produce is deleted, and
nothing outside it is touched (in particular never `content/`). Unchanged files keep their
modification times, so MkDocs' live reload and incremental tools see only real changes.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class WriteStats:
    written: int = 0  # generated text files created or changed
    copied: int = 0  # documents linked or copied because new or changed
    removed: int = 0  # stale files deleted
    unchanged: int = 0
    # relative paths, for the preview's choice between rebuilding pages and the whole site
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return self.written + self.copied + self.removed


def _temporary(dest: Path) -> Path:
    """A free name beside `dest`. Short and fixed in length: `.<name>.tmp` would pass the file
    system's 255-byte limit for a long name."""
    fd, name = tempfile.mkstemp(prefix=".oit-", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    return Path(name)


@contextmanager
def _writing(dest: Path, new: bool) -> Iterator[Path]:
    """Where to write the content of `dest`: a temporary name renamed over it once written, so
    that a reader never sees half of a changed file; `dest` itself when it is `new` (a cold build
    creates thousands, and a temporary name costs as much as the file: a file cut short by a
    crash differs from its source in size or time, and is written again next run). Whatever was
    written is removed if writing fails."""
    target = dest if new else _temporary(dest)
    try:
        yield target
        if target != dest:
            os.replace(target, dest)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def write_text_if_changed(path: Path, text: str) -> bool:
    return bool(write_text_status(path, text))


def write_text_status(path: Path, text: str) -> str:
    """Write `text` unless the file already holds it: "created", "updated" or "" (untouched)."""
    data = text.encode("utf-8")
    status = "updated"
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return ""
    except FileNotFoundError:
        status = "created"
    path.parent.mkdir(parents=True, exist_ok=True)
    with _writing(path, new=status == "created") as target:
        target.write_bytes(data)
    return status


def can_share(src: Path) -> bool:
    """Whether a published copy of `src` may be a hard link to it: the link has the file's own
    permissions, so only a file everyone may read can be shared with the web server."""
    try:
        return bool(src.stat().st_mode & stat.S_IROTH)
    except OSError:
        return False


def copy_if_changed(src: Path, dest: Path, *, link: bool = False) -> bool:
    """Put `src` at `dest` unless it is already there: a copy, or with `link` a hard link where
    the file system allows it (a 200 MB document then takes no second 200 MB, nor the time to
    copy it). A new version always gets a new file, so a hard link taken from the old one (the
    built site's) keeps the old content."""
    return bool(copy_status(src, dest, link=link))


def copy_status(src: Path, dest: Path, *, link: bool = False) -> str:
    """`copy_if_changed`, telling "created", "updated" or "" (already there)."""
    s = src.stat()
    status = "updated"
    try:
        d = dest.stat()
        if (d.st_ino == s.st_ino and d.st_dev == s.st_dev) or (
                d.st_size == s.st_size and int(d.st_mtime) == int(s.st_mtime)):
            return ""
    except FileNotFoundError:
        status = "created"
    dest.parent.mkdir(parents=True, exist_ok=True)
    with _writing(dest, new=status == "created") as target:
        linked = False
        if link and can_share(src):
            target.unlink(missing_ok=True)
            try:  # the file itself: os.link would link a symbolic link, not what it points to
                os.link(os.path.realpath(src), target)
                linked = True
            except OSError:  # another file system, or one without hard links
                pass
        if not linked:
            shutil.copy2(src, target)
    return status


def sync_tree(out_dir: Path, texts: dict[str, str], copies: dict[str, Path]) -> WriteStats:
    """Make `out_dir` hold exactly `texts` (relative path → text) and `copies` (→ source)."""
    stats = WriteStats()
    out_dir.mkdir(parents=True, exist_ok=True)
    for rel_path, text in texts.items():
        status = write_text_status(out_dir / rel_path, text)
        if status:
            stats.written += 1
            (stats.created if status == "created" else stats.updated).append(rel_path)
        else:
            stats.unchanged += 1
    for rel_path, src in copies.items():
        status = copy_status(src, out_dir / rel_path)
        if status:
            stats.copied += 1
            (stats.created if status == "created" else stats.updated).append(rel_path)
        else:
            stats.unchanged += 1
    wanted = set(texts) | set(copies)
    for dirpath, _dirnames, filenames in os.walk(out_dir, topdown=False):
        for name in filenames:
            full = Path(dirpath) / name
            rel_path = full.relative_to(out_dir).as_posix()
            if rel_path not in wanted:
                full.unlink()
                stats.removed += 1
                stats.deleted.append(rel_path)
        if Path(dirpath) != out_dir and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return stats
