"""Attack counts with no noun of their own that go on with the attacks counted before:
parts of an earlier count ("of these attacks, four were carried out on Monday", "two of
them hit the base, and two more the airport", "seven were deliberate attacks"), and
whether a sentence points back to a place named before."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from crossbrief.extract import hedges
from crossbrief.extract.attacks import PART, count
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import Found, alt, clause_bounds, lex, phrase
from crossbrief.extract.numbers import Number


def follow_ups(
    text: str,
    numbers: list[Number],
    taken: set[int],
    mentions: list[Mention],
    after_attacks: bool,
) -> list[Found]:
    """Counts that go on with attacks counted before, with no noun of their own: "of
    these attacks, four were carried out on Monday", "two of them hit the base, and
    two more the airport", "about 20 of those", "seven were deliberate attacks".
    ``after_attacks``: the last figure before this sentence counted attacks."""
    out: list[Found] = []
    attack = phrase("attack_nouns")
    for number in numbers:
        if number.vague or number.value is None or number.start in taken:
            continue
        hedge = hedges.find(text, number.start, number.end)
        left, right = clause_bounds(text, number.start, number.end)
        after = text[max(number.end, hedge.end) :]
        before = text[: hedge.start]
        counted_here = bool(out) or after_attacks
        if _predicate_noun().match(after):  # "seven were 'deliberate' attacks"
            end = max(number.end, hedge.end) + _predicate_noun().match(after).end()  # type: ignore[union-attr]
        elif (_partitive_after().match(after) and counted_here) or (
            _partitive_before().search(before) and (counted_here or attack.search(before))
        ):
            end = number.end
        elif out and _gapping().search(before) and re.match(r"\s+more\b", after):
            end = number.end  # "..., and two more the airport"
        else:
            continue
        stop = min([n.start for n in numbers if n.start > number.end] + [right])
        found = count(text, number, hedge, "", end, mentions, left, stop)
        out.append(replace(found, notes=(PART,)))
    return out


@cache
def _predicate_noun() -> re.Pattern[str]:
    nouns = alt(lex()["attack_nouns"])
    return re.compile(
        rf"\s+(?:were|was|are|is|being)\s+(?:[‘'“\"]?[\w-]+[’'”\"]?\s+){{0,3}}?(?:{nouns})\b",
        re.IGNORECASE,
    )


@cache
def _partitive_after() -> re.Pattern[str]:
    return re.compile(r"\s+of\s+(?:them|these|those|which)\b", re.IGNORECASE)


@cache
def _partitive_before() -> re.Pattern[str]:
    nouns = alt(lex()["attack_nouns"])
    return re.compile(
        rf"\b(?:of|among)\s+(?:these|those|them|which)(?:\s+(?:{nouns}))?\s*,?\s*"
        r"(?:[\w’'-]+\s+){0,3}$",
        re.IGNORECASE,
    )


@cache
def _gapping() -> re.Pattern[str]:
    return re.compile(r"(?:,\s*and|\band|,)\s+$", re.IGNORECASE)


@cache
def _pointer() -> re.Pattern[str]:
    words = [
        *lex()["anaphoric_places"],
        *lex()["anaphoric_casualty_places"],
        *lex()["place_anaphors"],
    ]
    return re.compile(rf"\b(?:{alt(words)})\b", re.IGNORECASE)


def points_back(text: str) -> bool:
    """Whether a sentence points back to a place named before ("the base", "there")."""
    return bool(_pointer().search(text))
