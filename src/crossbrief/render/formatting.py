"""How figures are printed in the briefing."""

from __future__ import annotations

import math

_QUALIFIER_WORDS = {
    "approx": "about",
    "more_than": "over",
    "at_least": "at least",
    "up_to": "up to",
    "fewer_than": "fewer than",
    "exact": "",
}


def number(value: str) -> str:
    """A figure as the briefing prints it: 2,500 (no trailing .0)."""
    try:
        x = float(value)
    except ValueError:
        return value
    if math.isnan(x):
        return ""
    if math.isinf(x):  # a figure too large for a float: print its digits, shortened
        return value if len(value) <= 24 else f"{value[:12]}…({len(value):,} characters)"
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}"


def hedged(qualifier: str, value: str, low: str | None = None) -> str:
    """A figure with its qualifier: "about 2,500"; a range as "2,300–2,700"."""
    if qualifier == "range" and low and number(low):
        return f"{number(low)}–{number(value)}"
    word = _QUALIFIER_WORDS.get(qualifier, "")
    return f"{word} {number(value)}".strip()
