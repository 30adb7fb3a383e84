"""Property-based tests (issue 5): arbitrary text stays in its element; arbitrary valid content builds.

1. Every text field of the content models (found by introspecting the pydantic models, so a new
   field is covered without touching this file) is set, one at a time, on the loaded sample. The
   pages that show it are rendered by the generator and turned into HTML by Python-Markdown with
   the extensions and settings of the real site (read through MkDocs from the derived
   `build/mkdocs.yml`). Compared with the same page holding a harmless marker instead, the page
   must have the same elements in the same order (plain text may add none; rich text only
   paragraphs, lists, links and emphasis), no script, event handler or scripting address, and the
   text must be shown inside the element the marker was in: exactly as typed for plain fields,
   every word of it for rich fields.
2. Content drawn from a strategy of valid models (organisation, persistent topics, a fiscal year
   with documents dated inside it, measures, results and an assessment within their ranges) is
   written as YAML, loads with no error and generates pages; a few examples go through the whole
   pipeline including `mkdocs build --strict`.

Hypothesis runs derandomized with no example database, so every run tries the same examples.
"""

from __future__ import annotations

import copy
import re
import shutil
import typing
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import markdown as pymd
import pytest
import yaml
from conftest import ORG, REPO
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from generator.checks.validate import validate_or_raise
from generator.content import ita, scalars, topics
from generator.content import models as m
from generator.problems import Problems
from generator.publish import dashboard
from generator.publish import markdown as mdx
from generator.publish.build import build, derived_config, generate
from generator.publish.helpers import FileSet
from generator.publish.pages import build_pages
from generator.publish.project import Project
from generator.publish.render import make_env, render

# Deterministic and offline. Each example renders a few pages (tens of milliseconds), so the
# default deadline would only measure the shared machine's load.
FAST = settings(derandomize=True, database=None, deadline=None, print_blob=False)

# --------------------------------------------------------------------------- hostile text

# Characters Markdown, HTML, YAML or the tables give meaning to, and the invisible ones.
SPECIAL = list("<>&\"'|#*_[](){}!-=:~`\\+.;/%$@^,?") + [
    "\n", "\n", "\t", " ", " ", "\r", "\u200b", "\u00a0", "\u3000", "\ufeff",
    "\x00", "\x02", "\x03", "\x1b", "\x7f", "\u2028", "\u0085",
]
THAI = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
CHARS = st.one_of(st.sampled_from(SPECIAL), THAI, st.characters(min_codepoint=0x21, max_codepoint=0x7E))
# Whole constructs, which a character-by-character search would take long to assemble.
FRAGMENTS = st.sampled_from([
    "---", "***", "___", "===", "```", "~~~", "```js", "# ", "## ", "###### ", "1. ", "2) ", "- ", "* ", "+ ",
    "> ", "    ", "\t", "!!! note", "??? tip", ": ", "| a | b |", "|---|---|", "[^1]", "[^1]: x", "*[HTML]: x",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href='javascript:alert(1)'>x</a>",
    "javascript:alert(1)", "[คลิก](javascript:alert(1))", "[เว็บ](https://example.org/a_(b))",
    "![ภาพ](https://tracker.example/p.png)", "![](javascript:alert(1))", "<https://example.org>",
    "[ref]: https://example.org", "[ref]", "{: onclick=alert(1) }", "{ #id .cls }", "<!--", "-->",
    "&amp;", "&#60;", "&lt;", "\x02wzxhzdk:0\x03", "<div markdown>", "</div>", "<br>", "\\", "\\\\",
    "**ตัวหนา**", "_เอียง_", "`code`", "ประกาศ", "ข้อความ", "เทศบาล", "2569", "๒๕๖๙", "  \n", "\n\n", "\r\n",
    "        ",
])
# Blank text is left out: a blank value is "no value" (stripped, an optional element dropped), a
# legitimate change of the page rather than a break of it.
TEXT = (st.lists(st.one_of(st.text(CHARS, min_size=1, max_size=6), FRAGMENTS), min_size=1, max_size=24)
        .map("".join).filter(lambda s: s.strip()))


