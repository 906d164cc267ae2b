"""Events across sources: who mentions which catalogue event with what date, and every
date on which sources, or a source and the catalogue, disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import pandas as pd

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
    """Two ISO dates agree at the coarser of their granularities."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


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
