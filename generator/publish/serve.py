"""`oit serve`: the live preview. Content is regenerated when a file changes; MkDocs' own
development server rebuilds the site and reloads the browser."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.problems import UserError
from generator.publish.build import generate
from generator.publish.project import Project
from generator.publish.render import TemplateError


def serve(project: Project, dev_addr: str, *, on_problems: Callable[[UserError], None],
          on_template_error: Callable[[TemplateError], Any], say: Callable[[str], None],
          hooks: Sequence[str] = ()) -> None:
    """Watch content/ (and the project's mkdocs.yml) and serve the site until interrupted.

    The first generation has already succeeded (the caller ran it); later failures are reported
    through the callbacks while the browser keeps the last good version. `hooks`: MkDocs hook
    files for the preview server only (the back office mounts itself with one). Raises OSError
    when the address cannot be listened on."""
    lock = threading.Lock()
    pending = threading.Event()

    class OnChange(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type in ("created", "modified", "deleted", "moved"):
                pending.set()

    def regenerate_loop() -> None:
        while True:
            pending.wait()
            time.sleep(0.3)  # let editors finish writing
            pending.clear()
            with lock:
                try:
                    g = generate(project)
                    say(f"สร้างใหม่แล้ว (regenerated): {g.stats.changed} ไฟล์เปลี่ยน")
                except UserError as exc:
                    on_problems(exc)
                    say("ยังแสดงเวอร์ชันก่อนหน้า แก้ไขแล้วบันทึกอีกครั้ง (still showing the last good version)")
                except TemplateError as exc:
                    on_template_error(exc)

    observer = Observer()
    observer.schedule(OnChange(), str(project.content_dir), recursive=True)
    if project.base_config.parent == project.root:
        observer.schedule(OnChange(), str(project.root), recursive=False)
    observer.daemon = True
    observer.start()
    threading.Thread(target=regenerate_loop, daemon=True).start()

    # MkDocs is imported here, in the last step only (see build.run_mkdocs).
    from mkdocs.commands.serve import serve as mkdocs_serve

    say(f"เปิดดูตัวอย่างที่ http://{dev_addr}/ (preview at http://{dev_addr}/); กด Ctrl+C เพื่อหยุด")
    try:
        # site_url set to the preview address: otherwise MkDocs mounts the site under the public
        # URL's path (/ita/) and the address printed above would answer 404.
        # The search index is written after every rebuild by a hook (publish/search_hook.py).
        mkdocs_serve(config_file=str(project.config_file), livereload=True, watch_theme=True,
                     dev_addr=dev_addr, strict=False, site_url=f"http://{dev_addr}/",
                     hooks=[str(Path(__file__).with_name("search_hook.py")), *hooks])
    finally:
        observer.stop()
