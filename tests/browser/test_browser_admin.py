"""The back office, driven as a clerk would: `oit new`, `oit serve`, then forms in Chromium.

One fresh project and one `oit serve` per module. The clerk's path: an executive with a photo,
six months of procurement summaries, a measure with its ประเด็น and a result with its status;
after each save the YAML on disk passes `oit check`, the preview pages show the values, and the
back office's readiness page turns the elements to มี. A wrong value is refused with the Thai
message and the file stays as it was. Axe checks the pages this project controls.

`pytest --update-screenshots` writes the screenshots used by docs/guide.md (docs/images/admin/).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from PIL import Image
from playwright.sync_api import expect

from generator.cli import main
from generator.content.catalogue import load_catalogues
from generator.problems import Problems

from .conftest import DESKTOP, PHONE, Guard
from .support import AXE, describe, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "docs" / "images" / "admin"

NAME = "นางสาวพรทิพย์ ทดลองงาน"
POSITION = "นายกองค์การบริหารส่วนตำบลหนองทดลอง"
PHONE_NO = "0 4391 2345"
MEASURE_TITLE = "เปิดเผยผลการจัดซื้อจัดจ้างทุกโครงการบนเว็บไซต์ภายใน 7 วัน"
RESULT_SUMMARY = "เผยแพร่ครบ 42 โครงการ ภายในเวลาที่กำหนดทุกโครงการ"
# The newest ITA year whose catalogue ships (`oit new` makes its fiscal year and the one before):
# its O11 wants the monthly summaries of October to March, its O26 the results of the year before.
YEAR = max(load_catalogues(REPO, REPO / "content", Problems()))
MONTHS = [f"{m} {YEAR - 1}" for m in ("ต.ค.", "พ.ย.", "ธ.ค.")] + [f"{m} {YEAR}" for m in ("ม.ค.", "ก.พ.", "มี.ค.")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, want: str | None = None, timeout: float = 90.0) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                last = r.read().decode("utf-8")
                if want is None or want in last:
                    return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {want!r}")


@dataclass
class Served:
    root: Path
    base: str  # http://127.0.0.1:PORT
    log: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A fresh `oit new` project served by `oit serve` on 127.0.0.1."""
    root = tmp_path_factory.mktemp("admin") / "lao"
    assert main(["new", str(root), "--name", "องค์การบริหารส่วนตำบลหนองทดลอง", "--type", "อบต.",
                 "--district", "เมืองทดลอง", "--province", "ขอนแก่น"]) == 0
    port = free_port()
    log_path = root / "serve.log"
    log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 - open while the server runs
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        fetch(f"http://127.0.0.1:{port}/admin/", "decap-cms.js")
        fetch(f"http://127.0.0.1:{port}/", "หนองทดลอง")
        yield Served(root, f"http://127.0.0.1:{port}", log_path)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    assert "Traceback" not in log_path.read_text(encoding="utf-8")


@pytest.fixture
def admin(browser, served, request):
    """A guarded browser page on the back office (fails if a request would leave 127.0.0.1)."""
    context = browser.new_context(viewport=DESKTOP, locale="th-TH", service_workers="block")
    guard = Guard(served.base + "/")
    context.on("request", guard.on_request)
    context.route("**/*", guard.route)
    page = context.new_page()
    page.on("dialog", lambda d: d.accept())  # "leave without saving?" when a test moves on
    yield page
    context.close()
    assert not guard.foreign, f"requests that would leave 127.0.0.1: {guard.foreign}"


def shot(page, name: str, request, full_page: bool = False) -> None:
    """A screenshot for the guide; written into docs/ only with --update-screenshots."""
    path = page.screenshot(full_page=full_page)
    if request.config.getoption("--update-screenshots"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / f"{name}.png").write_bytes(path)


def open_form(page, served: Served, collection: str, entry: str, field: str) -> None:
    """Open one file's form and wait for its field `field` (the model's name). A fresh page
    load: moving from one form straight to another by address keeps Decap's old widgets."""
    page.goto("about:blank")
    page.goto(served.url(f"/admin/#/collections/{collection}/entries/{entry}"))
    page.locator(f"label[for^='{field}-field-']").first.wait_for()


def save(page) -> None:
    page.get_by_text("บันทึก", exact=True).click()
    page.get_by_text("บันทึกตอนนี้").click()


def saved(page) -> None:
    page.get_by_text("บันทึกแล้ว", exact=True).first.wait_for(timeout=30000)


