"""The briefing's four charts, each returned as deterministic SVG text with a caption
and a text alternative written from the same data."""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import dates as mdates
from matplotlib import font_manager
from matplotlib.figure import Figure

#: Markers by attribution, so the charts read without colour.
MARKERS = {"article": "o", "named source": "s", "impersonal": "D"}
#: Markers by source, cycling with the colours.
SOURCE_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
MAX_LEGEND_SOURCES = 8
MAX_ARROWS = 60  # open-ended hedges drawn as arrows only while a panel stays readable
MAX_ALT_ITEMS = 30  # figures a text alternative names one by one
MAX_PER_EVENT = 15  # distinct (source, date) pairs drawn per event on the timeline
MAX_POINTS = 300  # attack counts drawn; the table lists them all
OTHER = "#9e9e9e"


@dataclass(frozen=True)
class Chart:
    name: str
    svg: str
    caption: str
    alt: str


def _where(table: pd.DataFrame, column: str, test: Callable[[Any], bool]) -> pd.DataFrame:
    """The rows whose ``column`` passes ``test``; an empty table stays a table with its
    columns (indexing with an empty, untyped mask would select no columns instead)."""
    return table.loc[table[column].map(test).astype(bool)]


def _finite(value: Any) -> bool:
    """A value a chart can place (a figure too large for a float is only listed)."""
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def setup(fonts: Path) -> None:
    """Bundled fonts and the style file; no system font is used."""
    for path in sorted(fonts.glob("*.ttf")):
        font_manager.fontManager.addfont(str(path))
    plt.style.use(str(files(__package__).joinpath("crossbrief.mplstyle")))


def _svg(fig: Figure, name: str, epoch: int) -> str:
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    text = buffer.getvalue()
    text = re.sub(r"<\?xml[^>]*>\s*|<!DOCTYPE[^>]*>\s*", "", text)
    # matplotlib echoes label text in comments; labels come from articles, so drop them
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    # ids must be unique once several charts stand inline in one HTML page
    text = re.sub(r'id="([^"]+)"', rf'id="{name}-\1"', text)
    text = re.sub(r'(xlink:href|href)="#([^"]+)"', rf'\1="#{name}-\2"', text)
    return re.sub(r"url\(#([^)]+)\)", rf"url(#{name}-\1)", text)


def _x(day: dt.date) -> float:
    """A date as a matplotlib x coordinate."""
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        if len(value) == 4:
            return dt.date(int(value), 7, 1)
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 15)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _span(value: object) -> tuple[dt.date, dt.date] | None:
    """The period an ISO value at its granularity covers."""
    if not isinstance(value, str) or not value:
        return None
    try:
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if len(value) == 7:
            start = dt.date(int(value[:4]), int(value[5:7]), 1)
            nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1)
        day = dt.date.fromisoformat(value[:10])
        return day, day
    except ValueError:
        return None


def _style_of(sources: list[str]) -> dict[str, tuple[str, str]]:
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    out = {}
    for i, source in enumerate(sources):
        if i < MAX_LEGEND_SOURCES:
            out[source] = (colors[i % len(colors)], SOURCE_MARKERS[i % len(SOURCE_MARKERS)])
        else:
            out[source] = (OTHER, ".")
    return out


def _empty(name: str, title: str, message: str, epoch: int, caption: str) -> Chart:
    fig, ax = plt.subplots(figsize=(6.3, 1.0))
    ax.axis("off")
    ax.set_title(title)
    ax.text(0.0, 0.3, message, transform=ax.transAxes)
    return Chart(name, _svg(fig, name, epoch), caption, message)


