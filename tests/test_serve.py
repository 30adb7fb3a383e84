
"""`oit serve`: live preview that regenerates when content changes and survives a broken edit."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, want: str | None = None, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                last = r.read().decode("utf-8")
                if want is None or want in last:
                    return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {want!r}; last page had {len(last)} chars")


@pytest.mark.slow
def test_serve_regenerates_on_content_change(tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    port = free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")  # noqa: SIM115 - closed after the server stops
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/oit/2569/o4/"
        fetch(url, "ข่าวประชาสัมพันธ์")
        fetch(f"http://127.0.0.1:{port}/search/index.js", "ข่าวประชาสัมพันธ์")  # the preview has a search index
        news = tmp_path / "content/2569/news.yml"
        news.write_text(news.read_text(encoding="utf-8").replace("entries:", "entries:\n  - title: ข่าวทดสอบการแสดงตัวอย่างสด\n    date: 2025-12-01", 1), encoding="utf-8")
        fetch(url, "ข่าวทดสอบการแสดงตัวอย่างสด")
        news.write_text("entries: [{title: x, date: วันไหน}]\n", encoding="utf-8")  # a clerk's mistake
        deadline = time.monotonic() + 30
        while "ยังแสดงเวอร์ชันก่อนหน้า" not in (tmp_path / "serve.log").read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text(encoding="utf-8")
            time.sleep(0.5)
        assert proc.poll() is None  # still serving the last good version
        assert "ข่าวทดสอบการแสดงตัวอย่างสด" in fetch(url)
        assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
