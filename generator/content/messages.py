"""Every message of the content layer: reading files, the values in them, folders, catalogues.

Codes are stable: a message keeps its code when its wording changes, and a removed message's code
is not given to another. Placeholders in `{braces}` are filled when the message is reported.
"""

from __future__ import annotations

from generator.problems import ERROR, WARNING, Messages

_SAVE_AS_UTF8 = "ในโปรแกรมแก้ไขข้อความ เลือก บันทึกเป็น → การเข้ารหัส UTF-8 (in the editor: Save As → encoding UTF-8)"
_INDENT_HINT = "จัดย่อหน้าของคีย์ในระดับเดียวกันให้ตรงกัน (align keys of the same level)"

# --------------------------------------------------------------------------- Y: reading a file

Y = Messages("การอ่านไฟล์ YAML (reading a YAML file)")

CONTROL_CHARACTER = Y(
    "OIT-Y001", ERROR,
    "มีอักขระควบคุมที่มองไม่เห็น ({char}) ซึ่งใช้ในไฟล์ YAML ไม่ได้",
    "invisible control character {char} is not allowed in YAML",
    "ลบอักขระนี้ออก มักติดมาจากการคัดลอกข้อความจาก Word หรือ PDF "
    "(delete it; it usually comes from text copied out of Word or a PDF)",
)
BROKEN_ENCODING = Y(
    "OIT-Y002", ERROR,
    "ไฟล์เข้ารหัส {encoding} แต่ข้อมูลเสียหาย", "broken {encoding} file", _SAVE_AS_UTF8,
)
NUL_BYTES = Y(
    "OIT-Y003", ERROR,
    "ไฟล์มีอักขระ NUL ซึ่งไม่ใช่ข้อความ (ไฟล์อาจเสียหาย หรือไม่ใช่ไฟล์ YAML)",
    "file contains NUL bytes: damaged, or not a text file",
    "เปิดไฟล์ด้วยโปรแกรมแก้ไขข้อความแล้วบันทึกใหม่เป็น UTF-8 (re-save as UTF-8 text)",
)
MIXED_ENCODINGS = Y(
    "OIT-Y004", ERROR,
    "ไฟล์ปนกันสองแบบ: ก่อนบรรทัด {line} เป็น UTF-8 แต่ตั้งแต่บรรทัดนี้เป็น Windows-874 (ภาษาไทยแบบเก่า)",
    "mixed encodings: UTF-8 before line {line}, Windows-874 from this line",
    "คัดลอกข้อความตั้งแต่บรรทัดนี้มาวางใหม่ในโปรแกรมที่บันทึกเป็น UTF-8 "
    "(paste the text from this line again in an editor that saves UTF-8)",
)
NOT_UTF8 = Y(
    "OIT-Y005", ERROR,
    "ไฟล์ไม่ได้เข้ารหัสเป็น UTF-8 และอ่านเป็นภาษาไทยแบบเก่า (Windows-874) ไม่ได้",
    "file is not valid UTF-8 and is not Thai Windows-874 either",
    "บันทึกไฟล์ใหม่เป็น UTF-8 (save the file as UTF-8)",
)
LEGACY_ENCODING = Y(
    "OIT-Y006", WARNING,
    "ไฟล์เข้ารหัสแบบ {encoding_th} อ่านได้แต่ควรบันทึกใหม่เป็น UTF-8",
    "file is in {encoding}; decoded it, but it should be saved as UTF-8",
    _SAVE_AS_UTF8,
)
ALIAS_BOMB = Y(
    "OIT-Y007", ERROR,
    "ไฟล์ขยายตัวเกินขนาดที่รับได้ (เกิน {limit:,} ค่า) เพราะใช้ anchor (&) และ alias (*) ซ้อนกัน",
    "the file expands beyond {limit:,} values through nested anchors (&) and aliases (*)",
    "เขียนข้อมูลตรง ๆ แทนการใช้ & และ * ซ้อนกัน (write the data out instead of nesting aliases)",
)
TOO_DEEP = Y(
    "OIT-Y008", ERROR,
    "ข้อมูลซ้อนกันลึกเกินไป (เกิน {limit} ชั้น)",
    "data nested too deeply (more than {limit} levels)",
    "ตรวจวงเล็บ [ {{ และการย่อหน้า (check the brackets and indentation)",
)
SYMLINK_OUTSIDE = Y(
    "OIT-Y009", ERROR,
    "ไฟล์นี้เป็นลิงก์ (symlink) ที่ชี้ออกไปนอกโฟลเดอร์โครงการ จึงไม่อ่าน",
    "this file is a symbolic link pointing outside the project; it is not read",
    "คัดลอกไฟล์จริงมาไว้แทนลิงก์ (put the real file here instead of a link)",
)
UNREADABLE = Y("OIT-Y010", ERROR, "อ่านไฟล์ไม่ได้ ({reason})", "cannot read file: {reason}")
TOO_LARGE = Y(
    "OIT-Y011", ERROR,
    "ไฟล์ใหญ่เกินไป ({mb:.1f} MB; รับได้ไม่เกิน {limit_mb} MB)",
    "file too large ({size} bytes; limit {limit})",
    "ไฟล์ YAML เก็บเฉพาะข้อความ ให้แยกเอกสาร PDF ไว้ในโฟลเดอร์ files/ แล้วอ้างชื่อไฟล์ "
    "(keep documents as files and refer to them by name)",
)
TOO_MANY_VALUES = Y(
    "OIT-Y201", ERROR,
    "ไฟล์มีค่ามากเกินไป (เกิน {limit:,} ค่า)", "the file holds more than {limit:,} values",
    "ไฟล์ข้อมูลเก็บเฉพาะรายการที่แสดงบนเว็บไซต์ ข้อความยาวหรือตารางใหญ่ให้เก็บเป็นเอกสาร PDF ใน files/ "
    "(keep long texts and big tables as documents in files/ and refer to them)",
)
ALIAS_TOO_DEEP = Y(
    "OIT-Y202", ERROR,
    "alias (*) อ้างถึงกันซ้อนลึกเกินไป (เกิน {limit} ชั้นเมื่อขยายแล้ว)",
    "aliases (*) nest too deeply (more than {limit} levels once expanded)",
    "เขียนข้อมูลตรง ๆ แทนการใช้ & และ * ซ้อนกัน (write the data out instead of nesting aliases)",
)
RECURSIVE_ALIAS = Y("OIT-Y012", ERROR, "การอ้างอิง (alias) วนกลับมาที่ตัวเอง", "recursive alias")
UNSUPPORTED_TAG = Y(
    "OIT-Y013", ERROR,
    "ไม่รองรับแท็ก YAML {tag}", "unsupported YAML tag {tag}",
    "ลบแท็กที่ขึ้นต้นด้วย ! ออก (remove the tag starting with '!')",
)
KEY_NOT_PLAIN = Y("OIT-Y014", ERROR, "ชื่อคีย์ต้องเป็นข้อความธรรมดา", "mapping keys must be plain scalars")
DUPLICATE_KEY = Y(
    "OIT-Y015", ERROR,
    "คีย์ '{key}' ซ้ำกับบรรทัด {first}", "duplicate key '{key}' (first at line {first})",
    "ลบหรือรวมคีย์ที่ซ้ำให้เหลือคีย์เดียว (remove or merge the duplicate key)",
)
MERGE_NOT_MAPPING = Y("OIT-Y016", ERROR, "ค่าของ << ต้องเป็น mapping", "merge key '<<' needs a mapping")
TAB = Y(
    "OIT-Y017", ERROR,
    "ใช้แท็บ (Tab) ในไฟล์ YAML ไม่ได้", "tab characters are not allowed in YAML",
    "ย่อหน้าด้วยการเว้นวรรค (space) 2 ช่องแทนแท็บ (indent with spaces, not tabs)",
)
UNCLOSED_QUOTE = Y(
    "OIT-Y018", ERROR,
    "เครื่องหมายคำพูดที่เปิดตรงนี้ไม่ได้ปิด", "the quote opened here is never closed",
    "ใส่เครื่องหมายคำพูด \" หรือ ' ปิดท้ายข้อความ (close the quote)",
)
UNCLOSED_BRACKET = Y(
    "OIT-Y019", ERROR,
    "วงเล็บ [ ที่เปิดตรงนี้ไม่ได้ปิด หรือรายการในวงเล็บไม่ได้คั่นด้วย ,",
    "the '[' opened here is not closed, or its items are not separated by ','",
    "ปิดด้วย ] หรือเขียนแต่ละรายการในบรรทัดใหม่ ขึ้นต้นด้วย '- ' "
    "(close it with ']', or write one '- ' item per line)",
)
UNCLOSED_BRACE = Y(
    "OIT-Y020", ERROR,
    "วงเล็บ {{ ที่เปิดตรงนี้ไม่ได้ปิด", "the '{{' opened here is not closed",
    "ปิดด้วย }} หรือเขียนแต่ละคีย์ในบรรทัดใหม่ (close it with '}}', or write one key per line)",
)
UNQUOTED_SPECIAL = Y(
    "OIT-Y021", ERROR,
    "ค่าที่ขึ้นต้นด้วย @ หรือ ` ต้องครอบด้วยเครื่องหมายคำพูด", "a value starting with @ or ` must be quoted",
    "เช่น contact: \"@line_id\" (e.g. contact: \"@line_id\")",
)
COLON_MISPLACED = Y(
    "OIT-Y022", ERROR,
    "มีเครื่องหมาย ':' อยู่ในตำแหน่งที่ไม่ถูกต้อง หรือย่อหน้าไม่ตรงกัน",
    "a ':' where a value was expected, or wrong indentation",
    "ข้อความที่มี ': ' ให้ครอบด้วยเครื่องหมายคำพูด และตรวจการย่อหน้า "
    "(quote text containing ': ' and check indentation)",
)
BAD_INDENT = Y("OIT-Y023", ERROR, "การย่อหน้าไม่ตรงกัน", "inconsistent indentation", _INDENT_HINT)
TEXT_AFTER_QUOTE = Y(
    "OIT-Y024", ERROR,
    "มีข้อความต่อท้ายหลังเครื่องหมายคำพูดปิด", "text continues after the closing quote",
    "ครอบข้อความทั้งหมดด้วยเครื่องหมายคำพูดคู่เดียว (put the whole text inside one pair of quotes)",
)
LIST_NOT_ALIGNED = Y(
    "OIT-Y025", ERROR,
    "รายการ (ขึ้นต้นด้วย -) ย่อหน้าไม่ตรงกัน", "list items are not aligned",
    "ให้ทุกรายการที่ขึ้นต้นด้วย '-' อยู่ในแนวเดียวกัน (align the '-' of every list item)",
)
UNDEFINED_ALIAS = Y(
    "OIT-Y026", ERROR,
    "อ้างถึง alias (*ชื่อ) ที่ไม่ได้ประกาศ", "undefined alias",
    "ประกาศ &ชื่อ ก่อนใช้ *ชื่อ (define the anchor before using it)",
)
SECOND_DOCUMENT = Y(
    "OIT-Y027", ERROR,
    "บรรทัด --- แบ่งไฟล์เป็นหลายเอกสาร แต่ไฟล์ข้อมูลต้องมีเอกสารเดียว",
    "a '---' line starts a second document; a content file holds one",
    "ลบบรรทัด --- ออก หรือถ้าเป็นส่วนหนึ่งของข้อความ ให้ย่อหน้าเข้าไปใต้คีย์ "
    "(remove the '---' line, or indent it inside the text it belongs to)",
)
INVALID_YAML = Y(
    "OIT-Y028", ERROR,
    "รูปแบบ YAML ไม่ถูกต้อง", "invalid YAML: {detail}",
    "ตรวจการย่อหน้าและเครื่องหมาย : - \" ในบรรทัดนี้และบรรทัดก่อนหน้า (check indentation and punctuation here and above)",
)

