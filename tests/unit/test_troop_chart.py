"""The troop chart draws each series' trajectory over its figures, shades disputed
periods and links a revised figure to the one it corrects (invented series)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from crossbrief.charts import base
from crossbrief.charts.draw import MAX_PANELS, panels, troops_chart

ROOT = Path(__file__).resolve().parents[2]
KEY = "US | Eastland | headcount"


def _figure(claim: str, outlet: str, value: float, day: str) -> dict[str, object]:
    return {
        "claim": claim,
        "group_key": KEY,
        "outlet": outlet,
        "value": value,
        "low": value,
        "high": value,
        "qualifier": "exact",
        "attributed_to": None,
        "published": day,
        "as_of": day,
    }


def _period(n: int, day: str, headline: float, dispute: bool) -> dict[str, object]:
    return {
        "group_key": KEY,
        "period": n,
        "period_start": day,
        "period_end": day,
        "when": day,
        "headline": headline,
        "dispute": dispute,
    }


def test_trajectory_disputes_and_revisions_are_drawn() -> None:
    base.setup(ROOT / "templates" / "fonts")
    rows = pd.DataFrame(
        [
            _figure("c1", "Alpha", 5200, "2020-01-20"),
            _figure("c2", "Bravo", 3000, "2020-10-05"),
            _figure("c3", "Charlie", 3600, "2020-10-07"),
            _figure("c4", "Delta", 2000, "2021-06-01"),
        ]
    )
    series = pd.DataFrame(
        [
            _period(0, "2020-01-20", 5200, False),
            _period(1, "2020-10-05", 3300, True),
            _period(2, "2021-06-01", 2000, False),
        ]
    )
    chart = troops_chart(rows, ["Alpha", "Bravo", "Charlie", "Delta"], 0, series, {"c4": 900.0})
    assert "trajectory 5,200 (2020-01-20) -> 3,300 (2020-10-05) -> 2,000 (2021-06-01)" in chart.alt
    assert "sources dispute the figure as of 2020-10-05" in chart.alt
    assert "Delta corrected 900 to 2,000" in chart.alt
    assert "headline per period" in chart.svg and "disputed period" in chart.svg


def test_without_a_series_the_chart_shows_only_figures() -> None:
    base.setup(ROOT / "templates" / "fonts")
    rows = pd.DataFrame([_figure("c1", "Alpha", 5200, "2020-01-20")])
    chart = troops_chart(rows, ["Alpha"], 0)
    assert "trajectory" not in chart.alt and "disputed period" not in chart.svg


def test_the_panels_are_the_groups_most_outlets_speak_of() -> None:
    rows = []
    for i, key in enumerate(f"A | Place{n} | headcount" for n in range(8)):
        rows.append(_figure(f"c{i}", "Solo Daily", 100.0 + i, "2024-01-01") | {"group_key": key})
    shared = "US | Eastland | headcount"
    for j, outlet in enumerate(("One", "Two", "Three")):
        rows.append(_figure(f"s{j}", outlet, 900.0, "2024-02-01") | {"group_key": shared})
    drawn = panels(pd.DataFrame(rows))
    assert drawn[0] == shared
    assert len(drawn) == MAX_PANELS
