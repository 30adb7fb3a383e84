"""Every message of the checks layer: documents, rules across files, personal data, readiness.

Codes are stable: a message keeps its code when its wording changes, and a removed message's code
is not given to another. Placeholders in `{braces}` are filled when the message is reported.
"""

from __future__ import annotations

from generator.problems import ERROR, WARNING, Messages

# --------------------------------------------------------------------------- F: document files

F = Messages("ไฟล์เอกสารและรูปภาพ (documents and images)")

LINK_AS_FILE = F(
    "OIT-F001", ERROR,
    "'{ref}' เป็นลิงก์ ไม่ใช่ไฟล์ในโฟลเดอร์ content/", "'{ref}' is a link, not a file in content/",
    "ใช้ url: แทน file: สำหรับลิงก์ (write url: instead of file: for a link)",
)
ABSOLUTE_PATH = F(
    "OIT-F002", ERROR,
    "ต้องระบุไฟล์เป็นตำแหน่งภายในโฟลเดอร์ content/ ไม่ใช่ตำแหน่งเต็มในเครื่อง: '{ref}'",
    "file paths must be relative to content/, not absolute: '{ref}'",
    "คัดลอกไฟล์มาไว้ใน content/files/ แล้วเขียน files/ชื่อไฟล์ (copy it into content/files/)",
)
OUTSIDE_CONTENT = F(
    "OIT-F003", ERROR,
    "ไฟล์ '{ref}' อยู่นอกโฟลเดอร์ content/ เผยแพร่ไม่ได้", "'{ref}' points outside content/ and cannot be published",
    "คัดลอกไฟล์มาไว้ใน content/files/ (copy the file into content/files/)",
)
HIDDEN_FILE = F(
    "OIT-F004", ERROR,
    "'{ref}' เป็นไฟล์หรือโฟลเดอร์ซ่อน (ชื่อขึ้นต้นด้วยจุด) ซึ่งไม่เผยแพร่",
    "'{ref}' is a hidden file or folder (its name starts with a dot) and is not published",
    "เปลี่ยนชื่อไฟล์ไม่ให้ขึ้นต้นด้วยจุด (rename it so it does not start with a dot)",
)
FILE_NOT_FOUND = F(
    "OIT-F005", ERROR,
    "ไม่พบไฟล์ '{ref}'", "file not found: '{ref}'",
    "ตรวจชื่อไฟล์และโฟลเดอร์ (ตัวพิมพ์เล็ก-ใหญ่ต้องตรงกัน) (check the name and folder; case matters)",
)
FOLDER_NOT_FILE = F("OIT-F006", ERROR, "'{ref}' เป็นโฟลเดอร์ ไม่ใช่ไฟล์", "'{ref}' is a folder, not a file")
EMPTY_DOCUMENT = F(
    "OIT-F007", ERROR,
    "ไฟล์ '{ref}' ว่างเปล่า (0 ไบต์)", "file '{ref}' is empty (0 bytes)",
    "อัปโหลดไฟล์ใหม่อีกครั้ง (upload the file again)",
)

_DO_NOT_OPEN = ("อย่าเปิดไฟล์นี้ ลบออกจาก content/ และสแกนไวรัสเครื่องที่ได้ไฟล์มา "
                "(do not open it: delete it from content/ and scan the computer it came from)")