# --------------------------------------------------------------------------- M: values

M = Messages("ค่าที่กรอก (values)")

NUMBER_NOT_BOOLEAN = M("OIT-M001", ERROR, "ต้องเป็นตัวเลข ไม่ใช่ true/false", "must be a number, not a boolean")
DECIMAL_COMMA = M(
    "OIT-M002", ERROR,
    "'{value}' ใช้จุลภาค (,) เป็นจุดทศนิยม", "'{value}' uses a comma as the decimal point",
    "ใช้จุด เช่น {fixed} (write {fixed})",
)
COMMA_MISPLACED = M(
    "OIT-M003", ERROR,
    "จุลภาค (,) ใน '{value}' อยู่ผิดตำแหน่ง", "the comma in '{value}' is misplaced",
    "จุลภาคใช้คั่นทุกสามหลัก เช่น 1,250,000 หรือเขียนไม่มีจุลภาค (group thousands like 1,250,000, or omit commas)",
)
NOT_A_NUMBER = M("OIT-M004", ERROR, "'{value}' ไม่ใช่ตัวเลข", "'{value}' is not a number")
SCORE_RANGE = M(
    "OIT-M005", ERROR,
    "คะแนน {value} อยู่นอกช่วง 0–100", "score {value} is outside 0–100",
    "ตรวจตำแหน่งทศนิยม เช่น 86.75 (check the decimal point)",
)
CE_YEAR = M(
    "OIT-M006", ERROR,
    "ปี {value} เป็นปี ค.ศ. ต้องใช้ปี พ.ศ.", "{value} is a CE year; a BE year is required",
    "หมายถึง {be} หรือไม่? (did you mean {be}?)",
)
BAD_BE_YEAR = M("OIT-M007", ERROR, "ปี พ.ศ. {value} ไม่ถูกต้อง", "implausible BE year {value}", "ใช้ปี พ.ศ. 4 หลัก เช่น 2568")
BAD_URL = M(
    "OIT-M008", ERROR,
    "ลิงก์ '{value}' ไม่ถูกต้อง ต้องขึ้นต้นด้วย https:// หรือ http:// (mailto:, tel: ก็ได้)",
    "'{value}' is not a web link; it must start with https:// or http:// (or mailto:, tel:)",
    "คัดลอกที่อยู่เต็มจากแถบที่อยู่ของเบราว์เซอร์ (copy the full address from the browser)",
)
EMPTY_FILE_NAME = M("OIT-M009", ERROR, "ชื่อไฟล์ว่าง", "empty file name")
EMPTY_NAME = M(
    "OIT-M010", ERROR,
    "ช่องนี้ว่าง ต้องมีชื่อ", "this name is empty",
    "กรอกชื่อ หรือลบทั้งบรรทัดถ้าเป็นช่องที่ไม่บังคับ (fill it in, or remove the line if it is optional)",
)
MARKUP_IN_NAME = M(
    "OIT-M011", ERROR,
    "ข้อความนี้ใช้อักขระ {chars} ไม่ได้ เพราะแสดงในส่วนหัว ส่วนท้าย และชื่อหน้าของทุกหน้า",
    "this text cannot contain {chars}: it is shown in the header, footer and title of every page",
    "ลบอักขระนี้ออก ถ้าต้องการเครื่องหมายคำพูด ใช้ “ ” แทน \" (remove it; use “ ” for quotation marks)",
)
BAD_MONTH = M(
    "OIT-M012", ERROR,
    "อ่านเดือน '{value}' ไม่ได้", "cannot read the month '{value}'", "เขียนเป็น 'ต.ค. 2567' หรือ '2024-10'",
)
BAD_PERIOD = M(
    "OIT-M013", ERROR,
    "อ่านช่วงเวลา '{value}' ไม่ได้", "cannot read the period '{value}'",
    "เขียนเป็น '1 ต.ค. 2567 – 31 มี.ค. 2568' หรือใช้ start: และ end:",
)
PERIOD_REVERSED = M("OIT-M014", ERROR, "วันสิ้นสุดอยู่ก่อนวันเริ่มต้น", "the period ends before it starts")
DOCUMENT_WITHOUT_SOURCE = M(
    "OIT-M015", ERROR,
    "เอกสาร '{title}' ไม่มีทั้ง file และ url", "document '{title}' has neither file nor url",
    "ใส่ file: (ไฟล์ในโฟลเดอร์ content/) หรือ url: (ลิงก์) อย่างใดอย่างหนึ่ง",
)
DOCUMENT_TWO_SOURCES = M(
    "OIT-M016", ERROR,
    "เอกสาร '{title}' มีทั้ง file และ url", "document '{title}' has both file and url",
    "เลือกอย่างใดอย่างหนึ่ง (choose one)",
)
BAD_BRANCH = M(
    "OIT-M017", ERROR,
    "ชื่อ branch '{value}' ไม่ถูกต้อง", "invalid branch name '{value}'",
    "ใช้ตัวอักษรอังกฤษ ตัวเลข . _ - / เช่น main (letters, digits, . _ - /, e.g. main)",
)
POSITION_WITHOUT_NAME = M(
    "OIT-M018", ERROR,
    "ตำแหน่ง '{position}' ไม่มีชื่อ", "position '{position}' has no name",
    "ใส่ name: หรือ ถ้าตำแหน่งว่างให้ใส่ vacant: true",
)
BAD_ITEM_CODE = M(
    "OIT-M019", ERROR,
    "รหัสข้อ '{code}' ไม่ถูกต้อง", "invalid question/item code '{code}'",
    "ใช้รูปแบบ I17, E6 หรือ O38 (use I17, E6 or O38)",
)
ANALYSIS_GROUP = M(
    "OIT-M020", ERROR,
    "แต่ละแถวของการวิเคราะห์ต้องระบุ indicator หรือ issue อย่างใดอย่างหนึ่ง",
    "each analysis row needs exactly one of indicator or issue",
)
_NACC_HINT = "ตรวจคะแนนและระดับกับประกาศผลของ ป.ป.ช. (check both against the NACC's result)"
LEVEL_BAND = M(
    "OIT-M021", ERROR,
    "ระดับ {level} ขัดกับคะแนน {score} (คะแนนนี้อยู่ในระดับ {expected})",
    "level {level} contradicts score {score} (that score is level {expected})",
    _NACC_HINT,
)
LEVEL_LABEL = M(
    "OIT-M022", ERROR,
    "ระดับ '{level}' ขัดกับคะแนน {score} (ระดับนี้ใช้กับคะแนน {low}–{high})",
    "level '{level}' contradicts score {score} (it applies to {low}–{high})",
    _NACC_HINT,
)
LEVEL_TOOL_FLOOR = M(
    "OIT-M023", ERROR,
    "ระดับ '{level}' ต้องได้ทุกแบบวัดตั้งแต่ {floor} ขึ้นไป แต่ {tools} ต่ำกว่า",
    "level '{level}' needs every tool at {floor} or more; {tools} is below",
    "ตรวจระดับกับประกาศผลของ ป.ป.ช. (check the level against the NACC's result)",
)
INDICATOR_TWICE = M(
    "OIT-M024", ERROR,
    "ตัวชี้วัดที่ {indicator} ซ้ำกับแถวที่ {first}", "indicator {indicator} is listed twice (first in row {first})",
    "รวมเป็นแถวเดียว (keep one row per indicator)",
)
BAD_ID = M(
    "OIT-M025", ERROR,
    "รหัส '{value}' ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข - และ _",
    "id '{value}' may only contain ASCII letters, digits, '-' and '_'",
    "เช่น m1, 2 หรือ risk-3 (e.g. m1, 2 or risk-3)",
)
BAD_QUESTION_CODE = M(
    "OIT-M026", ERROR, "รหัสข้อคำถาม '{code}' ไม่ถูกต้อง", "invalid question code '{code}'", "ใช้รูปแบบ i1, e6, o12",
)
MEASURE_TWO_GROUPS = M(
    "OIT-M027", ERROR,
    "มาตรการ {id} ระบุทั้ง indicator และ issue", "measure {id} has both indicator and issue",
    "จัดกลุ่มตามตัวชี้วัด (indicator) หรือประเด็น (issue) อย่างใดอย่างหนึ่ง",
)
MEASURE_ID_TWICE = M(
    "OIT-M028", ERROR,
    "รหัสมาตรการ '{id}' ซ้ำกับมาตรการลำดับที่ {first}", "measure id '{id}' is already used by measure no. {first}",
    "แต่ละมาตรการต้องมี id ไม่ซ้ำกัน (give each measure its own id)",
)
UNKNOWN_KEY = M(
    "OIT-M029", ERROR, "ไม่รู้จักคีย์ '{name}'", "unknown key '{name}'",
    "ลบคีย์นี้ หรือตรวจตัวสะกด (remove it or check the spelling)",
)
MISSING_KEY = M("OIT-M030", ERROR, "ขาดข้อมูลที่จำเป็น '{name}'", "required key '{name}' is missing", "เพิ่ม {name}: (add '{name}:')")
NOT_IN_CHOICES = M(
    "OIT-M031", ERROR,
    "{where}ค่า {shown} ไม่อยู่ในตัวเลือกที่ใช้ได้", "{where}{shown} is not one of the allowed values",
    "ใช้ได้: {expected} (allowed: {expected})",
)
NOT_NUMBER = M(
    "OIT-M032", ERROR,
    "{where}ต้องเป็นตัวเลข แต่พบ {shown}", "{where}must be a number, got {shown}",
    "เขียนเฉพาะตัวเลข เช่น 86.75 (ตัวเลขไทยก็ได้)",
)
NOT_TEXT = M("OIT-M033", ERROR, "{where}ต้องเป็นข้อความ แต่พบ {shown}", "{where}must be text, got {shown}")
EMPTY_LIST = M("OIT-M034", ERROR, "{where}ต้องมีอย่างน้อยหนึ่งรายการ", "{where}needs at least one entry")
NOT_LIST = M(
    "OIT-M035", ERROR,
    "{where}ต้องเป็นรายการ แต่พบ {shown}", "{where}must be a list, got {shown}",
    "เขียนแต่ละรายการในบรรทัดใหม่ ขึ้นต้นด้วย '- ' (one entry per line, starting with '- ')",
)
NOT_MAPPING = M(
    "OIT-M036", ERROR,
    "{where}ต้องเป็นกลุ่มข้อมูลแบบ คีย์: ค่า แต่พบ {shown}", "{where}must be a mapping of key: value, got {shown}",
    "ย่อหน้าคีย์ย่อยใต้หัวข้อนี้ (indent the sub-keys under this key)",
)
NOT_BOOLEAN = M("OIT-M037", ERROR, "{where}ต้องเป็น true หรือ false แต่พบ {shown}", "{where}must be true or false, got {shown}")
TOO_SMALL = M("OIT-M038", ERROR, "{where}ค่า {shown} ต้องไม่น้อยกว่า {limit}", "{where}{shown} must be at least {limit}")
TOO_LARGE_VALUE = M("OIT-M039", ERROR, "{where}ค่า {shown} ต้องไม่เกิน {limit}", "{where}{shown} must be at most {limit}")
BAD_PATTERN = M(
    "OIT-M040", ERROR,
    "{where}รูปแบบของ {shown} ไม่ถูกต้อง", "{where}{shown} does not match the expected pattern {pattern}",
)
BAD_DATE_VALUE = M(
    "OIT-M041", ERROR,
    "{where}อ่านวันที่ {shown} ไม่ได้", "{where}cannot read the date {shown}", "เขียนเป็น 2568-10-01 หรือ 1 ต.ค. 2568",
)
BAD_VALUE = M("OIT-M042", ERROR, "{where}ค่า {shown} ไม่ถูกต้อง", "{where}{detail}")
BIDI_IN_TEXT = M(
    "OIT-M201", ERROR,
    "ข้อความมีอักขระควบคุมทิศทางที่มองไม่เห็น ({chars}) ซึ่งทำให้ข้อความแสดงสลับที่หรือกลับด้าน: {value}",
    "the text holds invisible direction-control characters ({chars}) that reorder how it reads: {value}",
    "ลบอักขระนี้ออกโดยพิมพ์ข้อความส่วนนั้นใหม่ มักติดมาจากการคัดลอกจากเว็บไซต์หรือ PDF "
    "(retype that part of the text; such characters come with text copied from web pages or PDFs)",
)
INVISIBLE_INSIDE = M(
    "OIT-M202", ERROR,
    "'{value}' มีอักขระที่มองไม่เห็นอยู่ข้างใน ({chars}) จึงไม่ใช่ค่าเดียวกับที่เห็นบนจอ",
    "'{value}' has an invisible character inside ({chars}), so it is not the value it looks like",
    "พิมพ์ค่านี้ใหม่แทนการคัดลอกมาวาง (type the value again instead of pasting it)",
)
BAD_MEASURE_REF = M(
    "OIT-M203", ERROR,
    "อ้างถึงมาตรการ '{value}' ไม่ได้", "'{value}' is not a measure reference",
    "เขียนรหัสมาตรการ เช่น m1 หรือ ปี:รหัส เช่น 2568:m1 สำหรับมาตรการของปีงบประมาณอื่น "
    "(write the measure's id, e.g. m1, or year:id, e.g. 2568:m1, for a measure of another year)",
)

