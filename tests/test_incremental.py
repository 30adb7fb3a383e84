"""Reading and checking only what changed gives what reading and checking everything gives.

A process keeps what it read and checked (content/load.py, content/catalogue.py,
content/views.py, checks/rules.py, checks/pdpa.py, checks/files.py; `forget_reused` drops it all)
while the files stay the same. Each test edits content in varied ways between two runs in one process, then compares the
second run with a run that starts from nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.checks.validate import forget_reused, validate
from generator.problems import Problems
from generator.publish.build import generate
from generator.publish.project import Project

REPO = Path(__file__).resolve().parent.parent


def checked(root: Path) -> tuple[list[dict], dict]:
    problems = Problems()
    site = validate(root, problems)
    models = {} if site is None else {name: obj.model_dump(mode="json") for name, _, obj in site.files()}
    return [p.as_dict() for p in problems.in_order()], models


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = {
    "a value": [("2569/news.yml", "รวบรวมปัญหาความต้องการ 57 เรื่อง", "รวบรวมปัญหาความต้องการ 61 เรื่อง")],
    "an error (a date nobody can read)": [("2569/news.yml", "date: 15 พ.ย. 2568", "date: กลางเดือนพฤศจิกา")],
    "a warning (a mobile number that is not published)": [
        ("2569/news.yml", "รวบรวมปัญหาความต้องการ 57 เรื่อง", "รวบรวมปัญหา โทร 081 234 5678")],
    "a document named that is not there": [("2569/news.yml", "files/2569/news-tax-2569.pdf", "files/2569/ไม่มีไฟล์นี้.pdf")],
    "the published phone numbers (other files' warnings change)": [
        ("organisation.yml", "phone:", "phone: 081 234 5678\n  old_phone:")],
    "two files at once": [("2569/news.yml", "รวบรวมปัญหาความต้องการ 57 เรื่อง", "รวบรวม 62 เรื่อง"),
                          ("2568/measures.yml", "title: ", "title: ปรับปรุง ")],
}


@pytest.mark.parametrize("edits", EDITS.values(), ids=EDITS.keys())
def test_checking_again_after_an_edit_finds_what_a_fresh_check_finds(tmp_path: Path, edits):
    root = tmp_path / "lao"
    shutil.copytree(REPO / "content", root / "content")
    forget_reused()
    first = checked(root)
    for rel_path, old, new in edits:
        edit(root / "content" / rel_path, old, new)
    again = checked(root)
    forget_reused()
    fresh = checked(root)
    assert again == fresh
    assert again != first


def test_a_document_changed_without_its_yaml_is_checked_again(tmp_path: Path):
    root = tmp_path / "lao"
    shutil.copytree(REPO / "content", root / "content")
    forget_reused()
    first, _ = checked(root)
    document = root / "content" / "files" / "2569" / "news-tax-2569.pdf"
    document.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)  # a program named .pdf
    again, _ = checked(root)
    forget_reused()
    fresh, _ = checked(root)
    assert again == fresh and again != first
    assert any("news-tax-2569.pdf" in p["th"] or "news-tax-2569.pdf" in p["en"] for p in again if p not in first)


@pytest.mark.slow
def test_generating_again_writes_what_a_fresh_generation_writes(tmp_path: Path):
    """Pages and charts too: an assessment score changed redraws its charts, the others are reused."""
    root = tmp_path / "lao"
    shutil.copytree(REPO / "content", root / "content")
    project = Project.at(root)
    forget_reused()
    generate(project)
    edit(root / "content" / "2569" / "assessment.yml", "{indicator: 7, score: 86.40}", "{indicator: 7, score: 71.25}")
    edit(root / "content" / "2569" / "news.yml", "รวบรวมปัญหาความต้องการ 57 เรื่อง", "รวบรวม 63 เรื่อง")
    generate(project)
    again = {p.relative_to(project.docs_dir).as_posix(): p.read_bytes() for p in project.docs_dir.rglob("*.md")}

    forget_reused()
    fresh_project = Project.at(root, build_dir=tmp_path / "fresh-build")
    generate(fresh_project)
    fresh = {p.relative_to(fresh_project.docs_dir).as_posix(): p.read_bytes()
             for p in fresh_project.docs_dir.rglob("*.md")}
    assert again.keys() == fresh.keys()
    assert [p for p in fresh if again[p] != fresh[p]] == []
    assert any(b"71.25" in body or "๗๑.๒๕".encode() in body for body in again.values())


def test_a_changed_template_is_used_by_the_next_run_in_the_same_process(tmp_path, monkeypatch):
    """Jinja does not look at template files at each include (`_env`); a process that runs
    again (`oit serve`) still renders with a template changed since its last run."""
    from generator.publish import build as build_mod
    from generator.publish import render as render_mod

    templates = tmp_path / "templates"
    shutil.copytree(render_mod.TEMPLATE_DIR, templates)
    monkeypatch.setattr(render_mod, "TEMPLATE_DIR", templates)
    monkeypatch.setattr(build_mod, "TEMPLATE_DIR", templates)
    monkeypatch.setattr(build_mod, "_ENV", None)
    probe = templates / "probe.md.j2"
    probe.write_text("เทมเพลตเดิม", encoding="utf-8")
    assert build_mod._env().get_template("probe.md.j2").render() == "เทมเพลตเดิม"
    assert build_mod._env().get_template("probe.md.j2").render() == "เทมเพลตเดิม"  # compiled once, kept
    probe.write_text("เทมเพลตใหม่กว่า", encoding="utf-8")  # another size: file times may not tick between writes
    assert build_mod._env().get_template("probe.md.j2").render() == "เทมเพลตใหม่กว่า"


def test_templates_are_compiled_once_per_machine_and_a_bad_cache_is_no_harm(tmp_path, monkeypatch):
    """The shipped templates' compiled code is kept in the user's cache folder: a later process
    takes it from there and compiles nothing; a cache that is cut short, or a folder that cannot
    be written, only means compiling again."""
    import jinja2

    from generator.publish import render as render_mod

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    names = ["item.md.j2", "_macros.md.j2"]
    first = render_mod.make_env()
    made = {n: first.get_template(n) for n in names}
    cached = sorted((tmp_path / "cache" / "oit").rglob("*.jinja"))
    assert len(cached) == len(names)

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again")

    with monkeypatch.context() as m:
        m.setattr(jinja2.Environment, "compile", no_compiling)
        again = render_mod.make_env()
        for n in names:  # the same code, from the cache
            assert again.get_template(n).root_render_func.__code__.co_code == \
                made[n].root_render_func.__code__.co_code

    for path in cached:
        path.write_bytes(path.read_bytes()[:40])  # cut short
    for n in names:
        assert render_mod.make_env().get_template(n).root_render_func.__code__.co_code == \
            made[n].root_render_func.__code__.co_code

    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    assert render_mod.make_env().get_template("item.md.j2") is not None