WEB_PAGE = F(
    "OIT-F201", ERROR,
    "'{ref}' เป็นหน้าเว็บหรือสคริปต์ ({type}) ซึ่งจะทำงานบนเว็บไซต์ของหน่วยงานเมื่อมีผู้เปิด จึงไม่เผยแพร่",
    "'{ref}' is a web page or script ({type}): it would run on the LAO's own site when opened, so it is not published",
    "บันทึกเป็น PDF (พิมพ์ → บันทึกเป็น PDF) แล้วอ้างไฟล์ PDF แทน (save it as PDF and refer to the PDF)",
)
PROGRAM = F(
    "OIT-F202", ERROR,
    "'{ref}' เป็นโปรแกรม ({type}) ไม่ใช่เอกสาร อาจเป็นอันตรายต่อเครื่องของผู้เข้าชม จึงไม่เผยแพร่",
    "'{ref}' is a program ({type}), not a document: it could harm visitors' computers, so it is not published",
    "เผยแพร่เฉพาะเอกสารและรูปภาพ: ลบไฟล์นี้ออกจาก content/ (publish documents and images only; remove it)",
)
DISGUISED = F(
    "OIT-F203", ERROR,
    "'{ref}' ตั้งชื่อให้ดูเหมือนเอกสาร '{looks}' แต่ที่จริงเป็นโปรแกรมหรือหน้าเว็บ ({real})",
    "'{ref}' is named to pass for the document '{looks}' but is really a program or web page ({real})",
    _DO_NOT_OPEN,
)
BIDI_NAME = F(
    "OIT-F204", ERROR,
    "ชื่อ '{ref}' มีอักขระกลับทิศทางที่มองไม่เห็น ({chars}) บนจอจึงเห็นเป็น '{looks}' แต่ชื่อจริงลงท้ายด้วย '{real}'",
    "the name '{ref}' holds invisible direction controls ({chars}): it shows as '{looks}' but really ends in '{real}'",
    _DO_NOT_OPEN,
)
MACROS = F(
    "OIT-F205", ERROR,
    "'{ref}' เป็นไฟล์ Office ที่มีมาโคร ({type}) ซึ่งเป็นโปรแกรมที่ทำงานในเครื่องของผู้เปิด",
    "'{ref}' is an Office file with macros ({type}), programs that run on the reader's computer",
    "เปิดแล้วบันทึกเป็น {fixed} หรือ PDF (open it and save it as {fixed} or PDF)",
)
CONVERTIBLE_TYPE = F(
    "OIT-F206", ERROR,
    "เว็บไซต์ไม่เผยแพร่ไฟล์ชนิด {type} ซึ่งผู้เข้าชมหลายคนเปิดไม่ได้: '{ref}'",
    "files of type {type} are not published (many visitors cannot open them): '{ref}'",
    "บันทึกเป็น {target} แล้วอ้างไฟล์นั้นแทน (save it as {target} and refer to that file)",
)
UNSUPPORTED_TYPE = F(
    "OIT-F207", ERROR,
    "เว็บไซต์ไม่เผยแพร่ไฟล์ชนิด {type}: '{ref}'", "files of type {type} are not published: '{ref}'",
    "ชนิดที่เผยแพร่ได้ (accepted types): {accepted}",
)
NO_TYPE = F(
    "OIT-F208", ERROR,
    "'{ref}' ไม่มีนามสกุลที่บอกชนิดไฟล์ (.pdf, .jpg …)", "'{ref}' has no extension saying what kind of file it is",
    "เพิ่มนามสกุลให้ตรงกับชนิดไฟล์ เช่น .pdf (add the extension that matches the file, e.g. .pdf)",
)
ACTIVE_CONTENT = F(
    "OIT-F209", ERROR,
    "'{ref}' ตั้งชื่อเป็นไฟล์ {kind} แต่เนื้อไฟล์เป็น{what_th}", "'{ref}' is named as {kind} but its content is {what}",
    "ลบไฟล์นี้ แล้วบันทึกเอกสารจากโปรแกรมต้นฉบับเป็น {kind} ใหม่ "
    "(delete it and save the document as {kind} again from the program that made it)",
)
NOT_WHAT_NAMED = F(
    "OIT-F210", WARNING,
    "'{ref}' ไม่ใช่ไฟล์ {kind} ตามนามสกุล (เนื้อไฟล์ขึ้นต้นต่างไป) ผู้เข้าชมอาจเปิดไม่ได้",
    "'{ref}' does not look like a {kind} file: visitors may not be able to open it",
    "เปิดไฟล์ตรวจดู แล้วบันทึกใหม่เป็น {kind} (open it to check, and save it again as {kind})",
)
SVG_UNSAFE = F(
    "OIT-F211", ERROR,
    "ภาพ SVG '{ref}' มี{what_th} ซึ่งอาจทำงานหรือโหลดจากที่อื่นเมื่อมีผู้เปิดภาพ",
    "the SVG image '{ref}' contains {what}, which could run or load from elsewhere when the image is opened",
    "ส่งออกภาพเป็น PNG แล้วใช้ไฟล์ PNG แทน (export the image as PNG and use that)",
)
NOT_REGULAR = F(
    "OIT-F212", ERROR,
    "'{ref}' ไม่ใช่ไฟล์ แต่เป็น{what_th}", "'{ref}' is not a file but {what}",
    "คัดลอกเอกสารจริงมาไว้แทน (put the real document here)",
)
LINK_LOOP = F(
    "OIT-F213", ERROR,
    "'{ref}' เป็นลิงก์ (symlink) ที่วนกลับมาที่ตัวเอง ไม่มีไฟล์จริง",
    "'{ref}' is a symbolic link that loops back on itself; there is no file",
    "ลบลิงก์ แล้วคัดลอกไฟล์จริงมาไว้แทน (delete the link and put the real file there)",
)
UNREADABLE_DOCUMENT = F(
    "OIT-F214", ERROR,
    "อ่านไฟล์ '{ref}' ไม่ได้ ({reason})", "cannot read '{ref}': {reason}",
    "ตรวจสิทธิ์การอ่านไฟล์ หรือคัดลอกไฟล์มาใหม่ (check the file's permissions, or copy it again)",
)
BIG_DOCUMENT = F(
    "OIT-F215", WARNING,
    "ไฟล์ '{ref}' ขนาด {mb:.1f} MB เกินขนาดที่ตั้งไว้ {limit:g} MB ผู้เข้าชมทางโทรศัพท์จะดาวน์โหลดได้ช้า",
    "'{ref}' is {mb:.1f} MB, over the limit of {limit:g} MB: slow to download on a phone",
    "ลดขนาดไฟล์ (สแกนที่ 150–200 dpi หรือบีบอัด PDF) หรือแยกเป็นหลายไฟล์; ขนาดที่ยอมรับตั้งได้ที่ site: "
    "max_document_mb: ใน organisation.yml (compress or split it; the limit is site.max_document_mb in organisation.yml)",
)
NAME_TOO_LONG = F(
    "OIT-F216", ERROR,
    "ชื่อ '{ref}' ยาวเกินที่ระบบไฟล์รับได้ ({size} ไบต์ ต้องไม่เกิน {limit})",
    "the name '{ref}' is longer than file systems allow ({size} bytes; at most {limit})",
    "ตั้งชื่อไฟล์ให้สั้นลง (อักษรไทยหนึ่งตัวใช้ 3 ไบต์) (shorten the name; a Thai letter takes 3 bytes)",
)
INVISIBLE_IN_NAME = F(
    "OIT-F217", ERROR,
    "ไม่พบไฟล์ '{ref}' แต่มี '{actual}' ซึ่งเหมือนกันบนจอ ต่างกันที่อักขระที่มองไม่เห็น ({chars})",
    "'{ref}' not found, but '{actual}' looks the same and differs by an invisible character ({chars})",
    "พิมพ์ชื่อไฟล์ใน YAML ใหม่ และเปลี่ยนชื่อไฟล์ให้ไม่มีอักขระนั้น "
    "(retype the name in the YAML and rename the file without that character)",
)

