"""Every disagreement and internal inconsistency, each with the ids on both sides and
a one-line explanation."""

from __future__ import annotations

import pandas as pd

from crossbrief.compare.figures import agree, mode_of
from crossbrief.records import Extraction, TimeValue

COLUMNS = ["conflict", "type", "subject", "side_a", "side_b", "explanation"]


def _fmt(value: float) -> str:
    return f"{value:,.0f}"


def _outlets(rows: pd.DataFrame) -> str:
    return ", ".join(sorted(set(rows["outlet"])))


def value_conflicts(troops: pd.DataFrame) -> list[dict[str, str]]:
    """Troop groups whose independent sources give figures that do not agree."""
    out = []
    for _, part in troops.groupby("group_key", sort=True):
        per_group = part.groupby("group", sort=True).agg(
            value=("value", "first"), outlet=("outlet", "first")
        )
        values = [float(v) for v in per_group["value"]]
        if all(agree(values[0], v) for v in values):
            continue
        mode = mode_of(values)
        near = [agree(float(v), mode) for v in part["value"]]
        side_a = part[near]
        side_b = part[[not n for n in near]]
        first = part.iloc[0]
        subject = f"{first['actor']} troops, {first['location']}, {first['kind_class']}"
        out.append(
            {
                "type": "value",
                "subject": subject,
                "side_a": " ".join(side_a["claim"]),
                "side_b": " ".join(side_b["claim"]),
                "explanation": (
                    f"{_fmt(mode)} by {_outlets(side_a)}; "
                    + "; ".join(
                        f"{_fmt(float(str(v)))} by {', '.join(sorted(set(rows['outlet'])))}"
                        for v, rows in list(side_b.groupby("value", sort=True))[:5]
                    )
                    + (
                        f"; and {len(set(side_b['value'])) - 5} other figures"
                        if len(set(side_b["value"])) > 5
                        else ""
                    )
                ),
            }
        )
    return out


def internal_conflicts(troops: pd.DataFrame) -> list[dict[str, str]]:
    """One document giving figures for the same group that do not agree."""
    out = []
    for (_, document), part in troops.groupby(["group_key", "document"], sort=True):
        values = sorted(set(part["value"]))
        if all(agree(values[0], v) for v in values):
            continue
        first = part.iloc[0]
        out.append(
            {
                "type": "internal",
                "subject": f"{first['actor']} troops, {first['location']}",
                "side_a": part.iloc[0]["claim"],
                "side_b": " ".join(part["claim"].iloc[1:]),
                "explanation": (
                    f"{first['outlet']} ({document}) gives {', '.join(_fmt(v) for v in values[:8])}"
                    + (f" and {len(values) - 8} other figures" if len(values) > 8 else "")
                ),
            }
        )
    return out


def _weekday_text(outlet: str, date: TimeValue) -> str:
    day = date.value or ""
    actual = (date.note or "").rsplit(" is a ", 1)[-1]
    return f'{outlet} writes "{date.text}", but {day} was a {actual}'


def weekday_conflicts(
    extractions: list[Extraction], outlets: dict[str, str]
) -> list[dict[str, str]]:
    """A weekday that contradicts the date it stands with, inside one article."""
    out = []
    for extraction in extractions:
        items = [(e.id, e.date, e.quote) for e in extraction.events]
        items += [(d.id, d.date, d.quote) for d in extraction.other_dated]
        seen: set[tuple[int, int]] = set()
        outlet = outlets.get(extraction.document, extraction.document)
        for item_id, date, _ in items:
            if (
                date is None
                or not (date.note or "").startswith("says ")
                or (date.start, date.end) in seen
            ):
                continue
            seen.add((date.start, date.end))
            out.append(
                {
                    "type": "weekday",
                    "subject": f'"{date.text}" in {outlet}',
                    "side_a": item_id,
                    "side_b": "",
                    "explanation": _weekday_text(outlet, date),
                }
            )
    return out


def conflicts(
    troops: pd.DataFrame,
    flags: pd.DataFrame,
    dates: pd.DataFrame,
    extractions: list[Extraction],
    outlets: dict[str, str],
) -> pd.DataFrame:
    rows: list[dict[str, str]] = []
    rows += value_conflicts(troops)
    rows += internal_conflicts(troops)
    rows += [
        {
            "type": "cumulative",
            "subject": "attack counts",
            "side_a": f["earlier"],
            "side_b": f["later"],
            "explanation": f["explanation"],
        }
        for f in flags.to_dict("records")
    ]
    rows += [
        {
            "type": "date",
            "subject": d["name"],
            "side_a": d["first_mention"],
            "side_b": d["second_mention"],
            "explanation": d["explanation"],
        }
        for d in dates.to_dict("records")
    ]
    rows += weekday_conflicts(extractions, outlets)
    for i, row in enumerate(rows, 1):
        row["conflict"] = f"C{i}"
    return pd.DataFrame(rows, columns=COLUMNS)
