"""Every message of the tools layer and of the command line: commands given something they
cannot work with (a folder that is not a project, a year with no catalogue, …).

Codes are stable: a message keeps its code when its wording changes, and a removed message's code
is not given to another. Placeholders in `{braces}` are filled when the message is reported.
"""

from __future__ import annotations

from generator.problems import ERROR, Messages

E = Messages("คำสั่ง (commands)")

NO_CONTENT = E(
    "OIT-E001", ERROR,
    "ไม่พบโฟลเดอร์ content/", "content/ not found",
    "รันคำสั่งในโฟลเดอร์โครงการ หรือใช้ --root (run inside the project folder, or use --root)",
)
NO_CATALOGUE = E(
    "OIT-E002", ERROR,
    "ไม่มีรายการ OIT (catalogue) ของปี {year} — ที่มี: {available}",
    "no catalogue for ITA {year}; available: {available}",
    "เพิ่มได้ที่ content/catalogues/{year}.yml (add one as content/catalogues/{year}.yml)",
)
NO_SITE_URL = E(
    "OIT-E003", ERROR,
    "ยังไม่ได้ตั้งค่า site_url ใน content/organisation.yml (ใต้ site:) จึงสร้าง URL สำหรับ ITAS ไม่ได้",
    "set site.site_url in content/organisation.yml to build the URLs for ITAS",
    "ใส่ที่อยู่จริงแบบเต็ม เช่น https://www.example.go.th/ita/ "
    "(the exact public address, e.g. https://www.example.go.th/ita/)",
)
CONTENT_EXISTS = E(
    "OIT-E004", ERROR,
    "มีโฟลเดอร์ {folder} อยู่แล้ว จะไม่เขียนทับ", "{folder} already exists; nothing was changed",
    "เลือกโฟลเดอร์อื่น หรือลบโฟลเดอร์เดิมก่อนถ้าแน่ใจ (choose another folder, or remove the old one if you are sure)",
)
IMPORT_FAILED = E("OIT-E005", ERROR, "นำเข้าไม่สำเร็จ: {reason_th}", "import failed: {reason}")
BAD_COMMAND = E(
    "OIT-E006", ERROR,
    "คำสั่งไม่ถูกต้อง: {detail}", "invalid command: {detail}",
    "ดูวิธีใช้ด้วย {prog} --help (see the help with {prog} --help)",
)
UNKNOWN_CODE = E(
    "OIT-E007", ERROR,
    "ไม่รู้จักรหัสข้อความ {code}", "unknown message code {code}",
    "รหัสมีรูปแบบ OIT-X012 รายการทั้งหมดอยู่ใน docs/errors.md (codes look like OIT-X012; all are in docs/errors.md)",
)
