"""Charts of the assessment dashboard: SVG drawn at build time, readable at a glance.

An assessed year is a fiscal-year folder with `assessment.yml`. Its page (`/ita/<year>/`) shows
the overall score and level, a chart of the ten indicators grouped IIT / EIT / OIT, the trend of
the overall and per-tool scores when several years are assessed, and the progress of that fiscal
year's integrity measures (`results.yml`, grouped by indicator or ประเด็น as in `measures.yml`),
each measure linked to its section on the OIT item page that publishes those results.

Charts are SVG written at build time straight from the layout below (no plotting library: the
charts are a few rectangles, lines and labels at coordinates computed here, and writing them is a
thousand times cheaper than laying them out with one) and put into the page itself (inline), not as
<img> files: an SVG loaded through <img> is an isolated document that cannot use the page's web
fonts, so its Thai text would fall back to whatever the device has. Inline, the text (kept as
<text>) is set in the site's self-hosted Sarabun like the rest of the page. Each chart has a Thai
<title> and <desc> (role="img"), and the page puts the same numbers, written by the same
formatting function and digit style, in a table next to it.

Output is deterministic (coordinates rounded to 1/1000 of a unit, no ids but the chart's own, no
date). Layout is in SVG user units (a 360-unit-wide chart is shown 440 px wide on a desktop, and
shrinks to the width of a phone, about one unit per pixel at 390 px): every text is placed at an
explicit anchor; long Thai labels are wrapped at word boundaries (pythainlp) with a width estimate
that is a little generous for Sarabun (checked against Chromium: 80–98 % of it).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from generator import thai
from generator.content import ita
from generator.content import models as m
from generator.content.scalars import STATUS_TH, STATUSES
from generator.publish.markdown import Md

# The site's colours (theme/assets/stylesheets/oit.css); contrast against the white page noted.
PRIMARY = "#1b3a6b"  # deep government blue: tool bars, overall line (11.3:1)
PRIMARY_LIGHT = "#4a6fa5"  # indicator bars (5.1:1; 2.2:1 against PRIMARY)
ACCENT = "#8a5300"  # bronze: the EIT line of the trend (6.3:1)
PASS = "#333333"  # the dashed pass line (12.6:1), neutral so that it is no series' colour
TEXT = "#1f1f1f"
MUTED = "#505050"  # axis labels (8.1:1), as --oit-muted-color
GRID = "#b8c2d1"  # --oit-border-color: grid lines only, never the only carrier of a value
BAND = "#eef2f8"  # table header blue: highlights the page's year in the trend chart
# Measure status, as the status pills (.oit-status-*): solid / tinted / empty, so that they differ
# in lightness and outline as well as in hue.
STATUS_STYLE = {
    "done": {"face": "#1b5e20", "edge": "#1b5e20", "text": "#ffffff", "dash": "solid"},  # 7.9:1
    "in_progress": {"face": "#fff3e0", "edge": "#7a4100", "text": "#7a4100", "dash": "solid"},  # 7.4:1
    "not_started": {"face": "#ffffff", "edge": "#8e1b1b", "text": "#8e1b1b", "dash": "dashed"},  # 9.0:1
}
TOOL_SHORT = {
    "IIT": "IIT ผู้มีส่วนได้ส่วนเสียภายใน",
    "EIT": "EIT ผู้มีส่วนได้ส่วนเสียภายนอก",
    "OIT": "OIT การเปิดเผยข้อมูลสาธารณะ",
}
# Trend series: colour, line style and marker differ, and every line is labelled at its end.
SERIES = (
    ("score", "คะแนนรวม", "รวม", PRIMARY, "solid", "o", 3.0),
    ("IIT", "IIT", "IIT", "#2d5494", (0, (6, 3)), "s", 2.0),
    ("EIT", "EIT", "EIT", ACCENT, (0, (2, 2)), "^", 2.0),
    ("OIT", "OIT", "OIT", "#1b5e20", (0, (6, 2, 2, 2)), "D", 2.0),
)
PASS_SCORE = ita.LEVEL_LABELS["ผ่าน"][0]  # 85: the lowest passing score
FONT_FAMILY = "Sarabun, 'Noto Sans Thai', 'Leelawadee UI', Thonburi, Tahoma, sans-serif"
WIDTH = 360  # SVG user units: on a 390 px phone (358 px of content) one unit is about one pixel
DISPLAY_WIDTH = 440  # px where there is room (a desktop); narrower screens shrink the chart to fit



@dataclass
class Chart:
    id: str
    title: str  # <title>: what the chart is
    desc: str  # <desc>: the Thai text alternative, every number in it
    svg: str

    @property
    def html(self) -> Md:
        """The chart as a raw HTML block; its text stays out of the search index."""
        caption = "ตัวเลขเดียวกันอยู่ในตารางถัดไป"
        return Md(f'<figure class="oit-chart" id="{self.id}" data-search-exclude>\n{self.svg}\n'
                  f"<figcaption>{caption}</figcaption>\n</figure>\n")



def level_text(level: str) -> str:
    """'ระดับผ่าน', 'ระดับ A' (the clerk may already have written 'ระดับ')."""
    return level if level.startswith("ระดับ") else f"ระดับ{'' if _is_thai(level[:1]) else ' '}{level}"


def _is_thai(ch: str) -> bool:
    return bool(ch) and "\u0e00" <= ch <= "\u0e7f"


def tool_score(a: m.Assessment, tool: ita.Tool) -> float | None:
    ts = a.tools.get(tool)
    return ts.score if ts else None


def series_value(a: m.Assessment, key: str) -> float | None:
    return a.score if key == "score" else tool_score(a, cast(ita.Tool, key))

# --------------------------------------------------------------------------- text layout

_ZERO_WIDTH = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200b-\u200d]")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the width of `text` in Sarabun (Thai marks above and below take no
    room); used only to wrap labels and lay out legends, never to place a number."""
    em = 0.0
    for ch in _ZERO_WIDTH.sub("", text):
        if ch == " ":
            em += 0.26
        elif _is_thai(ch):
            em += 0.6
        elif ch.isdigit() or ch in ".,":
            em += 0.56 if ch.isdigit() else 0.28
        elif ch.isupper():
            em += 0.68
        else:
            em += 0.55
    return em * size * (1.06 if bold else 1.0)


