"""The invariant of issue 15: for any content that `oit check` accepts, `oit build` finishes.

Property tests over generated *file trees*, not only text fields: documents and images under
odd names (Thai, spaces, '#', '?', '%', quotes, zero-width and direction characters, names near
the 255-byte limit), in odd folders, of every kind (the accepted types, pages, programs, macro
files, a program renamed .pdf, SVGs with and without scripts, empty files), and odd things in
their place (symbolic links inside, outside, to themselves, dangling, to a parent folder or to
the root of the disk; folders; named pipes; unreadable files; big sparse files over a size limit
set in organisation.yml). For each tree:

- `oit check` never raises (no traceback) and exits 0 or 1;
- when it exits 0, `oit build` exits 0 and every accepted document is in the built site, byte
  for byte, with a link on its page;
- when it exits 1, `oit build` exits 1 as well, without a traceback and without a site.

Hypothesis runs derandomized with no example database: every run tries the same trees.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import ORG
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from generator.cli import main

FAST = settings(derandomize=True, database=None, deadline=None, print_blob=False, max_examples=25,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 16
ZIP = b"PK\x03\x04" + b"\x00" * 26
EXE = b"MZ" + b"\x00" * 58 + (64).to_bytes(4, "little") + b"PE\x00\x00" + b"\x00" * 32
BYTES = {
    "pdf": PDF, "png": PNG, "jpg": JPEG, "zip": ZIP, "exe": EXE, "empty": b"",
    "text": "ลำดับ,รายการ\n1,ซ่อมถนน\n".encode(),
    "html": b"<!DOCTYPE html><script>alert(1)</script>",
    "svg": b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>',
    "svg_script": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
}
# What each name's type usually holds; some trees get the wrong bytes on purpose.
NATURAL = {".pdf": "pdf", ".PDF": "pdf", ".png": "png", ".jpg": "jpg", ".zip": "zip", ".docx": "zip",
           ".xlsx": "zip", ".csv": "text", ".txt": "text", ".svg": "svg", ".html": "html", ".exe": "exe",
           ".pdf.exe": "exe", ".docm": "zip", ".heic": "jpg", "": "pdf"}

THAI = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E2E)
NAME_CHAR = st.one_of(
    THAI, st.sampled_from(list("abcXYZ0129")),
    st.sampled_from(list(" #?%&'\"()[]{}+,;=@!$~^`-_.") + ["\u200b", "\u202e", "\u00a0", "\u0e48", "\u200e"]),
)
STEM = st.one_of(
    st.text(NAME_CHAR, min_size=1, max_size=10).map(lambda s: s.replace("/", "_")).filter(
        lambda s: s.strip() and not s.startswith(".")),
    st.integers(min_value=78, max_value=90).map(lambda n: "ก" * n),  # 234–270 bytes with ".pdf"
)
SUFFIX = st.sampled_from([".pdf", ".pdf", ".pdf", ".PDF", ".png", ".jpg", ".docx", ".xlsx", ".csv", ".txt",
                          ".zip", ".svg", ".html", ".exe", ".pdf.exe", ".docm", ".heic", ""])
FOLDER = st.sampled_from(["files", "files", "files/ประกาศ #1", "files/ถาม?ตอบ", "เอกสาร 2569",
                          "files/" + "ข" * 80, "files/%20"])
KIND = st.sampled_from(["file", "file", "file", "file", "wrong_bytes", "big", "symlink_inside", "symlink_outside",
                        "symlink_self", "symlink_dangling", "folder", "fifo", "unreadable"])


@dataclass
class Entry:
    folder: str
    stem: str
    suffix: str
    kind: str
    wrong: str  # the bytes a "wrong_bytes" entry gets instead of its natural ones

    @property
    def ref(self) -> str:
        return f"{self.folder}/{self.stem}{self.suffix}"


ENTRY = st.builds(Entry, FOLDER, STEM, SUFFIX, KIND, st.sampled_from(sorted(BYTES)))
# Trees a check should accept, however odd their names: accepted types holding what they say.
GOOD_CHAR = st.one_of(THAI, st.sampled_from(list("abc019 #?%&'\"()[]{}+,;=@!$~^`-_.") + ["\u200b", "\u00a0"]))
GOOD_ENTRY = st.builds(
    Entry, FOLDER,
    st.one_of(st.text(GOOD_CHAR, min_size=1, max_size=10).filter(lambda s: s.strip() and not s.startswith(".")),
              st.integers(min_value=78, max_value=83).map(lambda n: "ก" * n)),
    st.sampled_from([".pdf", ".PDF", ".png", ".jpg", ".docx", ".xlsx", ".csv", ".txt", ".zip", ".svg"]),
    st.sampled_from(["file", "file", "big", "symlink_inside"]), st.just("pdf"))
TREE = st.tuples(st.lists(GOOD_ENTRY, min_size=1, max_size=4), st.lists(ENTRY, max_size=1)).map(lambda t: t[0] + t[1])
EXTRA_LINK = st.sampled_from([None, "..", "/", ".", "files"])  # an unreferenced link among the files


def _write(content: Path, e: Entry, outside: Path) -> None:
    path = content / e.ref
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:  # the folder itself is too long a name: only the reference exists
        return
    if len(path.name.encode()) > 255 or path.exists() or path.is_symlink():
        return  # too long for any file system, or a second entry of the same name
    natural = BYTES[NATURAL.get(e.suffix, "pdf")]
    if e.kind in ("file", "unreadable"):
        path.write_bytes(natural)
        if e.kind == "unreadable":
            path.chmod(0)
    elif e.kind == "wrong_bytes":
        path.write_bytes(BYTES[e.wrong])
    elif e.kind == "big":
        with path.open("wb") as f:
            f.write(natural)
            f.truncate(3 * 1024 * 1024)
    elif e.kind == "symlink_inside":
        target = path.parent / f"จริง-{hashlib.sha1(e.ref.encode()).hexdigest()[:8]}{e.suffix}"
        target.write_bytes(natural)
        os.symlink(target.name, path)
    elif e.kind == "symlink_outside":
        secret = outside / "secret.pdf"
        secret.write_bytes(PDF)
        os.symlink(secret, path)
    elif e.kind == "symlink_self":
        os.symlink(path.name, path)
    elif e.kind == "symlink_dangling":
        os.symlink("ไม่มีไฟล์นี้.pdf", path)
    elif e.kind == "folder":
        path.mkdir()
    elif e.kind == "fifo":
        os.mkfifo(path)


def _project(root: Path, entries: list[Entry], extra_link: str | None, limit: bool) -> None:
    content = root / "content"
    outside = root.parent / "outside"
    outside.mkdir(exist_ok=True)
    content.mkdir(parents=True)
    org = ORG + ("site:\n  max_document_mb: 1\n" if limit else "")
    (content / "organisation.yml").write_text(org, encoding="utf-8")
    (content / "2569").mkdir()
    (content / "2569" / "news.yml").write_text("entries: []\n", encoding="utf-8")
    # A one-item catalogue keeps each build small (O1: authority, documents and all).
    (content / "catalogues").mkdir()
    (content / "catalogues" / "2569.yml").write_text(CATALOGUE, encoding="utf-8")
    docs = [{"title": f"เอกสารที่ {i + 1}", "file": e.ref} for i, e in enumerate(entries)]
    (content / "authority.yml").write_text(
        yaml.safe_dump({"duties": "อำนาจหน้าที่", "documents": docs}, allow_unicode=True), encoding="utf-8")
    for e in entries:
        _write(content, e, outside)
    if extra_link is not None:
        (content / "files").mkdir(exist_ok=True)
        os.symlink(extra_link, content / "files" / "ลิงก์")


CATALOGUE = """\
year: 2569
status: provisional
indicators:
  - id: '9'
    title: การเปิดเผยข้อมูล
    sub_indicators:
      - id: '9.1'
        title: ข้อมูลพื้นฐาน
        items:
          - code: O1
            title: อำนาจหน้าที่
            topics: [authority]
            elements:
              - id: duties
                text: อำนาจหน้าที่
                topic: authority
                checks: [{kind: present}]
