"""A troop series' trajectory drawn over its figures: the headline of each dated period
joined in time (a grey step line), periods whose independent sources dispute shaded,
and each revised figure linked by a dashed arrow from the earlier figure it corrects
(a hollow marker)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd

from crossbrief.charts.base import as_date, as_span, day_number

LINE_COLOR = "#444444"
DISPUTE_COLOR = "#d62728"
#: Days a shaded dispute reaches beyond its period, so a one-day period shows.
DISPUTE_PAD = dt.timedelta(days=6)


def when(row: Mapping[Hashable, Any]) -> dt.date | None:
    """The date a figure is drawn at: the start of its as-of, else its publication."""
    span = as_span(row.get("as_of"))
    return span[0] if span else as_date(row.get("published"))


def _truthy(value: object) -> bool:
    return value is True or str(value) == "True"


def draw(
    ax: Any, periods: pd.DataFrame, revisions: list[tuple[dt.date, float, float, str]]
) -> tuple[list[str], list[float]]:
    """Draw the trajectory, disputes and revisions of one panel; the words for its text
    alternative and the values drawn (for the panel's height)."""
    said: list[str] = []
    drawn: list[float] = []
    xs: list[float] = []
    ys: list[float] = []
    steps: list[str] = []
    for period in periods.to_dict("records"):
        start, end = as_date(period.get("period_start")), as_date(period.get("period_end"))
        headline = period.get("headline")
        if start is None or end is None or headline is None or pd.isna(headline):
            continue
        value = float(headline)
        xs += [day_number(start), day_number(end)]
        ys += [value, value]
        drawn.append(value)
        steps.append(f"{value:,.0f} ({period['when']})")
        if _truthy(period.get("dispute")):
            ax.axvspan(
                day_number(start - DISPUTE_PAD),
                day_number(end + DISPUTE_PAD),
                color=DISPUTE_COLOR,
                alpha=0.12,
                zorder=0,
                label="disputed period",
            )
            said.append(f"sources dispute the figure as of {period['when']}")
    if len(steps) > 1:
        ax.plot(xs, ys, color=LINE_COLOR, linewidth=1, zorder=1, label="headline per period")
        said.insert(0, "trajectory " + " -> ".join(steps))
    for day, old, new, outlet in revisions:
        x = day_number(day)
        ax.plot(
            [x],
            [old],
            marker="o",
            markerfacecolor="none",
            color=DISPUTE_COLOR,
            linestyle="none",
            label="figure corrected",
        )
        ax.annotate(
            "",
            xy=(x, new),
            xytext=(x, old),
            arrowprops={"arrowstyle": "->", "color": DISPUTE_COLOR, "lw": 1, "ls": "--"},
        )
        drawn.append(old)
        said.append(f"{outlet} corrected {old:,.0f} to {new:,.0f}")
    return said, drawn
