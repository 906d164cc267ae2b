"""A document read once by every finder, as one view per sentence.

Each finder (places, names, numbers, event terms) runs once over the whole text and
its matches go to the sentence they start in (and, for the ones with an end, lie
inside); time expressions are read per sentence. A view holds the matches in the
document's offsets, as the records keep them, and the sentence-local copies the
clause rules read, made once here rather than by each reader.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from crossbrief.extract import events, numbers, timex
from crossbrief.extract.gazetteer import Gazetteer, Mention
from crossbrief.extract.names import NameMatch, NameMatcher
from crossbrief.extract.numbers import Number
from crossbrief.extract.sentences import Sentence, sentences
from crossbrief.records import Document, TimeValue

_T = TypeVar("_T")


@dataclass(frozen=True)
class SentenceView:
    sentence: Sentence
    mentions: list[Mention]  # places and countries, in the document's offsets
    names: list[NameMatch]
    numbers: list[Number]
    times: list[TimeValue]
    terms: list[events.TermHit]
    local_mentions: list[Mention]  # the same, in the sentence's offsets
    local_numbers: list[Number]
    local_times: list[TimeValue]

    @property
    def caption(self) -> bool:
        return self.sentence.role == "caption"


@dataclass(frozen=True)
class Finders:
    """The topic's compiled finders."""

    places: Gazetteer
    names: NameMatcher
    terms: events.TermScanner


def _bucket(starts: list[int], items: list[_T], start_of: Callable[[_T], int]) -> list[list[_T]]:
    """Items (in text order) per sentence, by the sentence their start falls in."""
    out: list[list[_T]] = [[] for _ in starts]
    for item in items:
        at = bisect_right(starts, start_of(item)) - 1
        if at >= 0:
            out[at].append(item)
    return out


def read(
    finders: Finders, document: Document, anchor: dt.date | None
) -> tuple[list[SentenceView], list[numbers.Oversized]]:
    """The views of a document's sentences, and apart the numbers too large to be
    figures."""
    text = document.text
    found = sentences(document)
    starts = [s.start for s in found]
    ends = [s.end for s in found]

    def within(items: list[list[_T]], end_of: Callable[[_T], int]) -> list[list[_T]]:
        return [[x for x in group if end_of(x) <= ends[i]] for i, group in enumerate(items)]

    places = finders.places.find(text)
    mentions = within(_bucket(starts, places, lambda m: m.start), lambda m: m.end)
    names = within(_bucket(starts, finders.names.find(text), lambda m: m.start), lambda m: m.end)
    reading = numbers.read(text)
    counts = within(_bucket(starts, reading.numbers, lambda n: n.start), lambda n: n.end)
    terms = _bucket(starts, finders.terms.scan(text), lambda h: h.start)
    views = []
    for i, s in enumerate(found):
        times = timex.tag(s.text, s.start, anchor, document.date_order)
        views.append(
            SentenceView(
                s,
                mentions[i],
                names[i],
                counts[i],
                times,
                terms[i],
                [_local_mention(m, s.start) for m in mentions[i]],
                [replace(n, start=n.start - s.start, end=n.end - s.start) for n in counts[i]],
                [_local_time(t, s.start) for t in times],
            )
        )
    return views, reading.oversized


def _local_mention(m: Mention, offset: int) -> Mention:
    return Mention(m.start - offset, m.end - offset, m.text, m.label, m.country, m.kind)


def _local_time(t: TimeValue, offset: int) -> TimeValue:
    return TimeValue(
        t.text,
        t.start - offset,
        t.end - offset,
        t.value,
        t.granularity,
        t.mod,
        t.anchor,
        t.kind,
        t.since,
        t.note,
    )
