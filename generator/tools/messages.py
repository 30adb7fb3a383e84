"""Every message of the tools layer and of the command line: commands given something they
cannot work with (a folder that is not a project, a year with no catalogue, …).

Codes are stable: a message keeps its code when its wording changes, and a removed message's code
is not given to another. Placeholders in `{braces}` are filled when the message is reported.
"""

from __future__ import annotations

from generator.problems import ERROR, WARNING, Messages

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
    "สร้างฉบับเบื้องต้นจากปีก่อนด้วย oit catalogue new {year} แล้วแก้ตามคู่มือ ป.ป.ช. "
    "(make a provisional one from the year before with 'oit catalogue new {year}', then edit it to the NACC manual)",
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

CATALOGUE_FILE_EXISTS = E(
    "OIT-E301", ERROR,
    "มีไฟล์ {path} อยู่แล้ว จะไม่เขียนทับ", "{path} already exists; nothing was changed",
    "แก้ไฟล์เดิมได้เลย หรือดูความต่างกับปีก่อนด้วย oit catalogue diff {source} {year} "
    "(edit the existing file, or compare it with 'oit catalogue diff {source} {year}')",
)
CATALOGUE_FROM_NOT_BEFORE = E(
    "OIT-E302", ERROR,
    "รายการ OIT ปี {year} ต้องสร้างจากปีก่อนหน้า แต่ --from คือ {source}",
    "the ITA {year} catalogue must be made from an earlier year, not {source}",
    "ใช้ --from กับปีที่น้อยกว่า {year} เช่น --from {previous} (use an earlier year, e.g. --from {previous})",
)
CATALOGUE_NOT_FOUND = E(
    "OIT-E303", ERROR,
    "ไม่พบไฟล์รายการ OIT {path}", "catalogue file not found: {path}",
    "ระบุชื่อไฟล์ .yml หรือปี พ.ศ. ที่มีรายการ เช่น 2569 (name a .yml file, or an ITA year that has a catalogue)",
)
CATALOGUE_HAS_ERRORS = E(
    "OIT-E304", ERROR,
    "รายการ OIT {what} มีข้อผิดพลาด จึงใช้ไม่ได้", "the catalogue {what} has errors and cannot be used",
    "แก้ตามข้อความด้านบน แล้วตรวจอีกครั้งด้วย oit catalogue check (fix what is listed above, then run 'oit catalogue check')",
)

I = Messages("การนำเข้าเอกสาร (oit import)")  # noqa: E741 - the table's letter, as in every other table

