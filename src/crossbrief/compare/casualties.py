"""Casualties per event (or per place when no catalogue event applies)."""

from __future__ import annotations

import pandas as pd

from crossbrief.compare.figures import agree, stated
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
    "claim",
    "quote",
]
SUMMARY_COLUMNS = [
    "subject",
    "name",
    "outcome",
    "sources",
    "independent",
    "values",
    "agree",
    "claims",
    "by_source",
]


def casualty_rows(claims: pd.DataFrame, topic: Topic) -> pd.DataFrame:
    rows = claims[(claims["measure"] == "casualty") & (~claims["in_caption"].astype(bool))].copy()
    names = {e.id: e.name for e in topic.events}
    rows["subject"] = [
        str(e)
        if isinstance(e, str) and e
        else f"in {loc if isinstance(loc, str) and loc else 'an unspecified place'}"
        for e, loc in zip(rows["event"], rows["location"], strict=True)
    ]
    rows["name"] = [names.get(s, s) for s in rows["subject"]]
    rows = rows.sort_values(
        ["subject", "outcome", "published", "claim"], na_position="last", kind="stable"
    )
    return rows[COLUMNS].reset_index(drop=True)


def casualty_summary(rows: pd.DataFrame) -> pd.DataFrame:
    out = []
    for (subject, outcome), part in rows.groupby(["subject", "outcome"], sort=True):
        per_group = part.groupby("group", sort=True)["value"].first()
        values = sorted(set(per_group.tolist()))
        out.append(
            {
                "subject": subject,
                "name": part["name"].iloc[0],
                "outcome": outcome,
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
