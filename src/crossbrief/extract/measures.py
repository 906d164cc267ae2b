"""Numbers to measures: what a number counts (troops, attacks, casualties) and its slots.

The noun after a number decides the measure; the clause around it gives the kind,
the actor and the place. A number with no noun after it ("and about 900 in Syria")
continues the figure before it in the same sentence, which it inherits from.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from crossbrief import lexicon
from crossbrief.extract import hedges, troopkind, whereabouts
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.numbers import Number

_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")
_CLAUSE_END = re.compile(r"[;:]|—|–|\s-\s|,\s+(?:but|while|although|however|which|who)\b|\bbut\b")
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
_CASUALTY_BEFORE = 8  # words before a number in which a casualty verb governs it
_CASUALTY_AFTER = 6
_SUBJECT_WINDOW = 8  # words between a subject country and the figure it owns
_PLACE_REACH = 12  # words between a figure and a place after it that is its place


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


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _lex() -> dict[str, list[str]]:
    return lexicon.load("measures")


@cache
def _phrase(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alt(_lex()[key])})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=16)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the clause breaks of a sentence, found once per sentence."""
    matches = list(_CLAUSE_END.finditer(text))
    return [m.start() for m in matches], [m.end() for m in matches]


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: from the last break ending at or before
    ``start`` to the next break starting at or after ``end``."""
    starts, ends = _breaks(text)
    i = bisect_right(ends, start)
    left = ends[i - 1] if i else 0
    j = bisect_left(starts, end)
    return left, starts[j] if j < len(starts) else len(text)


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


def _casualty(text: str, number: Number, noun: str, noun_end: int) -> str | None:
    before = " ".join(text[: number.start].split()[-_CASUALTY_BEFORE:])
    after = " ".join(text[noun_end:].split()[:_CASUALTY_AFTER])
    left, _ = _clause_bounds(text, number.start, noun_end)
    before = before[-(number.start - left) :] if number.start - left < len(before) else before
    for outcome, key in (("killed", "casualty_killed"), ("wounded", "casualty_wounded")):
        if _phrase(key).fullmatch(noun):
            return outcome  # "more than 40 wounded"
    best: tuple[int, str] | None = None
    for outcome, key in (("killed", "casualty_killed"), ("wounded", "casualty_wounded")):
        for hit in _phrase(key).finditer(before):
            distance = len(before) - hit.end()
            best = min(best or (distance, outcome), (distance, outcome))
        later = _phrase(key).search(after)
        if later:
            best = min(best or (later.start(), outcome), (later.start(), outcome))
    return best[1] if best else None


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
    locative = _phrase("locative")
    return re.compile(
        rf"(?:{locative.pattern})\s+(?:the\s+)?(?:(?:{_DESCRIBES})\s+)?$", re.IGNORECASE
    )


#: One word may stand between a preposition and its place when it can describe a place
#: ("in northern Syria", "in war-torn Donbass", "in Iraqi Kurdistan"), not when it is a
#: verb: "to redistribute U.S. forces" puts nothing in the US.
_DESCRIBES = (
    r"(?-i:[A-Z][\w’'-]*)|\w+-[\w-]+|\w+(?:ern|al|ed|ing|ian|ese|ish|ic)"
    r"|north\w*|south\w*|east\w*|west\w*|upper|lower|remote|rural|occupied"
)


@cache
def _anaphoric_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:in|across|to|from|at|along|near|on)\s+(?:{_alt(_lex()['anaphoric_places'])})\b"
        r"(?!\s+(?:with|of)\b)",  # "on the border with X" names its place
        re.IGNORECASE,
    )


def _anaphoric_place(text: str, start: int, stop: int) -> bool:
    return bool(_anaphoric_pattern().search(text[start:stop]))


def find(
    text: str, numbers: list[Number], mentions: list[Mention], carried: str | None = None
) -> list[Found]:
    """The measures of one sentence; ``carried`` is the measure the sentences before
    were counting, which a definite bare number ("The 900 were ...") goes on counting."""
    found: list[Found] = []
    attack_verbs = _phrase("attack_verbs")
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
        definite = bool(
            re.search(
                r"\b(?i:the|these|those|its|their)\s+$",
                text[max(0, hedge.start - 12) : hedge.start],
            )
        )
        left, right = _clause_bounds(text, number.start, number.end)
        place_from = None
        bound_head = False
        if noun is None:
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
        if noun_class == "times":
            if not attack_verbs.search(text[left : number.start]):
                continue
            found.append(_attack(text, number, hedge, noun_text, noun_end, mentions, left))
            continue
        if noun_class == "attack":
            found.append(_attack(text, number, hedge, noun_text, noun_end, mentions, left))
            continue
        outcome = _casualty(text, number, noun_text, noun_end)
        if outcome is not None:
            before_places = places_after(text, left, number.start, mentions)
            where = places[0] if places else (before_places[-1] if before_places else None)
            who = text[noun_from:noun_end].strip()
            found.append(
                Found(
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
                    outcome=outcome,
                    anaphoric_place=_anaphoric_place(text, noun_end, stop),
                )
            )
            continue
        if noun_class != "troop":
            continue
        actor = np_actor or _actor_before(text, number.start, mentions)
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
    return found


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


def _attack(
    text: str,
    number: Number,
    hedge: hedges.Hedge,
    noun: str,
    noun_end: int,
    mentions: list[Mention],
    left: int,
) -> Found:
    places = places_after(text, 0, len(text), mentions)
    actor = None
    force = _phrase("troop_nouns")
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
    return bool(re.match(r"\s+(?:in|across|at|to|from|inside|on)\b", text[end:]))


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
