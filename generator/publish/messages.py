"""Every message of the publish layer: a page template or MkDocs failing during a build.

Codes are stable: a message keeps its code when its wording changes, and a removed message's code
is not given to another. Placeholders in `{braces}` are filled when the message is reported.
"""

from __future__ import annotations

from generator.problems import ERROR, WARNING, Messages

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


# --------------------------------------------------------------------------- A: auditing the built site
# `oit audit` (and the end of `oit build`) reads the built site as an assessor would, and reports
# at the content to fix (file:line) what the pages really hold.

A = Messages("ตรวจเว็บไซต์ที่สร้างแล้ว (auditing the built site)")

_REBUILD = "รัน oit build แล้วตรวจอีกครั้ง (run oit build, then audit again)"

NO_SITE = A(
    "OIT-A001", ERROR,
    "ยังไม่มีเว็บไซต์ที่สร้างแล้วใน {site}", "there is no built site in {site}",
    "รัน oit build ก่อน แล้วจึงรัน oit audit (run oit build first)",
)
NO_CLAIMS = A(
    "OIT-A002", ERROR,
    "ไม่พบผลการสร้างเว็บไซต์ครั้งล่าสุด ({file}) จึงไม่รู้ว่าแบบกรอก ITAS ชี้ไปที่ใด",
    "the record of the last build ({file}) is missing, so what the ITAS sheet points at is unknown",
    _REBUILD,
)
ITEM_PAGE_MISSING = A(
    "OIT-A003", ERROR,
    "แบบกรอก ITAS ปี {year} ให้ URL ของ {code} เป็น {url} แต่ไม่มีหน้านี้ในเว็บไซต์",
    "the ITAS {year} sheet gives {url} for {code}, but the site has no such page",
    _REBUILD,
)
WRONG_PAGE = A(
    "OIT-A004", ERROR,
    "URL ของ {code} ในแบบกรอก ITAS ปี {year} ({url}) เปิดหน้า \"{found}\" ไม่ใช่ \"{expected}\"",
    "the ITAS {year} URL of {code} ({url}) opens the page \"{found}\", not \"{expected}\"",
    _REBUILD,
)
ANCHOR_MISSING = A(
    "OIT-A005", ERROR,
    "{code} ITA {year}: แบบกรอก ITAS ชี้ไปที่ #{anchor} สำหรับ \"{element}\" แต่หน้านั้นไม่มีตำแหน่งนี้",
    "{code} ITA {year}: the ITAS sheet points at #{anchor} for \"{element}\", which the page does not have",
    _REBUILD,
)
HEADING_MISMATCH = A(
    "OIT-A006", ERROR,
    "{code} ITA {year}: ตำแหน่ง #{anchor} มีหัวข้อ \"{found}\" แต่คำอธิบายใน ITAS บอกว่า \"{expected}\"",
    "{code} ITA {year}: #{anchor} is headed \"{found}\", but the ITAS explanation names \"{expected}\"",
    _REBUILD,
)
FALSE_PRESENT = A(
    "OIT-A007", ERROR,
    "{code} ITA {year}: \"{element}\" ตอบว่ามี แต่บนหน้าเว็บตำแหน่ง #{anchor} ไม่มีหลักฐาน (ข้อความ แถวตาราง หรือเอกสารที่เปิดได้)",
    "{code} ITA {year}: \"{element}\" is answered as present, but #{anchor} on the page holds no evidence "
    "(text, a table row or a document that opens)",
    "เพิ่มข้อมูลขององค์ประกอบนี้ในไฟล์นี้ (add this element's content here)",
)
ELEMENT_MISSING = A(
    "OIT-A008", WARNING,
    "{code} ITA {year}: ยังขาด \"{element}\" — {detail}",
    "{code} ITA {year}: \"{element}\" is not ready — {detail_en}",
)
NAV_MISSING = A(
    "OIT-A009", ERROR,
    "ไม่พบ \"{label}\" ในเมนูนำทาง (ทั้งบนจอคอมพิวเตอร์และเมนูบนโทรศัพท์) ผู้ประเมินจึงหาหน้านี้จากเมนูไม่เจอ",
    "\"{label}\" is not in the navigation (desktop sidebar and phone drawer): an assessor cannot find it there",
    "แจ้งผู้ดูแลระบบ: เมนูสร้างจาก generator/publish/pages.py และ theme/partials/nav-item.html "
    "(report to the maintainer: the menu comes from pages.py and the theme)",
)
BROKEN_LINK = A(
    "OIT-A010", ERROR,
    "หน้า {page} มีลิงก์ไปยัง {href} ซึ่งไม่มีในเว็บไซต์", "the page {page} links to {href}, which the site does not have",
    "ตรวจชื่อไฟล์ที่อ้างถึง (check the file name referred to)",
)
BROKEN_ANCHOR = A(
    "OIT-A011", ERROR,
    "หน้า {page} มีลิงก์ไปยัง {href} แต่หน้าปลายทางไม่มีตำแหน่ง #{anchor}",
    "the page {page} links to {href}, but the target has no #{anchor}",
    _REBUILD,
)
EMPTY_PAGE = A(
    "OIT-A012", ERROR,
    "หน้า {page} มีแต่หัวข้อ ไม่มีเนื้อหา", "the page {page} has nothing but headings",
    "เพิ่มข้อมูลที่หน้านี้แสดง (add the content this page shows)",
)
LEFTOVER_PUBLISHED = A(
    "OIT-A013", ERROR,
    "ข้อความที่การนำเข้าจัดวางไม่ได้ (ใน {leftovers}) ปรากฏบนหน้า {page}: \"{text}\"",
    "text the import could not place (in {leftovers}) appears on the page {page}: \"{text}\"",
    "ข้อความใน import-leftovers.yml เป็นงานค้างของเจ้าหน้าที่ ไม่ใช่ข้อมูลเผยแพร่: ถ้าย้ายไปไว้ในช่องที่ถูกต้องแล้ว "
    "ให้ลบรายการนั้นออกจาก import-leftovers.yml (the leftovers file is the clerk's to-do list, not content: "
    "once the text is placed in the right field, delete its entry)",
)
CLERK_NOTE = A(
    "OIT-A014", ERROR,
    "หน้า {page} มีข้อความบันทึกสำหรับเจ้าหน้าที่ \"{text}\" ซึ่งไม่ควรเผยแพร่",
    "the page {page} shows a note meant for the clerk: \"{text}\"",
    "แก้ข้อมูลให้เสร็จแล้วลบข้อความนี้ (finish the content and remove the note)",
)
PLACEHOLDER = A(
    "OIT-A015", ERROR,
    "หน้า {page} แสดงข้อความตัวอย่างจากแบบฟอร์ม \"{text}\" ซึ่งยังไม่ได้แก้เป็นข้อมูลจริง",
    "the page {page} shows the scaffold's example value \"{text}\", not real content",
    "แทนข้อความตัวอย่างด้วยข้อมูลจริงของหน่วยงาน หรือลบออก (replace the example with real content, or remove it)",
)
TEMPLATE_LEFTOVER = A(
    "OIT-A016", ERROR,
    "หน้า {page} มีข้อความที่แม่แบบหน้าเว็บไม่ได้แปลง \"{text}\"", "the page {page} shows unprocessed template text \"{text}\"",
    "ถ้าข้อความนี้มาจากข้อมูลที่กรอก ให้แก้ที่ไฟล์นี้ ถ้าไม่ใช่ แจ้งผู้ดูแลระบบ (if it comes from your content, fix it "
    "here; otherwise report it to the maintainer)",
)
YEAR_UNPUBLISHED = A(
    "OIT-A017", WARNING,
    "ข้อมูลปีงบประมาณ {fy} ใน {folder} ไม่ได้เผยแพร่ในหน้าใดเลย: ไม่มีรายการ OIT ของปีการประเมินที่เผยแพร่ ({years}) ที่ใช้ข้อมูลปีนี้",
    "the fiscal year {fy} content in {folder} is published on no page: no published ITA year ({years}) uses it",
    "{what_to_do}",
)
TOPIC_UNPUBLISHED = A(
    "OIT-A018", WARNING,
    "\"{title}\" ปีงบประมาณ {fy} มีข้อมูลแต่ไม่ได้เผยแพร่ในหน้าใด: ไม่มีปีการประเมินที่เผยแพร่ใช้ข้อมูลปีงบประมาณนี้",
    "\"{topic}\" of fiscal year {fy} has content but is published on no page: no published ITA year uses that fiscal year",
    "{what_to_do}",
)
FILE_UNPUBLISHED = A(
    "OIT-A019", WARNING,
    "ไฟล์ {file_name} อยู่ในโฟลเดอร์ content/ แต่ไม่มีข้อมูลใดอ้างถึง จึงไม่ได้เผยแพร่",
    "{file_name} is in content/ but no content refers to it, so it is not published",
    "ใส่ไฟล์นี้ใน documents: ของหัวข้อที่เกี่ยวข้อง (title: และ file:) หรือลบไฟล์ถ้าไม่ใช้ "
    "(add it under documents: of its topic with title: and file:, or delete it)",
)
LARGE_DOCUMENT = A(
    "OIT-A020", WARNING,
    "เอกสาร {file_name} มีขนาด {size} เกิน {limit}: ผู้ใช้โทรศัพท์เปิดช้าหรือเปิดไม่ได้",
    "the document {file_name} is {size}, over {limit}: slow or impossible to open on a phone",
    "บีบอัด PDF (เช่น สแกนที่ 150 dpi ขาวดำ) หรือแยกเป็นหลายไฟล์ (compress the PDF, e.g. scan at 150 dpi, or split it)",
)
LARGE_IMAGE = A(
    "OIT-A021", WARNING,
    "รูป {file_name} ขนาด {pixels} พิกเซล ({size}) แต่แสดงบนหน้า {page} {shown}: ผู้ใช้ต้องโหลดไฟล์ใหญ่เกินจำเป็น",
    "the image {file_name} is {pixels} px ({size}) but the page {page} shows it {shown_en}: far more than needed",
    "ย่อรูปให้กว้างไม่เกิน {fit} พิกเซลก่อนใส่ในโฟลเดอร์ files/ (resize it to at most {fit} px wide)",
)
NATIONAL_ID_PUBLISHED = A(
    "OIT-A022", ERROR,
    "{where_th} {page} มีเลขประจำตัวประชาชน ({shown}) ที่ไม่ได้รับความยินยอมให้เผยแพร่",
    "{where} {page} shows a Thai national ID ({shown}) not listed as consented to",
    "ลบหรือปิดบังเลข หรือถ้าเจ้าของยินยอม ให้ใส่ใน organisation.yml ใต้ consent: national_ids: "
    "(remove or mask it; or, with the owner's consent, list it under consent: national_ids:)",
)
CONSENTED_ID = A(
    "OIT-A023", WARNING,
    "เลขประจำตัวประชาชน {shown} เผยแพร่โดยได้รับความยินยอม ({note}) ที่ {pages}",
    "the national ID {shown} is published with consent ({note}) on {pages}",
    "ตรวจว่าความยินยอมยังมีผลและหลักฐานยังเก็บอยู่ (check the consent still stands and its record is kept)",
)
MAINTAINER_PAGE = A(
    "OIT-A024", WARNING,
    "หน้าความพร้อมสำหรับผู้ดูแล ({page}) อยู่ในเว็บไซต์สาธารณะ (ไม่มีในเมนูและการค้นหา แต่ใครก็เปิดได้)",
    "the maintainers' readiness page ({page}) is on the public site (not in the menu or search, but anyone can open it)",
    "ถ้าไม่ต้องการ ให้ลบ readiness_page: true ใน organisation.yml (remove readiness_page: true if unwanted)",
)
HUGE_DOCUMENT = A(
    "OIT-A025", ERROR,
    "เอกสาร {file_name} มีขนาด {size} เกิน {limit}: GitHub Pages ไม่รับไฟล์ขนาดนี้ เว็บไซต์จะเผยแพร่ไม่ได้",
    "the document {file_name} is {size}, over {limit}: GitHub Pages refuses such files and the site cannot be deployed",
    "บีบอัดหรือแยกเป็นหลายไฟล์ (compress or split it)",
)

LOGO_UNREADABLE = B(
    "OIT-B801", WARNING,
    "อ่านไฟล์ตราสัญลักษณ์ '{ref}' เป็นภาพไม่ได้ ({reason}) จึงใช้ตรากลางแทนที่ส่วนหัวและไอคอนของเว็บไซต์",
    "the logo '{ref}' cannot be read as an image ({reason}); a neutral seal is used in the header and as the icon",
    "ใช้ไฟล์ภาพ PNG, JPEG, WebP หรือ SVG ของตราสัญลักษณ์ (use a PNG, JPEG, WebP or SVG image of the seal)",
)
