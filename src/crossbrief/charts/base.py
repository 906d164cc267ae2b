"""What the four charts share: the SVG writer, fonts, markers per source, date axes and
the empty-chart placeholder."""

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
#: Tallest chart, in inches at the SVG's own width: with a section heading and the
#: caption it still fits one A4 page, so no heading is left alone on a page.
MAX_CHART_HEIGHT = 7.4
LEGEND_LABEL_CHARS = 26


def legend_outside(ax: Any) -> None:
    """The axes' legend to the right of the plot, never over the data; one entry per
    label, long outlet names shortened."""
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    if not unique:
        return
    ax.legend(
        unique.values(),
        [shorten(label, LEGEND_LABEL_CHARS) for label in unique],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        borderaxespad=0.0,
        frameon=False,
    )


@dataclass(frozen=True)
class Chart:
    name: str
    svg: str
    caption: str
    alt: str


def rows_where(table: pd.DataFrame, column: str, test: Callable[[Any], bool]) -> pd.DataFrame:
    """The rows whose ``column`` passes ``test``; an empty table stays a table with its
    columns (indexing with an empty, untyped mask would select no columns instead)."""
    return table.loc[table[column].map(test).astype(bool)]


def is_finite(value: Any) -> bool:
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


def to_svg(fig: Figure, name: str, epoch: int) -> str:
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


def day_number(day: dt.date) -> float:
    """A date as a matplotlib x coordinate."""
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def as_date(value: object) -> dt.date | None:
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


def as_span(value: object) -> tuple[dt.date, dt.date] | None:
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


def styles_for(sources: list[str]) -> dict[str, tuple[str, str]]:
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    out = {}
    for i, source in enumerate(sources):
        if i < MAX_LEGEND_SOURCES:
            out[source] = (colors[i % len(colors)], SOURCE_MARKERS[i % len(SOURCE_MARKERS)])
        else:
            out[source] = (OTHER, ".")
    return out


def empty_chart(name: str, title: str, message: str, epoch: int, caption: str) -> Chart:
    fig, ax = plt.subplots(figsize=(6.3, 1.0))
    ax.axis("off")
    ax.set_title(title)
    ax.text(0.0, 0.3, message, transform=ax.transAxes)
    return Chart(name, to_svg(fig, name, epoch), caption, message)


def shorten(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def attribution_label(value: object) -> str:
    if not isinstance(value, str) or not value:
        return "article"
    return "impersonal" if value.islower() else "named source"
