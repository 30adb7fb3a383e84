"""Uploads from the back office: into content/files/ under a safe name, photos made web-sized.

A name keeps the clerk's Thai words (the site shows file names) but loses what breaks links or
paths: separators, control characters, leading dots, runs of spaces. A photo larger than the web
needs is scaled down and re-encoded, which also drops its EXIF data (camera, GPS position),
unless the clerk asks to keep the original. Files a browser would run (HTML, SVG, scripts) are
refused: they would be published on the same site as the back office. PDFs over the limit are
refused with the reason and what to do.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from generator.problems import Message
from generator.publish.admin.cmsconfig import MAX_FILE_MB, MAX_PDF_MB
from generator.tools import messages as msgs

MEDIA_DIR = "files"  # content/files/
MAX_IMAGE_SIDE = 1600  # pixels, the longer side, after resizing
RESIZE_ABOVE_BYTES = 400 * 1024  # a photo within MAX_IMAGE_SIDE and this size is kept as it is

DOCUMENTS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp",
             ".csv", ".txt", ".zip", ".rtf"}
IMAGES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}
ALLOWED = DOCUMENTS | IMAGES


class Refused(ValueError):
    """An upload the site must not publish, with a message of the tools table."""

    def __init__(self, msg: Message, **values: object) -> None:
        self.th, self.en, self.hint = msg.format(values)
        super().__init__(self.en)
        self.code = msg.code


@dataclass
class Stored:
    path: str  # relative to the project root: content/files/…
    data: bytes
    notes: list[str] = field(default_factory=list)  # what was done to it, in Thai


_UNSAFE = re.compile(r"[^0-9A-Za-z\u0E00-\u0E7F._()\-]+")


def safe_name(name: str) -> str:
    """'  ภาพ นายก/../x?.JPEG ' → 'ภาพ-นายก-x.jpg'-like: Thai and Latin letters, digits, - _ . ( )."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/").split("/")[-1])
    stem, ext = posixpath.splitext(name)
    ext = ext.lower()
    if ext == ".jpeg":
        ext = ".jpg"
    stem = _UNSAFE.sub("-", stem)
    stem = re.sub(r"-{2,}", "-", stem).strip("-._") or "file"
    return stem[:100] + ext


def _kind_of(data: bytes) -> str | None:
    """What the first bytes say the file is (None: not recognised)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data.startswith(b"PK\x03\x04"):
        return "zip"  # docx, xlsx, pptx, odt, ods, zip
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # doc, xls, ppt
    if data.startswith(b"{\\rtf"):
        return "rtf"
    return None


_EXPECT = {".pdf": {"pdf"}, ".jpg": {"jpg"}, ".png": {"png"}, ".webp": {"webp"}, ".gif": {"gif"},
           ".docx": {"zip"}, ".xlsx": {"zip"}, ".pptx": {"zip"}, ".odt": {"zip"}, ".ods": {"zip"},
           ".odp": {"zip"}, ".zip": {"zip"}, ".doc": {"ole"}, ".xls": {"ole"}, ".ppt": {"ole"},
           ".rtf": {"rtf"}}


def _mb(n: int) -> str:
    return f"{n / 1048576:.1f} MB"


def check(name: str, data: bytes) -> None:
    """Refuse what the site must not publish; the reason in Thai and English."""
    ext = posixpath.splitext(name)[1].lower()
    if ext not in ALLOWED:
        raise Refused(msgs.UPLOAD_TYPE, ext=ext or "(ไม่มีนามสกุล)", allowed=" ".join(sorted(e.lstrip(".") for e in ALLOWED)))
    if ext in _EXPECT and _kind_of(data) not in _EXPECT[ext]:
        raise Refused(msgs.UPLOAD_FALSE_TYPE, kind=ext.lstrip(".").upper())
    if ext == ".pdf" and len(data) > MAX_PDF_MB * 1048576:
        raise Refused(msgs.UPLOAD_PDF_TOO_BIG, size=_mb(len(data)), limit=MAX_PDF_MB)
    if len(data) > MAX_FILE_MB * 1048576:
        raise Refused(msgs.UPLOAD_TOO_BIG, size=_mb(len(data)), limit=MAX_FILE_MB)


_FORMATS: dict[str, tuple[str, dict[str, Any]]] = {
            ".jpg": ("JPEG", {"quality": 85, "optimize": True, "progressive": True}),
            ".png": ("PNG", {"optimize": True}), ".webp": ("WEBP", {"quality": 85})}


def web_image(data: bytes, ext: str) -> tuple[bytes, str] | None:
    """A photo scaled for the web, in its own format (the form already holds its name), and
    what was done; None to keep it as it is."""
    if ext == ".gif":
        return None  # may be animated
    try:
        opened = Image.open(io.BytesIO(data))
        opened.load()
    except (UnidentifiedImageError, OSError) as exc:
        raise Refused(msgs.UPLOAD_BAD_IMAGE, detail=str(exc)) from None
    if max(opened.size) <= MAX_IMAGE_SIDE and len(data) <= RESIZE_ABOVE_BYTES:
        return None  # already web-sized
    img: Image.Image = ImageOps.exif_transpose(opened)
    before = img.size
    img.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE), Image.Resampling.LANCZOS)
    fmt, options = _FORMATS[ext]
    if fmt == "JPEG" and img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    out = io.BytesIO()
    img.save(out, fmt, **options)  # no exif= argument: the camera's data and GPS position are dropped
    result = out.getvalue()
    if len(result) >= len(data) and img.size == before:
        return None  # already small and web-sized: re-encoding would only lose quality
    note = (f"ย่อรูปจาก {before[0]}×{before[1]} เป็น {img.size[0]}×{img.size[1]} พิกเซล "
            f"({_mb(len(data))} → {_mb(len(result))}) และลบข้อมูล EXIF เช่น ตำแหน่ง GPS")
    return result, note


def store(root: Path, content_dir: Path, requested: str, data: bytes, keep_original: bool = False) -> Stored:
    """Write an upload under content/files/ and return where it went. A file of the same name
    is replaced: Decap asks the clerk before it uploads over one."""
    name = safe_name(requested)
    check(name, data)
    notes = []
    stem, ext = posixpath.splitext(name)
    if ext in IMAGES and not keep_original:
        done = web_image(data, ext)
        if done is not None:
            data, note = done
            notes.append(note)
    folder = content_dir / MEDIA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    candidate = folder / f"{stem}{ext}"
    if candidate.is_file() and hashlib.sha256(candidate.read_bytes()).digest() == hashlib.sha256(data).digest():
        pass  # the same file again
    else:
        if candidate.exists():
            notes.append(f"แทนที่ไฟล์เดิมชื่อ {candidate.name}")
        tmp = candidate.with_name(f".{candidate.name}.upload")
        tmp.write_bytes(data)
        tmp.replace(candidate)
    if candidate.name != posixpath.basename(requested.replace("\\", "/")):
        notes.append(f"บันทึกเป็นชื่อ {candidate.name}")
    return Stored(candidate.relative_to(root).as_posix(), data, notes)
