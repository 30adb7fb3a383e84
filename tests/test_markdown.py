"""Clerks' text becomes inert Markdown: it shows as typed and cannot change the page."""

from html.parser import HTMLParser

import markdown as pymd
import pytest

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
