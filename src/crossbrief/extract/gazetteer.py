"""Places and nationalities: every country (pycountry's ISO 3166-1 list plus the English
names and demonyms in ``lexicon/countries.yaml``) and the topic's own places and aliases.

Matching is case-sensitive on the listed capitalisation, so "US" is the country and
"us" stays a pronoun, and the longest name wins ("South Sudan" is not "Sudan").
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

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


def iso3166() -> list[dict[str, Any]]:
    """pycountry's ISO 3166-1 records (alpha_2, name, common_name, official_name, ...),
    read from its database file: importing pycountry costs about 30 ms (it loads
    importlib.metadata), paid at every Snakemake start since the topic file is checked
    against the gazetteer. Falls back to pycountry itself if the file has moved."""
    spec = importlib.util.find_spec("pycountry")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "databases" / "iso3166-1.json"
        if path.is_file():
            records: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["3166-1"]
            return records
    import pycountry

    keys = ("alpha_2", "alpha_3", "name", "common_name", "official_name")
    return [{k: getattr(c, k) for k in keys if hasattr(c, k)} for c in pycountry.countries]


@cache
def countries() -> dict[str, tuple[str, str, MentionKind]]:
    """Surface form -> (label, country label, kind) for every country."""
    extra = lexicon.load("countries")
    names: dict[str, tuple[str, str, MentionKind]] = {}
    records = list(iso3166())
    known = {country["alpha_2"] for country in records}
    # codes that ISO 3166-1 does not list but the lexicon does, with their label
    # ("XK: Kosovo"): countries in the news all the same
    for code, info in extra.items():
        listed = isinstance(code, str) and len(code) == 2 and code not in known
        if listed and isinstance(info, dict) and info.get("label"):
            records.append({"alpha_2": code, "name": info["label"]})
    for country in records:
        info = extra.get(country["alpha_2"], {}) or {}
        common = country.get("common_name")
        label = info.get("label") or common or country["name"].split(",")[0]
        forms = {country["name"], label, *(info.get("names") or [])}
        if common:
            forms.add(common)
        official = country.get("official_name")
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


def build(
    places: dict[str, tuple[str, list[str]]] | None = None,
    actors: dict[str, tuple[str, ...]] | None = None,
) -> Gazetteer:
    """A gazetteer of every country plus ``places`` (name -> (country label, aliases))
    and the topic's actor aliases (actor label -> names that stand for it)."""
    names = dict(countries())
    for name, (country, aliases) in (places or {}).items():
        for form in (name, *aliases):
            names[form] = (name, country, "place")
    names.update(actor_names(actors or {}, names))
    pattern = re.compile(rf"(?<![\w.-])(?:{trie(names)})(?![\w-]|\.\w)")
    return Gazetteer(names, pattern)


def actor_names(
    actors: dict[str, tuple[str, ...]], known: dict[str, tuple[str, str, MentionKind]]
) -> dict[str, tuple[str, str, MentionKind]]:
    """Each name that stands for an actor ("Pyongyang", "DPRK", "the North") as a
    mention of the actor itself: of a country when the actor is one, else of an
    organisation (an organisation of the gazetteer or an entity of the topic). A name
    that opens with a small letter is also listed capitalised, as it stands at the start
    of a sentence ("The North")."""
    out: dict[str, tuple[str, str, MentionKind]] = {}
    for label, aliases in actors.items():
        own = known.get(label)
        kind: MentionKind = "country" if own is not None and own[2] == "country" else "organisation"
        for alias in aliases:
            forms = [alias]
            if alias[:1].islower():
                forms.append(alias[0].upper() + alias[1:])
            for form in forms:
                out[form] = (label, label, kind)
    return out


def trie(words: Iterable[str]) -> str:
    """A case-sensitive regular expression that matches what the alternation of
    ``words``, longest first, matches, with the same preference.

    The plain alternation tries each of hundreds of names at every word start; here
    the names are a tree of shared prefixes, so each character is compared with the
    few names that can still follow. The names matching at one position are prefixes
    of one another, and each branch tries the longer names before ending, so the
    longest one that lets the rest of the pattern match still wins.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branch(root)


def _branch(node: dict[str, Any]) -> str:
    parts = []
    for ch in sorted(c for c in node if c):
        child, run = node[ch], ch
        while len(child) == 1 and "" not in child:  # a run with no fork: one literal
            ((ch, child),) = child.items()
            run += ch
        parts.append(re.escape(run) + _branch(child))
    if "" in node:
        parts.append("")  # ending here comes after every longer name
    if parts == [""]:
        return ""
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