# --------------------------------------------------------------------------- X: rules across files

X = Messages("ความสอดคล้องระหว่างไฟล์ (rules across files)")

DOCUMENT_YEAR = X(
    "OIT-X001", WARNING,
    "วันที่เอกสาร '{title}' อยู่ในปีงบประมาณ {dated_fy} ไม่ใช่ {fy}",
    "document '{title}' is dated in FY{dated_fy}, not FY{fy}",
    "ตรวจวันที่หรือปีงบประมาณของเอกสาร (check the date or the fiscal year)",
)
RESULT_WITHOUT_MEASURES = X(
    "OIT-X002", ERROR,
    "ผลการดำเนินการอ้างถึงมาตรการ '{measure}' แต่ไม่มีไฟล์ content/{year}/measures.yml",
    "result names measure '{measure}' but content/{year}/measures.yml does not exist",
    "ประกาศมาตรการใน content/{year}/measures.yml ก่อน (declare the measures first)",
)
RESULT_UNKNOWN_MEASURE = X(
    "OIT-X003", ERROR,
    "ผลการดำเนินการอ้างถึงมาตรการ '{measure}' ที่ไม่ได้ประกาศใน content/{year}/measures.yml",
    "result names measure '{measure}', which content/{year}/measures.yml does not declare",
    "เพิ่มมาตรการนี้ใน measures.yml หรือแก้รหัส (declare it or fix the id)",
)
REPORT_UNKNOWN_ENTRY = X(
    "OIT-X004", ERROR,
    "รายงานอ้างถึง{what_th} '{ref}' ที่ไม่มีใน {plan}", "report names {what} '{ref}', which is not in {plan}",
    "ใส่ id ให้{what_th}ใน {plan} แล้วอ้างถึง id นั้น (give the {what} an id in {plan})",
)
WEIGHTED_SCORE = X(
    "OIT-X005", WARNING,
    "คะแนนถ่วงน้ำหนัก {tool} = {weighted} แต่ {score} × {weight}% = {expected:.2f}",
    "{tool} weighted score {weighted} differs from {score} × {weight}% = {expected:.2f}",
)
TOTAL_SCORE = X(
    "OIT-X006", WARNING,
    "คะแนนรวม {score} ไม่เท่ากับผลรวมคะแนนถ่วงน้ำหนัก {total:.2f}",
    "total score {score} differs from the sum of weighted scores {total:.2f}",
)
RECOMMENDATION_ITEM = X(
    "OIT-X007", WARNING, "ไม่มีรายการ {code} ในรายการ OIT ปี {year}", "{code} is not an item of the ITA {year} catalogue",
)
NOTES_WITHOUT_CATALOGUE = X(
    "OIT-X008", WARNING,
    "ไม่มีรายการ OIT (catalogue) ของปี {year} จึงตรวจรหัสในไฟล์นี้ไม่ได้",
    "no catalogue for ITA {year}, so the codes in this file cannot be checked",
    "เพิ่มไฟล์ content/catalogues/{year}.yml (add a catalogue for {year})",
)
NOTE_UNKNOWN_ITEM = X(
    "OIT-X009", ERROR, "ไม่มีรายการ {code} ใน ITA ปี {year}", "ITA {year} has no item {code}",
    "รายการที่มี: O1–O{count} (items are O1–O{count})",
)
NOTE_UNKNOWN_ELEMENT = X(
    "OIT-X010", ERROR,
    "{code} ไม่มีองค์ประกอบที่ตรวจด้วยตนเองชื่อ '{element}'", "{code} has no manually-checked element '{element}'",
    "{code} ไม่มีองค์ประกอบที่ต้องตรวจด้วยตนเอง",
)
TWO_CHIEFS = X(
    "OIT-X011", WARNING,
    "มีผู้บริหารสูงสุดที่ดำรงตำแหน่งอยู่ {count} คน: {names}", "{count} chief executives are in office today",
    "ใส่ until: ให้ผู้ที่พ้นตำแหน่งแล้ว (set 'until:' for the former one)",
)
YEAR_WITHOUT_CATALOGUE = X(
    "OIT-X012", ERROR,
    "ไม่มีรายการ OIT (catalogue) ของปี {year} จึงเผยแพร่ปีนี้ไม่ได้",
    "there is no OIT catalogue for ITA {year}, so it cannot be published",
    "ปีที่มี: {available} หรือเพิ่ม content/catalogues/{year}.yml (available: {available}; or add one)",
)
EMPTY_TOPIC = X(
    "OIT-X013", WARNING,
    "ยังไม่มีข้อมูล: {title}{when_th} (ใช้ใน ITA {year} ข้อ {codes})",
    "empty: {topic}{when} (needed by ITA {year} {codes})",
)

