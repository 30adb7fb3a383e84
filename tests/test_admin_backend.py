"""`oit serve`'s answer to Decap's local backend protocol: confined to content/, checked like
`oit check`, safe uploads, and only for requests from the back office itself."""

from __future__ import annotations

import base64
import io
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from PIL import Image

from generator.checks.validate import validate
from generator.cli import main
from generator.problems import Problems
from generator.publish.admin.cmsconfig import MAX_PDF_MB
from generator.publish.project import Project
from generator.tools.backoffice.backend import Backend
from generator.tools.backoffice.serve import AdminApp, attach

pytestmark = pytest.mark.slow  # each test checks a whole project, as oit check does


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """An `oit new` project, copied per test by `lao`."""
    root = tmp_path_factory.mktemp("new") / "lao"
    assert main(["new", str(root), "--name", "เทศบาลตำบลทดลองหลังบ้าน", "--type", "เทศบาลตำบล",
                 "--district", "ทดลอง", "--province", "ลำปาง", "--years", "2569"]) == 0
    return root


@pytest.fixture
def lao(fresh, tmp_path, capsys) -> Path:
    import shutil

    shutil.copytree(fresh, tmp_path / "lao", symlinks=True)
    capsys.readouterr()
    return tmp_path / "lao"


def call(backend: Backend, action: str, **params) -> tuple[int, dict]:
    return backend.handle({"action": action, "params": {"branch": "main", **params}})


def save(backend: Backend, path: str, form: dict, assets: list | None = None) -> tuple[int, dict]:
    return call(backend, "persistEntry", dataFiles=[{"path": path, "slug": "x", "raw": json.dumps(form)}],
                assets=assets or [], options={"commitMessage": "x", "useWorkflow": False, "status": ""})


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def no_errors(root: Path) -> bool:
    problems = Problems()
    validate(root, problems)
    return not problems.has_errors()


# ---------------------------------------------------------------- the protocol


def test_info_and_an_entry_as_the_form_shows_it(lao):
    backend = Backend(lao, lao / "content")
    assert call(backend, "info") == (200, {"repo": "lao", "publish_modes": ["simple"], "type": "local_fs"})
    news = lao / "content/2569/news.yml"
    news.write_text(news.read_text(encoding="utf-8").replace("{}", "entries:\n  - title: ตลาดนัดชุมชน\n    date: ๕ ม.ค. ๒๕๖๙\n"),
                    encoding="utf-8")
    status, entry = call(backend, "getEntry", path="content/2569/news.yml")
    assert status == 200 and json.loads(entry["data"]) == {"entries": [{"title": "ตลาดนัดชุมชน", "date": "2026-01-05"}]}
    status, entries = call(backend, "entriesByFiles", files=[{"path": "content/2569/assessment.yml", "label": "ผล"}])
    assert status == 200 and entries[0]["data"] is None  # not written yet: an empty form
    assert call(backend, "unpublishedEntries")[0] == 422  # simple publishing only, as decap-server fs


@pytest.mark.parametrize("path", [
    "content/../mkdocs.yml", "/etc/passwd", "content/2569/../../mkdocs.yml", "mkdocs.yml", "content\\2569\\news.yml",
    "content/files/anything.yml", "content/catalogues/2569.yml",
])
def test_nothing_outside_the_forms_files_is_read_or_written(lao, path):
    backend = Backend(lao, lao / "content")
    before = {p: p.read_bytes() for p in lao.rglob("*") if p.is_file()}
    assert call(backend, "getEntry", path=path)[0] in (403, 422)
    assert save(backend, path, {"name": "x"})[0] in (403, 422)
    assert {p: p.read_bytes() for p in lao.rglob("*") if p.is_file()} == before


def test_a_link_out_of_content_is_outside(lao, tmp_path):
    outside = tmp_path / "secret.yml"
    outside.write_text("name: secret\n", encoding="utf-8")
    (lao / "content/laws.yml").unlink()
    os.symlink(outside, lao / "content/laws.yml")
    backend = Backend(lao, lao / "content")
    status, payload = call(backend, "getEntry", path="content/laws.yml")
    assert status == 403 and "content/" in payload["error"]
    assert save(backend, "content/laws.yml", {"description": "x"})[0] == 403
    assert outside.read_text(encoding="utf-8") == "name: secret\n"


