"""The charts stage: comparison tables in, SVG charts and their captions out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from crossbrief.charts import draw
from crossbrief.compare.names import CHART_NAMES
from crossbrief.fileio import write_json, write_text
from crossbrief.render.briefing import source_date_epoch


def _table(tables: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(tables / f"{name}.csv", keep_default_na=True)


def run(tables: Path, fonts: Path, report_date: dt.date, out: Path) -> list[draw.Chart]:
    draw.setup(fonts)
    epoch = source_date_epoch(report_date)
    sources_table = pd.read_csv(tables / "sources.csv", dtype=str, keep_default_na=False)
    sources = [
        o or d for o, d in zip(sources_table["outlet"], sources_table["document"], strict=True)
    ]
    sources = list(dict.fromkeys(sources))
    charts = [
        draw.troops_chart(_table(tables, "troops"), sources, epoch),
        draw.attacks_chart(_table(tables, "attacks"), sources, epoch),
        draw.timeline_chart(_table(tables, "event_dates"), sources, epoch),
        draw.coverage_chart(
            pd.read_csv(tables / "events_matrix.csv", dtype=str, keep_default_na=False),
            sources,
            epoch,
        ),
    ]
    assert tuple(c.name for c in charts) == CHART_NAMES
    for chart in charts:
        write_text(out / f"{chart.name}.svg", chart.svg)
    write_json(out / "charts.json", {c.name: {"caption": c.caption, "alt": c.alt} for c in charts})
    return charts