_NOTHING_WRITTEN = "ไม่ได้เขียนไฟล์ใด (nothing was written)"
NO_SUCH_FILE = I("OIT-I001", ERROR, "ไม่พบไฟล์ {path}", "file not found: {path}")
NOT_A_FILE = I("OIT-I002", ERROR, "{path} ไม่ใช่ไฟล์", "{path} is not a file")
OLD_EXCEL = I(
    "OIT-I003", ERROR,
    "{name} เป็นไฟล์ Excel รุ่นเก่า (.xls)", "{name} is an old Excel .xls file",
    "เปิดใน Excel แล้วบันทึกเป็น .xlsx (Save As → Excel Workbook) แล้วลองใหม่ (save it as .xlsx and try again)",
)
OLD_WORD = I(
    "OIT-I004", ERROR,
    "{name} เป็นไฟล์ Word รุ่นเก่า (.doc)", "{name} is an old Word .doc file",
    "เปิดใน Word แล้วบันทึกเป็น .docx (Save As → Word Document) แล้วลองใหม่ (save it as .docx and try again)",
)
UNKNOWN_FORMAT = I(
    "OIT-I005", ERROR,
    "ไม่รู้จักรูปแบบไฟล์ {name}", "unknown file format {name}",
    "รองรับ Word (.docx), PDF ที่มีข้อความ, Excel (.xlsx) และข้อความที่ส่งออกจาก Word (.txt) "
    "(Word .docx, PDF with a text layer, Excel .xlsx and text exports are supported)",
)
UNREADABLE_SOURCE = I("OIT-I006", ERROR, "อ่านไฟล์ {path} ไม่ได้: {reason}", "cannot read {path}: {reason}")
OTHER_YEAR = I(
    "OIT-I007", ERROR,
    "{name} ระบุปีงบประมาณ {said} (“{line}”) แต่สั่งนำเข้าเป็นปี {year}",
    "{name} states fiscal year {said} but --year is {year}",
    "ถ้าเอกสารเป็นของปี {said} ให้ใช้ --year {said}; ถ้าตั้งใจนำเข้าเป็นปี {year} จริง ให้เพิ่ม --year-mismatch-ok — "
    "ไม่ได้เขียนไฟล์ใด (use --year {said} if the document is of {said}, or add --year-mismatch-ok to import it "
    "as {year} anyway; nothing was written)",
)
NO_TABLES = I(
    "OIT-I008", ERROR,
    "ไม่พบตารางมาตรการ ผลการดำเนินการ ผลการประเมิน ITA การจัดซื้อจัดจ้าง สถิติเรื่องร้องเรียน หรือแผนงานใน {name}",
    "no table of measures, results, ITA assessment, procurement, complaints or plan progress was recognised in {name}",
    "ตารางต้องมีแถวหัวตาราง เช่น มาตรการ / วิธีดำเนินการ / ผู้รับผิดชอบ — ไม่ได้เขียนไฟล์ใด "
    "(tables need a header row such as มาตรการ / วิธีดำเนินการ / ผู้รับผิดชอบ; nothing was written)",
)
WOULD_OVERWRITE = I(
    "OIT-I009", ERROR,
    "มีไฟล์อยู่แล้ว จะไม่เขียนทับ: {files}", "file(s) already exist and would be overwritten: {files}",
    "ใช้ --force ถ้าต้องการแทนที่ — ไม่ได้เขียนไฟล์ใด (use --force to replace them; nothing was written)",
)
IMPORT_INVALID = I(
    "OIT-I010", ERROR,
    "ข้อมูลที่อ่านได้ไม่ผ่านการตรวจของระบบ จึงไม่ได้เขียนไฟล์ใด", "the imported content does not validate, so nothing was written",
    "กรุณาแจ้งผู้ดูแลพร้อมไฟล์ต้นฉบับ (please report this with the source file)",
)
BINARY_TEXT = I(
    "OIT-I011", ERROR,
    "{name} ไม่ใช่ไฟล์ข้อความ (มีข้อมูลไบนารี)", "{name} is not a text file (binary data)",
    "รองรับไฟล์ .docx หรือข้อความที่ส่งออกจาก Word (.txt) (.docx files and text exports are supported)",
)
UNDECODABLE = I(
    "OIT-I012", ERROR, "อ่านตัวอักษรใน {name} ไม่ได้", "cannot decode {name}",
    "บันทึกเป็น UTF-8 แล้วลองใหม่ (save it as UTF-8 and try again)",
)
MISSING_LIBRARY = I(
    "OIT-I013", ERROR, "ไม่ได้ติดตั้ง {library}", "{library} is not installed",
    "ติดตั้งโปรแกรมใหม่ด้วย pip install -e . (reinstall with pip install -e .)",
)
BAD_DOCX = I(
    "OIT-I014", ERROR,
    "เปิด {name} เป็นไฟล์ Word (.docx) ไม่ได้ — ไฟล์อาจเสียหรือเป็นรูปแบบอื่น ({detail})",
    "cannot open {name} as a Word .docx file; it may be damaged or another format ({detail})",
)
BAD_PDF = I(
    "OIT-I015", ERROR,
    "เปิด {name} เป็นไฟล์ PDF ไม่ได้ — ไฟล์อาจเสียหรือมีรหัสผ่าน ({detail})",
    "cannot open {name} as a PDF; it may be damaged or password-protected ({detail})",
)
BROKEN_PDF = I(
    "OIT-I016", ERROR, "อ่าน {name} ไม่ได้ — ไฟล์ PDF อาจเสีย ({detail})", "cannot read {name}; the PDF may be damaged ({detail})",
)
SCANNED_PDF = I(
    "OIT-I017", ERROR,
    "{name} เป็น PDF ที่ไม่มีข้อความ (น่าจะเป็นภาพสแกน {pages} หน้า) จึงอ่านไม่ได้",
    "{name} is a PDF without text (a scan of {pages} page(s)), so it cannot be read",
    "ใช้ไฟล์ Word (.docx) ต้นฉบับ หรือไฟล์ PDF ที่บันทึกจาก Word (Save As → PDF) ไม่ใช่ไฟล์ที่สแกนจากกระดาษ "
    "(use the original Word .docx, or a PDF saved from Word, not a scan of paper)",
)
BAD_XLSX = I(
    "OIT-I018", ERROR,
    "เปิด {name} เป็นไฟล์ Excel (.xlsx) ไม่ได้ — ไฟล์อาจเสียหรือเป็นรูปแบบอื่น ({detail})",
    "cannot open {name} as an Excel .xlsx file; it may be damaged or another format ({detail})",
)
EMPTY_WORKBOOK = I("OIT-I019", ERROR, "{name} ไม่มีข้อมูลในชีตใด", "{name} has no data in any sheet")

