"""Publishing and onboarding: scaffolds, new years, editor schemas, the Pages workflow, hosting."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import yaml

from generator.content.yamlload import load_text
from generator.problems import Problems
from generator.publish.build import build, generate
from generator.publish.project import Project
from generator.tools.schema import render_all, schema_name_for

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "site.yml"


def test_new_site_from_nothing_builds(tmp_path, run):
    folder = tmp_path / "new-lao"
    code, out, _ = run("new", str(folder), "--name", "องค์การบริหารส่วนตำบลตัวอย่าง", "--type", "อบต.",
                       "--district", "ตัวอย่าง", "--province", "ตัวอย่าง")
    assert code == 0 and "organisation.yml" in out
    for stem in ("structure", "executives", "authority", "privacy", "qa"):
        text = (folder / "content" / f"{stem}.yml").read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schema/") and "# ตัวอย่าง:" in text
    code, out, _ = run("--root", str(folder), "check")
    assert code == 0 and "ข้อผิดพลาด 0 รายการ" in out
    warnings = [ln for ln in out.splitlines() if ": คำเตือน [OIT-" in ln]
    assert warnings and all("ยังไม่มีข้อมูล" in w for w in warnings)
    assert sorted(p.name for p in (folder / "content").iterdir() if p.name.isdigit()) == ["2569", "2570"]
    code, out, _ = run("--root", str(folder), "build")
    assert code == 0
    assert (folder / "site" / "oit" / "2569" / "o1" / "index.html").is_file()
    assert (folder / "site" / "oit" / "2570" / "o1" / "index.html").is_file()
    code, _, err = run("new", str(folder), "--name", "x", "--type", "อบต.", "--district", "x", "--province", "x")
    assert code == 1 and "จะไม่เขียนทับ" in err


def test_new_year_on_the_sample_validates(tmp_path, run):
    shutil.copytree(REPO / "content", tmp_path / "content")
    code, out, _ = run("--root", str(tmp_path), "new-year", "2571")
    assert code == 0
    # no ITA 2571 catalogue: says how to make one with a command, not a file inside the program
    assert "oit catalogue new 2571 --from 2570" in out and "generator/" not in out
    assert "staff:" in (tmp_path / "content/2571/manuals.yml").read_text(encoding="utf-8")  # carried over
    code, out, _ = run("--root", str(tmp_path), "check")
    assert code == 0 and "ข้อผิดพลาด 0 รายการ" in out
    code, _, err = run("--root", str(tmp_path), "new-year", "2571")
    assert code == 1 and "อยู่แล้ว" in err
    code, out, _ = run("--root", str(tmp_path), "catalogue", "new", "2571", "--from", "2570")
    assert code == 0 and "content/catalogues/2571.yml" in out
    code, out, _ = run("--root", str(tmp_path), "check", "--year", "2571")
    assert code == 0 and "ความพร้อม OIT ปี 2571" in out and "ยกมาจากรายการปี 2570" in out


def test_new_year_2570_uses_the_shipped_provisional_catalogue(tmp_path, run):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/organisation.yml").write_text(
        "name: อบต.ข\ntype: อบต.\ndistrict: ข\nprovince: ข\naddress: ข\n", encoding="utf-8")
    code, out, _ = run("--root", str(tmp_path), "new-year", "2570")
    assert code == 0 and "ITA 2570" in out and "provisional" in out and "catalogues/" not in out
    measures = (tmp_path / "content/2570/measures.yml").read_text(encoding="utf-8")
    assert "ใช้ใน ITA 2570 ข้อ O25" in measures  # the scaffold names the 2570 items that use it
    no_gift = (tmp_path / "content/2570/no_gift.yml").read_text(encoding="utf-8")
    assert "ปีงบประมาณ พ.ศ. 2570" in no_gift


def test_new_year_with_a_shipped_catalogue_lists_its_items(tmp_path, run):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/organisation.yml").write_text(
        "name: อบต.ก\ntype: อบต.\ndistrict: ก\nprovince: ก\naddress: ก\n", encoding="utf-8")
    code, out, _ = run("--root", str(tmp_path), "new-year", "2569")
    assert code == 0 and "ITA 2569" in out
    text = (tmp_path / "content/2569/procurement.yml").read_text(encoding="utf-8")
    assert "ใช้ใน ITA 2569 ข้อ O11" in text


def test_committed_schemas_match_the_model():
    produced = render_all()
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schema").glob("*.json")}
    assert committed == produced, "run `oit schema` and commit schema/"


def _load(path: Path):
    return load_text(path.read_text(encoding="utf-8"), str(path), Problems()).data


def test_schemas_validate_the_sample_and_reject_a_typo():
    checked = 0
    for path in sorted((REPO / "content").rglob("*.yml")):
        name = schema_name_for(path.relative_to(REPO).as_posix())
        schema = json.loads((REPO / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        errors = list(jsonschema.Draft7Validator(schema).iter_errors(_load(path)))
        assert not errors, (path, errors[0].message)
        checked += 1
    assert checked > 40
    schema = json.loads((REPO / "schema/executives.schema.json").read_text(encoding="utf-8"))
    bad = {"political": [{"name": "ก", "positon": "นายก"}]}
    messages = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(bad)]
    assert any("positon" in msg for msg in messages)
    assert "ตำแหน่ง" in json.dumps(schema, ensure_ascii=False)  # Thai descriptions for the editor


def test_vscode_maps_every_schema():
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert len(settings["yaml.schemas"]) == len(render_all())


def test_workflow_is_valid_for_github():
    exe = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run([str(exe), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_steps_and_permissions():
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    uses = [s["uses"] for job in wf["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@v\d+", u) for u in uses), uses
    names = {u.split("@")[0] for u in uses}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= names
    assert wf["permissions"] == {"contents": "read"}
    assert wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert wf["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    triggers = wf.get("on", wf.get(True))  # PyYAML (YAML 1.1) reads the key `on` as True
    assert {"push", "pull_request"} <= set(triggers)
    assert "github.event_name != 'pull_request'" in wf["jobs"]["deploy"]["if"]  # PRs never deploy
    runs = " ".join(s.get("run", "") for s in wf["jobs"]["build"]["steps"])
    assert "oit check --format github" in runs and "oit build" in runs and "vars.SITE_URL" in WORKFLOW.read_text()


def test_site_works_from_a_sub_path_and_from_a_folder(built_sample, tmp_path):
    project, _ = built_sample
    href = re.compile(r'(?:href|src)="([^"#?]+)')
    for page in (project.site_dir / "oit/2569").rglob("index.html"):
        for url in href.findall(page.read_text(encoding="utf-8")):
            assert not url.startswith("/"), (page, url)  # relative: works under /ita/ or any path
    fs = Project.at(project.root, site_dir=tmp_path / "fs", build_dir=tmp_path / "fsbuild", file_system=True)
    build(fs)
    html = (tmp_path / "fs/oit/2569/o1/index.html").read_text(encoding="utf-8")
    assert 'href="../o2/index.html"' in html
    for url in href.findall(html):
        if url.startswith(("http", "mailto:", "tel:", "data:")):
            continue
        target = (tmp_path / "fs/oit/2569/o1" / unquote(url)).resolve()
        assert target.exists(), url


def test_edit_links_open_the_yaml_file_in_the_preview_only(built_sample, tmp_path):
    """`oit serve` shows "edit this page" (the YAML file on GitHub); `oit build` never does."""
    project, _ = built_sample
    html = (project.site_dir / "oit/2569/o11/index.html").read_text(encoding="utf-8")
    assert "/edit/main/" not in html and 'rel="edit"' not in html
    home = (project.site_dir / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/" not in home
    preview = Project.at(project.root, build_dir=tmp_path / "build", preview=True)
    generate(preview)
    item = (tmp_path / "build/docs/oit/2569/o11/index.md").read_text(encoding="utf-8")
    assert "edit_url: https://github.com/example-lao/oit-bansukjai/edit/main/content/2569/procurement.yml" in item
    assert "/edit/main/content/organisation.yml" in (tmp_path / "build/docs/index.md").read_text(encoding="utf-8")


def test_guide_covers_the_clerks_tasks():
    guide = (REPO / "docs" / "guide.md").read_text(encoding="utf-8")
    for heading in ("เพิ่มเอกสาร", "เริ่มปีงบประมาณใหม่", "อ่านผล oit check", "ITAS", "GitHub Pages"):
        assert heading in guide, heading
