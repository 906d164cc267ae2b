"""A figure found in a clause made a claim: its interval, actor, place, window, event
and attribution, from the clause first and from the running state of the document
when the clause does not say."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from crossbrief.extract import attribution, dated, events, measures
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.hedges import interval
from crossbrief.extract.state import Figures, Running
from crossbrief.extract.view import SentenceView
from crossbrief.records import Claim, Document, TimeValue


def make_id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def where(mention: Mention, territories: frozenset[str]) -> str:
    """How a place is reported: its country, or itself when it is a territory."""
    if mention.kind == "place" and mention.label not in territories:
        return mention.country
    return mention.label


@dataclass(frozen=True)
class Setting:
    """What the figures of one sentence are read against besides their clause."""

    document: Document
    view: SentenceView
    context: list[str]  # the sentences before, for a source named there
    dominant: tuple[str, ...]  # the article's main countries, most named first
    default_actor: str | None
    territories: frozenset[str]
    hits: list[events.Hit]  # the catalogue events of the sentence
    publication: TimeValue | None


def build(setting: Setting, found: measures.Found, state: Running, figures: Figures) -> Claim:
    document, s = setting.document, setting.view.sentence
    value = float(found.number.value or 0)
    low, high = interval(found.hedge.qualifier, value, found.number.low)
    actor = found.actor
    notes: list[str] = []
    if actor is None and found.measure != "casualty":
        actor = state.actor_of(found.measure, setting.default_actor)
        if actor:
            notes.append(f"actor {actor} taken from context")
    location = where(found.location, setting.territories) if found.location else None
    if found.measure != "attack_count" and location is None:
        location = _context_place(setting, found, state, figures, actor, value)
        if location:
            notes.append(f"location {location} taken from context")
    start = s.start + found.hedge.start
    end = s.start + max(found.noun_end, found.location.end if found.location else 0)
    window = None
    as_of = None
    event = None
    times = setting.view.local_times
    if found.measure == "attack_count":
        window = dated.count_window(s.text, times, found.number.end)
        if window is not None:
            window = replace(window, start=window.start + s.start, end=window.end + s.start)
        else:
            window = (
                _window_from_event(s.text, s.start, setting.hits) or state.window or state.since
            )
        as_of = dated.count_as_of(s.text, times, found.number.end)
        if as_of is not None:
            as_of = replace(as_of, start=as_of.start + s.start, end=as_of.end + s.start)
        else:
            as_of = setting.publication
    if found.measure == "casualty" and setting.hits:
        at = s.start + found.number.start
        event = min(setting.hits, key=lambda h: abs(h.trigger - at)).event.id
    attributed = attribution.attribute(s.text, found.number.start, setting.context)
    return Claim(
        id=make_id(document.id, start, end),
        document=document.id,
        measure=found.measure,
        value=value,
        low=low,
        high=high,
        qualifier=found.hedge.qualifier,
        quote=document.text[start:end],
        start=start,
        end=end,
        sentence=s.text,
        sentence_start=s.start,
        sentence_end=s.end,
        actor=actor,
        location=location,
        locations=tuple(dict.fromkeys(where(m, setting.territories) for m in found.locations)),
        kind=found.kind,
        who=found.who,
        outcome=found.outcome,
        target=found.target
        or (f"{actor} forces" if found.measure == "attack_count" and actor else None),
        event=event,
        attributed_to=attributed,
        window_start=window,
        as_of=as_of,
        in_caption=setting.view.caption,
        notes=tuple(notes),
    )


def _context_place(
    setting: Setting,
    found: measures.Found,
    state: Running,
    figures: Figures,
    actor: str | None,
    value: float,
) -> str | None:
    """Where a figure is when its clause names no place: "in the country" is the
    country named last; a repeated figure keeps the place it had; otherwise the last
    place named with a locative preposition in the paragraph, or the article's main
    country that is not the actor's own (forces counted abroad are the news; a figure
    whose clause names no place is not placed at home by default)."""
    main = next((d for d in setting.dominant if d != actor), None)
    s = setting.view.sentence
    territories = setting.territories
    if found.anaphoric_place:
        here = [m for m in setting.view.mentions if m.start < s.start + found.noun_end]
        for mention in reversed([m for m in here if m.kind == "country"]):
            if mention.label != actor:
                return where(mention, territories)
        earlier = state.countries.not_labelled(actor)
        return where(earlier, territories) if earlier is not None else main
    known = figures.get((found.measure, value, actor))
    if known:
        return known
    place = state.places.not_labelled(actor)
    return where(place, territories) if place is not None else main


def _window_from_event(text: str, offset: int, hits: list[events.Hit]) -> TimeValue | None:
    """ "Since the onset of <event>": the window starts at the catalogue's date."""
    lowered = text.lower()
    at = lowered.find("since ")
    if at < 0:
        return None
    after = [h for h in hits if h.trigger - offset > at and h.event.date]
    if not after:
        return None
    hit = min(after, key=lambda h: h.trigger)
    date = hit.event.date or ""
    granularity = {4: "year", 7: "month", 10: "day"}.get(len(date), "unknown")
    end = text.find(",", at)
    phrase = text[at : end if end > at else len(text)]
    return TimeValue(
        phrase,
        offset + at,
        offset + at + len(phrase),
        date,
        granularity,
        kind="catalogue",
        since=True,
        note=f"date of catalogue event {hit.event.id}",
    )


def inherit(date: TimeValue, previous: TimeValue | None) -> TimeValue:
    """An anaphoric date ("that day") takes the date of the event before it."""
    if previous is None or previous.value is None:
        return date
    return TimeValue(
        date.text,
        date.start,
        date.end,
        previous.value,
        previous.granularity,
        previous.mod,
        previous.value,
        "anaphoric",
        note=f"date of the event before: {previous.text}",
    )
