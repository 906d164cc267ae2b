"""What every part of number reading shares: the records (:class:`Number`,
:class:`Oversized`, :class:`Reading`), the number words and scales of
``lexicon/numbers.yaml``, the value of a number in digits, and what makes a number no
count (years, dates, ordinals, percentages, money, clock times)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crossbrief import lexicon

#: The largest value read as a figure. Counts of troops, attacks or casualties are far
#: below it; a larger number is a serial number, a typing error or hostile input, and
#: as a value it would overflow floats (1e309 is inf), JSON and the charts' axes.
MAX_VALUE = 10**12
#: Digits of the integer part beyond which a number is not even converted (Python
#: refuses int() of more than 4,300 digits; float() turns 309 into inf).
_MAX_DIGITS = len(str(MAX_VALUE))


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    value: float | None  # None for a vague amount
    vague: bool = False
    word: bool = False  # written in words
    low: float | None = None  # the low end of a range; ``value`` is then its high end


@dataclass(frozen=True)
class Oversized:
    """A number larger than :data:`MAX_VALUE`, not read as a figure."""

    start: int
    end: int
    digits: int  # digits of its integer part as written (0 when in words)


@dataclass(frozen=True)
class Reading:
    """The numbers of a text, and the numbers too large to be figures."""

    numbers: list[Number]
    oversized: list[Oversized]


@cache
def tables() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    data = lexicon.load("numbers")
    return data["units"], data["tens"], data["scales"]


@cache
def digits_body() -> str:
    """A number in digits, with its scale word, not followed by what makes it no count;
    what may stand before it is left to the caller."""
    scale = "|".join(tables()[2])
    return (
        rf"(\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(\d+))?(?:(?:\s*|-)(?P<scale>{scale})\b)?"
        r"(?![\w/:]|[.,]\d|-(?:year|month|day|week|hour|minute)s?\b)"
    )


def digits_value(match: re.Match[str]) -> float | None:
    """The value of a number in digits, or None when it is above :data:`MAX_VALUE`
    (decided from its length before any conversion)."""
    whole = match.group(1).replace(",", "").lstrip("0")
    if len(whole) > _MAX_DIGITS:
        return None
    value = float((whole or "0") + ("." + match.group(2) if match.group(2) else ""))
    if match.group("scale"):
        value *= tables()[2][match.group("scale").lower()]
    return value if value <= MAX_VALUE else None


@cache
def _context_patterns() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    data = lexicon.load("numbers")["not_counts"]
    after = [*data["percent"], *data["money"]]
    after_re = re.compile(
        r"\s*(?:"
        + "|".join(re.escape(a) for a in sorted(after, key=len, reverse=True))
        + r")(?!\w)",
        re.IGNORECASE,
    )
    before_re = re.compile(r"(?:[$€£]|\b(?:US\$|USD|EUR))\s*$")
    months = "|".join(sorted(lexicon.load("dates")["months"], key=len, reverse=True))
    month_before = re.compile(rf"\b(?:{months})\.?,?\s*$", re.IGNORECASE)
    month_after = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{months})\b", re.IGNORECASE)
    return after_re, before_re, month_before, month_after


#: How far around a number its context is read.
_CONTEXT = 24


def not_a_count(text: str, start: int, end: int, digits: str) -> bool:
    """Years, dates, ordinals, percentages, money and clock times."""
    after_re, before_re, month_before, month_after = _context_patterns()
    rest = text[end : end + _CONTEXT]
    head = text[max(0, start - _CONTEXT) : start]
    if after_re.match(rest) or before_re.search(head):
        return True
    if re.match(r"(?:st|nd|rd|th)\b", rest) or rest.startswith(("%", ":")):
        return True
    if month_before.search(head) or month_after.match(rest):
        return True  # "December 31", "31 December", "the 31st of December"
    plain = digits.replace(",", "")
    # a year; "2,500" keeps its comma
    return plain.isdigit() and len(plain) == 4 and "," not in digits and 1800 <= int(plain) <= 2100
