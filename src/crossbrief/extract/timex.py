"""Time expressions: found in a sentence and resolved against the publication date.

News is read as past-oriented: a bare "December 31", "in March" or "on Saturday" is the
latest such day not after the publication date (a weekday named like the publication
day is that day), unless the clause looks ahead ("will", "scheduled to", or "by" right
before the date), when it is the next one. Inside reported speech that was itself
dated ("said on December 28 that ... will"), the speech date is the anchor. Without a
publication date, relative expressions stay unresolved and say so.

Dates that belong to the page, not the story, are left out: a wire dateline opening the
sentence ("BAGHDAD, Sept. 9 (Xinhua) --"), a labelled page date ("Date Posted: ..."),
and a short line that only restates the publication date ("August 14, 2024 | Brief").

What each expression reads around itself is found once per sentence (clause breaks,
future cues, past auxiliaries, "that") or read in a bounded window, so a sentence full
of dates costs its length, not its length times the number of dates.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

from crossbrief.extract import prefilter, timeresolve
from crossbrief.extract.clauses import Clauses
from crossbrief.extract.timegates import gates, needles
from crossbrief.extract.timepatterns import Patterns, data, patterns, trigger
from crossbrief.records import TimeValue

__all__ = ["tag", "trigger"]

#: Kinds tried in this order; a later match may not overlap an earlier one.
_KINDS = (
    "full", "numeric", "month_rel_year", "month_year", "season", "quarter", "day_month",
    "window", "relative",
    "anaphoric", "ago", "offset", "day_of_month", "year", "month", "weekday", "weekend",
)  # fmt: skip
#: A page's own date line is at most this many words.
_FURNITURE_WORDS = 8
_PLACE_PREFIX = re.compile(r"\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*,\s*){0,3}")
_AGENCY = re.compile(r"\.?\s*(?:\(\s*[A-Z][^()]{0,40}\)|/\s*[A-Z][^/]{0,20}/)\s*(?:--|[—–-]|\.|$)")
_WORD_MODS = {
    "before": "BEFORE",
    "after": "AFTER",
    "around": "APPROX",
    "about": "APPROX",
    "circa": "APPROX",
}
_DASH = re.compile(r"\s*(?:--|[—–])")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_OF_NEXT = re.compile(r"\s+of\b")
_THAT = re.compile(r"\bthat\b")
_WORD = re.compile(r"\w")
_DIGIT = re.compile(r"\d")
#: How far back a dateline may end: it opens the sentence.
_DATELINE_CHARS = 80


class _Sentence:
    """What the dates of one sentence read around themselves, found once."""

    def __init__(self, text: str, p: Patterns) -> None:
        self.text = text
        self.clauses = Clauses(text, p.clause_break, p.future, p.future_here, p.future_words)
        self.auxiliaries = [m.start() for m in p.past_auxiliary_word.finditer(text)]
        self.thats = [m.start() for m in _THAT.finditer(text)]
        self.short = len(text) < 200 and len(text.split()) <= _FURNITURE_WORDS

    def looks_ahead(self, a: int, b: int) -> bool:
        """Whether the clause around ``text[a:b]`` looks ahead: a future cue before the
        date in its clause ("will", "is to"), not cancelled by a past auxiliary right
        before it ("was scheduled to"); a preposition of the future right before it
        ("by March") in a clause without a past auxiliary; "will" after it."""
        if self.clauses.ahead_before(a) or self.clauses.ahead_after(b):
            return True
        ends = self.clauses.break_ends
        i = bisect_right(ends, a)
        start = ends[i - 1] if i else 0
        if not patterns().future_before.search(self.text[max(start, a - 40) : a]):
            return False
        j = bisect_left(self.auxiliaries, start)
        return not (j < len(self.auxiliaries) and self.auxiliaries[j] < a)

    def that_between(self, start: int, end: int) -> bool:
        """Whether "that" stands as a word in ``text[start:end]``, from the positions
        of its matches in the whole text (read directly where the slice's edges differ)."""
        text = self.text
        if end > 0 and _WORD.match(text[end - 1]):
            return bool(_THAT.search(text[start:end]))
        if _THAT.match(text[start : min(end, start + 5)]):
            return True
        i = bisect_right(self.thats, start)
        return i < len(self.thats) and self.thats[i] + 4 <= end


def tag(
    text: str, offset: int, anchor: dt.date | None, date_order: str | None = None
) -> list[TimeValue]:
    """Time expressions of one sentence, resolved; offsets shifted by ``offset``.
    ``date_order`` (``mdy`` or ``dmy``) is how the outlet writes numeric dates."""
    p = patterns()
    spans = _spans(text, p)
    if not spans:
        return []
    sentence = _Sentence(text, p)
    dated = any(k not in ("offset", "anaphoric") for _, _, k, _ in spans)
    from_now = not dated and bool(p.present.search(text))
    out: list[tuple[TimeValue, str]] = []
    speech_anchor: dt.date | None = None
    speech_end = -1
    for a, b, kind, match in spans:
        if not _is_date(text, a, b, kind, match):
            continue
        reference = anchor
        if speech_anchor is not None and a > speech_end and sentence.that_between(speech_end, a):
            reference = speech_anchor
        value: TimeValue | None
        try:
            if kind == "offset":
                value = timeresolve.offset(match, reference, from_now)
            else:
                value = timeresolve.resolve(
                    kind, match, reference, sentence.looks_ahead(a, b), date_order
                )
        except (OverflowError, ValueError):
            continue  # beyond the calendar (year 1 or 9999 and an offset): no date
        if value is None:
            continue
        prep = re.search(r"(\w+)\s+(?:the\s+)?$", text[max(0, a - 40) : a])
        word = prep.group(1).lower() if prep else ""
        mod = _WORD_MODS.get(word, value.mod)
        tv = replace(
            value,
            text=match.group(),
            start=offset + a,
            end=offset + b,
            mod=mod,
            since=word == "since" or kind == "window",
            anchor=reference.isoformat()
            if reference and value.kind != "absolute"
            else value.anchor,
        )
        if kind in ("full", "numeric", "day_month") and _is_page_date(sentence, a, b, tv, anchor):
            continue
        out.append((tv, kind))
        if tv.granularity == "day" and tv.value and _said_before(text, a):
            speech_anchor, speech_end = dt.date.fromisoformat(tv.value), b
    return _ranges(text, offset, out)


def _ranges(text: str, offset: int, found: list[tuple[TimeValue, str]]) -> list[TimeValue]:
    """A start without a year takes the year of the end of its range ("from March 3 to
    May 5, 2022", "between June and August 2021"): the end's year, or the one before
    when the start's month and day come later."""
    out = [tv for tv, _ in found]
    for i, ((first, kind), (second, _)) in enumerate(itertools.pairwise(found)):
        if kind not in ("day_month", "month") or second.kind != "absolute":
            continue
        if not (first.value and second.value and second.granularity in ("day", "month")):
            continue
        if not patterns().range_between.fullmatch(text, first.end - offset, second.start - offset):
            continue
        rest = first.value[4:]
        year = int(second.value[:4]) - (rest > second.value[4 : len(first.value)])
        try:
            dt.date.fromisoformat(f"{year:04d}{rest}" + ("-01" if len(rest) == 3 else ""))
        except ValueError:
            continue  # 29 February of a year without one
        out[i] = replace(first, value=f"{year:04d}{rest}")
    return out


def _said_before(text: str, at: int) -> bool:
    """A reporting verb ends within 40 characters before ``at`` ("said on December
    28", "announced in a statement on Monday")."""
    return bool(patterns().speech_verb.search(text[max(0, at - 60) : at]))


def _spans(text: str, p: Patterns) -> list[tuple[int, int, str, re.Match[str]]]:
    """Matches of every kind, the first kind to claim a stretch of text keeping it;
    a kind whose gate the sentence does not pass cannot match and is not tried."""
    spans: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []  # spans kept so far, sorted (they never overlap)
    low = prefilter.lowered(text)  # None where case folding is not one to one
    kinds: tuple[str, ...] = _KINDS
    if low is not None:
        present = frozenset(w for w in needles() if w in low)
        kinds = _kinds(present, _DIGIT.search(text) is not None)
    for kind in kinds:
        for match in getattr(p, kind).finditer(text):
            a, b = match.span()
            i = bisect_right(taken, (a, b))
            if (i and taken[i - 1][1] > a) or (i < len(taken) and taken[i][0] < b):
                continue
            taken.insert(i, (a, b))
            spans.append((a, b, kind, match))
    return sorted(spans, key=lambda s: s[0])


@lru_cache(maxsize=4096)
def _kinds(present: frozenset[str], digit: bool) -> tuple[str, ...]:
    """The kinds, in order, whose gate a sentence with the gate words ``present`` (and
    a digit or not) passes."""
    kinds = gates()
    return tuple(k for k in _KINDS if kinds[k].passes(present, digit))


def _is_date(text: str, a: int, b: int, kind: str, match: re.Match[str]) -> bool:
    if kind == "month":
        return _month_is_date(text, a, b, match)
    if kind == "weekday":
        return _weekday_is_date(text, a, b)
    if kind in ("season", "quarter"):
        return _period_is_date(text, a, b, match)
    return True


def _period_is_date(text: str, a: int, b: int, match: re.Match[str]) -> bool:
    """A season or quarter is a date with a year, a word that places it ("last
    summer", "early spring") or after a time preposition ("in the summer"); "the fall
    of Kabul" and "the first quarter of the match" are not."""
    found = match.groupdict()
    if found.get("year") or found.get("year2") or found.get("qrel"):
        return True
    if _OF_NEXT.match(text, b):
        return False
    return bool(
        found.get("rel")
        or found.get("mod")
        or (found.get("q") or "").lower() == "last"
        or patterns().season_prelude.search(text[max(0, a - 30) : a])
    )


def _month_is_date(text: str, a: int, b: int, match: re.Match[str]) -> bool:
    """A bare month name is a date after a time word, a modifier or a determiner ("in
    January", "late March", "the May summit"). Other months are dates on their own
    ("the ministry's June decision") unless a capitalised word follows ("June Carter");
    "May", "March" and "August" never are ("Theresa May", "troops march")."""
    if match.groupdict().get("mod") or patterns().month_prelude.search(text[max(0, a - 20) : a]):
        return True
    if match.group("month").lower() in data()["ambiguous_months"]:
        return False
    return not _CAPITAL_NEXT.match(text, b)


def _weekday_is_date(text: str, a: int, b: int) -> bool:
    """A capitalised weekday is a date ("said Monday", "Friday's attack") unless it is
    part of a name ("Black Friday", "the Sunday Times", "the Friday Review")."""
    names = data()["weekday_names"]
    before = re.search(r"(\w+)\s+$", text[max(0, a - 20) : a])
    after = re.match(r"\s+(\w+)", text[b : b + 20])
    if before and before.group(1).lower() == "the" and after and after.group(1)[0].isupper():
        return False  # "the Sunday Catchup": a title
    return not (
        (before and before.group(1).lower() in names["before"])
        or (after and after.group(1).lower() in names["after"])
    )


def _is_page_date(
    sentence: _Sentence, a: int, b: int, tv: TimeValue, anchor: dt.date | None
) -> bool:
    """The page's date, not the story's: a dateline opening the sentence ("BAGHDAD,
    Sept. 9 (Xinhua) --", "Feb. 10 (UPI) --"), a labelled date ("Date Posted:
    ..."), or a short line that restates the publication date."""
    text = sentence.text
    if patterns().dateline_label.search(text[max(0, a - 30) : a]):
        return True
    if (
        a <= _DATELINE_CHARS
        and _PLACE_PREFIX.fullmatch(text, 0, a)
        and (_AGENCY.match(text, b) or (text[:a].strip() and _DASH.match(text, b)))
    ):
        return True
    return anchor is not None and tv.value == anchor.isoformat() and sentence.short
