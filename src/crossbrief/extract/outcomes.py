"""What happened to the people a number counts: killed, wounded, injured, missing,
captured, killed or wounded, or casualties unspecified (:data:`OUTCOMES`).

The outcome is said by a verb before the count ("killed three soldiers", "abducted
six people"), a word after its noun in its clause ("three soldiers died", "109
service members ... had been diagnosed with TBI"), the noun itself ("40 wounded",
"six injuries"), or the subject the count is the predicate of ("the loss of lives
includes two soldiers"). A number with no noun has an outcome when a casualty verb
stands right before it ("killing three from the crew") or an outcome is its
predicate ("19 remain missing", "32 for other injuries"). The nearest cue decides; a
longer phrase wins over a shorter one at the same place. Words are in
``lexicon/casualties.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from crossbrief.extract import hedges
from crossbrief.extract.measurebase import alt, clause_bounds, lex
from crossbrief.extract.numbers import Number

OUTCOMES = (
    "killed_or_wounded",
    "killed",
    "wounded",
    "injured",
    "missing",
    "captured",
    "casualties",
)
_BEFORE = 8  # words before a number in which a casualty verb governs it
_AFTER = 24  # tokens after the noun in which the noun's predicate may say the outcome
_LINKS = 4  # words between a bare number and its outcome predicate
_COORDINATORS = frozenset({"and", "or", ",", ";", "but"})
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")


@cache
def _cue(outcome: str) -> re.Pattern[str]:
    words = lex()["outcomes"][outcome]
    return re.compile(rf"(?<![\w-])(?:{alt(words)})(?![\w-])", re.IGNORECASE)


@cache
def _cue_end(outcome: str) -> re.Pattern[str]:
    """A cue of ``outcome`` that ends the text ("... killing")."""
    return re.compile(rf"(?<![\w-])(?:{alt(lex()['outcomes'][outcome])})$", re.IGNORECASE)


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lex()[key])


def _at(text: str, at: int) -> tuple[str, int] | None:
    """The outcome whose cue starts at ``at``, the longest one there."""
    best: tuple[int, str] | None = None
    for outcome in OUTCOMES:
        match = _cue(outcome).match(text, at)
        if match and (best is None or match.end() > best[0]):
            best = (match.end(), outcome)
    return (best[1], best[0]) if best else None


def _nearest_before(text: str, start: int, stop: int) -> tuple[int, str] | None:
    """(distance, outcome) of the cue ending nearest before ``stop``."""
    best: tuple[int, int, str] | None = None
    for outcome in OUTCOMES:
        for hit in _cue(outcome).finditer(text, start, stop):
            key = (stop - hit.end(), -(hit.end() - hit.start()), outcome)
            best = min(best or key, key)
    return (best[0], best[2]) if best else None


def _after_stop(text: str, at: int, stop: int) -> int:
    """Where the look-ahead from ``at`` ends: ``stop``, a word that opens a new clause,
    or after :data:`_AFTER` words."""
    openers = _words("clause_openers") | _words("phrase_openers")
    joined = _CLAUSE_AND.search(text, at, stop)  # "..., and officials said X were killed"
    stop = joined.start() if joined else stop
    for count, token in enumerate(_TOKEN.finditer(text, at, stop)):
        if token.group().lower() in openers or count >= _AFTER:
            return token.start()
    return stop


def _before_object_verb(text: str, start: int, following: int) -> int:
    """Where the look-ahead from ``start`` ends when an outcome verb stands close before
    the next number (``following``): before that verb, whose object the number is."""
    tokens = list(_TOKEN.finditer(text, start, following))
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 5), -1):
        token = tokens[i]
        if token.group().lower() in _COORDINATORS:
            break  # "were killed and 13 injured": the verb is this count's
        cue = _at(text, token.start())
        if cue is not None:
            auxiliary = i > 0 and tokens[i - 1].group().lower() in _words("auxiliaries")
            return following if auxiliary else token.start()
    return following


def _after_last_opener(text: str, start: int, stop: int) -> int:
    """Where the clause the count stands in begins within ``text[start:stop]``: after
    the last word that opens a new clause ("..., where 1,100 troops") or a comma and a
    coordinator ("The blast killed the driver, and 3,000 troops ...")."""
    openers = _words("clause_openers")
    begin = start
    for token in reversed(list(_TOKEN.finditer(text, start, stop))):
        if token.group().lower() in openers:
            begin = token.end()
            break
    joined = list(_CLAUSE_AND.finditer(text, begin, stop))
    return joined[-1].end() if joined else begin


#: Only a coordinator between a count's noun and the next count.
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as)\s+", re.IGNORECASE)
_CLAUSE_AND = re.compile(r"[,;]\s+(?:and|or|then|so)\b", re.IGNORECASE)
_WHOLE = re.compile(
    r"\b(?:one|two|three|four|five|some|many|most|all|each|none|several|\d[\d,]*)\s+"
    r"(?:of|among|out\s+of)\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)


def _nearest_after(text: str, start: int, stop: int) -> tuple[int, str] | None:
    best: tuple[int, int, str] | None = None
    for outcome in OUTCOMES:
        hit = _cue(outcome).search(text, start, stop)
        if hit:
            key = (hit.start() - start, -(hit.end() - hit.start()), outcome)
            best = min(best or key, key)
    return (best[0], best[2]) if best else None


def outcome(
    text: str, number: Number, noun: str, noun_end: int, stop: int, following: int | None = None
) -> str | None:
    """What happened to the people ``number`` counts, or None when no outcome word
    governs it. ``stop`` bounds the look-ahead (the next number or the clause end);
    ``following`` is where the next number starts (-1: none): a verb right before it governs
    that number ("2,500 troops deter militias blamed for killing three"), not this."""
    own = _at(text, noun_end - len(noun))
    if own is not None and own[1] >= noun_end:
        return own[0]  # "more than 40 wounded", "300 dead and wounded", "six injuries"
    left, _ = clause_bounds(text, number.start, noun_end)
    words = text[left : number.start].split()[-_BEFORE:]
    begin = max(left, number.start - len(" ".join(words)) - 1 if words else number.start)
    begin = _after_last_opener(text, begin, number.start)
    # "one of 2,500 troops": the whole a part is taken from; what happened to the
    # part before it did not happen to the whole
    whole = _WHOLE.search(text, max(0, number.start - 40), number.start)
    before = None if whole else _nearest_before(text, begin, number.start)
    ahead = _after_stop(text, noun_end, stop)
    look_from = noun_end
    if following is not None and 0 <= following <= ahead:
        if _COORDINATED.fullmatch(text, noun_end, following):
            # "40 protesters and 12 officers were injured": one predicate for both
            look_from = following
            ahead = _after_stop(text, following, clause_bounds(text, following, following)[1])
        else:
            ahead = _before_object_verb(text, noun_end, following)
    after = _nearest_after(text, look_from, ahead)
    found = [c for c in (before, after) if c is not None]
    if found or whole:
        return min(found)[1] if found else None
    return _subject(text, left, number.start)


@cache
def _subject_link() -> re.Pattern[str]:
    links = alt(lex()["subject_links"])
    return re.compile(rf"(?<![\w-])(?:{links})\s+(?:[\w’'-]+\s+){{0,3}}$", re.IGNORECASE)


def _subject(text: str, left: int, start: int) -> str | None:
    """The outcome named by the subject a count is the predicate of: "the loss of lives
    includes two soldiers", "the death toll rose to 45". Nothing but up to three words
    may stand between the link verb and the count, no clause opener among them."""
    link = _subject_link().search(text[left:start])
    if link is None:
        return None
    if any(w.lower() in _words("clause_openers") for w in link.group().split()):
        return None
    # the subject is in the link's own clause: not "52 died, and ... was attended by 300"
    begin = _after_last_opener(text, left, left + link.start())
    cue = _nearest_before(text, begin, left + link.start())
    return cue[1] if cue else None


def bare(text: str, number: Number, hedge: hedges.Hedge, stop: int) -> str | None:
    """The outcome of a number with no noun: a casualty verb right before it ("killing
    three from the crew") or an outcome predicate right after it ("19 remain missing")."""
    head = text[max(0, hedge.start - 60) : hedge.start].rstrip()
    for outcome_name in OUTCOMES:
        if _cue_end(outcome_name).search(head) and _bare_follower(text, number.end):
            return outcome_name
    left, _ = clause_bounds(text, number.start, number.end)
    subject = _subject(text, left, hedge.start)
    if subject is not None and _bare_follower(text, number.end):
        return subject
    pos = number.end
    for _ in range(_LINKS + 1):
        token = _TOKEN.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
        if token is None or token.start() >= stop:
            return None
        own = _at(text, token.start())
        if own is not None:
            return own[0]
        if token.group().lower() not in _words("predicate_links"):
            return None
        pos = token.end()
    return None


def _bare_follower(text: str, end: int) -> bool:
    """Whether what follows a bare number lets it be the casualty count itself: the end,
    punctuation or a preposition, not a noun of its own ("killed 3 days ago")."""
    token = _TOKEN.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
    if token is None or not token.group()[0].isalnum():
        return True
    return token.group().lower() in _words("bare_followers")