BAD_NATIONAL_ID = M(
    "OIT-M101", ERROR,
    "ค่านี้ไม่ใช่เลขประจำตัวประชาชนที่ถูกต้อง (ต้องมี 13 หลักและหลักสุดท้ายตรงกับเลขตรวจสอบ)",
    "this is not a valid Thai national ID (13 digits whose last is the check digit)",
    "คัดลอกเลขจากข้อความที่ระบบแจ้งว่ามีเลขประจำตัวประชาชน ให้ตรงทุกหลัก (copy the exact number the warning points at)",
)

# --------------------------------------------------------------------------- L: files and folders

L = Messages("ไฟล์และโฟลเดอร์ใน content/ (files and folders)")

EMPTY_FILE = L(
    "OIT-L001", ERROR,
    "ไฟล์ว่าง ไม่มีข้อมูล{what}", "the file is empty", "เพิ่มข้อมูล หรือลบไฟล์นี้ออก (add content or delete the file)",
)
NOT_A_MAPPING = L(
    "OIT-L002", ERROR,
    "เนื้อหาของไฟล์ต้องเป็นกลุ่มข้อมูลแบบ คีย์: ค่า", "the file must contain a mapping (key: value)",
    "ตัวอย่าง: บรรทัดแรกเป็น  name: ชื่อหน่วยงาน (e.g. a first line 'name: …')",
)
TWO_SPELLINGS = L(
    "OIT-L003", ERROR, "มีทั้ง {first} และ {second}", "both {first} and {second} exist",
    "รวมเป็นไฟล์เดียว (keep one of them)",
)
NO_CONTENT_FOLDER = L(
    "OIT-L004", ERROR, "ไม่พบโฟลเดอร์ content/", "content/ folder not found",
    "รันคำสั่งในโฟลเดอร์โครงการ หรือสร้างด้วย oit new (run inside the project, or create it with 'oit new')",
)
NO_ORGANISATION = L(
    "OIT-L005", ERROR, "ไม่พบไฟล์ข้อมูลหน่วยงาน organisation.yml", "organisation.yml not found",
    "สร้างไฟล์ content/organisation.yml (ดูตัวอย่างใน README) (create it; see README)",
)
UNKNOWN_FILE = L(
    "OIT-L006", WARNING, "ไม่รู้จักไฟล์ {name} — ระบบจะไม่ใช้ไฟล์นี้", "unknown file {name}; it is ignored",
    "ไฟล์ของแต่ละปีให้ใส่ในโฟลเดอร์ปี เช่น content/2568/ (year files go in a year folder)",
)
CE_YEAR_FOLDER = L(
    "OIT-L007", ERROR,
    "ชื่อโฟลเดอร์ {name} เป็นปี ค.ศ. ต้องเป็นปีงบประมาณ พ.ศ.",
    "folder {name} is named with a CE year; use the BE fiscal year",
    "เปลี่ยนชื่อเป็น {be} (rename it to {be})",
)
_LEFTOVER_HINT = (
    "ย้ายข้อความไปไว้ในช่องที่ถูกต้องของไฟล์ในโฟลเดอร์เดียวกัน แล้วลบรายการนี้ — ลบไฟล์ {name} "
    "เมื่อไม่เหลือรายการ (move the text to its field, delete the entry, and the file once it is empty)"
)
LEFTOVERS_UNREADABLE = L(
    "OIT-L008", WARNING,
    "{name}: ไม่พบรายการ leftovers: ที่อ่านได้ — ตรวจไฟล์นี้แล้วลบเมื่อจัดวางครบ",
    "{name}: no readable leftovers: list; check the file and delete it when done",
    _LEFTOVER_HINT,
)
LEFTOVER = L(
    "OIT-L009", WARNING,
    "ข้อความจากการนำเข้าที่ยังไม่ได้จัดวาง ({where}): “{text}” — ไม่แสดงบนเว็บไซต์จนกว่าจะย้ายไปไว้ในช่องที่ถูกต้อง",
    "imported text not placed yet ({where}): it is not published until it is moved to its field",
    _LEFTOVER_HINT,
)

