"""Kinds of documents and images a clerk publishes: which the site accepts, how each is named to
visitors, and how to tell what a file really is.

Documents are published on the LAO's own web address, next to its pages. A web page, a script or
an SVG with a script would run there with the site's authority when a visitor opens it, and a
program could harm the visitor's computer; so the site accepts an allow-list of document and
image types (ACCEPTED) and refuses the rest with the reason (REFUSED) — see the README's "ชนิดไฟล์
ที่เผยแพร่ได้". A file is also judged by its first bytes, so a program renamed `.pdf` is caught.
"""

from __future__ import annotations

import mimetypes
import re
import stat
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from generator.chars import BIDI_CONTROLS


@dataclass(frozen=True)
class Accepted:
    label: str  # shown to visitors next to the link: "(PDF, 120 KB)"
    signatures: tuple[bytes, ...] = ()  # how the file starts (none: text, anything goes)
    image: bool = False


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word/Excel/PowerPoint 97–2003
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # ZIP, and every Office Open XML and ODF file

ACCEPTED: dict[str, Accepted] = {
    ".pdf": Accepted("PDF", (b"%PDF-",)),
    ".doc": Accepted("Word", (_OLE,)),
    ".docx": Accepted("Word", _ZIP),
    ".xls": Accepted("Excel", (_OLE,)),
    ".xlsx": Accepted("Excel", _ZIP),
    ".ppt": Accepted("PowerPoint", (_OLE,)),
    ".pptx": Accepted("PowerPoint", _ZIP),
    ".odt": Accepted("ODT", _ZIP),
    ".ods": Accepted("ODS", _ZIP),
    ".odp": Accepted("ODP", _ZIP),
    ".rtf": Accepted("RTF", (b"{\\rtf",)),
    ".csv": Accepted("CSV"),
    ".txt": Accepted("ข้อความ"),
    ".zip": Accepted("ZIP", _ZIP),
    ".png": Accepted("ภาพ PNG", (b"\x89PNG\r\n\x1a\n",), image=True),
    ".jpg": Accepted("ภาพ JPEG", (b"\xff\xd8\xff",), image=True),
    ".jpeg": Accepted("ภาพ JPEG", (b"\xff\xd8\xff",), image=True),
    ".gif": Accepted("ภาพ GIF", (b"GIF87a", b"GIF89a"), image=True),
    ".webp": Accepted("ภาพ WebP", (b"RIFF",), image=True),
    ".svg": Accepted("ภาพ SVG", image=True),  # only without scripts or outside references: svg_hazard
    ".mp4": Accepted("วิดีโอ MP4"),  # "ftyp" at byte 4: checked in looks_like
}
IMAGE_SUFFIXES = {s for s, a in ACCEPTED.items() if a.image}
# Kept for the templates: the label of every accepted type.
FILE_KINDS = {s: a.label for s, a in ACCEPTED.items()}

# Why a type is refused ("page", "program", "macros") or, for types a clerk is likely to have
# that visitors cannot open everywhere, which accepted type to save it as.
PAGE, PROGRAM, MACROS, CONVERT = "page", "program", "macros", "convert"
_PAGES = ".html .htm .xhtml .shtml .mht .mhtml .xml .xsl .xslt .svgz .js .mjs .css .swf .hta .jnlp .url .webloc"
_PROGRAMS = (".exe .msi .msix .appx .bat .cmd .com .scr .pif .cpl .dll .sys .jar .apk .ipa .app .dmg .pkg "
             ".deb .rpm .bin .run .sh .bash .ps1 .psm1 .vb .vbs .vbe .wsf .wsh .lnk .reg .inf .gadget .msc "
             ".py .pl .rb .php .phtml .asp .aspx .jsp .cgi .iso")
_MACROS = {".docm": ".docx", ".dotm": ".docx", ".xlsm": ".xlsx", ".xltm": ".xlsx", ".xlsb": ".xlsx",
           ".xlam": ".xlsx", ".pptm": ".pptx", ".potm": ".pptx", ".ppsm": ".pptx", ".sldm": ".pptx"}
