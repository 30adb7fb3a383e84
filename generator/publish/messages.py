"""Every message of the publish layer: a page template or MkDocs failing during a build.

Codes are stable: a message keeps its code when its wording changes, and a removed message's code
is not given to another. Placeholders in `{braces}` are filled when the message is reported.
"""

from __future__ import annotations

from generator.problems import ERROR, Messages

B = Messages("การสร้างเว็บไซต์ (building the site)")

TEMPLATE_FAILED = B(
    "OIT-B001", ERROR,
    "ข้อผิดพลาดในแม่แบบหน้าเว็บ {where}: {detail}", "template error in {where}: {detail}",
    "แม่แบบเป็นส่วนของโปรแกรม ไม่ใช่ข้อมูลที่กรอก: แจ้งผู้ดูแลระบบพร้อมข้อความนี้ "
    "(templates are part of the program, not your content: report this message to the maintainer)",
)
MKDOCS_FAILED = B(
    "OIT-B002", ERROR,
    "MkDocs สร้างเว็บไซต์ไม่สำเร็จ เว็บไซต์เดิมยังอยู่ครบ: {detail}",
    "MkDocs build failed; the previous site is untouched: {detail}",
)
