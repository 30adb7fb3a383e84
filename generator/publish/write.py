"""Writing the generated tree: only files whose content changed, stale files removed.

The build folder is ours alone: anything in it that this run did not produce is deleted, and
nothing outside it is touched (in particular never `content/`). Unchanged files keep their
modification times, so MkDocs' live reload and incremental tools see only real changes.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass
class WriteStats:
    written: int = 0  # generated text files created or changed
    copied: int = 0  # documents copied because new or changed
    removed: int = 0  # stale files deleted
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.written + self.copied + self.removed


def write_text_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def copy_if_changed(src: Path, dest: Path) -> bool:
    s = src.stat()
    try:
        d = dest.stat()
        if d.st_size == s.st_size and int(d.st_mtime) == int(s.st_mtime):
            return False
    except FileNotFoundError:
        pass
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    shutil.copy2(src, tmp)
    os.replace(tmp, dest)
    return True


def sync_tree(out_dir: Path, texts: dict[str, str], copies: dict[str, Path]) -> WriteStats:
    """Make `out_dir` hold exactly `texts` (relative path → text) and `copies` (→ source)."""
    stats = WriteStats()
    out_dir.mkdir(parents=True, exist_ok=True)
    for rel_path, text in texts.items():
        if write_text_if_changed(out_dir / rel_path, text):
            stats.written += 1
        else:
            stats.unchanged += 1
    for rel_path, src in copies.items():
        if copy_if_changed(src, out_dir / rel_path):
            stats.copied += 1
        else:
            stats.unchanged += 1
    wanted = set(texts) | set(copies)
    for dirpath, _dirnames, filenames in os.walk(out_dir, topdown=False):
        for name in filenames:
            full = Path(dirpath) / name
            if full.relative_to(out_dir).as_posix() not in wanted:
                full.unlink()
                stats.removed += 1
        if Path(dirpath) != out_dir and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return stats
