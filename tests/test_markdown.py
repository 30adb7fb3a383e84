"""Clerks' text becomes inert Markdown: it shows as typed and cannot change the page."""

import random
import re
from html.parser import HTMLParser

import markdown as pymd
import pytest

from generator.publish import markdown as mdx
from generator.publish.markdown import cell, escape_inline, sanitize_block

EXTENSIONS = ["attr_list", "tables", "md_in_html", "admonition", "def_list"]


def html(md: str) -> str:
    return pymd.markdown(md, extensions=EXTENSIONS)


class Tags(HTMLParser):
    """Elements and attributes actually present in HTML (text content is not looked at)."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: dict[str, str] = {}
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.update({k: v or "" for k, v in attrs})


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "# หัวข้อปลอม",
        "1. ไม่ใช่รายการ",
        "- ไม่ใช่รายการ",
        "a | b | c",
        "[คลิก](javascript:alert(1))",
        "ข้อความ { #id onclick=alert(1) }",
        "**ตัวหนา** _เอียง_ `code`",
    ],
)
def test_plain_text_renders_exactly_as_typed(text):
    out = Tags(html(escape_inline(text)))
    assert out.tags == ["p"] and not out.attrs  # one plain paragraph, nothing else


def test_rich_text_keeps_lists_and_links_but_not_html_or_scripts():
    src = "สรุปผล\n\n- ข้อหนึ่ง\n- ข้อสอง\n\n[เว็บ](https://example.org) [ร้าย](javascript:alert(1))\n<b>x</b>"
    out = html(sanitize_block(src))
    assert "<li>ข้อหนึ่ง</li>" in out
    assert '<a href="https://example.org">เว็บ</a>' in out
    assert "javascript:" not in out and "<b>" not in out and "&lt;b&gt;" in out


def test_rich_text_cannot_add_headings_rules_fences_or_attributes():
    src = "# ใหญ่\nข้อความ\n---\n```\nยังเปิดอยู่\n{: onclick=alert(1) }"
    out = Tags(html(sanitize_block(src)))
    assert set(out.tags) == {"p"} and not out.attrs


def test_images_from_elsewhere_become_links():
    out = html(sanitize_block("![แผนที่](https://tracker.example/pixel.png)"))
    assert "<img" not in out and 'href="https://tracker.example/pixel.png"' in out


def test_table_cell_stays_one_cell():
    rich = cell("ข้อ 1\n\nข้อ 2", rich=True)
    row = f"| {cell('a | b')} | {rich} |"
    out = html("| x | y |\n|---|---|\n" + row)
    assert out.count("<td>") == 2 and "a | b" in out and "ข้อ 1<br>ข้อ 2" in out.replace("<br />", "<br>")


def _escape_inline_by_rules(text: object) -> str:
    """escape_inline as its rules read, one regular expression per rule (the module does it in
    one pass): the reference the fast version must equal."""
    s = " ".join(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]", "", str(text)).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = re.sub(r"([\\`*_\[\]{}|#])", r"\\\1", s)
    s = re.sub(r"^(\s*)(\d+)([.)])(?=\s|$)", r"\1\2\\\3", s)
    if s.startswith(("-", "+")):
        return "\\" + s
    if s.startswith(("=", ":")):
        return f"&#{ord(s[0])};" + s[1:]
    return s


def test_the_fast_escapes_equal_their_rules_on_random_text():
    rnd = random.Random(2570)
    alphabet = [*"ab ก๑1²٣.)#-+=:*_[]{}|`\\&<>!?~\n\t\r\x00\x02\x1f\xa0\u3000\ufffe", "1. ", "12) ", "---", "~~~", "!!!"]
    block_rules = [mdx._HEADING, mdx._RULE, mdx._FENCE, mdx._ADMONITION, mdx._DEFINITION]
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        assert escape_inline(text) == _escape_inline_by_rules(text), repr(text)
        # sanitize_block skips the block rules on a line that does not start with one of these
        for line in text.split("\n"):
            if any(rule.match(line) for rule in block_rules):
                assert line.lstrip()[:1] in mdx._BLOCK_STARTS, repr(line)


def test_relative_paths_inside_the_docs_folder_are_those_of_relpath():
    """`relative_path` skips relpath's look at the working folder: the same answers for paths a
    site has (Thai, dots, repeated and trailing slashes) and for those it never has."""
    import posixpath

    rng = random.Random(11)
    parts = ["2569", "o1", "files", "ข่าว", "a b", ".", "..", "index.md", "x.pdf", "", "o10", "o1x"]
    cases = [("files/2569/x.pdf", "2569/o1"), ("2569/o1/index.md", "."), ("index.md", "2569/o1"),
             ("2569/o1", "2569/o1"), ("2569/o10/index.md", "2569/o1"), ("/abs/x", "2569"), ("x", "../up")]
    for _ in range(20000):
        cases.append(("/".join(rng.choice(parts) for _ in range(rng.randint(1, 5))) or ".",
                      "/".join(rng.choice(parts) for _ in range(rng.randint(0, 4))) or "."))
    for target, start in cases:
        assert mdx.relative_path(target, start) == posixpath.relpath(target, start), (target, start)
