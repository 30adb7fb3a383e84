"""docs/errors.md: every message the program can show, by code, generated from the tables.

Run `python -m generator.tools.errordocs` after changing a message; a test fails while the
committed file differs. `oit explain CODE` prints one entry.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# Importing the layers' tables registers every message in problems.MESSAGES.
import generator.checks.messages
import generator.content.messages
import generator.publish.messages
import generator.thai
import generator.tools.messages  # noqa: F401
from generator.problems import MESSAGES, SEVERITY_TH, Message

DOC = Path(__file__).resolve().parents[2] / "docs" / "errors.md"
_FIELD = re.compile(r"\{([a-z_]+)(?:[:!][^}]*)?\}")


def _shown(text: str) -> str:
    """A template as a reader sees it: placeholders as «…», doubled braces single."""
    return _FIELD.sub("«…»", text).replace("{{", "{").replace("}}", "}")


def explain(message: Message) -> str:
    lines = [
        f"{message.code} — {SEVERITY_TH[message.severity]} ({message.severity.value}) — {message.group}",
        f"  {_shown(message.th)}",
        f"  {_shown(message.en)}",
    ]
    if message.hint:
        lines.append(f"  → {_shown(message.hint)}")
    return "\n".join(lines)


def render() -> str:
    out = [
        "# ข้อความแจ้งปัญหาและรหัส (messages and their codes)",
        "",
        "ทุกข้อความที่ `oit` แจ้งมีรหัสคงที่ เช่น `OIT-X012` ใช้ค้นในหน้านี้ หรือพิมพ์ `oit explain OIT-X012`",
        "คำเตือนที่ไม่ต้องการให้นับกับ `--strict` ซ่อนได้ด้วย `--ignore รหัส` ส่วน «…» คือค่าที่ระบบเติมเมื่อแจ้ง",
        "",
        "Every message `oit` shows has a stable code such as `OIT-X012`: search for it here or run",
        "`oit explain OIT-X012`. A warning can be left out of `--strict` with `--ignore CODE`. «…» marks a",
        "value filled in when the message is shown.",
        "",
        "_This file is generated from the message tables (`generator/*/messages.py`, `generator/thai.py`):_",
        "_run `python -m generator.tools.errordocs` after changing one._",
    ]
    groups: dict[str, list[Message]] = {}
    for msg in sorted(MESSAGES.values(), key=lambda m: m.code):
        groups.setdefault(msg.group, []).append(msg)
    for group, messages in sorted(groups.items(), key=lambda g: g[1][0].code):
        out += ["", f"## {group}", "", "| รหัส (code) | ระดับ | ข้อความ (message) | วิธีแก้ (what to do) |", "|---|---|---|---|"]
        for m in messages:
            text = f"{_shown(m.th)}<br>{_shown(m.en)}"
            hint = _shown(m.hint) or "–"
            out.append(f"| `{m.code}` | {SEVERITY_TH[m.severity]} | {_cell(text)} | {_cell(hint)} |")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC} ({len(MESSAGES)} messages)", file=sys.stderr)
