"""The corpus of broken and hostile input: clear errors, nothing lost, nothing injected.

Each folder `tests/corpus/<case>/` is data:

- `content/` — the content files of a tiny project (`organisation.yml` from conftest's ORG unless
  the case has its own). Binary files are committed as they came (Windows-874, UTF-16, CRLF …;
  `tests/corpus/.gitattributes` keeps git from converting them).
- `case.yml` — `about` (what it proves), `category`, and optionally: `generate` (inputs too big
  or too odd to commit, made at test time: a 50 MB file, a billion-laughs file, deep nesting,
  a named pipe, a sparse document of some size, a name near the 255-byte limit, a folder renamed
  to what git would mangle), `symlinks` (made at test time; `outside:<name>` is a file outside
  the project; a link to itself is a loop), `shows` (strings that must appear exactly as typed),
  `mode: build` with `page`/`section` (the site is built and the page inspected; `chrome: true`
  adds the page's <title> and breadcrumbs, which the theme prints from catalogue titles), `xfail`
  (a known defect outside this test's reach, with why).
- `expected.txt` — the golden: for `check` cases the exact `oit check` output and exit code;
  for `build` cases the section of the page as a visitor sees it (headings with their level,
  table rows with their cells, links with their address). `pytest --update-golden` rewrites
  them; review the diff.

Every case also proves: no traceback; exit 1 exactly when there is an error; `content/` is never
written; content that `oit check` accepts generates its Markdown; and for errors, `oit build` fails and leaves the previously built `site/` byte for
byte as it was, with no temporary folder or half-written Markdown left behind. Build cases prove
that the page carries no script, event handler or `javascript:` address from the content,
that every table row keeps its column count, and that the page has the same headings, tables and
code blocks as the same content with every special character removed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import markdown as pymd
import mkdocs.theme
import pytest
import yaml
from conftest import ORG, REPO

from generator.publish.build import MkDocsFailed, build, generate
from generator.publish.project import Project

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = sorted(p.parent.name for p in CORPUS.glob("*/case.yml"))
SENTINEL = "OUTSIDE-THE-PROJECT-7f3a"


def spec_of(name: str) -> dict:
    return yaml.safe_load((CORPUS / name / "case.yml").read_text(encoding="utf-8"))


def _param(name: str):
    why = spec_of(name).get("xfail")
    return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=why)) if why else name


# ------------------------------------------------------------------ inputs made at test time


def billion_laughs(path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=False):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def big_file(path: Path, megabytes: int) -> None:
    line = ("  - " + "ข้อความยาวมากจากการวางเอกสารทั้งฉบับลงในไฟล์ " * 4 + "\n").encode("utf-8")
    with path.open("wb") as f:
        f.write(b"documents:\n")
        for _ in range(megabytes * 1024 * 1024 // len(line) + 1):
            f.write(line)


def deep_nesting(path: Path, depth: int) -> None:
    path.write_text("description: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")


def wide_list(path: Path, entries: int) -> None:
    path.write_text("documents:\n" + "- x\n" * entries, encoding="utf-8")


def alias_chain(path: Path, depth: int) -> None:
    lines = ["a0: &a0 [ข้อความ]"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, depth)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def sized_pdf(path: Path, megabytes: float) -> None:
    """A PDF header and then nothing: a sparse file of the given size, cheap to make."""
    with path.open("wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(int(megabytes * 1024 * 1024))


def long_name_document(path: Path, letters: int, title: str) -> None:
    """A document whose name is `letters` Thai letters (3 bytes each) + ".pdf", and `path` (a
    YAML file) naming it: a name near the file system's limit of 255 bytes, too long to commit."""
    name = "ก" * letters + ".pdf"
    (path.parent / "files").mkdir(exist_ok=True)
    if len(name.encode()) <= 255:
        (path.parent / "files" / name).write_bytes(b"%PDF-1.4\n%long\n")
    path.write_text(f"documents:\n  - title: {title}\n    file: files/{name}\n", encoding="utf-8")


def pdf(path: Path) -> None:
    """A small PDF under a name Windows cannot hold ("?"), so it is not committed."""
    path.write_bytes(b"%PDF-1.4\n%made at test time\n%%EOF\n")


def move(path: Path, to: str) -> None:
    """Rename a committed file or folder to a name git or Windows would mangle ("2569 ")."""
    os.rename(path, path.parent / to)


