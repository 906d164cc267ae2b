"""The charts stage: comparison tables in, SVG charts and their captions out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from crossbrief.charts import base, draw, timeline
from crossbrief.compare.names import CHART_NAMES
from crossbrief.fileio import write_json, write_text
from crossbrief.render.briefing import source_date_epoch
from crossbrief.tablefile import read_table, text_columns
from crossbrief.textsafety import strip_controls

#: Longest name a chart prints, by column; longer ones end in an ellipsis.
MAX_LABEL = {"outlet": 40, "document": 40, "name": 90}
MATRIX_COLUMNS = ("event", "name", "catalogue_date", "kind")


def label(text: str, limit: int = MAX_LABEL["outlet"]) -> str:
    """A name as a chart prints it: no bidi control (matplotlib draws text in stored
    order, where a control only shows as a box), at most ``limit`` characters."""
    text = strip_controls(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table(tables: Path, name: str, *, as_text: bool = False) -> pd.DataFrame:
    """A comparison table with its names (sources, events, and the coverage table's
    source columns) as charts print them."""
    table = read_table(tables / f"{name}.csv", as_text=as_text)
    for column in text_columns(table):
        limit = MAX_LABEL.get(column, 0)
        table[column] = table[column].map(
            lambda v, n=limit: (
                v if not isinstance(v, str) else label(v, n) if n else strip_controls(v)
            )
        )
    if name == "events_matrix":
        table.columns = [c if c in MATRIX_COLUMNS else label(c) for c in table.columns]
    return table


def run(tables: Path, fonts: Path, report_date: dt.date, out: Path) -> list[base.Chart]:
    base.setup(fonts)
    epoch = source_date_epoch(report_date)
    sources_table = _table(tables, "sources", as_text=True)
    sources = [
        o or d for o, d in zip(sources_table["outlet"], sources_table["document"], strict=True)
    ]  # already as charts print them
    sources = list(dict.fromkeys(sources))
    charts = [
        draw.troops_chart(_table(tables, "troops"), sources, epoch),
        draw.attacks_chart(_table(tables, "attacks"), sources, epoch),
        timeline.timeline_chart(_table(tables, "event_dates"), sources, epoch),
        timeline.coverage_chart(
            _table(tables, "events_matrix", as_text=True),
            sources,
            epoch,
        ),
    ]
    assert tuple(c.name for c in charts) == CHART_NAMES
    for chart in charts:
        write_text(out / f"{chart.name}.svg", chart.svg)
    write_json(out / "charts.json", {c.name: {"caption": c.caption, "alt": c.alt} for c in charts})
    return charts
