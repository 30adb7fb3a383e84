
"""`oit serve`: live preview that regenerates when content changes and survives a broken edit."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BANNER_TH = "ข้อมูลมีข้อผิดพลาด 1 รายการ"  # OIT-B701


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
        with pytest.raises(urllib.error.HTTPError) as missing:  # a mistyped address: the site's Thai 404
            urllib.request.urlopen(f"http://127.0.0.1:{port}/no/such/page/", timeout=5)
        assert missing.value.code == 404 and "ไม่พบหน้า" in missing.value.read().decode("utf-8")
        news = tmp_path / "content/2569/news.yml"
        news.write_text(news.read_text(encoding="utf-8").replace("entries:", "entries:\n  - title: ข่าวทดสอบการแสดงตัวอย่างสด\n    date: 2025-12-01", 1), encoding="utf-8")
        fetch(url, "ข่าวทดสอบการแสดงตัวอย่างสด")
        news.write_text("entries: [{title: x, date: วันไหน}]\n", encoding="utf-8")  # a clerk's mistake
        deadline = time.monotonic() + 30
        while "ยังแสดงเวอร์ชันก่อนหน้า" not in (tmp_path / "serve.log").read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text(encoding="utf-8")
            time.sleep(0.5)
        assert proc.poll() is None  # still serving the last good version
        page = fetch(url, "oit-preview-errors")  # with the banner listing the errors
        assert "ข่าวทดสอบการแสดงตัวอย่างสด" in page
        assert BANNER_TH in page and "content/2569/news.yml:1" in page
        assert "oit-preview-errors" in fetch(f"http://127.0.0.1:{port}/")  # on every page
        news.write_text(news.read_text(encoding="utf-8").replace("วันไหน", "2025-12-02"), encoding="utf-8")
        deadline = time.monotonic() + 30
        while "oit-preview-errors" in fetch(url):  # fixed: the banner goes
            assert time.monotonic() < deadline
            time.sleep(0.5)
        assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def start(root: Path, port: int, log_path: Path) -> tuple[subprocess.Popen, object]:
    log = open(log_path, "w+", encoding="utf-8")  # noqa: SIM115 - closed by stop()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    return proc, log


def stop(proc: subprocess.Popen, log) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.mark.slow
def test_serve_starts_with_broken_content_and_shows_the_errors_until_fixed(tmp_path):
    """No build yet and an error in the content: the preview still starts (the back office must
    be reachable to fix it), every page lists the errors, and the fix turns it into the site."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    executives = tmp_path / "content/executives.yml"
    good = executives.read_text(encoding="utf-8")
    executives.write_text(good.replace("position:", "positon:", 1), encoding="utf-8")  # a clerk's typo
    port = free_port()
    proc, log = start(tmp_path, port, tmp_path / "serve.log")
    try:
        page = fetch(f"http://127.0.0.1:{port}/oit/2569/o1/", "OIT-M029")
        assert "ยังสร้างเว็บไซต์ตัวอย่างไม่ได้" in page and "content/executives.yml" in page  # OIT-B702
        assert "positon" in page and "/admin/" in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/", timeout=10) as r:
            assert r.status == 200  # the back office, to fix it there
        assert proc.poll() is None
        executives.write_text(good, encoding="utf-8")
        page = fetch(f"http://127.0.0.1:{port}/oit/2569/o1/", "ผู้บริหาร", timeout=120)
        assert "oit-preview-errors" not in page and "OIT-M029" not in page
        assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")
    finally:
        stop(proc, log)
    assert not (tmp_path / "site").exists()  # the preview never writes the published site
