"""Attack counts: each with its window and as-of date, the weekly rate it implies, and
the pairs that break cumulative consistency."""

from __future__ import annotations

import datetime as dt
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
#: Flagged pairs listed at most (a large corpus of falling counts would list millions).
MAX_FLAGS = 2000
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


def scope(row: dict[Any, Any]) -> tuple[str, frozenset[str]]:
    """What a count counts: attacks on whom, where. Only counts of one scope are one
    cumulative series (attacks on ships in the Red Sea are no part of a count of
    attacks on bases in Iraq and Syria, whatever their windows)."""
    target = row.get("target")
    places = row.get("locations")
    where = str(places) if isinstance(places, str) else ""
    return (
        str(target) if isinstance(target, str) else "",
        frozenset(p.strip() for p in where.split(",") if p.strip()),
    )


def consistency_flags(rows: pd.DataFrame) -> pd.DataFrame:
    """Pairs of one scope whose windows start about the same time where the later count
    is lower."""
    flags: list[dict[str, Any]] = []
    dated = []
    for row in rows.to_dict("records"):
        start = day_of(row["window_start"], middle="mid" in str(row["window_text"]).lower())
        end = day_of(row["as_of"])
        if start and end:
            dated.append((start, end, row))
    dated.sort(key=lambda item: (item[0], str(item[2]["claim"])))
    for i, (start_a, end_a, a) in enumerate(dated):
        # windows sorted by start: only the next few start within the tolerance
        for j in range(i + 1, len(dated)):
            start_b, end_b, b = dated[j]
            if (start_b - start_a).days > WINDOW_TOLERANCE_DAYS or len(flags) >= MAX_FLAGS:
                break
            if end_a == end_b or scope(a) != scope(b):
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
                            "for a window starting about the same time; "
                            "a cumulative count cannot fall"
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
    low = row.get("low")
    if row["qualifier"] == "range" and isinstance(low, float) and not pd.isna(low):
        return f"{low:,.0f}–{float(row['value']):,.0f} attacks"
    return f"{words.get(str(row['qualifier']), '')}{float(row['value']):,.0f} attacks"
