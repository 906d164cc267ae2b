"""Attack counts: "more than 150 attacks", "attacked over 60 times", "at least the
32nd attack", "seven were deliberate attacks", "two of them".

A count's places are those after its noun in its own stretch of the clause ("17
attacks in Iraq and 15 in Syria": Iraq for the 17), else those before it in its
clause ("forces in Iraq and Syria have been attacked 73 times"). A nationality before
a force word ("the Israeli military") names who fired, not where. The words are in
``lexicon/attacks.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from crossbrief.extract import hedges
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import Found, alt, clause_bounds, lex, phrase, places_after
from crossbrief.extract.numbers import Number

#: The note on a count that is part of the count before ("two of them"): it shares that
#: count's window, as-of date and source when its sentence gives none.
PART = "part of the count before"
_ORDINAL_DIGITS = re.compile(r"(\d{1,4})(?:st|nd|rd|th)\b", re.IGNORECASE)
_COUNT_WINDOW = 3  # words between an ordinal and its attack noun


def find(
    text: str,
    number: Number,
    hedge: hedges.Hedge,
    noun: tuple[str, str, int, str | None],
    mentions: list[Mention],
    left: int,
    stop: int,
    series: bool = False,
) -> Found | None:
    """The attack count of ``number`` when its noun counts attacks, or times with an
    attack verb before it in its clause ("was attacked 60 times"). ``series``: the
    figures before counted attacks, so a generic noun ("11 incidents") goes on counting
    them."""
    noun_class, noun_text, noun_end, _ = noun
    if noun_class == "times" and not phrase("attack_verbs").search(text[left : number.start]):
        return None
    if noun_class not in ("times", "attack") or not (series or hostile(text, noun_text)):
        return None
    return count(text, number, hedge, noun_text, noun_end, mentions, left, stop)


@cache
def _hostile_pattern() -> re.Pattern[str]:
    generic = {str(w).lower() for w in lex()["generic_nouns"]}
    words = [
        *(w for w in lex()["attack_nouns"] if str(w).lower() not in generic),
        *lex()["attack_verbs"],
        *lex()["hostile_words"],
    ]
    return re.compile(rf"(?<![\w-])(?:{alt(words)})(?![\w-])", re.IGNORECASE)


def hostile(sentence: str, noun: str) -> bool:
    """Whether ``noun`` counts attacks in ``sentence``: a generic noun ("incidents")
    only beside a word of violence ("incidents resulting in injury", "the origin of
    fire"), not in "45 incidents of drunk driving"."""
    if noun.lower() not in _words("generic_nouns"):
        return True
    return bool(_hostile_pattern().search(sentence))


def count(
    text: str,
    number: Number,
    hedge: hedges.Hedge,
    noun: str,
    noun_end: int,
    mentions: list[Mention],
    left: int,
    stop: int,
) -> Found:
    """An attack count with its target and places (see the module's docstring)."""
    actor = _target_owner(text, mentions)
    own = [m for m in places_after(text, noun_end, stop, mentions) if _a_place(text, m, actor)]
    if not own:
        own = [
            m for m in places_after(text, left, number.start, mentions) if _a_place(text, m, actor)
        ]
    locations = tuple(own)
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
        target=f"{actor} forces" if actor else _other_target(text, noun_end),
    )


@cache
def _other_target_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\s*(?:on|against|targeting|at)\s+(?:the\s+)?"
        rf"(?P<target>(?:[\w’'-]+\s+){{0,2}}?(?:{alt(lex()['other_targets'])}))(?![\w-])",
        re.IGNORECASE,
    )


def _other_target(text: str, noun_end: int) -> str | None:
    """A target that is not a force, named right after the attack noun ("attacks on
    merchant vessels"): the count is of attacks on those, whoever the topic is about."""
    match = _other_target_pattern().match(text, noun_end)
    return match.group("target").lower() if match else None


#: How far before its number an attack count's head may stand (characters).
_HEAD_REACH = 160


def head_count(
    text: str,
    number: Number,
    hedge: hedges.Hedge,
    mentions: list[Mention],
    left: int,
    stop: int,
) -> Found | None:
    """A count of attacks named before its number in its clause: "the number of attacks
    on the bases has risen to 85", "attacks on foreign forces totalled 47". The number
    must follow a link word, and nothing but a hedge may stand between them."""
    begin = max(left, hedge.start - _HEAD_REACH)
    before = text[begin : hedge.start]
    head = _head_pattern().search(before)  # anchored at the end: one match at most
    if head is None:
        return None
    noun = head.group("noun") or head.group("noun2")
    return count(text, number, hedge, noun, number.end, mentions, begin + head.start(), stop)


