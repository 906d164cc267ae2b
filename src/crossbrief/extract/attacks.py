"""Attack counts: "more than 150 attacks", "attacked over 60 times"."""

from __future__ import annotations

import re

from crossbrief.extract import hedges
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import Found, phrase, places_after
from crossbrief.extract.numbers import Number


def find(
    text: str,
    number: Number,
    hedge: hedges.Hedge,
    noun: tuple[str, str, int, str | None],
    mentions: list[Mention],
    left: int,
) -> Found | None:
    """The attack count of ``number`` when its noun counts attacks, or times with an
    attack verb before it in its clause ("was attacked 60 times")."""
    noun_class, noun_text, noun_end, _ = noun
    if noun_class == "times" and not phrase("attack_verbs").search(text[left : number.start]):
        return None
    if noun_class not in ("times", "attack"):
        return None
    return _attack(text, number, hedge, noun_text, noun_end, mentions)


def _attack(
    text: str,
    number: Number,
    hedge: hedges.Hedge,
    noun: str,
    noun_end: int,
    mentions: list[Mention],
) -> Found:
    places = places_after(text, 0, len(text), mentions)
    actor = None
    force = phrase("troop_nouns")
    for mention in mentions:
        follows = text[mention.end : mention.end + 25]
        if mention.kind != "place" and (
            force.match(follows.lstrip())
            or re.match(r"\s*(?:positions|bases|interests|targets)\b", follows)
        ):
            actor = mention.country
            break
    target = f"{actor} forces" if actor else None
    locations = tuple(m for m in places if m.country != actor or m.kind == "place")
    return Found(
        "attack_count",
        number,
        hedge,
        noun,
        noun_end,
        actor=actor,
        actor_explicit=actor is not None,
        locations=locations,
        location=locations[0] if locations else None,
        target=target,
    )
