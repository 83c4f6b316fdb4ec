"""A server-side SVG bar chart of views per day (no JavaScript, no library).

The chart is drawn by the template ``wagtail_bhxh_analytics/admin/chart.html``
from the geometry computed here; the same numbers are in a table beside it
for screen readers and for copying.
"""

import math
from dataclasses import dataclass

from django.utils.formats import date_format

from .formatting import format_count

WIDTH = 960
HEIGHT = 280
LEFT = 56
RIGHT = 12
TOP = 12
BOTTOM = 36


def nice_ceiling(value: int) -> int:
    """A round axis maximum at or above value (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 10
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return int(step * power) if step * power >= 1 else 1
    return 10 * power


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class XLabel:
    x: float
    label: str


def bar_chart(series) -> dict:
    """Geometry of a bar per day (``series`` of DayTotals) with a y axis and a few date labels."""
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    maximum = nice_ceiling(max((d.views for d in series), default=0))
    count = max(len(series), 1)
    slot = plot_width / count
    gap = slot * 0.2 if slot > 4 else 0
    bars = []
    for index, day in enumerate(series):
        height = plot_height * day.views / maximum
        bars.append(
            Bar(
                x=round(LEFT + index * slot + gap / 2, 2),
                y=round(TOP + plot_height - height, 2),
                width=round(max(slot - gap, 0.5), 2),
                height=round(height, 2),
                label=f"{date_format(day.day, 'SHORT_DATE_FORMAT')}: {format_count(day.views)}",
            )
        )
    ticks = [
        Tick(
            y=round(TOP + plot_height - plot_height * i / 4, 2),
            label=format_count(round(maximum * i / 4)),
        )
        for i in range(5)
    ]
    every = max(1, math.ceil(count / 8))
    x_labels = [
        XLabel(x=round(LEFT + (index + 0.5) * slot, 2), label=day.day.strftime("%d/%m"))
        for index, day in enumerate(series)
        if index % every == 0
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_height,
        "label_y": HEIGHT - 12,
        "bars": bars,
        "ticks": ticks,
        "x_labels": x_labels,
    }