@lru_cache(maxsize=1024)
def _words(text: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(w for w in word_tokenize(text, engine="newmm", keep_whitespace=True) if w)


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Break Thai text between words (and at spaces) into lines at most `width` wide."""
    text = " ".join(text.split())
    if text_width(text, size, bold) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in _words(text):
        candidate = line + word
        if line and text_width(candidate.rstrip(), size, bold) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


# --------------------------------------------------------------------------- SVG


Dash = str | tuple[float, tuple[float, ...]]  # "solid", "dashed" or (offset, (on, off, …)) in line widths


def _num(v: float) -> str:
    return f"{round(v, 3):g}"


def _dasharray(dash: Dash, lw: float) -> str:
    """Dash lengths scale with the line width, so that thick and thin dashed lines look alike."""
    if dash == "solid":
        return ""
    pattern = (3.7, 1.6) if dash == "dashed" else cast(tuple[float, tuple[float, ...]], dash)[1]
    return "; stroke-dasharray: " + ",".join(_num(d * lw) for d in pattern)


class _Canvas:
    """SVG elements in user units, y growing downwards, in drawing order."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.parts: list[str] = []

    def text(self, x: float, y: float, s: str, size: float = 15, color: str = TEXT, bold: bool = False,
             ha: str = "left") -> None:
        """`y` is the baseline."""
        anchor = {"left": "start", "center": "middle", "right": "end"}[ha]
        style = (("font-weight: 700; " if bold else "") + f"font-size: {_num(size)}px; font-family: {FONT_FAMILY}; "
                 f"text-anchor: {anchor}; fill: {color}")
        self.parts.append(f'<text x="{_num(x)}" y="{_num(y)}" style="{style}">{html.escape(s, quote=False)}</text>')

    def rect(self, x: float, y: float, w: float, h: float, face: str, edge: str = "none",
             lw: float = 0.0, dash: Dash = "solid") -> None:
        stroke = f"; stroke: {edge}; stroke-width: {_num(lw)}{_dasharray(dash, lw)}" if edge != "none" and lw else ""
        self.parts.append(f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
                          f'style="fill: {face}{stroke}"/>')

    def line(self, xs: list[float], ys: list[float], color: str, lw: float = 1.0, dash: Dash = "solid",
             marker: str | None = None, ms: float = 0) -> None:
        points = " ".join(f"{_num(x)},{_num(y)}" for x, y in zip(xs, ys, strict=True))
        self.parts.append(f'<polyline points="{points}" style="fill: none; stroke: {color}; '
                          f'stroke-width: {_num(lw)}{_dasharray(dash, lw)}"/>')
        for x, y in zip(xs, ys, strict=True) if marker else ():
            self.parts.append(_marker(cast(str, marker), x, y, ms, color))

    def svg(self, chart_id: str, title: str, desc: str) -> Chart:
        w, h = DISPLAY_WIDTH, round(self.height * DISPLAY_WIDTH / WIDTH)
        root = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_num(self.height)}" '
                f'width="{w}" height="{h}" role="img" '
                f'aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc" '
                f'stroke-linejoin="round" stroke-linecap="butt">\n'
                f'<title id="{chart_id}-title">{html.escape(title, quote=False)}</title>\n'
                f'<desc id="{chart_id}-desc">{html.escape(desc, quote=False)}</desc>\n')
        return Chart(chart_id, title, desc, root + "\n".join(self.parts) + "\n</svg>")