@cache
def _head_pattern() -> re.Pattern[str]:
    nouns = alt(lex()["attack_nouns"])
    heads = alt(lex()["count_heads"])
    links = alt(lex()["quantity_links"])
    counting = alt(lex()["count_links"])
    return re.compile(
        rf"\b(?:{heads})\s+of\s+(?:[\w’'-]+\s+){{0,3}}?(?P<noun>{nouns})\b[^;:.]{{0,100}}?"
        rf"\b(?:{links})\s+$"
        rf"|\b(?P<noun2>{nouns})\b[^;:,.]{{0,80}}?\b(?:{counting})\s+$",
        re.IGNORECASE,
    )


def _target_owner(text: str, mentions: list[Mention]) -> str | None:
    """The country whose forces or positions are attacked: the first one named before a
    force noun or a word for what forces hold ("US positions")."""
    force = phrase("troop_nouns")
    held = phrase("held_by_forces")
    for mention in mentions:
        follows = text[mention.end : mention.end + 25].lstrip()
        if mention.kind != "place" and (force.match(follows) or held.match(follows)):
            return mention.country
    return None


def _a_place(text: str, mention: Mention, actor: str | None) -> bool:
    """Whether a mention after a locative word is where attacks happened: not the
    attacked country's own name ("on US troops in Iraq": not the US) and not a
    nationality before a force word ("attributed to the Israeli military")."""
    if mention.kind == "place":
        return True
    if mention.country == actor:
        return False
    follows = text[mention.end : mention.end + 25].lstrip()
    return not (mention.kind == "demonym" and phrase("shooters").match(follows))


@cache
def _ordinal_pattern() -> re.Pattern[str]:
    words = alt(list(lex()["ordinals"]))
    return re.compile(
        rf"\b(?:the|its|their|a)\s+(?P<ord>\d{{1,4}}(?:st|nd|rd|th)|(?:{words}))(?![\w-])",
        re.IGNORECASE,
    )


def _ends_noun_phrase(word: str, stops: set[str]) -> bool:
    """Whether an ordinal with no attack noun after it stands alone ("was the 32nd on
    the bases", "is the third this year"), not before a noun of its own ("marks the
    10th anniversary")."""
    word = word.lower()
    return not word[:1].isalnum() or word.strip(",.;:") in stops | _words("ordinal_ends")


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lex()[key])


@cache
def _copula() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alt(lex()['ordinal_links'])})\s+$", re.IGNORECASE)


def _ordinal_value(word: str) -> int | None:
    digits = _ORDINAL_DIGITS.fullmatch(word)
    if digits:
        return int(digits.group(1))
    value = lex()["ordinals"].get(word.lower())
    return int(value) if value is not None else None


def ordinals(text: str, mentions: list[Mention], series: bool = False) -> list[Found]:
    """Ordinals that count attacks: "the fifth drone attack", "Sunday's attack was at
    least the 32nd on coalition bases", "the attack is the third in four months". An
    ordinal counts attacks when an attack noun follows it closely, or when it is the
    predicate of a clause whose subject is an attack. "The first" is no tally."""
    out: list[Found] = []
    attack = phrase("attack_nouns")
    for match in _ordinal_pattern().finditer(text):
        value = _ordinal_value(match.group("ord"))
        if value is None or value < 2:
            continue
        start, end = match.start("ord"), match.end("ord")
        left, right = clause_bounds(text, start, end)
        ahead = text[end:right]
        words = ahead.split()[: _COUNT_WINDOW + 1]
        noun = None
        stops = {str(w).lower() for w in lex()["stops"]}
        for i in range(len(words)):  # only modifiers between: "the fifth drone attack"
            noun = attack.match(" ".join(words[i:]))
            if noun is not None or words[i].lower().strip(",.;:") in stops:
                break
        head = text[left : match.start()]
        hedge = hedges.find(text, match.start(), end)
        if hedge.qualifier == "exact":
            hedge = hedges.Hedge("exact", start, end, "")
        predicate = (
            attack.search(head)
            and _copula().search(
                text[left : hedge.start if hedge.start < match.start() else match.start()]
            )
            and _ends_noun_phrase(words[0] if words else "", stops)
        )
        if noun is None and not predicate:
            continue
        if noun is not None and not (series or hostile(text, noun.group())):
            continue  # "the third incident of GPS jamming"

        noun_end = end
        if noun is not None:
            noun_end = text.index(noun.group(), end) + len(noun.group())
        number = Number(start, end, match.group("ord"), value, word=True)
        found = count(
            text, number, hedge, noun.group() if noun else "", noun_end, mentions, left, right
        )
        out.append(found)
    return out