GENERATORS = {"billion_laughs": billion_laughs, "big_file": big_file, "deep_nesting": deep_nesting,
              "wide_list": wide_list, "alias_chain": alias_chain, "fifo": fifo, "sized_pdf": sized_pdf,
              "long_name_document": long_name_document, "pdf": pdf, "move": move}


def make_project(tmp_path: Path, name: str, spec: dict) -> Path:
    root = tmp_path / "lao"
    content = root / "content"
    if (CORPUS / name / "content").is_dir():
        shutil.copytree(CORPUS / name / "content", content)
    else:  # every file of the case is generated (git keeps no empty folder)
        content.mkdir(parents=True)
    if not (content / "organisation.yml").exists():
        (content / "organisation.yml").write_text(ORG, encoding="utf-8")
    for gen in spec.get("generate", []):
        (kind, target), *args = gen.items()
        (content / target).parent.mkdir(parents=True, exist_ok=True)
        GENERATORS[kind](content / target, **dict(args))
    for link, target in spec.get("symlinks", {}).items():
        if target.startswith("outside:"):
            outside = tmp_path / "outside" / target.split(":", 1)[1]
            outside.parent.mkdir(parents=True, exist_ok=True)
            outside.write_text(f"description: {SENTINEL}\n", encoding="utf-8")
            target = str(outside)
        (content / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, content / link)
    return root


def tree(folder: Path) -> dict[str, str]:
    """Every file (and symlink) under a folder with a hash of its bytes: to prove nothing moved."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for n in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            p = Path(dirpath, n)
            rel = p.relative_to(folder).as_posix()
            if p.is_symlink():
                out[rel] = "link:" + os.readlink(p)
            elif not p.is_file():  # a named pipe: reading it would wait forever
                out[rel] = "special"
            else:
                out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


# ------------------------------------------------------------------ reading built pages

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "pre", "blockquote", "caption"}
STRUCTURE = ["h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "th", "td", "hr", "pre", "code",
             "blockquote", "dl", "img", "iframe", "script", "style", "form", "object", "embed"]
NEVER_IN_ARTICLE = {"script", "style", "iframe", "object", "embed", "form", "input", "textarea",
                    "button", "select", "base", "meta", "link", "frame", "frameset", "marquee", "body"}
VOID = {"br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster", "background"}


class Page(HTMLParser):
    """A built page: the tags everywhere, and the article (or one of its sections) as text."""

    def __init__(self, source: str, section: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.section = section
        self.tags: list[tuple[str, dict, bool]] = []  # (tag, attrs, inside the article)
        self.scripts: list[str] = []
        self.article_text: list[str] = []
        self.lines: list[str] = []
        self.tables: list[list[int]] = []  # cells per row, per table in the article
        self.cells: list[str] = []  # text of every table cell in the section
        self._depth = 0  # nesting depth inside the article element (0: outside)
        self._in_section = section is None
        self._skip = 0  # inside a heading's permalink
        self._line: list[str] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._href: list[str | None] = []
        self._script: list[str] | None = None
        self.feed(source)
        self._flush()

    @property
    def in_article(self) -> bool:
        return self._depth > 0

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if self.in_article:
            self._depth += tag not in VOID
        elif tag == "article":
            self._depth = 1
        self.tags.append((tag, a, self.in_article))
        if tag == "script":
            self._script = []
        if not self.in_article:
            return
        if tag == "h2" and self.section is not None:
            self._flush()
            self._in_section = a.get("id") == self.section
        if not self._in_section:
            return
        if tag == "a" and "headerlink" in a.get("class", ""):
            self._skip += 1
        elif tag in BLOCKS:
            self._flush()
            if tag[0] == "h" and tag[1:].isdigit():
                self._line.append("#" * int(tag[1:]) + " ")
            elif tag == "li":
                self._line.append("- ")
            elif tag == "tr":
                self._row = []
        elif tag in ("td", "th"):
            self._cell = []
            self._cell_text: list[str] = []
        elif tag == "table":
            self.tables.append([])
        elif tag == "br":
            self._text(" ↵ ")
        elif tag == "a":
            self._href.append(a.get("href"))
            self._text("[")
        elif tag == "img":
            self._text(f"![{a.get('alt', '')}]({a.get('src', '')})")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        if not self.in_article:
            return
        if self._in_section:
            if tag == "a" and self._skip:
                self._skip -= 1
            elif tag == "a" and self._href:
                href = self._href.pop()
                self._text(f"]({href})" if href else "]")
            elif tag in ("td", "th") and self._cell is not None and self._row is not None:
                self._row.append(" ".join("".join(self._cell).split()))
                self.cells.append(" ".join(self._cell_text))
                self._cell = None
            elif tag == "tr" and self._row is not None:
                self.lines.append("| " + " | ".join(self._row) + " |")
                if self.tables:
                    self.tables[-1].append(len(self._row))
                self._row = None
            elif tag in BLOCKS:
                self._flush()
        if tag not in VOID:
            self._depth -= 1

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        if self.in_article and self._in_section and not self._skip:
            self.article_text.append(data)
            if self._cell is not None:
                self._cell_text.append(data)
            self._text(data)

    def _text(self, s: str) -> None:
        (self._cell if self._cell is not None else self._line).append(s)

    def _flush(self) -> None:
        text = " ".join("".join(self._line).split())
        if text and text not in ("-",):
            self.lines.append(text)
        self._line = []

    def text(self) -> str:
        return " ".join("".join(self.article_text).split())

    def counts(self) -> dict[str, int]:
        return {t: sum(1 for tag, _, inside in self.tags if inside and tag == t) for t in STRUCTURE}


class Chrome(HTMLParser):
    """What the theme prints around the article from content: the page's <title> and the
    breadcrumb labels (the same labels as the navigation)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.path: list[str] = []
        self._in: str | None = None
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag == "title":
            self._in = "title"
        elif tag == "a" and "md-path__link" in cls:
            self._in = "path"
            self.path.append("")

    def handle_endtag(self, tag):
        if tag in ("title", "a"):
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title.append(data)
        elif self._in == "path":
            self.path[-1] += data

    def lines(self) -> list[str]:
        crumbs = " › ".join(" ".join(p.split()) for p in self.path)
        return [f"<title>: {' '.join(''.join(self.title).split())}", f"breadcrumbs: {crumbs}"]


