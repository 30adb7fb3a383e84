"""Decap CMS's local backend protocol, answered in Python for `oit serve`.

Decap's proxy backend POSTs `{"action": …, "params": {…}}` as JSON to one address; `decap-server`
(Decap's Node.js helper, `MODE=fs`) answers it from the file system. This module answers the
same actions the same way (see decap-server 3.11's src/middlewares/localFs and joi schemas), with
four differences that make it safe for a clerk's content:

- paths must name a file inside `content/` (after symlinks); a form may only write the content
  files the back office knows, uploads only go to `content/files/`;
- entries travel as JSON form data (`format: json` in the configuration); the YAML file is
  written by `saving.merge_text`, keeping comments and key order;
- every save is checked with the same code as `oit check` (`checks.validate.validate`, with the
  new text in place of the file) and refused, file untouched, when it brings an error — the answer names
  the field and carries the Thai message;
- uploads are renamed safely, photos resized, oversized PDFs refused (`media`).

Editorial-workflow actions (unpublished entries) are not offered: the configuration uses
`publish_mode: simple`, as `decap-server` in `fs` mode does.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.checks.validate import validate
from generator.content.catalogue import load_catalogues
from generator.content.topics import CONTENT
from generator.content.yamlload import Loaded, decode, load_text
from generator.problems import Message, Problem, Problems
from generator.publish.admin import forms
from generator.publish.admin.files import ContentFile, file_at
from generator.tools import messages as msgs
from generator.tools.backoffice import media
from generator.tools.backoffice.saving import Unreadable, merge_text


class Refusal(Exception):
    """A request answered with an error the clerk reads: an HTTP status and a message of the
    tools table (generator/tools/messages.py), its placeholders filled from `values`."""

    def __init__(self, status: int, msg: Message, problems: list | None = None, **values: object) -> None:
        self.th, self.en, self.hint = msg.format(values)
        super().__init__(self.en)
        self.status, self.code = status, msg.code
        self.problems = problems or []

    def payload(self) -> dict:
        # `error` is what Decap shows in its own notice; the page lists `problems` in full
        return {"error": self.th, "th": self.th, "en": self.en, "hint": self.hint, "code": self.code,
                "problems": self.problems}


@dataclass
class Backend:
    root: Path
    content_dir: Path

    def __post_init__(self) -> None:
        self.root = self.root.resolve()
        self.content_dir = self.content_dir.resolve()
        self.lock = threading.Lock()  # one save at a time: each is checked against the others
        # uploads stored under another name than the form asked for (files/x y.pdf → files/x-y.pdf):
        # the form keeps the name it asked for, and sends it again with each later save
        self.renamed: dict[str, str] = {}

    # ------------------------------------------------------------ paths

    def resolve(self, path: Any, *, under: str = CONTENT) -> Path:
        """A root-relative path from the browser, confined to `content/` (or `content/files/`)."""
        if not isinstance(path, str) or not path or "\x00" in path or "\\" in path:
            raise Refusal(422, msgs.ADMIN_BAD_PATH, path=repr(path))
        if path.startswith("/") or ".." in path.split("/"):
            raise Refusal(403, msgs.ADMIN_OUTSIDE, folder=under, path=path)
        base = (self.root / under).resolve()
        full = (self.root / path).resolve()  # symlinks followed: a link out of content/ is outside
        if full != base and base not in full.parents:
            raise Refusal(403, msgs.ADMIN_OUTSIDE, folder=under, path=path)
        return full

    @staticmethod
    def text(value: Any) -> str:
        """A path (or name) from the browser, which must be text."""
        if not isinstance(value, str):
            raise Refusal(422, msgs.ADMIN_BAD_PATH, path=repr(value))
        return value

    def rel(self, full: Path) -> str:
        return full.relative_to(self.root).as_posix()

    def content_file(self, path: str) -> ContentFile:
        self.resolve(path)
        cf = file_at(self.content_dir, path)
        if cf is None:
            raise Refusal(403, msgs.ADMIN_NOT_A_FORM, path=path)
        return cf

    def fields(self, cf: ContentFile) -> list[forms.FormField]:
        if cf.model is not None:
            return forms.form_fields(cf.model)
        cats = load_catalogues(self.root, self.content_dir, Problems())
        return forms.items_fields(cats[cf.year]) if cf.year in cats else []

    # ------------------------------------------------------------ dispatch

    def handle(self, body: Any) -> tuple[int, Any]:
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            return 422, Refusal(422, msgs.ADMIN_BAD_REQUEST, detail="no action").payload()
        action, params = body["action"], body.get("params") or {}
        handler = getattr(self, f"do_{action}", None)
        if handler is None:  # as decap-server answers an action it does not offer
            return 422, {**Refusal(422, msgs.ADMIN_BAD_REQUEST, detail=action).payload(), "error": f"Unknown action {action}"}
        try:
            return 200, handler(params)
        except Refusal as exc:
            return exc.status, exc.payload()

    # ------------------------------------------------------------ actions

    def do_info(self, params: dict) -> dict:
        return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}

    def do_getDeployPreview(self, params: dict) -> None:
        return None

    def _entry(self, path: str) -> dict:
        cf = self.content_file(path)
        full = self.resolve(path)
        if not full.is_file():
            return {"data": None, "file": {"path": path, "id": None}}
        raw = full.read_bytes()
        problems = Problems()
        text = decode(raw, path, problems)
        loaded = load_text(text, path, problems) if text is not None else None
        if loaded is None:
            first = next(iter(problems.errors), None)
            raise Refusal(422, msgs.ADMIN_CANNOT_OPEN, path=path, line=first.line if first else 1,
                          detail=first.th if first else "อ่านไม่ได้", detail_en=first.en if first else "unreadable")
        data = loaded.data if loaded.data is not None else {}
        form = forms.to_form(self.fields(cf), data) if isinstance(data, dict) else data
        return {"data": json.dumps(form, ensure_ascii=False, default=str),
                "file": {"path": path, "id": hashlib.sha256(raw).hexdigest()}}

    def do_getEntry(self, params: dict) -> dict:
        return self._entry(self.text(params.get("path")))

    def do_entriesByFiles(self, params: dict) -> list:
        out = []
        for f in params.get("files") or []:
            entry = self._entry(self.text(f.get("path")))
            entry["file"]["label"] = f.get("label")
            out.append(entry)
        return out

    def do_entriesByFolder(self, params: dict) -> list:
        folder = self.resolve(params.get("folder"))
        ext = str(params.get("extension") or "")
        depth = int(params.get("depth") or 1)
        out = []
        for path in sorted(folder.rglob(f"*{ext}")) if folder.is_dir() else []:
            if len(path.relative_to(folder).parts) <= depth and file_at(self.content_dir, self.rel(path)):
                out.append(self._entry(self.rel(path)))
        return out

    def do_persistEntry(self, params: dict) -> dict:
        files = params.get("dataFiles") or ([params["entry"]] if params.get("entry") else [])
        if len(files) != 1:
            raise Refusal(422, msgs.ADMIN_ONE_FILE)
        with self.lock:
            for asset in params.get("assets") or []:
                self._store(asset, keep_original=bool(params.get("oit_keep_original")))
            self._save(files[0], self._renames())
        return {"message": "entry persisted"}

    def _public(self, path: str) -> str:
        """content/files/a.pdf → files/a.pdf (how content files refer to documents)."""
        return path[len(CONTENT) + 1:] if path.startswith(CONTENT + "/") else path

    def _save(self, data_file: dict, renamed: dict[str, str]) -> None:
        path = self.text(data_file.get("path"))
        cf = self.content_file(path)
        full = self.resolve(path)
        try:
            form = json.loads(data_file.get("raw") or "{}")
        except json.JSONDecodeError:
            raise Refusal(422, msgs.ADMIN_FORM_UNREADABLE) from None
        if not isinstance(form, dict):
            raise Refusal(422, msgs.ADMIN_FORM_UNREADABLE)
        if renamed:
            form = _replace_refs(form, renamed)
        old_raw = full.read_bytes() if full.is_file() else None
        old_text = None
        if old_raw is not None:
            old_text = decode(old_raw, path, Problems())
            if old_text is None:
                raise Refusal(422, msgs.ADMIN_OLD_UNREADABLE, path=path)
        fields = self.fields(cf)
        try:
            text = merge_text(old_text, fields, form)
        except Unreadable:
            raise Refusal(422, msgs.ADMIN_NOT_YAML, path=path) from None
        blocking = self.check(full, path, text)
        if blocking:
            described = [self._describe(p, path, text, fields) for p in blocking]
            first = described[0]
            more = f" (และอีก {len(described) - 1} รายการ)" if len(described) > 1 else ""
            raise Refusal(422, msgs.ADMIN_NOT_SAVED, described, field=first["field"], th=first["th"], more=more,
                          en=first["en"], hint=first["hint"])
        if old_raw is not None and old_raw.startswith(b"\xef\xbb\xbf"):
            text = "\ufeff" + text
        if old_raw is not None and b"\r\n" in old_raw:  # written on Windows: keep its line ends
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        _write_atomic(full, text.encode("utf-8"))

    def check(self, full: Path, path: str, text: str) -> list[Problem]:
        """Errors `oit check` would report with `text` in place of the file, less those that were
        there before the save and are not in the saved file."""
        after = Problems()
        validate(self.root, after, self.content_dir, overrides={full: text})
        mine = [p for p in after.errors if p.file == path]
        others = [p for p in after.errors if p.file != path]
        if others:
            before = Problems()
            validate(self.root, before, self.content_dir)
            known = {(p.file, p.th) for p in before.errors}
            others = [p for p in others if (p.file, p.th) not in known]
        return mine + others

    def _describe(self, p: Problem, path: str, text: str, fields: list) -> dict:
        where = ""
        data_path: tuple = ()
        if p.file == path:
            loaded = load_text(text, path, Problems())
            data_path = _path_at(loaded, p.line, p.column) if loaded else ()
            where = forms.field_path_label(fields, data_path) if data_path else ""
        else:
            cf = file_at(self.content_dir, p.file)
            where = f"{cf.title if cf else p.file} (ไฟล์ {p.file} บรรทัด {p.line})"
        th, hint = p.th, p.hint
        if p.file == path:
            near = forms.fields_at(fields, data_path)
            th, hint = forms.in_form_words(th, near), forms.in_form_words(hint, near)
        return {"field": where or f"ไฟล์ {p.file} บรรทัด {p.line}", "path": list(data_path), "th": th, "en": p.en,
                "hint": hint, "file": p.file, "line": p.line, "code": p.code}

    # ------------------------------------------------------------ media

    def _renames(self) -> dict[str, str]:
        """The renames still to apply: those whose asked-for name is not a file of its own."""
        return {old: new for old, new in self.renamed.items() if not (self.content_dir / old).exists()}

    def _store(self, asset: dict, keep_original: bool) -> media.Stored:
        path = self.text(asset.get("path"))
        self.resolve(path, under=f"{CONTENT}/{media.MEDIA_DIR}")
        if asset.get("encoding") != "base64":
            raise Refusal(422, msgs.ADMIN_UPLOAD_ENCODING)
        try:
            data = base64.b64decode(asset.get("content") or "", validate=True)
        except ValueError:
            raise Refusal(422, msgs.ADMIN_UPLOAD_ENCODING) from None
        try:
            stored = media.store(self.root, self.content_dir, path, data, keep_original)
        except media.Refused as exc:
            name = os.path.basename(path)
            raise Refusal(422, msgs.ADMIN_NOT_UPLOADED, name=name, reason=exc.th, reason_en=exc.en, hint=exc.hint) from None
        if stored.path != path:
            self.renamed[self._public(path)] = self._public(stored.path)
        return stored

    def _media_file(self, full: Path, with_content: bool = True) -> dict:
        data = full.read_bytes() if with_content else b""
        return {"id": hashlib.sha256(data).hexdigest(), "content": base64.b64encode(data).decode("ascii"),
                "encoding": "base64", "path": self.rel(full), "name": full.name}

    def do_getMedia(self, params: dict) -> list:
        folder = self.resolve(params.get("mediaFolder"), under=f"{CONTENT}/{media.MEDIA_DIR}")
        out = []
        for full in sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []:
            if full.name.startswith("."):
                continue
            # thumbnails for small images only: a list of 300 scanned PDFs would be hundreds of MB
            small_image = full.suffix.lower() in media.IMAGES and full.stat().st_size <= 1048576
            out.append(self._media_file(full, with_content=small_image))
        return out

    def do_getMediaFile(self, params: dict) -> dict:
        full = self.resolve(params.get("path"), under=f"{CONTENT}/{media.MEDIA_DIR}")
        if not full.is_file():
            raise Refusal(404, msgs.ADMIN_NO_SUCH_FILE, path=params.get("path"))
        return self._media_file(full)

    def do_persistMedia(self, params: dict) -> dict:
        with self.lock:
            stored = self._store(params.get("asset") or {}, bool(params.get("oit_keep_original")))
        out = self._media_file(self.root / stored.path)
        out["notes"] = stored.notes
        return out

    def do_deleteFile(self, params: dict) -> dict:
        self._delete(self.text(params.get("path")))
        return {"message": f"deleted file {params.get('path')}"}

    def do_deleteFiles(self, params: dict) -> dict:
        for path in params.get("paths") or []:
            self._delete(self.text(path))
        return {"message": "deleted files"}

    def _delete(self, path: str) -> None:
        full = self.resolve(path, under=f"{CONTENT}/{media.MEDIA_DIR}")
        ref = self._public(self.rel(full))
        users = [self.rel(p) for p in sorted(self.content_dir.rglob("*.y*ml"))
                 if ref in p.read_text(encoding="utf-8", errors="replace")]
        if users:
            raise Refusal(409, msgs.ADMIN_FILE_IN_USE, name=full.name, users=", ".join(users))
        if full.is_file():
            full.unlink()


def _path_at(loaded: Loaded, line: int, col: int) -> tuple:
    """The deepest data path whose value (or key) sits at line:col — or on that line."""
    exact = [p for p, pos in [*loaded.positions.items(), *loaded.key_positions.items()] if pos == (line, col)]
    if not exact:
        exact = [p for p, pos in [*loaded.positions.items(), *loaded.key_positions.items()] if pos[0] == line]
    return max(exact, key=len) if exact else ()


def _replace_refs(value: Any, renamed: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {k: _replace_refs(v, renamed) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_refs(v, renamed) for v in value]
    if isinstance(value, str):
        return renamed.get(value, value)
    return value


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.saving")
    tmp.write_bytes(data)
    os.replace(tmp, path)
