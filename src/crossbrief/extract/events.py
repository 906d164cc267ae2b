"""Catalogue events mentioned in a sentence, and the date the text gives each.

A rule holds when every term group has a term in the sentence; a rule marked
``date: required`` also needs a date in the sentence that agrees with the event's.
Each date in a sentence goes to the event whose trigger is nearest; a date that opens
the sentence ("In 2020, ...") frames every event in it that has no date of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crossbrief.extract.names import NameMatch
from crossbrief.records import TimeValue
from crossbrief.topic import Event, Rule, Topic

#: A date that starts within this many characters of the sentence frames all of it.
_FRAME_CHARS = 12


@dataclass(frozen=True)
class Hit:
    event: Event
    trigger: int  # offset of the trigger term nearest the start of the matched terms
    terms: tuple[str, ...]


@cache
def _term_pattern(term: str) -> re.Pattern[str]:
    if term.endswith("*"):
        return re.compile(rf"(?<![\w-]){re.escape(term[:-1])}\w*", re.IGNORECASE)
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)


def _group_hits(
    group: tuple[str, ...], text: str, offset: int, names: list[NameMatch]
) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    for term in group:
        if term.startswith("@"):
            hits.extend((n.start, n.surface) for n in names if n.canonical == term[1:])
        else:
            hits.extend((offset + m.start(), m.group()) for m in _term_pattern(term).finditer(text))
    return hits


def agrees(given: TimeValue, catalogue: str | None) -> bool:
    """A text date agrees with a catalogue date at the coarser of the two granularities."""
    if given.value is None or catalogue is None:
        return False
    if given.granularity == "week":
        return False
    n = min(len(given.value), len(catalogue))
    return given.value[:n] == catalogue[:n]


def _rule_holds(
    rule: Rule, event: Event, text: str, offset: int, names: list[NameMatch], times: list[TimeValue]
) -> tuple[int, tuple[str, ...]] | None:
    firsts: list[int] = []
    terms: list[str] = []
    for group in rule.groups:
        hits = _group_hits(group, text, offset, names)
        if not hits:
            return None
        firsts.append(min(h[0] for h in hits))
        terms.append(min(hits)[1])
    if rule.date_required and not any(agrees(t, event.date) for t in times if not t.since):
        return None
    return min(firsts), tuple(terms)


def match(
    topic: Topic, text: str, offset: int, names: list[NameMatch], times: list[TimeValue]
) -> list[Hit]:
    """The catalogue events a sentence mentions (each at most once)."""
    hits = []
    for event in topic.events:
        for rule in event.rules:
            held = _rule_holds(rule, event, text, offset, names, times)
            if held is not None:
                hits.append(Hit(event, held[0], held[1]))
                break
    return hits


def assign_dates(
    hits: list[Hit], times: list[TimeValue], sentence_start: int
) -> dict[str, TimeValue | None]:
    """The date the text gives each event of a sentence."""
    dates: dict[str, TimeValue | None] = {h.event.id: None for h in hits}
    usable = [t for t in times if not t.since]
    for time in usable:
        candidates = [h for h in hits if _fits(time, h.event)]
        if not candidates:
            continue
        nearest = min(candidates, key=lambda h: abs(h.trigger - time.start))
        if dates[nearest.event.id] is None:
            dates[nearest.event.id] = time
    frames = [t for t in usable if t.start - sentence_start <= _FRAME_CHARS]
    for hit in hits:
        if dates[hit.event.id] is None:
            frame = next((t for t in frames if _fits(t, hit.event)), None)
            dates[hit.event.id] = frame
    return dates


def _fits(time: TimeValue, event: Event) -> bool:
    """A date can belong to an event unless it plainly contradicts the event's year
    (a date-required event takes only an agreeing date)."""
    if time.value is None or event.date is None:
        return True
    if any(rule.date_required for rule in event.rules):
        return agrees(time, event.date)
    return True