def _short(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _attribution(value: object) -> str:
    if not isinstance(value, str) or not value:
        return "article"
    return "impersonal" if value.islower() else "named source"


def troops_chart(rows: pd.DataFrame, sources: list[str], epoch: int) -> Chart:
    caption = (
        "Troop figures by source and publication date, one panel per actor, location and kind "
        "class. Bars show the range a hedge allows (an arrow: open upwards); the marker shape "
        "says who gives the figure (circle: the article itself, square: a named source, "
        "diamond: an impersonal source such as 'generally reported'). "
        "Data: results/tables/troops.csv."
    )
    rows = _where(rows, "published", lambda v: _date(v) is not None)
    rows = _where(rows, "value", _finite)
    if rows.empty:
        return _empty("troops", "Troop figures", "No dated troop figure to chart.", epoch, caption)
    keys = list(dict.fromkeys(rows["group_key"]))[:6]
    styles = _style_of(sources)
    days = [d for d in (_date(v) for v in rows["published"]) if d]
    pad = dt.timedelta(days=max(30, (max(days) - min(days)).days // 20))
    fig, axes = plt.subplots(len(keys), 1, figsize=(6.3, 1.7 * len(keys) + 0.4), squeeze=False)
    alt = []
    for ax, key in zip(axes[:, 0], keys, strict=True):
        part = rows[rows["group_key"] == key]
        said: list[str] = []
        points: dict[tuple[str, str, str], tuple[list[float], list[float]]] = {}
        bars: dict[str, tuple[list[float], list[float], list[float]]] = {}
        arrows = len(part) <= MAX_ARROWS
        for row in part.to_dict("records"):
            day = _date(row["published"])
            assert day is not None
            x = _x(day)
            value = float(row["value"])
            color, _ = styles.get(row["outlet"], (OTHER, "."))
            label = row["outlet"] if color != OTHER else "other sources"
            marker = MARKERS[_attribution(row["attributed_to"])]
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
        ax.set_title(key.replace(" | ", ", "))
        ax.set_xlim(_x(min(days) - pad), _x(max(days) + pad))
        ax.xaxis_date()
        ax.set_ylim(bottom=0, top=max(float(v) for v in part["value"]) * 1.3)
        ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        handles, labels = ax.get_legend_handles_labels()
        unique = dict(zip(labels, handles, strict=True))
        ax.legend(unique.values(), unique.keys(), loc="lower right", ncol=2)
        alt.append(f"{key.replace(' | ', ', ')}: " + "; ".join(said))
    fig.tight_layout()
    return Chart("troops", _svg(fig, "troops", epoch), caption, ". ".join(alt) + ".")


def attacks_chart(rows: pd.DataFrame, sources: list[str], epoch: int) -> Chart:
    caption = (
        "Cumulative attack counts against the date they refer to (as of). The line to the left "
        "of each point spans the counting window the source gives; an arrow marks an open "
        "'over' or 'at least'. Data: results/tables/attacks.csv."
    )
    rows = _where(rows, "as_of", lambda v: _date(v) is not None)
    rows = _where(rows, "value", _finite)
    if rows.empty:
        return _empty("attacks", "Attack counts", "No dated attack count to chart.", epoch, caption)
    styles = _style_of(sources)
    fig, ax = plt.subplots(figsize=(6.3, 2.6))
    alt = []
    for row in rows.to_dict("records")[:MAX_POINTS]:
        as_of = _date(row["as_of"])
        assert as_of is not None
        end = _x(as_of)
        start = _date(row["window_start"])
        value = float(row["value"])
        color, marker = styles.get(row["outlet"], (OTHER, "."))
        if start:
            ax.hlines(value, _x(start), end, color=color, linewidth=1.5, linestyle="-")
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
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    ax.legend(unique.values(), unique.keys(), loc="upper left")
    fig.autofmt_xdate()
    return Chart("attacks", _svg(fig, "attacks", epoch), caption, "; ".join(alt) + ".")


def timeline_chart(dates: pd.DataFrame, sources: list[str], epoch: int) -> Chart:
    caption = (
        "Event timeline: the catalogue date of each event (black diamond) and the date each "
        "source gives (a bar spans a month or a year when that is all the text says). Red "
        "labels mark events whose dates disagree. Data: results/tables/event_dates.csv."
    )
    dated = _where(dates, "date", lambda v: _span(v) is not None)
    events = list(dict.fromkeys(dated["event"]))
    if not events:
        return _empty(
            "timeline", "Event timeline", "No event with a date to chart.", epoch, caption
        )
    styles = _style_of(sources)
    fig, ax = plt.subplots(figsize=(6.3, 0.32 * len(events) + 1.0))
    alt = []
    labels = []
    for y, event in enumerate(events):
        part = dates[dates["event"] == event]
        catalogue = part.iloc[0]["catalogue_date"]
        name = part.iloc[0]["name"]
        spans = []
        given = _where(part, "date", lambda v: _span(v) is not None).to_dict("records")
        given = list({(r["outlet"], r["date"]): r for r in given}.values())[:MAX_PER_EVENT]
        for i, row in enumerate(given):
            span = _span(row["date"])
            assert span is not None
            color, marker = styles.get(row["outlet"], (OTHER, "."))
            offset = (i - (len(given) - 1) / 2) * 0.18
            if span[0] == span[1]:
                ax.plot(
                    [_x(span[0])],
                    [y + offset],
                    marker=marker,
                    color=color,
                    markersize=5,
                    linestyle="none",
                    label=row["outlet"],
                )
            else:
                ax.hlines(
                    y + offset,
                    _x(span[0]),
                    _x(span[1]),
                    color=color,
                    linewidth=3,
                    label=row["outlet"],
                )
            spans.append(row["date"])
            alt.append(f"{name}: {row['outlet']} gives {row['date']}")
        catalogue_span = _span(catalogue)
        if catalogue_span:
            ax.plot(
                [_x(catalogue_span[0])],
                [y],
                marker="D",
                color="black",
                markersize=4,
                linestyle="none",
                label="catalogue",
            )
        values = [str(s) for s in spans] + ([str(catalogue)] if catalogue else [])
        clash = any(
            a[: min(len(a), len(b))] != b[: min(len(a), len(b))] for a in values for b in values
        )
        labels.append((_short(str(name)), clash))
    ax.set_yticks(range(len(events)))
    ax.set_yticklabels([label for label, _ in labels])
    for tick, (_, clash) in zip(ax.get_yticklabels(), labels, strict=True):
        if clash:
            tick.set_color("#D55E00")
            tick.set_fontweight("bold")
    ax.invert_yaxis()
    ax.grid(axis="x", color="#eeeeee")
    handles, names = ax.get_legend_handles_labels()
    unique = dict(zip(names, handles, strict=True))
    ax.legend(
        unique.values(),
        unique.keys(),
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08),
        ncol=min(5, len(unique)),
    )
    ax.set_title("Event timeline")
    ax.xaxis_date()
    return Chart("timeline", _svg(fig, "timeline", epoch), caption, "; ".join(alt) + ".")


def coverage_chart(matrix: pd.DataFrame, sources: list[str], epoch: int) -> Chart:
    caption = (
        "Which source mentions which catalogue event: dark cells give a date, light cells "
        "mention the event without one. Data: results/tables/events_matrix.csv."
    )
    if matrix.empty or not sources:
        return _empty("coverage", "Coverage", "No catalogue event is mentioned.", epoch, caption)
    shown = sources[:20]
    grid = [
        [
            2 if isinstance(c, str) and c not in ("", "mentioned") else 1 if c == "mentioned" else 0
            for c in (row.get(s, "") for s in shown)
        ]
        for row in matrix.to_dict("records")
    ]
    fig, ax = plt.subplots(figsize=(6.3, 0.28 * len(grid) + 1.4))
    colormap = matplotlib.colors.ListedColormap(["#ffffff", "#a6cee3", "#1f4e79"])
    ax.imshow(grid, cmap=colormap, vmin=0, vmax=2, aspect="auto")
    for y, row in enumerate(grid):
        for x, cell in enumerate(row):
            if cell:
                ax.text(
                    x,
                    y,
                    "date" if cell == 2 else "•",
                    ha="center",
                    va="center",
                    fontsize=6,
                    color="white" if cell == 2 else "black",
                )
    ax.set_xticks(range(len(shown)))
    ax.set_xticklabels(shown, rotation=30, ha="right")
    ax.set_yticks(range(len(grid)))
    ax.set_yticklabels([_short(str(n)) for n in matrix["name"]])
    ax.grid(False)
    ax.set_title("Coverage of catalogue events by source")
    alt = [
        f"{row['name']}: " + ", ".join(f"{s} ({row[s]})" for s in shown if row.get(s))
        for row in matrix.to_dict("records")
    ]
    return Chart("coverage", _svg(fig, "coverage", epoch), caption, "; ".join(alt) + ".")
