"""The event-date timeline and the coverage matrix, as deterministic SVG text with a
caption and a text alternative written from the same data."""

from __future__ import annotations

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt
import pandas as pd

from crossbrief.charts.base import (
    MAX_PER_EVENT,
    OTHER,
    Chart,
    as_span,
    day_number,
    empty_chart,
    rows_where,
    shorten,
    styles_for,
    to_svg,
)

DISCOVERED = " (discovered)"
#: Longest event label a chart prints.
LABEL = 44


def marked(row: pd.Series, limit: int | None = None) -> str:
    """An event's name (cut to ``limit`` characters), marked when the articles, not the
    catalogue, gave the event; the mark is never cut."""
    name = str(row["name"])
    mark = DISCOVERED if row.get("kind") == "discovered" else ""
    if limit is not None:
        name = shorten(name, limit - len(mark))
    return name + mark


def timeline_chart(dates: pd.DataFrame, sources: list[str], epoch: int) -> Chart:
    caption = (
        "Event timeline: the catalogue date of each event (black diamond) and the date each "
        "source gives (a bar spans a month or a year when that is all the text says). Red "
        "labels mark events whose dates disagree. Data: results/tables/event_dates.csv."
    )
    dated = rows_where(dates, "date", lambda v: as_span(v) is not None)
    events = list(dict.fromkeys(dated["event"]))
    if not events:
        return empty_chart(
            "timeline", "Event timeline", "No event with a date to chart.", epoch, caption
        )
    styles = styles_for(sources)
    fig, ax = plt.subplots(figsize=(6.3, 0.32 * len(events) + 1.0))
    alt = []
    labels = []
    for y, event in enumerate(events):
        part = dates[dates["event"] == event]
        catalogue = part.iloc[0]["catalogue_date"]
        name = marked(part.iloc[0])
        spans = []
        given = rows_where(part, "date", lambda v: as_span(v) is not None).to_dict("records")
        given = list({(r["outlet"], r["date"]): r for r in given}.values())[:MAX_PER_EVENT]
        for i, row in enumerate(given):
            span = as_span(row["date"])
            assert span is not None
            color, marker = styles.get(row["outlet"], (OTHER, "."))
            offset = (i - (len(given) - 1) / 2) * 0.18
            if span[0] == span[1]:
                ax.plot(
                    [day_number(span[0])],
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
                    day_number(span[0]),
                    day_number(span[1]),
                    color=color,
                    linewidth=3,
                    label=row["outlet"],
                )
            spans.append(row["date"])
            alt.append(f"{name}: {row['outlet']} gives {row['date']}")
        catalogue_span = as_span(catalogue)
        if catalogue_span:
            ax.plot(
                [day_number(catalogue_span[0])],
                [y],
                marker="D",
                color="black",
                markersize=4,
                linestyle="none",
                label="catalogue",
            )
        has_catalogue = isinstance(catalogue, str) and bool(catalogue)  # not NaN
        values = [str(s) for s in spans] + ([catalogue] if has_catalogue else [])
        clash = any(
            a[: min(len(a), len(b))] != b[: min(len(a), len(b))] for a in values for b in values
        )
        labels.append((marked(part.iloc[0], LABEL), clash))
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
    return Chart("timeline", to_svg(fig, "timeline", epoch), caption, "; ".join(alt) + ".")


def coverage_chart(matrix: pd.DataFrame, sources: list[str], epoch: int) -> Chart:
    caption = (
        "Which source mentions which event (of the catalogue, or discovered: told by two or "
        "more sources without a catalogue entry): dark cells give a date, light cells "
        "mention the event without one. Data: results/tables/events_matrix.csv."
    )
    if matrix.empty or not sources:
        return empty_chart("coverage", "Coverage", "No event is mentioned.", epoch, caption)
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
    ax.set_yticklabels([marked(row, LABEL) for _, row in matrix.iterrows()])
    ax.grid(False)
    ax.set_title("Coverage of events by source")
    alt = [
        f"{marked(pd.Series(row))}: " + ", ".join(f"{s} ({row[s]})" for s in shown if row.get(s))
        for row in matrix.to_dict("records")
    ]
    return Chart("coverage", to_svg(fig, "coverage", epoch), caption, "; ".join(alt) + ".")