def test_a_valid_save_is_written_and_passes_oit_check(lao):
    backend = Backend(lao, lao / "content")
    path = lao / "content/2569/measures.yml"
    header = path.read_text(encoding="utf-8").split("{}")[0]
    status, _ = save(backend, "content/2569/measures.yml",
                     {"measures": [{"id": "m1", "issue": 3, "title": "ประชาสัมพันธ์ผ่านเสียงตามสาย"}]})
    assert status == 200
    text = path.read_text(encoding="utf-8")
    assert text.startswith(header) and "issue: 3" in text
    assert no_errors(lao)


def test_an_invalid_save_is_refused_with_the_thai_message_and_the_file_kept(lao):
    backend = Backend(lao, lao / "content")
    path = lao / "content/2569/results.yml"
    before = path.read_bytes()
    status, payload = save(backend, "content/2569/results.yml",
                           {"results": [{"measure": "m9", "status": "ทำไปบ้างแล้ว"}]})
    assert status == 422
    assert payload["error"].startswith("ยังไม่ได้บันทึก ไฟล์ยังเหมือนเดิม")
    first = payload["problems"][0]
    assert first["field"] == "ผลการดำเนินการ › รายการที่ 1 › สถานะ"
    assert "ทำไปบ้างแล้ว" in first["th"] and first["file"] == "content/2569/results.yml"
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*"))


def test_a_rule_across_files_refuses_too(lao):
    backend = Backend(lao, lao / "content")
    assert save(backend, "content/2569/measures.yml", {"measures": [{"id": "m1", "title": "มาตรการ"}]})[0] == 200
    before = (lao / "content/2569/measures.yml").read_bytes()
    # a document naming a file that is not there: checked across files, as by oit check
    status, payload = save(backend, "content/2569/measures.yml", {"measures": [
        {"id": "m1", "title": "มาตรการ", "documents": [{"title": "คำสั่ง", "file": "files/ไม่มีไฟล์นี้.pdf"}]}]})
    assert status == 422 and "ไม่มีไฟล์นี้.pdf" in payload["problems"][0]["th"]
    assert (lao / "content/2569/measures.yml").read_bytes() == before


def test_errors_already_in_other_files_do_not_block_a_save(lao):
    (lao / "content/laws.yml").write_text("description: [unclosed\n", encoding="utf-8")
    backend = Backend(lao, lao / "content")
    assert save(backend, "content/2569/news.yml", {"entries": [{"title": "ข่าว", "date": "2025-12-01"}]})[0] == 200
    status, payload = call(backend, "getEntry", path="content/laws.yml")
    assert status == 422 and "โปรแกรมแก้ไขข้อความ" in payload["hint"]  # fix it by hand first
    assert save(backend, "content/laws.yml", {"description": "x"})[0] == 422
    assert (lao / "content/laws.yml").read_text(encoding="utf-8") == "description: [unclosed\n"


def test_windows_line_ends_and_a_bom_survive_a_save(lao):
    path = lao / "content/2569/participation.yml"
    path.write_bytes(b"\xef\xbb\xbf# \xe0\xb8\x97\xe0\xb8\x94\xe0\xb8\xaa\xe0\xb8\xad\xe0\xb8\x9a\r\ndescription: old\r\n")
    backend = Backend(lao, lao / "content")
    assert save(backend, "content/2569/participation.yml", {"description": "new"})[0] == 200
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# ") and data.endswith(b"description: new\r\n") and b"\n" not in data.replace(b"\r\n", b"")


# ---------------------------------------------------------------- uploads


def jpeg(size=(2400, 1800)) -> bytes:
    img = Image.new("RGB", size, (30, 120, 80))
    exif = Image.Exif()
    exif[0x010F] = "กล้องทดสอบ".encode().decode("latin-1")
    out = io.BytesIO()
    img.save(out, "JPEG", quality=95, exif=exif)
    return out.getvalue()


def upload(backend, name, data, keep=False):
    return call(backend, "persistMedia", asset={"path": f"content/files/{name}", "content": b64(data), "encoding": "base64"},
                options={"commitMessage": "x"}, **({"oit_keep_original": True} if keep else {}))


def test_a_photo_is_resized_renamed_and_stripped(lao):
    backend = Backend(lao, lao / "content")
    assert upload(backend, "../ภาพ.jpg", jpeg())[0] == 403  # content/files/../ is outside
    status, media = upload(backend, "ภาพ  นายก<script>.JPEG", jpeg())
    assert status == 200 and media["path"].startswith("content/files/")
    stored = lao / media["path"]
    assert stored.name == "ภาพ-นายก-script.jpg"
    with Image.open(stored) as img:
        assert max(img.size) == 1600 and not img.getexif()
    assert any("ย่อรูป" in n for n in media["notes"])