CONVERT_TO = {
    ".heic": "JPEG", ".heif": "JPEG", ".bmp": "PNG", ".tif": "PNG หรือ PDF", ".tiff": "PNG หรือ PDF",
    ".rar": "ZIP", ".7z": "ZIP", ".tar": "ZIP", ".gz": "ZIP", ".tgz": "ZIP", ".bz2": "ZIP", ".xz": "ZIP",
    ".pages": "PDF", ".numbers": "PDF", ".key": "PDF", ".wps": "PDF หรือ .docx", ".et": "PDF หรือ .xlsx",
    ".dps": "PDF หรือ .pptx", ".psd": "PNG", ".ai": "PDF หรือ PNG", ".eps": "PDF หรือ PNG", ".dwg": "PDF",
    ".mov": "MP4", ".avi": "MP4", ".wmv": "MP4", ".mkv": "MP4", ".3gp": "MP4",
}
REFUSED: dict[str, str] = {
    **dict.fromkeys(_PAGES.split(), PAGE),
    **dict.fromkeys(_PROGRAMS.split(), PROGRAM),
    **dict.fromkeys(_MACROS, MACROS),
    **dict.fromkeys(CONVERT_TO, CONVERT),
}


def macro_free(suffix: str) -> str:
    """The macro-free Office type to save a macro-enabled file as (".docm" → ".docx")."""
    return _MACROS[suffix]


def accepted_list() -> str:
    """The accepted types as a clerk reads them: 'PDF, Word (.doc .docx), …'."""
    by_label: dict[str, list[str]] = {}
    for suffix, a in ACCEPTED.items():
        by_label.setdefault(a.label, []).append(suffix)
    return ", ".join(f"{label} ({' '.join(s)})" for label, s in by_label.items())


def file_kind(name: str) -> str:
    """The kind of a document as visitors read it next to its link: "PDF", "ภาพ PNG"."""
    suffix = Path(name).suffix.lower()
    if suffix in FILE_KINDS:
        return FILE_KINDS[suffix]
    guess = mimetypes.guess_type(name)[0]
    return (suffix[1:].upper() if suffix else guess) or "ไฟล์"


def special_file(path: Path) -> tuple[str, str] | None:
    """What a path that is neither a file nor a folder is, in Thai and English; None for files,
    folders, and paths that do not exist (or are dangling links)."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISFIFO(mode):
        return "ท่อส่งข้อมูล (named pipe)", "a named pipe"
    if stat.S_ISSOCK(mode):
        return "ช่องสื่อสาร (socket)", "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "อุปกรณ์ (device)", "a device"
    return None


# --------------------------------------------------------------------------- names


@dataclass(frozen=True)
class Disguise:
    looks: str  # how the name reads on screen
    real: str  # the type it really has (".exe")


def disguise(name: str) -> Disguise | None:
    """A program or page named to pass for a document: "ประกาศ.pdf.exe", or a name whose
    right-to-left override makes "fdp.exe" display as "exe.pdf"."""
    real = Path(name).suffix.lower()
    if any(ch in name for ch in BIDI_CONTROLS):
        return Disguise(_as_displayed(name), real or name)
    if REFUSED.get(real) in (PROGRAM, PAGE):
        inner = Path(Path(name).stem.rstrip(" .")).suffix.lower()
        if inner in ACCEPTED:
            return Disguise(Path(name).stem.rstrip(" ."), real)
    return None


def _as_displayed(name: str) -> str:
    """Roughly how a browser or file manager shows a name with direction controls: the text after
    a right-to-left override reversed up to its end (or a pop), other controls dropped."""
    out: list[str] = []
    reversed_run: list[str] | None = None
    for ch in name:
        if ch == "\u202e":
            reversed_run = []
        elif ch in "\u202c\u2069" and reversed_run is not None:
            out.extend(reversed(reversed_run))
            reversed_run = None
        elif ch in BIDI_CONTROLS:
            continue
        elif reversed_run is not None:
            reversed_run.append(ch)
        else:
            out.append(ch)
    if reversed_run is not None:
        out.extend(reversed(reversed_run))
    return "".join(out)


# --------------------------------------------------------------------------- content

HEAD_BYTES = 4096  # enough to recognise any accepted type, and to see a page or program


def active_content(head: bytes) -> tuple[str, str] | None:
    """Whether a file's first bytes are a program or a web page, whatever its name says: (Thai,
    English) of what it is, or None."""
    if head.startswith(b"MZ") and _is_pe(head):
        return "โปรแกรมของ Windows", "a Windows program"
    if head.startswith((b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xfe\xed\xfa\xcf")):
        return "โปรแกรม", "a program"
    if head.startswith(b"#!"):
        return "สคริปต์", "a script"
    text = _as_text(head).lstrip().lower()
    if text.startswith(("<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<?xml")) and (
            not text.startswith("<?xml") or re.search(r"<(html|svg|script)\b", text)):
        return "หน้าเว็บหรือภาพ SVG ที่อาจมีสคริปต์", "a web page or an SVG that may hold a script"
    return None


def _is_pe(head: bytes) -> bool:
    """A DOS/Windows executable: "MZ", and at the offset stored at byte 60, "PE\\0\\0" (or a DOS
    stub's message). Plain text that happens to start with "MZ" is not one."""
    if len(head) >= 64:
        offset = int.from_bytes(head[60:64], "little")
        if head[offset:offset + 4] == b"PE\x00\x00":
            return True
    return b"This program cannot be run in DOS mode" in head


def _as_text(head: bytes) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "ignore")
    return head.decode("utf-8", "ignore")


