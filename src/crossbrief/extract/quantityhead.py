"""A troop quantity named before its number ("the number of US troops has remained at
28,500", "troop levels were cut to 2,500", "personnel numbered 14,600", "a minimum of
personnel at 1,040"): its noun, its owner and the bound its head word sets."""

from __future__ import annotations

import re
from functools import cache

from crossbrief import lexicon
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import alt as _alt
from crossbrief.extract.measurebase import lex as _lex

#: How far before its number a quantity's head word may stand (characters).
_HEAD_REACH = 160
#: Head words that bound the quantity they name.
BOUND_HEADS = {"minimum": "at_least", "maximum": "up_to", "ceiling": "up_to", "cap": "up_to"}


def quantity_head(
    text: str, left: int, at: int, mentions: list[Mention]
) -> tuple[str, str | None, int, str] | None:
    """(noun, actor) of a troop quantity named before the number in its clause: "the
    number of US troops has remained at 28,500", "troop levels were cut to 2,500",
    "personnel numbered 14,600". The number must follow a link word ("at", "to",
    "reached") and nothing may stand between the two but a hedge. Returns the noun,
    the owner named in the phrase (not after a preposition), and where it starts."""
    if not _quantity_link().search(text[max(left, at - 40) : at]):
        return None
    left = max(left, at - _HEAD_REACH)  # a bounded look back: linear in the sentence
    matches = list(_quantity_pattern().finditer(text[left:at]))
    if not matches:
        return None
    match = matches[-1]  # the head nearest the number
    start = left + match.start()
    prepositions = {w.lower() for w in _lex()["prepositions"]}
    inside = [  # "the number of Dutch troops"
        m for m in mentions if start <= m.start < left + match.end() and m.kind != "place"
    ]
    possessive = [  # "Russia's buildup of military personnel"
        m for m in mentions if m.kind != "place" and re.fullmatch(r"[’']s\s+", text[m.end : start])
    ]
    owner = (
        inside
        or possessive
        or [
            m
            for m in mentions
            if start <= m.start < at
            and m.kind != "place"
            and (text[: m.start].split() or [""])[-1].lower() not in prepositions
        ]
    )
    noun = (
        match.group("noun") or match.group("noun2") or match.group("noun3") or match.group("noun4")
    )
    word = (match.group("head") or match.group("head2") or "").lower()
    return noun, owner[0].country if owner else None, start, word


@cache
def _quantity_pattern() -> re.Pattern[str]:
    heads = _alt(_lex()["quantity_heads"])
    nouns = _alt(_lex()["troop_nouns"])
    changes = lexicon.load("troops")
    verbs = _alt([*changes["cut_verbs"], *changes["rise_verbs"]])
    return re.compile(
        rf"\b(?:(?P<head>{heads})\s+of\s+(?:[\w.’'-]+\s+){{0,4}}?(?P<noun>{nouns})"
        rf"|(?P<noun2>troop|troops|personnel|force)\s+(?P<head2>{heads})"
        rf"|(?P<noun3>{nouns})\s+(?:number|numbered|numbering|total|totalled|totaled)"
        # "reducing its military personnel to 14,600": the forces changed are the head
        rf"|(?:{verbs})\s+(?:(?:its|their|the|our|his|her)\s+)?(?:[\w.’'-]+\s+){{0,2}}?"
        rf"(?P<noun4>{nouns}))\b",
        re.IGNORECASE,
    )


@cache
def _quantity_link() -> re.Pattern[str]:
    links = _alt(_lex()["quantity_links"])
    return re.compile(rf"\b(?:{links})\s*$", re.IGNORECASE)
