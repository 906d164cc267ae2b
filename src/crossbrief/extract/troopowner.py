"""Whose forces a troop figure counts, from the words before it or after its noun: a
country that has or sends them ("the US has 3,000 troops"), a subject close before the
figure, or "troops from X". A country named after a preposition ("the UN mission in
Congo had") owns nothing, and a speaker ("Seoul said 1,500 troops") is the figure's
source, not its owner. Words are in ``lexicon/measures.yaml`` and
``lexicon/attribution.yaml``."""

from __future__ import annotations

import re
from functools import cache

from crossbrief import lexicon
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import alt as _alt
from crossbrief.extract.measurebase import clause_bounds as _clause_bounds
from crossbrief.extract.measurebase import lex as _lex

_SUBJECT_WINDOW = 8  # words between a subject country and the figure it owns


@cache
def _owner_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\s*(?:(?:{_alt(_lex()['troop_nouns'])})\b|(?:{_alt(_lex()['owner_verbs'])})\b)",
        re.IGNORECASE,
    )


def before(text: str, at: int, mentions: list[Mention]) -> str | None:
    """A country or nationality before the figure in the role of the force's owner:
    "the US has 3,000 troops", "American forces with 2,500 more soldiers"."""
    left, _ = _clause_bounds(text, at, at)
    owner = _owner_pattern()
    prepositions = {w.lower() for w in _lex()["prepositions"]}
    speech = _speech_verb()
    candidates = [
        m
        for m in mentions
        if left <= m.start < at
        and m.kind != "place"
        # "the UN mission in Congo had ...": a place named after a preposition owns nothing
        and (text[: m.start].split() or [""])[-1].lower() not in prepositions
        # "Seoul said 1,500 troops ...": a speaker is the source, not the owner
        and not speech.match(text, m.end)
    ]
    for mention in reversed(candidates):
        if owner.match(text[mention.end : mention.end + 40]):
            return mention.country
    for mention in reversed(candidates):
        if len(text[mention.end : at].split()) <= _SUBJECT_WINDOW:
            return mention.country
    return None


@cache
def _speech_verb() -> re.Pattern[str]:
    verbs = _alt(lexicon.load("attribution")["verbs"])
    return re.compile(rf"(?:['’]s\s+\w+\s+)?\s*(?:{verbs})\b", re.IGNORECASE)


#: The noun of a figure, "from" and a country: whose forces they are ("1,500 troops
#: from Pyongyang", "peacekeepers from Chad").
_FROM_OWNER = re.compile(r"\s+from\s+(?:the\s+)?")


def from_country(text: str, noun_end: int, mentions: list[Mention]) -> str | None:
    """The country of "N troops from X" (``noun_end``: where the figure's noun ends)."""
    for mention in mentions:
        if mention.kind in ("country", "demonym") and _FROM_OWNER.fullmatch(
            text, noun_end, mention.start
        ):
            return mention.country
    return None
