"""Dated statements as event discovery reads them: the date's interval, the words of
what happened near the date, the names and the places of the sentence.

Words are read between the midpoints to the sentence's other dates, since one sentence
may tell several happenings ("invaded in 2003, left in 2011"); names (a run of
capitalised words, known by its last word's consonant skeleton, so transliterations
agree; the topic's entities; countries) and places (the topic's, and capitalised
phrases after "in", "at", "near") are read from the whole sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from crossbrief import lexicon
from crossbrief.extract.gazetteer import Gazetteer
from crossbrief.extract.names import NameMatcher, token_key
from crossbrief.records import DatedStatement

#: Granularities clustering reads (a year only joins statements that share what
#: happened and who or where).
NARROW = ("day", "week", "month", "year")

WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,]\d+)*", re.UNICODE)
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|off)\s+((?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+(?:[A-Z][\w'’-]*|\d+))*)"
)
MARK = "\u2063"  # where the date stood in a clause (INVISIBLE SEPARATOR)


@dataclass(frozen=True)
class Statement:
    """A dated statement with what clustering reads from it."""

    id: str
    document: str
    source: str  # who tells it: reprints of one article count once
    date: str
    first: dt.date
    last: dt.date
    granularity: str
    date_text: str
    quote: str
    words: frozenset[str]  # content words of the date's clause, lower case, light stem
    names: frozenset[str]  # capitalised names by consonant skeleton, entities, countries
    places: frozenset[str]  # places below country level (topic places, "in X" phrases)
    clause: str = ""  # the clause around the date, the date left out

    @cached_property
    def features(self) -> frozenset[str]:
        return (
            frozenset("w:" + w for w in self.words)
            | frozenset("n:" + n for n in self.names)
            | frozenset("p:" + p for p in self.places)
        )


@cache
def stopwords() -> frozenset[str]:
    data = lexicon.load("discovery")
    words = {str(w).lower() for w in data["stopwords"]}
    # titles stand before names of anyone ("President", "General")
    words |= {w.lower() for t in lexicon.load("attribution")["titles"] for w in str(t).split()}
    dates = lexicon.load("dates")
    for key in ("months", "weekdays"):
        block = dates.get(key) or {}
        words |= {str(w).lower() for w in (block if isinstance(block, list) else block.keys())}
    return frozenset(words)


def stem(word: str) -> str:
    """A light stem, so "attacked", "attacks" and "attack" are one word."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith(("ss", "us", "is")):
            return w[: -len(suffix)]
    return w


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The days an ISO date at its granularity covers (day, ISO week, month)."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            after = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, after - dt.timedelta(days=1)
    except ValueError:
        return None
    return None


def _without(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def features(
    statement: DatedStatement,
    source: str,
    places: Gazetteer | None = None,
    names: NameMatcher | None = None,
    others: Sequence[tuple[int, int]] = (),
) -> Statement | None:
    """The statement as clustering reads it, or None when its date is too broad
    (a window counted back) or unresolved, or it is a photo caption. ``others`` are the
    (start, end) in the text of the sentence's other dates: a sentence may tell several
    happenings, each with its date ("invaded in 2003, left in 2011"), so the words of
    what happened are read between the midpoints to the neighbouring dates."""
    date = statement.date
    if statement.in_caption or not date.value or date.granularity not in NARROW or date.since:
        return None
    span = interval(date.value)
    if span is None:
        return None
    # the date's own words are no evidence of what happened
    offset = date.start - statement.start
    text = statement.quote
    if 0 <= offset <= len(text):
        text = _without(text, offset, min(len(text), offset + len(date.text)))
    stop = stopwords()
    found_places: set[str] = set()
    countries: set[str] = set()
    for mention in places.find(text) if places else []:
        if mention.kind == "place":
            found_places.add(mention.label)
        else:
            countries.add(mention.label)
        text = _without(text, mention.start, mention.end)
    found_names = {m.canonical for m in names.find(text)} if names else set()
    for m in _LOCATIVE.finditer(text):
        phrase = m.group(1).removeprefix("the ").strip()
        tokens = phrase.split()
        if tokens[0].lower() in stop:
            continue
        found_places.add(" ".join(token_key(t) for t in tokens))
    found_names |= {"c:" + c for c in countries}
    words: set[str] = set()
    low_start, low_end = _region(statement, others)
    run: list[str] = []  # a run of capitalised words: a name, known by its last word
    for i, m in enumerate(WORD.finditer(text)):
        token = m.group()
        if token[:1].isupper() and i > 0 and token.lower() not in stop:
            run.append(token)
            continue
        if run:
            found_names.add(token_key(run[-1]))
            run = []
        if token.lower() in stop or (len(token) < 3 and not token.isdigit()):
            continue
        if low_start <= m.start() < low_end:
            words.add(stem(token))
    if run:
        found_names.add(token_key(run[-1]))
    return Statement(
        statement.id,
        statement.document,
        source,
        date.value,
        span[0],
        span[1],
        date.granularity,
        date.text,
        statement.quote,
        frozenset(words),
        frozenset(found_names),
        frozenset(found_places),
        " ".join(statement.quote[low_start:low_end].replace(date.text, MARK, 1).split()),
    )


def _region(statement: DatedStatement, others: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The part of the sentence nearer this statement's date than any other date."""
    start, end = statement.date.start, statement.date.end
    lo, hi = statement.start, statement.end
    for a, b in others:
        if b <= start:
            lo = max(lo, (b + start) // 2)
        elif a >= end:
            hi = min(hi, (end + a) // 2)
    return lo - statement.start, hi - statement.start