NOT_A_REGULAR_FILE = L(
    "OIT-L201", ERROR,
    "{name} ไม่ใช่ไฟล์ธรรมดา แต่เป็น{what_th} จึงอ่านไม่ได้", "{name} is not a regular file but {what}; it is not read",
    "ลบออกแล้วบันทึกไฟล์ข้อมูลใหม่ในโฟลเดอร์นี้ (delete it and save the content file again)",
)
SAME_YEAR_FOLDERS = L(
    "OIT-L202", ERROR,
    "โฟลเดอร์ {first} และ {second} เป็นปีงบประมาณเดียวกัน ({year}) ระบบจะไม่เลือกโฟลเดอร์ใดเอง",
    "folders {first} and {second} are the same fiscal year ({year}); neither is chosen silently",
    "ย้ายไฟล์ไปไว้ในโฟลเดอร์ {year} (ตัวเลขอารบิก) แล้วลบอีกโฟลเดอร์ "
    "(move the files into the folder {year} and delete the other one)",
)
YEARLIKE_FOLDER = L(
    "OIT-L203", WARNING,
    "โฟลเดอร์ '{name}' คล้ายโฟลเดอร์ปีงบประมาณ {year} แต่มีอักขระอื่นปน ระบบจึงไม่อ่านเป็นข้อมูลปี",
    "folder '{name}' looks like the fiscal year {year} but holds other characters, so it is not read as a year",
    "เปลี่ยนชื่อโฟลเดอร์เป็น {year} (rename the folder to {year})",
)
SAME_ITEM_TWICE = L(
    "OIT-L204", ERROR,
    "มีหมายเหตุของ {code} สองรายการ: '{first}' (บรรทัด {line}) และ '{second}'",
    "two entries for {code}: '{first}' (line {line}) and '{second}'",
    "รวมเป็นรายการเดียว (merge them into one entry)",
)