def url_text() -> st.SearchStrategy[str]:
    """Addresses the model accepts (http(s), mailto, tel), with every character it lets through."""
    web = st.text(st.one_of(st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters='<>"'),
                            THAI, st.sampled_from(["\u200b", "(", ")", "[", "]", "`", "'", "*", "_", "|", "{"])),
                  min_size=1, max_size=40)
    tel = st.text(st.sampled_from(list("0123456789+-- \n\n\t\r")), max_size=20)
    return st.one_of(
        st.tuples(st.sampled_from(["https://", "http://", "HTTPS://", "mailto:"]), web).map("".join),
        st.tuples(st.just("tel:"), st.sampled_from(list("0123456789+")), tel).map("".join),
    )


# --------------------------------------------------------------------------- text fields of the models

# Fields holding a reference to another record: arbitrary text there is a dangling reference,
# which validation rejects, and the page shows the record differently (ungrouped, no title).
REFERENCES = {("Result", "measure"), ("ProjectResult", "project"), ("RiskResult", "risk"),
              ("Project", "id"), ("Risk", "id")}
VALUE_PROBE = "ข้อความ ทดสอบ"


def _metadata(annotation, meta) -> tuple[list, list]:
    """Validator functions and JSON-schema extras of a field, through Optional/list/Annotated."""
    funcs, schemas = [], []
    stack = [annotation, *meta]
    while stack:
        a = stack.pop()
        for attr in ("func",):
            if hasattr(a, attr):
                funcs.append(getattr(a, attr))
        if hasattr(a, "json_schema") and isinstance(a.json_schema, dict):
            schemas.append(a.json_schema)
        if typing.get_origin(a) is typing.Annotated:
            stack.extend(a.__metadata__)
            stack.append(typing.get_args(a)[0])
        else:
            stack.extend(x for x in typing.get_args(a) if x is not type(None))
    return funcs, schemas


def _is_str(annotation) -> tuple[bool, bool]:
    """(holds text, is a list of text)."""
    a = annotation
    while True:
        origin = typing.get_origin(a)
        if origin is typing.Annotated:
            a = typing.get_args(a)[0]
        elif origin is typing.Union:
            args = [x for x in typing.get_args(a) if x is not type(None)]
            if len(args) != 1:
                return False, False
            a = args[0]
        elif origin is list:
            inner, _ = _is_str(typing.get_args(a)[0])
            return inner, inner
        else:
            return a is str, False


def text_kind(cls: type[BaseModel], name: str) -> str | None:
    """'plain', 'name' (plain, no < > "), 'rich' (Markdown), 'url', or None (not free text)."""
    f = cls.model_fields[name]
    is_text, _ = _is_str(f.annotation)
    if not is_text or (cls.__name__, name) in REFERENCES:
        return None
    funcs, schemas = _metadata(f.annotation, f.metadata)
    if scalars._url in funcs:
        return "url"
    if scalars._file_ref in funcs or scalars._year_month in funcs:
        return None  # a file on disk / a month: not text
    if any(s.get("x-format") == "markdown" for s in schemas) or m._steps in funcs:
        return "rich"
    if scalars._no_markup in funcs:
        return "name"
    return "plain"


def model_classes() -> list[type[BaseModel]]:
    """Every model reachable from the content files."""
    roots = [m.Organisation, m.ItemNote, *topics.PERSISTENT_FILES.values(),
             *topics.YEAR_FILES.values()]
    seen: list[type[BaseModel]] = []
    stack = list(roots)
    while stack:
        c = stack.pop()
        if c in seen:
            continue
        seen.append(c)
        for f in c.model_fields.values():
            stack.extend(_models_in(f.annotation))
    return seen


def _models_in(a) -> list[type[BaseModel]]:
    if isinstance(a, type) and issubclass(a, BaseModel):
        return [a]
    if isinstance(a, typing.ForwardRef):
        return []
    return [x for arg in typing.get_args(a) for x in _models_in(arg)]


def all_text_fields() -> dict[tuple[str, str], str]:
    return {(c.__name__, n): k for c in model_classes() for n in c.model_fields if (k := text_kind(c, n))}


# --------------------------------------------------------------------------- HTML as a tree


