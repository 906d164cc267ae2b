"""Numbers to measures: what a number counts (troops, attacks, casualties) and its slots.

The noun after a number decides the measure; the clause around it gives the kind,
the actor and the place. A number with no noun after it ("and about 900 in Syria")
continues the figure before it in the same sentence, which it inherits from.
"""

from __future__ import annotations

import re
from functools import cache

from crossbrief import lexicon
from crossbrief.extract import (
    attacks,
    casualties,
    destination,
    hedges,
    nounafter,
    quantityhead,
    troopkind,
    troopowner,
    whereabouts,
)
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import Found, places_after
from crossbrief.extract.measurebase import alt as _alt
from crossbrief.extract.measurebase import anaphoric_place as _anaphoric_place
from crossbrief.extract.measurebase import clause_bounds as _clause_bounds
from crossbrief.extract.measurebase import lex as _lex
from crossbrief.extract.numbers import Number

__all__ = ["Found", "find", "places_after"]

#: A corrected figure between a number and its noun: "2,000, not 900, troops".
_CORRECTION = re.compile(r"\s*,\s*(?:not|rather than|instead of)\s+[\d,.]+\s*,")
_CUE_WINDOW = 7  # words around a figure in which a kind cue counts
_PLACE_REACH = 12  # words between a figure and a place after it that is its place
_PARTITIVE = re.compile(r"\s+of\s+(?:its|their|the|these|those|our|his|her|whom)\s+", re.IGNORECASE)


def _negated(text: str, start: int) -> bool:
    left, _ = _clause_bounds(text, start, start)
    window = text[left:start].split()[-5:]
    negations = {n.lower() for n in _lex()["negations"]}
    joined = " ".join(window).lower()
    return any(w.lower().strip(",") in negations for w in window) or "not even" in joined


