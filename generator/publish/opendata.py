"""Open data: every tabular disclosure also as CSV and JSON, described by one data package.

Each dataset (procurement summaries in the สขร.1 columns, complaint statistics, plan progress,
measures and results with their status, ITA scores …) is built per fiscal year from the same
validated content the pages show: nothing here is typed twice and nothing is added that the
pages do not publish, so the personal-data check of the content (checks/pdpa.py) covers the
exports too. A table is written only when it has rows.

- `data/<year>/<dataset>.csv`: UTF-8 with a byte-order mark (Excel then reads Thai correctly),
  headers in Thai as the LAO's forms name the columns;
- `data/<year>/<dataset>.json`: the same rows as objects with English keys;
- `data/datapackage.json`: a Frictionless Data Package listing every file with its Table
  Schema, fiscal year, last update and licence (CC BY 4.0 unless the LAO sets another);
- `data/ckan.json`: the same datasets as records of data.go.th's catalogue (CKAN with the
  Government Data Catalog fields), so they can be harvested;
- `data/<year>/ocds.json` (opt-in, `site.open_data.ocds`): the procurement rows as an Open
  Contracting Data Standard 1.1 release package.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel

from generator.content import ita
from generator.content import models as m
from generator.content.models import LICENCES
from generator.content.scalars import STATUS_TH
from generator.content.site import Site
from generator.content.views import topic_view

DATA_DIR = "data"
PACKAGE_PATH = f"{DATA_DIR}/datapackage.json"
CKAN_PATH = f"{DATA_DIR}/ckan.json"
PAGE_PATH = f"{DATA_DIR}/index.md"
OCDS_SOURCE = "procurement-monthly"  # the dataset the OCDS export is made from


@dataclass(frozen=True)
class Column:
    name: str  # JSON key
    title: str  # Thai header of the CSV column
    type: str  # Table Schema type: string, integer, number, date, yearmonth
    description: str = ""


@dataclass(frozen=True)
class Dataset:
    key: str  # file name and data package resource stem
    title: str
    description: str
    topics: tuple[str, ...]  # topics whose pages link the files (the rows come from them)
    columns: tuple[Column, ...]
    rows: Callable[[Site, int], list[dict[str, Any]]]
    frequency: str  # data.go.th update_frequency_unit: เดือน, ครึ่งปี, ปี
    kind: str = "ข้อมูลระเบียน"  # data.go.th data_type: ข้อมูลระเบียน (records) or ข้อมูลสถิติ (statistics)
    keywords: tuple[str, ...] = ()


@dataclass
class Table:
    """One dataset of one fiscal year, ready to write."""

    dataset: Dataset
    fy: int
    rows: list[dict[str, Any]]
    updated: date | None

    @property
    def name(self) -> str:
        return f"{self.dataset.key}-{self.fy}"

    @property
    def csv_path(self) -> str:
        return f"{DATA_DIR}/{self.fy}/{self.dataset.key}.csv"

    @property
    def json_path(self) -> str:
        return f"{DATA_DIR}/{self.fy}/{self.dataset.key}.json"

    @property
    def title(self) -> str:
        return f"{self.dataset.title} ปีงบประมาณ พ.ศ. {self.fy}"


# --------------------------------------------------------------------------- rows


def _model(site: Site, key: str, fy: int, kind: type[BaseModel]) -> Any:
    model = site.topic(key, fy)
    return model if isinstance(model, kind) else None


def _procurement_monthly(site: Site, fy: int) -> list[dict[str, Any]]:
    monthly = _model(site, "procurement.monthly", fy, m.Monthly)
    if monthly is None:
        return []
    rows = []
    for entry in sorted(monthly.months, key=lambda e: e.ym):
        for i, r in enumerate(entry.rows, 1):
            rows.append({
                "month": entry.month, "no": r.no or str(i), "title": r.title, "budget": r.budget,
                "reference_price": r.reference_price, "method": r.method, "bidders": r.bidders,
                "winner": r.winner, "price": r.price, "reason": r.reason, "contract": r.contract,
                "contract_date": r.contract_date,
            })
    return rows


def _procurement_progress(site: Site, fy: int) -> list[dict[str, Any]]:
    progress = _model(site, "procurement.progress", fy, m.ProcurementProgress)
    if progress is None:
        return []
    return [{"no": i, "title": p.title, "budget": p.budget, "method": p.method, "status": p.status,
             "contract_date": p.contract_date, "as_of": progress.as_of} for i, p in enumerate(progress.items, 1)]


def _complaints(site: Site, fy: int) -> list[dict[str, Any]]:
    stats = _model(site, "complaints.statistics", fy, m.ComplaintStats)
    if stats is None or stats.total is None:
        return []
    return [{"fiscal_year": fy, "period_start": stats.period.start if stats.period else None,
             "period_end": stats.period.end if stats.period else None, "total": stats.total,
             "done": stats.done, "in_progress": stats.in_progress}]


def _services(site: Site, fy: int) -> list[dict[str, Any]]:
    stats = _model(site, "services.statistics", fy, m.Statistics)
    if stats is None:
        return []
    return [{"service": r.service, "count": r.count, "note": r.note,
             "period_start": stats.period.start if stats.period else None,
             "period_end": stats.period.end if stats.period else None} for r in stats.rows]


def _plan_rows(stem: str) -> Callable[[Site, int], list[dict[str, Any]]]:
    """Projects of a plan (`<stem>.plan`) with their six-month and annual results."""

    def rows(site: Site, fy: int) -> list[dict[str, Any]]:
        plan = _model(site, f"{stem}.plan", fy, m.ProjectPlan)
        reports = {part: _model(site, f"{stem}.{part}", fy, m.ProjectReport) for part in ("progress", "report")}
        results = {part: {r.project: r for r in rep.results} if rep else {} for part, rep in reports.items()}
        projects = list(plan.projects) if plan else []
        known = {p.id for p in projects if p.id}
        # Results naming a project the plan does not list are still reported.
        for part in ("progress", "report"):
            for pid in results[part]:
                if pid not in known:
                    projects.append(m.Project(id=pid, title=pid))
                    known.add(pid)
        out = []
        for p in projects:
            row: dict[str, Any] = {"project_id": p.id, "title": p.title, "budget": p.budget,
                                   "responsible": ", ".join(p.responsible) or None}
            for part in ("progress", "report"):
                r = results[part].get(p.id) if p.id else None
                row[f"{part}_status"] = STATUS_TH[r.status] if r and r.status else None
                row[f"{part}_budget_used"] = r.budget_used if r else None
                row[f"{part}_result"] = r.result if r else None
            out.append(row)
        return out

    return rows


def _measures_results(site: Site, fy: int) -> list[dict[str, Any]]:
    measures = site.measures(fy)
    results = site.results(fy)
    by_ref = {r.ref(fy): r for r in results.results} if results else {}
    rows: list[dict[str, Any]] = []
    seen = set()

    def row(measure_fy: int, mm: m.Measure | None, mid: str, r: m.Result | None) -> dict[str, Any]:
        return {
            "measure_fiscal_year": measure_fy, "measure_id": mid, "no": mm.label if mm else None,
            "indicator": mm.indicator if mm else None, "issue": mm.issue if mm else None,
            "title": mm.title if mm else None,
            "questions": ", ".join(q.code for q in mm.questions) if mm and mm.questions else None,
            "period": mm.period if mm else None,
            "responsible": ", ".join(mm.responsible) if mm and mm.responsible else None,
            "status": r.status if r else None, "status_th": STATUS_TH[r.status] if r else None,
            "summary": r.summary if r else None, "outcomes": r.outcomes if r else None,
        }

    for mm in measures:
        rows.append(row(fy, mm, mm.id, by_ref.get((fy, mm.id))))
        seen.add((fy, mm.id))
    for ref, r in by_ref.items():  # results of this year on another year's measures
        if ref not in seen:
            rows.append(row(ref[0], site.measure(*ref), ref[1], r))
    return rows


def _risks(site: Site, fy: int) -> list[dict[str, Any]]:
    assessment = _model(site, "risk.assessment", fy, m.RiskAssessment)
    report = _model(site, "risk.report", fy, m.RiskReport)
    results = {r.risk: r for r in report.results} if report else {}
    if assessment is None:
        return []
    return [{"risk_id": k.id, "title": k.title, "process": k.process, "level": k.level,
             "controls": k.controls,
             "status": STATUS_TH[results[k.id].status] if k.id in results and results[k.id].status else None,
             "result": results[k.id].result if k.id in results else None} for k in assessment.risks]


def _ita_scores(site: Site, fy: int) -> list[dict[str, Any]]:
    a = site.assessment(fy)
    if a is None:
        return []
    rows: list[dict[str, Any]] = [{"part": "total", "code": "ITA", "name": "คะแนนรวม", "score": a.score,
                                   "weight": None, "weighted": None, "level": a.level}]
    for tool, ts in a.tools.items():
        rows.append({"part": "tool", "code": tool, "name": ita.TOOLS_TH[tool], "score": ts.score,
                     "weight": ts.weight, "weighted": ts.weighted, "level": None})
    for ind in a.indicators:
        rows.append({"part": "indicator", "code": str(ind.indicator), "name": ita.INDICATORS[ind.indicator][1],
                     "score": ind.score, "weight": None, "weighted": None, "level": None})
    return rows


_PLAN_COLUMNS = (
    Column("project_id", "รหัสโครงการ", "string"),
    Column("title", "โครงการ/กิจกรรม", "string"),
    Column("budget", "งบประมาณ (บาท)", "number"),
    Column("responsible", "ผู้รับผิดชอบ", "string"),
    Column("progress_status", "สถานะ รอบ 6 เดือน", "string"),
    Column("progress_budget_used", "งบประมาณที่ใช้ รอบ 6 เดือน (บาท)", "number"),
    Column("progress_result", "ผลการดำเนินงาน รอบ 6 เดือน", "string", "Markdown"),
    Column("report_status", "สถานะ ประจำปี", "string"),
    Column("report_budget_used", "งบประมาณที่ใช้ ประจำปี (บาท)", "number"),
    Column("report_result", "ผลการดำเนินงาน ประจำปี", "string", "Markdown"),
)

DATASETS: tuple[Dataset, ...] = (
    Dataset(
        "procurement-monthly", "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1)",
        "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตามแบบ สขร.1 หนึ่งแถวต่อหนึ่งรายการ",
        ("procurement.monthly",),
        (
            Column("month", "เดือน", "yearmonth", "เดือนของสรุปผล (ค.ศ. ปี-เดือน)"),
            Column("no", "ลำดับที่", "string"),
            Column("title", "งานที่จัดซื้อหรือจัดจ้าง", "string"),
            Column("budget", "วงเงินที่จัดซื้อหรือจัดจ้าง (บาท)", "number"),
            Column("reference_price", "ราคากลาง (บาท)", "number"),
            Column("method", "วิธีซื้อหรือจ้าง", "string"),
            Column("bidders", "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "string"),
            Column("winner", "ผู้ได้รับการคัดเลือก", "string"),
            Column("price", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "number"),
            Column("reason", "เหตุผลที่คัดเลือกโดยสรุป", "string"),
            Column("contract", "เลขที่ของสัญญาหรือข้อตกลง", "string"),
            Column("contract_date", "วันที่ของสัญญาหรือข้อตกลง", "date"),
        ),
        _procurement_monthly, "เดือน", keywords=("จัดซื้อจัดจ้าง", "สขร.1"),
    ),
    Dataset(
        "procurement-progress", "รายการและความก้าวหน้าการจัดซื้อจัดจ้าง",
        "รายการจัดซื้อจัดจ้างของปีงบประมาณ วงเงิน วิธีจัดหา และความก้าวหน้า",
        ("procurement.progress",),
        (
            Column("no", "ที่", "integer"),
            Column("title", "รายการ", "string"),
            Column("budget", "วงเงิน (บาท)", "number"),
            Column("method", "วิธีจัดหา", "string"),
            Column("status", "ความก้าวหน้า", "string"),
            Column("contract_date", "วันที่ลงนามสัญญา", "date"),
            Column("as_of", "ข้อมูล ณ วันที่", "date"),
        ),
        _procurement_progress, "ครึ่งปี", keywords=("จัดซื้อจัดจ้าง",),
    ),
    Dataset(
        "complaint-statistics", "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "จำนวนเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ที่ดำเนินการแล้วเสร็จ และที่อยู่ระหว่างดำเนินการ",
        ("complaints.statistics",),
        (
            Column("fiscal_year", "ปีงบประมาณ (พ.ศ.)", "integer"),
            Column("period_start", "ช่วงเวลา ตั้งแต่", "date"),
            Column("period_end", "ช่วงเวลา ถึง", "date"),
            Column("total", "เรื่องร้องเรียนทั้งหมด (เรื่อง)", "integer"),
            Column("done", "ดำเนินการแล้วเสร็จ (เรื่อง)", "integer"),
            Column("in_progress", "อยู่ระหว่างดำเนินการ (เรื่อง)", "integer"),
        ),
        _complaints, "ปี", kind="ข้อมูลสถิติ", keywords=("เรื่องร้องเรียน", "การทุจริต"),
    ),
    Dataset(
        "service-statistics", "สถิติการให้บริการ",
        "จำนวนการให้บริการประชาชนแยกตามงานบริการ",
        ("services.statistics",),
        (
            Column("service", "งานบริการ", "string"),
            Column("count", "จำนวน (ครั้ง)", "integer"),
            Column("note", "หมายเหตุ", "string"),
            Column("period_start", "ช่วงเวลา ตั้งแต่", "date"),
            Column("period_end", "ช่วงเวลา ถึง", "date"),
        ),
        _services, "ปี", kind="ข้อมูลสถิติ", keywords=("การให้บริการ",),
    ),
    Dataset(
        "operations-plan-progress", "ความก้าวหน้าของแผนการดำเนินงาน",
        "โครงการในแผนการดำเนินงานประจำปี งบประมาณ และผลการดำเนินงานรอบ 6 เดือนและประจำปี",
        ("operations.plan", "operations.progress", "operations.report"),
        _PLAN_COLUMNS, _plan_rows("operations"), "ครึ่งปี", keywords=("แผนการดำเนินงาน",),
    ),
    Dataset(
        "anti-corruption-plan-progress", "ความก้าวหน้าของแผนปฏิบัติการป้องกันการทุจริต",
        "โครงการในแผนปฏิบัติการป้องกันการทุจริต งบประมาณ และผลการดำเนินงานรอบ 6 เดือนและประจำปี",
        ("anti_corruption.plan", "anti_corruption.progress", "anti_corruption.report"),
        _PLAN_COLUMNS, _plan_rows("anti_corruption"), "ครึ่งปี", keywords=("ป้องกันการทุจริต",),
    ),
    Dataset(
        "measures-results", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสและผลการดำเนินการ",
        "มาตรการของปีงบประมาณ ตัวชี้วัดหรือประเด็นที่ตอบ และสถานะผลการดำเนินการ",
        ("measures", "results"),
        (
            Column("measure_fiscal_year", "ปีงบประมาณของมาตรการ (พ.ศ.)", "integer"),
            Column("measure_id", "รหัสมาตรการ", "string"),
            Column("no", "ลำดับ", "string"),
            Column("indicator", "ตัวชี้วัดที่", "integer"),
            Column("issue", "ประเด็นที่", "integer"),
            Column("title", "มาตรการ/กิจกรรม", "string"),
            Column("questions", "ข้อคำถาม ITA", "string"),
            Column("period", "ระยะเวลา", "string"),
            Column("responsible", "ผู้รับผิดชอบ", "string"),
            Column("status", "รหัสสถานะ", "string", "done, in_progress, not_started"),
            Column("status_th", "สถานะ", "string"),
            Column("summary", "สรุปผลการดำเนินการ", "string", "Markdown"),
            Column("outcomes", "ผลลัพธ์", "string", "Markdown"),
        ),
        _measures_results, "ครึ่งปี", keywords=("ITA", "มาตรการ"),
    ),
    Dataset(
        "risk-assessment", "การประเมินความเสี่ยงการทุจริตและผลการจัดการ",
        "ความเสี่ยงการทุจริต ระดับ มาตรการควบคุม และผลการจัดการความเสี่ยง",
        ("risk.assessment", "risk.report"),
        (
            Column("risk_id", "รหัสความเสี่ยง", "string"),
            Column("title", "ความเสี่ยง", "string"),
            Column("process", "กระบวนงาน", "string"),
            Column("level", "ระดับความเสี่ยง", "string"),
            Column("controls", "มาตรการควบคุม", "string", "Markdown"),
            Column("status", "สถานะการจัดการ", "string"),
            Column("result", "ผลการจัดการ", "string", "Markdown"),
        ),
        _risks, "ปี", keywords=("ความเสี่ยงการทุจริต",),
    ),
    Dataset(
        "ita-scores", "ผลคะแนนการประเมินคุณธรรมและความโปร่งใส (ITA)",
        "คะแนนรวม คะแนนรายแบบวัด (IIT EIT OIT) และรายตัวชี้วัด ตามที่สำนักงาน ป.ป.ช. ประกาศ",
        ("assessment",),
        (
            Column("part", "ส่วน", "string", "total, tool, indicator"),
            Column("code", "รหัส", "string"),
            Column("name", "รายการ", "string"),
            Column("score", "คะแนน", "number"),
            Column("weight", "น้ำหนัก (ร้อยละ)", "number"),
            Column("weighted", "คะแนนถ่วงน้ำหนัก", "number"),
            Column("level", "ระดับ", "string"),
        ),
        _ita_scores, "ปี", kind="ข้อมูลสถิติ", keywords=("ITA", "คุณธรรมและความโปร่งใส"),
    ),
)


def tables(site: Site) -> list[Table]:
    """Every dataset of every fiscal year with rows, newest year first."""
    out = []
    for fy in sorted(site.years, reverse=True):
        for ds in DATASETS:
            rows = ds.rows(site, fy)
            if rows:
                dates = [d for key in ds.topics if (d := topic_view(site, key, fy).updated)]
                out.append(Table(ds, fy, rows, max(dates) if dates else None))
    return out


def by_topic(found: list[Table]) -> dict[tuple[str, int], list[Table]]:
    """(topic, fiscal year) → the tables built from it, for the links on its page."""
    out: dict[tuple[str, int], list[Table]] = {}
    for t in found:
        for key in t.dataset.topics:
            out.setdefault((key, t.fy), []).append(t)
    return out


# --------------------------------------------------------------------------- files


def _cell(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_csv(t: Table) -> str:
    """UTF-8 with BOM (Excel), CRLF rows as RFC 4180, Thai headers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.title for c in t.dataset.columns])
    for row in t.rows:
        writer.writerow(["" if (v := _cell(row[c.name])) is None else v for c in t.dataset.columns])
    return "\ufeff" + out.getvalue()


