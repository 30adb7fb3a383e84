"""Work done on a second core (generator/publish/alongside.py) gives what the same work gives in
the build's own process: the cross-file checks beside the rendering, the audit's reading of pages
beside MkDocs; and a helper that fails or is handed a page unlike the written one changes nothing.

The helper is forced on (`can_help` is true on any Linux machine with two cores and no thread):
these tests are about correctness, not speed."""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
import time
from pathlib import Path

import pytest
from conftest import ORG, write_project

from generator import cores
from generator.checks.validate import forget_reused
from generator.content import load as load_mod
from generator.problems import Problems, UserError
from generator.publish import alongside
from generator.publish import build as build_mod
from generator.publish import claims as claims_mod
from generator.publish.audit import Built, audit
from generator.publish.build import build
from generator.publish.project import Project
from generator.publish.search import IndexBuilder, read_pages, write_index

# What the audit must find in content: a clerk's note, an example value from the scaffold, a
# national ID agreed to be published, a document no content names; and a document dated in
# another fiscal year than it says, which the cross-file checks warn about.
FILES: dict[str, str | bytes] = {
    "organisation.yml": ORG + "consent:\n  national_ids:\n    - id: '1 1017 00230 70 8'\n"
                              "      note: ผู้รับจ้างยินยอมเป็นหนังสือ\n",
    "executives.yml": """\
        political:
          - name: นายสมชาย ตัวจริง
            position: นายกองค์การบริหารส่วนตำบล
            chief_executive: true
        permanent:
          - name: ชื่อ นามสกุล
            position: ปลัดองค์การบริหารส่วนตำบล
        """,
    "authority.yml": "description: TODO เพิ่มอำนาจหน้าที่ตามกฎหมายจัดตั้ง\n",
    "laws.yml": "description: ผู้รับจ้างเลขประจำตัวประชาชน 1101700230708 ยินยอมให้เผยแพร่\n"
                "documents:\n  - title: ข้อบัญญัติ\n    file: files/laws.pdf\n"
                "    date: 2024-01-15\n    fiscal_year: 2569\n",  # dated in another year: a warning
    "files/laws.pdf": b"%PDF-1.4 laws\n",
    "files/unused.pdf": b"%PDF-1.4 not referred to\n",
}


@pytest.fixture
def helpers_on(monkeypatch):
    """A helper wherever the platform can fork, counted."""
    if not hasattr(os, "fork"):
        pytest.fail("these tests need os.fork (Linux, where the helpers run)")
    monkeypatch.setattr(cores, "can_help", lambda: True)
    monkeypatch.setattr(load_mod, "READ_AHEAD_FROM_BYTES", 0)  # content read ahead, however little
    started: list[object] = []
    start = alongside.PagesAlongside.start.__func__  # type: ignore[attr-defined]

    def counted(cls, *args):
        helper = start(cls, *args)
        started.append(helper)
        return helper

    monkeypatch.setattr(alongside.PagesAlongside, "start", classmethod(counted))
    return started


def _same(a, b) -> None:
    assert [p.as_dict() for p in a.problems.sorted()] == [p.as_dict() for p in b.problems.sorted()]
    assert a.verdicts == b.verdicts
    assert (a.pages, a.items, a.elements, a.consented) == (b.pages, b.items, b.elements, b.consented)


def _tree(folder) -> dict[str, bytes]:
    """Every file's bytes, but the up-to-date record's (it holds file times)."""
    return {f.relative_to(folder).as_posix(): f.read_bytes() for f in sorted(folder.rglob("*"))
            if f.is_file() and f.name != ".oit-state.json"}