def _collapse(s: str) -> str:
    return " ".join(s.split())


def assert_inert(page: Page, where: str) -> None:
    """Nothing from the content can run in a visitor's browser or escape into the layout."""
    for tag, attrs, inside in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), f"{where}: event handler {name}= on <{tag}>"
            if name in URL_ATTRS:
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not scheme.startswith(("javascript:", "vbscript:", "data:")), f"{where}: {name}={value!r}"
        assert not (inside and tag in NEVER_IN_ARTICLE), f"{where}: <{tag}> inside the article"
    for script in page.scripts:
        assert "alert(" not in script and "evil" not in script, f"{where}: content inside a <script>"
    for i, rows in enumerate(page.tables):
        assert len(set(rows)) <= 1, f"{where}: table {i + 1} has rows of {rows} cells"


# ------------------------------------------------------------------ the benign twin of a case

KEEP = {"url", "file", "date", "since", "until", "updated", "as_of", "contract_date", "month", "period",
        "fiscal_year", "based_on", "measure", "id", "project", "risk", "platform", "kind", "status", "level",
        "code", "type", "indicator", "issue", "phone", "fax", "email", "map_url", "site_url", "repo_url",
        "edit_branch", "years", "score", "weight", "weighted", "budget", "total", "done", "in_progress",
        "count", "no", "photo", "logo", "map_image", "vacant", "no_procurement", "chief_executive"}


def _plain(value, key=None):
    if isinstance(value, dict):
        return {k: _plain(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, key) for v in value]
    if isinstance(value, str) and key not in KEEP:
        return re.sub(r"[^\w\s]", "", value).strip() or "ข้อความ"
    return value


def benign_counts(root: Path, tmp_path: Path, page_path: str) -> dict[str, int]:
    """Structure of the same page when every special character is removed from the content."""
    twin = tmp_path / "twin"
    shutil.copytree(root / "content", twin / "content", symlinks=True)
    for path in (twin / "content").rglob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_plain(data), allow_unicode=True), encoding="utf-8")
    project = Project.at(twin, build_dir=twin / "build")
    generate(project)
    md = (project.docs_dir / page_path / "index.md").read_text(encoding="utf-8")
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)  # front matter, as MkDocs strips it
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict):
            (name, cfg), = ext.items()
            names.append(name)
            configs[name] = cfg or {}
        else:
            names.append(ext)
    html = pymd.markdown(md, extensions=names, extension_configs=configs)
    page = Page(f"<article>{html}</article>")
    return page.counts()


