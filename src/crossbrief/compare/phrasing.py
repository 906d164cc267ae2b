"""How findings phrase figures, sources and counts."""

from __future__ import annotations

from typing import Any

import pandas as pd

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


def figure(value: float) -> str:
    return f"{value:,.0f}"


def range_of(row: Any) -> str | None:
    """ "2,300–2,700" for a range figure, None for any other."""
    low = row.get("low")
    if str(row["qualifier"]) != "range" or low is None or pd.isna(low):
        return None
    return f"{figure(float(low))}–{figure(float(row['value']))}"


def stated(row: Any) -> str:
    """A figure as its source states it: "about 2,500", "2,300–2,700"."""
    return range_of(row) or f"{_HEDGE.get(str(row['qualifier']), '')}{figure(row['value'])}"


def source(row: pd.Series) -> str:
    stated = range_of(row)
    hedge = f"range {stated}" if stated else _HEDGE.get(str(row["qualifier"]), "")
    attributed = text_of(row["attributed_to"])
    said = f", citing {attributed}" if attributed else ""
    if attributed and attributed.islower():  # impersonal: "generally reported"
        said = f', as "{attributed}"'
    return f"{row['outlet']}" + (f" ({hedge.strip()})" if hedge else "") + said
