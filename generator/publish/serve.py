"""`oit serve`: the live preview.

MkDocs' development server (`LiveReloadServer`: files, the live-reload script and its long poll)
serves the site; what happens after an edit is ours (`Preview.changed`):

1. The content is generated again (`build.generate`): only the files whose fingerprint changed are
   read and checked again (content/load.py, checks/), charts whose data did not change are reused
   (publish/charts.py), and the pages a browser is showing are rendered and written first
   (`build.Early`).
2. Those pages are rendered by MkDocs' own page pipeline (`preview.LiveSite.rebuild`) and the
   browser reloads: the edited page shows the new value before the rest is rendered.
3. The other pages are rendered; those whose Markdown changed are rebuilt the same way. A change
   to what every page shares — the navigation or site settings (build/mkdocs.yml), a page title,
   a file added or removed, the theme — rebuilds the whole site instead, into a new folder that
   replaces the served one when it is complete. The search index follows after the reload.

While the content has errors, nothing is written (generate refuses), the last good version stays
on screen with a Thai banner on every page listing the errors (added as the page is served, never
in a built site), and the banner goes when the content is fixed. When no version could be built
yet (the first start with broken content and no build/ folder), every page is one that lists the
errors: the back office (/admin/) still works, so the clerk can fix the file there.
"""

from __future__ import annotations

import html
import logging
import os
import re
import shutil
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer, _timestamp
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.problems import Message, Problem, UserError
from generator.publish import messages as msg
from generator.publish import uptodate
from generator.publish.build import Early, Superseded, generate
from generator.publish.preview import LiveSite
from generator.publish.project import Project
from generator.publish.render import TemplateError
from generator.publish.search import write_index

log = logging.getLogger(__name__)

INDEXED = "ปรับดัชนีค้นหาแล้ว (search index updated)"
SEARCH_HOOK = Path(__file__).with_name("search_hook.py")
VIEWED_FOR = 120.0  # seconds a page counts as open in a browser after its last request or poll
CHANGES = ("created", "modified", "deleted", "moved", "closed")  # watchdog's event types that change files
KEEP = re.compile(r"^/assets/(?:fonts/.*\.woff2|.*\.[0-9a-f]{8}\.min\.(?:css|js)|images/favicon\.png)$")
INDEX_AFTER = 1.0  # seconds without an edit before the search index is brought up to date
BANNER_ERRORS = 10  # errors listed on a page; the terminal has them all