VOID = {"br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


@dataclass(eq=False, repr=False)
class Node:
    tag: str
    attrs: dict
    parent: Node | None = None
    children: list = field(default_factory=list)  # Node or str

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class Tree(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self._open = Node("#root", {})
        self.feed(source)
        self.close()
        self.elements = list(self.root.walk())

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self._open)
        self._open.children.append(node)
        if tag not in VOID:
            self._open = node

    def handle_startendtag(self, tag, attrs):
        self._open.children.append(Node(tag, {k: v or "" for k, v in attrs}, self._open))

    def handle_endtag(self, tag):
        n = self._open
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self._open = n.parent

    def handle_data(self, data):
        self._open.children.append(data)

    def ordinal(self, node: Node) -> tuple[str, int]:
        """(tag, how many elements with that tag come before it): the same element in a twin page."""
        return node.tag, [e for e in [self.root, *self.elements] if e.tag == node.tag].index(node)

    def at(self, key: tuple[str, int]) -> Node | None:
        same = [e for e in [self.root, *self.elements] if e.tag == key[0]]
        return same[key[1]] if key[1] < len(same) else None


# What clerks' rich text may add around its words; everything else must stay as it was.
RICH_TAGS = {"p", "ul", "ol", "li", "a", "em", "strong", "br"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster", "background"}
SCRIPT_TAGS = {"script", "iframe", "object", "embed", "form", "input", "textarea", "button", "base", "meta",
               "link", "frame", "frameset", "style", "foreignobject"}


def skeleton(tree: Tree, rich: bool) -> list[str]:
    """The page's elements in order, each with its attribute names; for rich text without the
    tags rich text may add. A chart counts as one element: a longer label wraps onto more lines
    (its inside is checked by `assert_inert`)."""
    return [e.tag + "(" + ",".join(sorted(e.attrs)) + ")" for e in tree.elements
            if not (rich and e.tag in RICH_TAGS) and not any(a.tag == "svg" for a in e.ancestors())]


def assert_inert(tree: Tree, where: str) -> None:
    for e in tree.elements:
        assert e.tag not in SCRIPT_TAGS, f"{where}: <{e.tag}> in the page"
        for name, value in e.attrs.items():
            assert not name.startswith("on"), f"{where}: event handler {name}= on <{e.tag}>"
            if name in URL_ATTRS:
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not scheme.startswith(("javascript:", "vbscript:", "data:")), f"{where}: {name}={value!r}"


def squeeze(s: str) -> str:
    """Text without whitespace: where a template puts a space or a line break is not the point."""
    return "".join(s.split())


WORD = re.compile(r"[A-Za-z\u0e01-\u0e2e\u0e2f\u0e3f-\u0e46\u0e4f\u0e5a\u0e5b]+")


def expected_plain(text: str) -> str:
    """How a plain field must read on the page: as typed, control characters dropped."""
    return mdx._CONTROL.sub("", text)


def expected_words(text: str) -> list[str]:
    """Words of a rich field that must stay readable: link addresses are not shown (only their
    words in brackets), the rest is."""
    shown = mdx._LINK.sub(lambda mt: " " + mt.group(2) + " ", mdx._CONTROL.sub("", text))
    return list(WORD.findall(shown))


# --------------------------------------------------------------------------- the site's Markdown


def site_markdown(project: Project, site, nav) -> pymd.Markdown:
    """Python-Markdown as MkDocs configures it for the site: extensions and their settings from the
    derived build/mkdocs.yml (which inherits mkdocs.yml), MkDocs' built-in ones included."""
    from mkdocs.config import load_config

    project.docs_dir.mkdir(parents=True, exist_ok=True)
    project.config_file.write_text(derived_config(project, site, nav), encoding="utf-8")
    config = load_config(config_file=str(project.config_file))
    return pymd.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


# --------------------------------------------------------------------------- slots: where a field is set


@dataclass(eq=False, repr=False)
class Slot:
    """One text field of one model instance of the sample (first element for list fields)."""

    obj: BaseModel
    name: str
    kind: str
    where: str
    is_list: bool
    original: object = None
    pages: list[str] = field(default_factory=list)  # pages showing it
    dashboard: bool = False  # shown by the assessment dashboard (its data is computed up front)
    benign: dict = field(default_factory=dict)  # page → (Tree, [container keys])

    @property
    def label(self) -> str:
        return f"{type(self.obj).__name__}.{self.name}"

    def __repr__(self) -> str:
        return f"<{self.label} at {self.where}, shown on {sorted(self.benign)}>"

    def set(self, value: str) -> None:
        if self.is_list:
            value = [value, *self.original[1:]]
        self.obj.__pydantic_validator__.validate_assignment(self.obj, self.name, value)

    def restore(self) -> None:
        setattr(self.obj, self.name, self.original)


def marker(i: int) -> str:
    letters = ""
    i += 26 * 26
    while i:
        i, r = divmod(i, 26)
        letters += chr(65 + r)
    return f"QZX{letters}XZQ"


def marker_value(slot: Slot, i: int) -> str:
    if slot.kind == "url":
        return f"https://example.org/{marker(i)}"
    return "0" + marker(i) if slot.kind == "phone" else marker(i)


def find_slots(site) -> list[Slot]:
    kinds = {c: {n: text_kind(c, n) for n in c.model_fields} for c in model_classes()}
    slots: list[Slot] = []
    roots = [("organisation.yml", site.org), *((f"{k}.yml", v) for k, v in site.persistent.items()),
             *((f"{fy}/{k}.yml", v) for fy, files in site.years.items() for k, v in files.items()),
             *((f"{y}/items.yml:{c}", v) for y, notes in site.notes.items() for c, v in notes.items())]

    def visit(obj, where):
        if isinstance(obj, BaseModel):
            for name in type(obj).model_fields:
                kind = kinds.get(type(obj), {}).get(name)
                value = getattr(obj, name)
                if kind == "plain" and name == "phone":
                    kind = "phone"  # a number with digits becomes a tel: link (Tools.tel)
                if kind:
                    is_list = isinstance(value, list)
                    slots.append(Slot(obj, name, kind, f"{where}.{name}", is_list, copy.copy(value)))
                else:
                    visit(value, f"{where}.{name}")
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                visit(v, f"{where}[{i}]")
        elif isinstance(obj, dict):
            for k, v in obj.items():
                visit(v, f"{where}[{k}]")

    for where, obj in roots:
        visit(obj, where)
    return slots


class Sample:
    """The sample site loaded once, its pages, and the fields that reach them."""

    def __init__(self, root: Path) -> None:
        self.project = Project.at(root, build_dir=root / "build")
        self.site, _ = validate_or_raise(root)
        self.files = FileSet(self.site.content_dir)
        self.pages, nav = build_pages(self.site, self.files)
        self.by_path = {p.path: p for p in self.pages}
        self.env = make_env()
        self.md = site_markdown(self.project, self.site, nav)
        self.slots = find_slots(self.site)
        self.fields = {(type(s.obj).__name__, s.name) for s in self.slots}
        self._discover()

    # rendering ------------------------------------------------------------
    def refresh_dashboards(self) -> None:
        """The dashboard copies measures' titles and labels when the pages are listed: list them
        again."""
        items_by_year = self.by_path["index.md"].context["items_by_year"]
        ita = dashboard.dashboards(self.site, items_by_year)
        by_year = {d.year: d for d in ita}
        for p in self.pages:
            if "ita" in p.context:
                p.context["ita"] = ita
            if "dashboards" in p.context:
                p.context["dashboards"] = ita
            if "d" in p.context and isinstance(p.context["d"], dashboard.YearDashboard):
                p.context["d"] = by_year[p.context["d"].year]

    def markdown(self, path: str) -> str:
        page = self.by_path[path]
        return render(self.env, page.templates, page.context)

    def html(self, path: str) -> str:
        return self.md.reset().convert(self.markdown(path))

    def apply(self, slot: Slot, value) -> None:
        """Set a slot (or restore it with value None) and bring the dashboard's copy up to date."""
        if value is None:
            slot.restore()
        else:
            slot.set(value)
        if slot.dashboard:
            self.refresh_dashboards()

    # finding where each field shows -----------------------------------------
    def _discover(self) -> None:
        for i, s in enumerate(self.slots):
            try:
                s.set(marker_value(s, i))
            except ValidationError:  # a field the model ties to another (e.g. a vacant position)
                s.kind = ""
        live = "\n".join(self.markdown(p.path) for p in self.pages)
        self.refresh_dashboards()
        texts = {p.path: self.markdown(p.path) for p in self.pages}
        for i, s in enumerate(self.slots):
            s.pages = [path for path, text in texts.items() if marker(i) in text]
            s.dashboard = bool(s.pages) and marker(i) not in live
        for s in self.slots:
            s.restore()
        self.refresh_dashboards()
        # One slot per field and per set of places it is shown (a Document's title in a list of
        # documents and in a table cell are two places; a hundred documents in lists are one).
        shown = {}
        for i, s in enumerate(self.slots):
            if not s.kind or not s.pages:
                continue
            key = (s.label, tuple(sorted({re.sub(r"\d+", "N", p) for p in s.pages})),
                   tuple(sorted({shape(line) for p in s.pages for line in texts[p].splitlines() if marker(i) in line})))
            shown.setdefault(key, (i, s))
        self.tested = []
        for i, s in shown.values():
            self.set_benign(i, s)
            if s.benign:
                self.tested.append(s)
        self.not_shown = sorted(self.fields - {(type(s.obj).__name__, s.name) for s in self.tested})

    def set_benign(self, i: int, s: Slot) -> None:
        self.apply(s, marker_value(s, i))
        try:
            for path in s.pages:
                tree = Tree(self.html(path))
                keys = [tree.ordinal(c) for c in containers(tree, marker(i), s.kind)]
                if keys:
                    s.benign[path] = (tree, keys, marker_value(s, i))
        finally:
            self.apply(s, None)


def shape(line: str) -> tuple:
    """Where on its Markdown line a text sits: in a table row, a list item, a heading, indented."""
    body = line.lstrip(" ")
    return len(line) - len(body), body[:1] if body[:1] in "|-*#>0123456789" else "", "|" in line


def containers(tree: Tree, mark: str, kind: str) -> list[Node]:
    """The elements a field's marker sits in: its parent element (for rich text, the element
    holding the paragraph it makes; for an address, the link; inside a chart, the whole chart)."""
    out = []
    for e in [tree.root, *tree.elements]:
        if kind == "url":
            if e.tag == "a" and mark in e.attrs.get("href", ""):
                out.append(e)
            continue
        if not any(isinstance(c, str) and mark in c for c in e.children):
            continue
        svg = [a for a in [e, *e.ancestors()] if a.tag == "svg"]
        if svg:
            e = svg[-1]
        elif kind == "rich":
            while e.tag in RICH_TAGS - {"li"} and e.parent is not None:
                e = e.parent
        if e not in out:
            out.append(e)
    return out


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    root = tmp_path_factory.mktemp("props")
    shutil.copytree(REPO / "content", root / "content")
    return Sample(root)


# --------------------------------------------------------------------------- the property


def check_text(sample: Sample, slot: Slot, text: str) -> None:
    """Put `text` into the slot, render the pages that show it, and compare with the benign twin."""
    try:
        sample.apply(slot, text)
    except ValidationError:
        # Only names shown in every page's header refuse < > " and blank names (model._no_markup),
        # and an address must be an address: the strategies do not produce other refusals.
        assert slot.kind == "name" and (any(c in text for c in '<>"') or not text.strip()), \
                f"{slot.where}: {text!r} refused"
        return
    try:
        value = getattr(slot.obj, slot.name)
        value = value[0] if slot.is_list else value
        for path, (benign, keys, mark) in slot.benign.items():
            where = f"{path}: {slot.where}"
            tree = Tree(sample.html(path))
            assert_inert(tree, where)
            rich = slot.kind == "rich"
            assert skeleton(tree, rich) == skeleton(benign, rich), f"{where}: the page's structure changed"
            for key in keys:
                got = tree.at(key)
                assert got is not None, f"{where}: {key} is gone"
                before = benign.at(key)
                if slot.kind == "url":
                    href = got.attrs.get("href", "")
                    assert href.lower().startswith(("http", "mailto:", "tel:")), f"{where}: href {href!r}"
                elif rich or got.tag == "svg":
                    words = squeeze(got.text())
                    lost = [w for w in expected_words(value) if w not in words]
                    assert not lost, f"{where}: words {lost} not inside <{got.tag}>"
                else:
                    want = squeeze(before.text().replace(mark, expected_plain(value)))
                    assert squeeze(got.text()) == want, f"{where}: not shown as typed inside <{got.tag}>"
    finally:
        sample.apply(slot, None)


def strategy_for(slot: Slot) -> st.SearchStrategy[str]:
    if slot.kind == "url":
        return url_text()
    if slot.kind == "phone":
        return TEXT.map(lambda s: "0" + s)
    if slot.kind == "name":
        return TEXT.map(lambda s: re.sub('[<>"]', "", s))
    return TEXT


def test_every_text_field_of_the_models_is_found_and_most_are_exercised(sample):
    fields = all_text_fields()
    assert len(fields) >= 100, len(fields)
    tested = {(type(s.obj).__name__, s.name) for s in sample.tested}
    assert tested <= set(fields)
    # Every kind is exercised and most fields of the models are shown by the sample's pages;
    # the rest are not in the sample at all or are shown only outside the page body.
    assert {fields[f] for f in tested} == {"plain", "name", "rich", "url"}
    assert len(tested) >= 0.75 * len(fields), sorted(set(fields) - tested)


@pytest.mark.slow
@settings(FAST, max_examples=300)
@given(data=st.data())
def test_arbitrary_text_in_any_field_stays_in_its_element(sample, data):
    slot = data.draw(st.sampled_from(sample.tested), label="field")
    text = data.draw(strategy_for(slot), label="text")
    note(f"{slot.where} on {slot.pages}")
    check_text(sample, slot, text)


HOSTILE = [
    "# หัวข้อปลอม\n\n---\n\n```\nโค้ด\n\n| a | b |\n|---|---|\n| c | d |",
    "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) {: onclick=alert(1) }",
    "1. ข้อ\n    - ย่อย\n\n        โค้ด?\n!!! note\n    กล่อง\nคำ\n: นิยาม\n===",
    "a | b \\| c ` d ` *e* _f_ [g] (h) ~i~ \u200b\tj\x02k\x03 &amp; &#60; ประกาศ ฉบับที่ #",
]


def fit(slot: Slot, text: str) -> str:
    """A fixed text made acceptable for the slot: no < > " in names, a digit first in phones."""
    if slot.kind == "name":
        return re.sub('[<>"]', "", text)
    return "0" + text if slot.kind == "phone" else text


@pytest.mark.slow
def test_fixed_hostile_texts_in_every_shown_field(sample):
    """Every field, each with a few texts that combine most constructs (Hypothesis above samples)."""
    urls = ["https://example.org/a_(b)*c*`d`'e'", "tel:0 3299\n\n- 0000", "mailto:a@b.example?subject=[x](y)"]
    for slot in sample.tested:
        for text in urls if slot.kind == "url" else HOSTILE:
            check_text(sample, slot, fit(slot, text))


def test_the_comparison_detects_a_broken_page(sample):
    """The helpers are not vacuous: a raw heading, a stray cell or a script is caught."""
    slot = next(s for s in sample.tested if s.kind == "plain" and any("/o" in p for p in s.benign))
    path, (benign, keys, mark) = next((p, b) for p, b in slot.benign.items() if "/o" in p)
    sample.apply(slot, mark)  # the benign page's Markdown, fed to the site's converter with breaks
    try:
        source = sample.markdown(path)
    finally:
        sample.apply(slot, None)
    broken = {
        "heading": source.replace("\n\n", "\n\n# หัวข้อปลอม\n\n", 1),
        "script": source.replace("\n\n", "\n\n<script>alert(1)</script>\n\n", 1),
    }
    for what, text in broken.items():
        tree = Tree(sample.md.reset().convert(text))
        caught = skeleton(tree, False) != skeleton(benign, False)
        try:
            assert_inert(tree, what)
        except AssertionError:
            caught = True
        assert caught, what
    # text that leaves its element: the element the marker was in no longer reads as typed
    moved = source.replace(mark, "ย้าย", 1) + "\n\n" + mark + "\n"
    tree = Tree(sample.md.reset().convert(moved))
    assert skeleton(tree, False) != skeleton(benign, False) or any(
        squeeze(tree.at(k).text()) != squeeze(benign.at(k).text()) for k in keys)
    # the same Markdown unbroken compares equal: the helpers do not report every page
    assert skeleton(Tree(sample.md.reset().convert(source)), False) == skeleton(benign, False)


# --------------------------------------------------------------------------- 2. arbitrary valid content builds

WORDS = st.text(st.one_of(THAI, st.sampled_from(list("abcxyzABC0123456789 .,-()/:&'|#*_[]!"))), min_size=1,
                max_size=30).filter(lambda s: s.strip())
NAMES = WORDS.map(lambda s: re.sub('[<>"]', "", s)).filter(lambda s: s.strip())
RICH = st.one_of(WORDS, TEXT.filter(lambda s: s.strip()))
URLS = st.builds(lambda host, path: f"https://{host}.example/{path}", st.sampled_from(["a", "lao", "nacc"]),
                 st.text(st.sampled_from(list("abc123-_./")), max_size=12))
PDF = b"%PDF-1.4\n% test document\n"


@st.composite
def documents(draw, fy: int, max_size: int = 3) -> list[dict]:
    start, end = date(fy - 544, 10, 1), date(fy - 543, 9, 30)
    out = []
    for _ in range(draw(st.integers(0, max_size))):
        doc = {"title": draw(WORDS), "fiscal_year": fy}
        if draw(st.booleans()):
            doc["file"] = draw(st.sampled_from(["files/แผน 2569.pdf", "files/report.pdf"]))
        else:
            doc["url"] = draw(URLS)
        if draw(st.booleans()):
            doc["date"] = start + timedelta(days=draw(st.integers(0, (end - start).days)))
        if draw(st.booleans()):
            doc["note"] = draw(RICH)
        out.append(doc)
    return out


def dumped(model: BaseModel) -> dict:
    return model.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


@st.composite
def projects_content(draw) -> dict[str, object]:
    """A content/ folder: path → YAML data (or bytes)."""
    fy = draw(st.sampled_from([2568, 2569]))
    files: dict[str, object] = {"files/แผน 2569.pdf": PDF, "files/report.pdf": PDF}
    org = yaml.safe_load(ORG)
    org.update(name=draw(NAMES), district=draw(NAMES), province=draw(NAMES), address=draw(WORDS),
               about=draw(RICH), site={"digits": draw(st.sampled_from(["arabic", "thai"]))})
    files["organisation.yml"] = org

    link = st.builds(m.Link, title=WORDS, url=URLS, note=st.none() | RICH).map(dumped)
    channel = st.builds(m.Channel, name=WORDS, kind=st.sampled_from(["webboard", "line", "form", "phone", "other"]),
                        url=st.none() | URLS, value=st.none() | WORDS, description=st.none() | RICH).map(dumped)
    person = st.builds(m.Person, position=WORDS, name=WORDS, contact=st.none() | WORDS).map(dumped)
    persistent = {
        "authority.yml": st.fixed_dictionaries({"duties": st.lists(RICH, min_size=1, max_size=4),
                                                "legal_basis": st.lists(WORDS, max_size=2)}),
        "laws.yml": st.fixed_dictionaries({"description": RICH, "links": st.lists(link, max_size=3)}),
        "qa.yml": st.fixed_dictionaries({"channels": st.lists(channel, min_size=1, max_size=3)}),
        "complaint_guideline.yml": st.fixed_dictionaries({"steps": st.lists(RICH, min_size=1, max_size=4),
                                                          "duration": WORDS}),
        "privacy.yml": st.fixed_dictionaries({"policy": RICH}),
        "executives.yml": st.fixed_dictionaries({"political": st.lists(person, min_size=1, max_size=3)}),
    }
    for name, strategy in persistent.items():
        if draw(st.booleans()):
            files[name] = draw(strategy)

    year = f"{fy}/"
    n = draw(st.integers(1, 4))
    measures = []
    for i in range(n):
        group = draw(st.sampled_from(["indicator", "issue", None]))
        mm = {"id": f"m{i + 1}", "title": draw(WORDS), "steps": draw(st.none() | RICH),
              "responsible": draw(st.lists(WORDS, max_size=2))}
        if group == "indicator":
            mm["indicator"] = draw(st.integers(1, 10))
        elif group == "issue":
            mm["issue"] = draw(st.integers(1, 7))
        measures.append({k: v for k, v in mm.items() if v is not None})
    files[year + "measures.yml"] = {"intro": draw(RICH), "measures": measures}
    files[year + "results.yml"] = {"results": [
        {"measure": mm["id"], "status": draw(st.sampled_from(["done", "in_progress", "not_started"])),
         "summary": draw(RICH)} for mm in measures if draw(st.booleans())]}
    score = draw(st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 2)))
    files[year + "assessment.yml"] = {
        "score": score, "level": ita.band_of(score),
        "indicators": [{"indicator": k, "score": draw(st.floats(0, 100).map(lambda v: round(v, 2)))}
                       for k in sorted(draw(st.sets(st.integers(1, 10), max_size=10)))],
        "summary": draw(RICH),
    }
    start = date(fy - 544, 10, 1)
    files[year + "news.yml"] = {"entries": [
        {"title": draw(WORDS), "date": (start + timedelta(days=draw(st.integers(0, 364)))).isoformat(),
         "description": draw(RICH), "documents": draw(documents(fy, 1))}
        for _ in range(draw(st.integers(0, 3)))]}
    projects = [{"id": f"p{i + 1}", "title": draw(WORDS), "budget": draw(st.integers(0, 10**7))}
                for i in range(draw(st.integers(0, 3)))]
    files[year + "operations.yml"] = {
        "plan": {"projects": projects, "documents": draw(documents(fy))},
        "report": {"results": [{"project": p["id"], "status": "done", "result": draw(RICH)} for p in projects]},
    }
    files[year + "procurement.yml"] = {"monthly": {"months": [
        {"month": f"{fy - 544 + (mo < 10)}-{mo:02d}", "no_procurement": True}
        for mo in sorted(draw(st.sets(st.sampled_from([10, 11, 12, 1, 2, 3]), max_size=3)))]}}
    return files


