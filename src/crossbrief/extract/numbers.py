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
from crossbrief.extract import prefilter
from crossbrief.extract.numberparts import (
    MAX_VALUE,
    Number,
    Oversized,
    Reading,
    digits_body,
    digits_value,
    not_a_count,
    tables,
)
from crossbrief.extract.numberranges import ranges

__all__ = ["MAX_VALUE", "Number", "Oversized", "Reading", "find", "read", "words_value"]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    units, tens, scales = tables()
    data = lexicon.load("numbers")
    scale = "|".join(scales)
    digits = re.compile(rf"(?<![\w.,/:-]){digits_body()}", re.IGNORECASE)
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
    units, tens, scales = tables()
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
    units, tens, _ = tables()
    for match in prefilter.finditer(vague, text, _starts(low, data["vague"])):
        found.append(Number(match.start(), match.end(), match.group(), None, True))
        taken.append(match.span())
    for match in prefilter.finditer(phrase, text, _starts(low, data["phrases"])):
        if free(*match.span()):
            value = data["phrases"][match.group().lower()]
            found.append(Number(match.start(), match.end(), match.group(), value, word=True))
            insort(taken, match.span())
    for match in prefilter.finditer(digits, text, prefilter.digit_starts(text)):
        if not free(*match.span()) or not_a_count(text, match.start(), match.end(), match.group(1)):
            continue
        value = digits_value(match)
        if value is None:
            digits_written = sum(ch.isdecimal() for ch in match.group(1))
            oversized.append(Oversized(match.start(), match.end(), digits_written))
            continue
        found.append(Number(match.start(), match.end(), match.group(), value))
    for match in prefilter.finditer(words, text, _starts(low, [*units, *tens])):
        if not free(*match.span()):
            continue
        value = words_value(match.group())
        if value is None or not_a_count(text, match.start(), match.end(), match.group()):
            continue
        if value > MAX_VALUE:
            oversized.append(Oversized(match.start(), match.end(), 0))
            continue
        found.append(Number(match.start(), match.end(), match.group(), value, word=True))
    return ranges(text, _join_stray_spaces(text, sorted(found, key=lambda n: n.start))), oversized


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
