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

# The preview (`oit serve`) while the content has errors: a banner on every page, or a page of its
# own when no version of the site could be built yet.
PREVIEW_HAS_ERRORS = B(
    "OIT-B701", ERROR,
    "ข้อมูลมีข้อผิดพลาด {count} รายการ หน้านี้จึงยังเป็นเวอร์ชันล่าสุดที่สร้างได้",
    "the content has {count} error(s), so this page is still the last version that could be built",
    "แก้ตามรายการด้านล่างแล้วบันทึก (ในไฟล์หรือที่หลังบ้าน /admin/) หน้านี้จะแสดงผลใหม่เอง "
    "(fix what is listed below and save, in the file or in the back office at /admin/; this page updates itself)",
)
PREVIEW_NO_SITE = B(
    "OIT-B702", ERROR,
    "ยังสร้างเว็บไซต์ตัวอย่างไม่ได้ เพราะข้อมูลมีข้อผิดพลาด {count} รายการ",
    "no preview yet: the content has {count} error(s)",
    "แก้ตามรายการด้านล่างแล้วบันทึก (ในไฟล์หรือที่หลังบ้าน /admin/) หน้านี้จะกลายเป็นเว็บไซต์เอง "
    "(fix what is listed below and save, in the file or in the back office at /admin/; this page turns into the site by itself)",
)
PREVIEW_MORE_ERRORS = B(
    "OIT-B703", ERROR,
    "และอีก {count} รายการ ดูทั้งหมดในหน้าต่างที่เปิด oit serve หรือด้วยคำสั่ง oit check",
    "and {count} more: see them all in the window running oit serve, or with oit check",
)
PREVIEW_STILL_OLD = B(
    "OIT-B704", ERROR,
    "ยังแสดงเวอร์ชันก่อนหน้า แก้ไขแล้วบันทึกอีกครั้ง",
    "still showing the last good version: fix and save again",
)