def choose_file(page, button: str, path: Path) -> None:
    """Upload through Decap's media library and insert it into the field."""
    page.get_by_role("button", name=button).last.click()
    page.locator("input[type=file]").first.set_input_files(str(path))
    choose = page.get_by_role("button", name="เลือกข้อมูลที่ถูกเลือก")
    expect(choose).to_be_enabled()  # the upload is listed and selected
    choose.click()


def expand(page, field: str) -> None:
    """Open a section (an object field shown collapsed)."""
    page.locator(f"[id^='{field}-field-'] [data-testid=expand-button]").first.click()


def readiness(page, served: Served) -> dict[str, str]:
    """{'O2.chiefs': 'present', …} as the back office's readiness page shows it."""
    page.goto(served.url("/admin/readiness/"))
    page.locator("tr[data-element]").first.wait_for(timeout=60000)
    rows = page.locator("tr[data-element]")
    return {rows.nth(i).get_attribute("data-element"): rows.nth(i).get_attribute("data-status")
            for i in range(rows.count())}


def axe_on(page, selectors: list[str]) -> list[dict]:
    """axe-core (WCAG 2.1 A and AA) on the parts of a page this project wrote, not Decap's."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate("""async selectors => {
        const r = await axe.run(selectors, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
        return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary })) }))
    }""", selectors)


def check_passes(root: Path, capsys) -> None:
    capsys.readouterr()
    code = main(["--root", str(root), "check"])
    out = capsys.readouterr().out
    assert code == 0, out


# axe's findings on Decap CMS's own interface (see static/vendor/decap-cms/README.md)
DECAP_KNOWN = {"color-contrast", "aria-command-name", "button-name"}

CHANGED = ["O2.chiefs", "O11.monthly", "O26.results"]  # ขาด or out of period until the forms are saved
# also มี in an empty project (nobody lacks a photo, no result names an undeclared measure)
AFFECTED = [*CHANGED, "O2.photo_contact", "O26.consistent"]


def test_clerk_fills_the_forms_and_the_site_follows(admin, served, tmp_path, request, capsys):
    page = admin
    before = readiness(page, served)
    assert all(before[e] != "present" for e in CHANGED), {e: before[e] for e in AFFECTED}
    assert page.get_by_role("link", name="แก้ไขข้อมูล").count() > 0

    page.goto(served.url("/admin/"))
    page.get_by_text(f"ปีงบประมาณ พ.ศ. {YEAR}").first.wait_for()
    shot(page, "01-collections", request)

    # --- an executive: name, position, photo, phone -----------------------------------------
    photo = tmp_path / "รูป นายก (ชุดปกติ).jpg"
    Image.new("RGB", (3200, 2400), (40, 90, 160)).save(photo, quality=95)
    open_form(page, served, "lao", "executives", "political")
    page.get_by_role("button", name="เพิ่ม ผู้บริหารฝ่ายการเมือง").click()
    page.get_by_label("ตำแหน่ง", exact=True).fill(POSITION)
    page.get_by_label("ชื่อ-นามสกุล").fill(NAME)
    choose_file(page, "เลือกรูปภาพ", photo)
    page.get_by_role("button", name="เพิ่ม หมายเลขโทรศัพท์").click()
    page.locator("[id^=phone-field] input[type=text]").last.fill(PHONE_NO)
    page.get_by_label("ผู้บริหารสูงสุด").click()
    shot(page, "02-executive", request)
    save(page)
    saved(page)
    text = (served.content / "executives.yml").read_text(encoding="utf-8")
    assert NAME in text and POSITION in text and PHONE_NO in text
    assert "# ตัวอย่าง:" in text  # the scaffold's guidance is still there
    stored = [p for p in (served.content / "files").iterdir() if p.suffix == ".jpg"]
    assert len(stored) == 1 and f"photo: files/{stored[0].name}" in text
    assert " " not in stored[0].name and stored[0].name.startswith("รูป-นายก")
    with Image.open(stored[0]) as img:
        assert max(img.size) == 1600  # resized for the web
    check_passes(served.root, capsys)

    # --- six months of procurement summaries, the first with its สขร.1 PDF -----------------
    pdf = tmp_path / f"สขร1 {MONTHS[0]}.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    open_form(page, served, f"fy{YEAR}", "procurement", "monthly")
    expand(page, "monthly")
    for i, month in enumerate(MONTHS):
        page.get_by_role("button", name="เพิ่ม รายเดือน").click()
        page.get_by_label("เดือน", exact=True).last.fill(month)
        if i == 0:
            page.get_by_role("button", name="เพิ่ม เอกสาร").last.click()
            page.get_by_label("ชื่อเอกสารที่แสดงบนเว็บไซต์").last.fill(f"สรุปผลการจัดซื้อจัดจ้าง (สขร.1) {month}")
            choose_file(page, "เลือกไฟล์", pdf)
        else:
            page.get_by_label("เดือนนี้ไม่มีการจัดซื้อจัดจ้าง").last.click()
    shot(page, "03-procurement-month", request)
    save(page)
    saved(page)
    text = (served.content / str(YEAR) / "procurement.yml").read_text(encoding="utf-8")
    months = yaml.safe_load(text)["monthly"]["months"]
    assert [m["month"] for m in months] == MONTHS
    assert [bool(m.get("no_procurement")) for m in months] == [False] + [True] * 5
    assert months[0]["documents"][0]["file"].startswith("files/") and months[0]["documents"][0]["file"].endswith(".pdf")
    assert "# สรุปผลการจัดซื้อจัดจ้างรายเดือน" in text and "plan: null" in text  # comments, other keys kept
    check_passes(served.root, capsys)

    # --- a measure with its ประเด็น, then its result with a status -------------------------
    open_form(page, served, f"fy{YEAR - 1}", "measures", "measures")
    page.get_by_role("button", name="เพิ่ม มาตรการ").click()
    page.get_by_label("รหัสมาตรการ").fill("m1")
    page.get_by_label(re.compile(r"^ประเด็น")).click()
    page.get_by_text("5 กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง", exact=True).click()
    page.get_by_label("ชื่อมาตรการ/กิจกรรม").fill(MEASURE_TITLE)
    shot(page, "04-measure", request)
    save(page)
    saved(page)
    text = (served.content / str(YEAR - 1) / "measures.yml").read_text(encoding="utf-8")
    assert "issue: 5" in text and MEASURE_TITLE in text

    open_form(page, served, f"fy{YEAR - 1}", "results", "results")
    page.get_by_role("button", name="เพิ่ม ผลการดำเนินการ").click()
    page.get_by_label("รหัสมาตรการ").fill("m1")
    page.get_by_label("สถานะ").click()
    page.get_by_text("ดำเนินการแล้ว", exact=True).click()
    page.get_by_label("สรุปผลการดำเนินการ").fill(RESULT_SUMMARY)
    save(page)
    saved(page)
    text = (served.content / str(YEAR - 1) / "results.yml").read_text(encoding="utf-8")
    assert "status: done" in text and RESULT_SUMMARY in text
    check_passes(served.root, capsys)

    # --- the preview rebuilt with the new values ----------------------------------------------
    assert NAME in fetch(served.url(f"/oit/{YEAR}/o2/"), NAME)
    assert f"สรุปผลการจัดซื้อจัดจ้าง (สขร.1) {MONTHS[0]}" in fetch(served.url(f"/oit/{YEAR}/o11/"), "สขร.1")
    o26 = fetch(served.url(f"/oit/{YEAR}/o26/"), MEASURE_TITLE)
    assert RESULT_SUMMARY in o26 and "ดำเนินการแล้ว" in o26

    # --- readiness in the back office -----------------------------------------------------------
    after = readiness(page, served)
    assert {e: after[e] for e in AFFECTED} == dict.fromkeys(AFFECTED, "present")
    row = page.locator('tr[data-element="O2.photo_contact"]')
    assert row.get_by_text("มี", exact=True).count() == 1
    shot(page, "05-readiness", request)


def test_a_wrong_value_is_refused_and_the_file_kept(admin, served, request):
    page = admin
    path = served.content / str(YEAR) / "news.yml"
    original = path.read_bytes()
    open_form(page, served, f"fy{YEAR}", "news", "entries")
    page.get_by_role("button", name="เพิ่ม ข่าว/กิจกรรม เรียงตามวันที่").click()
    page.get_by_label("ชื่อ", exact=True).fill("ประชุมประชาคมหมู่บ้าน")
    page.get_by_label("วันที่ของข่าว/กิจกรรม").fill("2025-11-20")
    page.get_by_role("button", name="เพิ่ม เอกสาร").last.click()
    page.get_by_label("ชื่อเอกสารที่แสดงบนเว็บไซต์").last.fill("ภาพการประชุม")  # neither a file nor a link
    save(page)
    problems = page.locator("#oit-problems")
    problems.wait_for(state="visible", timeout=30000)
    text = problems.inner_text()
    assert "ยังไม่ได้บันทึก ไฟล์ยังเหมือนเดิม" in text
    assert "ไม่มีทั้ง" in text and "“ไฟล์”" in text  # the model's Thai message, in the form's words
    assert "ข่าว/กิจกรรม" in text and "รายการที่ 1" in text  # the field is named
    shot(page, "06-refused", request)
    assert path.read_bytes() == original
    assert not list(path.parent.glob(".*.saving"))


def test_axe_on_the_pages_this_project_controls(admin, served, browser):
    page = admin
    page.goto(served.url("/admin/readiness/"))
    page.locator("tr[data-element]").first.wait_for(timeout=60000)
    violations = run_axe(page)
    assert not violations, describe(violations)

    open_form(page, served, "lao", "executives", "political")
    page.evaluate("""() => { const p = document.getElementById('oit-problems'); p.hidden = false;
        document.getElementById('oit-problems-list').innerHTML = '<li>ตัวอย่างข้อความ</li>' }""")
    ours = axe_on(page, [".oit-bar", "#oit-problems"])
    assert not ours, describe(ours)

    # Decap's own pages: only the violations listed in generator/publish/admin/static/vendor/
    # decap-cms/README.md; anything else (a form field of ours without a label, a new Decap) fails.
    decap = {v["id"] for v in run_axe(page)}
    page.goto("about:blank")
    page.goto(served.url(f"/admin/#/collections/fy{YEAR}"))
    page.get_by_text("การจัดซื้อจัดจ้าง", exact=True).first.wait_for()
    decap |= {v["id"] for v in run_axe(page)}
    assert decap <= DECAP_KNOWN, describe([v for v in run_axe(page) if v["id"] not in DECAP_KNOWN])

    context = browser.new_context(viewport=PHONE, locale="th-TH")
    phone = context.new_page()
    phone.goto(served.url("/admin/readiness/"))
    phone.locator("tr[data-element]").first.wait_for(timeout=60000)
    assert not run_axe(phone), describe(run_axe(phone))
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    context.close()


def test_a_published_site_signs_in_to_github_with_a_token(browser, site, request):
    """The sample is published from github.com/example-lao/oit-bansukjai: its /admin/ offers a
    token sign-in (no OAuth server), and Decap then talks to GitHub's API with that token. GitHub
    is played here by the test; every other request must stay on the site."""
    context = browser.new_context(viewport=DESKTOP, locale="th-TH", service_workers="block")
    guard = Guard(site.base)
    context.on("request", guard.on_request)
    context.route("**/*", guard.route)
    seen: list[tuple[str, str]] = []

    def github(route) -> None:
        req = route.request
        seen.append((req.url, req.headers.get("authorization", "")))
        path = req.url.split("api.github.com", 1)[1].split("?")[0]
        if path == "/user":
            body = {"login": "clerk-nongthadlong", "name": "เจ้าหน้าที่ทดลอง", "avatar_url": ""}
        elif path == "/repos/example-lao/oit-bansukjai":
            body = {"full_name": "example-lao/oit-bansukjai", "default_branch": "main",
                    "permissions": {"admin": False, "push": True, "pull": True}}
        else:
            route.fulfill(status=404, json={"message": "Not Found"})
            return
        route.fulfill(status=200, json=body)

    context.route("https://api.github.com/**", github)
    page = context.new_page()
    page.goto(site.url("admin/"))
    form = page.locator("#oit-token-form")
    form.wait_for(timeout=30000)
    assert not page.get_by_role("button", name="เข้าสู่ระบบด้วย GitHub").is_visible()  # the OAuth button needs a server
    assert not axe_on(page, ["#oit-token-form"]), "axe on the token form"
    shot(page, "07-token-sign-in", request)
    page.get_by_label("GitHub token").fill("github_pat_EXAMPLE0only0for0the0test")
    page.get_by_role("button", name="เข้าสู่ระบบ", exact=True).click()
    page.wait_for_function("() => !!localStorage.getItem('decap-cms-user')")
    deadline = time.monotonic() + 30
    while not any(u.endswith("/user") for u, _ in seen):
        assert time.monotonic() < deadline, seen
        page.wait_for_timeout(200)
    assert all(auth == "token github_pat_EXAMPLE0only0for0the0test" for _, auth in seen), seen
    context.close()
    foreign = [u for u in guard.foreign if not u.startswith("https://api.github.com/")]
    assert not foreign, f"requests that would leave the site: {foreign}"