W = Messages("หลังบ้าน (the back office: oit serve's /admin/)")

_FIX_BY_HAND = ("แก้ไฟล์ด้วยโปรแกรมแก้ไขข้อความ (เช่น Notepad) ตามข้อความของ oit check ก่อน แล้วเปิดแบบฟอร์มอีกครั้ง "
                "(fix the file in a text editor as oit check says, then open the form again)")
ADMIN_BAD_REQUEST = W("OIT-W001", ERROR, "คำขอไม่ถูกต้อง: {detail}", "invalid request: {detail}")
ADMIN_BAD_PATH = W("OIT-W002", ERROR, "ที่อยู่ไฟล์ไม่ถูกต้อง: {path}", "invalid path: {path}")
ADMIN_OUTSIDE = W(
    "OIT-W003", ERROR, "เข้าถึงได้เฉพาะไฟล์ในโฟลเดอร์ {folder}/ ({path})", "only files inside {folder}/ can be used ({path})",
)
ADMIN_NOT_A_FORM = W(
    "OIT-W004", ERROR, "หลังบ้านแก้ไขไฟล์ {path} ไม่ได้", "the back office does not edit {path}",
    "หลังบ้านแก้ไขได้เฉพาะไฟล์ข้อมูลใน content/ ที่มีแบบฟอร์ม (only content files with a form can be edited)",
)
ADMIN_CANNOT_OPEN = W(
    "OIT-W005", ERROR, "เปิดไฟล์ {path} ในหลังบ้านไม่ได้: บรรทัด {line}: {detail}",
    "cannot open {path} in the back office: line {line}: {detail_en}", _FIX_BY_HAND,
)
ADMIN_ONE_FILE = W("OIT-W006", ERROR, "บันทึกได้ครั้งละหนึ่งไฟล์", "one file per save")
ADMIN_FORM_UNREADABLE = W(
    "OIT-W007", ERROR, "ข้อมูลจากแบบฟอร์มอ่านไม่ได้", "the form's data cannot be read",
    "โหลดหน้าหลังบ้านใหม่ แล้วลองอีกครั้ง (reload the back office and try again)",
)
ADMIN_OLD_UNREADABLE = W(
    "OIT-W008", ERROR, "อ่านไฟล์ {path} เดิมไม่ได้ จึงไม่บันทึกทับ", "cannot read the existing {path}; it was not overwritten",
    _FIX_BY_HAND,
)
ADMIN_NOT_YAML = W(
    "OIT-W009", ERROR, "ไฟล์ {path} มีรูปแบบ YAML ที่ผิด จึงยังไม่บันทึก", "{path} is not valid YAML; nothing was saved",
    _FIX_BY_HAND,
)
ADMIN_NOT_SAVED = W(
    "OIT-W010", ERROR, "ยังไม่ได้บันทึก ไฟล์ยังเหมือนเดิม — {field}: {th}{more}",
    "not saved, the file is unchanged — {en}", "{hint}",
)
ADMIN_UPLOAD_ENCODING = W("OIT-W011", ERROR, "ไฟล์ที่ส่งมาเสียหาย", "the uploaded file is corrupt",
                          "อัปโหลดอีกครั้ง (upload it again)")
ADMIN_NOT_UPLOADED = W("OIT-W012", ERROR, "ไม่ได้อัปโหลด {name}: {reason}", "{name} was not uploaded: {reason_en}",
                       "{hint}")