def looks_like(suffix: str, head: bytes) -> bool:
    """Whether a file's first bytes are those of the accepted type its name gives."""
    accepted = ACCEPTED[suffix]
    if suffix == ".pdf":
        return b"%PDF-" in head[:1024]  # some writers put a few bytes before the header
    if suffix == ".webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    if suffix == ".mp4":
        return head[4:8] == b"ftyp"
    return not accepted.signatures or head.startswith(accepted.signatures)


# --------------------------------------------------------------------------- SVG

_SVG_ACTIVE = {"script": ("สคริปต์ (<script>)", "a <script>"),
               "foreignobject": ("เนื้อหา HTML ฝัง (<foreignObject>)", "embedded HTML (<foreignObject>)"),
               "iframe": ("กรอบหน้าเว็บ (<iframe>)", "an <iframe>"),
               "object": ("วัตถุฝัง (<object>)", "an <object>"),
               "embed": ("วัตถุฝัง (<embed>)", "an <embed>"),
               "handler": ("ตัวจัดการเหตุการณ์ (<handler>)", "an event <handler>"),
               "listener": ("ตัวจัดการเหตุการณ์ (<listener>)", "an event <listener>")}
_INLINE_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.I)


def svg_hazard(data: bytes) -> tuple[str, str] | None:
    """What in an SVG image could run or fetch something when a visitor opens the file itself
    (in an <img> nothing runs, but the file is on the site's address for anyone to open): a
    script, an event attribute (onload=…), embedded HTML, a link or resource outside the file,
    an entity declaration. (Thai, English), or None for a safe image."""
    low = data.lower()
    if b"<!entity" in low:
        return "การประกาศ entity (<!ENTITY>)", "an entity declaration (<!ENTITY>)"
    if b"<?xml-stylesheet" in low:
        return "การโหลดสไตล์จากภายนอก (xml-stylesheet)", "an external stylesheet (xml-stylesheet)"
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return "รูปแบบ XML ที่เสีย จึงตรวจไม่ได้", "broken XML, so it cannot be checked"
    if _local(root.tag) != "svg":
        return "เนื้อหาที่ไม่ใช่ภาพ SVG", "content that is not an SVG image"
    for el in root.iter():
        name = _local(el.tag)
        if name in _SVG_ACTIVE:
            return _SVG_ACTIVE[name]
        for attr, value in el.attrib.items():
            attr = _local(attr)
            if attr.startswith("on"):
                return f"คำสั่งที่ทำงานเมื่อเกิดเหตุการณ์ ({attr}=)", f"an event attribute ({attr}=)"
            if attr in ("href", "src") and not (value.strip().startswith("#") or _INLINE_IMAGE.match(value.strip())):
                return f"การอ้างถึงสิ่งภายนอกไฟล์ ({attr}=\"{value[:60]}\")", f"a reference outside the file ({attr}=\"{value[:60]}\")"
            if name in ("set", "animate") and attr == "attributename" and value.split(":")[-1].lower() == "href":
                return "ภาพเคลื่อนไหวที่เปลี่ยนลิงก์", "an animation that changes a link"
            if attr == "style" and _outside_css(value):
                return "สไตล์ที่โหลดจากภายนอก", "a style that loads from outside"
        if name == "style" and _outside_css(el.text or ""):
            return "สไตล์ที่โหลดจากภายนอก", "a style that loads from outside"
    return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _outside_css(css: str) -> bool:
    if re.search(r"@import|expression\s*\(|javascript:", css, re.I):
        return True
    return any(not (u.startswith("#") or _INLINE_IMAGE.match(u)) for u in _CSS_URL.findall(css))