# ------------------------------------------------------------------ the corpus


class _CompiledTemplates(jinja2.BytecodeCache):
    """Theme templates compiled once per session instead of once per build (a third of a small
    build's time). Keyed by template and checked against its source, so output is unchanged."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


@pytest.fixture(scope="module", autouse=True)
def _fast_theme_templates():
    cache = _CompiledTemplates()
    original = mkdocs.theme.Theme.get_env

    def get_env(self):
        env = original(self)
        env.bytecode_cache = cache
        return env

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(mkdocs.theme.Theme, "get_env", get_env)
        yield


@pytest.fixture(scope="session")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from good content, to be the 'previous site' a failed build must keep."""
    root = tmp_path_factory.mktemp("good")
    (root / "content").mkdir()
    (root / "content" / "organisation.yml").write_text(ORG, encoding="utf-8")
    build(Project.at(root))
    return root / "site"


def golden(name: str, text: str, update: bool) -> None:
    path = CORPUS / name / "expected.txt"
    if update:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run pytest --update-golden and review"
    assert text == path.read_text(encoding="utf-8"), f"{name}: output differs from expected.txt"


@pytest.mark.parametrize("name", [_param(n) for n in CASES])
def test_case(name, tmp_path, run, good_site, update_golden):
    spec = spec_of(name)
    root = make_project(tmp_path, name, spec)
    content_before = tree(root / "content")

    code, out, err = run("--root", str(root), "check", *spec.get("args", []))
    assert "Traceback" not in out + err
    assert str(tmp_path) not in out + err, "messages must name files relative to the project"
    has_error = any(": ข้อผิดพลาด [OIT-" in line for line in out.splitlines())
    assert code == (1 if has_error else 0), out

    if spec.get("mode") == "build":
        assert code == 0, f"a build case must be valid content:\n{out}"
        text = built_page(root, tmp_path, spec)
    else:
        text = f"$ oit check {' '.join(spec.get('args', []))}".rstrip() + f"\nexit {code}\n{out}"
        if err:
            text += f"stderr:\n{err}"
        if code == 0:  # what check accepts, the generator writes (the build cases go on to MkDocs)
            project = Project.at(root, build_dir=tmp_path / "build")
            generate(project)
            produced = _collapse(" ".join(p.read_text(encoding="utf-8") for p in project.docs_dir.rglob("*.md")))
            for s in spec.get("shows", []):
                assert _collapse(s) in produced, f"decoded text lost: {s!r}"
        if code == 1:
            failed_build_keeps_previous_site(root, good_site, run)
    assert tree(root / "content") == content_before, "content/ was written to"
    golden(name, text, update_golden)


def failed_build_keeps_previous_site(root: Path, good_site: Path, run) -> None:
    site = root / "site"
    shutil.copytree(good_site, site)
    before = tree(site)
    code, out, err = run("--root", str(root), "build")
    assert code == 1 and "Traceback" not in out + err
    assert "เว็บไซต์เดิมยังอยู่ครบ" in out + err
    assert tree(site) == before, "the previous site was changed"
    assert not list(root.glob(".site-*")), "a temporary site folder was left behind"
    assert not (root / "build" / "docs").exists(), "Markdown was half-written for failed content"