FAR_FROM_YEAR_SWAPPED = X(
    "OIT-X201", WARNING,
    "'{shown}' อยู่ในปีงบประมาณ {dated_fy} ห่างจากปีงบประมาณ {fy} ถึง {gap} ปี",
    "'{shown}' falls in FY{dated_fy}, {gap} years from FY{fy}",
    "หมายถึงปี {suggest} หรือไม่? (ตัวเลขสองหลักสลับที่กัน) (did you mean {suggest}? two digits swapped)",
)
FAR_FROM_YEAR = X(
    "OIT-X202", WARNING,
    "'{shown}' อยู่ในปีงบประมาณ {dated_fy} ห่างจากปีงบประมาณ {fy} ถึง {gap} ปี",
    "'{shown}' falls in FY{dated_fy}, {gap} years from FY{fy}",
    "ตรวจปี พ.ศ. ที่พิมพ์ (check the year you typed)",
)
TWO_DIGIT_YEAR = X(
    "OIT-X203", WARNING,
    "ปี 2 หลักใน '{shown}' อ่านเป็น พ.ศ. {be} ห่างจากปีงบประมาณ {fy} ถึง {gap} ปี",
    "the two-digit year in '{shown}' reads as BE {be}, {gap} years from FY{fy}",
    "เขียนปี พ.ศ. 4 หลัก: ถ้าหมายถึง ค.ศ. 20{yy} ให้เขียน {suggest} "
    "(write the 4-digit BE year; if you meant CE 20{yy}, that is {suggest})",
)
TWO_DIGIT_YEAR_FAR = X(
    "OIT-X205", WARNING,
    "ปี 2 หลักใน '{shown}' อ่านเป็น พ.ศ. {be} ห่างจากปีงบประมาณ {fy} ถึง {gap} ปี",
    "the two-digit year in '{shown}' reads as BE {be}, {gap} years from FY{fy}",
    "เขียนปี พ.ศ. ให้ครบ 4 หลัก เพื่อให้ชัดว่าหมายถึงปีใด (write all four digits of the BE year)",
)
NEGATIVE_AMOUNT = X(
    "OIT-X204", WARNING,
    "'{name}' ติดลบ ({value})", "'{name}' is negative ({value})",
    "ลบเครื่องหมายลบ (-) หน้าตัวเลข ถ้าเป็นเงินคืนให้อธิบายในหมายเหตุ "
    "(remove the minus sign; explain a refund in a note instead)",
)