def to_json(t: Table) -> str:
    rows = [{c.name: _cell(row[c.name]) for c in t.dataset.columns} for row in t.rows]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def _schema(t: Table, thai_names: bool) -> dict[str, Any]:
    fields = []
    for c in t.dataset.columns:
        f: dict[str, Any] = {"name": c.title if thai_names else c.name, "type": c.type}
        f["title"] = c.name if thai_names else c.title
        if c.description:
            f["description"] = c.description
        fields.append(f)
    return {"fields": fields, "missingValues": [""]}


@dataclass
class Publisher:
    name: str
    email: str | None
    site_url: str | None
    licence: str
    fiscal_years: list[int] = field(default_factory=list)


def publisher(site: Site) -> Publisher:
    od = site.org.site.open_data
    email = od.email or (site.org.email[0] if site.org.email else None)
    return Publisher(od.contact or site.org.name, email, site.org.site.site_url, od.licence)


def _licence(p: Publisher) -> dict[str, str]:
    title, path = LICENCES[p.licence]
    return {"name": p.licence, "title": title, "path": path}


def _slug(text: str) -> str:
    """An ASCII name for the package: the site's host and path, else a digest of the LAO's name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def package_name(site: Site) -> str:
    url = site.org.site.site_url
    if url:
        return _slug(url.split("//", 1)[-1]) or "oit"
    return "oit-" + hashlib.sha256(site.org.name.encode()).hexdigest()[:8]


def datapackage(site: Site, found: list[Table]) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of every table (paths relative to data/)."""
    p = publisher(site)
    updated = [t.updated for t in found if t.updated]
    resources = []
    for t in found:
        common = {
            "title": t.title, "description": t.dataset.description, "fiscal_year": t.fy,
            "last_updated": t.updated.isoformat() if t.updated else None, "type": "table",
        }
        resources.append({"name": f"{t.name}-csv", "path": t.csv_path.removeprefix(DATA_DIR + "/"),
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
                          **common, "schema": _schema(t, thai_names=True)})
        resources.append({"name": f"{t.name}-json", "path": t.json_path.removeprefix(DATA_DIR + "/"),
                          "format": "json", "mediatype": "application/json", "encoding": "utf-8",
                          **common, "schema": _schema(t, thai_names=False)})
    if site.org.site.open_data.ocds:
        for t in found:
            if t.dataset.key == OCDS_SOURCE:
                resources.append({
                    "name": f"procurement-ocds-{t.fy}", "path": ocds_path(t).removeprefix(DATA_DIR + "/"),
                    "title": f"การจัดซื้อจัดจ้างตามมาตรฐาน OCDS ปีงบประมาณ พ.ศ. {t.fy}",
                    "description": "รายการตามแบบ สขร.1 เป็น release package ตาม Open Contracting Data Standard 1.1",
                    "format": "json", "mediatype": "application/json", "encoding": "utf-8", "fiscal_year": t.fy,
                    "last_updated": t.updated.isoformat() if t.updated else None,
                    "sources": [{"title": "Open Contracting Data Standard 1.1",
                                 "path": "https://standard.open-contracting.org/1.1/"}],
                })
    org = site.org
    desc: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": package_name(site),
        "title": f"ข้อมูลเปิดของ{org.name}",
        "description": f"ตารางที่{org.name} อำเภอ{org.district} จังหวัด{org.province} เปิดเผยตามการประเมิน ITA "
                       f"ในรูปแบบที่เครื่องอ่านได้ (CSV และ JSON)",
        "licenses": [_licence(p)],
        "contributors": [{"title": org.name, "roles": ["publisher"], **({"email": p.email} if p.email else {}),
                          **({"path": p.site_url} if p.site_url else {})}],
        "keywords": sorted({"ITA", "OIT", org.province, *(k for t in found for k in t.dataset.keywords)}),
        "fiscal_years": sorted({t.fy for t in found}),
        "last_updated": max(updated).isoformat() if updated else None,
        "resources": resources,
    }
    if p.site_url:
        desc["homepage"] = p.site_url + "data/"
    return desc