class PreviewServer(LiveReloadServer):
    """MkDocs' development server with our own rebuild loop, the error banner, and a record of
    the pages browsers are showing (their live-reload polls name them)."""

    def __init__(self, host: str, port: int, root: Path) -> None:
        super().__init__(builder=lambda: None, host=host, port=port, root=str(root), mount_path="/")
        self.observer = Observer()  # type: ignore[assignment]  # inotify: an edit is seen at once, not at the next poll
        self.problems: list[Problem] = []  # errors of the content: the banner
        self.no_site = False  # no version could be built yet: every page lists the errors
        self.changed: Callable[[], None] = lambda: None  # after an edit
        self.idle: Callable[[], None] = lambda: None  # now and then while there is none
        self._viewed: dict[str, float] = {}
        self._last_request = self._last_page = 0.0  # time.monotonic() of the last request, of a page
        self._lock = threading.Lock()

    # ------------------------------------------------------------ the loop

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """As MkDocs' `watch`, for changes only: inotify also reports files being opened and
        read, and the preview reads content files after each change (it would never rest)."""
        path = os.path.abspath(path)
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1

        def callback(event: FileSystemEvent) -> None:
            if event.event_type not in CHANGES:
                return
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = FileSystemEventHandler()
        handler.on_any_event = callback  # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def open(self) -> None:
        """Listen now (before the first build): an address in use is known at once."""
        self.server_bind()
        self.server_activate()

    def serve(self, *, open_in_browser: bool = False) -> None:
        if self._watched_paths:
            self.observer.start()
        self.serve_thread.start()
        self._build_loop()

    def _build_loop(self) -> None:
        while True:
            with self._rebuild_cond:
                while not self._rebuild_cond.wait_for(lambda: self._want_rebuild or self._shutdown,
                                                      timeout=self.shutdown_delay):
                    self._rebuild_cond.release()
                    try:
                        self.idle()
                    finally:
                        self._rebuild_cond.acquire()
                if self._shutdown:
                    break
                while self._rebuild_cond.wait(timeout=self.build_delay):
                    pass  # an editor may write a file in several steps: wait until it is quiet
                self._want_rebuild = False
            self.changed()

    @property
    def superseded(self) -> bool:
        """Another edit arrived since the current run started."""
        return self._want_rebuild or self._shutdown

    def hold(self) -> None:
        """Requests for site files wait until `publish` (the folder is being rewritten)."""
        with self._epoch_cond:
            self._wanted_epoch = _timestamp()

    def settle(self, since: float, timeout: float = 2.0, quiet: float = 0.25) -> None:
        """Wait (at most `timeout` seconds from `since`) until a browser has fetched a page and
        then nothing for `quiet` seconds: the reload of the edited page gets the machine to
        itself before the remaining pages are rendered (they would slow the requests down)."""
        while time.monotonic() < since + timeout and not self._shutdown:
            now = time.monotonic()
            if self._last_page > since and now - self._last_request >= quiet:
                return
            time.sleep(0.02)

    def publish(self) -> None:
        """What is in the folder now is what browsers should show: they reload."""
        with self._epoch_cond:
            self._wanted_epoch = self._visible_epoch = max(_timestamp(), self._visible_epoch + 1)
            self._epoch_cond.notify_all()

    # ------------------------------------------------------------ requests

    def viewed(self) -> list[str]:
        """Docs paths (`oit/2569/o12/index.md`) of the pages browsers showed lately."""
        now = time.monotonic()
        with self._lock:
            for url in [u for u, t in self._viewed.items() if now - t > VIEWED_FOR]:
                del self._viewed[url]
            return [p for u in self._viewed if (p := docs_path(u))]

    def _saw(self, url: str | None) -> None:
        if url:
            with self._lock:
                self._viewed[urllib.parse.urlsplit(url).path] = time.monotonic()

    def _serve_request(self, environ: dict, start_response: Callable) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path.startswith("/livereload/"):
            self._saw(environ.get("HTTP_REFERER"))
            return super()._serve_request(environ, start_response)
        self._last_request = time.monotonic()
        if path.endswith(("/", ".html")):
            self._saw(path)
            self._last_page = self._last_request
            if self.no_site:
                page = self._inject_js_into_html(error_page(self.problems), self._visible_epoch)
                start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                          ("Content-Length", str(len(page))), ("Cache-Control", "no-store")])
                return [page]
        elif KEEP.search(path):  # fonts and Material's hashed bundles: a reload need not fetch them again
            respond = start_response

            def start_response(status: str, headers: list, *args: Any) -> Any:
                return respond(status, [*headers, ("Cache-Control", "max-age=3600")], *args)

        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)
        problems = self.problems
        if problems and not self.no_site:
            body = re.search(rb"<body[^>]*>", content)
            at = body.end() if body else 0
            content = content[:at] + banner(problems, msg.PREVIEW_HAS_ERRORS).encode("utf-8") + content[at:]
        return content


def docs_path(url_path: str) -> str | None:
    """The Markdown page behind a preview URL path (directory URLs): `/oit/2569/o12/` →
    `oit/2569/o12/index.md`; None for anything else."""
    path = urllib.parse.unquote(url_path).lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    if path and not path.endswith("/"):
        return None
    return f"{path}index.md"


# --------------------------------------------------------------------------- the banner


_BOX = ("margin:0;padding:.8rem 1rem;background:#fdecea;color:#5f1313;border-bottom:3px solid #b3261e;"
        "font:1rem/1.5 Sarabun,'Noto Sans Thai',Tahoma,sans-serif;position:relative;z-index:10")


