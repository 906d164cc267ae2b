"""A figure found in a clause made a claim: its interval, actor, place, window, event
and attribution, from the clause first and from the running state of the document
(``state``, and for attack counts and casualties ``countcontext``) when the clause
does not say."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from crossbrief.extract import (
    attribution,
    casualties,
    countcontext,
    dated,
    events,
    measures,
    whereabouts,
)
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


@dataclass(frozen=True)
class Memories:
    """What only grows as a document is read: the place of each figure told, and the
    running state of attack counts and casualties."""

    figures: Figures
    counts: countcontext.CountMemory


def build(setting: Setting, found: measures.Found, state: Running, memories: Memories) -> Claim:
    document, s = setting.document, setting.view.sentence
    counts = memories.counts
    value = float(found.number.value or 0)
    low, high = interval(found.hedge.qualifier, value, found.number.low)
    actor = found.actor
    notes: list[str] = []
    if actor is None and found.measure != "casualty":
        actor = state.actor_of(found.measure, setting.default_actor)
        if actor:
            notes.append(f"actor {actor} taken from context")
    location = where(found.location, setting.territories) if found.location else None
    locations = tuple(dict.fromkeys(where(m, setting.territories) for m in found.locations))
    if found.measure == "attack_count" and not locations:
        paragraph_place = state.places.not_labelled(None)
        locations = countcontext.attack_places(
            s.text,
            counts,
            where(paragraph_place, setting.territories) if paragraph_place else None,
            setting.dominant[0] if setting.dominant else None,
        )
        if locations:
            location = locations[0]
            notes.append(f"locations {', '.join(locations)} taken from context")
    if found.measure != "attack_count" and location is None:
        location = _context_place(setting, found, state, memories, actor, value)
        if location:
            notes.append(f"location {location} taken from context")
    start = s.start + found.hedge.start
    end = s.start + max(found.noun_end, found.location.end if found.location else 0)
    window = None
    as_of = None
    event = None
    times = setting.view.local_times
    if found.measure == "attack_count":
        part = countcontext.part_of(found, counts)
        window = dated.count_window(s.text, times, found.number.end)
        if window is not None:
            window = replace(window, start=window.start + s.start, end=window.end + s.start)
        elif part is not None:  # "two of them": the window of the count they are part of
            window = part.window_start
        else:
            window = (
                _window_from_event(s.text, s.start, setting.hits) or state.window or state.since
            )
        as_of = dated.count_as_of(s.text, times, found.number.end)
        if as_of is not None:
            as_of = replace(as_of, start=as_of.start + s.start, end=as_of.end + s.start)
        else:
            as_of = part.as_of if part is not None else setting.publication
    if found.measure == "casualty" and setting.hits:
        at = s.start + found.number.start
        event = min(setting.hits, key=lambda h: abs(h.trigger - at)).event.id
    attributed = attribution.attribute(s.text, found.number.start, setting.context)
    if attributed is None and found.measure == "attack_count":
        attributed = countcontext.carried_source(s.text, found, counts)
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
        locations=locations,
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
    memories: Memories,
    actor: str | None,
    value: float,
) -> str | None:
    """Where a figure is when its clause names no place: "in the country" is the
    country named last; a repeated figure keeps the place it had; casualties are where
    the incident is (``countcontext``); a troop figure is at the place named nearest
    before it in its sentence, or where the figure before it in the sentence is;
    otherwise the last place named with a locative preposition in the paragraph, or
    the article's main country that is not the actor's own (forces counted abroad are
    the news; a figure whose clause names no place is not placed at home by default)."""
    main = next((d for d in setting.dominant if d != actor), None)
    view, s = setting.view, setting.view.sentence
    territories = setting.territories
    if found.anaphoric_place:
        here = [m for m in view.mentions if m.start < s.start + found.noun_end]
        for mention in reversed([m for m in here if m.kind == "country"]):
            if mention.label != actor:
                return where(mention, territories)
        earlier = state.countries.not_labelled(actor) or state.earlier.not_labelled(actor)
        return where(earlier, territories) if earlier is not None else main
    if found.measure == "casualty" and casualties.SAME_PLACE in found.notes:
        return countcontext.same_place(found, memories.counts)  # "in the same region"
    known = memories.figures.get((found.measure, value, actor))
    if known:
        return known
    if found.measure == "casualty":
        named = [
            m
            for m in view.mentions
            if m.kind == "country"
            and m.label != actor
            and not casualties.attacker(s.text, m.end - s.start)
            and not whereabouts.origin(s.text, m.start - s.start)  # "medics from Chad"
        ]
        paragraph_place = state.places.not_labelled(actor)
        return countcontext.casualty_place(
            memories.counts,
            where(paragraph_place, territories) if paragraph_place else None,
            where(named[0], territories) if named else None,
            main,
        )
    if found.measure == "troop_figure":
        near = _place_before(view, found.number.start, actor)
        if near is not None:
            return where(near, territories)
        same = state.sentence_place  # "... to 148,000, including 126,000 ground troops"
        if same is not None and same[:2] == (s.start, found.measure):
            return same[2]
    place = state.places.not_labelled(actor)
    return where(place, territories) if place is not None else main


def _place_before(view: SentenceView, at: int, actor: str | None) -> Mention | None:
    """The place named nearest before a figure in its sentence, not the actor's own, not
    where someone spoke and not where troops come from: "Mali demanded all 12,000
    peacekeepers leave", "forces massed along the border of X have grown by 7,000"."""
    text = view.sentence.text
    for mention, local in zip(reversed(view.mentions), reversed(view.local_mentions), strict=True):
        if (
            local.start < at
            and mention.kind in ("country", "place")
            and mention.country != actor
            and not whereabouts.speaker_place(text, local.start)
            and not whereabouts.origin(text, local.start)
        ):
            return mention
    return None


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