def ckan_records(site: Site, found: list[Table]) -> list[dict[str, Any]]:
    """One data.go.th (CKAN, Government Data Catalog fields) dataset per dataset, with the CSV
    and JSON of every fiscal year as its resources."""
    p = publisher(site)
    org = site.org
    base = p.site_url or ""
    by_key: dict[str, list[Table]] = {}
    for t in found:
        by_key.setdefault(t.dataset.key, []).append(t)
    out = []
    for ds in DATASETS:
        ts = sorted(by_key.get(ds.key, []), key=lambda t: t.fy)
        if not ts:
            continue
        updated = [t.updated for t in ts if t.updated]
        first = min(t.fy for t in ts)
        resources = []
        for t in reversed(ts):
            for fmt, path in (("CSV", t.csv_path), ("JSON", t.json_path)):
                resources.append({
                    "name": f"{t.title} ({fmt})", "url": base + path, "format": fmt,
                    "description": t.dataset.description,
                    "last_modified": t.updated.isoformat() if t.updated else None,
                })
        record: dict[str, Any] = {
            "name": f"{package_name(site)}-{ds.key}"[:100],
            "title": f"{ds.title} {org.short_name or org.name}",
            "notes": f"{ds.description} ของ{org.name} อำเภอ{org.district} จังหวัด{org.province} "
                     f"ปีงบประมาณ พ.ศ. {first}–{max(t.fy for t in ts)}",
            "data_type": ds.kind,
            "allow_harvest": "True",
            "maintainer": p.name,
            "maintainer_email": p.email,
            "tag_string": ",".join(dict.fromkeys([*ds.keywords, "ITA", "OIT"])),
            "objective": ["พันธกิจหน่วยงาน", "กฎหมายที่เกี่ยวข้อง"],
            "update_frequency_unit": ds.frequency,
            "update_frequency_interval": "1",
            "geo_coverage": "เทศบาล/อบต.",
            "data_source": org.name,
            "data_format": ["CSV", "JSON"],
            "data_category": "ข้อมูลสาธารณะ",
            "license_id": p.licence,
            "accessible_condition": "ใช้ได้โดยเสรีภายใต้สัญญาอนุญาต " + LICENCES[p.licence][0],
            "data_language": ["ไทย"],
            "url": base + PAGE_PATH.removesuffix("index.md") if base else None,
            "created_date": None,
            "last_updated_date": max(updated).isoformat() if updated else None,
            "resources": resources,
        }
        if ds.kind == "ข้อมูลสถิติ":
            record.update({"first_year_of_data": str(first), "last_year_of_data": str(max(t.fy for t in ts)),
                           "disaggregate": ["ไม่มี"], "unit_of_measure": "เรื่อง/ครั้ง/คะแนน"})
        else:
            record.update({"data_support": "ไม่มี", "data_collect": "ไม่มี"})
        out.append(record)
    return out