@pytest.mark.parametrize("keep_site", [True, False], ids=["in this process", "generated apart"])
def test_helpers_change_nothing_the_build_makes(project, helpers_on, monkeypatch, keep_site):
    """With helpers and without: the same Markdown, back office, record for the audit, site and
    audit findings; and the audit beside MkDocs finds what the audit of the built site finds.
    `oit build` (keep_site=False) generates in a process of its own."""
    root = project({**FILES, "organisation.yml": FILES["organisation.yml"]  # on GitHub: a back office
                    + "site:\n  repo_url: https://github.com/example/lao\n"})
    p = Project.at(root)
    generated, _ = build(p, force=True, keep_site=keep_site)
    assert (generated.site is not None) == keep_site
    assert helpers_on and helpers_on[0] is not None  # the helper ran
    assert any(k.startswith("admin/") for k in _tree(p.docs_dir)), "the back office is in the Markdown tree"
    codes = set(generated.audit.problems.codes())
    assert {"OIT-A014", "OIT-A015", "OIT-A019", "OIT-A023"} <= codes, codes
    _same(generated.audit, audit(p))  # read from the site, in this process
    with_helpers = _tree(p.build_dir), _tree(p.site_dir), [x.as_dict() for x in generated.problems.sorted()]

    monkeypatch.setattr(cores, "can_help", lambda: False)
    alone, _ = build(p, force=True)
    assert helpers_on[-1] is None  # no helper this time
    _same(generated.audit, alone.audit)
    assert (_tree(p.build_dir), _tree(p.site_dir), [x.as_dict() for x in alone.problems.sorted()]) == with_helpers


@pytest.mark.parametrize("share", [0.2, 0.5, 0.8])
def test_content_read_ahead_on_a_second_core_is_the_content_read_here(project, helpers_on, monkeypatch, tmp_path, share):
    """A cold load shares its files with a helper: the same models, positions and problems, in
    the same order, as a load on one core; and the helper did read its share, whichever files
    fall to it."""
    files = {**FILES,
             "authority.yml": "description: [ไม่ปิด\n",  # unreadable YAML: an error at its line
             "2569/plan.yml": "plans:\n  - title: แผนพัฒนาท้องถิ่น\n    wrong_field: 1\n",
             "2570/plan.yml": "plans: []\n", "2570/budget.yml": "documents: 3\n",
             "catalogues/2570.yml": "year: 2570\nitems: นี่ไม่ใช่รายการ\n"}
    root = project(files)
    readers = tmp_path / "readers"

    def counted(read):
        def reading(*args):
            with open(readers, "a", encoding="utf-8") as f:
                f.write(f"{os.getpid()}\n")
            return read(*args)
        return reading

    monkeypatch.setattr(load_mod, "_read_checked", counted(load_mod._read_checked))  # content files
    monkeypatch.setattr(load_mod, "catalogue_entry", counted(load_mod.catalogue_entry))  # catalogues
    monkeypatch.setattr(load_mod, "HELPER_SHARE", share)

    def loaded() -> tuple[str, list[dict]]:
        forget_reused()
        problems = Problems()
        site = load_mod.load_site(root, problems)
        assert site is not None
        shown = repr((site.org, site.persistent, site.years, site.notes, site.catalogues,
                      {k: (v.loaded.data, v.loaded.positions, v.loaded.key_positions) for k, v in site.sources.items()}))
        return shown, [x.as_dict() for x in problems.in_order()]

    two = loaded()
    assert {int(x) for x in readers.read_text().split()} - {os.getpid()}, "the helper read nothing"
    assert any(x["file"] == "content/authority.yml" for x in two[1])
    monkeypatch.setattr(cores, "can_help", lambda: False)
    readers.unlink()
    one = loaded()
    assert {int(x) for x in readers.read_text().split()} == {os.getpid()}
    assert two == one


def test_pages_handed_over_unlike_the_written_ones_are_read_again(project, helpers_on):
    root = project(FILES)
    p = Project.at(root)
    build(p, force=True)
    claims = claims_mod.read(p.build_dir)
    helper = alongside.PagesAlongside.start(p)
    assert helper is not None and helper.building(p.site_dir, claims, ())
    helper.page("index.html", "<html><body>something else</body></html>")
    page = next(f for f in sorted(p.site_dir.rglob("index.html")) if f.parent != p.site_dir)
    rel = page.relative_to(p.site_dir).as_posix()
    helper.page(rel, page.read_text(encoding="utf-8").replace("TODO", "ToDo"))  # same size, other text
    helper.page("no/such/page/index.html", "<html></html>")  # not in the site at all
    helper.index()
    result = helper.audit()
    alone = audit(p)
    # A page of another size is read from the site; one of the same size is trusted, and this
    # one's TODO stays found on the other pages that show it.
    assert [x.as_dict() for x in result.problems.sorted() if x.code != "OIT-A014"] == \
        [x.as_dict() for x in alone.problems.sorted() if x.code != "OIT-A014"]
    assert result.verdicts == alone.verdicts


