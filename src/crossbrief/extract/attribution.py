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
    return {
        "according": re.compile(
            rf"\b(?:{_alt(data['according'])})\s+(?P<who>[^,.;“”\"]{{2,80}}?)(?=[,.;]|\s+(?:that|who)\b|$)",
            re.IGNORECASE,
        ),
        "subject_verb": re.compile(
            rf"(?P<who>(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,3}}?(?:{_NAME}|officials?|spokes(?:man|woman|person)|sources?)"
            rf"(?:\s+officials?)?)\s+(?:has\s+|have\s+|had\s+)?(?P<verb>{verbs})\b"
        ),
        "after": re.compile(
            rf"^[^“”\"]*?[,”\"]+\s*(?P<who>(?i:{pronouns})|(?:the\s+)?{_NAME}(?:\s+officials?)?)\s+(?:{verbs})\b"
        ),
        "closing": re.compile(
            rf",\s*(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)\s+(?:has\s+|have\s+)?(?:{verbs})"
            r"(?:\s+[\w’'.-]+){0,6}\s*[.!]?[”\"]?$"
        ),
        "after_inverted": re.compile(
            rf"^[^“”\"]*?[,”\"]+\s*(?:{verbs})\s+(?P<who>(?:the\s+)?{_NAME})"
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
    r"that|the|a|an)\s+)+",
    re.IGNORECASE,
)


def clean(who: str) -> str:
    """The label of a source: no leading conjunction, article or title."""
    who = _LEADING.sub("", who.strip(" ,.;:“”\"'"))
    lowered = who.lower()
    for title in _titles():
        if lowered.startswith(title + " ") and who[len(title) + 1 :][:1].isupper():
            return clean(who[len(title) + 1 :])
    return who


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
    according = clean(match.group("who")) if match else None
    impersonal = tuple(
        (m.end(), m.group("label").lower())
        for pattern in _impersonal()
        for m in pattern.finditer(sentence)
    )
    verbs = tuple(
        (m.start(), m.end(), m.group("who")) for m in p["subject_verb"].finditer(sentence)
    )
    return according, impersonal, verbs


def attribute(sentence: str, at: int, before: list[str]) -> str | None:
    """The source of the figure at offset ``at`` of ``sentence``; ``before`` holds the
    preceding sentences (oldest first) for resolving "he said"."""
    p = _patterns()
    according, impersonal, verbs = _sentence_sources(sentence)
    if according:
        return according
    for end, label in impersonal:
        if end <= at:
            return label
    spoken = [v for v in verbs if v[1] <= at]
    if spoken and _clause_reaches(sentence[spoken[-1][1] : at]):
        return clean(spoken[-1][2])
    tail = sentence[at:]
    match = p["after"].search(tail) or p["after_inverted"].search(tail) or p["closing"].search(tail)
    if match:
        who = match.group("who")
        if p["pronoun"].match(who):
            person = last_person([*before, sentence[:at]])
            if person is None and " " in who.strip():
                return clean(who)  # "the official said": no name to point back to
            return person
        return clean(who)
    return None


def _clause_reaches(between: str) -> bool:
    """The speech verb governs the figure: no sentence or clause break in between."""
    return not re.search(r"[.;]\s|[“”\"]", between)
