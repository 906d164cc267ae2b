"""Numbers in text: digits with separators, decimals with a scale word, number words;
not years, dates, ordinals, percentages, money or clock times. Vague amounts
("dozens", "thousands of") are found too, marked vague.

Invisible format characters (Unicode category Cf: zero-width space and joiners, soft
hyphen, byte-order mark, bidi controls) inside a figure are read as nothing, so
"2<ZWJ>500" is 2500, not 500; offsets still point into the text as given.

A range ("2,500-3,000", "2,500 to 3,000", "between 800 and 1,000") is one Number whose
``value`` is the high end and ``low`` the low end: the gold labels a range by its upper
bound. "from X to Y" is a change over time, not a range, unless a cue such as
"anywhere" or "ranging" stands before "from" (lexicon numbers.yaml, ``ranges``).

A number above :data:`MAX_VALUE` is not a figure: it is reported apart
(:class:`Oversized`) and never converted, so a 5,000-digit string in an article cannot
overflow a float or an integer conversion anywhere downstream."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from crossbrief import lexicon
from crossbrief.extract import hedges, prefilter

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
def _tables() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    data = lexicon.load("numbers")
    return data["units"], data["tens"], data["scales"]


@cache
def _digits_body() -> str:
    """A number in digits, with its scale word, not followed by what makes it no count;
    what may stand before it is left to the caller."""
    scale = "|".join(_tables()[2])
    return (
        rf"(\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(\d+))?(?:(?:\s*|-)(?P<scale>{scale})\b)?"
        r"(?![\w/:]|[.,]\d|-(?:year|month|day|week|hour|minute)s?\b)"
    )


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    units, tens, scales = _tables()
    data = lexicon.load("numbers")
    scale = "|".join(scales)
    digits = re.compile(rf"(?<![\w.,/:-]){_digits_body()}", re.IGNORECASE)
    small = "|".join(sorted([*units, *tens], key=len, reverse=True))
    word_number = (
        rf"(?:(?:{small})(?:[- ](?:{small}))?)(?:[ -](?:and[ -])?(?:{small}|{scale}))*"
        rf"(?:(?<=[a-z])-\d{{1,3}}(?![\d,]))?"  # "four-thousand-100"
    )
    words = re.compile(rf"(?<![\w-])(?:{word_number})(?![\w-])", re.IGNORECASE)
    phrases = "|".join(re.escape(p) for p in sorted(data["phrases"], key=len, reverse=True))
    phrase = re.compile(rf"(?<![\w-])(?:{phrases})(?![\w-])", re.IGNORECASE)
    vague = "|".join(re.escape(v) for v in sorted(data["vague"], key=len, reverse=True))
    vague_re = re.compile(rf"(?<![\w-])(?:{vague})(?![\w-])", re.IGNORECASE)
    return digits, words, phrase, vague_re


def words_value(text: str) -> int | None:
    """The value of a number in words ("Twenty-five hundred" -> 2500). Anything above
    :data:`MAX_VALUE` comes back as ``MAX_VALUE + 1`` ("a hundred hundred hundred ..."
    cannot grow an integer without bound)."""
    units, tens, scales = _tables()
    above = MAX_VALUE + 1
    total = current = 0
    seen = False
    for token in re.split(r"[\s-]+", text.lower()):
        if token == "and":
            continue
        if token.isdigit() and len(token) <= 3 and seen:  # "four-thousand-100"
            current = min(current + int(token), above)
            continue
        if token in units or token in tens:
            current = min(current + units.get(token, 0) + tens.get(token, 0), above)
            seen = True
        elif token in scales:
            factor = scales[token]
            current = min((current or 1) * factor, above)
            if factor >= 1000:
                total, current = min(total + current, above), 0
            seen = True
        else:
            return None
    return min(total + current, above) if seen else None


#: Characters that may stand inside a written figure between its digits.
_SEPARATORS = frozenset(",.-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _invisible_inside_numbers(text: str) -> list[int]:
    """Offsets of the invisible format characters (category Cf) that stand inside a
    figure: between a digit, or a separator next to a digit, on each side."""
    if text.isascii():
        return []
    invisible = [
        i
        for run in _NON_ASCII.finditer(text)
        for i in range(run.start(), run.end())
        if unicodedata.category(text[i]) == "Cf"
    ]
    if not invisible:
        return []
    hidden = set(invisible)

    def visible(at: int, step: int) -> int:
        while 0 <= at < len(text) and at in hidden:
            at += step
        return at

    def digit(at: int) -> bool:
        return 0 <= at < len(text) and text[at].isdecimal()

    def numeric(at: int, step: int) -> bool:
        """A digit, or a separator with a digit beyond it, at ``at`` looking ``step``."""
        if digit(at):
            return True
        return 0 <= at < len(text) and text[at] in _SEPARATORS and digit(visible(at + step, step))

    out = []
    for i in invisible:
        if numeric(visible(i - 1, -1), -1) and numeric(visible(i + 1, 1), 1):
            out.append(i)
    return out


@dataclass(frozen=True)
class _Folded:
    """Text with some characters taken out, and the way back to the offsets of the
    text as given."""

    text: str
    dropped: tuple[int, ...]  # where, in the folded text, each taken-out character was

    @staticmethod
    def of(text: str) -> _Folded:
        drop = _invisible_inside_numbers(text)
        if not drop:
            return _Folded(text, ())
        kept = set(drop)
        folded = "".join(ch for i, ch in enumerate(text) if i not in kept)
        return _Folded(folded, tuple(d - n for n, d in enumerate(drop)))

    def start(self, at: int) -> int:
        """The original offset of a start offset in the folded text."""
        return at + bisect_right(self.dropped, at)

    def end(self, at: int) -> int:
        """The original offset of an end offset (exclusive) in the folded text."""
        return at + bisect_left(self.dropped, at)


def find(text: str, offset: int = 0) -> list[Number]:
    """Counts and vague amounts in ``text`` (offsets shifted by ``offset``), in order."""
    return read(text, offset).numbers


def read(text: str, offset: int = 0) -> Reading:
    """Counts and vague amounts in ``text`` (offsets shifted by ``offset``), in order,
    and the numbers too large to be figures."""
    folded = _Folded.of(text)
    found, oversized = _find(folded.text)
    if not folded.dropped:
        if offset:
            found = [replace(n, start=n.start + offset, end=n.end + offset) for n in found]
            oversized = [replace(o, start=o.start + offset, end=o.end + offset) for o in oversized]
        return Reading(found, oversized)
    out = []
    for n in found:
        start, end = folded.start(n.start), folded.end(n.end)
        out.append(replace(n, start=start + offset, end=end + offset, text=text[start:end]))
    large = [
        replace(o, start=folded.start(o.start) + offset, end=folded.end(o.end) + offset)
        for o in oversized
    ]
    return Reading(out, large)


def _digits_value(match: re.Match[str]) -> float | None:
    """The value of a number in digits, or None when it is above :data:`MAX_VALUE`
    (decided from its length before any conversion)."""
    whole = match.group(1).replace(",", "").lstrip("0")
    if len(whole) > _MAX_DIGITS:
        return None
    value = float((whole or "0") + ("." + match.group(2) if match.group(2) else ""))
    if match.group("scale"):
        value *= _tables()[2][match.group("scale").lower()]
    return value if value <= MAX_VALUE else None


def _find(text: str) -> tuple[list[Number], list[Oversized]]:
    """Counts and vague amounts in ``text``, in order; numbers too large to be figures."""
    digits, words, phrase, vague = _patterns()
    data = lexicon.load("numbers")
    found: list[Number] = []
    oversized: list[Oversized] = []
    # Vague amounts and phrases, sorted (they never overlap), checked by bisection: the
    # whole text is scanned here, so a linear check per number would be quadratic.
    # Digits and words never overlap each other.
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        i = bisect_right(taken, (a, b))
        return not ((i and taken[i - 1][1] > a) or (i < len(taken) and taken[i][0] < b))

    low = prefilter.lowered(text)
    units, tens, _ = _tables()
    for match in prefilter.finditer(vague, text, _starts(low, data["vague"])):
        found.append(Number(match.start(), match.end(), match.group(), None, True))
        taken.append(match.span())
    for match in prefilter.finditer(phrase, text, _starts(low, data["phrases"])):
        if free(*match.span()):
            value = data["phrases"][match.group().lower()]
            found.append(Number(match.start(), match.end(), match.group(), value, word=True))
            insort(taken, match.span())
    for match in prefilter.finditer(digits, text, prefilter.digit_starts(text)):
        if not free(*match.span()) or _not_a_count(
            text, match.start(), match.end(), match.group(1)
        ):
            continue
        value = _digits_value(match)
        if value is None:
            digits_written = sum(ch.isdecimal() for ch in match.group(1))
            oversized.append(Oversized(match.start(), match.end(), digits_written))
            continue
        found.append(Number(match.start(), match.end(), match.group(), value))
    for match in prefilter.finditer(words, text, _starts(low, [*units, *tens])):
        if not free(*match.span()):
            continue
        value = words_value(match.group())
        if value is None or _not_a_count(text, match.start(), match.end(), match.group()):
            continue
        if value > MAX_VALUE:
            oversized.append(Oversized(match.start(), match.end(), 0))
            continue
        found.append(Number(match.start(), match.end(), match.group(), value, word=True))
    return _ranges(text, _join_stray_spaces(text, sorted(found, key=lambda n: n.start))), oversized


_STRAY = re.compile(r",\s(?=\d{3}(?!\d|[.,]\d))")


def _join_stray_spaces(text: str, found: list[Number]) -> list[Number]:
    """A thousands comma followed by a stray space ("22, 126"): one number, when the
    first part has at most three digits, the second exactly three, and no list goes on
    after it ("101, 102, 103" stays three numbers)."""
    out: list[Number] = []
    for n in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and not (previous.word or n.word or previous.vague or n.vague)
            and previous.low is None
            and re.fullmatch(r"\d{1,3}(?:,\d{3})*", previous.text)
            and re.fullmatch(r"\d{3}", n.text)
            and _STRAY.match(text, previous.end)
            and _STRAY.match(text, previous.end).end() == n.start  # type: ignore[union-attr]
            and not re.match(r",\s?\d", text[n.end : n.end + 3])
            and not re.search(r"\d,\s?$", text[max(0, previous.start - 3) : previous.start])
        ):
            joined = text[previous.start : n.end]
            out[-1] = Number(
                previous.start, n.end, joined, float(joined.replace(",", "").replace(" ", ""))
            )
            continue
        out.append(n)
    return out


def _starts(low: str | None, words: Iterable[object]) -> list[int] | None:
    """Where one of ``words`` starts: every match of the pattern made of them does."""
    return prefilter.word_starts(low, prefilter.heads(tuple(map(str, words))))


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
        second=re.compile(_digits_body(), re.IGNORECASE),
        scale=re.compile(rf"(?<![\w])({'|'.join(_tables()[2])})$", re.IGNORECASE),
        not_ranges=frozenset(w.lower() for w in data["not_ranges"]),
    )


def _ranges(text: str, found: list[Number]) -> list[Number]:
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
        factor = _tables()[2][scale.group(1).lower()]
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
    if match is None or _not_a_count(text, match.start(), match.end(), match.group(1)):
        return None
    value = _digits_value(match)
    if value is None:
        return None
    return Number(match.start(), match.end(), match.group(), value)


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