def _chart(chart_id: str, title: str, desc: str, height: float, draw: Callable[[_Canvas], None]) -> Chart:
    canvas = _Canvas(height)
    draw(canvas)
    return canvas.svg(chart_id, title, desc)


def _marker(kind: str, x: float, y: float, size: float, color: str) -> str:
    """A point of a line: circle, square, triangle or diamond `size` units across, so that the
    series differ in shape as well as colour and dash."""
    r = size / 2
    style = f'style="fill: {color}; stroke: {color}; stroke-width: 1"'
    if kind == "o":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" {style}/>'
    corners = {
        "s": [(-r * 0.85, -r * 0.85), (r * 0.85, -r * 0.85), (r * 0.85, r * 0.85), (-r * 0.85, r * 0.85)],
        "^": [(0, -r * 1.1), (r * 1.05, r * 0.8), (-r * 1.05, r * 0.8)],
        "D": [(0, -r * 1.1), (r * 0.8, 0), (0, r * 1.1), (-r * 0.8, 0)],
    }[kind]
    points = " ".join(f"{_num(x + dx)},{_num(y + dy)}" for dx, dy in corners)
    return f'<polygon points="{points}" {style}/>'


def _pass_key(c: _Canvas, x: float, y: float, style: str, size: float = 13) -> None:
    """A short dashed line and 'เกณฑ์ผ่าน 85 คะแนน' (the key to the pass line)."""
    c.line([x, x + 26], [y - 5, y - 5], PASS, lw=1.5, dash=(0, (4, 3)))
    c.text(x + 32, y, f"เส้นประ = เกณฑ์ผ่าน {thai.format_number(PASS_SCORE, style, 0)} คะแนน",
           size=size, color=MUTED)


# --------------------------------------------------------------------------- the charts