def test_the_clerk_may_keep_the_original_photo(lao):
    backend = Backend(lao, lao / "content")
    data = jpeg()
    status, media = upload(backend, "ต้นฉบับ.jpg", data, keep=True)
    assert status == 200 and (lao / media["path"]).read_bytes() == data
    smaller = jpeg((800, 600))
    status, again = upload(backend, "ต้นฉบับ.jpg", smaller, keep=True)  # Decap asked the clerk before replacing
    assert again["path"] == media["path"] and (lao / media["path"]).read_bytes() == smaller
    assert any("แทนที่" in n for n in again["notes"])


def test_a_resized_png_stays_a_png(lao):
    backend = Backend(lao, lao / "content")
    out = io.BytesIO()
    Image.new("RGB", (2400, 1200), (200, 10, 10)).save(out, "PNG")
    status, media = upload(backend, "แผนที่.png", out.getvalue())
    assert status == 200 and media["path"] == "content/files/แผนที่.png"
    with Image.open(lao / media["path"]) as img:
        assert img.format == "PNG" and img.size == (1600, 800)


@pytest.mark.parametrize("name,data,why", [
    ("ประกาศ.pdf", b"%PDF-1.4\n" + b"0" * (MAX_PDF_MB * 1048576 + 1), f"เกินขีดจำกัด {MAX_PDF_MB} MB"),
    ("หน้าแรก.html", b"<script>alert(1)</script>", "ไม่รับไฟล์ชนิด .html"),
    ("โลโก้.svg", b"<svg onload='x'/>", "ไม่รับไฟล์ชนิด .svg"),
    ("สแกน.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100, "เนื้อไฟล์ไม่ใช่ PDF"),
])
def test_what_the_site_must_not_publish_is_refused_with_the_reason(lao, name, data, why):
    backend = Backend(lao, lao / "content")
    status, payload = upload(backend, name, data)
    assert status == 422 and why in payload["error"] and payload["hint"]
    assert not list((lao / "content/files").iterdir())


def test_an_upload_only_goes_to_content_files(lao):
    backend = Backend(lao, lao / "content")
    status, _ = call(backend, "persistMedia", asset={"path": "content/2569/news.yml", "content": b64(b"x: 1"),
                                                      "encoding": "base64"}, options={"commitMessage": "x"})
    assert status == 403


def test_a_form_saved_with_its_upload_uses_the_name_the_upload_got(lao):
    backend = Backend(lao, lao / "content")
    pdf = b"%PDF-1.4\n%%EOF\n"
    status, _ = save(backend, "content/2569/news.yml",
                     {"entries": [{"title": "ประกาศ", "date": "2025-12-01",
                                   "documents": [{"title": "ประกาศ", "file": "files/ประกาศ ฉบับ 1.pdf"}]}]},
                     assets=[{"path": "content/files/ประกาศ ฉบับ 1.pdf", "content": b64(pdf), "encoding": "base64"}])
    assert status == 200
    data = yaml.safe_load((lao / "content/2569/news.yml").read_text(encoding="utf-8"))
    assert data["entries"][0]["documents"][0]["file"] == "files/ประกาศ-ฉบับ-1.pdf"
    assert (lao / "content/files/ประกาศ-ฉบับ-1.pdf").read_bytes() == pdf
    assert no_errors(lao)
    # the form still holds the name it asked for, and sends it with the next save
    status, _ = save(backend, "content/2569/news.yml",
                     {"entries": [{"title": "ประกาศ (แก้ไข)", "date": "2025-12-01",
                                   "documents": [{"title": "ประกาศ", "file": "files/ประกาศ ฉบับ 1.pdf"}]}]})
    assert status == 200
    data = yaml.safe_load((lao / "content/2569/news.yml").read_text(encoding="utf-8"))
    assert data["entries"][0]["documents"][0]["file"] == "files/ประกาศ-ฉบับ-1.pdf"


def test_a_file_still_in_use_is_not_deleted(lao):
    backend = Backend(lao, lao / "content")
    upload(backend, "ใช้อยู่.pdf", b"%PDF-1.4\n%%EOF\n")
    upload(backend, "ไม่ใช้.pdf", b"%PDF-1.4\n%%EOF\n ")
    save(backend, "content/2569/news.yml", {"entries": [{"title": "ก", "date": "2025-12-01",
                                                        "documents": [{"title": "ก", "file": "files/ใช้อยู่.pdf"}]}]})
    status, payload = call(backend, "deleteFile", path="content/files/ใช้อยู่.pdf", options={"commitMessage": "x"})
    assert status == 409 and "content/2569/news.yml" in payload["error"]
    assert call(backend, "deleteFile", path="content/files/ไม่ใช้.pdf", options={"commitMessage": "x"})[0] == 200
    assert sorted(p.name for p in (lao / "content/files").iterdir()) == ["ใช้อยู่.pdf"]
    assert call(backend, "deleteFile", path="content/2569/news.yml", options={"commitMessage": "x"})[0] == 403


def test_the_media_list_leaves_big_files_out_of_the_answer(lao):
    backend = Backend(lao, lao / "content")
    upload(backend, "เล็ก.png", _png())
    upload(backend, "ใหญ่.pdf", b"%PDF-1.4\n" + b"0" * 2_000_000)
    status, files = call(backend, "getMedia", mediaFolder="content/files")
    by_name = {f["name"]: f for f in files}
    assert status == 200 and by_name["เล็ก.png"]["content"] and by_name["ใหญ่.pdf"]["content"] == ""
    status, one = call(backend, "getMediaFile", path="content/files/ใหญ่.pdf")
    assert len(base64.b64decode(one["content"])) > 2_000_000


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), (1, 2, 3)).save(out, "PNG")
    return out.getvalue()


