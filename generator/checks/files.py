"""Documents and images a clerk names in content: can each be published as it is?

A file is published on the LAO's own address, so besides existing inside `content/` it must be
of an accepted type (generator/content/filetypes.py) and be what its name says: a program or web
page renamed `.pdf`, an SVG with a script and a name that hides its real type behind a
direction control are refused. Whatever can be known by looking at the file is judged here, so
that a build never meets a file it cannot copy.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import chars
from generator.checks import messages as msg
from generator.content import filetypes as ft
from generator.content.wording import did_you_mean
from generator.problems import Message

NAME_MAX = 255  # bytes in one file name, on every file system a site is built on
SVG_MAX = 5 * 1024 * 1024  # an SVG is read whole to be checked; a bigger one is surely a mistake


@dataclass
class Finding:
    """Why a file reference cannot be published as it is (or a warning about it)."""

    message: Message
    hint: str | None = None  # replaces the message's own hint
    values: dict[str, Any] = field(default_factory=dict)  # besides `ref`


def check_file_ref(ref: str, content_dir: Path, max_mb: float | None = None) -> list[Finding]:
    """What stands between `ref` (relative to content/) and publishing it; empty when nothing does.
    An error comes first and alone; warnings (size, a content that does not match the name) may
    come after a file that is otherwise fine.

    The answer is remembered by the stat of the document, of its folder and of content/ (links
    followed, except the document's own: a link is checked every time): after an edit
    (`oit serve`), checking a thousand unchanged documents is a few stats each."""
    joined = os.path.join(content_dir, ref)
    try:
        own = os.lstat(joined)
        if stat.S_ISLNK(own.st_mode):
            return _check_file_ref(ref, content_dir, max_mb)
        folder, top = os.stat(os.path.dirname(joined)), os.stat(content_dir)
    except (OSError, ValueError):
        return _check_file_ref(ref, content_dir, max_mb)
    key = (ref, content_dir, max_mb, own.st_ino, own.st_dev, own.st_mode, own.st_size, own.st_mtime_ns,
           folder.st_ino, folder.st_dev, top.st_ino, top.st_dev)
    hit = _CHECKED.get(key)
    if hit is None:
        hit = _check_file_ref(ref, content_dir, max_mb)
        if len(_CHECKED) >= _CHECKED_MAX:
            _CHECKED.clear()
        _CHECKED[key] = hit
    return list(hit)


_CHECKED: dict[tuple, list[Finding]] = {}
_CHECKED_MAX = 100_000


def _check_file_ref(ref: str, content_dir: Path, max_mb: float | None) -> list[Finding]:
    if "://" in ref or ref.lower().startswith(("mailto:", "www.")):
        return [Finding(msg.LINK_AS_FILE)]
    if os.path.isabs(ref) or ref.startswith("/") or (len(ref) > 1 and ref[1] == ":"):
        return [Finding(msg.ABSOLUTE_PATH)]
    name = Path(ref).name
    hidden = [c for c in chars.invisible_in(name) if chr(int(c[2:], 16)) in chars.BIDI_CONTROLS]
    if hidden:  # before anything else: such a name is built to mislead
        d = ft.disguise(name)
        return [Finding(msg.BIDI_NAME, values={"chars": ", ".join(hidden), "looks": d.looks if d else name,
                                               "real": d.real if d else ""})]
    too_long = next((p for p in Path(ref).parts if len(p.encode("utf-8")) > NAME_MAX), None)
    if too_long is not None:
        return [Finding(msg.NAME_TOO_LONG, values={"size": len(too_long.encode("utf-8")), "limit": NAME_MAX})]
    base = _resolved(content_dir)
    try:
        target = _real(content_dir / ref)
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a loop, later ones OSError
        return [Finding(msg.LINK_LOOP)]
    if base != target and base not in target.parents:
        return [Finding(msg.OUTSIDE_CONTENT)]
    if any(part.startswith(".") for part in Path(ref).parts if part not in (".", "..")):
        return [Finding(msg.HIDDEN_FILE)]
    try:
        st = os.stat(target)
    except OSError as exc:
        return [_not_found(ref, target, exc)]
    if os.path.isdir(target):
        return [Finding(msg.FOLDER_NOT_FILE)]
    odd = ft.special_file(target)
    if odd is not None:
        return [Finding(msg.NOT_REGULAR, values={"what_th": odd[0], "what": odd[1]})]
    return _by_type(ref, target, st.st_size, max_mb)


def _resolved(folder: Path) -> Path:
    """`folder.resolve()`, remembered while the folder's own entry is unchanged."""
    try:
        st = os.lstat(folder)
        key = (folder, st.st_ino, st.st_dev, st.st_mode, st.st_mtime_ns)
    except OSError:
        return folder.resolve()
    if key not in _RESOLVED:
        if len(_RESOLVED) > 4096:
            _RESOLVED.clear()
        _RESOLVED[key] = folder.resolve()
    return _RESOLVED[key]


_RESOLVED: dict[tuple, Path] = {}


def _real(path: Path) -> Path:
    """`path.resolve()`, with the folder part remembered: a thousand documents in one folder
    cost one resolution of the folder and a stat each, not a walk of every link on the way.
    The folder's stat (which follows links) is in the key: a folder or link replaced is seen."""
    if path.name in ("", ".", ".."):
        return path.resolve()
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            return path.resolve()
        st = os.stat(path.parent)
    except OSError:
        return path.resolve()
    key = (path.parent, st.st_ino, st.st_dev, st.st_mode)
    if key not in _RESOLVED:
        if len(_RESOLVED) > 4096:
            _RESOLVED.clear()
        _RESOLVED[key] = path.parent.resolve()
    return _RESOLVED[key] / path.name


def _not_found(ref: str, target: Path, exc: OSError) -> Finding:
    if exc.errno is not None and exc.errno == 40:  # ELOOP: a link somewhere on the way loops
        return Finding(msg.LINK_LOOP)
    folder = target.parent
    try:
        names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    except OSError:
        names = []
    wanted = Path(ref).name
    same_but_case = [n for n in names if n.lower() == wanted.lower()]
    if same_but_case:  # Windows ignores case; the web server does not
        return Finding(msg.FILE_NOT_FOUND, (f"ชื่อไฟล์จริงคือ '{same_but_case[0]}' ตัวพิมพ์เล็ก-ใหญ่ต้องตรงกัน "
                                            f"(the file is named '{same_but_case[0]}'; case matters)"))
    seen = _without_invisible(wanted)
    same_but_invisible = [n for n in names if _without_invisible(n) == seen]
    if same_but_invisible:  # the same name to the eye, with an invisible character on one side
        actual = same_but_invisible[0]
        where = chars.invisible_in(wanted) or chars.invisible_in(actual)
        return Finding(msg.INVISIBLE_IN_NAME, values={"actual": actual, "chars": ", ".join(where)})
    return Finding(msg.FILE_NOT_FOUND, did_you_mean(wanted, names) or None)


def _without_invisible(name: str) -> str:
    return "".join(ch for ch in name if not chars.invisible_in(ch))


def _by_type(ref: str, target: Path, size: int, max_mb: float | None) -> list[Finding]:
    name = Path(ref).name
    suffix = Path(name).suffix.lower()
    disguised = ft.disguise(name)
    if disguised is not None:
        return [Finding(msg.DISGUISED, values={"looks": disguised.looks, "real": disguised.real})]
    if not suffix:
        return [Finding(msg.NO_TYPE)]
    refused = ft.REFUSED.get(suffix)
    if refused == ft.PAGE:
        return [Finding(msg.WEB_PAGE, values={"type": suffix})]
    if refused == ft.PROGRAM:
        return [Finding(msg.PROGRAM, values={"type": suffix})]
    if refused == ft.MACROS:
        return [Finding(msg.MACROS, values={"type": suffix, "fixed": ft.macro_free(suffix)})]
    if refused == ft.CONVERT:
        return [Finding(msg.CONVERTIBLE_TYPE, values={"type": suffix, "target": ft.CONVERT_TO[suffix]})]
    if suffix not in ft.ACCEPTED:
        return [Finding(msg.UNSUPPORTED_TYPE, values={"type": suffix, "accepted": ft.accepted_list()})]
    if size == 0:
        return [Finding(msg.EMPTY_DOCUMENT)]
    try:
        with open(target, "rb") as f:
            head = f.read(ft.HEAD_BYTES)
            data = head + f.read(SVG_MAX) if suffix == ".svg" else head
    except OSError as exc:
        return [Finding(msg.UNREADABLE_DOCUMENT, values={"reason": exc.strerror or str(exc)})]
    kind = ft.ACCEPTED[suffix].label
    if suffix == ".svg":
        hazard = (("ขนาดใหญ่เกินกว่าจะตรวจได้", "a size too large to check") if size > SVG_MAX
                  else ft.svg_hazard(data))
        if hazard is not None:
            return [Finding(msg.SVG_UNSAFE, values={"what_th": hazard[0], "what": hazard[1]})]
    else:
        active = ft.active_content(head)
        if active is not None:
            return [Finding(msg.ACTIVE_CONTENT, values={"kind": kind, "what_th": active[0], "what": active[1]})]
    found = []
    if suffix != ".svg" and not ft.looks_like(suffix, head):
        found.append(Finding(msg.NOT_WHAT_NAMED, values={"kind": kind}))
    if max_mb is not None and size > max_mb * 1048576:
        found.append(Finding(msg.BIG_DOCUMENT, values={"mb": size / 1048576, "limit": max_mb}))
    return found