# --------------------------------------------------------------------------- P: personal data

P = Messages("ข้อมูลส่วนบุคคล (personal data)")

_CONSENT_HINT = (
    " ถ้าเจ้าของเลขยินยอมให้เผยแพร่ ให้ใส่เลขนี้ใน organisation.yml ใต้ consent: national_ids: พร้อม note: ว่าใครยินยอม"
    " และหลักฐานเก็บที่ใด (if its owner agreed to publication, list the number under consent: national_ids: in"
    " organisation.yml with a note: of who agreed and where the consent is kept)"
)
NATIONAL_ID = P(
    "OIT-P001", ERROR,
    "{where_th}มีเลขประจำตัวประชาชน ({shown}) ซึ่งจะถูกเผยแพร่ — เสี่ยงผิด พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล",
    "{where} contains a Thai national ID number ({shown}) that would be published: a PDPA risk",
    "ลบเลขออก หรือปิดบังเป็น x-xxxx-xxxxx-xx-x (remove or mask the number)." + _CONSENT_HINT,
)
NATIONAL_ID_IN_FILE_NAME = P(
    "OIT-P002", ERROR,
    "ชื่อไฟล์เอกสารมีเลขประจำตัวประชาชน ({shown}) ซึ่งจะถูกเผยแพร่ — เสี่ยงผิด พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล",
    "a document's file name contains a Thai national ID number ({shown}) that would be published: a PDPA risk",
    "เปลี่ยนชื่อไฟล์ และตรวจว่าในเอกสารปิดทึบเลขแล้ว (rename the file and check the document is redacted)." + _CONSENT_HINT,
)
PHONE = P(
    "OIT-P003", WARNING,
    "{where_th}มีหมายเลขโทรศัพท์ ({shown}) ที่ไม่ใช่หมายเลขที่หน่วยงานเผยแพร่ — อาจเป็นข้อมูลส่วนบุคคล",
    "{where} contains a phone number ({shown}) that is not one the LAO publishes: possibly personal data",
    "ถ้าเป็นหมายเลขของหน่วยงาน ให้เพิ่มใน phone: ของ organisation.yml หรือช่องทางติดต่อ "
    "ถ้าเป็นของบุคคล ให้ลบออก (if it is the LAO's, list it in organisation.yml; if a person's, remove it)",
)