# --------------------------------------------------------------------------- OCDS (opt-in)

_OCDS_METHOD = (  # Thai method words → OCDS procurementMethod
    (("e-bidding", "ประกวดราคา", "e-market", "ตลาดอิเล็กทรอนิกส์", "สอบราคา"), "open"),
    (("คัดเลือก",), "selective"),
    (("เฉพาะเจาะจง", "ตกลงราคา"), "direct"),
)


def _method(text: str | None) -> str | None:
    if not text:
        return None
    low = text.lower()
    return next((code for words, code in _OCDS_METHOD if any(w in low for w in words)), None)


def ocid_prefix(site: Site) -> str:
    od = site.org.site.open_data
    if od.ocid_prefix:
        return od.ocid_prefix
    return "ocds-" + hashlib.sha256(site.org.name.encode()).hexdigest()[:6]


def ocds_package(site: Site, t: Table, published: date) -> dict[str, Any]:
    """The สขร.1 rows of one fiscal year as an OCDS 1.1 release package: one award release per
    row (tender, award to the selected supplier, the contract when it has a number or date)."""
    org = site.org
    p = publisher(site)
    prefix = ocid_prefix(site)
    buyer = {"id": "buyer", "name": org.name}
    releases = []
    for i, row in enumerate(t.rows, 1):
        ocid = f"{prefix}-{t.fy}-{row['month']}-{i}"
        when = row["contract_date"] or _month_end(row["month"])
        parties: list[dict[str, Any]] = [{**buyer, "roles": ["buyer", "procuringEntity"],
                                          "address": {"streetAddress": org.address, "locality": org.district,
                                                      "region": org.province, "countryName": "Thailand"}}]
        value = ({"amount": row["budget"], "currency": "THB"} if row["budget"] is not None else None)
        tender: dict[str, Any] = {"id": f"{ocid}-tender", "title": row["title"], "status": "complete",
                                  "procuringEntity": buyer}
        if value:
            tender["value"] = value
        method = _method(row["method"])
        if method:
            tender["procurementMethod"] = method
        if row["method"]:
            tender["procurementMethodDetails"] = row["method"]
        release: dict[str, Any] = {
            "ocid": ocid, "id": f"{ocid}-{when.isoformat()}", "date": f"{when.isoformat()}T00:00:00+07:00",
            "tag": ["award"], "initiationType": "tender", "language": "th", "buyer": buyer, "tender": tender,
        }
        if row["winner"]:
            supplier = {"id": f"supplier-{i}", "name": row["winner"]}
            parties.append({**supplier, "roles": ["supplier"]})
            award: dict[str, Any] = {"id": f"{ocid}-award", "status": "active", "suppliers": [supplier],
                                     "title": row["title"]}
            if row["price"] is not None:
                award["value"] = {"amount": row["price"], "currency": "THB"}
            if row["reason"]:
                award["description"] = row["reason"]
            release["awards"] = [award]
            if row["contract"] or row["contract_date"]:
                contract: dict[str, Any] = {"id": f"{ocid}-contract", "awardID": award["id"], "status": "active",
                                            "title": row["contract"] or row["title"]}
                if row["contract_date"]:
                    contract["dateSigned"] = f"{row['contract_date'].isoformat()}T00:00:00+07:00"
                if row["price"] is not None:
                    contract["value"] = {"amount": row["price"], "currency": "THB"}
                release["contracts"] = [contract]
                release["tag"] = ["award", "contract"]
        release["parties"] = parties
        releases.append(release)
    package: dict[str, Any] = {
        "uri": (p.site_url or "") + t.json_path.replace(f"{t.dataset.key}.json", "ocds.json"),
        "version": "1.1",
        "publishedDate": f"{published.isoformat()}T00:00:00+07:00",
        "publisher": {"name": org.name},
        "license": LICENCES[p.licence][1],
        "releases": releases,
    }
    return package


def _month_end(ym: str) -> date:
    y, mo = (int(x) for x in ym.split("-"))
    return date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1)


def ocds_path(t: Table) -> str:
    return f"{DATA_DIR}/{t.fy}/ocds.json"


def files(site: Site, found: list[Table]) -> Iterator[tuple[str, str]]:
    """(docs-relative path, text) of every open-data file."""
    for t in found:
        yield t.csv_path, to_csv(t)
        yield t.json_path, to_json(t)
    yield PACKAGE_PATH, json.dumps(datapackage(site, found), ensure_ascii=False, indent=1) + "\n"
    yield CKAN_PATH, json.dumps(ckan_records(site, found), ensure_ascii=False, indent=1) + "\n"
    if site.org.site.open_data.ocds:
        for t in found:
            if t.dataset.key == OCDS_SOURCE:
                published = t.updated or _month_end(t.rows[-1]["month"])
                yield ocds_path(t), json.dumps(ocds_package(site, t, published), ensure_ascii=False, indent=1) + "\n"
