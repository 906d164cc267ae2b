"""Catalogue events mentioned in a sentence, and the date the text gives each.

A rule holds when every term group has a term in the sentence; a rule marked
``date: required`` also needs a date in the sentence that agrees with the event's.
Each date in a sentence goes to the event with a term nearest to it; a date that opens
the sentence ("In 2020, ...") frames every event in it that has no date of its own. A
"since" date opens a window, not an event, unless the event is named right after it
("tension since Jan. 3, when a drone struck ..."). A date that dates a report before
what it reports ("said on Wednesday that the troops would leave") is not the date of
an event told only inside the report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from crossbrief.extract import prefilter
from crossbrief.extract.names import NameMatch
from crossbrief.extract.timepatterns import ends_before, patterns
from crossbrief.records import TimeValue
from crossbrief.topic import Event, Rule, Topic

#: A date that starts within this many characters of the sentence frames all of it.
_FRAME_CHARS = 12
#: A "since" date dates an event whose term starts at most this many characters after it.
_SINCE_CHARS = 40


@dataclass(frozen=True)
class Hit:
    event: Event
    trigger: int  # offset of the trigger term nearest the start of the matched terms
    terms: tuple[str, ...]
    spots: tuple[int, ...] = ()  # offsets of every term of the rule found in the sentence


@cache
def _term_pattern(term: str) -> re.Pattern[str]:
    if term.endswith("*"):
        return re.compile(rf"(?<![\w-]){re.escape(term[:-1])}\w*", re.IGNORECASE)
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class TermHit:
    start: int
    surface: str
    terms: frozenset[str]


def _first_of(terms: list[str]) -> str:
    """A look-ahead for the first characters of ``terms``, so that the alternation of
    every term is tried only where one of them can start (not at each character of
    a run of punctuation or figures); empty when a term has no first character."""
    literals = [t.removesuffix("*") for t in terms]
    if not all(literals):
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted({t[0] for t in literals})) + "])"


class TermScanner:
    """Every plain term of a catalogue in one regular expression, run once per text."""

    def __init__(self, topic: Topic) -> None:
        terms = sorted(
            {
                t
                for e in topic.events
                for r in e.rules
                for g in r.groups
                for t in g
                if not t.startswith("@")
            },
            key=len,
            reverse=True,
        )
        self.terms = tuple(terms)
        parts = [
            re.escape(t[:-1]) + r"\w*" if t.endswith("*") else re.escape(t) + r"(?![\w-])"
            for t in terms
        ]
        self.pattern = (
            re.compile(rf"(?<![\w-]){_first_of(terms)}(?:{'|'.join(parts)})", re.IGNORECASE)
            if parts
            else None
        )
        self._which: dict[str, frozenset[str]] = {}
        self.rules = RuleIndex(topic)
        literals = [t.removesuffix("*").lower() for t in terms]
        # what every match starts with; none when a term is a bare "*"
        self._firsts = prefilter.heads(tuple(literals)) if all(literals) else None

    def scan(self, text: str) -> list[TermHit]:
        if self.pattern is None:
            return []
        starts = None
        if self._firsts is not None:
            starts = prefilter.word_starts(prefilter.lowered(text), self._firsts)
        hits = []
        for match in prefilter.finditer(self.pattern, text, starts):
            surface = match.group()
            key = surface.lower()
            terms = self._which.get(key)
            if terms is None:
                terms = frozenset(t for t in self.terms if _term_pattern(t).fullmatch(surface))
                self._which[key] = terms
            hits.append(TermHit(match.start(), surface, terms))
        return hits


def _group_hits(
    group: tuple[str, ...], terms: list[TermHit], names: list[NameMatch]
) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    for term in group:
        if term.startswith("@"):
            hits.extend((n.start, n.surface) for n in names if n.canonical == term[1:])
        else:
            hits.extend((h.start, h.surface) for h in terms if term in h.terms)
    return hits


def agrees(given: TimeValue, catalogue: str | None) -> bool:
    """A text date agrees with a catalogue date at the coarser of the two granularities;
    a week ("last week") agrees with a day inside it, or with the month or year its
    Thursday falls in (the day that names an ISO week's month and year)."""
    if given.value is None or catalogue is None:
        return False
    if given.granularity == "week":
        return _week_agrees(given.value, catalogue)
    n = min(len(given.value), len(catalogue))
    return given.value[:n] == catalogue[:n]


def _week_agrees(week: str, catalogue: str) -> bool:
    match = re.fullmatch(r"(\d{4})-W(\d{2})", week)
    if match is None:
        return False
    try:
        monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        if len(catalogue) == 10:
            return 0 <= (dt.date.fromisoformat(catalogue) - monday).days <= 6
    except ValueError:
        return False
    return (monday + dt.timedelta(days=3)).isoformat().startswith(catalogue)


def _rule_holds(
    rule: Rule, event: Event, terms: list[TermHit], names: list[NameMatch], times: list[TimeValue]
) -> Hit | None:
    firsts: list[int] = []
    chosen: list[str] = []
    spots: set[int] = set()
    for group in rule.groups:
        hits = _group_hits(group, terms, names)
        if not hits:
            return None
        firsts.append(min(h[0] for h in hits))
        chosen.append(min(hits)[1])
        spots.update(h[0] for h in hits)
    if rule.date_required and not any(agrees(t, event.date) for t in times if not t.since):
        return None
    return Hit(event, min(firsts), tuple(chosen), tuple(sorted(spots)))


class RuleIndex:
    """The catalogue's rules by the terms of their first group: a rule none of whose
    first terms stands in a sentence cannot hold there and is not looked at."""

    def __init__(self, topic: Topic) -> None:
        self.by_term: dict[str, list[tuple[int, int]]] = {}
        for i, event in enumerate(topic.events):
            for j, rule in enumerate(event.rules):
                for term in rule.groups[0] if rule.groups else ("",):
                    self.by_term.setdefault(term, []).append((i, j))

    def candidates(self, present: set[str]) -> list[tuple[int, int]]:
        """(event, rule) positions, in catalogue order, that may hold."""
        found = {at for term in present for at in self.by_term.get(term, ())}
        found.update(self.by_term.get("", ()))
        return sorted(found)


def match(
    topic: Topic,
    terms: list[TermHit],
    names: list[NameMatch],
    times: list[TimeValue],
    index: RuleIndex | None = None,
) -> list[Hit]:
    """The catalogue events a sentence mentions (each at most once: its first rule
    that holds), from the term hits and names found in it."""
    if not terms and not names:
        return []
    present: set[str] = {"@" + n.canonical for n in names}
    present.update(*(h.terms for h in terms))
    hits = []
    done = -1  # the last event with a hit
    for i, j in (index or RuleIndex(topic)).candidates(present):
        if i == done:
            continue
        event = topic.events[i]
        rule = event.rules[j]
        if any(present.isdisjoint(group) for group in rule.groups):
            continue  # a group with no term in the sentence: the rule cannot hold
        held = _rule_holds(rule, event, terms, names, times)
        if held is not None:
            hits.append(held)
            done = i
    return hits


def assign_dates(
    hits: list[Hit], times: list[TimeValue], sentence_start: int, text: str = ""
) -> dict[str, TimeValue | None]:
    """The date the text gives each event of a sentence (``text``, starting at
    ``sentence_start``; times and hits in the document's offsets)."""
    dates: dict[str, TimeValue | None] = {h.event.id: None for h in hits}
    usable = [t for t in times if not t.since]
    for time in times:
        report = _report_start(text, sentence_start, time)
        candidates = [
            h
            for h in hits
            if _fits(time, h.event)
            and (not time.since or _named_after(time, h))
            and not (report is not None and min(h.spots or (h.trigger,)) >= report)
        ]
        if not candidates:
            continue
        nearest = min(candidates, key=lambda h: _distance(time, h))
        if dates[nearest.event.id] is None:
            dates[nearest.event.id] = time
    frames = [t for t in usable if t.start - sentence_start <= _FRAME_CHARS]
    for hit in hits:
        if dates[hit.event.id] is None:
            frame = next((t for t in frames if _fits(t, hit.event)), None)
            dates[hit.event.id] = frame
    return dates


def _report_start(text: str, offset: int, time: TimeValue) -> int | None:
    """Where the report starts when ``time`` dates a report told after it ("said on
    Wednesday that ..."), in the document's offsets; None otherwise."""
    if not text:
        return None
    p = patterns()
    at, end = time.start - offset, time.end - offset
    if not ends_before(p.speech, text, at):
        return None
    that = p.speech_that.match(text, end)
    return offset + that.end() if that else None


def _distance(time: TimeValue, hit: Hit) -> int:
    """Characters between a date and the nearest term of an event."""
    spots = hit.spots or (hit.trigger,)
    return min(max(time.start - s, s - time.end, 0) for s in spots)


def _named_after(time: TimeValue, hit: Hit) -> bool:
    """An event named right after a "since" date: "since Jan. 3, when a drone struck"."""
    return any(0 <= s - time.end <= _SINCE_CHARS for s in hit.spots)


def _fits(time: TimeValue, event: Event) -> bool:
    """A date can belong to an event unless it plainly contradicts the event's year
    (a date-required event takes only an agreeing date)."""
    if time.value is None or event.date is None:
        return True
    if any(rule.date_required for rule in event.rules):
        return agrees(time, event.date)
    return True