def indicator_chart(a: m.Assessment, year: int, style: str, chart_id: str) -> Chart | None:
    """Horizontal bars on 0–100: each tool (bold, dark) followed by its indicators."""
    left, right = 4.0, WIDTH - 58.0  # the bar for 100 points ends at `right`; the value follows it
    scale = (right - left) / 100
    label_size, value_size = 15, 15
    rows: list[tuple[str, str, float | None]] = []  # (kind, label, score)
    scores = {s.indicator: s.score for s in a.indicators}
    desc_parts = []
    for tool in ita.TOOLS:
        inds = [n for n, (t, _) in ita.INDICATORS.items() if t == tool and n in scores]
        ts = tool_score(a, tool)
        if tool not in a.tools and not inds:  # as the table beside it
            continue
        rows.append(("tool", TOOL_SHORT[tool], ts))
        part = f"แบบวัด {tool} " + (f"{fmt(ts, style)} คะแนน" if ts is not None else "ไม่มีคะแนนรวม")
        items = []
        for n in inds:
            rows.append(("indicator", f"ตัวชี้วัดที่ {thai.digits(str(n), style)} {ita.INDICATORS[n][1]}", scores[n]))
            items.append(f"ตัวชี้วัดที่ {thai.digits(str(n), style)} {ita.INDICATORS[n][1]} "
                         + (f"{fmt(scores[n], style)} คะแนน" if scores[n] is not None else "ไม่มีคะแนน"))
        if items:
            part += " ได้แก่ " + " ".join(items)
        desc_parts.append(part)

    if not rows:
        return None
    top = 34.0
    tool_gap, row_h = 16.0, 44.0
    height = top + sum(row_h + (tool_gap if k == "tool" and i else 0) for i, (k, _, _) in enumerate(rows)) + 34

    def draw(c: _Canvas) -> None:
        _pass_key(c, left, 18, style)
        y = top
        bar_top = top + 22  # where the first row's bar starts
        for i, (kind, label, score) in enumerate(rows):
            if kind == "tool" and i:
                y += tool_gap
            tool = kind == "tool"
            c.text(left, y + 15, label, size=label_size, bold=tool)
            bar_y, bar_h = y + 22, 14.0 if tool else 11.0
            c.rect(left, bar_y, 100 * scale, bar_h, face="none", edge=GRID, lw=0.75)  # the full 100
            if score is None:
                c.text(left + 4, bar_y + bar_h - 2, "ไม่มีคะแนน", size=13, color=MUTED)
            else:
                c.rect(left, bar_y, score * scale, bar_h, face=PRIMARY if tool else PRIMARY_LIGHT)
                c.text(right + 6, bar_y + bar_h - 1, fmt(score, style), size=value_size, bold=tool)
            y += row_h
        x85 = left + PASS_SCORE * scale
        c.line([x85, x85], [bar_top - 4, y + 2], PASS, lw=1.5, dash=(0, (4, 3)))
        for v in (0, 50, 100):
            c.text(left + v * scale, y + 18, thai.format_number(v, style, 0), size=13, color=MUTED,
                   ha="left" if v == 0 else "center")
        c.text(x85, y + 18, thai.format_number(PASS_SCORE, style, 0), size=13, color=PASS, bold=True, ha="center")

    title = f"คะแนนผลการประเมิน ITA ปี {thai.format_year(year, style)} รายแบบวัดและรายตัวชี้วัด"
    desc = (f"แผนภูมิแท่งแนวนอน คะแนนเต็ม {thai.format_number(100, style, 0)} "
            f"เส้นประคือเกณฑ์ผ่าน {thai.format_number(PASS_SCORE, style, 0)} คะแนน "
            f"คะแนนรวม {fmt(a.score, style)} {level_text(a.level)} "
            + " ".join(desc_parts))
    return _chart(chart_id, title, desc, height, draw)