"""


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text, text
    return code, text


def _published(root: Path, entries: list[Entry]) -> None:
    """Every document the check accepted is in the site, byte for byte, linked from its page."""
    page = (root / "site" / "oit" / "2569" / "o1" / "index.html").read_text(encoding="utf-8")
    site_files = {p.relative_to(root / "site").as_posix(): p for p in (root / "site" / "files").rglob("*")
                  if p.is_file()} if (root / "site" / "files").is_dir() else {}
    for i, e in enumerate(entries):
        assert f"เอกสารที่ {i + 1}" in page
        source = (root / "content" / e.ref).read_bytes()
        assert any(p.read_bytes() == source for p in site_files.values()), f"{e.ref!r} not published"


@pytest.mark.slow
@FAST
@given(entries=TREE, extra_link=EXTRA_LINK, limit=st.booleans())
def test_check_passes_then_build_passes(entries: list[Entry], extra_link: str | None, limit: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="oit-tree-") as tmp:
        root = Path(tmp) / "lao"
        try:
            _project(root, entries, extra_link, limit)
            note(f"entries: {entries!r}")
            code, out = _run("--root", str(root), "check")
            assert code in (0, 1), out
            event("check passed, site built" if code == 0 else "check refused, build refused")
            built, built_out = _run("--root", str(root), "build")
            if code == 0:
                assert built == 0, f"check passed but build failed:\n{built_out}"
                _published(root, entries)
            else:
                assert built == 1, built_out
                assert not (root / "site").exists()
        finally:
            for path in Path(tmp).rglob("*"):  # give back what chmod 0 took, so the folder can go
                if path.is_file() and not path.is_symlink():
                    path.chmod(0o644)
            shutil.rmtree(tmp, ignore_errors=True)
