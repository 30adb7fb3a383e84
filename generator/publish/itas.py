"""The ITAS submission sheet: per item, มี/ไม่มี, the page URL and a Thai explanation.

In ITAS the LAO answers each OIT item with มี or ไม่มี, the URL on its main website, and an
explanation of where on the page the evidence sits. This builds that from the catalogue, the
readiness result and `site_url`, so the clerk pastes instead of writing. An item with any
element missing is flagged ("ไม่มี" plus what is missing), never silently marked มี.
"""

from __future__ import annotations

import csv
import io

from generator.checks.readiness import STATUS_TH, ElementStatus, ItemStatus, Readiness
from generator.content.site import Site
from generator.content.urls import item_url
from generator.publish.markdown import cell

HEADERS = ["รหัส", "รายการ", "ผลการตรวจ", "URL", "คำอธิบาย (วางใน ITAS)", "ยังขาด / ต้องแก้ไขก่อนส่ง"]


def click_path(r: Readiness, it: ItemStatus) -> str:
    v = it.view
    return " › ".join([
        "หน้าหลัก",
        "การเปิดเผยข้อมูลสาธารณะ (OIT)",
        f"OIT ปี {r.year}",
        f"ตัวชี้วัดที่ {v.indicator.id} {v.indicator.title}",
        f"{v.sub.id} {v.sub.title}",
        f"{it.item.code} {it.item.title}",
    ])


def heading_of(es: ElementStatus) -> str:
    t = es.topic
    title = t.title + (f" ปีงบประมาณ พ.ศ. {t.fy}" if t.fy else "")
    part = t.part(es.element.part).title if es.element.part else None
    return f"หัวข้อ \"{title}\"" + (f" ส่วน \"{part}\"" if part else "")


def element_rows(r: Readiness, it: ItemStatus, base: str) -> list[dict]:
    """Per element: its verdict and, when the page holds its evidence, the address of its anchor.
    An element the page does not show gets no address: nothing in the sheet points at nothing."""
    out = []
    for ev, es in zip(it.view.elements, it.elements, strict=True):
        out.append({
            "id": es.element.id,
            "text": es.element.text,
            "status": es.status,
            "ok": es.ok,
            "anchor": ev.anchor if ev.shown else None,
            "url": item_url(r.year, it.item.code, base, ev.anchor) if ev.shown else None,
            "heading": heading_of(es),
        })
    return out


def rows(site: Site, r: Readiness) -> list[dict]:
    base = site.org.site.site_url or ""
    out = []
    for it in r.items:
        elements = element_rows(r, it, base)
        parts = [f"เข้าจาก {click_path(r, it)}"]
        located = [
            f"({i}) {e['text']} อยู่ที่{e['heading']} ({e['url']})" if e["url"]
            else f"({i}) {e['text']}: ยังไม่มีบนหน้านี้"
            for i, e in enumerate(elements, 1)
        ]
        parts.append("ในหน้านี้ " + " ".join(located))
        missing = [
            f"{es.element.text}: {es.findings[0].th if es.findings else STATUS_TH[es.status]}"
            for es in it.elements if not es.ok
        ]
        out.append({
            "code": it.item.code,
            "title": it.item.title,
            "answer": "มี" if it.ready else "ไม่มี",
            "url": item_url(r.year, it.item.code, base),
            "explanation": " ".join(parts),
            "missing": "; ".join(missing),
            "elements": elements,
        })
    return out


def to_csv(data: list[dict]) -> bytes:
    """UTF-8 with BOM and CRLF: Excel and LibreOffice both open it with Thai intact."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADERS)
    for row in data:
        w.writerow([row["code"], row["title"], row["answer"], row["url"], row["explanation"], row["missing"]])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_markdown(data: list[dict], year: int, note: str | None = None) -> str:
    """The sheet as Markdown for the clerk; `note` (a provisional catalogue) is said above the table."""
    lines = [f"# แบบกรอกข้อมูล OIT ในระบบ ITAS ปี {year}", ""]
    if note:
        lines += [f"> **หมายเหตุ:** {cell(note)}", ""]
    lines += ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for row in data:
        flag = row["answer"] if row["answer"] == "มี" else f"**{row['answer']}**"
        lines.append("| " + " | ".join([
            row["code"], cell(row["title"]), flag, f"<{row['url']}>", cell(row["explanation"]), cell(row["missing"]) or "–",
        ]) + " |")
    return "\n".join(lines) + "\n"
