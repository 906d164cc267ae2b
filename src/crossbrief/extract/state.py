"""The running state of a document: what earlier sentences said that a later figure or
event may take as its own.

``Running`` is a frozen record, renewed sentence by sentence (``enter``, ``leave``)
and figure by figure (``remember``): the latest country and the latest place named
with a locative preposition in the paragraph (and the countries of the paragraphs
before), the window of the last attack count, the last "since" date of the paragraph,
the actor of the last figure of each measure, what the last figure counted, the place
of the last figure of the sentence and the date of the last dated event. Each is kept
as the latest value, so a figure's context is found in constant time however long the
article (a hostile one may hold thousands of figures). Two memories are kept apart
and only added to: ``Figures``, the place each figure had, and the running state of
attack counts and casualties (``countcontext.CountMemory``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from crossbrief.extract import countcontext, measures
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.view import SentenceView
from crossbrief.records import Claim, TimeValue

#: (measure, value, actor) of a figure -> the place it was given.
Figures = dict[tuple[str, float, str | None], str]


@dataclass(frozen=True)
class Latest:
    """Mentions met in order, kept as the last one and the last one before it with
    another label: enough to give the latest mention not labelled X in constant time,
    where scanning back through a long paragraph full of one label was quadratic."""

    last: Mention | None = None
    other: Mention | None = None  # the latest mention labelled unlike ``last``

    def extend(self, mentions: Iterable[Mention]) -> Latest:
        last, other = self.last, self.other
        for mention in mentions:
            if last is not None and mention.label != last.label:
                other = last
            last = mention
        return self if last is self.last else Latest(last, other)

    def not_labelled(self, label: str | None) -> Mention | None:
        if self.last is None or self.last.label != label:
            return self.last
        return self.other


@dataclass(frozen=True)
class Running:
    paragraph: int = -1
    countries: Latest = field(default_factory=Latest)  # this paragraph, earlier sentences
    places: Latest = field(default_factory=Latest)  # with a locative preposition
    earlier: Latest = field(default_factory=Latest)  # countries of earlier paragraphs
    window: TimeValue | None = None  # of the last attack count: a series goes on counting
    since: TimeValue | None = None  # the last "since" date of this paragraph
    actors: tuple[tuple[str, str], ...] = ()  # (measure, actor of its last figure)
    last_measure: str | None = None  # of the last figure: "The 900 were ..." goes on
    sentence_place: tuple[int, str, str] | None = None  # sentence start, measure, place
    event_date: TimeValue | None = None  # of the last event given a date

    def _with(self, **changes: Any) -> Running:
        """A copy with ``changes``: ``dataclasses.replace`` without its checks, as it
        is asked for at every sentence."""
        fields = dict(self.__dict__)
        fields.update(changes)
        return Running(**fields)

    def actor_of(self, measure: str, default: str | None) -> str | None:
        """The actor of the last figure of ``measure``, or ``default``."""
        return next((a for m, a in self.actors if m == measure), default)

    def enter(self, view: SentenceView) -> Running:
        """A new paragraph forgets the places, countries and "since" of the last (its
        countries stay as those of the paragraphs before)."""
        if view.sentence.paragraph == self.paragraph:
            return self
        return self._with(
            paragraph=view.sentence.paragraph,
            countries=Latest(),
            places=Latest(),
            earlier=self.countries if self.countries.last is not None else self.earlier,
            since=None,
        )

    def leave(self, view: SentenceView, places: list[Mention]) -> Running:
        """What a sentence leaves for the next: its countries, its places after a
        locative preposition (``places``), its last "since" date."""
        if not view.mentions and not view.times:
            return self
        return self._with(
            countries=self.countries.extend(m for m in view.mentions if m.kind == "country"),
            places=self.places.extend(places),
            since=next((t for t in reversed(view.times) if t.since), self.since),
        )

    def remember(self, claim: Claim) -> Running:
        """A figure's measure, actor, place and window, for the figures after it."""
        actors = self.actors
        if claim.actor:
            actors = (*(p for p in actors if p[0] != claim.measure), (claim.measure, claim.actor))
        window = self.window
        if claim.window_start is not None and not countcontext.one_day(claim):
            window = claim.window_start
        place = self.sentence_place
        if claim.location:
            place = (claim.sentence_start, claim.measure, claim.location)
        return self._with(
            actors=actors,
            window=window,
            last_measure=claim.measure,
            sentence_place=place,
        )

    def dated(self, date: TimeValue) -> Running:
        """The date of an event, for an event after it that says "that day"."""
        return self._with(event_date=date)


def places_named(view: SentenceView) -> list[Mention]:
    """The places a sentence names after a locative preposition."""
    text = view.sentence.text
    if not view.local_mentions:
        return []
    return measures.places_after(text, 0, len(text), view.local_mentions)


def remember_place(figures: Figures, claim: Claim) -> None:
    """The place a figure had, for the same figure told again."""
    if claim.location:
        figures[(claim.measure, claim.value, claim.actor)] = claim.location
