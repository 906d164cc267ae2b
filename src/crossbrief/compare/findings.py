"""Key findings (bottom line up front): short sentences generated from the comparison
tables, each carrying the ids of the claims and rows that support it. A sentence is
only written from table rows; no row, no sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from crossbrief.compare.events import per_event
from crossbrief.compare.phrasing import MAX_VALUES, count, stated, text_of
from crossbrief.compare.trajectory import troop_findings

__all__ = ["Inputs", "findings", "text_of"]


def attack_findings(attacks: pd.DataFrame, flags: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    if len(attacks) >= 2:
        parts = []
        for row in attacks.to_dict("records")[:MAX_VALUES]:
            cite = (
                f", citing {text_of(row['attributed_to'])}" if text_of(row["attributed_to"]) else ""
            )
            since = f" since {text_of(row['window_start'])}" if text_of(row["window_start"]) else ""
            parts.append(f"{stated(row)}{since} as of {row['as_of']} ({row['outlet']}{cite})")
        out.append(
            {
                "text": "Cumulative attack counts: "
                + "; ".join(parts)
                + (f"; and {len(attacks) - MAX_VALUES} more" if len(attacks) > MAX_VALUES else "")
                + ".",
                "evidence": attacks["claim"].tolist(),
                "table": "attacks",
                "row": "",
                "likelihood": None,
            }
        )
    for flag in flags.to_dict("records"):
        out.append(
            {
                "text": flag["explanation"][0].upper() + flag["explanation"][1:] + ".",
                "evidence": [flag["earlier"], flag["later"]],
                "table": "attack_flags",
                "row": f"{flag['earlier']}-{flag['later']}",
                "likelihood": None,
            }
        )
    return out


def event_findings(dates: pd.DataFrame, disagreements: pd.DataFrame) -> list[dict[str, Any]]:
    """One finding per event whose sources give dates that do not overlap, listing
    every source's date."""
    between = disagreements[disagreements["second"] != "catalogue"]
    return [
        {
            "text": f"Sources disagree on a date: {row['explanation']}.",
            "evidence": str(row["mentions"]).split(),
            "table": "event_date_findings",
            "row": row["event"],
            "category": "event_disagreements",
            "likelihood": None,
        }
        for row in per_event(dates, between).to_dict("records")
    ]


def conflict_findings(conflicts: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {
            "text": f"Internal inconsistency: {row['explanation']}.",
            "evidence": [row["side_a"]],
            "table": "conflicts",
            "row": row["conflict"],
            "likelihood": None,
        }
        for row in conflicts[conflicts["type"].isin(["weekday", "internal"])].to_dict("records")
    ]


def casualty_findings(summary: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in summary[summary["independent"] >= 2].to_dict("records"):
        verdict = "agree" if row["agree"] else "differ"
        subject = str(row["subject"])
        where = (
            f"{subject} as of {row['when']}"
            if subject.startswith("in ")
            else f'in the event catalogued as "{row["name"]}"'
        )
        since = f" (counted since {row['window_start']})" if text_of(row["window_start"]) else ""
        outcome = str(row["outcome"]).replace("_", " ")
        out.append(
            {
                "text": f"{count(int(row['independent'])).capitalize()} sources {verdict} "
                f"on the number {outcome} {where}{since}: {row['by_source']}.",
                "evidence": row["claims"].split(),
                "table": "casualties",
                "row": subject,
                "likelihood": None,
            }
        )
    return out


@dataclass(frozen=True)
class Inputs:
    """The comparison tables findings are written from."""

    troop_rows: pd.DataFrame
    troop_groups: pd.DataFrame
    troop_series: pd.DataFrame
    troop_changes: pd.DataFrame
    attacks: pd.DataFrame
    flags: pd.DataFrame
    event_dates: pd.DataFrame
    disagreements: pd.DataFrame
    conflicts: pd.DataFrame
    casualty_summary: pd.DataFrame


def findings(tables: Inputs) -> list[dict[str, Any]]:
    items = troop_findings(
        tables.troop_rows, tables.troop_groups, tables.troop_series, tables.troop_changes
    )
    items += attack_findings(tables.attacks, tables.flags)
    items += casualty_findings(tables.casualty_summary)
    items += event_findings(tables.event_dates, tables.disagreements)
    items += conflict_findings(tables.conflicts)
    items = [i for i in items if i["evidence"]]
    ranks: dict[str, int] = {}
    for n, item in enumerate(items, 1):
        item["id"] = f"F{n}"
        category = item.get("category") or item["table"]
        item["category"] = category
        item["rank"] = ranks.get(category, 0)  # order within its category, most sources first
        ranks[category] = item["rank"] + 1
    return items
