"""The analyst's corrections applied to what extraction found, before any comparison:
rejected claims and excluded sources leave, amended claims carry the analyst's values,
and every correction becomes a row of the ``corrections`` table with its reason."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from crossbrief.compare.frame import Corpus
from crossbrief.corrections import ClaimFix, Corrections
from crossbrief.records import Claim, Extraction, TimeValue

COLUMNS = ["target", "id", "action", "change", "reason", "document", "quote", "status"]
#: The ``status`` of a correction whose claim id or file name matches nothing.
UNMATCHED = "matches nothing"


@dataclass(frozen=True)
class Applied:
    """What the corrections did: the corpus to compare, the files left out (name ->
    reason) and the rows of the table."""

    corpus: Corpus
    excluded: dict[str, str]
    rows: tuple[dict[str, str], ...]

    @property
    def unmatched(self) -> list[str]:
        """One warning per correction that matches nothing, naming it."""
        return [
            f"corrections: {r['target']} {r['id']!r} matches no {r['target']} of this build; "
            + (
                "check the id against the briefing's evidence appendix"
                if r["target"] == "claim"
                else "check the file name against Inputs"
            )
            for r in self.rows
            if r["status"] == UNMATCHED
        ]

    def table(self) -> pd.DataFrame:
        return pd.DataFrame(list(self.rows), columns=COLUMNS)


def _shown(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,.0f}" if value == int(value) else f"{value:,}"
    if isinstance(value, TimeValue):
        return value.value or value.text
    return "none" if value is None else str(value)


def _time(text: str, claim: Claim) -> TimeValue:
    granularity = {4: "year", 7: "month"}.get(len(text), "day")
    return TimeValue(text, claim.start, claim.end, text, granularity, note="set by the analyst")


def amend(claim: Claim, fix: ClaimFix) -> tuple[Claim, str]:
    """The claim with the fix's values, and what changed, in words
    (``kind: present → planned``). A new value without ``low``/``high`` clears the
    old interval, which belonged to the old value."""
    values: dict[str, Any] = {k: _time(str(v), claim) if k == "as_of" else v for k, v in fix.values}
    if "value" in values:
        values.setdefault("low", None)
        values.setdefault("high", None)
    changes = [
        f"{key}: {_shown(getattr(claim, key))} → {_shown(new)}"
        for key, new in values.items()
        if getattr(claim, key) != new
    ]
    amended = replace(claim, **values, notes=(*claim.notes, f"corrected: {fix.reason}"))
    return amended, "; ".join(changes) or "no change (the values were already these)"


def _row(
    target: str, id_: str, action: str, change: str, reason: str, **more: str
) -> dict[str, str]:
    return {
        "target": target,
        "id": id_,
        "action": action,
        "change": change,
        "reason": reason,
        "document": more.get("document", ""),
        "quote": more.get("quote", ""),
        "status": more.get("status", "applied"),
    }


def apply(corpus: Corpus, corrections: Corrections) -> Applied:
    """``corpus`` with the corrections applied (pure: nothing is read or written)."""
    names = {d.id for d in corpus.documents} | {r.id for r in corpus.rejections}
    excluded = {
        s.file: f"excluded by the analyst: {s.reason}"
        for s in corrections.sources
        if s.file in names
    }
    rows = [
        _row("source", s.file, "excluded", "left out of the comparison", s.reason)
        if s.file in names
        else _row("source", s.file, "excluded", "", s.reason, status=UNMATCHED)
        for s in corrections.sources
    ]
    fixes = {f.claim: f for f in corrections.claims}
    found: set[str] = set()
    extractions: list[Extraction] = []
    for extraction in corpus.extractions:
        kept: list[Claim] = []
        for claim in extraction.claims:
            fix = fixes.get(claim.id)
            if fix is None:
                kept.append(claim)
                continue
            found.add(claim.id)
            where = {"document": claim.document, "quote": claim.quote}
            if fix.reject:
                rows.append(_row("claim", claim.id, "rejected", "left out", fix.reason, **where))
                continue
            amended, change = amend(claim, fix)
            rows.append(_row("claim", claim.id, "amended", change, fix.reason, **where))
            kept.append(amended)
        if extraction.document not in excluded:
            extractions.append(replace(extraction, claims=tuple(kept)))
    for fix in corrections.claims:
        if fix.claim not in found:
            action = "rejected" if fix.reject else "amended"
            rows.append(_row("claim", fix.claim, action, "", fix.reason, status=UNMATCHED))
    documents = [d for d in corpus.documents if d.id not in excluded]
    return Applied(
        Corpus(documents, corpus.rejections, extractions),
        excluded,
        tuple(rows),
    )


def amended_notes(table: pd.DataFrame) -> dict[str, str]:
    """Claim id -> what the analyst changed and why, for every amended claim."""
    done = table[(table["action"] == "amended") & (table["status"] == "applied")]
    return {
        str(r.id): f"corrected by the analyst: {r.change} ({r.reason})" for r in done.itertuples()
    }


def mark(tables: dict[str, pd.DataFrame], notes: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Every table with a ``claim`` column gets a ``corrected`` column: the analyst's
    change and reason on amended claims, empty elsewhere (so a CSV says which rows were
    corrected)."""
    return {
        name: table.assign(corrected=table["claim"].map(notes).fillna(""))
        if "claim" in table.columns and name != "corrections"
        else table
        for name, table in tables.items()
    }
