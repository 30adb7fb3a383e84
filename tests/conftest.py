"""Shared test helpers: tiny throw-away projects and a CLI runner.

`--update-golden` rewrites the golden files (generated Markdown, error messages) instead of
comparing against them; review the diff before committing. `--update-screenshots` writes the
screenshots the browser tests take for docs/guide.md.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

from generator.cli import main

# "Today" for every judgement of what is due or in office (generator.thai.today): the day the
# sample content describes, so that the tests give the same answers in every month to come.
SAMPLE_TODAY = "2026-12-07"
os.environ["OIT_TODAY"] = SAMPLE_TODAY
# Compiled templates (generator/publish/render.py) go to this run's own cache folder, not the user's.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="oit-tests-cache-")

REPO = Path(__file__).resolve().parent.parent

ORG = """\
name: องค์การบริหารส่วนตำบลทดสอบ
short_name: อบต.ทดสอบ
type: อบต.
district: เมืองทดสอบ
province: ทดสอบ
address: หมู่ 1 ตำบลทดสอบ
phone: "0 3299 0000"
email: test@test.example
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files")
    parser.addoption("--update-screenshots", action="store_true",
                     help="write the back office screenshots of docs/guide.md (docs/images/admin/)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--update-golden")


def write_project(root: Path, files: dict[str, str | bytes]) -> Path:
    """A project folder with content files (paths relative to content/)."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    files = {"organisation.yml": ORG, **files}
    for rel_path, data in files.items():
        path = content / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path):
    def make(files: dict[str, str | bytes] | None = None) -> Path:
        return write_project(tmp_path / "lao", files or {})

    return make


@pytest.fixture
def run(capsys: pytest.CaptureFixture):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""

    def call(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


@pytest.fixture(scope="session")
def sample_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's sample LAO (content/ only; the tool's theme is shared)."""
    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.fixture(scope="session")
def built_sample(sample_copy: Path):
    """The sample LAO built once per test session: (project, generated)."""
    from generator.publish.build import build
    from generator.publish.project import Project

    project = Project.at(sample_copy)
    generated, _ = build(project)
    return project, generated
