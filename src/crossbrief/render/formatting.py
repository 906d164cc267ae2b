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


def number(value: str | float | None) -> str:
    """A figure as the briefing prints it: 2,500 (no trailing .0); None is empty."""
    if value is None:
        return ""
    if isinstance(value, float | int):
        value = repr(float(value))
    try:
        x = float(value)
    except ValueError:
        return value
    if math.isnan(x):
        return ""
    if math.isinf(x):  # a figure too large for a float: print its digits, shortened
        return value if len(value) <= 24 else f"{value[:12]}…({len(value):,} characters)"
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}"


def hedged(qualifier: str, value: str | float | None, low: str | float | None = None) -> str:
    """A figure with its qualifier: "about 2,500"; a range as "2,300–2,700"."""
    if qualifier == "range" and low is not None and low != "" and number(low):
        return f"{number(low)}–{number(value)}"
    word = _QUALIFIER_WORDS.get(qualifier, "")
    return f"{word} {number(value)}".strip()