def built_page(root: Path, tmp_path: Path, spec: dict) -> str:
    project = Project.at(root, site_dir=root / "site", build_dir=root / "build")
    build(project)
    page_path = spec["page"].strip("/")
    source = (project.site_dir / page_path / "index.html").read_text(encoding="utf-8")
    where = f"{page_path} #{spec.get('section') or 'article'}"
    whole = Page(source)
    assert_inert(whole, where)
    assert whole.counts() == benign_counts(root, tmp_path, page_path), (
        f"{where}: the content changed the page's structure (headings, tables, code blocks)")
    section = Page(source, spec.get("section"))
    assert section.lines, f"{where}: section not found"
    shown = section.text()
    for s in spec.get("shows", []):
        assert _collapse(s) in shown, f"{where}: not shown as typed: {s!r}"
    cells = [_collapse(c) for c in section.cells]
    for s in spec.get("in_table", []):
        assert any(_collapse(s) in c for c in cells), f"{where}: not inside one table cell: {s!r}"
    assert SENTINEL not in "".join(p.read_text(errors="ignore") for p in project.site_dir.rglob("*.html"))
    for other in project.site_dir.rglob("*.html"):  # the navigation of every page carries the labels too
        assert_inert(Page(other.read_text(encoding="utf-8")), other.relative_to(project.site_dir).as_posix())
    lines = Chrome(source).lines() if spec.get("chrome") else []
    return f"# {where} — as shown to visitors\n" + "\n".join(lines + section.lines) + "\n"


def test_corpus_is_large_and_covers_every_category():
    categories = [spec_of(n)["category"] for n in CASES]
    assert len(CASES) >= 120
    for needed in ("yaml", "encoding", "value", "file", "injection", "pdpa",
                   # issue 15: user catalogues and notes, file types, "check passes ⇒ build passes",
                   # two sources for one thing, invisible characters, implausible values
                   "catalogue", "filetype", "tree", "duplicate", "invisible", "plausible"):
        assert categories.count(needed) >= 4, needed


# ------------------------------------------------------------------ tidy, atomic, deterministic output


def hostile_project(tmp_path: Path) -> Path:
    """Several injection cases in one project (later cases win where files collide)."""
    root = tmp_path / "hostile"
    for name in ("inj-img-onerror", "inj-raw-html-every-field", "inj-pipe-in-table-cell",
                 "inj-organisation-text", "inj-script-tags"):
        shutil.copytree(CORPUS / name / "content", root / "content", dirs_exist_ok=True)
    return root


def test_two_generations_are_byte_identical_and_the_second_writes_nothing(tmp_path):
    root = hostile_project(tmp_path)
    content = tree(root / "content")
    a = Project.at(root, build_dir=tmp_path / "a")
    b = Project.at(root, build_dir=tmp_path / "b")
    generate(a)
    generate(b)
    files_a = {p.relative_to(a.docs_dir).as_posix(): p.read_bytes() for p in a.docs_dir.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b.docs_dir).as_posix(): p.read_bytes() for p in b.docs_dir.rglob("*") if p.is_file()}
    assert files_a.keys() == files_b.keys() and len(files_a) > 20
    assert [k for k in files_a if files_a[k] != files_b[k]] == []
    again = generate(a)
    assert again.stats.changed == 0
    assert tree(root / "content") == content


def test_only_changed_files_are_written_and_stale_ones_removed_inside_the_build_folder(tmp_path):
    root = hostile_project(tmp_path)
    project = Project.at(root, build_dir=tmp_path / "build")
    generate(project)
    docs = project.docs_dir
    stale = docs / "oit" / "2560" / "old.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("stale", encoding="utf-8")
    neighbour = tmp_path / "notes.txt"  # beside the build folder: not ours
    neighbour.write_text("keep", encoding="utf-8")
    mtimes = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    news = root / "content" / "2569" / "news.yml"
    news.write_text(news.read_text(encoding="utf-8").replace("ประชุมสภา", "ประชุมสภาสมัยวิสามัญ"), encoding="utf-8")
    stats = generate(project).stats
    assert not stale.exists() and not stale.parent.exists()
    assert neighbour.read_text(encoding="utf-8") == "keep"
    changed = {p for p, t in mtimes.items() if p.exists() and p.stat().st_mtime_ns != t}
    assert changed and all("2569" in p.as_posix() or p.name == "index.md" for p in changed)
    assert stats.written == len(changed) and stats.removed == 1


def test_a_failed_mkdocs_build_leaves_the_previous_site_whole(tmp_path, good_site):
    root = hostile_project(tmp_path)
    shutil.copytree(REPO / "theme", root / "theme")
    (root / "theme" / "main.html").write_text("{% extends 'base.html' %}{% block content %}{{ broken( }}{% endblock %}",
                                              encoding="utf-8")
    shutil.copytree(good_site, root / "site")
    before = tree(root / "site")
    with pytest.raises(MkDocsFailed):
        build(Project.at(root))
    assert tree(root / "site") == before
    assert not list(root.glob(".site-*"))
