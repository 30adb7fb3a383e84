"""Readiness as a clerk reads it: a table in the terminal, JSON for tools, where to edit."""

from __future__ import annotations

import unicodedata

from generator.checks.elements import MANUAL_OK, STATUS_TH
from generator.checks.readiness import ElementStatus, ItemStatus, Readiness
from generator.content.site import Site
from generator.content.urls import item_url


def edit_location(site: Site, es: ElementStatus) -> tuple[str, int]:
    """The file and line to edit for an element (line 0: the file does not exist yet)."""
    t = es.topic
    src = site.topic_source(t.key, t.fy)
    if src is None:
        return t.file, 0
    path = es.findings[0].path if es.findings else ()
    return src.file, src.loaded.pos(src.path + tuple(path))[0]


def where_to_edit(site: Site, es: ElementStatus) -> str:
    """`content/2569/procurement.yml:12` for the element's evidence (or the file to create)."""
    file, line = edit_location(site, es)
    if not line:
        return file + " (สร้างไฟล์นี้ / create it)"
    return f"{file}:{line}"


def _width(s: str) -> int:
    """Display width: Thai combining vowels and tone marks take no column."""
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def text_report(site: Site, r: Readiness) -> str:
    lines = [f"ความพร้อม OIT ปี {r.year} (readiness for ITA {r.year}): {pct(r.overall)}", ""]
    note = site.catalogues[r.year].provisional_note()
    if note:
        lines[1:1] = [f"หมายเหตุ: {note}"]
    rows = [("รหัส", "ความพร้อม", "รายการ / องค์ประกอบที่ยังไม่ครบ", "แก้ไขที่")]
    for it in r.worst_first():
        rows.append((it.item.code, f"{it.ok_count}/{len(it.elements)}", it.item.title[:60], ""))
        for es in it.elements:
            if es.ok:
                continue
            detail = es.findings[0].th if es.findings else STATUS_TH[es.status]
            rows.append(("", STATUS_TH[es.status], f"  • {es.element.text}: {detail}", where_to_edit(site, es)))
    widths = [max(_width(row[i]) for row in rows) for i in range(2)]
    for row in rows:
        lines.append(f"{_pad(row[0], widths[0])}  {_pad(row[1], widths[1])}  {row[2]}" + (f"  → {row[3]}" if row[3] else ""))
    lines += ["", "ตามตัวชี้วัดย่อย (by sub-indicator):"]
    for sub, ratio, ready, total in r.by_sub_indicator():
        lines.append(f"  {sub.id} {sub.title}: {pct(ratio)} (ครบ {ready}/{total} รายการ)")
    lines += ["ตามตัวชี้วัด (by indicator):"]
    for ind, ratio, ready, total in r.by_indicator():
        lines.append(f"  ตัวชี้วัดที่ {ind.id} {ind.title}: {pct(ratio)} (ครบ {ready}/{total} รายการ)")
    ready = sum(i.ready for i in r.items)
    lines.append(f"รวม (overall): {pct(r.overall)} — ครบทุกองค์ประกอบ {ready}/{len(r.items)} รายการ")
    manual = [(it, es) for it in r.items for es in it.elements if es.status == MANUAL_OK]
    if manual:
        lines += ["", "ตรวจด้วยตนเอง (declared by the clerk in items.yml):"]
        for it, es in manual:
            lines.append(f"  {it.item.code} {es.element.text} — {es.evidence}")
    return "\n".join(lines)


def json_report(site: Site, r: Readiness, base_url: str | None = None) -> dict:
    def url(it: ItemStatus, anchor: str | None = None) -> str | None:
        if not base_url:
            return None
        return item_url(r.year, it.item.code, base_url, anchor)

    cat = site.catalogues[r.year]
    return {
        "year": r.year,
        "catalogue": {"status": cat.status, "derived_from": cat.derived_from, "note": cat.provisional_note()},
        "overall": round(r.overall, 4),
        "items": [
            {
                "code": it.item.code,
                "title": it.item.title,
                "sub_indicator": it.view.sub.id,
                "ready": it.ready,
                "readiness": round(it.ratio, 4),
                "url": url(it),
                "elements": [
                    {
                        "id": es.element.id,
                        "text": es.element.text,
                        "status": es.status,
                        "topic": es.topic.key,
                        "fiscal_year": es.topic.fy,
                        "where": url(it, es.topic.part_anchor(es.element.part)) if es.ok else None,
                        "edit": where_to_edit(site, es),
                        "findings": [{"kind": f.kind, "th": f.th, "en": f.en} for f in es.findings],
                        "evidence": es.evidence or None,
                    }
                    for es in it.elements
                ],
            }
            for it in r.items
        ],
        "sub_indicators": [
            {"id": s.id, "title": s.title, "readiness": round(x, 4), "ready_items": a, "items": n}
            for s, x, a, n in r.by_sub_indicator()
        ],
        "indicators": [
            {"id": i.id, "title": i.title, "readiness": round(x, 4), "ready_items": a, "items": n}
            for i, x, a, n in r.by_indicator()
        ],
    }
