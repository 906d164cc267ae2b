"""The report date is a cut-off: a briefing for a date compares only what was published
by then, so an old briefing can be rebuilt as it was. Articles published after it are
left out (and listed under Inputs); undated ones stay in, flagged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd

from crossbrief.records import Document

#: The ``status`` in the inputs table of an article published after the report date.
LATER = "published after the report date"
#: The ``status`` of an article the analyst excluded (corrections file).
EXCLUDED = "excluded"
UNDATED = (
    "no known publication date: it may have been published after the report date; "
    "kept in the comparison"
)


@dataclass(frozen=True)
class Cut:
    """The documents published by the report date (undated ones flagged) and the ones
    left out, each with the reason."""

    kept: list[Document]
    later: dict[str, str]


def after(published: str, report_date: dt.date) -> bool:
    """Whether a publication date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) lies wholly
    after the report date; a month or year that contains it is not after it."""
    limit = report_date.isoformat()
    return published[: len(limit)] > limit[: len(published)]


def cut(documents: list[Document], report_date: dt.date | None) -> Cut:
    if report_date is None:
        return Cut(list(documents), {})
    kept: list[Document] = []
    later: dict[str, str] = {}
    for d in documents:
        if d.published and after(d.published, report_date):
            later[d.id] = (
                f"published {d.published}, after the report date {report_date.isoformat()}; "
                "left out of the comparison (a briefing shows what was known by its date)"
            )
        elif not d.published:
            kept.append(replace(d, warnings=(*d.warnings, UNDATED)))
        else:
            kept.append(d)
    return Cut(kept, later)


def left_out(inputs: pd.DataFrame, status: str, reasons: dict[str, str]) -> pd.DataFrame:
    """The inputs table with the files in ``reasons`` given ``status`` and their reason."""
    if not reasons:
        return inputs
    chosen = inputs["file"].isin(list(reasons))
    out = inputs.copy()
    out.loc[chosen, "status"] = status
    out.loc[chosen, "reason"] = out.loc[chosen, "file"].map(reasons)
    return out
