"""Casualty figures: people killed, wounded, injured, missing or captured, with their
place. What happened to them is read by :mod:`crossbrief.extract.outcomes`.

Casualties counted together share their place ("two were killed and 13 injured in
X"); a country before an attack noun ("a Niger strike") is the attacker, never their
place; "in the same region" is the place of the casualties counted before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from crossbrief.extract import hedges, whereabouts
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import (
    Found,
    alt,
    anaphoric_place,
    clause_bounds,
    lex,
    phrase,
    places_after,
)
from crossbrief.extract.numbers import Number
from crossbrief.extract.outcomes import OUTCOMES, bare, outcome

__all__ = ["OUTCOMES", "SAME_PLACE", "attacker", "find", "find_bare", "share_places"]

#: The note on a casualty "in the same region": its place is that of the casualties before.
SAME_PLACE = "same place as the casualties before"


def find(
    text: str,
    number: Number,
    hedge: hedges.Hedge,
    noun: tuple[str, str, int, str | None],
    noun_from: int,
    places: list[Mention],
    stop: int,
    mentions: list[Mention],
    following: int | None = None,
) -> Found | None:
    """The casualty figure of ``number`` counting ``noun``, if an outcome word governs it
    (``following``: where the next number of the sentence starts, if any)."""
    _, noun_text, noun_end, np_actor = noun
    result = outcome(text, number, noun_text, noun_end, stop, following)
    if result is None:
        return None
    who = text[noun_from:noun_end].strip()
    return _found(
        text, number, hedge, (noun_text, noun_end, np_actor, who), result, places, stop, mentions
    )


def find_bare(
    text: str,
    number: Number,
    hedge: hedges.Hedge,
    stop: int,
    mentions: list[Mention],
) -> Found | None:
    """The casualty figure of a number with no noun, if an outcome governs it."""
    result = bare(text, number, hedge, stop)
    if result is None:
        return None
    places = places_after(text, number.end, stop, mentions)
    return _found(text, number, hedge, ("", number.end, None, None), result, places, stop, mentions)


def _found(
    text: str,
    number: Number,
    hedge: hedges.Hedge,
    noun: tuple[str, int, str | None, str | None],
    result: str,
    places: list[Mention],
    stop: int,
    mentions: list[Mention],
) -> Found:
    noun_text, noun_end, np_actor, who = noun
    left, _ = clause_bounds(text, number.start, number.end)
    places = [p for p in places if not attacker(text, p.end) and not _origin(text, noun_end, p)]
    before_places = [
        p
        for p in places_after(text, left, number.start, mentions)
        if not attacker(text, p.end) and not whereabouts.origin(text, p.start)
    ]
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
        who=who,
        outcome=result,
        anaphoric_place=anaphoric_place(text, noun_end, stop),
        notes=(SAME_PLACE,) if _same_place(text, noun_end, stop) else (),
    )


def attacker(text: str, end: int) -> bool:
    """A country right before an attack noun is who attacked ("killed in a Niger
    strike"), not where the casualties are (``end``: where its name ends in ``text``)."""
    return bool(
        phrase("attack_nouns").match(text, end + len(text[end:]) - len(text[end:].lstrip()))
    )


#: "from" and names right after the people counted: where they come from.
_FROM_NAMES = re.compile(
    r"\s*from\s+(?:the\s+)?(?:[A-Z][\w’'.-]*(?:\s*,\s*|\s+and\s+(?:the\s+)?|\s+))*"
)


def _origin(text: str, noun_end: int, place: Mention) -> bool:
    """Whether ``place`` is where the people counted come from ("three peacekeepers
    from Chad", "two aid workers from Kenya and Uganda"), not where they were hit."""
    return place.start > noun_end and bool(_FROM_NAMES.fullmatch(text, noun_end, place.start))


def share_places(found: list[Found]) -> list[Found]:
    """Casualties counted together share their place: in "three were killed and 11
    injured in the valley" the three died in the valley too. A casualty with no place
    takes the place of the next casualty of the sentence that has one."""
    out = list(found)
    for i, item in enumerate(out):
        if item.measure != "casualty" or item.location is not None:
            continue
        later = next(
            (f for f in out[i + 1 :] if f.measure == "casualty" and f.location is not None),
            None,
        )
        if later is not None:
            out[i] = replace(item, location=later.location, locations=later.locations)
    return out


@cache
def _same_place_pattern() -> re.Pattern[str]:
    words = lex()["anaphoric_casualty_places"]
    return re.compile(rf"\b(?:in|at|near|across)\s+(?:{alt(words)})\b", re.IGNORECASE)


def _same_place(text: str, start: int, stop: int) -> bool:
    """ "in the same region": the place of the casualties counted before."""
    return bool(_same_place_pattern().search(text, start, stop))
