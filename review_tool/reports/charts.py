"""The bulletin's charts, drawn with reportlab.graphics from the report DTOs.

Drawn by hand from shapes rather than with the stock chart widgets: the labels are
Chinese and long, and a chief must be able to read every value off the chart, so
each bar carries its number and the axes say where they start. Decimal values are
turned into floats here, for drawing only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from review_tool.reports.layout import ACCENT, BLUE, GRID, INK, MUTED, RULE, TOWNSHIP
from review_tool.reports.model import GradeRow, ParetoRow, RankRow, TrendPoint
from review_tool.reports.stats import fmt_points

BAR = colors.HexColor("#4F7CAC")
BAR_LIGHT = colors.HexColor("#9DB7D3")
GRADE_COLORS = (colors.HexColor("#2E7D5B"), colors.HexColor("#4F7CAC"), colors.HexColor("#C98A1B"), ACCENT)


def _f(v: Decimal | None) -> float:
    return float(v) if v is not None else 0.0


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with an ellipsis to fit `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def nice_step(span: float, ticks: int = 5) -> int:
    """A whole tick step of 1, 2 or 5 × 10^k giving about `ticks` intervals over `span`."""
    raw = max(span / ticks, 1.0)
    magnitude = 10 ** int(math.floor(math.log10(raw)))
    for m in (1, 2, 5, 10):
        if m * magnitude >= raw:
            return int(m * magnitude)
    return int(10 * magnitude)


def _title(d: Drawing, text: str, font: str) -> None:
    d.add(String(0, d.height - 11, text, fontName=font, fontSize=9.5, fillColor=INK))


def unit_bars(rows: Sequence[RankRow], overall: Decimal | None, *, font: str, width: float,
              title: str = "各单位平均分") -> Drawing:
    """Horizontal bars of unit averages, best first; township units in amber; the overall mean dashed."""
    rows = [r for r in rows if r.average is not None]
    bar_h, gap = 11.0, 5.0
    top = 26.0
    height = top + len(rows) * (bar_h + gap) + 26
    lo = 60.0 if all(_f(r.average) >= 60 for r in rows) else 0.0
    d = Drawing(width, height)
    _title(d, title + ("（横轴自60分起）" if lo else ""), font)
    label_w = min(150.0, max((stringWidth(r.name + ("（乡镇）" if r.township else ""), font, 7.5)
                              for r in rows), default=60) + 6)
    x0, x1 = label_w, width - 36
    hi = 100.0

    def sx(v: float) -> float:
        return x0 + (x1 - x0) * (max(v, lo) - lo) / (hi - lo)

    y_axis = 18.0
    for tick in range(int(lo), int(hi) + 1, 10):
        x = sx(tick)
        d.add(Line(x, y_axis, x, height - top + 4, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(x, y_axis - 9, str(tick), fontName=font, fontSize=6.5, fillColor=MUTED, textAnchor="middle"))
    for i, r in enumerate(rows):
        y = height - top - (i + 1) * (bar_h + gap) + gap
        name = r.name + ("（乡镇）" if r.township else "")
        d.add(String(label_w - 4, y + 2.5, _fit(name, font, 7.5, label_w - 6), fontName=font, fontSize=7.5,
                     fillColor=INK, textAnchor="end"))
        color = TOWNSHIP if r.township else BAR
        end = sx(_f(r.average))
        d.add(Rect(x0, y, end - x0, bar_h, fillColor=color, strokeColor=None))
        # the value inside the bar's end, clear of the dashed overall-average line
        inside = end - x0 > 34
        d.add(String(end - 3 if inside else end + 3, y + 2.5, fmt_points(r.average), fontName=font, fontSize=7,
                     fillColor=colors.white if inside else INK, textAnchor="end" if inside else "start"))
    if overall is not None:
        x = sx(_f(overall))
        d.add(Line(x, y_axis, x, height - top + 4, strokeColor=ACCENT, strokeWidth=0.8, strokeDashArray=[3, 2]))
        d.add(String(x, height - top + 7, f"全部平均 {fmt_points(overall)}", fontName=font, fontSize=6.5,
                     fillColor=ACCENT, textAnchor="middle"))
    return d


def pareto(rows: Sequence[ParetoRow], *, font: str, width: float, height: float = 170, title: str,
           numbered: bool = True) -> Drawing:
    """Bars of counts (left axis) with the cumulative share as a line (right axis, 0–100 %)."""
    d = Drawing(width, height)
    _title(d, title, font)
    if not rows:
        d.add(String(width / 2, height / 2, "本月未发现扣分问题", fontName=font, fontSize=9, fillColor=MUTED,
                     textAnchor="middle"))
        return d
    x0, x1, y0, y1 = 26.0, width - 30, 30.0, height - 26
    max_n = max(r.count for r in rows)
    step = nice_step(max_n)
    top_n = step * (-(-max_n // step))
    slot = (x1 - x0) / len(rows)
    for k in range(0, top_n + 1, step):
        y = y0 + (y1 - y0) * k / top_n
        d.add(Line(x0, y, x1, y, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(x0 - 3, y - 2.5, str(k), fontName=font, fontSize=6.5, fillColor=MUTED, textAnchor="end"))
    for pct in (0, 50, 80, 100):
        y = y0 + (y1 - y0) * pct / 100
        d.add(String(x1 + 3, y - 2.5, f"{pct}%", fontName=font, fontSize=6.5, fillColor=ACCENT))
    y80 = y0 + (y1 - y0) * 0.8
    d.add(Line(x0, y80, x1, y80, strokeColor=ACCENT, strokeWidth=0.5, strokeDashArray=[2, 2]))
    d.add(String(x0, y1 + 4, "件数", fontName=font, fontSize=6.5, fillColor=MUTED))
    d.add(String(x1, y1 + 4, "累计占比", fontName=font, fontSize=6.5, fillColor=ACCENT, textAnchor="end"))
    pts: list[float] = []
    for i, r in enumerate(rows):
        cx = x0 + slot * (i + 0.5)
        h = (y1 - y0) * r.count / top_n
        bw = min(slot * 0.62, 26)
        d.add(Rect(cx - bw / 2, y0, bw, h, fillColor=BAR, strokeColor=None))
        d.add(String(cx, y0 + h + 2, str(r.count), fontName=font, fontSize=6.5, fillColor=INK, textAnchor="middle"))
        label = str(i + 1) if numbered else _fit(r.label, font, 7, slot - 2)
        d.add(String(cx, y0 - 10, label, fontName=font, fontSize=7, fillColor=INK, textAnchor="middle"))
        pts += [cx, y0 + (y1 - y0) * _f(r.cumulative) / 100]
    d.add(PolyLine(pts, strokeColor=ACCENT, strokeWidth=1.2))
    for i in range(0, len(pts), 2):
        d.add(Circle(pts[i], pts[i + 1], 1.8, fillColor=ACCENT, strokeColor=None))
    d.add(Line(x0, y0, x1, y0, strokeColor=RULE, strokeWidth=0.7))
    if numbered:
        d.add(String(x0, 4, "横轴序号对应下表序号", fontName=font, fontSize=6.5, fillColor=MUTED))
    return d


def _line_panel(d: Drawing, x: float, w: float, h: float, points: Sequence[TrendPoint], values: list[float | None],
                *, font: str, title: str, lo: float, hi: float, unit: str, color: colors.Color) -> None:
    y0, y1 = 26.0, h - 24
    x0, x1 = x + 24, x + w - 8
    d.add(String(x, h - 11, title, fontName=font, fontSize=9, fillColor=INK))
    for k in range(5):
        v = lo + (hi - lo) * k / 4
        y = y0 + (y1 - y0) * k / 4
        d.add(Line(x0, y, x1, y, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(x0 - 3, y - 2.5, f"{v:g}{unit}", fontName=font, fontSize=6.2, fillColor=MUTED,
                     textAnchor="end"))
    n = len(points)
    slot = (x1 - x0) / max(n, 1)
    coords: list[float] = []
    for i, (p, val) in enumerate(zip(points, values, strict=True)):
        cx = x0 + slot * (i + 0.5)
        y_, m = p.month.split("-")
        label = f"{m.lstrip('0')}月" if i and points[i - 1].month[:4] == y_ else f"{y_[2:]}年{m.lstrip('0')}月"
        d.add(String(cx, y0 - 10, label, fontName=font, fontSize=6.5, fillColor=INK if p.current else MUTED,
                     textAnchor="middle"))
        if val is None:
            continue
        cy = y0 + (y1 - y0) * (min(max(val, lo), hi) - lo) / (hi - lo)
        coords += [cx, cy]
        mark = "（初评）" if p.current and not p.final else ""
        text = f"{val:.1f}%" if unit == "%" else f"{val:.2f}"
        d.add(String(cx, cy + 5, text + mark, fontName=font, fontSize=6.2,
                     fillColor=color, textAnchor="middle"))
    if len(coords) >= 4:
        d.add(PolyLine(coords, strokeColor=color, strokeWidth=1.3))
    for i in range(0, len(coords), 2):
        d.add(Circle(coords[i], coords[i + 1], 2.2, fillColor=color, strokeColor=colors.white, strokeWidth=0.6))
    d.add(Line(x0, y0, x1, y0, strokeColor=RULE, strokeWidth=0.7))


def trend(points: Sequence[TrendPoint], *, font: str, width: float, height: float = 150) -> Drawing:
    """Two panels: the average score and the 不合格 rate per month (current month last)."""
    d = Drawing(width, height)
    avgs = [_f(p.average) if p.average is not None else None for p in points]
    rates = [_f(p.fail_rate) if p.fail_rate is not None else None for p in points]
    known = [a for a in avgs if a is not None]
    lo = min(60.0, (min(known) // 10) * 10) if known else 60.0
    top_rate = max([r for r in rates if r is not None] + [10.0])
    hi_rate = float(-(-int(top_rate) // 10) * 10)
    half = width / 2 - 6
    _line_panel(d, 0, half, height, points, avgs, font=font, title="月度平均分", lo=lo, hi=100, unit="",
                color=BLUE)
    _line_panel(d, width / 2 + 6, half, height, points, rates, font=font, title="月度不合格率", lo=0,
                hi=hi_rate, unit="%", color=ACCENT)
    return d


def grades(rows: Sequence[GradeRow], *, font: str, width: float, height: float = 62) -> Drawing:
    """The grade distribution as one 100 % bar with a legend underneath."""
    d = Drawing(width, height)
    _title(d, "等次分布", font)
    total = sum(r.count for r in rows) or 1
    x, y, h = 0.0, height - 36, 16.0
    for i, r in enumerate(rows):
        w = width * r.count / total
        color = GRADE_COLORS[min(i, len(GRADE_COLORS) - 1)] if i < len(rows) - 1 else ACCENT
        if w > 0:
            d.add(Rect(x, y, w, h, fillColor=color, strokeColor=colors.white, strokeWidth=0.8))
            text = f"{r.grade} {r.count}"
            if stringWidth(text, font, 7.5) < w - 4:
                d.add(String(x + w / 2, y + 4.5, text, fontName=font, fontSize=7.5, fillColor=colors.white,
                             textAnchor="middle"))
        x += w
    lx = 0.0
    for i, r in enumerate(rows):
        color = GRADE_COLORS[min(i, len(GRADE_COLORS) - 1)] if i < len(rows) - 1 else ACCENT
        d.add(Rect(lx, 4, 8, 8, fillColor=color, strokeColor=None))
        text = f"{r.grade} {r.count} 件（{r.share}%）"
        d.add(String(lx + 11, 5, text, fontName=font, fontSize=7.5, fillColor=INK))
        lx += stringWidth(text, font, 7.5) + 26
    return d