# --------------------------------------------------------------------------- R: readiness findings

R = Messages("ความพร้อมรายองค์ประกอบ (readiness: why an element is not ready)")

NO_CONTENT = R("OIT-R001", ERROR, "ยังไม่มีข้อมูลในหัวข้อนี้", "the topic has no content")
TOO_FEW_DOCUMENTS = R(
    "OIT-R002", ERROR, "มีเอกสาร {have} รายการ ต้องมีอย่างน้อย {need}", "{have} document(s); at least {need} needed",
)
FIELD_EMPTY = R("OIT-R003", ERROR, "ยังไม่ได้กรอก '{name}'", "'{name}' is not filled")
NOTHING_YET = R("OIT-R004", ERROR, "ยังไม่มีข้อมูล", "no content")
UNDATED = R(
    "OIT-R005", ERROR,
    "ไม่มีเอกสารที่ระบุวันที่ (date) หรือปีงบประมาณ", "no document carries a date or fiscal year",
)
NO_PERIOD = R(
    "OIT-R006", ERROR,
    "ไม่มีเอกสารที่ระบุช่วงเวลา (period) {what} {want}", "no document states a period covering {want}",
)
PERIOD_SHORT = R(
    "OIT-R007", ERROR,
    "ช่วงเวลาของเอกสารไม่ครอบคลุม{what} {want}: {seen}", "no document period covers {want}: {seen}",
)
MONTHS_MISSING = R("OIT-R008", ERROR, "ขาดสรุปผลรายเดือน: {months}", "monthly summaries missing for: {months}")
NO_EXECUTIVES = R("OIT-R009", ERROR, "ยังไม่มีข้อมูลผู้บริหาร", "no executives")
NO_SIGNER = R(
    "OIT-R010", ERROR,
    "ไม่มีเอกสารที่ระบุผู้ลงนาม (signed_by) — ผู้บริหารสูงสุดในปีงบประมาณ {fy}: {who}",
    "no document names its signer (signed_by); chief executive in FY{fy}: {who}",
)
WRONG_SIGNER = R(
    "OIT-R011", ERROR,
    "ลงนามโดย {names} แต่ผู้บริหารสูงสุดที่ดำรงตำแหน่งในปีงบประมาณ {fy} คือ {who}",
    "signed by {names}, but the chief executive in office in FY{fy} is {who}",
)
TOO_FEW_ENTRIES = R(
    "OIT-R012", ERROR,
    "มีรายการที่ลงวันที่ในปีงบประมาณ {fy} {count} รายการ ต้องมีอย่างน้อย {need}",
    "{count} dated entries in FY{fy}; at least {need} needed",
)
NO_MEASURES = R(
    "OIT-R013", ERROR, "ไม่มีมาตรการของปีงบประมาณ {fy} (content/{fy}/measures.yml)", "no measures declared for FY{fy}",
)
MEASURES_WITHOUT_RESULTS = R(
    "OIT-R014", ERROR,
    "มาตรการที่ยังไม่มีผลการดำเนินการหรือเหตุผล: {names}", "measures without a result or a stated reason: {ids}",
)
NO_RESULTS = R("OIT-R015", ERROR, "ยังไม่มีรายงานผล", "no results")
NOTHING_TO_REPORT = R(
    "OIT-R016", ERROR, "ไม่มี{what_th}ที่ต้องรายงานในปีงบประมาณ {fy}", "no {what}s declared for FY{fy}",
)
REPORT_INCOMPLETE = R(
    "OIT-R017", ERROR, "รายงานยังไม่ครอบคลุม{what_th}: {names}", "report does not cover {what}(s): {names}",
)
NO_MEASURES_FOR_ANALYSIS = R("OIT-R018", ERROR, "ไม่มีมาตรการของปีงบประมาณ {fy}", "no measures for FY{fy}")
NO_ANALYSIS = R(
    "OIT-R019", ERROR,
    "ไม่มีผลการวิเคราะห์ ITA ปี {year} (content/{year}/assessment.yml) ที่มาตรการอ้างถึง",
    "no analysis of ITA {year} for the measures to answer",
)
WEAKNESSES_UNANSWERED = R(
    "OIT-R020", ERROR,
    "จุดอ่อนจากการวิเคราะห์ ITA ปี {year} ที่ยังไม่มีมาตรการรองรับ: {groups}",
    "weaknesses of the ITA {year} analysis with no measure: {groups}",
)
DATED_OUTSIDE = R(
    "OIT-R021", ERROR, "ลงวันที่นอกปีงบประมาณ {fy}: {dated}", "dated outside FY{fy}: {dated}",
)
PEOPLE_LACK = R("OIT-R022", ERROR, "ผู้บริหารที่ข้อมูลยังไม่ครบ: {lacks_th}", "executives with details missing: {lacks}")
SIDES_MISSING = R("OIT-R023", ERROR, "ยังไม่แสดง{sides_th}", "missing side(s): {sides}")
PERIOD_NOT_OVER = R(
    "OIT-R901", ERROR,
    "ยังไม่ถึงกำหนด: ช่วง{what} {want} ยังไม่สิ้นสุด", "not due yet: {want} is not over",
)
MONTHS_NOT_OVER = R(
    "OIT-R902", ERROR,
    "ยังไม่ถึงกำหนด: สรุปผลของ {months} ทำได้เมื่อสิ้นเดือน", "not due yet: the summaries of {months} come once each month is over",
)
RESULT_UNDECLARED = R(
    "OIT-R024", ERROR,
    "ผลที่อ้างถึงมาตรการที่ไม่ได้ประกาศ: {measures}", "results naming undeclared measures: {measures}",
)
PART_NOT_SHOWN = R(
    "OIT-R101", ERROR,
    "หน้าเว็บยังไม่แสดงส่วน \"{part}\" ของหัวข้อนี้ (ยังไม่ได้กรอก {fields})",
    "the page does not show the part \"{part}\" of this topic ({fields} not filled)",
    "กรอก {fields} ในไฟล์นี้ ส่วนนี้จึงจะแสดงบนหน้ารายการ (fill {fields} so that the item page shows this part)",
)