# --------------------------------------------------------------------------- C: catalogues

C = Messages("รายการ OIT (catalogues)")

HAS_FIELD_NEEDS_FIELD = C("OIT-C001", ERROR, "การตรวจ has_field ต้องระบุ field", "check has_field needs 'field'")
COVERS_PERIOD_NEEDS_SPAN = C("OIT-C002", ERROR, "การตรวจ covers_period ต้องระบุ span", "check covers_period needs 'span'")
DUPLICATE_ITEM = C("OIT-C003", ERROR, "รหัส {code} ซ้ำ", "duplicate item code {code}")
UNKNOWN_TOPIC = C("OIT-C004", ERROR, "ไม่รู้จักหัวข้อ (topic) '{topic}'", "unknown topic '{topic}'")
UNKNOWN_SOURCE = C("OIT-C005", WARNING, "ไม่พบแหล่งที่มา {source} ใน sources", "source id {source} is not defined under sources")
DUPLICATE_ELEMENT = C("OIT-C006", ERROR, "รหัสองค์ประกอบ '{id}' ซ้ำใน {code}", "duplicate element id '{id}' in {code}")
ELEMENT_TOPIC_NOT_LISTED = C(
    "OIT-C007", ERROR,
    "องค์ประกอบ '{id}' อ้างหัวข้อ '{topic}' ที่ไม่อยู่ใน topics ของ {code}",
    "element '{id}' names topic '{topic}', which is not among {code}'s topics",
)
UNKNOWN_PART = C("OIT-C008", ERROR, "หัวข้อ '{topic}' ไม่มีส่วน '{part}'", "topic '{topic}' has no part '{part}'")
CODE_GAPS = C("OIT-C009", WARNING, "รหัสรายการขาดช่วง: {codes}", "item codes have gaps: {codes}")
CATALOGUE_NOT_MAPPING = C("OIT-C010", ERROR, "ไฟล์รายการ OIT ต้องเป็น mapping", "a catalogue file must be a mapping")
SAME_YEAR_CATALOGUES = C(
    "OIT-C201", ERROR,
    "มีรายการ OIT ของปี {year} สองไฟล์: {first} และ {second} ระบบจะไม่เลือกไฟล์ใดเอง",
    "two catalogues declare ITA {year}: {first} and {second}; neither is chosen silently",
    "เก็บไว้ไฟล์เดียว: ลบอีกไฟล์ หรือแก้ year: ให้ถูก (keep one: delete the other, or correct its year:)",
)
CATALOGUE_NAME_YEAR = C(
    "OIT-C011", ERROR, "ชื่อไฟล์ {name} ไม่ตรงกับ year: {year}", "file name {name} does not match year: {year}",
)
CHECK_NEEDS_ENTRIES = C(
    "OIT-C101", ERROR,
    "การตรวจ entries_in_fy ใช้กับหัวข้อ {topic} ไม่ได้ เพราะหัวข้อนี้ไม่มีรายการที่ลงวันที่ (entries) จึงไม่มีวันผ่าน",
    "entries_in_fy cannot judge the topic {topic}: it holds no dated entries, so the check could never pass",
    "ใช้ has_documents และ dated_in_fy แทน (use has_documents and dated_in_fy instead)",
)
CHECK_UNKNOWN_FIELD = C(
    "OIT-C102", ERROR,
    "การตรวจ has_field อ้างถึง '{field}' ซึ่งหัวข้อ {topic} ไม่มี จึงไม่มีวันผ่าน",
    "has_field names '{field}', which the topic {topic} does not have, so the check could never pass",
    "ช่องที่มี: {fields} (its fields: {fields})",
)
