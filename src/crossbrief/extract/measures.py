"""Numbers to measures: what a number counts (troops, attacks, casualties) and its slots.

The noun after a number decides the measure; the clause around it gives the kind,
the actor and the place. A number with no noun after it ("and about 900 in Syria")
continues the figure before it in the same sentence, which it inherits from.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from crossbrief import lexicon
from crossbrief.extract import attacks, casualties, hedges, troopkind, troopowner, whereabouts
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import DESCRIBES as _DESCRIBES
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
#: A corrected figure between a number and its noun: "2,000, not 900, troops".
_CORRECTION = re.compile(r"\s*,\s*(?:not|rather than|instead of)\s+[\d,.]+\s*,")
#: The name of a force or mission before its noun: capitalised words joined by "of",
#: "in", "for", "and", and an acronym in brackets.
_NAME_PHRASE = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|in|for|and|the)\s+)*[A-Z][\w’'.-]*){1,7}"
    r"(?:\s+\([A-Z][\w-]*\))?\s+"
)
_CUE_WINDOW = 7  # words around a figure in which a kind cue counts
_PLACE_REACH = 12  # words between a figure and a place after it that is its place
_PARTITIVE = re.compile(r"\s+of\s+(?:its|their|the|these|those|our|his|her|whom)\s+", re.IGNORECASE)


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
        phrase = _NAME_PHRASE.match(rest)
        if phrase and any(p.match(rest[phrase.end() :]) for _, p in classes):
            pos += phrase.end()  # "3,000 African Union Mission in Somalia (AMISOM) soldiers"
            continue
        if word.group()[:1].isupper() and any(
            p.match(rest[word.end() :].lstrip()) for _, p in classes
        ):
            pos += word.end()  # a name before the noun: "Wagner mercenaries"
            continue
        compound = _COMPOUND.fullmatch(word.group() + " ") and token not in stops
        if compound and _before_noun(rest[word.end() :], classes[2:], stops):
            pos += word.end()  # a noun of a compound: "truck drivers", "coast guard personnel"
            continue
        if token in stops or not (token in modifiers or token.endswith(("ed", "al", "ic", "ive"))):
            return None
        pos += word.end()
    return None


_COMPOUND = re.compile(r"\s*([a-z][a-z-]*)\s+")


def _before_noun(
    rest: str, classes: tuple[tuple[str, re.Pattern[str]], ...], stops: set[str]
) -> bool:
    """Whether a class noun follows ``rest`` at once or after one more lower-case word
    (the words of a compound noun, "coast guard personnel")."""
    rest = rest.lstrip()
    if any(p.match(rest) for _, p in classes):
        return True
    word = _COMPOUND.match(rest)
    return bool(
        word and word.group(1) not in stops and any(p.match(rest[word.end() :]) for _, p in classes)
    )


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
        noun = _noun_after(text, noun_from, mentions)
        aside = _CORRECTION.match(text, noun_from)
        if noun is None and aside is not None:  # "2,000, not 900, troops"
            noun = _noun_after(text, aside.end(), mentions)
        if noun is None:  # a part of a whole: "310 of its peacekeepers"
            partitive = _PARTITIVE.match(text, noun_from)
            if partitive:
                noun = _noun_after(text, partitive.end(), mentions)
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
            head = _quantity_head(text, left, hedge.start, mentions)
            if head is not None:
                noun = ("troop", head[0], number.end, head[1])
                place_from = head[2]  # "the number of troops in Iraq ... 2,500"
                bound = _BOUND_HEADS.get(head[3])
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
        if kind in ("present", "deployed") and _heads_home(text, left, right, mentions, actor):
            kind = "withdrawn"  # "120 French soldiers took off, headed for France"
        anchor = noun_end if place_from is None else place_from
        places = [
            p
            for p in places
            if len(text[anchor : p.start].split()) <= _PLACE_REACH
            and not whereabouts.speaker_place(text, p.start)
            and (kind == "withdrawn" or not whereabouts.origin(text, p.start))
        ]
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
                anaphoric_place=_anaphoric_place(text, anchor, stop),
                kind=kind,
                definite=definite,
            )
        )
    found.extend(attacks.ordinals(text, mentions, carried == "attack_count"))
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


def _heads_home(
    text: str, left: int, right: int, mentions: list[Mention], actor: str | None
) -> bool:
    """Troops moving to their own country are leaving where they were."""
    if actor is None or not _moves(text, left, right):
        return False
    heads = _destination_head()
    return any(
        left <= m.start < right
        and m.country == actor
        and m.kind == "country"
        and heads.search(text[max(left, m.start - 25) : m.start])
        for m in mentions
    )


@lru_cache(maxsize=256)
def _moves(text: str, left: int, right: int) -> bool:
    """Whether the clause has a movement verb; asked once per clause, not per figure."""
    return bool(_phrase("movement_verbs").search(text, left, right))


@cache
def _destination_head() -> re.Pattern[str]:
    to = _alt(_lex()["destination_prepositions"])
    return re.compile(rf"\b(?:{to})\s+(?:the\s+)?(?:(?:{_DESCRIBES})\s+)?$", re.IGNORECASE)


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
