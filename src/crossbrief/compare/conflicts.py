"""Every disagreement and internal inconsistency, each with the ids on both sides and
a one-line explanation."""

from __future__ import annotations

import pandas as pd

from crossbrief.compare.figures import agree, mode_of
from crossbrief.compare.series import internal, per_source
from crossbrief.compare.timeline import interval, weekday_years
from crossbrief.records import Extraction, TimeValue

COLUMNS = ["conflict", "type", "subject", "side_a", "side_b", "explanation"]


def _fmt(value: float) -> str:
    return f"{value:,.0f}"


def _outlets(rows: pd.DataFrame) -> str:
    return ", ".join(sorted(set(rows["outlet"])))


def value_conflicts(troops: pd.DataFrame, series: pd.DataFrame) -> list[dict[str, str]]:
    """Disputes: periods of a series in which independent sources give figures that do
    not agree (``troops`` carries the ``period_key`` of :func:`series.with_periods`)."""
    when = {
        f"{k} | {p}": w
        for k, p, w in zip(series["group_key"], series["period"], series["when"], strict=True)
    }
    out = []
    for period_key, part in troops.groupby("period_key", sort=True):
        per_group = per_source(part)
        values = [float(v) for v in per_group["value"]]
        if all(agree(values[0], v) for v in values):
            continue
        mode = mode_of(values)
        near = [agree(float(v), mode) for v in part["value"]]
        side_a = part[near]
        side_b = part[[not n for n in near]]
        first = part.iloc[0]
        subject = (
            f"{first['actor']} troops, {first['location']}, {first['measure']}, "
            f"{when.get(str(period_key), 'no date')}"
        )
        out.append(
            {
                "type": "dispute",
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


_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_text(outlet: str, date: TimeValue) -> str:
    day = date.value or ""
    actual = (date.note or "").rsplit(" is a ", 1)[-1]
    text = f'{outlet} writes "{date.text}", but {day} was a {actual}'
    named = (date.note or "").removeprefix("says ").split(" ", 1)[0].lower()
    when = interval(day)
    if named in _DAYS and when is not None:
        before, after = weekday_years(when[0], _DAYS.index(named))
        years = [str(y) for y in (before, after) if y is not None]
        if years:
            text += (
                f"; {named.capitalize()}, {when[0].day} {when[0].strftime('%B')} fits "
                + " or ".join(years)
            )
    return text


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
    series: pd.DataFrame,
    flags: pd.DataFrame,
    dates: pd.DataFrame,
    extractions: list[Extraction],
    outlets: dict[str, str],
) -> pd.DataFrame:
    """``dates`` has one row per event whose sources (or source and catalogue) disagree."""
    rows: list[dict[str, str]] = []
    rows += value_conflicts(troops, series)
    rows += internal(troops)
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
            "side_a": d["mentions"],
            "side_b": "",
            "explanation": d["explanation"],
        }
        for d in dates.to_dict("records")
    ]
    rows += weekday_conflicts(extractions, outlets)
    for i, row in enumerate(rows, 1):
        row["conflict"] = f"C{i}"
    return pd.DataFrame(rows, columns=COLUMNS)