# ---------------------------------------------------------------- who may ask


def wsgi(app, path, method="GET", body=b"", **headers):
    env = {"PATH_INFO": path, "REQUEST_METHOD": method, "wsgi.input": io.BytesIO(body),
           "CONTENT_LENGTH": str(len(body)), "HTTP_HOST": headers.pop("host", "127.0.0.1:8000")}
    env.update({k.upper(): v for k, v in headers.items()})
    seen = {}

    def start_response(status, hdrs):
        seen["status"] = int(status.split()[0])
        seen["headers"] = dict(hdrs)

    out = b"".join(app(env, start_response))
    return seen["status"], seen["headers"], out


@pytest.fixture
def app(lao):
    inner = lambda env, start: (start("200 OK", []), [b"preview"])[1]  # noqa: E731
    return AdminApp(Project.at(lao), inner, port=8000)


def test_only_the_back_office_page_may_call_the_api(app):
    info = json.dumps({"action": "info"}).encode()
    ok = {"content_type": "application/json", "http_origin": "http://127.0.0.1:8000"}
    assert wsgi(app, "/api/v1", "POST", info, **ok)[0] == 200
    assert wsgi(app, "/api/v1", "POST", info, **{**ok, "http_origin": "https://evil.example"})[0] == 403
    assert wsgi(app, "/api/v1", "POST", info, content_type="application/json")[0] == 403  # no origin
    assert wsgi(app, "/api/v1", "POST", info, **ok, host="evil.example:8000")[0] == 403  # DNS rebinding
    assert wsgi(app, "/api/v1", "POST", info, **{**ok, "content_type": "text/plain"})[0] == 415  # a form post
    assert wsgi(app, "/api/v1", "GET", **ok)[0] == 405


def test_the_admin_pages_are_served_without_the_reload_script(app):
    status, _, body = wsgi(app, "/admin/")
    assert status == 200 and b"decap-cms.js" in body and b"livereload" not in body
    status, _, body = wsgi(app, "/admin/config.yml")
    assert status == 200 and yaml.safe_load(body)["backend"]["name"] == "proxy"
    assert wsgi(app, "/admin/mode.js")[2] == b"window.OIT_ADMIN = { backend: 'local' }\n"
    status, _, body = wsgi(app, "/admin/readiness.json")
    assert status == 200 and json.loads(body)["year"] == 2569
    assert wsgi(app, "/admin/../../pyproject.toml")[0] == 404
    assert wsgi(app, "/oit/2569/o1/")[2] == b"preview"
    assert wsgi(app, "/admin/", host="192.168.1.20:8000")[0] == 403


def test_the_back_office_is_not_mounted_on_a_public_address(lao):
    from generator.tools.backoffice import serve

    server = SimpleNamespace(get_app=lambda: "inner", set_app=lambda a: setattr(server, "app", a))
    serve.serving(Project.at(lao))
    try:
        attach(server, SimpleNamespace(dev_addr=SimpleNamespace(host="0.0.0.0", port=8000)))
        assert not hasattr(server, "app")
        attach(server, SimpleNamespace(dev_addr=SimpleNamespace(host="127.0.0.1", port=8000)))
        assert isinstance(server.app, AdminApp)
    finally:
        serve.serving(None)
