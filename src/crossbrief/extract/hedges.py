"""Qualifiers of a number ("roughly 2,500", "over 150", "900 or so") and the interval
each implies. A range ("2,500-3,000") has the qualifier ``range``: its interval is the
one the text states."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crossbrief import lexicon

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "up_to", "fewer_than", "range")


@dataclass(frozen=True)
class Hedge:
    qualifier: str
    start: int  # where the hedge phrase starts (the number's start when there is none)
    end: int  # where it ends (the number's end when there is no phrase after it)
    text: str


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, str]]:
    data = lexicon.load("hedges")
    before = {p.lower(): q for q, phrases in data["before"].items() for p in phrases}
    after = {p.lower(): q for q, phrases in data["after"].items() for p in phrases}

    def alternation(phrases: dict[str, str]) -> str:
        return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))

    before_re = re.compile(rf"(?<![\w-])({alternation(before)})\s+$", re.IGNORECASE)
    after_re = re.compile(rf"^\s*({alternation(after)})(?![\w])", re.IGNORECASE)
    return before_re, after_re, before, after


def find(text: str, start: int, end: int) -> Hedge:
    """The qualifier of the number at ``text[start:end]`` (offsets within ``text``)."""
    before_re, after_re, before, after = _patterns()
    match = before_re.search(text[max(0, start - 30) : start])
    if match:
        phrase = match.group(1)
        at = start - (len(text[max(0, start - 30) : start]) - match.start(1))
        return Hedge(before[phrase.lower()], at, end, text[at:end])
    match = after_re.match(text[end : end + 20])
    if match:
        stop = end + match.end(1)
        return Hedge(after[match.group(1).lower()], start, stop, text[start:stop])
    return Hedge("exact", start, end, text[start:end])


def interval(
    qualifier: str, value: float, low: float | None = None
) -> tuple[float | None, float | None]:
    """The (low, high) a qualified value allows; None is unbounded. Strict bounds of
    "more than" and "fewer than" are given as the value itself; a range runs from its
    stated ``low`` to its value (the high end)."""
    if qualifier == "range":
        return (value if low is None else low), value
    share = float(lexicon.load("hedges")["approx_share"])
    if qualifier == "approx":
        return value * (1 - share), value * (1 + share)
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("up_to", "fewer_than"):
        return 0.0, value
    return value, value