ADMIN_NO_SUCH_FILE = W("OIT-W013", ERROR, "ไม่พบไฟล์ {path}", "file not found: {path}")
ADMIN_FILE_IN_USE = W(
    "OIT-W014", ERROR, "ลบ {name} ไม่ได้ เพราะยังใช้อยู่ใน {users}", "{name} is still used by {users}",
    "นำไฟล์ออกจากแบบฟอร์มที่ใช้ก่อน แล้วจึงลบ (remove it from those forms first)",
)
UPLOAD_TYPE = W(
    "OIT-W015", ERROR, "ไม่รับไฟล์ชนิด {ext}", "files of type {ext} are not accepted",
    "รับเฉพาะ {allowed} (ไฟล์ที่เบราว์เซอร์เปิดเป็นโปรแกรมได้ เช่น .html .svg .js ไม่รับ เพราะจะถูกเผยแพร่บนเว็บไซต์) "
    "(accepted: {allowed}; files a browser would run are not, as they would be published)",
)
UPLOAD_FALSE_TYPE = W(
    "OIT-W016", ERROR, "เนื้อไฟล์ไม่ใช่ {kind} ตามนามสกุล", "the file's content is not {kind}",
    "เปิดไฟล์ในเครื่องเพื่อตรวจ แล้วบันทึกใหม่เป็นชนิดที่ถูกต้อง (open it and save it again in the right format)",
)
UPLOAD_PDF_TOO_BIG = W(
    "OIT-W017", ERROR, "ไฟล์ PDF มีขนาด {size} เกินขีดจำกัด {limit} MB", "the PDF is {size}, over the {limit} MB limit",
    "เว็บไซต์บน GitHub Pages มีพื้นที่รวมเพียง 1 GB และประชาชนเปิดไฟล์ใหญ่บนโทรศัพท์ได้ช้า: สแกนใหม่ที่ 150–200 dpi "
    "แบบขาวดำหรือสีเทา หรือใช้โปรแกรมบีบอัด PDF หรือแยกเป็นหลายไฟล์ (rescan at 150–200 dpi in grey, compress, "
    "or split the file)",
)
UPLOAD_TOO_BIG = W(
    "OIT-W018", ERROR, "ไฟล์มีขนาด {size} เกินขีดจำกัด {limit} MB", "the file is {size}, over the {limit} MB limit",
    "ลดขนาดไฟล์ หรือแยกเป็นหลายไฟล์ (make it smaller or split it)",
)
UPLOAD_BAD_IMAGE = W(
    "OIT-W019", ERROR, "เปิดรูปภาพนี้ไม่ได้", "cannot read the image: {detail}",
    "ลองบันทึกรูปใหม่เป็น JPG หรือ PNG (save it again as JPG or PNG)",
)
ADMIN_LOOPBACK_ONLY = W(
    "OIT-W020", ERROR, "หลังบ้านเปิดได้เฉพาะที่ http://127.0.0.1", "the back office answers on 127.0.0.1 only",
    "เปิด http://127.0.0.1:8000/admin/ บนเครื่องที่รัน oit serve (open it on the computer running oit serve)",
)
ADMIN_OTHER_ORIGIN = W("OIT-W021", ERROR, "ปฏิเสธคำขอที่ไม่ได้มาจากหน้าหลังบ้าน",
                       "request refused: it does not come from the back office page")
ADMIN_TOO_LARGE = W("OIT-W022", ERROR, "ไฟล์ใหญ่เกินไป: รับได้ไม่เกิน {limit} MB", "too large: at most {limit} MB")
ADMIN_NOT_FOUND = W("OIT-W023", ERROR, "ไม่พบ {path}", "not found: {path}")
ADMIN_OFF = W(
    "OIT-W024", WARNING, "หลังบ้าน (/admin/) เปิดได้เฉพาะเมื่อใช้ที่อยู่ 127.0.0.1 จึงปิดไว้ที่ {addr}",
    "the back office needs a loopback address; it is off on {addr}",
    "ใช้ oit serve โดยไม่ระบุ --dev-addr หรือ --dev-addr 127.0.0.1:8000 (run oit serve on 127.0.0.1)",
)
SERVE_ADDRESS_TAKEN = W(
    "OIT-W025", ERROR, "เปิดที่ {addr} ไม่ได้: {reason}", "cannot listen on {addr}: {reason}",
    "อาจมี oit serve อีกหน้าต่างหนึ่งเปิดอยู่ ปิดหน้าต่างนั้น หรือใช้ที่อยู่อื่น เช่น oit serve --dev-addr {other} "
    "(another oit serve may be running; close it or choose another address)",
)
