"""Documents and images a clerk names in content: can each be published as it is?"""

from __future__ import annotations

import os
from pathlib import Path

from generator.checks import messages as msg
from generator.content.wording import did_you_mean
from generator.problems import Message


def check_file_ref(ref: str, content_dir: Path) -> tuple[Message, str | None] | None:
    """Why a file reference cannot be published — its message (with `{ref}`) and a hint that
    replaces the message's own, if any — or None when it is fine."""
    if "://" in ref or ref.lower().startswith(("mailto:", "www.")):
        return msg.LINK_AS_FILE, None
    if os.path.isabs(ref) or ref.startswith("/") or (len(ref) > 1 and ref[1] == ":"):
        return msg.ABSOLUTE_PATH, None
    base = content_dir.resolve()
    target = (content_dir / ref).resolve()
    if base != target and base not in target.parents:
        return msg.OUTSIDE_CONTENT, None
    if any(part.startswith(".") for part in Path(ref).parts if part not in (".", "..")):
        return msg.HIDDEN_FILE, None
    if not target.exists():
        folder = target.parent
        names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
        same_but_case = [n for n in names if n.lower() == Path(ref).name.lower()]
        if same_but_case:  # Windows ignores case; the web server does not
            return msg.FILE_NOT_FOUND, (f"ชื่อไฟล์จริงคือ '{same_but_case[0]}' ตัวพิมพ์เล็ก-ใหญ่ต้องตรงกัน "
                                        f"(the file is named '{same_but_case[0]}'; case matters)")
        return msg.FILE_NOT_FOUND, did_you_mean(Path(ref).name, names) or None
    if not target.is_file():
        return msg.FOLDER_NOT_FILE, None
    if target.stat().st_size == 0:
        return msg.EMPTY_DOCUMENT, None
    return None
