"""The running state of a document: what earlier sentences said that a later figure or
event may take as its own.

``Running`` is a frozen record, renewed sentence by sentence (``enter``, ``leave``)
and figure by figure (``remember``): the latest country and the latest place named
with a locative preposition in the paragraph, the window of the last attack count,
the last "since" date of the paragraph, the actor of the last figure of each measure
and the date of the last dated event. Each is kept as the latest value, so a figure's
context is found in constant time however long the article (a hostile one may hold
thousands of figures). The one thing that grows, the place each figure had, is kept
apart in ``Figures``, a map that is only added to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from crossbrief.extract import measures
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
    window: TimeValue | None = None  # of the last attack count: a series goes on counting
    since: TimeValue | None = None  # the last "since" date of this paragraph
    actors: tuple[tuple[str, str], ...] = ()  # (measure, actor of its last figure)
    event_date: TimeValue | None = None  # of the last event given a date

    def actor_of(self, measure: str, default: str | None) -> str | None:
        """The actor of the last figure of ``measure``, or ``default``."""
        return next((a for m, a in self.actors if m == measure), default)

    def enter(self, view: SentenceView) -> Running:
        """A new paragraph forgets the places, countries and "since" of the last."""
        if view.sentence.paragraph == self.paragraph:
            return self
        return Running(
            view.sentence.paragraph,
            Latest(),
            Latest(),
            self.window,
            None,
            self.actors,
            self.event_date,
        )

    def leave(self, view: SentenceView) -> Running:
        """What a sentence leaves for the next: its countries, its places after a
        locative preposition, its last "since" date."""
        if not view.mentions and not view.times:
            return self
        text = view.sentence.text
        places = measures.places_after(text, 0, len(text), view.local_mentions)
        return Running(
            self.paragraph,
            self.countries.extend(m for m in view.mentions if m.kind == "country"),
            self.places.extend(places),
            self.window,
            next((t for t in reversed(view.times) if t.since), self.since),
            self.actors,
            self.event_date,
        )

    def remember(self, claim: Claim) -> Running:
        """A figure's actor and window, for the figures after it."""
        actors = self.actors
        if claim.actor:
            actors = (*(p for p in actors if p[0] != claim.measure), (claim.measure, claim.actor))
        window = claim.window_start if claim.window_start is not None else self.window
        if actors is self.actors and window is self.window:
            return self
        return Running(
            self.paragraph,
            self.countries,
            self.places,
            window,
            self.since,
            actors,
            self.event_date,
        )

    def dated(self, date: TimeValue) -> Running:
        """The date of an event, for an event after it that says "that day"."""
        return Running(
            self.paragraph,
            self.countries,
            self.places,
            self.window,
            self.since,
            self.actors,
            date,
        )


def remember_place(figures: Figures, claim: Claim) -> None:
    """The place a figure had, for the same figure told again."""
    if claim.location:
        figures[(claim.measure, claim.value, claim.actor)] = claim.location