def test_a_failing_helper_leaves_the_audit_to_the_build(project, helpers_on, monkeypatch):
    def broken(self, base):
        raise RuntimeError("the helper breaks")

    root = project(FILES)
    p = Project.at(root)
    monkeypatch.setattr(Built, "prepare", broken)  # the helper fails on the first page
    generated, _ = build(p, force=True)
    assert helpers_on[0] is not None
    _same(generated.audit, audit(p))


@pytest.mark.parametrize("helper", [True, False], ids=["helper", "no helper"])
def test_cross_file_checks_beside_the_rendering_report_as_check_does(project, run, helpers_on, monkeypatch, helper):
    # A document that is missing is a cross-file error, and the pages that link to it cannot
    # even be rendered: the checks' errors are the answer, and nothing is written.
    monkeypatch.setattr(cores, "can_help", lambda: helper)
    root = project({**FILES, "laws.yml": "documents:\n  - title: ข้อบัญญัติ\n    file: files/nope.pdf\n"})
    code, checked, _ = run("--root", str(root), "check")
    assert code == 1 and "[OIT-F" in checked
    code, built, _ = run("--root", str(root), "build")
    assert code == 1
    shown = sorted(re.findall(r"^\S+: (?:ข้อผิดพลาด|คำเตือน) \[[A-Z0-9-]+\]", checked, re.M))
    assert shown and sorted(re.findall(r"^\S+: (?:ข้อผิดพลาด|คำเตือน) \[[A-Z0-9-]+\]", built, re.M)) == shown
    assert not (root / "site").exists()

    # Warnings only: the build goes on and shows the warnings check shows, with a helper that
    # works and with one that fails (its work is then done again here).
    write_project(root, {"organisation.yml": FILES["organisation.yml"], "laws.yml": FILES["laws.yml"]})
    warnings = sorted(p.as_dict()["code"] for p in build(Project.at(root), force=True)[0].problems)
    assert "OIT-X001" in warnings, warnings
    parent = os.getpid()
    real = build_mod.cross_file_problems

    def fails_in_helper(site):
        if os.getpid() != parent:
            raise RuntimeError("the helper breaks")
        return real(site)

    monkeypatch.setattr(build_mod, "cross_file_problems", fails_in_helper)
    again = sorted(p.as_dict()["code"] for p in build(Project.at(root), force=True)[0].problems)
    assert again == warnings


def _pid_and_helping(x):
    return x, os.getpid(), cores.can_help()


def _helping_in_a_helper():
    return cores.beside(_pid_and_helping, None)()[2]


def _refused(problems, runs):
    with open(runs, "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()}\n")
    raise UserError(problems)


class _OddError(Exception):
    def __init__(self, a, b):  # args that pickle cannot give back to __init__
        super().__init__(f"{a}/{b}")


def _odd(ran_here):
    ran_here.append(os.getpid())
    raise _OddError("ก", "ข")


def test_apart_gives_the_result_or_the_error_and_may_have_helpers(monkeypatch, tmp_path):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # as on a machine of two cores
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # earlier tests' threads (browsers) aside
    assert cores.can_help(), "Linux"
    parent = os.getpid()
    value, pid, helping = cores.apart(_pid_and_helping, "ค่า")
    assert (value, pid != parent, helping) == ("ค่า", True, True)  # it may have helpers of its own
    assert cores.apart(_helping_in_a_helper) is False  # which have none

    problems = Problems()
    problems.report("content/x.yml", 3, 4, load_mod.msg.EMPTY_FILE, what="ทดสอบ")
    runs = tmp_path / "runs"
    with pytest.raises(UserError) as raised:  # the content's errors, as raised there
        cores.apart(_refused, problems, runs)
    assert [p.as_dict() for p in raised.value.problems] == [p.as_dict() for p in problems]
    assert len(runs.read_text().split()) == 1 and int(runs.read_text()) != parent  # not run again here

    ran_here: list[int] = []
    with pytest.raises(_OddError, match="ก/ข"):  # cannot come back: raised again here
        cores.apart(_odd, ran_here)
    assert ran_here == [parent]

    monkeypatch.setattr(cores, "can_help", lambda: False)
    assert cores.apart(_pid_and_helping, 1)[1] == parent


