"""Casualty figures: people killed, wounded, injured, missing or captured.

A count of people is a casualty when a casualty word governs it: a verb before it
("killed three soldiers"), a word after it ("40 wounded", "three soldiers died").
"""

from __future__ import annotations

from crossbrief.extract import hedges
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import (
    Found,
    anaphoric_place,
    clause_bounds,
    phrase,
    places_after,
)
from crossbrief.extract.numbers import Number

_BEFORE = 8  # words before a number in which a casualty verb governs it
_AFTER = 6


def outcome(text: str, number: Number, noun: str, noun_end: int) -> str | None:
    """What happened to the people counted, or None when the count is no casualty."""
    before = " ".join(text[: number.start].split()[-_BEFORE:])
    after = " ".join(text[noun_end:].split()[:_AFTER])
    left, _ = clause_bounds(text, number.start, noun_end)
    before = before[-(number.start - left) :] if number.start - left < len(before) else before
    for result, key in (("killed", "casualty_killed"), ("wounded", "casualty_wounded")):
        if phrase(key).fullmatch(noun):
            return result  # "more than 40 wounded"
    best: tuple[int, str] | None = None
    for result, key in (("killed", "casualty_killed"), ("wounded", "casualty_wounded")):
        for hit in phrase(key).finditer(before):
            distance = len(before) - hit.end()
            best = min(best or (distance, result), (distance, result))
        later = phrase(key).search(after)
        if later:
            best = min(best or (later.start(), result), (later.start(), result))
    return best[1] if best else None


def find(
    text: str,
    number: Number,
    hedge: hedges.Hedge,
    noun: tuple[str, str, int, str | None],
    noun_from: int,
    places: list[Mention],
    stop: int,
    mentions: list[Mention],
) -> Found | None:
    """The casualty figure of ``number`` counting ``noun``, if a casualty word governs it."""
    _, noun_text, noun_end, np_actor = noun
    result = outcome(text, number, noun_text, noun_end)
    if result is None:
        return None
    left, _ = clause_bounds(text, number.start, number.end)
    before_places = places_after(text, left, number.start, mentions)
    where = places[0] if places else (before_places[-1] if before_places else None)
    return Found(
        "casualty",
        number,
        hedge,
        noun_text,
        noun_end,
        actor=np_actor,
        actor_explicit=np_actor is not None,
        location=where,
        locations=tuple(places),
        who=text[noun_from:noun_end].strip(),
        outcome=result,
        anaphoric_place=anaphoric_place(text, noun_end, stop),
    )
