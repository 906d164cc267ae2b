"""The troop and attack-count charts, each returned as deterministic SVG text with a
caption and a text alternative written from the same data. Shared pieces are in
:mod:`crossbrief.charts.base`, the timeline and coverage charts in
:mod:`crossbrief.charts.timeline`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt
import pandas as pd

from crossbrief.charts import trajectory
from crossbrief.charts.base import (
    MARKERS,
    MAX_ALT_ITEMS,
    MAX_ARROWS,
    MAX_CHART_HEIGHT,
    MAX_POINTS,
    OTHER,
    Chart,
    as_date,
    attribution_label,
    day_number,
    empty_chart,
    is_finite,
    legend_outside,
    rows_where,
    styles_for,
    to_svg,
)

#: Panels one troop chart draws; the other groups are in the tables.
MAX_PANELS = 6


def panels(rows: pd.DataFrame) -> list[str]:
    """The groups drawn: those most outlets speak of first (a dispute or a trajectory
    needs several), then those with most figures, then in table order; at most
    :data:`MAX_PANELS`."""
    order = list(dict.fromkeys(rows["group_key"]))
    outlets = rows.groupby("group_key")["outlet"].nunique()
    figures = rows.groupby("group_key").size()
    ranked = sorted(order, key=lambda k: (-int(outlets[k]), -int(figures[k]), order.index(k)))
    return ranked[:MAX_PANELS]


def troops_chart(
    rows: pd.DataFrame,
    sources: list[str],
    epoch: int,
    series: pd.DataFrame | None = None,
    revised: Mapping[str, float] | None = None,
) -> Chart:
    """``series``: the troop_series table (trajectory and disputes); ``revised``: claim
    id -> the earlier figure it corrects."""
    caption = (
        "Troop figures by source and the date they hold (as of; else publication date), one "
        f"panel per actor, location and measure (at most {MAX_PANELS}: those most outlets "
        "give figures for; every group is in the tables). A grey line joins the headline of each "
        "period (the trajectory); a shaded span marks a period whose independent sources "
        "dispute the figure; a hollow red marker with a dashed arrow is an earlier figure a "
        "source corrected. Bars show the range a hedge allows (an arrow: open upwards); the "
        "marker shape says who gives the figure (circle: the article itself, square: a named "
        "source, diamond: an impersonal source such as 'generally reported'). "
        "Data: results/tables/troops.csv and troop_series.csv."
    )
    revised = revised or {}
    dated = [trajectory.when(r) is not None for r in rows.to_dict("records")]
    rows = rows.loc[pd.Series(dated, index=rows.index, dtype=bool)]  # keeps the columns
    rows = rows_where(rows, "value", is_finite)
    if rows.empty:
        return empty_chart(
            "troops", "Troop figures", "No dated troop figure to chart.", epoch, caption
        )
    keys = panels(rows)
    styles = styles_for(sources)
    days = [d for d in (trajectory.when(r) for r in rows.to_dict("records")) if d]
    pad = dt.timedelta(days=max(30, (max(days) - min(days)).days // 20))
    height = min(1.7 * len(keys) + 0.4, MAX_CHART_HEIGHT)
    fig, axes = plt.subplots(len(keys), 1, figsize=(6.3, height), squeeze=False)
    alt = []
    for ax, key in zip(axes[:, 0], keys, strict=True):
        part = rows[rows["group_key"] == key]
        said: list[str] = []
        points: dict[tuple[str, str, str], tuple[list[float], list[float]]] = {}
        bars: dict[str, tuple[list[float], list[float], list[float]]] = {}
        arrows = len(part) <= MAX_ARROWS
        revisions: list[tuple[dt.date, float, float, str]] = []
        for row in part.to_dict("records"):
            day = trajectory.when(row)
            assert day is not None
            if row["claim"] in revised:
                revisions.append((day, revised[row["claim"]], float(row["value"]), row["outlet"]))
            x = day_number(day)
            value = float(row["value"])
            color, _ = styles.get(row["outlet"], (OTHER, "."))
            label = row["outlet"] if color != OTHER else "other sources"
            marker = MARKERS[attribution_label(row["attributed_to"])]
            xs, ys = points.setdefault((label, color, marker), ([], []))
            xs.append(x)
            ys.append(value)
            low, high = row.get("low"), row.get("high")
            bottom = low if isinstance(low, float) and not pd.isna(low) else value
            top = high if isinstance(high, float) and not pd.isna(high) else value
            if bottom < top:
                bx, blo, bhi = bars.setdefault(color, ([], [], []))
                bx.append(x)
                blo.append(bottom)
                bhi.append(top)
            if arrows and row["qualifier"] in ("more_than", "at_least"):
                ax.annotate(
                    "",
                    xy=(x, value * 1.12),
                    xytext=(x, value),
                    arrowprops={"arrowstyle": "->", "color": color, "lw": 1},
                )
            if len(said) < MAX_ALT_ITEMS:
                shown = f"{bottom:,.0f}–{value:,.0f}" if row["qualifier"] == "range" else ""
                said.append(
                    f"{row['outlet']} {shown or f'{value:,.0f}'} "
                    f"({row['qualifier']}, {row['published']})"
                )
        for (label, color, marker), (xs, ys) in points.items():
            ax.plot(xs, ys, marker=marker, color=color, markersize=6, linestyle="none", label=label)
        for color, (bx, blo, bhi) in bars.items():
            ax.vlines(bx, blo, bhi, color=color, linewidth=1)
        if len(part) > len(said):
            said.append(f"and {len(part) - len(said)} more figures")
        periods = series[series["group_key"] == key] if series is not None else part.iloc[0:0]
        over, drawn = trajectory.draw(ax, periods, revisions)
        said += over
        ax.set_title(key.replace(" | ", ", "))
        ax.set_xlim(day_number(min(days) - pad), day_number(max(days) + pad))
        ax.xaxis_date()
        ax.set_ylim(bottom=0, top=max([float(v) for v in part["value"]] + drawn) * 1.3)
        ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        legend_outside(ax)
        alt.append(f"{key.replace(' | ', ', ')}: " + "; ".join(said))
    fig.tight_layout()
    return Chart("troops", to_svg(fig, "troops", epoch), caption, ". ".join(alt) + ".")


def attacks_chart(rows: pd.DataFrame, sources: list[str], epoch: int) -> Chart:
    caption = (
        "Cumulative attack counts against the date they refer to (as of). The line to the left "
        "of each point spans the counting window the source gives; an arrow marks an open "
        "'over' or 'at least'. Data: results/tables/attacks.csv."
    )
    rows = rows_where(rows, "as_of", lambda v: as_date(v) is not None)
    rows = rows_where(rows, "value", is_finite)
    if rows.empty:
        return empty_chart(
            "attacks", "Attack counts", "No dated attack count to chart.", epoch, caption
        )
    styles = styles_for(sources)
    fig, ax = plt.subplots(figsize=(6.3, 2.6))
    alt = []
    for row in rows.to_dict("records")[:MAX_POINTS]:
        as_of = as_date(row["as_of"])
        assert as_of is not None
        end = day_number(as_of)
        start = as_date(row["window_start"])
        value = float(row["value"])
        color, marker = styles.get(row["outlet"], (OTHER, "."))
        if start:
            ax.hlines(value, day_number(start), end, color=color, linewidth=1.5, linestyle="-")
        ax.plot(
            [end],
            [value],
            marker=marker,
            color=color,
            markersize=7,
            linestyle="none",
            label=row["outlet"],
        )
        if row["qualifier"] in ("more_than", "at_least"):
            ax.annotate(
                "",
                xy=(end, value * 1.15),
                xytext=(end, value),
                arrowprops={"arrowstyle": "->", "color": color, "lw": 1},
            )
        alt.append(
            f"{row['outlet']}: {row['qualifier']} {value:,.0f} since "
            f"{row['window_start'] or 'an unstated start'} as of {row['as_of']}"
        )
    ax.set_title("Attack counts")
    ax.xaxis_date()
    ax.set_ylim(bottom=0, top=max(float(v) for v in rows["value"]) * 1.35)
    legend_outside(ax)
    fig.autofmt_xdate()
    return Chart("attacks", to_svg(fig, "attacks", epoch), caption, "; ".join(alt) + ".")
