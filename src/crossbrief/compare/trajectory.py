"""Key findings on troop figures over time: per series, who said what in each period
(a dispute when independent sources differ then), the trajectory across periods and
every large change between them."""

from __future__ import annotations

from typing import Any

import pandas as pd

from crossbrief.compare.figures import Agreement, agree, mode_of
from crossbrief.compare.phrasing import (
    MAX_VALUES,
    count,
    figure,
    likelihood,
    source,
    stated,
    text_of,
)
from crossbrief.compare.series import UNDATED, per_source
from crossbrief.compare.timeline import interval, label, phrase

#: Outlets a trajectory step names before it says how many more there are.
MAX_NAMED = 4


def who_said_what(first_rows: pd.DataFrame) -> tuple[str, float, str | None]:
    """ "2,500 by three sources (A; B; C) and 3,000 by one source (D)", the mode and the
    likelihood word, from one row per independent source."""
    numbers = [float(x) for x in first_rows["value"]]
    agreement = Agreement(numbers)
    values = sorted(set(numbers), key=lambda v: (-agreement.count(v), v))
    clauses = []
    for value in values[:MAX_VALUES]:
        givers = first_rows[first_rows["value"] == value]
        names = "; ".join(source(r) for _, r in givers.iterrows())
        n = len(givers)
        clauses.append(f"{figure(value)} by {count(n)} source{'s' if n != 1 else ''} ({names})")
    rest = values[MAX_VALUES:]
    if rest:
        others = first_rows[first_rows["value"].isin(rest)]
        clauses.append(
            f"{count(len(rest))} other figures ({figure(min(rest))} to {figure(max(rest))}) "
            f"by {count(len(others))} sources"
        )
    mode = mode_of(numbers)
    support = sum(agree(v, mode) for v in numbers)
    return " and ".join(clauses), mode, likelihood(support, len(numbers))


def _named(outlets: list[str]) -> str:
    unique = list(dict.fromkeys(outlets))
    shown = "; ".join(unique[:MAX_NAMED])
    more = len(unique) - MAX_NAMED
    return shown + (f"; and {more} more" if more > 0 else "")


def _steps(periods: list[dict[str, Any]], part: pd.DataFrame) -> list[str]:
    """The trajectory in words: consecutive periods whose headlines agree are one step."""
    merged: list[tuple[float, list[dict[str, Any]]]] = []
    for period in periods:
        value = float(period["headline"])
        joins = merged and not period["dispute"] and not merged[-1][1][-1]["dispute"]
        if joins and agree(merged[-1][0], value) and period["period"] != UNDATED:
            merged[-1][1].append(period)
        else:
            merged.append((value, [period]))
    steps = []
    for value, group in merged:
        spans = [s for p in group for s in (interval(p["period_start"]), interval(p["period_end"]))]
        known = [s for s in spans if s is not None]
        when = phrase((known[0][0], known[-1][1])) if known else "with no date"
        claims = {c for p in group for c in str(p["claims"]).split()}
        rows = part[part["claim"].isin(claims)]
        firsts = per_source(rows)
        givers = firsts[[agree(float(v), value) for v in firsts["value"]]]
        if any(p["dispute"] for p in group) or givers.empty:
            # a disputed period: its headline by the policy, and what each source says
            said = [f"{source(r)}: {figure(float(r['value']))}" for _, r in firsts.iterrows()]
            policy = group[0]["policy"]
            steps.append(f"{figure(value)} {when} (the {policy} of a dispute: {_named(said)})")
        else:
            named = _named([source(r) for _, r in givers.iterrows()])
            steps.append(f"{figure(value)} {when} ({named})")
    return steps


def change_finding(group: dict[Any, Any], part: pd.DataFrame) -> list[dict[str, Any]]:
    """A change (withdrawn, additional, deployed) per source, as of its date."""
    out = []
    for row in part.drop_duplicates("group").to_dict("records"):
        span = interval(row["as_of"])
        when = f" as of {label(span)}" if span else ""
        cited = text_of(row["attributed_to"])
        out.append(
            {
                "text": (
                    f"{row['outlet']} reports {stated(row)} {row['kind']} "
                    f"{group['actor']} troops for {group['location']}{when}"
                    + (f", attributed to {cited}" if cited else "")
                    + "; this is a change, not a headcount, and is kept apart "
                    "from the headcounts."
                ),
                "evidence": part[part["group"] == row["group"]]["claim"].tolist(),
                "table": "troop_groups",
                "row": group["group_key"],
                "category": "change_report",
                "likelihood": None,
            }
        )
    return out


def series_findings(
    group: dict[Any, Any], part: pd.DataFrame, series: pd.DataFrame, changes: pd.DataFrame
) -> list[dict[str, Any]]:
    """The findings of one headcount or planned series."""
    subject = f"{group['actor']} troops in {group['location']} ({group['measure']})"
    periods = series[series["group_key"] == group["group_key"]].to_dict("records")
    out = []
    for period in periods:
        if len(periods) > 1 and not period["dispute"]:
            continue
        rows = part[part["period"] == period["period"]]
        said, mode, word = who_said_what(per_source(rows))
        head = "Sources dispute " if period["dispute"] else ""
        text = f"{head}{subject}, as of {period['when']}: {said}."
        if word:
            text += f" The figure is {word} about {figure(mode)}."
        out.append(
            {
                "text": text[0].upper() + text[1:],
                "evidence": rows["claim"].tolist(),
                "table": "troop_series",
                "row": f"{group['group_key']} | {period['period']}",
                "category": "dispute" if period["dispute"] else "troop_groups:" + group["measure"],
                "likelihood": word,
            }
        )
    if len(periods) > 1:
        out.append(
            {
                "text": f"{subject} over time: " + " -> ".join(_steps(periods, part)) + ".",
                "evidence": part["claim"].tolist(),
                "table": "troop_series",
                "row": group["group_key"],
                "category": "trajectory",
                "likelihood": None,
            }
        )
    for step in changes[changes["group_key"] == group["group_key"]].to_dict("records"):
        before = part[part["claim"].isin(str(step["from_claims"]).split())]
        after = part[part["claim"].isin(str(step["to_claims"]).split())]
        out.append(
            {
                "text": (
                    f"Change: {subject}, {step['explanation']} "
                    f"({_named(before['outlet'].tolist())} -> {_named(after['outlet'].tolist())})."
                ),
                "evidence": [*before["claim"], *after["claim"]],
                "table": "troop_changes",
                "row": group["group_key"],
                "category": "change",
                "likelihood": None,
            }
        )
    return out


def troop_findings(
    rows: pd.DataFrame, groups: pd.DataFrame, series: pd.DataFrame, changes: pd.DataFrame
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    order = {"headcount": 0, "planned": 1, "change": 2}
    ordered = sorted(
        groups.to_dict("records"),
        key=lambda g: (order.get(str(g["kind_class"]), 3), -int(g["independent"]), g["group_key"]),
    )
    for group in ordered:
        part = rows[rows["group_key"] == group["group_key"]]
        if group["kind_class"] == "change":
            out += change_finding(group, part)
        else:
            out += series_findings(group, part, series, changes)
    return out
