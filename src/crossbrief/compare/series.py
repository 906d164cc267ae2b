"""Troop figures as series in time: per actor, location and measure, claims ordered by
their as-of date and cut into periods of about the same time.

Within a period independent sources are compared (a difference is a dispute); across
periods the series is a trajectory with a headline per period, and a step between
periods whose headlines do not agree is a change. One article contradicts itself only
when it gives figures for the same quantity as of the same date in different sentences.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pandas as pd

from crossbrief.compare.figures import agree, headline
from crossbrief.compare.timeline import Interval, interval, label, periods, phrase

SERIES_COLUMNS = [
    "group_key",
    "actor",
    "location",
    "measure",
    "period",
    "period_start",
    "period_end",
    "when",
    "sources",
    "independent",
    "values",
    "headline",
    "policy",
    "dispute",
    "by_source",
    "claims",
]
CHANGE_COLUMNS = [
    "group_key",
    "measure",
    "from_when",
    "to_when",
    "from_value",
    "to_value",
    "from_claims",
    "to_claims",
    "explanation",
]
#: The period of figures with no as-of date at all (no publication date either).
UNDATED = -1


def _span(row: dict[Any, Any]) -> Interval | None:
    return interval(row.get("as_of"))


def with_periods(rows: pd.DataFrame, same_time_days: int) -> pd.DataFrame:
    """``rows`` with a ``period`` number per group (``UNDATED`` without an as-of) and a
    ``period_key`` that names the group and the period."""
    rows = rows.copy()
    numbers: dict[Any, int] = {}
    for _, part in rows.groupby("group_key", sort=True):
        found = periods(part.to_dict("records"), _span, same_time_days)
        numbers.update(zip(part.index, found, strict=True))
    rows["period"] = [numbers.get(i, UNDATED) for i in rows.index]
    rows["period_key"] = rows["group_key"] + " | " + rows["period"].astype(str)
    return rows


def per_source(part: pd.DataFrame) -> pd.DataFrame:
    """One row per independent source of a period, in time order: its figure as of its
    latest as-of date there (the most common of those on a tie, then the first)."""
    out = []
    for _, rows in part.groupby("group", sort=True):
        ends = [s[1] if (s := interval(v)) else None for v in rows["as_of"]]
        dated = [e for e in ends if e is not None]
        latest = rows[[e == max(dated) for e in ends]] if dated else rows
        values = [float(v) for v in latest["value"]]
        best = max(values, key=lambda v: (values.count(v), -values.index(v)))
        out.append(latest[latest["value"] == best].iloc[0])
    table = pd.DataFrame(out, columns=part.columns)
    return table.sort_values(["as_of", "published", "group"], na_position="last", kind="stable")


def _values(reps: pd.DataFrame) -> list[tuple[str, str, float, str | None]]:
    return [
        (str(r["group"]), str(r["outlet"]), float(r["value"]), r["published"])
        for r in reps.to_dict("records")
    ]


def _stated(value: float) -> str:
    return f"{value:,.0f}"


def series_table(rows: pd.DataFrame, policy: str) -> pd.DataFrame:
    """One row per (group, period): when it is, who says what (each independent source
    by its latest figure in the period), the headline and whether independent sources
    dispute the figure then."""
    out = []
    for (key, number), part in rows.groupby(["group_key", "period"], sort=True):
        spans = [s for s in (interval(v) for v in part["as_of"]) if s is not None]
        span = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
        values = _values(per_source(part))
        numbers = [v for _, _, v, _ in values]
        chosen, _ = headline(values, policy)
        first = part.iloc[0]
        out.append(
            {
                "group_key": key,
                "actor": first["actor"],
                "location": first["location"],
                "measure": first["measure"],
                "period": int(str(number)),
                "period_start": span[0].isoformat() if span else None,
                "period_end": span[1].isoformat() if span else None,
                "when": label(span) if span else "no date",
                "sources": part["document"].nunique(),
                "independent": len(values),
                "values": "; ".join(_stated(v) for v in sorted(set(numbers))),
                "headline": chosen,
                "policy": policy,
                "dispute": len(values) >= 2 and not all(agree(numbers[0], v) for v in numbers),
                "by_source": "; ".join(f"{o}: {_stated(v)}" for _, o, v, _ in values),
                "claims": " ".join(part["claim"]),
            }
        )
    table = pd.DataFrame(out, columns=SERIES_COLUMNS)
    # dated periods in time order, the undated one last
    table["_undated"] = table["period"] == UNDATED
    table = table.sort_values(["group_key", "_undated", "period"], kind="stable")
    return table.drop(columns="_undated").reset_index(drop=True)


def _when(period: dict[Any, Any]) -> str:
    first, last = interval(period["period_start"]), interval(period["period_end"])
    return phrase((first[0], last[1])) if first and last else "with no date"


def _disputed(period: dict[Any, Any]) -> str:
    return f" (the {period['policy']} of a dispute)" if period["dispute"] else ""


def changes(series: pd.DataFrame) -> pd.DataFrame:
    """Steps between consecutive dated periods of a group whose headlines do not agree."""
    out = []
    dated = series[series["period"] != UNDATED]
    for key, part in dated.groupby("group_key", sort=True):
        records = part.to_dict("records")
        for before, after in pairwise(records):
            a, b = float(before["headline"]), float(after["headline"])
            if agree(a, b):
                continue
            out.append(
                {
                    "group_key": key,
                    "measure": before["measure"],
                    "from_when": before["when"],
                    "to_when": after["when"],
                    "from_value": a,
                    "to_value": b,
                    "from_claims": before["claims"],
                    "to_claims": after["claims"],
                    "explanation": f"{_stated(a)} {_when(before)}{_disputed(before)} -> "
                    f"{_stated(b)} {_when(after)}{_disputed(after)}",
                }
            )
    return pd.DataFrame(out, columns=CHANGE_COLUMNS)


def _one_figure_sentences(part: pd.DataFrame) -> list[list[float]]:
    """The figures of each sentence that gives one figure (or figures that agree); a
    sentence with figures that differ states a sequence ("from 2,200 to 600") whose
    ends hold at different, untold times."""
    out = []
    for _, rows in part.groupby("sentence", sort=False):
        values = [float(v) for v in rows["value"]]
        if all(agree(values[0], v) for v in values):
            out.append(values)
    return out


def internal(rows: pd.DataFrame) -> list[dict[str, Any]]:
    """Per article and headcount series: figures as of the same date, in different
    sentences, that do not agree. A sentence that states a sequence ("from about 2,000
    to fewer than 1,000") is never one side of a contradiction, and changes (withdrawn,
    additional) are events, not a level, so two of them in one article are two events.
    Figures the article attributes to different sources report a dispute; the article
    does not contradict itself."""
    out = []
    headcounts = rows[rows["measure"] == "headcount"].assign(
        _said=rows["attributed_to"].fillna("").astype(str)
    )
    for (_, document, when, _), part in headcounts.groupby(
        ["group_key", "document", "as_of", "_said"], sort=True, dropna=True
    ):
        sentences = _one_figure_sentences(part)
        clash = any(
            not agree(a, b)
            for i, first in enumerate(sentences)
            for other in sentences[i + 1 :]
            for a in first
            for b in other
        )
        if not clash:
            continue
        values = sorted({v for s in sentences for v in s})
        first = part.iloc[0]
        shown = ", ".join(_stated(v) for v in values[:8])
        more = f" and {len(values) - 8} other figures" if len(values) > 8 else ""
        out.append(
            {
                "type": "internal",
                "subject": f"{first['actor']} troops, {first['location']}, {first['measure']}",
                "side_a": part.iloc[0]["claim"],
                "side_b": " ".join(part["claim"].iloc[1:]),
                "explanation": (
                    f"{first['outlet']} ({document}) gives {shown}{more} "
                    f"in different sentences, all as of {when}"
                ),
            }
        )
    return out
