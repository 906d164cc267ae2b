"""Troop figures side by side: per group of (actor, location, kind class), who says
what, how far they agree, and a headline figure chosen by a stated policy."""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from collections import Counter

import pandas as pd

from crossbrief.compare.rules_text import (
    AGREEMENT_SHARE,
    AHEAD_KINDS,
    CHANGE_KINDS,
    HEADCOUNT_KINDS,
)

ROW_COLUMNS = [
    "group_key",
    "actor",
    "location",
    "kind_class",
    "measure",
    "kind",
    "outlet",
    "published",
    "as_of",
    "as_of_granularity",
    "as_of_from",
    "document",
    "group",
    "value",
    "low",
    "high",
    "qualifier",
    "attributed_to",
    "claim",
    "quote",
    "sentence",
]
GROUP_COLUMNS = [
    "group_key",
    "actor",
    "location",
    "kind_class",
    "measure",
    "periods",
    "sources",
    "independent",
    "values",
    "minimum",
    "median",
    "maximum",
    "spread",
    "mode",
    "agreement",
    "outliers",
    "headline",
    "policy",
    "headline_claims",
    "claims",
    "by_source",
]


#: Items a table cell lists before it says how many more there are.
MAX_LISTED = 12


def _listed(items: list[str]) -> str:
    shown = "; ".join(items[:MAX_LISTED])
    return shown + (f"; and {len(items) - MAX_LISTED} more" if len(items) > MAX_LISTED else "")


def kind_class(kind: str | None) -> str:
    if kind in AHEAD_KINDS:
        return "planned"
    if kind in CHANGE_KINDS:
        return "change"
    if kind in HEADCOUNT_KINDS or kind is None:
        return "headcount"
    return "other"


def agree(a: float, b: float) -> bool:
    """Within the agreement share of the larger value."""
    return abs(a - b) <= AGREEMENT_SHARE * max(abs(a), abs(b))


class Agreement:
    """How many of a set of values agree with a given value, in O(log n): for a >= 0,
    b agrees with a exactly when (1 - share) a <= b <= a / (1 - share)."""

    def __init__(self, values: list[float]) -> None:
        self.values = sorted(values)

    def count(self, value: float) -> int:
        if value < 0:
            return sum(agree(value, v) for v in self.values)
        low, high = value * (1 - AGREEMENT_SHARE), value / (1 - AGREEMENT_SHARE)
        eps = 1e-9 * max(1.0, value)
        return bisect_right(self.values, high + eps) - bisect_left(self.values, low - eps)


def stated(value: float, qualifier: object, low: object) -> str:
    """A figure for a table cell: "2,500", or "2,300–2,700" for a range."""
    if qualifier == "range" and isinstance(low, float) and not pd.isna(low):
        return f"{low:,.0f}–{value:,.0f}"
    return f"{value:,.0f}"


def _stated_by(part: pd.DataFrame, outlet: str, value: float) -> str:
    """How ``outlet`` states ``value`` in the rows of a group (a range shows both ends)."""
    same = part[(part["outlet"] == outlet) & (part["value"] == value)]
    ranged = same[same["qualifier"] == "range"]
    return stated(value, "range", ranged["low"].iloc[0]) if len(ranged) else f"{value:,.0f}"


