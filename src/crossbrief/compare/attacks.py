"""Attack counts: each with its window and as-of date, the weekly rate it implies, and
the pairs that break cumulative consistency."""

from __future__ import annotations

import datetime as dt
from itertools import combinations
from typing import Any

import pandas as pd

from crossbrief.compare.rules_text import WINDOW_TOLERANCE_DAYS

ATTACK_COLUMNS = [
    "claim",
    "outlet",
    "published",
    "document",
    "group",
    "value",
    "qualifier",
    "low",
    "high",
    "window_start",
    "window_text",
    "as_of",
    "target",
    "locations",
    "attributed_to",
    "weeks",
    "rate_per_week",
    "quote",
]
FLAG_COLUMNS = ["earlier", "later", "earlier_outlet", "later_outlet", "explanation"]


def day_of(
    value: str | None, granularity: str | None = None, middle: bool = False
) -> dt.date | None:
    """A representative day of an ISO value at its granularity (the middle of a month
    for "mid-" windows, else its first day)."""
    if not isinstance(value, str) or not value:  # missing cells are None or NaN
        return None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 15 if middle else 1)
        if len(value) == 4:
            return dt.date(int(value), 7 if middle else 1, 1)
    except ValueError:
        return None
    return None


def attack_rows(claims: pd.DataFrame) -> pd.DataFrame:
    rows = claims[
        (claims["measure"] == "attack_count") & (~claims["in_caption"].astype(bool))
    ].copy()
    weeks: list[float | None] = []
    rates: list[float | None] = []
    for _, row in rows.iterrows():
        start = day_of(
            row["window_start"],
            row["window_granularity"],
            middle="mid" in str(row["window_text"]).lower(),
        )
        end = day_of(row["as_of"])
        if start and end and end > start:
            span = (end - start).days / 7
            weeks.append(round(span, 1))
            rates.append(round(float(row["value"]) / span, 2))
        else:
            weeks.append(None)
            rates.append(None)
    rows["weeks"] = weeks
    rows["rate_per_week"] = rates
    rows = rows.sort_values(["as_of", "published", "claim"], na_position="last", kind="stable")
    return rows[ATTACK_COLUMNS].reset_index(drop=True)


def consistency_flags(rows: pd.DataFrame) -> pd.DataFrame:
    """Pairs whose windows start about the same time where the later count is lower."""
    flags = []
    records = rows.to_dict("records")
    for a, b in combinations(records, 2):
        start_a = day_of(a["window_start"], middle="mid" in str(a["window_text"]).lower())
        start_b = day_of(b["window_start"], middle="mid" in str(b["window_text"]).lower())
        end_a, end_b = day_of(a["as_of"]), day_of(b["as_of"])
        if not (start_a and start_b and end_a and end_b) or end_a == end_b:
            continue
        if abs((start_a - start_b).days) > WINDOW_TOLERANCE_DAYS:
            continue
        earlier, later = (a, b) if end_a < end_b else (b, a)
        if float(later["value"]) < float(earlier["value"]):
            flags.append(
                {
                    "earlier": earlier["claim"],
                    "later": later["claim"],
                    "earlier_outlet": earlier["outlet"],
                    "later_outlet": later["outlet"],
                    "explanation": (
                        f"{later['outlet']} counts {_phrase(later)} as of {later['as_of']}, "
                        f"fewer than the {_phrase(earlier)} {earlier['outlet']} reports as of "
                        f"{earlier['as_of']} "
                        f"for a window starting about the same time; a cumulative count cannot fall"
                    ),
                }
            )
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def _phrase(row: dict[Any, Any]) -> str:
    words = {
        "more_than": "over ",
        "approx": "about ",
        "at_least": "at least ",
        "up_to": "up to ",
        "fewer_than": "fewer than ",
    }
    return f"{words.get(str(row['qualifier']), '')}{float(row['value']):,.0f} attacks"