def write_content(root: Path, files: dict[str, object]) -> None:
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    for rel, data in files.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def errors_of(root: Path) -> list[str]:
    problems = Problems()
    from generator.checks.validate import validate

    site = validate(root, problems)
    assert site is not None
    return [f"{p.file}:{p.line}: {p.en}" for p in problems.sorted() if p.severity == "error"]


@pytest.fixture(scope="module")
def valid_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("valid")


@settings(FAST, max_examples=15)
@given(files=projects_content())
def test_arbitrary_valid_content_loads_without_errors_and_generates(valid_root, files):
    write_content(valid_root, files)
    assert errors_of(valid_root) == []
    generated = generate(Project.at(valid_root, build_dir=valid_root / "build"), force=True)
    assert generated.pages > 10 and not generated.problems.has_errors()


@pytest.mark.slow
@settings(FAST, max_examples=3, suppress_health_check=[HealthCheck.too_slow])  # a whole MkDocs build each
@given(files=projects_content())
def test_arbitrary_valid_content_builds_the_whole_site(valid_root, files):
    write_content(valid_root, files)
    site_dir = valid_root / "site"
    build(Project.at(valid_root, build_dir=valid_root / "build", site_dir=site_dir), force=True)
    pages = list(site_dir.rglob("index.html"))
    assert len(pages) > 10 and (site_dir / "oit" / "index.html").is_file()
    for page in pages:
        tree = Tree(page.read_text(encoding="utf-8"))
        assert_inert_article(tree, page.relative_to(site_dir).as_posix())


def assert_inert_article(tree: Tree, where: str) -> None:
    """The built page's article holds nothing that runs (the theme's own scripts are outside it)."""
    for article in (e for e in tree.elements if e.tag == "article"):
        sub = Tree.__new__(Tree)
        sub.root, sub.elements = article, list(article.walk())
        assert_inert(sub, where)
