"""Documents and images a clerk names in content: can each be published as it is?"""

from __future__ import annotations

import os
from pathlib import Path

from generator.content.wording import did_you_mean


def check_file_ref(ref: str, content_dir: Path) -> tuple[str, str, str] | None:
    """Why a file reference cannot be published (th, en, hint), or None when it is fine."""
    if "://" in ref or ref.lower().startswith(("mailto:", "www.")):
        return (
            f"'{ref}' เป็นลิงก์ ไม่ใช่ไฟล์ในโฟลเดอร์ content/",
            f"'{ref}' is a link, not a file in content/",
            "ใช้ url: แทน file: สำหรับลิงก์ (write url: instead of file: for a link)",
        )
    if os.path.isabs(ref) or ref.startswith("/") or (len(ref) > 1 and ref[1] == ":"):
        return (
            f"ต้องระบุไฟล์เป็นตำแหน่งภายในโฟลเดอร์ content/ ไม่ใช่ตำแหน่งเต็มในเครื่อง: '{ref}'",
            f"file paths must be relative to content/, not absolute: '{ref}'",
            "คัดลอกไฟล์มาไว้ใน content/files/ แล้วเขียน files/ชื่อไฟล์ (copy it into content/files/)",
        )
    base = content_dir.resolve()
    target = (content_dir / ref).resolve()
    if base != target and base not in target.parents:
        return (
            f"ไฟล์ '{ref}' อยู่นอกโฟลเดอร์ content/ เผยแพร่ไม่ได้",
            f"'{ref}' points outside content/ and cannot be published",
            "คัดลอกไฟล์มาไว้ใน content/files/ (copy the file into content/files/)",
        )
    if any(part.startswith(".") for part in Path(ref).parts if part not in (".", "..")):
        return (
            f"'{ref}' เป็นไฟล์หรือโฟลเดอร์ซ่อน (ชื่อขึ้นต้นด้วยจุด) ซึ่งไม่เผยแพร่",
            f"'{ref}' is a hidden file or folder (its name starts with a dot) and is not published",
            "เปลี่ยนชื่อไฟล์ไม่ให้ขึ้นต้นด้วยจุด (rename it so it does not start with a dot)",
        )
    if not target.exists():
        folder = target.parent
        names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
        same_but_case = [n for n in names if n.lower() == Path(ref).name.lower()]
        if same_but_case:  # Windows ignores case; the web server does not
            hint = (f"ชื่อไฟล์จริงคือ '{same_but_case[0]}' ตัวพิมพ์เล็ก-ใหญ่ต้องตรงกัน "
                    f"(the file is named '{same_but_case[0]}'; case matters)")
        else:
            hint = did_you_mean(Path(ref).name, names) or (
                "ตรวจชื่อไฟล์และโฟลเดอร์ (ตัวพิมพ์เล็ก-ใหญ่ต้องตรงกัน) (check the name and folder; case matters)")
        return (f"ไม่พบไฟล์ '{ref}'", f"file not found: '{ref}'", hint)
    if not target.is_file():
        return (f"'{ref}' เป็นโฟลเดอร์ ไม่ใช่ไฟล์", f"'{ref}' is a folder, not a file", "")
    if target.stat().st_size == 0:
        return (
            f"ไฟล์ '{ref}' ว่างเปล่า (0 ไบต์)",
            f"file '{ref}' is empty (0 bytes)",
            "อัปโหลดไฟล์ใหม่อีกครั้ง (upload the file again)",
        )
    return None