def banner(problems: Sequence[Problem], message: Message) -> str:
    """A Thai box listing the content's errors (Thai first, English beside), for preview pages."""
    th, en, hint = message.format({"count": len(problems)})
    items = []
    for p in problems[:BANNER_ERRORS]:
        where = html.escape(p.location())
        text = f"{html.escape(p.th)} <span lang=\"en\">({html.escape(p.en)})</span>"
        tip = f"<br>→ {html.escape(p.hint)}" if p.hint else ""
        items.append(f"<li><code>{where}</code> [{html.escape(p.code)}]: {text}{tip}</li>")
    if len(problems) > BANNER_ERRORS:
        more_th, more_en, _ = msg.PREVIEW_MORE_ERRORS.format({"count": len(problems) - BANNER_ERRORS})
        items.append(f"<li>{html.escape(more_th)} <span lang=\"en\">({html.escape(more_en)})</span></li>")
    return (f'<div class="oit-preview-errors" role="alert" lang="th" style="{_BOX}">'
            f"<strong>{html.escape(th)}</strong> <span lang=\"en\">({html.escape(en)})</span>"
            f'<p style="margin:.3rem 0">{html.escape(hint)}</p>'
            f'<ul style="margin:.3rem 0;padding-left:1.4rem">{"".join(items)}</ul></div>')


def error_page(problems: Sequence[Problem]) -> bytes:
    """The whole page while no version of the site could be built."""
    th, _, _ = msg.PREVIEW_NO_SITE.format({"count": len(problems)})
    return ('<!doctype html><html lang="th"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{html.escape(th)}</title></head><body style=\"margin:0\">"
            f"{banner(problems, msg.PREVIEW_NO_SITE)}</body></html>").encode()


# --------------------------------------------------------------------------- after an edit


class Preview:
    """What runs after each edit (see the module's docstring)."""

    def __init__(self, project: Project, live: LiveSite, server: PreviewServer, *,
                 on_problems: Callable[[UserError], None], on_template_error: Callable[[TemplateError], Any],
                 say: Callable[[str], None]) -> None:
        self.project = project
        self.live = live
        self.server = server
        self.on_problems = on_problems
        self.on_template_error = on_template_error
        self.say = say
        self.shared = self._shared_key()
        self.early_failed = False
        self.index_due = False
        self.last_change = 0.0

    def _shared_key(self) -> str:
        """What every page shares beyond the generated files: the theme and the base config."""
        return repr((uptodate.tree(self.project.theme_dir), uptodate._stat(self.project.base_config)))

    def start(self) -> None:
        """The first generation and build. Broken content still gets a preview: the last good
        Markdown in build/ when there is one, otherwise the page listing the errors."""
        try:
            generate(self.project)
        except UserError as exc:
            self.on_problems(exc)
            self.server.problems = exc.problems.errors
        if self.project.config_file.is_file() and self.project.docs_dir.is_dir():
            self.server.hold()
            self.full(Path(self.server.root))
        else:
            self.server.no_site = True

    def full(self, into: Path | None = None) -> bool:
        """Build the whole site into a new folder, then serve that one."""
        new = into or Path(tempfile.mkdtemp(prefix="oit-preview-"))
        try:
            self.live.build(new)
        except Exception as exc:  # MkDocs or the theme: said, and the last good site stays
            self.say(f"MkDocs: {exc}")
            if into is None:
                shutil.rmtree(new, ignore_errors=True)
            return False
        old = Path(self.server.root)
        self.server.root = str(new)
        self.server.no_site = False
        self.server.publish()
        if old != new:
            shutil.rmtree(old, ignore_errors=True)
        return True

    def _early(self, paths: list[str]) -> None:
        """Pages a browser shows were written: rebuild and show them now."""
        if self.live.config is None or not self.live.rebuild(paths):
            self.early_failed = True
            return
        self.server.problems = []
        self.server.publish()
        self.server.settle(time.monotonic())

    def changed(self) -> None:
        """After an edit (the server's loop): never raises, the last good site stays."""
        start = time.perf_counter()
        self.early_failed = False
        shared = self._shared_key()
        had_problems = bool(self.server.problems)
        early = Early(self.server.viewed, self._early, lambda: self.server.superseded)
        try:
            g = generate(self.project, early=early)
        except Superseded:
            return
        except UserError as exc:
            self.on_problems(exc)
            self.say(f"{msg.PREVIEW_STILL_OLD.th} ({msg.PREVIEW_STILL_OLD.en})")
            self.server.problems = exc.problems.errors
            self.server.publish()
            return
        except TemplateError as exc:
            self.on_template_error(exc)
            return
        self.server.problems = []
        stats = g.stats
        pages = [p for p in stats.updated if p.endswith(".md")]
        whole = (self.live.config is None or self.server.no_site or shared != self.shared or g.config_changed
                 or self.early_failed or bool(stats.created or stats.deleted)
                 or len(pages) != len(stats.updated))
        if g.unchanged and not whole:
            if had_problems:
                self.server.publish()
            return
        self.shared = shared
        if whole:
            done = self.full()
        elif pages:
            done = self.live.rebuild(pages)
            if done:
                self.server.publish()
            else:
                done = self.full()
        else:
            done = True
            if had_problems and not g.early:  # fixed, and no page changed: the banner goes
                self.server.publish()
        if not done:
            return
        self.say(f"สร้างใหม่แล้ว (regenerated): {stats.changed + len(g.early)} ไฟล์เปลี่ยน, "
                 f"{'ทั้งเว็บไซต์ (whole site)' if whole else f'{len(pages) + len(g.early)} หน้า (pages)'}, "
                 f"{time.perf_counter() - start:.1f} s")
        # a full build's hook wrote the index; after pages, once the edits pause (`idle`)
        self.index_due = bool(pages or g.early) and not whole
        self.last_change = time.monotonic()

    def idle(self) -> None:
        """No edit pending: bring the search index up to date once the clerk pauses (it takes a
        second or two at five years; an edit arriving meanwhile waits for it)."""
        if not self.index_due or time.monotonic() - self.last_change < INDEX_AFTER or self.live.site_dir is None:
            return
        self.index_due = False
        write_index(self.live.site_dir, self.project.build_dir, directory_urls=True)
        self.say(INDEXED)


