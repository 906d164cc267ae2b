"""Places and nationalities: every country (pycountry plus the English names and
demonyms in ``lexicon/countries.yaml``) and the topic's own places and aliases.

Matching is case-sensitive on the listed capitalisation, so "US" is the country and
"us" stays a pronoun, and the longest name wins ("South Sudan" is not "Sudan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

import pycountry

from crossbrief import lexicon

MentionKind = Literal["country", "demonym", "place", "organisation"]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str  # the country's label (US, Iraq) or the place's canonical name
    country: str  # label of the country the mention belongs to
    kind: MentionKind


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, tuple[str, str, MentionKind]]  # surface -> (label, country, kind)
    pattern: re.Pattern[str]

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        out = []
        for match in self.pattern.finditer(text):
            label, country, kind = self.names[match.group()]
            out.append(
                Mention(
                    offset + match.start(),
                    offset + match.end(),
                    match.group(),
                    label,
                    country,
                    kind,
                )
            )
        return out


def _plural(word: str) -> list[str]:
    if word.endswith(("ese", "ch", "sh", "ss", "men")):
        return [word]
    if word.isupper() or "." in word:
        return [word]
    return [word, word + "s"]


@cache
def countries() -> dict[str, tuple[str, str, MentionKind]]:
    """Surface form -> (label, country label, kind) for every country."""
    extra = lexicon.load("countries")
    names: dict[str, tuple[str, str, MentionKind]] = {}
    for country in pycountry.countries:
        info = extra.get(country.alpha_2, {}) or {}
        common = getattr(country, "common_name", None)
        label = info.get("label") or common or country.name.split(",")[0]
        forms = {country.name, label, *(info.get("names") or [])}
        if common:
            forms.add(common)
        official = getattr(country, "official_name", None)
        if official and not official.startswith("the "):
            forms.add(official)
        for form in forms:
            if "," not in form:
                names[form] = (label, label, "country")
        for demonym in info.get("demonyms") or []:
            for form in _plural(demonym):
                names.setdefault(form, (label, label, "demonym"))
    for label, forms in (extra.get("organisations") or {}).items():
        for form in forms:
            names[form] = (label, label, "organisation")
    return names


def build(places: dict[str, tuple[str, list[str]]] | None = None) -> Gazetteer:
    """A gazetteer of every country plus ``places``: name -> (country label, aliases)."""
    names = dict(countries())
    for name, (country, aliases) in (places or {}).items():
        for form in (name, *aliases):
            names[form] = (name, country, "place")
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.-])(?:{alternation})(?![\w-]|\.\w)")
    return Gazetteer(names, pattern)
