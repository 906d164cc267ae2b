"""Key findings (bottom line up front): short sentences generated from the comparison
tables, each carrying the ids of the claims and rows that support it. A sentence is
only written from table rows; no row, no sentence."""

from __future__ import annotations

from typing import Any

import pandas as pd

from crossbrief.compare.figures import Agreement, agree
from crossbrief.textsafety import isolate

_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
}
_HEDGE = {
    "approx": "about ",
    "more_than": "over ",
    "at_least": "at least ",
    "up_to": "up to ",
    "fewer_than": "fewer than ",
    "exact": "",
}


def text_of(value: object) -> str:
    """A table cell as text to compose into a finding: missing values (None, NaN)
    are empty; text with right-to-left letters is isolated."""
    return isolate(value) if isinstance(value, str) else ""


#: Figures a finding names one by one; the rest are summed up as a range.
MAX_VALUES = 5


def count(n: int) -> str:
    return _WORDS.get(n, str(n))


def likelihood(support: int, sources: int) -> str | None:
    """ICD 203 words from how many independent sources agree (rules_text.LIKELIHOOD)."""
    if support >= 3 and support / sources >= 0.75:
        return "very likely"
    if support >= 2 and support / sources > 0.5:
        return "likely"
    return None


def _figure(value: float) -> str:
    return f"{value:,.0f}"


def _range(row: Any) -> str | None:
    """ "2,300–2,700" for a range figure, None for any other."""
    low = row.get("low")
    if str(row["qualifier"]) != "range" or low is None or pd.isna(low):
        return None
    return f"{_figure(float(low))}–{_figure(float(row['value']))}"


def _stated(row: Any) -> str:
    """A figure as its source states it: "about 2,500", "2,300–2,700"."""
    return _range(row) or f"{_HEDGE.get(str(row['qualifier']), '')}{_figure(row['value'])}"


def _source(row: pd.Series) -> str:
    stated = _range(row)
    hedge = f"range {stated}" if stated else _HEDGE.get(str(row["qualifier"]), "")
    attributed = text_of(row["attributed_to"])
    said = f", citing {attributed}" if attributed else ""
    if attributed and attributed.islower():  # impersonal: "generally reported"
        said = f', as "{attributed}"'
    return f"{row['outlet']}" + (f" ({hedge.strip()})" if hedge else "") + said


def troop_findings(rows: pd.DataFrame, groups: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    ordered = groups.sort_values(
        ["kind_class", "independent", "group_key"], ascending=[False, False, True]
    )
    for group in ordered.to_dict("records"):
        part = rows[rows["group_key"] == group["group_key"]]
        first_rows = part.drop_duplicates("group")
        subject = f"{group['actor']} troops in {group['location']}"
        if group["kind_class"] == "change":
            for row in first_rows.to_dict("records"):
                kind = row["kind"]
                out.append(
                    {
                        "text": (
                            f"{row['outlet']} reports {_stated(row)} {kind} "
                            f"{group['actor']} troops for {group['location']}"
                            + (
                                f", attributed to {text_of(row['attributed_to'])}"
                                if text_of(row["attributed_to"])
                                else ""
                            )
                            + "; this is a change, not a headcount, and is kept apart "
                            "from the headcounts."
                        ),
                        "evidence": part[part["group"] == row["group"]]["claim"].tolist(),
                        "table": "troop_groups",
                        "row": group["group_key"],
                        "likelihood": None,
                    }
                )
            continue
        agreement = Agreement([float(x) for x in first_rows["value"]])
        values = sorted(
            {float(v) for v in first_rows["value"]}, key=lambda v: (-agreement.count(v), v)
        )
        clauses = []
        for value in values[:MAX_VALUES]:
            givers = first_rows[first_rows["value"] == value]
            names = "; ".join(_source(r) for _, r in givers.iterrows())
            n = len(givers)
            clauses.append(
                f"{_figure(value)} by {count(n)} source{'s' if n != 1 else ''} ({names})"
            )
        mode = float(group["mode"])
        support = sum(agree(float(v), mode) for v in first_rows["value"])
        word = likelihood(support, int(group["independent"]))
        rest = values[MAX_VALUES:]
        if rest:
            others = first_rows[first_rows["value"].isin(rest)]
            clauses.append(
                f"{count(len(rest))} other figures ({_figure(min(rest))} to {_figure(max(rest))}) "
                f"by {count(len(others))} sources"
            )
        text = f"{subject} ({group['kind_class']}): " + " and ".join(clauses) + "."
        if word:
            text += f" The figure is {word} about {_figure(mode)}."
        out.append(
            {
                "text": text,
                "evidence": part["claim"].tolist(),
                "table": "troop_groups",
                "row": group["group_key"],
                "likelihood": word,
            }
        )
    return out


def attack_findings(attacks: pd.DataFrame, flags: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    if len(attacks) >= 2:
        parts = []
        for row in attacks.to_dict("records")[:MAX_VALUES]:
            cite = (
                f", citing {text_of(row['attributed_to'])}" if text_of(row["attributed_to"]) else ""
            )
            since = f" since {text_of(row['window_start'])}" if text_of(row["window_start"]) else ""
            parts.append(f"{_stated(row)}{since} as of {row['as_of']} ({row['outlet']}{cite})")
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


def event_findings(disagreements: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    between = disagreements[disagreements["second"] != "catalogue"]
    for row in between.to_dict("records"):
        out.append(
            {
                "text": f"Sources disagree on a date: {row['explanation']}.",
                "evidence": [row["first_mention"], row["second_mention"]],
                "table": "event_disagreements",
                "row": row["event"],
                "likelihood": None,
            }
        )
    return out


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
        out.append(
            {
                "text": f"{count(int(row['independent'])).capitalize()} sources {verdict} "
                "on the number "
                f"{str(row['outcome']).replace('_', ' ')} in the event catalogued as "
                f'"{row["name"]}": {row["by_source"]}.',
                "evidence": row["claims"].split(),
                "table": "casualties",
                "row": row["subject"],
                "likelihood": None,
            }
        )
    return out


def findings(
    troop_rows: pd.DataFrame,
    troop_groups: pd.DataFrame,
    attacks: pd.DataFrame,
    flags: pd.DataFrame,
    disagreements: pd.DataFrame,
    conflicts: pd.DataFrame,
    casualty_summary: pd.DataFrame,
) -> list[dict[str, Any]]:
    items = troop_findings(troop_rows, troop_groups)
    items += attack_findings(attacks, flags)
    items += casualty_findings(casualty_summary)
    items += event_findings(disagreements)
    items += conflict_findings(conflicts)
    items = [i for i in items if i["evidence"]]
    ranks: dict[str, int] = {}
    for n, item in enumerate(items, 1):
        item["id"] = f"F{n}"
        category = item["table"]
        if category == "troop_groups":
            category += ":" + str(item["row"]).rsplit(" | ", 1)[-1]
        item["category"] = category
        item["rank"] = ranks.get(category, 0)  # order within its category, most sources first
        ranks[category] = item["rank"] + 1
    return items