def test_beside_gives_the_result_or_does_the_work_here(monkeypatch):
    monkeypatch.setattr(cores, "can_help", lambda: True)
    parent = os.getpid()
    wait = cores.beside(lambda a, b: (a + b, os.getpid() != parent), 2, 3)
    assert wait() == (5, True)
    assert wait() == (5, True)  # the same answer again, not the work done again here

    def fails(x):
        raise ValueError(x)

    wait = cores.beside(fails, "ไม่ได้")
    with pytest.raises(ValueError, match="ไม่ได้"):  # raised again here, as without a helper
        wait()

    monkeypatch.setattr(cores, "can_help", lambda: False)
    ran: list[int] = []
    wait = cores.beside(lambda: ran.append(os.getpid()) or len(ran))
    assert ran == [parent]  # at once, here: in the order the work would have had without helpers
    assert wait() == 1


def test_the_index_made_from_pages_as_they_come_is_the_index_of_the_site(project, helpers_on):
    """Pages handed over in another order, their Thai cut ahead, one changed since, one the site
    does not have and one not handed at all: the index is the one made from the site's files."""
    root = project(FILES)
    p = Project.at(root)
    build(p, force=True)
    write_index(p.site_dir, None)
    expected = _tree(p.site_dir / "search")
    pages = sorted(p.site_dir.rglob("*.html"), reverse=True)
    builder = IndexBuilder(None)
    builder.warm("<p>คำที่ไม่มีในหน้าใดเลย ตัดไว้ก่อนก็ไม่เปลี่ยนดัชนี</p>")  # content ahead changes nothing
    for file in pages:
        builder.warm(file.read_text(encoding="utf-8"))
    for n, file in enumerate(pages[1:]):  # the first is never handed over
        text = file.read_text(encoding="utf-8")
        if n == 0:
            text = text.replace("</article>", "<p>ไม่มีอยู่ในเว็บไซต์</p></article>")  # not as written
        builder.add(file.relative_to(p.site_dir).as_posix(), text, len(text.encode("utf-8")))
    builder.add("gone/index.html", '<article class="md-content__inner md-typeset"><h1>หน้าที่ลบแล้ว</h1></article>', 80)
    stats = builder.write(p.site_dir)
    assert _tree(p.site_dir / "search") == expected
    assert stats.pages == sum(1 for _ in read_pages(p.site_dir, True))


def _gone(pid: int, seconds: float = 10.0) -> bool:
    """Whether a process has ended (or is a zombie nobody reaps) within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
        except OSError:
            return True
        state = next((line for line in status.splitlines() if line.startswith("State:")), "State: X")
        if "Z" in state.split(":", 1)[1]:
            return True
        time.sleep(0.05)
    return False


def _sleeps_long(pid_file):
    Path(pid_file).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(60)
    return 1


def _big_answer(pid_file):
    Path(pid_file).write_text(str(os.getpid()), encoding="utf-8")
    return b"x" * 8_000_000  # more than a pipe holds: its writer waits for a reader


def _helper_then(fn, pid_file, leave):
    cores.beside(fn, pid_file)
    while not Path(pid_file).exists() or not Path(pid_file).read_text(encoding="utf-8"):
        time.sleep(0.01)
    if leave:
        os._exit(0)  # gone without reading the answer
    time.sleep(60)


def test_helpers_do_not_outlive_a_caller_that_is_gone(tmp_path, monkeypatch):
    """Ctrl+C stops `apart`'s process (SIGTERM): its helpers stop with it; and a helper whose
    caller ended without reading its answer does not wait forever to write it."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    context = multiprocessing.get_context("fork")
    for fn, leave, stop in ((_sleeps_long, False, True), (_big_answer, True, False)):
        pid_file = tmp_path / f"{fn.__name__}.pid"
        receiving, sending = context.Pipe(duplex=False)
        caller = context.Process(target=cores._run_apart, args=(receiving, sending, _helper_then, (fn, pid_file, leave)))
        caller.start()
        while not pid_file.exists() or not pid_file.read_text(encoding="utf-8"):
            time.sleep(0.01)
        if stop:
            caller.terminate()
        caller.join(20)
        assert caller.exitcode is not None, "the caller did not end"
        assert _gone(int(pid_file.read_text())), f"{fn.__name__}: the helper outlived its caller"
