"""Assessment dashboard: one page per assessed year with charts citizens can read at a glance.

An assessed year is a fiscal-year folder with `assessment.yml`. Its page (`/ita/<year>/`) shows
the overall score and level, a chart of the ten indicators grouped IIT / EIT / OIT, the trend of
the overall and per-tool scores when several years are assessed, and the progress of that fiscal
year's integrity measures (`results.yml`, grouped by indicator or ประเด็น as in `measures.yml`),
each measure linked to its section on the OIT item page that publishes those results. This module
gathers that data; `charts.py` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content import ita
from generator.content import models as m
from generator.content.scalars import STATUS_TH, STATUSES
from generator.content.site import Site
from generator.content.urls import dashboard_path
from generator.content.views import ItemView, group_of, showing
from generator.publish.charts import Chart, indicator_chart, level_text, progress_chart, trend_chart

INDEX_PATH = "ita/index.md"
NAV_TITLE = "ผลการประเมิน ITA"


@dataclass
class MeasureRow:
    label: str  # the measure's number as written ("1", "2567:3" when not found)
    title: str
    status: str | None  # None: the measure has no result reported yet
    page: str | None = None  # docs path of the item page holding the result
    anchor: str | None = None


@dataclass
class ProgressGroup:
    kind: str | None  # "indicator", "issue", or None
    n: int | None
    title: str
    rows: list[MeasureRow] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(1 for r in self.rows if r.status == s) for s in STATUSES}

    @property
    def reported(self) -> list[MeasureRow]:
        return [r for r in self.rows if r.status]

    @property
    def count_items(self) -> list[tuple[str, str, int]]:
        """[('done', 'ดำเนินการแล้ว', 7), …] without the statuses no measure has."""
        return [(s, STATUS_TH[s], n) for s, n in self.counts.items() if n]


@dataclass
class Progress:
    fy: int
    based_on: int | None
    groups: list[ProgressGroup]
    file: str
    page: str | None  # docs path of the item page showing these results
    page_title: str | None
    page_year: int | None  # its ITA year
    chart: Chart | None = None

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(g.counts[s] for g in self.groups) for s in STATUSES}

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def count_items(self) -> list[tuple[str, str, int]]:
        return [(s, STATUS_TH[s], n) for s, n in self.counts.items() if n]

    @property
    def unreported(self) -> list[MeasureRow]:
        return [r for g in self.groups for r in g.rows if not r.status]


@dataclass
class YearDashboard:
    year: int
    assessment: m.Assessment
    file: str
    previous: tuple[int, m.Assessment] | None
    detail_page: str | None  # item page showing this assessment (scores, recommendations, analysis)
    detail_title: str | None
    detail_year: int | None
    detail_anchor: str | None
    indicator_chart: Chart | None  # None when assessment.yml has neither tool nor indicator scores
    trend: list[tuple[int, m.Assessment]]
    trend_chart: Chart | None
    progress: Progress | None

    @property
    def path(self) -> str:
        return dashboard_path(self.year)

    @property
    def level(self) -> str:
        return level_text(self.assessment.level)

    @property
    def change(self) -> float | None:
        return round(self.assessment.score - self.previous[1].score, 2) if self.previous else None


def progress_of(site: Site, fy: int, items_by_year: dict[int, list[ItemView]]) -> Progress | None:
    """The measures of fiscal year `fy` and their reported status, grouped as in measures.yml."""
    results = site.results(fy)
    measures = site.measures_file(fy)
    if results is None or not results.results:
        return None
    view, tv = showing(items_by_year, "results", fy)
    groups: dict[tuple, ProgressGroup] = {}

    def group_for(mm: m.Measure | None) -> ProgressGroup:
        key = kind, n = group_of(mm)
        if key not in groups:
            groups[key] = ProgressGroup(kind, n, ita.group_title(kind, n, mm.group_label if mm else None, site.digits))
        return groups[key]

    reported = set()
    for r in results.results:
        ref = r.ref(fy)
        reported.add(ref)
        mm = site.measure(*ref)
        row = MeasureRow(label=mm.label if mm else r.measure, title=mm.title if mm else r.measure,
                         status=r.status)
        if view is not None and tv is not None:
            row.page, row.anchor = view.path, f"{tv.anchor}-{r.measure.lower().replace(':', '-')}"
        group_for(mm).rows.append(row)
    for mm in measures.measures if measures else []:
        if (fy, mm.id) not in reported:  # declared but no result yet: listed, not counted
            group_for(mm).rows.append(MeasureRow(label=mm.label, title=mm.title, status=None))
    order = {"indicator": 0, "issue": 1, None: 2}
    ordered = sorted(groups.values(), key=lambda g: (order[g.kind], g.n or 0))
    based_on = (measures.based_on or fy - 1) if measures else None  # the model: "ถ้าไม่ใส่ = ปีก่อน"
    return Progress(fy, based_on, ordered, site.topic_file("results", fy),
                    view.path if view else None, view.title if view else None, view.year if view else None)


def _assessment(site: Site, fy: int) -> m.Assessment:
    a = site.assessment(fy)
    assert a is not None, fy  # only called for assessed years
    return a


def dashboards(site: Site, items_by_year: dict[int, list[ItemView]]) -> list[YearDashboard]:
    """Every assessed year's dashboard, oldest first, charts included."""
    style = site.digits
    years = site.assessed_years()
    trend = [(y, _assessment(site, y)) for y in years]
    out = []
    for i, year in enumerate(years):
        a = _assessment(site, year)
        view, tv = showing(items_by_year, "assessment", year)
        progress = progress_of(site, year, items_by_year)
        if progress is not None and progress.total:
            groups = [(g.title, g.counts) for g in progress.groups if g.reported]
            progress.chart = progress_chart(year, groups, style, f"ita-{year}-measures")
        out.append(YearDashboard(
            year=year,
            assessment=a,
            file=site.topic_file("assessment", year),
            previous=trend[i - 1] if i else None,
            detail_page=view.path if view else None,
            detail_title=view.title if view else None,
            detail_year=view.year if view else None,
            detail_anchor=tv.anchor if tv else None,
            indicator_chart=indicator_chart(a, year, style, f"ita-{year}-indicators"),
            trend=trend,
            trend_chart=trend_chart(trend, style, f"ita-{year}-trend", current=year) if len(trend) > 1 else None,
            progress=progress,
        ))
    return out


def index_trend_chart(site: Site) -> Chart | None:
    years = site.assessed_years()
    if len(years) < 2:
        return None
    return trend_chart([(y, _assessment(site, y)) for y in years], site.digits, "ita-trend")


