"""Numbers to measures: what a number counts (troops, attacks, casualties) and its slots.

The noun after a number decides the measure; the clause around it gives the kind,
the actor and the place. A number with no noun after it ("and about 900 in Syria")
continues the figure before it in the same sentence, which it inherits from.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from crossbrief.extract import attacks, casualties, hedges
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import Found, places_after
from crossbrief.extract.measurebase import alt as _alt
from crossbrief.extract.measurebase import anaphoric_place as _anaphoric_place
from crossbrief.extract.measurebase import clause_bounds as _clause_bounds
from crossbrief.extract.measurebase import lex as _lex
from crossbrief.extract.measurebase import phrase as _phrase
from crossbrief.extract.numbers import Number

__all__ = ["Found", "counts_something", "find", "places_after"]

_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")
_NOUN_WINDOW = 4  # words between a number and its noun
_CUE_WINDOW = 7  # words around a figure in which a kind cue counts
_SUBJECT_WINDOW = 8  # words between a subject country and the figure it owns
_PARTITIVE = re.compile(r"\s+of\s+(?:its|their|the|these|those|our|his|her|whom)\s+", re.IGNORECASE)


@cache
def _kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    cues = _lex()["kind_cues"]
    order = ("additional", "remaining", "planned", "withdrawn", "present", "deployed")
    return tuple(
        (kind, re.compile(rf"(?<![\w-])(?:{_alt(cues[kind])})(?![\w-])", re.IGNORECASE))
        for kind in order
    )


def _noun_after(
    text: str, at: int, mentions: list[Mention]
) -> tuple[str, str, int, str | None] | None:
    """(noun class, noun, end offset, actor label) of the noun a number counts."""
    lex = _lex()
    modifiers = set(lex["modifiers"])
    stops = set(lex["stops"])
    classes = (
        ("times", _phrase("times_nouns")),
        ("attack", _phrase("attack_nouns")),
        ("troop", _phrase("troop_nouns")),
        ("person", _phrase("person_nouns")),
    )
    pos = at
    actor = None
    for _ in range(_NOUN_WINDOW + 1):
        rest = text[pos:]
        lead = len(rest) - len(rest.lstrip())
        pos += lead
        rest = text[pos:]
        for name, pattern in classes:
            match = pattern.match(rest)
            if match:
                return name, match.group(), pos + match.end(), actor
        mention = next((m for m in mentions if m.start == pos), None)
        if mention is not None:
            if (
                mention.kind == "demonym"
                and mention.text.endswith("s")
                and not mention.text.isupper()
            ):
                return "person", mention.text, mention.end, mention.country
            actor = mention.country
            pos = mention.end
            continue
        word = _WORD.match(rest)
        if word is None:
            return None
        token = word.group().lower()
        if word.group()[:1].isupper() and any(
            p.match(rest[word.end() :].lstrip()) for _, p in classes
        ):
            pos += word.end()  # a name before the noun: "Wagner mercenaries"
            continue
        if token in stops or not (token in modifiers or token.endswith(("ed", "al", "ic", "ive"))):
            return None
        pos += word.end()
    return None


def counts_something(text: str, end: int) -> bool:
    """A vague amount that counts people, forces or attacks ("thousands of troops",
    "dozens of Iraqi civilians"), not "many reasons"."""
    rest = text[end : end + 60]
    if re.match(r"\s+of\b", rest):
        return True
    nouns = [_phrase(k) for k in ("troop_nouns", "person_nouns", "attack_nouns")]
    words = rest.split()[:3]
    return any(p.match(" ".join(words[i:])) for p in nouns for i in range(len(words)))


def _negated(text: str, start: int) -> bool:
    left, _ = _clause_bounds(text, start, start)
    window = text[left:start].split()[-5:]
    negations = {n.lower() for n in _lex()["negations"]}
    joined = " ".join(window).lower()
    return any(w.lower().strip(",") in negations for w in window) or "not even" in joined


def _kind(text: str, number: Number, hedge_start: int, noun_end: int, definite: bool) -> str:
    """The kind of a troop figure from cues near it in its clause (not in its hedge:
    "more than 1,000" is not "1,000 more")."""
    between = text[number.end : noun_end].lower()
    if re.search(r"\b(?:more|additional|extra|another|further|fresh)\b", between):
        return "additional"
    if definite:
        return "present"
    left, right = _clause_bounds(text, number.start, noun_end)
    before = " ".join(text[left:hedge_start].split()[-_CUE_WINDOW:])
    after = " ".join(text[noun_end:right].split()[:_CUE_WINDOW])
    for kind, pattern in _kind_patterns():
        if pattern.search(after) or pattern.search(before):
            return kind
    return "present"


@cache
def _owner_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\s*(?:(?:{_alt(_lex()['troop_nouns'])})\b|(?:{_alt(_lex()['owner_verbs'])})\b)",
        re.IGNORECASE,
    )


def _actor_before(text: str, at: int, mentions: list[Mention]) -> str | None:
    """A country or nationality before the figure in the role of the force's owner:
    "the US has 3,000 troops", "American forces with 2,500 more soldiers"."""
    left, _ = _clause_bounds(text, at, at)
    owner = _owner_pattern()
    candidates = [m for m in mentions if left <= m.start < at and m.kind != "place"]
    for mention in reversed(candidates):
        if owner.match(text[mention.end : mention.end + 40]):
            return mention.country
    prepositions = {w.lower() for w in _lex()["prepositions"]}
    for mention in reversed(candidates):
        words_before = text[: mention.start].split()
        near = len(text[mention.end : at].split()) <= _SUBJECT_WINDOW
        if near and not (words_before and words_before[-1].lower() in prepositions):
            return mention.country
    return None


def find(text: str, numbers: list[Number], mentions: list[Mention]) -> list[Found]:
    """The measures of one sentence."""
    found: list[Found] = []
    for number in numbers:
        if number.vague or number.value is None or _negated(text, number.start):
            continue
        hedge = hedges.find(text, number.start, number.end)
        if number.low is not None:  # a range says its own bounds; a hedge word stays quoted
            hedge = hedges.Hedge("range", hedge.start, hedge.end, hedge.text)
        noun_from = max(number.end, hedge.end)
        noun = _noun_after(text, noun_from, mentions)
        if noun is None:  # a part of a whole: "310 of its peacekeepers"
            partitive = _PARTITIVE.match(text, noun_from)
            if partitive:
                noun = _noun_after(text, partitive.end(), mentions)
                noun_from = partitive.end() if noun else noun_from
        definite = bool(
            re.search(
                r"\b(?:the|these|those|its|their)\s+$", text[max(0, hedge.start - 12) : hedge.start]
            )
        )
        left, right = _clause_bounds(text, number.start, number.end)
        place_from = None
        if noun is None:  # "the number of attacks on the bases has risen to 85"
            stop = min(_next_number_start(numbers, number, len(text)), right)
            attack = attacks.head_count(text, number, hedge, mentions, left, stop)
            if attack is not None:
                found.append(attack)
                continue
            head = _quantity_head(text, left, hedge.start, mentions)
            if head is not None:
                noun = ("troop", head[0], number.end, head[1])
                place_from = head[2]  # "the number of troops in Iraq ... 2,500"
                bound = _BOUND_HEADS.get(head[3])
                if bound and hedge.qualifier == "exact":  # "a minimum of troops at 1,000"
                    hedge = hedges.Hedge(bound, hedge.start, hedge.end, hedge.text)
        if noun is None:
            stop = min(_next_number_start(numbers, number, len(text)), right)
            casualty = casualties.find_bare(text, number, hedge, stop, mentions)
            if casualty is not None:
                found.append(casualty)
                continue
            previous = found[-1] if found else None
            if previous is None or not _continues(text, previous, hedge.start, number.end):
                continue
            if (
                hedge.qualifier == "exact"
                and previous.hedge.qualifier not in ("exact", "range")
                and not _own_hedge_break(text, previous, hedge.start)
            ):
                hedge = hedges.Hedge(previous.hedge.qualifier, hedge.start, hedge.end, hedge.text)
            stop = _next_number_start(numbers, number, len(text))
            places = places_after(
                text,
                number.end,
                min(stop, _clause_bounds(text, number.start, number.end)[1]),
                mentions,
            )
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
                    kind=previous.kind,
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
            attack = attacks.find(text, number, hedge, noun, mentions, left, stop)
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
        actor = np_actor or _actor_before(text, number.start, mentions)
        kind = _kind(text, number, hedge.start, noun_end, definite)
        if place_from is not None and kind != "planned":
            kind = "present"  # "the number of troops has remained at N" is a headcount
        places = _destination_first(text, left, right, places, mentions, actor)
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
                anaphoric_place=_anaphoric_place(text, noun_end, stop),
                kind=kind,
                definite=definite,
            )
        )
    found.extend(attacks.ordinals(text, mentions))
    found.sort(key=lambda f: f.number.start)
    return casualties.share_places(found)


#: How far before its number a quantity's head word may stand (characters).
_HEAD_REACH = 160
#: Head words that bound the quantity they name.
_BOUND_HEADS = {"minimum": "at_least", "maximum": "up_to", "ceiling": "up_to", "cap": "up_to"}


def _quantity_head(
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
    owner = inside or [
        m
        for m in mentions
        if start <= m.start < at
        and m.kind != "place"
        and (text[: m.start].split() or [""])[-1].lower() not in prepositions
    ]
    noun = match.group("noun") or match.group("noun2") or match.group("noun3")
    word = (match.group("head") or match.group("head2") or "").lower()
    return noun, owner[0].country if owner else None, start, word


@cache
def _quantity_pattern() -> re.Pattern[str]:
    heads = _alt(_lex()["quantity_heads"])
    nouns = _alt(_lex()["troop_nouns"])
    return re.compile(
        rf"\b(?:(?P<head>{heads})\s+of\s+(?:[\w.’'-]+\s+){{0,4}}?(?P<noun>{nouns})"
        rf"|(?P<noun2>troop|troops|personnel|force)\s+(?P<head2>{heads})"
        rf"|(?P<noun3>{nouns})\s+(?:number|numbered|numbering|total|totalled|totaled))\b",
        re.IGNORECASE,
    )


@cache
def _quantity_link() -> re.Pattern[str]:
    links = _alt(_lex()["quantity_links"])
    return re.compile(rf"\b(?:{links})\s*$", re.IGNORECASE)


def _destination_first(
    text: str,
    left: int,
    right: int,
    places: list[Mention],
    mentions: list[Mention],
    actor: str | None,
) -> list[Mention]:
    """With a movement verb in the clause, the place after a destination preposition
    ("... to Latvia") comes first, before a place the troops leave or are based in now;
    the destination may stand before the figure ("sent to Latvia 800 troops"). Troops
    going to their own country are leaving the other place: that one stays first."""
    if not _moves(text, left, right):
        return places
    heads = _destination_head()
    bound = [
        m
        for m in mentions
        if left <= m.start < right
        and m.kind != "organisation"
        and heads.search(text[max(left, m.start - 25) : m.start])
    ]
    home = [m for m in bound if actor is not None and m.country == actor]
    places = [p for p in places if p not in home]  # going home: not where they are
    targets = [m for m in bound if m not in home]
    if not targets:
        return places
    return [targets[0], *(p for p in places if p is not targets[0])]


@lru_cache(maxsize=256)
def _moves(text: str, left: int, right: int) -> bool:
    """Whether the clause has a movement verb; asked once per clause, not per figure."""
    return bool(_phrase("movement_verbs").search(text, left, right))


@cache
def _destination_head() -> re.Pattern[str]:
    to = _alt(_lex()["destination_prepositions"])
    return re.compile(rf"\b(?:{to})\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _continues(text: str, previous: Found, start: int, end: int) -> bool:
    """Elliptical coordination: "... in Iraq and about 900 in Syria"."""
    between = text[previous.noun_end : start]
    if not re.search(r"(?:\band\b|,)\s*(?:\w+\s+){0,3}$", between) or re.search(r"[.;]", between):
        return False
    return bool(
        re.match(
            r"\s+(?:(?:more|other|others|additional|further)\s+)?(?:in|across|at|to|from|inside|on)\b",
            text[end:],
        )
    )


def _own_hedge_break(text: str, previous: Found, start: int) -> bool:
    """A hedge distributes over the list unless a clause break intervenes."""
    return bool(re.search(r"[;:]", text[previous.noun_end : start]))


def _next_number_start(numbers: list[Number], number: Number, default: int) -> int:
    later = [n.start for n in numbers if n.start > number.end and not n.vague]
    return min(later) if later else default