def serve(project: Project, dev_addr: str, *, on_problems: Callable[[UserError], None],
          on_template_error: Callable[[TemplateError], Any], say: Callable[[str], None],
          hooks: Sequence[str] = ()) -> None:
    """Serve the preview until interrupted. Content with errors is reported through
    `on_problems` and shown on the pages; a template error (the program's, not the clerk's) through
    `on_template_error`. `hooks`: MkDocs hook files for the preview only (the back office mounts
    itself with one). Raises OSError when the address cannot be listened on."""
    host, _, port = dev_addr.rpartition(":")
    options = {"site_url": f"http://{dev_addr}/", "dev_addr": dev_addr, "strict": False,
               "hooks": [str(SEARCH_HOOK), *hooks]}
    live = LiveSite(project.config_file, **options)
    root = Path(tempfile.mkdtemp(prefix="oit-preview-"))
    server = PreviewServer(host.strip("[]"), int(port), root)

    def not_found_page(code: int) -> bytes | None:
        """The site's own Thai 404 page, as `mkdocs serve` answers (the served folder changes
        after a full rebuild, so it is looked up at each request)."""
        page = Path(server.root) / f"{code}.html"
        return page.read_bytes() if code == 404 and page.is_file() else None

    server.error_handler = not_found_page
    try:
        server.open()
        preview = Preview(project, live, server, on_problems=on_problems, on_template_error=on_template_error,
                          say=say)
        preview.start()
        server.changed = preview.changed
        server.idle = preview.idle
        server.watch(str(project.content_dir))
        server.watch(str(project.theme_dir))
        if project.base_config.parent == project.root:
            server.watch(str(project.root), recursive=False)
        config = live.config if live.config is not None else _bare_config(project, options)
        server = config.plugins.on_serve(server, config=config, builder=preview.changed)
        say(f"เปิดดูตัวอย่างที่ http://{dev_addr}/ (preview at http://{dev_addr}/); กด Ctrl+C เพื่อหยุด")
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        for folder in {root, Path(server.root)}:
            shutil.rmtree(folder, ignore_errors=True)


def _bare_config(project: Project, options: dict) -> Any:
    """A MkDocs config for the server's hooks while no build/mkdocs.yml exists yet."""
    from mkdocs.config import load_config

    empty = tempfile.mkdtemp(prefix="oit-preview-docs-")
    try:
        return load_config(config_file=str(project.base_config), docs_dir=empty, **options)
    finally:
        os.rmdir(empty)