def troop_rows(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per troop figure outside captions, grouped and in publication order."""
    rows = claims[
        (claims["measure"] == "troop_figure") & (~claims["in_caption"].astype(bool))
    ].copy()
    rows["actor"] = rows["actor"].fillna("unknown actor")
    rows["location"] = rows["location"].fillna("unspecified")
    rows["kind_class"] = rows["kind"].map(kind_class)
    # each kind of change is a measure of its own: withdrawn is never compared with additional
    rows["measure"] = [
        str(k) if c == "change" else c
        for c, k in zip(rows["kind_class"], rows["kind"], strict=True)
    ]
    rows["group_key"] = rows["actor"] + " | " + rows["location"] + " | " + rows["measure"]
    rows = rows.sort_values(
        ["group_key", "as_of", "published", "document", "claim"], na_position="last", kind="stable"
    )
    return rows[ROW_COLUMNS].reset_index(drop=True)


def source_values(rows: pd.DataFrame) -> list[tuple[str, str, float, str | None]]:
    """(independent group, outlet, value, published) per independent source of a group:
    the figure its first document gives most often (first in the text on a tie)."""
    ordered = rows.sort_values(
        ["group", "published", "document"], na_position="last", kind="stable"
    )
    first_docs = ordered.drop_duplicates("group", keep="first")[["group", "document"]]
    firsts = ordered.merge(first_docs, on=["group", "document"], how="inner")
    out = []
    for group, part in firsts.groupby("group", sort=True):
        values = part["value"].tolist()
        counts = Counter(values)
        best = max(values, key=lambda v: (counts[v], -values.index(v)))
        first = part.iloc[0]
        out.append((str(group), str(first["outlet"]), float(best), first["published"]))
    return out


def _published_order(value: tuple[str, str, float, str | None]) -> tuple[bool, str]:
    """Publication order with undated sources last."""
    published = value[3]
    return (not isinstance(published, str), published if isinstance(published, str) else "")


def mode_of(values: list[float]) -> float:
    counts = Counter(values)
    top = max(counts.values())
    return min(v for v, n in counts.items() if n == top)


def headline(
    values: list[tuple[str, str, float, str | None]], policy: str
) -> tuple[float, list[str]]:
    """The headline figure under ``policy`` and the independent groups that give it."""
    numbers = [v for _, _, v, _ in values]
    if policy == "conservative":
        chosen = min(numbers)
    elif policy == "latest":
        dated = [v for v in values if isinstance(v[3], str) and v[3]]
        chosen = max(dated, key=lambda v: str(v[3]))[2] if dated else statistics.median(numbers)
    else:
        chosen = statistics.median(numbers)
    return chosen, [g for g, _, v, _ in values if v == chosen]


def _outliers(values: list[tuple[str, str, float, str | None]]) -> list[str]:
    """Figures of one period far from its mode while two or more sources support it."""
    numbers = [v for _, _, v, _ in values]
    mode = mode_of(numbers)
    support = sum(1 for v in numbers if agree(v, mode))
    agreement = Agreement(numbers)
    return [
        f"{outlet} ({value:,.0f})"
        for _, outlet, value, _ in values
        if not agree(value, mode) and support >= 2 and agreement.count(value) == 1
    ]


def troop_groups(rows: pd.DataFrame, policy: str) -> pd.DataFrame:
    """Per group: sources, spread, agreement with the mode, outliers and the headline."""
    out = []
    for key, part in rows.groupby("group_key", sort=True):
        values = source_values(part)
        numbers = [v for _, _, v, _ in values]
        mode = mode_of(numbers)
        agreeing = [v for v in values if agree(v[2], mode)]
        support = len(agreeing)
        outliers = [
            o
            for _, same_time in (
                part.groupby("period", sort=True) if "period" in part.columns else [(0, part)]
            )
            for o in _outliers(source_values(same_time))
        ]
        chosen, givers = headline(values, policy)
        giver_claims = part[part["group"].isin(givers) & (part["value"] == chosen)][
            "claim"
        ].tolist()
        first = part.iloc[0]
        out.append(
            {
                "group_key": key,
                "actor": first["actor"],
                "location": first["location"],
                "kind_class": first["kind_class"],
                "measure": first["measure"],
                "periods": part["period"].nunique() if "period" in part else 1,
                "sources": part["document"].nunique(),
                "independent": len(values),
                "values": _listed([f"{v:,.0f}" for v in sorted(set(numbers))]),
                "minimum": min(numbers),
                "median": statistics.median(numbers),
                "maximum": max(numbers),
                "spread": max(numbers) - min(numbers),
                "mode": mode,
                "agreement": round(support / len(values), 4),
                "outliers": "; ".join(outliers),
                "headline": chosen,
                "policy": policy,
                "headline_claims": " ".join(giver_claims),
                "claims": " ".join(part["claim"].tolist()),
                "by_source": _listed(
                    [
                        f"{o}: {_stated_by(part, o, v)}"
                        for _, o, v, _ in sorted(values, key=_published_order)
                    ]
                ),
            }
        )
    return pd.DataFrame(out, columns=GROUP_COLUMNS)
