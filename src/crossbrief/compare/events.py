"""Events across sources: who mentions which catalogue event with what date, and every
date on which sources, or a source and the catalogue, disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import pandas as pd

from crossbrief.compare.timeline import interval, overlap
from crossbrief.topic import Topic

DATE_COLUMNS = [
    "event",
    "name",
    "catalogue_date",
    "outlet",
    "published",
    "document",
    "date",
    "granularity",
    "date_text",
    "terms",
    "mention",
    "quote",
]
DISAGREEMENT_COLUMNS = [
    "event",
    "name",
    "first",
    "second",
    "first_date",
    "second_date",
    "first_mention",
    "second_mention",
    "explanation",
]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _said(row: dict[Any, Any], name: str) -> str:
    return f"{row['outlet']} dates '{name}' {row['date']} (\"{_text(row['date_text'])}\")"


def compatible(a: str, b: str) -> bool:
    """Two ISO dates agree when the intervals they cover at their granularities overlap
    ("2020-W01" and "2020-01-03"); values that are no date agree at the coarser prefix."""
    first, second = interval(a), interval(b)
    if first is not None and second is not None:
        return overlap(first, second)
    n = min(len(a), len(b))
    return a[:n] == b[:n]


SUMMARY_COLUMNS = ["event", "name", "sources", "dates", "mentions", "explanation"]


def per_event(dates: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """One row per event with any disagreement: every source's date (and the catalogue's)."""
    out = []
    for event_id, part in rows.groupby("event", sort=False):
        given = dates[(dates["event"] == event_id) & dates["date"].notna()]
        catalogue = given.iloc[0]["catalogue_date"] if len(given) else None
        listed = [
            f'{r["outlet"]} {r["date"]} ("{_text(r["date_text"])}")'
            for r in given.to_dict("records")
        ]
        if isinstance(catalogue, str) and catalogue:
            listed.append(f"the catalogue {catalogue}")
        out.append(
            {
                "event": event_id,
                "name": part.iloc[0]["name"],
                "sources": len(given),
                "dates": "; ".join(listed),
                "mentions": " ".join(given["mention"]),
                "explanation": f"the event {part.iloc[0]['name']} is dated by " + "; ".join(listed),
            }
        )
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)


def event_dates(events: pd.DataFrame, topic: Topic) -> pd.DataFrame:
    """One row per (event, source): the first mention that gives a date, else the first."""
    rows = []
    # per (event, document): the first dated mention in text order, else the first mention
    ordered = events.assign(_undated=events["date"].isna()).sort_values(
        ["event", "document", "_undated", "start"], kind="stable"
    )
    firsts = ordered.drop_duplicates(["event", "document"], keep="first")
    for chosen in firsts.to_dict("records"):
        event_id, document = chosen["event"], chosen["document"]
        event = topic.event(str(event_id))
        rows.append(
            {
                "event": event_id,
                "name": event.name if event else event_id,
                "catalogue_date": event.date if event else None,
                "outlet": chosen["outlet"],
                "published": chosen["published"],
                "document": document,
                "date": chosen["date"],
                "granularity": chosen["granularity"],
                "date_text": chosen["date_text"],
                "terms": chosen["terms"],
                "mention": chosen["mention"],
                "quote": chosen["quote"],
            }
        )
    table = pd.DataFrame(rows, columns=DATE_COLUMNS)
    order = {e.id: i for i, e in enumerate(topic.events)}
    table["_order"] = table["event"].map(lambda e: order.get(e, len(order)))
    table = table.sort_values(
        ["_order", "published", "document"], na_position="last", kind="stable"
    )
    return table.drop(columns="_order").reset_index(drop=True)


def matrix(dates: pd.DataFrame, sources: list[str]) -> pd.DataFrame:
    """Event x source: the date each source gives ("mentioned" when it gives none)."""
    rows = []
    for event_id, part in dates.groupby("event", sort=False):
        first = part.iloc[0]
        row = {"event": event_id, "name": first["name"], "catalogue_date": first["catalogue_date"]}
        for source in sources:
            given = part[part["outlet"] == source]
            if len(given) == 0:
                row[source] = ""
            else:
                date = given.iloc[0]["date"]
                row[source] = date if isinstance(date, str) and date else "mentioned"
        rows.append(row)
    return pd.DataFrame(rows, columns=["event", "name", "catalogue_date", *sources])


#: Up to this many sources, every pair of dates is compared; beyond it each source is
#: compared with the date most sources give, so the table grows with the sources, not
#: with their square.
MAX_PAIRWISE = 20


def _pairs(given: list[dict[Any, Any]]) -> Iterable[tuple[dict[Any, Any], dict[Any, Any]]]:
    if len(given) <= MAX_PAIRWISE:
        return combinations(given, 2)
    counts = Counter(str(g["date"]) for g in given)
    modal = max(counts, key=lambda d: (counts[d], -len(d), d))
    reference = next(g for g in given if str(g["date"]) == modal)
    return ((reference, g) for g in given if g is not reference)


def disagreements(dates: pd.DataFrame) -> pd.DataFrame:
    """Every pair of sources, and every source and the catalogue, whose dates for an
    event do not agree at the coarser granularity."""
    rows = []
    for event_id, part in dates.groupby("event", sort=False):
        given = part[part["date"].notna()].to_dict("records")
        name = part.iloc[0]["name"]
        for a, b in _pairs(given):
            if not compatible(str(a["date"]), str(b["date"])):
                rows.append(
                    {
                        "event": event_id,
                        "name": name,
                        "first": a["outlet"],
                        "second": b["outlet"],
                        "first_date": a["date"],
                        "second_date": b["date"],
                        "first_mention": a["mention"],
                        "second_mention": b["mention"],
                        "explanation": (
                            f"{_said(a, name)}, "
                            f'{b["outlet"]} {b["date"]} ("{_text(b["date_text"])}")'
                        ),
                    }
                )
        catalogue = part.iloc[0]["catalogue_date"]
        if isinstance(catalogue, str) and catalogue:
            for a in given:
                if not compatible(str(a["date"]), str(catalogue)):
                    rows.append(
                        {
                            "event": event_id,
                            "name": name,
                            "first": a["outlet"],
                            "second": "catalogue",
                            "first_date": a["date"],
                            "second_date": catalogue,
                            "first_mention": a["mention"],
                            "second_mention": "",
                            "explanation": (f"{_said(a, name)}; the catalogue has {catalogue}"),
                        }
                    )
    return pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)
