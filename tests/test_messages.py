"""Message codes: every message in a table, every table's message used, docs/errors.md current."""

from __future__ import annotations

import re
from pathlib import Path

import generator.checks.messages
import generator.content.messages
import generator.publish.messages
import generator.thai
import generator.tools.messages
from generator.problems import CODE, MESSAGES, Message
from generator.tools import errordocs

PACKAGE = Path(errordocs.__file__).resolve().parents[1]
THAI = re.compile(r"[\u0e01-\u0e5b]")
TABLES = [generator.content.messages, generator.checks.messages, generator.publish.messages,
          generator.tools.messages, generator.thai]


def test_docs_errors_md_is_generated_from_the_tables():
    committed = errordocs.DOC.read_text(encoding="utf-8")
    assert committed == errordocs.render(), "run `python -m generator.tools.errordocs` and commit docs/errors.md"


def test_every_message_has_a_well_formed_code_and_both_languages():
    assert len(MESSAGES) > 100
    for code, m in MESSAGES.items():
        assert CODE.match(code) and m.code == code
        assert m.group
        assert THAI.search(m.th), f"{code}: the Thai message has no Thai"
        english = re.sub(r"ต\.ค\.", "", m.en)  # a Thai date shown as an example of what to write
        assert not THAI.search(english), f"{code}: the English message is not English"


def test_every_message_is_used_somewhere():
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")
                       if p.name not in ("messages.py",))
    unused = []
    for table in TABLES:
        for name, value in vars(table).items():
            if isinstance(value, Message) and not re.search(rf"\b{name}\b", _without_definitions(source, table)):
                unused.append(f"{value.code} {table.__name__}.{name}")
    assert not unused, "messages no code reports:\n" + "\n".join(unused)


def test_no_problem_is_reported_without_a_message():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"problems\.(error|warning)\(", text), f"{path}: report a Message instead"


def _without_definitions(source: str, table) -> str:
    if table is generator.thai:  # thai.py defines its date messages and uses them in one file
        own = Path(table.__file__).read_text(encoding="utf-8")
        return source.replace(own, re.sub(r"^[A-Z_]+ = D\(", "", own, flags=re.M))
    return source
