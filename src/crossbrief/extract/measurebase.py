"""What the measure finders share: the found-measure record, the measures lexicon,
clause bounds and the places a preposition introduces (offsets within one sentence)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from crossbrief import lexicon
from crossbrief.extract import hedges
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.numbers import Number

_CLAUSE_END = re.compile(r"[;:]|—|–|\s-\s|,\s+(?:but|while|although|however|which|who)\b|\bbut\b")


@dataclass(frozen=True)
class Found:
    """A measure found in one sentence; offsets are within the sentence."""

    measure: str
    number: Number
    hedge: hedges.Hedge
    noun: str
    noun_end: int
    actor: str | None = None
    actor_explicit: bool = False
    location: Mention | None = None
    locations: tuple[Mention, ...] = ()
    anaphoric_place: bool = False
    kind: str | None = None
    who: str | None = None
    outcome: str | None = None
    target: str | None = None
    definite: bool = False
    elliptical: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)


def alt(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: The lexicon files read as one by :func:`lex` (their keys must not repeat).
LEXICONS = ("measures", "casualties", "attacks")


@cache
def lex() -> dict[str, Any]:
    """The measure lexicons (troop, casualty and attack words) as one mapping."""
    merged: dict[str, Any] = {}
    for name in LEXICONS:
        data = lexicon.load(name)
        repeated = merged.keys() & data.keys()
        if repeated:
            raise ValueError(f"lexicon {name}.yaml repeats {sorted(repeated)}")
        merged.update(data)
    return merged


@cache
def phrase(key: str) -> re.Pattern[str]:
    """Any phrase of the lexicon list ``key`` as a whole word."""
    return re.compile(rf"(?<![\w-])(?:{alt(lex()[key])})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=16)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the clause breaks of a sentence, found once per sentence."""
    matches = list(_CLAUSE_END.finditer(text))
    return [m.start() for m in matches], [m.end() for m in matches]


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: from the last break ending at or before
    ``start`` to the next break starting at or after ``end``."""
    starts, ends = _breaks(text)
    i = bisect_right(ends, start)
    left = ends[i - 1] if i else 0
    j = bisect_left(starts, end)
    return left, starts[j] if j < len(starts) else len(text)


def places_after(text: str, start: int, stop: int, mentions: list[Mention]) -> list[Mention]:
    """Places introduced by a locative preposition between ``start`` and ``stop``."""
    out: list[Mention] = []
    for mention in mentions:
        if not start <= mention.start < stop or mention.kind == "organisation":
            continue
        if _after_locative(text, max(start, mention.start - 30), mention.start) or (
            out and re.search(r"^\s*(?:and|or|,)\s*$", text[out[-1].end : mention.start])
        ):
            out.append(mention)
    return out


@lru_cache(maxsize=4096)
def _after_locative(text: str, head_start: int, at: int) -> bool:
    """Whether ``text[head_start:at]`` ends with a locative preposition ("in (the)").
    Cached: each figure of a sentence asks again about the places before it."""
    return bool(_locative_head().search(text[head_start:at]))


@cache
def _locative_head() -> re.Pattern[str]:
    locative = phrase("locative")
    kinds = alt(lex()["place_types"])
    return re.compile(
        rf"(?:{locative.pattern})\s+(?:the\s+)?(?:(?:{DESCRIBES})\s+)?"
        rf"(?:(?:{kinds})\s+of\s+)?$",  # "in the southern city of X"
        re.IGNORECASE,
    )


#: One word may stand between a preposition and its place when it can describe a place
#: ("in northern Syria", "in war-torn Donbass", "in Iraqi Kurdistan"), not when it is a
#: verb: "to redistribute U.S. forces" puts nothing in the US.
DESCRIBES = (
    r"(?-i:[A-Z][\w’'-]*)|\w+-[\w-]+|\w+(?:ern|al|ed|ing|ian|ese|ish|ic)"
    r"|north\w*|south\w*|east\w*|west\w*|upper|lower|remote|rural|occupied"
)


@cache
def _anaphoric_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:in|across|to|from|at|along|near|on)\s+(?:{alt(lex()['anaphoric_places'])})\b"
        r"(?!\s+(?:with|of)\b)",  # "on the border with X" names its place
        re.IGNORECASE,
    )


def anaphoric_place(text: str, start: int, stop: int) -> bool:
    """Whether "in the country" or the like stands in ``text[start:stop]``."""
    return bool(_anaphoric_pattern().search(text[start:stop]))