def find(
    text: str, numbers: list[Number], mentions: list[Mention], carried: str | None = None
) -> list[Found]:
    """The measures of one sentence; ``carried`` is the measure the sentences before
    were counting, which a definite bare number ("The 900 were ...") goes on counting."""
    found: list[Found] = []
    for number in numbers:
        if number.vague or number.value is None:
            continue
        hedge = hedges.find(text, number.start, number.end)
        if _negated(text, hedge.start):  # "no more than 100" is a bound, not a negation
            continue
        if number.low is not None:  # a range says its own bounds; a hedge word stays quoted
            hedge = hedges.Hedge("range", hedge.start, hedge.end, hedge.text)
        noun_from = max(number.end, hedge.end)
        noun = nounafter.noun_after(text, noun_from, mentions)
        aside = _CORRECTION.match(text, noun_from)
        if noun is None and aside is not None:  # "2,000, not 900, troops"
            noun = nounafter.noun_after(text, aside.end(), mentions)
        if noun is None:  # a part of a whole: "310 of its peacekeepers"
            partitive = _PARTITIVE.match(text, noun_from)
            if partitive:
                noun = nounafter.noun_after(text, partitive.end(), mentions)
                noun_from = partitive.end() if noun else noun_from
        definite = bool(
            re.search(
                r"\b(?i:the|these|those|its|their)\s+$",
                text[max(0, hedge.start - 12) : hedge.start],
            )
        )
        left, right = _clause_bounds(text, number.start, number.end)
        place_from = None
        bound_head = False
        if noun is None:  # "the number of attacks on the bases has risen to 85"
            stop = min(_next_number_start(numbers, number, len(text)), right)
            attack = attacks.head_count(text, number, hedge, mentions, left, stop)
            if attack is not None:
                found.append(attack)
                continue
            head = quantityhead.quantity_head(text, left, hedge.start, mentions)
            if head is not None:
                noun = ("troop", head[0], number.end, head[1])
                place_from = head[2]  # "the number of troops in Iraq ... 2,500"
                bound = quantityhead.BOUND_HEADS.get(head[3])
                bound_head = bound is not None
                if bound and hedge.qualifier == "exact":  # "a minimum of troops at 1,000"
                    hedge = hedges.Hedge(bound, hedge.start, hedge.end, hedge.text)
        if noun is None and definite and carried == "troop_figure" and _bare(text, noun_from):
            noun = ("troop", "", number.end, None)  # "the 900 were on longer deployments"
        if noun is None:
            stop = min(_next_number_start(numbers, number, len(text)), right)
            casualty = casualties.find_bare(text, number, hedge, stop, mentions)
            if casualty is not None:
                found.append(casualty)
                continue
            previous = found[-1] if found else None
            if previous is None or not _continues(text, previous, hedge.start, number.end):
                continue
            # "down from 350", "compared with 2,500 a year ago": a level at another time,
            # with its own hedge, a headcount then
            compared = bool(_comparison().search(text[previous.noun_end : hedge.start]))
            if (
                hedge.qualifier == "exact"
                and previous.hedge.qualifier not in ("exact", "range")
                and not _own_hedge_break(text, previous, hedge.start)
                and not compared
            ):
                hedge = hedges.Hedge(previous.hedge.qualifier, hedge.start, hedge.end, hedge.text)
            stop = _next_number_start(numbers, number, len(text))
            places = places_after(
                text,
                number.end,
                min(stop, _clause_bounds(text, number.start, number.end)[1]),
                mentions,
            )
            places = [p for p in places if len(text[number.end : p.start].split()) <= _PLACE_REACH]
            found.append(
                Found(
                    previous.measure,
                    number,
                    hedge,
                    previous.noun,
                    number.end,
                    actor=previous.actor,
                    actor_explicit=previous.actor_explicit,
                    location=places[0] if places else None,
                    locations=tuple(places),
                    kind="present" if compared and previous.kind else previous.kind,
                    who=previous.who,
                    outcome=previous.outcome,
                    target=previous.target,
                    elliptical=True,
                )
            )
            continue
        noun_class, noun_text, noun_end, np_actor = noun
        stop = min(_next_number_start(numbers, number, len(text)), right)
        places = places_after(text, noun_end if place_from is None else place_from, stop, mentions)
        if noun_class in ("times", "attack"):
            series = carried == "attack_count" or any(f.measure == "attack_count" for f in found)
            attack = attacks.find(text, number, hedge, noun, mentions, left, stop, series)
            if attack is not None:
                found.append(attack)
            continue
        following = _next_number_start(numbers, number, -1)
        casualty = casualties.find(
            text, number, hedge, noun, noun_from, places, stop, mentions, following
        )
        if casualty is not None:
            found.append(casualty)
            continue
        if noun_class != "troop":
            continue
        leaving = troopkind.tells_of_leaving(text)  # then "from X" is where they leave
        origin = None if leaving else troopowner.from_country(text, noun_end, mentions)
        actor = np_actor or origin or troopowner.before(text, number.start, mentions)
        kind = troopkind.kind(
            troopkind.Figure(
                text,
                left,
                right,
                hedge.start,
                number.end,
                noun_end,
                definite,
                level=place_from is not None,
                bound=bound_head,
            )
        )
        if kind in ("present", "deployed") and destination.heads_home(
            text, left, right, mentions, actor
        ):
            kind = "withdrawn"  # "120 French soldiers took off, headed for France"
        anchor = noun_end if place_from is None else place_from
        places = [
            p
            for p in places
            if len(text[anchor : p.start].split()) <= _PLACE_REACH
            and not whereabouts.speaker_place(text, p.start)
            and (kind == "withdrawn" or not whereabouts.origin(text, p.start))
        ]
        places = destination.destination_first(text, left, right, places, mentions, actor)
        found.append(
            Found(
                "troop_figure",
                number,
                hedge,
                noun_text,
                noun_end,
                actor=actor,
                actor_explicit=actor is not None,
                location=places[0] if places else None,
                locations=tuple(places),
                anaphoric_place=_anaphoric_place(text, anchor, stop),
                kind=kind,
                definite=definite,
            )
        )
    found.extend(attacks.ordinals(text, mentions, carried == "attack_count"))
    found.sort(key=lambda f: f.number.start)
    return casualties.share_places(found)


def _continues(text: str, previous: Found, start: int, end: int) -> bool:
    """Elliptical coordination ("... in Iraq and about 900 in Syria") and comparison
    ("... 3,000 troops, compared with 2,500 a year ago")."""
    between = text[previous.noun_end : start]
    if re.search(r"[.;]", between):
        return False
    if _comparison().search(between):
        return True  # "169,000 personnel ... as compared with about 100,000 in January"
    if not re.search(r"(?:\band\b|,)\s*(?:\w+\s+){0,3}$", between):
        return False
    return bool(
        re.match(
            r"\s+(?:(?:more|other|others|additional|further)\s+)?(?:in|across|at|to|from|inside|on)\b",
            text[end:],
        )
    )


@cache
def _bare_follower() -> re.Pattern[str]:
    words = _alt(lexicon.load("troops")["bare_followers"])
    return re.compile(rf"\s*(?:(?:{words})(?![\w-])|[,.;:])", re.IGNORECASE)


def _bare(text: str, at: int) -> bool:
    """A number that stands alone as a noun phrase: a verb or punctuation follows it."""
    return bool(_bare_follower().match(text, at))


@cache
def _comparison() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alt(_lex()['comparisons'])})\s*$", re.IGNORECASE)


def _own_hedge_break(text: str, previous: Found, start: int) -> bool:
    """A hedge distributes over the list unless a clause break intervenes."""
    return bool(re.search(r"[;:]", text[previous.noun_end : start]))


def _next_number_start(numbers: list[Number], number: Number, default: int) -> int:
    later = [n.start for n in numbers if n.start > number.end and not n.vague]
    return min(later) if later else default
