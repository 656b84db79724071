"""Report charts as PNG bytes, drawn with matplotlib's Agg canvas so no display or pyplot state is needed.

matplotlib loads only when a chart is drawn; the same report always gives the same bytes (no timestamp,
no software tag), so golden files and caches stay stable.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from io import BytesIO
from typing import TYPE_CHECKING

from tongket.report.model import CATEGORIES, CATEGORY_TITLES, Report

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis

__all__ = ["timeline_chart", "organizer_chart"]

_COLOURS = {"achievement": "#2e7d32", "limitation": "#c62828", "task": "#1565c0"}
_RC = {"svg.hashsalt": "tongket", "font.family": "DejaVu Sans", "font.size": 9, "axes.spines.top": False,
       "axes.spines.right": False}
_DPI = 120
_LABEL_WIDTH = 38
_MAX_BARS = 36


def timeline_chart(report: Report) -> bytes | None:
    """Stacked bars of points per period and category, to show whether 'Hạn chế' grows or shrinks over time.

    None when the report covers fewer than two periods: a single bar tells nothing a table does not.
    """
    if len(report.timeline) < 2:
        return None
    timeline, unit = report.timeline, "Tháng"
    if len(timeline) > _MAX_BARS:  # years of months: one bar a year stays readable (and quick to draw)
        timeline, unit = _by_year(timeline), "Năm"
    periods = sorted(timeline)
    return _draw(lambda ax: _timeline(ax, timeline, periods, unit), (8.0, 3.8))


def _by_year(timeline: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    years: dict[str, dict[str, int]] = {}
    for period, counts in timeline.items():
        year = years.setdefault(period[:4], dict.fromkeys(CATEGORIES, 0))
        for category in CATEGORIES:
            year[category] += counts.get(category, 0)
    return years


def organizer_chart(report: Report, top: int = 15) -> bytes | None:
    """Horizontal bars of articles per organiser (the `top` busiest), largest first; None when there are none."""
    rows = sorted(report.organizers, key=lambda o: (-o.articles, o.organizer))[:top]
    if not rows:
        return None
    names = [textwrap.shorten(o.organizer, 2 * _LABEL_WIDTH, placeholder="…") for o in rows]
    counts = [o.articles for o in rows]
    title = "Số bài theo đơn vị tổ chức"
    if len(report.organizers) > top:
        title += f" ({top} đơn vị nhiều bài nhất)"
    return _draw(lambda ax: _organizers(ax, names, counts, title), (8.0, 1.2 + 0.42 * len(rows)))


def _timeline(ax: Axes, timeline: dict[str, dict[str, int]], periods: list[str], unit: str) -> None:
    bottom = [0] * len(periods)
    positions = range(len(periods))
    for category in CATEGORIES:
        values = [timeline[p].get(category, 0) for p in periods]
        ax.bar(positions, values, bottom=bottom, label=CATEGORY_TITLES[category], color=_COLOURS[category], width=0.6)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_xticks(list(positions), periods, rotation=45 if len(periods) > 8 else 0, ha="right" if len(periods) > 8 else "center")
    ax.set_xlabel(unit)
    ax.set_ylabel("Số ý")
    ax.set_title("Số ý theo thời gian")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    _integer_axis(ax.yaxis)


def _organizers(ax: Axes, names: list[str], counts: list[int], title: str) -> None:
    wrapped = [textwrap.fill(n, _LABEL_WIDTH) for n in names]
    bars = ax.barh(range(len(names)), counts, color="#1565c0", height=0.6)
    ax.set_yticks(range(len(names)), wrapped)
    ax.invert_yaxis()
    ax.bar_label(bars, padding=3)
    ax.set_xlabel("Số bài")
    ax.set_title(title)
    _integer_axis(ax.xaxis)


def _integer_axis(axis: Axis) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _draw(paint: Callable[[Axes], None], size: tuple[float, float]) -> bytes:
    """Paint one axes on a fresh Agg figure and return PNG bytes without metadata that varies between runs."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=size, dpi=_DPI, layout="constrained")
        FigureCanvasAgg(fig)
        paint(fig.add_subplot())
        buffer = BytesIO()
        fig.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    return buffer.getvalue()
