"""Numbers in text: digits with separators, decimals with a scale word, number words;
not years, dates, ordinals, percentages, money or clock times. Vague amounts
("dozens", "thousands of") are found too, marked vague."""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass
from functools import cache

from crossbrief import lexicon


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    value: float | None  # None for a vague amount
    vague: bool = False
    word: bool = False  # written in words


@cache
def _tables() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    data = lexicon.load("numbers")
    return data["units"], data["tens"], data["scales"]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    units, tens, scales = _tables()
    data = lexicon.load("numbers")
    scale = "|".join(scales)
    digits = re.compile(
        rf"(?<![\w.,/:-])(\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(\d+))?(?:\s*(?P<scale>{scale})\b)?"
        r"(?![\w/:]|[.,]\d|-(?:year|month|day|week|hour|minute)s?\b)",
        re.IGNORECASE,
    )
    small = "|".join(sorted([*units, *tens], key=len, reverse=True))
    word_number = rf"(?:(?:{small})(?:[- ](?:{small}))?)(?:[ -](?:and[ -])?(?:{small}|{scale}))*"
    words = re.compile(rf"(?<![\w-])(?:{word_number})(?![\w-])", re.IGNORECASE)
    phrases = "|".join(re.escape(p) for p in sorted(data["phrases"], key=len, reverse=True))
    phrase = re.compile(rf"(?<![\w-])(?:{phrases})(?![\w-])", re.IGNORECASE)
    vague = "|".join(re.escape(v) for v in sorted(data["vague"], key=len, reverse=True))
    vague_re = re.compile(rf"(?<![\w-])(?:{vague})(?![\w-])", re.IGNORECASE)
    return digits, words, phrase, vague_re


def words_value(text: str) -> int | None:
    """The value of a number in words ("Twenty-five hundred" -> 2500)."""
    units, tens, scales = _tables()
    total = current = 0
    seen = False
    for token in re.split(r"[\s-]+", text.lower()):
        if token == "and":
            continue
        if token in units or token in tens:
            current += units.get(token, 0) + tens.get(token, 0)
            seen = True
        elif token in scales:
            factor = scales[token]
            current = (current or 1) * factor
            if factor >= 1000:
                total, current = total + current, 0
            seen = True
        else:
            return None
    return total + current if seen else None


def find(text: str, offset: int = 0) -> list[Number]:
    """Counts and vague amounts in ``text`` (offsets shifted by ``offset``), in order."""
    digits, words, phrase, vague = _patterns()
    data = lexicon.load("numbers")
    found: list[Number] = []
    # Vague amounts and phrases, sorted (they never overlap), checked by bisection: the
    # whole text is scanned here, so a linear check per number would be quadratic.
    # Digits and words never overlap each other.
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        i = bisect_right(taken, (a, b))
        return not ((i and taken[i - 1][1] > a) or (i < len(taken) and taken[i][0] < b))

    for match in vague.finditer(text):
        found.append(
            Number(offset + match.start(), offset + match.end(), match.group(), None, True)
        )
        taken.append(match.span())
    for match in phrase.finditer(text):
        if free(*match.span()):
            value = data["phrases"][match.group().lower()]
            found.append(
                Number(
                    offset + match.start(), offset + match.end(), match.group(), value, word=True
                )
            )
            insort(taken, match.span())
    for match in digits.finditer(text):
        if not free(*match.span()) or _not_a_count(
            text, match.start(), match.end(), match.group(1)
        ):
            continue
        value = float(
            match.group(1).replace(",", "") + ("." + match.group(2) if match.group(2) else "")
        )
        if match.group("scale"):
            value *= _tables()[2][match.group("scale").lower()]
        found.append(Number(offset + match.start(), offset + match.end(), match.group(), value))
    for match in words.finditer(text):
        if not free(*match.span()):
            continue
        value = words_value(match.group())
        if value is None or _not_a_count(text, match.start(), match.end(), match.group()):
            continue
        found.append(
            Number(offset + match.start(), offset + match.end(), match.group(), value, word=True)
        )
    return sorted(found, key=lambda n: n.start)


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


def _not_a_count(text: str, start: int, end: int, digits: str) -> bool:
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
