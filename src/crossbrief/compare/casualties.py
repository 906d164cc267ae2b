"""Casualties per event (or per place when no catalogue event applies)."""

from __future__ import annotations

import pandas as pd

from crossbrief.compare.figures import agree, stated
from crossbrief.compare.rules_text import SAME_TIME_DAYS
from crossbrief.compare.timeline import interval, label, periods
from crossbrief.topic import Topic

COLUMNS = [
    "subject",
    "event",
    "name",
    "outcome",
    "outlet",
    "published",
    "document",
    "group",
    "value",
    "low",
    "qualifier",
    "who",
    "location",
    "as_of",
    "window_start",
    "period",
    "claim",
    "quote",
]
SUMMARY_COLUMNS = [
    "subject",
    "name",
    "outcome",
    "window_start",
    "when",
    "sources",
    "independent",
    "values",
    "agree",
    "claims",
    "by_source",
]


def _window(value: object) -> str:
    """A counting window by its month: tolls counted from about the same start."""
    return value[:7] if isinstance(value, str) else ""


def casualty_rows(
    claims: pd.DataFrame, topic: Topic, same_time_days: int = SAME_TIME_DAYS
) -> pd.DataFrame:
    """Casualty figures outside captions. Each outcome is a measure of its own, a toll
    counted from a window start is compared only with tolls of the same window, and a
    toll tied to no catalogue event only with tolls of about the same time (``period``);
    the toll of a catalogue event is one quantity whenever it is reported."""
    rows = claims[(claims["measure"] == "casualty") & (~claims["in_caption"].astype(bool))].copy()
    names = {e.id: e.name for e in topic.events}
    rows["subject"] = [
        str(e)
        if isinstance(e, str) and e
        else f"in {loc if isinstance(loc, str) and loc else 'an unspecified place'}"
        for e, loc in zip(rows["event"], rows["location"], strict=True)
    ]
    rows["name"] = [names.get(s, s) for s in rows["subject"]]
    rows["outcome"] = rows["outcome"].fillna("casualties")
    rows["window_start"] = rows["window_start"].map(_window)
    rows["period"] = 0
    for _, part in rows.groupby(["subject", "outcome", "window_start"], sort=True):
        if str(part["subject"].iloc[0]) in names:
            continue
        found = periods(part.to_dict("records"), lambda r: interval(r.get("as_of")), same_time_days)
        rows.loc[part.index, "period"] = found
    rows = rows.sort_values(
        ["subject", "outcome", "published", "claim"], na_position="last", kind="stable"
    )
    return rows[COLUMNS].reset_index(drop=True)


def casualty_summary(rows: pd.DataFrame) -> pd.DataFrame:
    out = []
    keys = ["subject", "outcome", "window_start", "period"]
    for (subject, outcome, window, _), part in rows.groupby(keys, sort=True):
        spans = [s for s in (interval(v) for v in part["as_of"]) if s is not None]
        per_group = part.groupby("group", sort=True)["value"].first()
        values = sorted(set(per_group.tolist()))
        out.append(
            {
                "subject": subject,
                "name": part["name"].iloc[0],
                "outcome": outcome,
                "window_start": window,
                "when": label((min(s[0] for s in spans), max(s[1] for s in spans)))
                if spans
                else "",
                "sources": part["document"].nunique(),
                "independent": len(per_group),
                "values": "; ".join(f"{v:,.0f}" for v in values),
                "agree": all(agree(values[0], v) for v in values),
                "claims": " ".join(part["claim"]),
                "by_source": "; ".join(
                    f"{o}: {stated(v, q, low)}"
                    for o, v, q, low in zip(
                        part["outlet"], part["value"], part["qualifier"], part["low"], strict=True
                    )
                ),
            }
        )
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)