def trend_chart(trend: list[tuple[int, m.Assessment]], style: str, chart_id: str,
                current: int | None = None) -> Chart:
    """Lines across the assessed years: overall and each tool, labelled at their right end."""
    series = [s for s in SERIES if any(series_value(a, s[0]) is not None for _, a in trend)]
    values = [v for s in series for _, a in trend if (v := series_value(a, s[0])) is not None]
    low = min([*values, PASS_SCORE])
    step = 5 if low >= 70 else 10
    y_min = max(0, int(low // step) * step - (step if low % step < 1 else 0))
    y_max = 100
    # the key (line styles; the lines are also labelled at their end), wrapped greedily
    key_items, kx, ky = [], 4.0, 20.0
    for entry in series:
        w = 24 + 8 + text_width(entry[1], 14) + 12
        if kx + w > WIDTH - 4:
            kx, ky = 4.0, ky + 22
        key_items.append((kx, ky, entry))
        kx += w
    pass_key_y = ky + 22
    px0, px1 = 40.0, WIDTH - 112.0  # plot area, then the labels
    py0 = pass_key_y + 30
    py1 = py0 + 200
    height = py1 + 38
    n = len(trend)
    xs = [px0 + 16 + i * (px1 - px0 - 32) / max(n - 1, 1) for i in range(n)]

    def ypos(v: float) -> float:
        return py1 - (v - y_min) / (y_max - y_min) * (py1 - py0)

    def draw(c: _Canvas) -> None:
        for kx, ky, (_, long, _, color, dash, marker, lw) in key_items:
            c.line([kx + 4, kx + 24], [ky - 5, ky - 5], color, lw=lw, dash=dash, marker=marker, ms=5)
            c.text(kx + 32, ky, long, size=14, color=TEXT)
        _pass_key(c, 4.0, pass_key_y, style, size=14)
        for i, (year, _) in enumerate(trend):
            if year == current:
                c.rect(xs[i] - 16, py0 - 6, 32, py1 - py0 + 6, face=BAND)
        v = y_min
        while v <= y_max:
            y = ypos(v)
            is_pass = v == PASS_SCORE
            c.line([px0, px1], [y, y], PASS if is_pass else GRID, lw=1.5 if is_pass else 0.75,
                   dash=(0, (4, 3)) if is_pass else "solid")
            c.text(px0 - 6, y + 5, thai.format_number(v, style, 0), size=14, ha="right",
                   color=PASS if is_pass else MUTED, bold=is_pass)
            v += step
        if PASS_SCORE % step:
            y = ypos(PASS_SCORE)
            c.line([px0, px1], [y, y], PASS, lw=1.5, dash=(0, (4, 3)))
        for i, (year, _) in enumerate(trend):
            c.text(xs[i], py1 + 22, thai.format_year(year, style), size=14, ha="center",
                   bold=year == current, color=TEXT if year == current else MUTED)
        ends: list[list[Any]] = []  # [y, label, colour, bold] of each line's end label
        for key, _long, short, color, dash, marker, lw in series:
            pts = [(xs[i], val) for i, (_, a) in enumerate(trend) if (val := series_value(a, key)) is not None]
            c.line([x for x, _ in pts], [ypos(val) for _, val in pts], color, lw=lw, dash=dash, marker=marker,
                   ms=7 if key == "score" else 6)
            last = series_value(trend[-1][1], key)
            if last is not None:
                ends.append([ypos(last) + 5, f"{short} {fmt(last, style)}", color, key == "score"])
        # direct labels: keep 17 units apart, in value order
        ends.sort(key=lambda e: e[0])
        for i in range(1, len(ends)):
            ends[i][0] = max(ends[i][0], ends[i - 1][0] + 17)
        overflow = ends[-1][0] - (py1 + 5) if ends else 0
        if overflow > 0:
            for e in ends:
                e[0] -= overflow
        for y, label, color, bold in ends:
            c.text(px1 + 8, y, label, size=14, color=color, bold=bold)

    years_text = " ".join(thai.format_year(y, style) for y, _ in trend)
    parts = []
    for key, long, _short, *_ in series:
        vals = [series_value(a, key) for _, a in trend]
        parts.append(f"{long} " + " ".join(fmt(v, style) if v is not None else "ไม่มีคะแนน" for v in vals))
    title = (f"แนวโน้มคะแนนผลการประเมิน ITA ปี {thai.format_year(trend[0][0], style)}"
             f"–{thai.format_year(trend[-1][0], style)}")
    desc = (f"แผนภูมิเส้น คะแนนรวมและคะแนนรายแบบวัดของแต่ละปี เส้นประคือเกณฑ์ผ่าน "
            f"{thai.format_number(PASS_SCORE, style, 0)} คะแนน ปี {years_text} ตามลำดับ: " + "; ".join(parts))
    return _chart(chart_id, title, desc, height, draw)


def progress_chart(fy: int, groups: list[tuple[str, dict[str, int]]], style: str, chart_id: str) -> Chart:
    """One 100% bar for all measures, then one per indicator / ประเด็น (title, count per status)
    that has a reported measure; counts in the segments."""
    counts = {st: sum(g[st] for _, g in groups) for st in STATUSES}
    total = sum(counts.values())
    left, right = 4.0, WIDTH - 4.0
    size, line_h = 15, 21  # group labels and counts
    key_size, swatch = 14, 16.0

    def key_width(label: str) -> float:
        return swatch + 7 + text_width(label, key_size) + 18

    legend_rows: list[list[tuple[str, str]]] = [[]]  # the key, wrapped greedily
    x = left
    for s in STATUSES:
        w = key_width(STATUS_TH[s])
        if legend_rows[-1] and x + w > right:
            legend_rows.append([])
            x = left
        legend_rows[-1].append((s, STATUS_TH[s]))
        x += w
    wrapped = [wrap(title, size, right - left) for title, _ in groups]
    top = 8 + 24 * len(legend_rows) + 10
    overall_h = 22 + 28 + 24
    group_h = 6 + 22 + 18
    height = top + overall_h + sum(line_h * len(lines) + group_h for lines in wrapped)

    def bar(c: _Canvas, y: float, h: float, counts: dict[str, int]) -> None:
        total = sum(counts.values())
        x = left
        for s in STATUSES:
            k = counts[s]
            if not k:
                continue
            w = (right - left) * k / total
            st = STATUS_STYLE[s]
            c.rect(x + 0.75, y + 0.75, w - 1.5, h - 1.5, face=st["face"], edge=st["edge"], lw=1.5,
                   dash=st["dash"])
            label = thai.format_number(k, style, 0)
            if w >= text_width(label, size, True) + 8:  # else the number is only in the table
                c.text(x + w / 2, y + h / 2 + 5.5, label, size=size, color=st["text"], bold=True, ha="center")
            x += w

    def draw(c: _Canvas) -> None:
        y = 8.0
        for row in legend_rows:
            x = left
            for s, label in row:
                st = STATUS_STYLE[s]
                c.rect(x + 0.75, y + 0.75, swatch - 1.5, swatch - 1.5, face=st["face"], edge=st["edge"], lw=1.5,
                       dash=st["dash"])
                c.text(x + swatch + 7, y + 13.5, label, size=key_size)
                x += key_width(label)
            y += 24
        y = top
        c.text(left, y + 16, f"ทุกมาตรการ ({thai.format_number(total, style, 0)} มาตรการ)", size=16, bold=True)
        bar(c, y + 22, 28, counts)
        y += overall_h
        for (_, group_counts), lines in zip(groups, wrapped, strict=False):
            for line in lines:
                c.text(left, y + 16, line, size=size)
                y += line_h
            bar(c, y + 6, 22, group_counts)
            y += group_h

    def counts_text(counts: dict[str, int]) -> str:
        return " ".join(f"{STATUS_TH[s]} {thai.format_number(counts[s], style, 0)}" for s in STATUSES)

    title = f"ความก้าวหน้าของมาตรการส่งเสริมคุณธรรมและความโปร่งใส {thai.format_fy(fy, style)}"
    desc = (f"แผนภูมิแท่งแสดงสัดส่วนสถานะของมาตรการ ทั้งหมด {thai.format_number(total, style, 0)} มาตรการ: "
            f"{counts_text(counts)}; "
            + "; ".join(f"{name}: {counts_text(g)}" for name, g in groups))
    return _chart(chart_id, title, desc.replace(thai.NBSP, " "), height, draw)


def fmt(value: float | None, style: str) -> str:
    """A score as the tables write it (Tools.score)."""
    return thai.format_number(value, style, 2) if value is not None else ""

