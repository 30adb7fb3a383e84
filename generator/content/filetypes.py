"""Kinds of documents and images a clerk publishes, as the site names them to visitors."""

from __future__ import annotations

import mimetypes
from pathlib import Path

FILE_KINDS = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".csv": "CSV",
    ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
    ".odt": "ODT",
    ".ods": "ODS",
    ".png": "ภาพ PNG",
    ".jpg": "ภาพ JPEG",
    ".jpeg": "ภาพ JPEG",
    ".webp": "ภาพ WebP",
    ".gif": "ภาพ GIF",
    ".svg": "ภาพ SVG",
    ".zip": "ZIP",
    ".txt": "ข้อความ",
    ".mp4": "วิดีโอ MP4",
}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg"}


def file_kind(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in FILE_KINDS:
        return FILE_KINDS[suffix]
    guess = mimetypes.guess_type(name)[0]
    return (suffix[1:].upper() if suffix else guess) or "ไฟล์"
