"""The noun a number counts, found after it: troops, attacks, times or people, with
the modifiers, names and compound nouns that may stand between ("3,000 African Union
Mission in Somalia (AMISOM) soldiers", "two coast guard personnel"), and whether a vague
amount counts anything at all."""

from __future__ import annotations

import re

from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import lex as _lex
from crossbrief.extract.measurebase import phrase as _phrase

_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")
_NOUN_WINDOW = 4  # words between a number and its noun
#: The name of a force or mission before its noun: capitalised words joined by "of",
#: "in", "for", "and", and an acronym in brackets.
_NAME_PHRASE = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|in|for|and|the)\s+)*[A-Z][\w’'.-]*){1,7}"
    r"(?:\s+\([A-Z][\w-]*\))?\s+"
)


def noun_after(
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
