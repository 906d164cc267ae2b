"""Who a figure is attributed to: "according to X", "X says ...", "..., X said",
quoted speech with "he said" (resolved to the person named before), and impersonal
"it is generally reported". None when the article asserts the figure itself."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from crossbrief import lexicon

_CAP_WORD = r"[A-Z][\w’'.-]*"
_NAME = rf"{_CAP_WORD}(?:\s+(?:al-|el-|bin\s+|ibn\s+|de\s+|van\s+)?{_CAP_WORD}){{0,4}}"


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = lexicon.load("attribution")
    verbs = _alt(data["verbs"])
    pronouns = _alt(data["pronouns"])
    nouns = _alt(data["subject_nouns"])
    return {
        "according": re.compile(
            rf"\b(?:{_alt(data['according'])})\s+(?P<who>[^,.;“”\"]{{2,80}}?)(?=[,.;]|\s+(?:that|who)\b|$)",
            re.IGNORECASE,
        ),
        "subject_verb": re.compile(
            rf"(?P<who>(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){{0,3}}?(?:{_NAME}|{nouns})"
            rf"(?:\s+officials?)?)\s+(?:has\s+|have\s+|had\s+)?(?P<verb>{verbs})\b"
        ),
        "after": re.compile(
            rf"^[^“”\"]*?[,”\"]+\s*(?P<who>(?i:{pronouns})|(?:the\s+)?{_NAME}(?:\s+officials?)?)\s+(?:{verbs})\b"
        ),
        "closing": re.compile(
            rf",[”\"]?\s*(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)\s+(?:has\s+|have\s+)?(?:{verbs})"
            r"(?:\s+[\w’'.-]+){0,6}(?:,\s+[a-z]+ing\b[^.!?]*)?\s*[.!]?[”\"]?$"
        ),
        "after_inverted": re.compile(
            rf"^[^“”\"]*?[,”\"]+\s*(?:{verbs})\s+(?P<who>(?:the\s+)?{_NAME})"
        ),
        # "Jan Novak, the head of the mission, said ...": a name, an apposition, a verb
        # "The Interim Force (UNIFIL) has recorded ...": the short name it goes by
        "acronym": re.compile(
            rf"\((?P<who>[A-Z][A-Za-z]{{1,9}})\)\s+(?:has\s+|have\s+|had\s+)?(?P<verb>{verbs})\b"
        ),
        "appositive": re.compile(
            rf"(?P<who>{_NAME}),\s+(?:the|a|an|who)\s+[^,;“”\"]{{3,90}},\s+(?:has\s+)?(?P<verb>{verbs})\b"
        ),
        "pronoun": re.compile(rf"^(?:{pronouns})$", re.IGNORECASE),
        "person": re.compile(
            rf"(?<![\w’'-])(?P<name>{_NAME})(?P<follow>\s*,\s*(?:the|a|an|who|leader|spokes\w+)\b|\s+(?:{verbs})\b)?"
        ),
    }


@cache
def _impersonal() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in lexicon.load("attribution")["impersonal"])


@cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted((t for t in lexicon.load("attribution")["titles"]), key=len, reverse=True))


_LEADING = re.compile(
    r"^(?:(?:although|though|while|but|and|as|because|since|if|when|however|so|yet|whereas|"
    r"that|the|a|an|some|several|many|recent|various)\s+)+",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")


@cache
def _continuation() -> re.Pattern[str]:
    words = lexicon.load("attribution")["continuations"]
    return re.compile(rf"^(?:[\w’'-]+\s+){{0,2}}?(?:{_alt(words)})\b", re.IGNORECASE)


def _continues(lead: str) -> bool:
    """The sentence goes on with the report just before it ("To date there have
    been ...", "Of these, ...") and names no agent of its own."""
    return bool(_continuation().search(lead.strip()))


def goes_on(sentence: str, at: int) -> bool:
    """Whether the sentence, up to its figure at ``at``, goes on with the report of the
    sentence before ("To date there have been ...")."""
    return _continues(_lead(sentence, at))


def _lead(sentence: str, at: int) -> str:
    """The sentence up to its first figure (or to ``at``)."""
    first = _DIGIT.search(sentence, 0, at)
    return sentence[: first.start() if first else at]


#: A description in lower case before a name: "news agency AFP".
_DESCRIBED = re.compile(rf"^(?P<what>(?:[a-z][\w-]*\s+){{1,3}})(?P<name>{_NAME})$")


@cache
def _prepositions() -> frozenset[str]:
    return frozenset(lexicon.load("measures")["prepositions"])


_BY_AGENT = re.compile(rf"\bby\s+(?P<agent>(?:the\s+)?{_NAME})$")


def clean(who: str) -> str:
    """The label of a source: no leading conjunction, article or title; "a report
    Saturday by X" is X; role words before a person's name ("Defense Secretary") go."""
    who = _LEADING.sub("", who.strip(" ,.;:“”\"'"))
    if who.lower() in _not_sources():
        return ""
    described = _DESCRIBED.match(who)
    if described and not set(described.group("what").split()) & _prepositions():
        who = described.group("name")  # "news agency AFP", "state broadcaster KBS"
    agent = _BY_AGENT.search(who)
    if agent and agent.start() > 0:
        return clean(agent.group("agent"))
    lowered = who.lower()
    for title in _titles():
        if lowered.startswith(title + " ") and who[len(title) + 1 :][:1].isupper():
            return clean(who[len(title) + 1 :])
    return _without_roles(who)


def _without_roles(who: str) -> str:
    """ "Defense Secretary Mark Esper" -> "Mark Esper": leading role words (and whose
    they are, "UNIFIL's spokesman") go when what is left is a person's name."""
    words = who.split()
    roles = set(lexicon.load("attribution")["role_words"]) | set(_titles())
    n = 0
    if len(words) > 3 and words[0].endswith(("’s", "'s")) and words[1].lower() in roles:
        n = 1  # "the mission's spokesman Jan Novak": whose spokesman goes with the title
    while n < len(words) - 2 and words[n].lower().rstrip(".") in roles:
        n += 1
    rest = " ".join(words[n:])
    named = all(w[:1].isupper() for w in rest.split())  # "senior US official" stays
    return rest if n and _is_person(rest) and named else who


@cache
def _not_sources() -> frozenset[str]:
    return frozenset(lexicon.load("attribution")["not_sources"])


def _names_a_source(match: re.Match[str]) -> bool:
    """ "citing officials" names a source, "citing support for X" a reason: after
    "citing", the cited thing must be a name or a source noun."""
    if not match.group(0).lower().startswith("citing"):
        return True
    who = _LEADING.sub("", match.group("who").strip())
    nouns = set(lexicon.load("attribution")["source_nouns"])
    return who[:1].isupper() or any(w in nouns for w in who.lower().split())


def _is_person(name: str) -> bool:
    words = name.replace("-", " ").lower().split()
    orgs = set(lexicon.load("attribution")["organisation_words"])
    return len(words) >= 2 and not any(w in orgs for w in words)


def last_person(texts: list[str]) -> str | None:
    """The person most recently named in ``texts`` (oldest first): a name followed by
    an apposition or a speech verb wins over a bare name."""
    strong: str | None = None
    weak: str | None = None
    for text in texts:
        for match in _patterns()["person"].finditer(text):
            name = clean(match.group("name"))
            if not _is_person(name):
                continue
            if match.group("follow"):
                strong = name
            weak = name
    return strong or weak


@lru_cache(maxsize=64)
def _sentence_sources(
    sentence: str,
) -> tuple[str | None, tuple[tuple[int, str], ...], tuple[tuple[int, int, str], ...]]:
    """Per sentence, once: the "according to" source, impersonal labels (end, label) and
    speech verbs with their subjects (start, end, who)."""
    p = _patterns()
    match = p["according"].search(sentence)
    according = clean(match.group("who")) if match and _names_a_source(match) else None
    impersonal = tuple(
        (m.end(), m.group("label").lower())
        for pattern in _impersonal()
        for m in pattern.finditer(sentence)
    )
    verbs = tuple(
        sorted(
            (m.start(), m.end(), m.group("who"))
            for name in ("subject_verb", "appositive", "acronym")
            for m in p[name].finditer(sentence)
        )
    )
    return according, impersonal, verbs


def attribute(sentence: str, at: int, before: list[str]) -> str | None:
    """The source of the figure at offset ``at`` of ``sentence``; ``before`` holds the
    preceding sentences (oldest first) for resolving "he said" and "it said", for
    naming a surname in full, and for a source carried over from the sentence just
    before ("..., the agency reported. To date there have been 17 attacks")."""
    label = _in_sentence(sentence, at, before) or None  # "" is no source ("Those ...")
    if label is None and before and _continues(_lead(sentence, at)):
        label = _closing_source(before[-1])
    if label is not None and " " not in label:
        if label.islower():  # "the ministry said": the ministry credited in full before
            label = _full_source(label, before) or label
        else:
            label = _full_name(label, [*before, sentence[:at]])
    return label


def _full_source(noun: str, texts: list[str]) -> str | None:
    """The source credited before whose name ends with ``noun`` ("ministry" ->
    "the Lithuanian defence ministry")."""
    for text in reversed(texts):
        according, _, verbs = _sentence_sources(text)
        closing = _closing_source(text)
        found = [clean(w) for _, _, w in verbs] + [according or "", closing or ""]
        for name in found:
            # "a Ukrainian intelligence report shared with X" -> "... report"
            head = re.match(rf"^(.*\s{re.escape(noun)})\b", name, re.IGNORECASE)
            if head:
                return head.group(1)
    return None


def _closing_source(previous: str) -> str | None:
    """The named source a sentence closes with (", Reuters reported."), if any."""
    match = _patterns()["closing"].search(previous)
    if match is None or _patterns()["pronoun"].match(match.group("who")):
        return None
    who = clean(match.group("who"))
    return who if who[:1].isupper() else None


def _full_name(surname: str, texts: list[str]) -> str:
    """A bare surname as the person named in full before ("McKenzie" -> "Kenneth
    McKenzie"), else as it is."""
    for text in reversed(texts):
        for match in reversed(list(_patterns()["person"].finditer(text))):
            name = clean(match.group("name"))
            if name.endswith(" " + surname) and _is_person(name):
                return name
    return surname


def _headline_source(sentence: str) -> str | None:
    """A headline that ends with its source: "Figures rise sharply: Reuters"."""
    match = _HEADLINE.search(sentence)
    return match.group("who") if match else None


_HEADLINE = re.compile(rf":\s+(?P<who>{_NAME})\s*$")


def _in_sentence(sentence: str, at: int, before: list[str]) -> str | None:
    according, impersonal, verbs = _sentence_sources(sentence)
    if according and not _citing(sentence):
        return according
    speaker = _speaker(sentence, at, before, impersonal, verbs)
    return speaker or according or None


def _citing(sentence: str) -> bool:
    """Whether the sentence's "according to" source is one that a speaker cites ("X
    said, citing unnamed sources"): the speaker is then the figure's source."""
    match = _patterns()["according"].search(sentence)
    return bool(match and match.group(0).lower().startswith("citing"))


def _speaker(
    sentence: str,
    at: int,
    before: list[str],
    impersonal: tuple[tuple[int, str], ...],
    verbs: tuple[tuple[int, int, str], ...],
) -> str | None:
    p = _patterns()
    for end, label in impersonal:
        if end <= at:
            return label
    spoken = [v for v in verbs if v[1] <= at]
    if spoken and _clause_reaches(sentence[spoken[-1][1] : at]):
        who = spoken[-1][2].strip()
        if who.lower() == "it":  # "It added that ...": the source credited before
            return _last_source([*before, sentence[: spoken[-1][0]]])
        return clean(who)
    tail = sentence[at:]
    match = p["after"].search(tail) or p["after_inverted"].search(tail) or p["closing"].search(tail)
    if match:
        who = _RELATIVE.sub("", match.group("who"))  # ", of which it says": "it"
        if who.lower() == "it":
            return _last_source([*before, sentence[:at]])
        if p["pronoun"].match(who):
            person = last_person([*before, sentence[:at]])
            if person is None and " " in who.strip():
                return clean(who)  # "the official said": no name to point back to
            return person or _last_speaker_noun([*before, sentence[:at]])
        return clean(who)
    return _headline_source(sentence)


_RELATIVE = re.compile(r"^(?:of|in|for|to|among|from)\s+(?:which|whom)\s+", re.IGNORECASE)


@cache
def _speaker_noun() -> re.Pattern[str]:
    nouns = _alt(lexicon.load("attribution")["speaker_nouns"])
    return re.compile(rf"\b(?i:a|an|the)\s+(?P<who>(?:[\w.’'-]+\s+){{0,3}}?(?:{nouns}))\b")


def _last_speaker_noun(texts: list[str]) -> str | None:
    """What "he said" points back to when no person is named: the last unnamed source
    ("A senior US official branded the claim false. ... he said")."""
    for text in reversed(texts):
        found = list(_speaker_noun().finditer(text))
        if found:
            return clean(found[-1].group("who")) or None
    return None


def _last_source(texts: list[str]) -> str | None:
    """What "it said" points back to: the source most recently credited in ``texts``."""
    for text in reversed(texts):
        according, _, verbs = _sentence_sources(text)
        found = [clean(w) for _, _, w in verbs if not _patterns()["pronoun"].match(w.strip())]
        if found and found[-1][:1].isupper():
            return found[-1]
        if according:
            return according
        closing = _closing_source(text)
        if closing:
            return closing
    return None


def _clause_reaches(between: str) -> bool:
    """The speech verb governs the figure: no sentence or clause break in between."""
    return not re.search(r"(?<!\b[A-Z])\.\s|;\s|[“”\"]", between)  # "U.S. troops" is no break
