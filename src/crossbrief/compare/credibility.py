"""Admiralty credibility (1-6) of each claim from independent corroboration and
contradiction; the rule is ``rules_text.CREDIBILITY``."""

from __future__ import annotations

import pandas as pd

from crossbrief.compare.figures import Agreement, agree

LABELS = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
COLUMNS = ["claim", "measure", "outlet", "value", "agree", "disagree", "score", "label"]


def admiralty(agreeing: int, disagreeing: int) -> int:
    if agreeing == 0 and disagreeing == 0:
        return 6
    if disagreeing == 0:
        return 1 if agreeing >= 2 else 2
    if agreeing > disagreeing:
        return 2 if agreeing >= 2 else 3
    if agreeing == disagreeing:
        return 3
    return 5 if agreeing == 0 and disagreeing >= 2 else 4


def _score_groups(rows: pd.DataFrame, key: str) -> list[dict[str, object]]:
    out = []
    for _, part in rows.groupby(key, sort=True):
        by_group = part.groupby("group", sort=True)["value"].first().astype(float).to_dict()
        agreement = Agreement(list(by_group.values()))
        for row in part.to_dict("records"):
            value = float(row["value"])
            own = by_group.get(row["group"])
            yes = agreement.count(value) - (1 if own is not None and agree(value, own) else 0)
            no = len(by_group) - 1 - yes
            score = admiralty(yes, no)
            out.append(
                {
                    "claim": row["claim"],
                    "measure": row.get("measure", ""),
                    "outlet": row["outlet"],
                    "value": row["value"],
                    "agree": yes,
                    "disagree": no,
                    "score": score,
                    "label": LABELS[score],
                }
            )
    return out


def credibility(
    troops: pd.DataFrame, casualties: pd.DataFrame, attacks: pd.DataFrame, flags: pd.DataFrame
) -> pd.DataFrame:
    # troop figures are judged against figures of the same series and period only
    key = "period_key" if "period_key" in troops else "group_key"
    rows = _score_groups(troops.assign(measure="troop_figure"), key)
    # casualties are judged against tolls of the same subject, outcome, window and time
    parts = [p for p in ("subject", "outcome", "window_start", "period") if p in casualties]
    keys = ["|".join(str(v) for v in row) for row in casualties[parts].itertuples(index=False)]
    rows += _score_groups(casualties.assign(measure="casualty", key=keys), "key")
    for row in attacks.to_dict("records"):
        no = (
            int(((flags["earlier"] == row["claim"]) | (flags["later"] == row["claim"])).sum())
            if len(flags)
            else 0
        )
        same = attacks[(attacks["group"] != row["group"]) & (attacks["as_of"] == row["as_of"])]
        yes = int(sum(agree(float(row["value"]), float(v)) for v in same["value"]))
        score = admiralty(yes, no)
        rows.append(
            {
                "claim": row["claim"],
                "measure": "attack_count",
                "outlet": row["outlet"],
                "value": row["value"],
                "agree": yes,
                "disagree": no,
                "score": score,
                "label": LABELS[score],
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
