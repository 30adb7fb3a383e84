"""The example workflow of a province repository (examples/province/.github/workflows/sites.yml):
valid for GitHub, official actions only, least permissions, one job per LAO, and its shell steps
run here as GitHub would run them (listing, checking, building, assembling)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import write_project

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "province" / ".github" / "workflows" / "sites.yml"
OFFICIAL = {
    "actions/checkout@v4", "actions/setup-python@v5", "actions/configure-pages@v5",
    "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4", "actions/upload-artifact@v4",
    "actions/download-artifact@v4", "actions/cache/save@v4", "actions/cache/restore@v4",
}
BROKEN = """\
political:
  - positon: นายกองค์การบริหารส่วนตำบล
    name: นายทดสอบ ใจดี
"""


@pytest.fixture(scope="module")
def wf() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def step(wf: dict, job: str, name: str) -> dict:
    found = [s for s in wf["jobs"][job]["steps"] if s.get("name") == name or s.get("id") == name]
    assert len(found) == 1, (job, name)
    return found[0]


def run_step(wf: dict, job: str, name: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """Run a `run:` step the way the runner does: bash -e, plus pipefail for `shell: bash`."""
    s = step(wf, job, name)
    flags = ["--noprofile", "--norc", "-eo", "pipefail"] if s.get("shell") == "bash" else ["-e"]
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"  # oit and python3 of this venv
    full_env = {**os.environ, "PATH": path, **wf.get("env", {}), **env}
    return subprocess.run(["bash", *flags, "-c", s["run"]], cwd=cwd, env=full_env, capture_output=True, text=True)


def test_it_is_an_example_not_a_workflow_of_this_repository():
    assert not (REPO / ".github" / "workflows" / EXAMPLE.name).exists()
    assert "examples/province/.github/workflows/sites.yml" in (REPO / "README.md").read_text(encoding="utf-8")


def test_example_is_valid_for_github():
    exe = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run([str(exe), "--builtin-schema", "vendor.github-workflows", str(EXAMPLE)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_official_actions_at_major_versions(wf):
    uses = {s["uses"] for job in wf["jobs"].values() for s in job["steps"] if "uses" in s}
    assert uses <= OFFICIAL, uses - OFFICIAL
    assert all(re.fullmatch(r"actions/[a-z-]+(/[a-z-]+)?@v\d+", u) for u in uses)
    assert {"actions/configure-pages@v5", "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4"} <= uses


def test_least_permissions(wf):
    assert wf["permissions"] == {"contents": "read"}
    jobs = wf["jobs"]
    assert jobs["list"]["permissions"] == {"contents": "read", "pages": "read"}  # configure-pages reads
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name in ("site", "assemble"):
        assert "permissions" not in jobs[name]  # the workflow's contents: read
    writes = [(name, k) for name, job in jobs.items() for k, v in job.get("permissions", {}).items() if v == "write"]
    assert writes == [("deploy", "pages"), ("deploy", "id-token")]


def test_one_job_per_lao_from_the_folder_listing(wf):
    jobs = wf["jobs"]
    assert jobs["site"]["needs"] == "list"
    assert jobs["site"]["strategy"]["fail-fast"] is False  # one LAO's error does not stop the others
    assert jobs["site"]["strategy"]["matrix"] == {"lao": "${{ fromJSON(needs.list.outputs.laos) }}"}
    assert jobs["list"]["outputs"]["laos"] == "${{ steps.list.outputs.laos }}"
    runs = " ".join(s.get("run", "") for s in jobs["site"]["steps"])
    assert "check --format github" in runs and "build --site-dir" in runs and "--site-url" in runs
    # PRs check and build only; the others are deployed even when some LAOs failed
    for name in ("assemble", "deploy"):
        assert "!cancelled()" in jobs[name]["if"]
    assert "github.event_name != 'pull_request'" in jobs["assemble"]["if"]
    assert "refs/heads/main" in jobs["assemble"]["if"]
    assert jobs["deploy"]["needs"] == "assemble" and "needs.assemble.result == 'success'" in jobs["deploy"]["if"]
    upload = step(wf, "site", "Upload the site")
    assert "steps.previous.outputs.cache-matched-key" in upload["if"]  # a failed LAO keeps its last site
    assert upload["with"]["path"] == "_site" and upload["with"]["name"] == "site-${{ matrix.lao }}"
    download = [s for s in jobs["assemble"]["steps"] if s.get("uses") == "actions/download-artifact@v4"]
    assert download and download[0]["with"] == {"pattern": "site-*", "merge-multiple": True, "path": "_site"}


def test_listing_finds_the_lao_folders(wf, tmp_path):
    for name in ("lao-b", "lao-a", "ตำบลก"):
        write_project(tmp_path / name, {})
    (tmp_path / "notes" / "content").mkdir(parents=True)  # no organisation.yml: not an LAO
    write_project(tmp_path / ".hidden", {})
    output = tmp_path / "github_output"
    result = run_step(wf, "list", "list", tmp_path, GITHUB_OUTPUT=str(output))
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8") == 'laos=["lao-a", "lao-b"]\n'
    assert "::error::ชื่อโฟลเดอร์ 'ตำบลก'" in result.stdout  # reported, left out

    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_step(wf, "list", "list", empty, GITHUB_OUTPUT=str(output))
    assert result.returncode == 1 and "no LAO folder found" in result.stdout


@pytest.mark.slow
def test_check_build_and_assemble_steps(wf, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    write_project(tmp_path / "laos" / "lao-a", {})
    write_project(tmp_path / "laos" / "lao-b", {"executives.yml": BROKEN})
    env = {"PROVINCE": "laos/", "BASE_URL": "https://example.github.io/province"}

    bad = run_step(wf, "site", "Check content", tmp_path, LAO="lao-b", **env)
    assert bad.returncode == 1  # pipefail: the check's failure is the step's
    assert "::error file=laos/lao-b/content/executives.yml,line=2,col=5,title=OIT-M029::" in bad.stdout  # on the repository's path

    ok = run_step(wf, "site", "Check content", tmp_path, LAO="lao-a", **env)
    assert ok.returncode == 0 and "::error" not in ok.stdout, ok.stdout
    built = run_step(wf, "site", "build", tmp_path, LAO="lao-a", **env)
    assert built.returncode == 0, built.stdout + built.stderr
    home = (tmp_path / "_site" / "lao-a" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.github.io/province/lao-a/"' in home  # its address is under /lao-a/
    assert run_step(wf, "site", "build", tmp_path, LAO="lao-b", **env).returncode == 1
    assert not (tmp_path / "_site" / "lao-b").exists()

    assembled = run_step(wf, "assemble", "Province home page", tmp_path)
    assert assembled.returncode == 0, assembled.stdout + assembled.stderr
    index = (tmp_path / "_site" / "index.html").read_text(encoding="utf-8")
    # the LAO's name as its home page's title gives it (the full Thai name)
    assert '<li><a href="lao-a/">องค์การบริหารส่วนตำบลทดสอบ</a></li>' in index and "lao-b" not in index

    shutil.rmtree(tmp_path / "_site")
    nothing = run_step(wf, "assemble", "Province home page", tmp_path)
    assert nothing.returncode == 1 and "nothing deployed" in nothing.stdout


def test_cache_keeps_the_last_good_site_per_lao(wf):
    save, restore = step(wf, "site", "Keep this site as the last good one"), step(wf, "site", "previous")
    assert save["uses"] == "actions/cache/save@v4" and restore["uses"] == "actions/cache/restore@v4"
    assert save["with"]["path"] == restore["with"]["path"] == "_site/${{ matrix.lao }}"
    assert restore["with"]["restore-keys"] == "last-good-site-${{ matrix.lao }}-"
    assert save["with"]["key"].startswith(restore["with"]["restore-keys"])
    assert "failure()" in restore["if"] and "refs/heads/main" in save["if"]
    assert wf["jobs"]["site"]["env"]["LAO"] == "${{ matrix.lao }}"


@pytest.mark.slow
def test_an_audit_error_fails_the_lao_and_leaves_no_site_to_publish(wf, tmp_path, monkeypatch):
    """The build step audits what it built: a note meant for the clerk on a public page fails the
    LAO (annotated on the repository's path) and removes that site, so its last good site is
    published instead."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    write_project(tmp_path / "laos" / "lao-c", {"authority.yml": "description: TODO ใส่อำนาจหน้าที่\n"})
    env = {"PROVINCE": "laos/", "BASE_URL": "https://example.github.io/province"}
    built = run_step(wf, "site", "build", tmp_path, LAO="lao-c", **env)
    assert built.returncode == 1, built.stdout + built.stderr
    assert "::error file=laos/lao-c/content/authority.yml,line=1,title=OIT-A014::" in built.stdout, built.stdout
    assert not (tmp_path / "_site" / "lao-c").exists()
