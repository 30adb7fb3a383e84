"""The back office on `oit serve`: `/admin/` and `/api/v1` mounted on MkDocs' preview server.

`oit serve` runs MkDocs' development server with the hook `mkdocs_hook.py`, whose `on_serve`
(MkDocs' plugin event) calls `attach`: the server's WSGI application is wrapped so that

- `POST /api/v1` is Decap's local backend (`backend.Backend`), for requests from this very
  page only: the Host must be 127.0.0.1 or localhost (a web page elsewhere cannot reach it by a
  DNS trick), the Origin, when sent, must be this server, and the body must be JSON (a plain
  form post from another site cannot be);
- `/admin/…` is served from the package, without MkDocs' live-reload script (a reload would throw
  away a form the clerk is filling in), with `config.yml` generated from the content of the
  moment and `readiness.json` the readiness report of the newest ITA year (`oit check --year`);
- everything else is MkDocs' preview.

The back office is only mounted when the server listens on a loopback address.
"""

from __future__ import annotations

import ipaddress
import json
import mimetypes
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from generator.content.catalogue import load_catalogues
from generator.problems import Message, Problems
from generator.publish.admin import cmsconfig
from generator.publish.admin.readiness import report
from generator.publish.project import Project
from generator.tools import messages as msgs
from generator.tools.backoffice.backend import Backend, Refusal

STATIC = Path(cmsconfig.__file__).resolve().parent / "static"
HOOK = Path(__file__).resolve().parent / "mkdocs_hook.py"
MAX_BODY = 40 * 1048576  # a 20 MB upload in base64, with room

_PROJECT: Project | None = None  # the Project being served, set by `oit serve` before MkDocs starts


def serving(project: Project | None) -> None:
    global _PROJECT
    _PROJECT = project


def is_loopback(host: str) -> bool:
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def attach(server, config):
    """MkDocs' `on_serve` event: wrap the preview server's application."""
    if _PROJECT is None or not is_loopback(config.dev_addr.host):
        return server
    app = AdminApp(_PROJECT, server.get_app(), port=config.dev_addr.port)
    server.set_app(app)
    return server


StartResponse = Callable[..., Any]


def _json(start_response: StartResponse, status: int, payload: Any, extra: list | None = None) -> list[bytes]:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    start_response(f"{status} {_REASONS.get(status, 'Error')}",
                   [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body))),
                    ("Cache-Control", "no-store"), *(extra or [])])
    return [body]


def _refuse(start_response: StartResponse, status: int, msg: Message, extra: list | None = None,
            **values: object) -> list[bytes]:
    return _json(start_response, status, Refusal(status, msg, None, **values).payload(), extra)


_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            409: "Conflict", 413: "Payload Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Entity"}

_SECURITY = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
]


class AdminApp:
    def __init__(self, project: Project, inner: Callable, port: int) -> None:
        self.project = project
        self.inner = inner
        self.port = port
        self.backend = Backend(project.root, project.content_dir)

    # ------------------------------------------------------------ WSGI

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        if path == "/api/v1" or path.startswith("/api/"):
            refusal = self.refuse_foreign(environ)
            if refusal:
                return _refuse(start_response, 403, refusal)
            if path == "/api/v1":
                return self.api(environ, start_response)
            return _refuse(start_response, 404, msgs.ADMIN_NOT_FOUND, path=path)
        if path == "/admin":
            start_response("302 Found", [("Location", "/admin/")])
            return []
        if path.startswith("/admin/"):
            refusal = self.refuse_foreign(environ, need_origin=False)
            if refusal:
                return _refuse(start_response, 403, refusal)
            return self.static(path[len("/admin/"):], start_response)
        return self.inner(environ, start_response)

    def refuse_foreign(self, environ: dict, need_origin: bool = True) -> Message | None:
        """Why a request does not come from this back office (None: it does)."""
        host = environ.get("HTTP_HOST", "")
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if not is_loopback(name):
            return msgs.ADMIN_LOOPBACK_ONLY
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and origin != f"http://{host}":
            return msgs.ADMIN_OTHER_ORIGIN
        if need_origin and environ.get("REQUEST_METHOD") == "POST" and origin is None:
            return msgs.ADMIN_OTHER_ORIGIN
        return None

    def api(self, environ: dict, start_response: Callable) -> list[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":
            return _refuse(start_response, 405, msgs.ADMIN_BAD_REQUEST, [("Allow", "POST")], detail="POST only")
        if not environ.get("CONTENT_TYPE", "").startswith("application/json"):
            return _refuse(start_response, 415, msgs.ADMIN_BAD_REQUEST, detail="JSON only")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY:
            return _refuse(start_response, 413, msgs.ADMIN_TOO_LARGE, limit=cmsconfig.MAX_FILE_MB)
        try:
            body = json.loads(environ["wsgi.input"].read(length).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return _refuse(start_response, 400, msgs.ADMIN_BAD_REQUEST, detail="not JSON")
        status, payload = self.backend.handle(body)
        return _json(start_response, status, payload)

    # ------------------------------------------------------------ pages

    def static(self, rel: str, start_response: Callable) -> list[bytes]:
        if rel in ("", "index.html"):
            rel = "index.html"
        if rel == "readiness.json":
            return _json(start_response, 200, self.readiness(), _SECURITY)
        if rel in ("config.yml", "mode.js"):
            config = self.config()
            if rel == "config.yml":
                body, ctype = cmsconfig.config_text(config).encode("utf-8"), "text/yaml; charset=utf-8"
            else:
                body, ctype = cmsconfig.mode_script(config).encode("utf-8"), "application/javascript; charset=utf-8"
            start_response("200 OK", [("Content-Type", ctype), ("Cache-Control", "no-store"),
                                      ("Content-Length", str(len(body))), *_SECURITY])
            return [body]
        if rel.endswith("/"):
            rel += "index.html"
        full = (STATIC / rel).resolve()
        if STATIC not in full.parents or not full.is_file():
            return _refuse(start_response, 404, msgs.ADMIN_NOT_FOUND, path="/admin/" + rel)
        body = full.read_bytes()
        ctype = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
        if full.suffix == ".js":
            ctype = "application/javascript"
        if ctype.startswith("text/") or ctype == "application/javascript":
            ctype += "; charset=utf-8"
        cache = "max-age=3600" if "/vendor/" in full.as_posix() else "no-cache"
        start_response("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body))),
                                  ("Cache-Control", cache), *_SECURITY])
        return [body]

    def config(self) -> dict:
        cats = load_catalogues(self.project.root, self.project.content_dir, Problems())
        return cmsconfig.build_config(self.project.content_dir, cats, site_url="/")

    def readiness(self) -> dict:
        return report(self.project.root, self.project.content_dir)
