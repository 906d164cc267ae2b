"""Revisions: a figure its source gives as a correction of an earlier one ("not the
900 previously stated", "raising the previous estimate of 3,000") is a revision
finding; the earlier figure, when it was read as a claim of its own in that sentence,
is superseded and not compared with other sources."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd

from crossbrief.compare.phrasing import figure, stated, text_of
from crossbrief.compare.timeline import interval, label

RULE = (
    "A figure its source gives as a correction of an earlier figure ('not the 900 "
    "previously stated', 'raising the previous estimate of 3,000', 'revised its figure "
    "from 40 to 52') is a revision; the earlier figure, where the same sentence gives it, "
    "is superseded and not compared with other sources."
)


def _revising(claims: pd.DataFrame) -> pd.DataFrame:
    if "revises" not in claims.columns:
        return claims.iloc[0:0]
    return claims[claims["revises"].notna() & ~claims["in_caption"].astype(bool)]


def superseded(claims: pd.DataFrame) -> set[str]:
    """Claims that are the earlier figure a claim of the same sentence corrects."""
    out: set[str] = set()
    for row in _revising(claims).to_dict("records"):
        same = claims[
            (claims["document"] == row["document"])
            & (claims["sentence"] == row["sentence"])
            & (claims["measure"] == row["measure"])
            & (claims["value"] == row["revises"])
        ]
        out.update(str(c) for c in same["claim"])
    return out


def _subject(row: Mapping[Hashable, Any]) -> str:
    if row["measure"] == "troop_figure":
        actor, place = text_of(row["actor"]), text_of(row["location"])
        return f"{actor + ' ' if actor else ''}troops" + (f" in {place}" if place else "")
    if row["measure"] == "casualty":
        outcome = text_of(row["outcome"]).replace("_", " ")
        who = text_of(row["who"])
        return f"the number {outcome or 'hit'}" + (f" ({who})" if who else "")
    target = text_of(row["target"])
    return "attacks" + (f" on {target}" if target else "")


def revision_findings(claims: pd.DataFrame) -> list[dict[str, Any]]:
    """One finding per figure that corrects an earlier one."""
    old = superseded(claims)
    out = []
    for row in _revising(claims).to_dict("records"):
        span = interval(row["as_of"]) if text_of(row["as_of"]) else None
        when = f" as of {label(span)}" if span else ""
        cited = text_of(row["attributed_to"])
        earlier = claims[
            claims["claim"].isin(old)
            & (claims["document"] == row["document"])
            & (claims["sentence"] == row["sentence"])
        ]
        out.append(
            {
                "text": f"Revision: {row['outlet']} gives {_subject(row)} as {stated(row)}{when}"
                + (f", citing {cited}" if cited else "")
                + f", correcting the earlier figure of {figure(float(row['revises']))}.",
                "evidence": [row["claim"], *earlier["claim"]],
                "table": "claims",
                "row": row["claim"],
                "category": "revision",
                "likelihood": None,
            }
        )
    return out
