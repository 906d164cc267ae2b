"""Ranges: two numbers given as one quantity ("2,500-3,000", "2,500 to 3,000",
"between 800 and 1,000", "two to three thousand") become one :class:`Number` whose
``value`` is the high end and ``low`` the low end. "from X to Y" is a change over time,
not a range, unless a cue such as "anywhere" or "ranging" stands before "from"
(``ranges`` in lexicon/numbers.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crossbrief import lexicon
from crossbrief.extract import hedges
from crossbrief.extract.numberparts import Number, digits_body, digits_value, not_a_count, tables


@dataclass(frozen=True)
class _RangePatterns:
    connector: re.Pattern[str]  # between the numbers, matched at the end of the first
    opened: re.Pattern[str]  # the same after an opener ("between 800 and 1,000")
    opener: re.Pattern[str]  # searched for right before the first number
    from_cue: re.Pattern[str]  # "anywhere from ", right before the first number
    change: re.Pattern[str]  # right before the first number's hedge
    second: re.Pattern[str]  # a number in digits right after a dash
    scale: re.Pattern[str]  # a scale word ending a number
    not_ranges: frozenset[str]


@cache
def _range_patterns() -> _RangePatterns:
    data = lexicon.load("numbers")["ranges"]

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    dash = rf"\s?(?:{alt(data['dashes'])})\s?"
    return _RangePatterns(
        connector=re.compile(rf"{dash}|\s+(?:{alt(data['words'])})\s+", re.IGNORECASE),
        opened=re.compile(
            rf"{dash}|\s+(?:{alt([*data['words'], *data['opener_words']])})\s+", re.IGNORECASE
        ),
        opener=re.compile(rf"(?<![\w-])(?:{alt(data['openers'])})\s+$", re.IGNORECASE),
        from_cue=re.compile(rf"(?<![\w-])(?:{alt(data['from_cues'])})\s+(from)\s+$", re.IGNORECASE),
        change=re.compile(rf"(?<![\w-])(?:{alt(data['change_before'])})\s+$", re.IGNORECASE),
        second=re.compile(digits_body(), re.IGNORECASE),
        scale=re.compile(rf"(?<![\w])({'|'.join(tables()[2])})$", re.IGNORECASE),
        not_ranges=frozenset(w.lower() for w in data["not_ranges"]),
    )


def ranges(text: str, found: list[Number]) -> list[Number]:
    """Pairs of numbers given as one quantity's range, joined into one Number."""
    p = _range_patterns()
    by_start = {n.start: n for n in found if not n.vague and n.value is not None}
    out: list[Number] = []
    skip_to = -1
    for n in found:
        if n.start < skip_to:
            continue
        joined = _range_from(text, n, by_start, p) if n.start in by_start else None
        out.append(joined or n)
        if joined is not None:
            skip_to = joined.end
    return out


def _range_from(
    text: str, first: Number, by_start: dict[int, Number], p: _RangePatterns
) -> Number | None:
    """The range that ``first`` opens, if the text gives one."""
    if p.opened.match(text, first.end) is None:
        return None  # most numbers: nothing that could join a second one follows
    head = text[max(0, first.start - 40) : first.start]
    start = first.start
    opener = p.opener.search(head)
    cue = p.from_cue.search(head)
    if opener is not None:
        start -= len(head) - opener.start()
        connector = p.opened.match(text, first.end)
    elif cue is not None:
        start -= len(head) - cue.start(1)
        connector = p.connector.match(text, first.end)
    else:
        hedge = hedges.find(text, first.start, first.end)
        if p.change.search(text[max(0, hedge.start - 40) : hedge.start]):
            return None
        connector = p.connector.match(text, first.end)
    if connector is None:
        return None
    second = by_start.get(connector.end()) or _digits_at(text, connector.end(), p)
    if second is None or second.value is None or first.value is None:
        return None
    if text[first.start : second.end].lower() in p.not_ranges:
        return None
    low, high = first.value, second.value
    scale = p.scale.search(second.text)
    if scale and not p.scale.search(first.text):
        factor = tables()[2][scale.group(1).lower()]
        if low * factor < high:  # "two to three thousand": the scale is shared
            low *= factor
    if not low < high:
        return None
    return Number(
        start,
        second.end,
        text[start : second.end],
        high,
        word=first.word or second.word,
        low=low,
    )


def _digits_at(text: str, at: int, p: _RangePatterns) -> Number | None:
    """A count in digits starting right at ``at`` (after a dash, where the main
    pattern does not look: "F-16" is no number)."""
    match = p.second.match(text, at)
    if match is None or not_a_count(text, match.start(), match.end(), match.group(1)):
        return None
    value = digits_value(match)
    if value is None:
        return None
    return Number(match.start(), match.end(), match.group(), value)
