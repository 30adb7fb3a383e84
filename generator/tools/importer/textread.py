"""Reading a plain-text export of a Word document (the form of the seeds in ../shared/seeds).

Paragraphs are lines; a table is a run of consecutive lines holding tabs, one line per row, cells
separated by tabs (cells may hold HTML fragments). Header rows are repeated on every page of the
original, so one table of the document often arrives as several runs separated by empty lines;
the interpretation (understand.py) joins them, not the reader.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.problems import Message
from generator.tools import messages as msg
from generator.tools.importer.source import Cell, Doc, Loc, Para, Row, Table


class ReadError(Exception):
    """The file cannot be read; carries the message that says why."""

    def __init__(self, message: Message, **values: Any) -> None:
        self.message = message
        self.values = values
        super().__init__(message.format(values)[1])


def decode(data: bytes, name: str) -> tuple[str, list[tuple[str, str]]]:
    """Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, or the Thai Windows code page."""
    notes: list[tuple[str, str]] = []
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(msg.BINARY_TEXT, name=name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), notes
    try:
        return data.decode("utf-8-sig"), notes
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        raise ReadError(msg.UNDECODABLE, name=name) from None
    notes.append((
        "ไฟล์ใช้รหัสอักขระ TIS-620/Windows-874 (ไม่ใช่ UTF-8) อ่านได้แต่ควรตรวจตัวอักษร",
        "the file is encoded as TIS-620/Windows-874, not UTF-8; check the characters",
    ))
    return text, notes


_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_MD_BOLD = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?$")
_HTML_BOLD = re.compile(r"^<(b|strong)>(.+?)</\1>$", re.I)


def unmark(line: str) -> tuple[str, bool]:
    """A line of a text export written with heading marks ("## …", "**…**", "<b>…</b>", as some
    converters write Word's headings and bold lines) → (its text, True); other lines unchanged."""
    for pattern, group in ((_MD_HEADING, 1), (_MD_BOLD, 1), (_HTML_BOLD, 2)):
        m = pattern.match(line)
        if m and m.group(group).strip():
            return m.group(group).strip(), True
    return line, False


def read_text(path: Path) -> Doc:
    text, notes = decode(path.read_bytes(), path.name)
    doc = Doc(path.name, "text", notes=notes)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    run: list[Row] = []
    gap = True

    def close() -> None:
        if run:
            width = max(len(r.cells) for r in run)
            for r in run:
                r.cells += [Cell("") for _ in range(width - len(r.cells))]
            doc.blocks.append(Table(list(run), len(doc.tables) + 1))
            run.clear()

    for no, line in enumerate(lines, 1):
        if "\t" in line:
            table_no = len(doc.tables) + 1
            run.append(Row([Cell(c) for c in line.split("\t")], Loc("row", len(run) + 1, table_no, no)))
            gap = False
            continue
        close()
        if not line.strip():
            gap = True
            continue
        text, heading = unmark(line.strip())
        if text:
            doc.blocks.append(Para(text, Loc("line", no), gap_before=gap, heading=heading))
        gap = False
    close()
    return doc
