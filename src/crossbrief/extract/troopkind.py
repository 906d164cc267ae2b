"""The kind of a troop figure: a present headcount, forces sent, withdrawn, added or
remaining, or a planned, target or hypothetical figure.

The words that govern the figure decide, in this order (each a rule of English, with
its words in ``lexicon/troops.yaml`` and ``lexicon/measures.yaml``):

1. modality: a modal and a state verb ("1,300 Marines may be stationed", "there will
   soon be 175,000", "could rise to 9,000") make it ``planned``, unless the verb moves
   the troops out ("would be withdrawn");
2. the amount of a change ("a further reduction by 1,000 troops": ``withdrawn``; "an
   increase of 4,000 troops": ``additional``), or the target of a change ("reduced to
   600", "has increased to 32,000"): still to come (a future or decision word before
   it) it is ``planned``; a cut already made leaves it ``remaining``, a rise already
   made ``present``;
3. "more", "additional" between the number and its noun: ``additional``;
4. the verb whose object it is ("will leave 24,000 troops", "removes its 900
   peacekeepers", "has about 900 troops");
5. a level named before the number ("the number of troops ... at 28,500") or a definite
   figure ("the 900 were ...") is a headcount: ``present``;
6. words after it: "home", "out of" (``withdrawn``), a purpose "to bolster"
   (``additional``);
7. otherwise the first cue near it in its clause, else ``present``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from crossbrief import lexicon

_CUE_WINDOW = 7  # words around a figure in which a kind cue counts
_TARGET_REACH = 14  # words before a target "to N" in which its change verb stands
_MODAL_LEAD = 3  # words between the figure's noun and a modal after it


@dataclass(frozen=True)
class Figure:
    """A troop figure in its sentence; offsets are within ``text``."""

    text: str
    left: int  # the clause around the figure
    right: int
    hedge_start: int
    number_end: int
    noun_end: int
    definite: bool = False  # "the 900", "its 12,000 peacekeepers"
    level: bool = False  # counted by a head before it: "the number of troops ... at N"
    bound: bool = False  # that head bounds it: "a minimum of", "a ceiling of"


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(words: list[str]) -> str:
    return rf"(?<![\w-])(?:{_alt(words)})(?![\w-])"


@cache
def _lex() -> dict[str, Any]:
    return lexicon.load("troops")


@cache
def _cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    cues = lexicon.load("measures")["kind_cues"]
    order = ("additional", "remaining", "planned", "withdrawn", "present", "deployed")
    return tuple((k, re.compile(_words(cues[k]), re.IGNORECASE)) for k in order)


@cache
def _modal_after() -> re.Pattern[str]:
    lex = _lex()
    return re.compile(
        rf"^\s*(?:[^\s,;]+\s+){{0,{_MODAL_LEAD}}}?(?:{_alt(lex['modals'])})\s+"
        rf"(?:(?:{_alt(lex['modal_adverbs'])})\s+)?(?:{_alt(lex['state_verbs'])})\b"
        r"(?P<rest>(?:\s+[\w-]+){0,2})",
        re.IGNORECASE,
    )


def _modal() -> str:
    """A modal and an optional adverb: "will", "could soon", "may still"."""
    lex = _lex()
    return rf"{_words(lex['modals'])}\s+(?:(?:{_alt(lex['modal_adverbs'])})\s+)?"


@cache
def _modal_before() -> re.Pattern[str]:
    return re.compile(
        rf"{_modal()}(?:{_alt(_lex()['state_verbs'])})(?:\s+(?:to|at))?\s*$", re.IGNORECASE
    )


@cache
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(_words(_lex()[key]), re.IGNORECASE)


@cache
def _object_verbs() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = _lex()
    determiners = _alt(lex["determiners"])
    return tuple(
        (
            kind,
            re.compile(  # "removing and repositioning 12,000 troops": the first verb too
                rf"{_words(verbs)}(?:\s+(?:and|or)\s+[\w-]+)?\s+(?:(?:{determiners})\s+)?$",
                re.IGNORECASE,
            ),
        )
        for kind, verbs in lex["object_verbs"].items()
    )


@cache
def _intention() -> re.Pattern[str]:
    return re.compile(rf"{_words(_lex()['intentions'])}\s+to\s+$", re.IGNORECASE)


@cache
def _intended() -> re.Pattern[str]:
    """An intention, "to" and a verb right before the figure: "plans to send",
    "is preparing to deploy some"."""
    lex = _lex()
    return re.compile(
        rf"{_words(lex['intentions'])}\s+to\s+[a-z]+\s+(?:(?:{_alt(lex['determiners'])})\s+)?$",
        re.IGNORECASE,
    )


@cache
def _modal_verb() -> re.Pattern[str]:
    return re.compile(
        rf"{_modal()}(?P<verb>[a-z]+)\s+(?:(?:{_alt(_lex()['determiners'])})\s+)?$",
        re.IGNORECASE,
    )


def _future_object(before: str) -> bool:
    """A modal and a verb whose object the figure is ("will contribute 2,000 troops",
    "could send some"): forces still to come, unless the verb leaves them where they
    are ("will leave 24,000 troops in X", "will keep 100": ``remaining``) or moves them
    out ("will pull 2,300 soldiers from X": ``withdrawn``, as the object verbs say). Not for a
    known force ("will augment the 900 troops there") nor one sent home ("would bring
    6,400 troops home": ``withdrawn``), which the caller checks."""
    match = _modal_verb().search(before)
    if match is None:
        return False
    lex = _lex()
    own = {*lex["object_verbs"]["remaining"], *lex["object_verbs"]["withdrawn"], *lex["keep_verbs"]}
    return match.group("verb").lower() not in own


@cache
def _keep_verb() -> re.Pattern[str]:
    lex = _lex()
    return re.compile(
        rf"{_words(lex['keep_verbs'])}\s+(?:(?:{_alt(lex['determiners'])})\s+)?$", re.IGNORECASE
    )


@cache
def _drawdown_pattern() -> re.Pattern[str]:
    lex = _lex()
    cues = lexicon.load("measures")["kind_cues"]["withdrawn"]
    words = [*cues, *lex["cut_verbs"], *lex["cut_nouns"], *lex["drawdown_words"]]
    return re.compile(_words(words), re.IGNORECASE)


def tells_of_leaving(sentence: str) -> bool:
    """Whether the sentence tells of forces leaving or cut (then "from X" is where they
    leave, not whose they are)."""
    return _drawdown(sentence)


def _drawdown(sentence: str) -> bool:
    """Whether the sentence tells of forces leaving or cut."""
    return bool(_drawdown_pattern().search(sentence))


_TO_END = re.compile(r"\bto\s*$", re.IGNORECASE)
_MORE_THAN = re.compile(r"\bmore\s+than\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:more|additional|extra|another|further|fresh)\b", re.IGNORECASE)


def kind(f: Figure) -> str:
    """The kind of the figure (see the module's docstring for the rules)."""
    before = f.text[f.left : f.hedge_start]
    after = f.text[f.noun_end : f.right]
    found = _modality(before, after) or _amount(before) or _target(before)
    if found:
        return found
    if f.bound:
        return "planned"  # "set the minimum of police personnel at 1,040"
    leaves = re.match(rf"\s*(?:{_pattern('withdrawn_after').pattern})", after, re.IGNORECASE)
    if _intended().search(before) or (not f.definite and not leaves and _future_object(before)):
        return "planned"  # "is preparing to send up to 3,000", "will contribute 2,000"
    if _BETWEEN.search(f.text[f.number_end : f.noun_end]):
        return "additional"
    found = _object(before, f.definite)
    if found == "remaining" and _keep_verb().search(before) and not _drawdown(f.text):
        return "present"  # "keeps roughly 54,000 troops in X": no drawdown, a headcount
    if found:
        return found
    if re.match(rf"\s*(?:{_pattern('withdrawn_after').pattern})", after, re.IGNORECASE):
        return "withdrawn"  # "pulled the last of its 2,000 peacekeepers out of X"
    if f.level or f.definite:
        return "present"
    if _pattern("reinforcing").search(after):
        return "additional"
    return _nearby(before, after)


def _modality(before: str, after: str) -> str | None:
    match = _modal_after().match(after)
    if match is not None:
        rest = match.group("rest")
        withdrawn = dict(_cues())["withdrawn"]
        return "withdrawn" if withdrawn.search(rest) else "planned"
    if _modal_before().search(before):
        return "planned"
    return None


@cache
def _amounts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = _lex()
    return tuple(
        (
            name,
            re.compile(
                rf"{_words([*lex[verbs], *lex[nouns]])}(?:\s+[\w’'.-]+){{0,3}}?\s+(?:of|by)\s*$",
                re.IGNORECASE,
            ),
        )
        for name, verbs, nouns in (
            ("withdrawn", "cut_verbs", "cut_nouns"),
            ("additional", "rise_verbs", "rise_nouns"),
        )
    )


def _amount(before: str) -> str | None:
    """The amount of a change: "a reduction by 1,000", "increased by 7,000"."""
    for name, pattern in _amounts():
        if pattern.search(before):
            return name
    return None


def _target(before: str) -> str | None:
    """A level reached by a change: "cut troop levels to 2,500", "from 5,200 to 3,000"."""
    if not _TO_END.search(before):
        return None
    words = before.split()
    near = " ".join(words[-_TARGET_REACH:])
    for verbs, done in (("cut_verbs", "remaining"), ("rise_verbs", "present")):
        hits = list(_pattern(verbs).finditer(near))
        if hits:
            ahead = near[: hits[-1].end()]
            return "planned" if _pattern("future_cues").search(ahead) else done
    return None


def _object(before: str, definite: bool) -> str | None:
    """The kind the verb whose object the figure is gives. A known force ("the 900
    troops") that a verb only means or tries to move ("would try and remove the 900")
    is still counted where it is: only a removal under way or done makes it
    ``withdrawn``."""
    for name, pattern in _object_verbs():
        match = pattern.search(before)
        if match is None:
            continue
        if _intention().search(before[: match.start()]):
            return "planned"  # "plans to withdraw 1,000 troops", "preparing to send"
        if name == "withdrawn" and definite:
            lead = before[: match.start()].split()[-1:]
            if lead and lead[0].lower() in _lex()["unrealised"]:
                return None
        return name
    return None


def _nearby(before: str, after: str) -> str:
    """The first kind whose cue stands within a few words of the figure in its clause
    (a hedge's "more than" is no cue for "more")."""
    near_before = " ".join(_MORE_THAN.sub(" ", before).split()[-_CUE_WINDOW:])
    near_after = " ".join(_MORE_THAN.sub(" ", after).split()[:_CUE_WINDOW])
    for name, pattern in _cues():
        if pattern.search(near_after) or pattern.search(near_before):
            return name
    return "present"
