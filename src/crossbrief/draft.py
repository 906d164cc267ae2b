"""What a starter topic file proposes, read from a folder of articles: entities with
the spellings found (transliterations merged by consonant skeleton), places below
country level with their country, capitals that stand for a country, and the events two
or more sources date. Pure functions on documents and extractions; :mod:`draftyaml`
writes the file."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from crossbrief import lexicon
from crossbrief.compare import discover
from crossbrief.compare.dated_features import stopwords
from crossbrief.extract.gazetteer import Gazetteer, build, countries
from crossbrief.extract.names import token_key
from crossbrief.records import Document

#: Most entities and places a draft lists (the most widely mentioned first).
MAX_ENTITIES = 40
MAX_PLACES = 30

_RUN = re.compile(r"(?:[A-Z][\w'’-]*|\d+)(?:[ \t]+(?:[A-Z][\w'’-]*|\d+|[a-z]{1,3}-[A-Z][\w'’-]*))*")


@dataclass(frozen=True)
class Found:
    """A name found in the articles: its spellings by frequency and its documents."""

    spellings: tuple[str, ...]
    documents: frozenset[str]

    @property
    def name(self) -> str:
        return self.spellings[0]


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # as the gazetteer labels it, when the text says ("X, Iraq")
    documents: frozenset[str]
    nearby: tuple[str, ...] = ()  # countries named in its sentences, most often first


@dataclass(frozen=True)
class Draft:
    entities: tuple[Found, ...] = ()
    places: tuple[Place, ...] = ()
    actors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    events: tuple[discover.Discovered, ...] = ()
    default_actor: str | None = None


@cache
def _gazetteer() -> Gazetteer:
    return build()


def _countries(text: str) -> list[str]:
    return [m.label for m in _gazetteer().find(text) if m.kind == "country"]


@cache
def _skip() -> frozenset[str]:
    """Words that are no name on their own: stop words, titles, particles."""
    data = lexicon.load("discovery")
    return stopwords() | {str(w).lower() for w in data["name_particles"]}


def _body(document: Document) -> list[str]:
    return [document.text[p.start : p.end] for p in document.paragraphs if p.role == "body"]


def _trim(tokens: list[str]) -> list[str]:
    """A run of capitalised words without the known words around the name
    ("US President Joe Biden's" -> "Joe Biden")."""
    known = countries()
    tokens = [t.removesuffix("'s").removesuffix("’s").rstrip(".") for t in tokens]
    while tokens and (tokens[0].lower() in stopwords() or tokens[0] in known):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower() in _skip() or tokens[-1] in known):
        tokens = tokens[:-1]
    return tokens


def _key(tokens: Sequence[str]) -> tuple[str, ...]:
    """What spellings of one name share: each word's consonant skeleton, without the
    particles (el-Amin / Amin)."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+", " ".join(tokens))
    particles = {str(w).lower() for w in lexicon.load("discovery")["name_particles"]}
    return tuple(token_key(w) for w in words if w.lower() not in particles) or ("",)


def _lower_words(documents: Sequence[Document]) -> frozenset[str]:
    """Words the articles also write in lower case (common nouns: "parliament")."""
    return frozenset(
        w for d in documents for t in _body(d) for w in re.findall(r"\b[a-z][\w-]*", t)
    )


def _person_like(name: str) -> bool:
    """Two to four capitalised words with no stop word between: a person's name."""
    words = name.split()
    return 2 <= len(words) <= 4 and not any(w.lower() in stopwords() for w in words)


def _adjective(token: str) -> bool:
    """US-led, Iran-backed: a name with a lower-case ending after a hyphen."""
    return bool(re.fullmatch(r"[\w'’.]+-[a-z]+", token)) and not re.match(r"(?i)a[lr]-", token)


def entities(documents: Sequence[Document]) -> list[Found]:
    """Names of people and groups two or more articles use, or written two or more ways;
    a surname alone joins the one full name it ends."""
    lower = _lower_words(documents)
    spellings: dict[tuple[str, ...], Counter[str]] = {}
    seen: dict[tuple[str, ...], set[str]] = {}
    inside: dict[tuple[str, ...], bool] = {}  # ever away from a sentence start
    for doc in documents:
        for text in _body(doc):
            for m in _RUN.finditer(text):
                raw = m.group().split()
                tokens = _trim(raw)
                if (
                    not tokens
                    or " ".join(tokens) in countries()
                    or tokens[0].isdigit()
                    or any(_adjective(t) for t in tokens)
                    or (len(tokens) == 1 and (len(raw) > 1 or tokens[0].lower() in lower))
                ):
                    continue
                key = _key(tokens)
                spellings.setdefault(key, Counter())[" ".join(tokens)] += 1
                seen.setdefault(key, set()).add(doc.id)
                before = text[: m.start()].rstrip()
                inside[key] = inside.get(key, False) or (
                    bool(before) and before[-1] not in '.!?"“:'
                )
    full = {k: v for k, v in spellings.items() if len(k) >= 2}
    ends: dict[str, list[tuple[str, ...]]] = {}
    for k in full:
        ends.setdefault(k[-1], []).append(k)
    out = []
    for k, counts in full.items():
        documents_of = set(seen[k])
        names = Counter(counts)
        surname = (k[-1],)
        person = _person_like(counts.most_common(1)[0][0])
        if person and surname in spellings and len(ends[k[-1]]) == 1 and inside.get(surname):
            names.update(spellings[surname])
            documents_of |= seen[surname]
        if len(documents_of) >= 2 or len(counts) >= 2:
            ordered = sorted(names, key=lambda s: (-len(s.split()), -names[s], s))
            out.append(Found(tuple(ordered), frozenset(documents_of)))
    for k, counts in spellings.items():  # one-word names (Hezbollah, Pentagon)
        if len(k) == 1 and len(seen[k]) >= 2 and inside.get(k) and k[0] not in ends:
            ordered = sorted(counts, key=lambda s: (-counts[s], s))
            if len(ordered[0]) >= 3:
                out.append(Found(tuple(ordered), frozenset(seen[k])))
    out.sort(key=lambda f: (-len(f.documents), f.name))
    return out[:MAX_ENTITIES]


def places(documents: Sequence[Document]) -> list[Place]:
    """Capitalised phrases after "in", "at", "near" ... that are no country, with their
    country where the text says it ("X, Iraq", "the Iraqi town of X", a capital)."""
    known = countries()
    capital_of = {c: known[k][0] for k, cs in lexicon.load("capitals").items() for c in cs}
    data = lexicon.load("discovery")
    preludes = "|".join(re.escape(w) for w in data["place_preludes"])
    nouns = "|".join(re.escape(w) for w in data["place_nouns"])
    place = rf"(?P<place>{_RUN.pattern})(?P<after>,\s+[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)?"
    patterns = (
        re.compile(rf"\b(?:{preludes})\s+(?:the\s+)?(?P<of>){place}"),
        re.compile(rf"\b(?P<of>[A-Z][\w'’-]*)\s+(?:{nouns})\s+of\s+{place}"),
    )
    lower = _lower_words(documents)
    beside: dict[str, Counter[str]] = {}
    seen: dict[str, set[str]] = {}
    direct: dict[str, Counter[str]] = {}
    for doc in documents:
        for text in _body(doc):
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                named = Counter(set(_countries(sentence)))
                for m in (m for p in patterns for m in p.finditer(sentence)):
                    raw = m.group("place").split()
                    tokens = _trim(raw)
                    name = " ".join(tokens)
                    if (
                        not tokens
                        or name in known
                        or tokens[0].isdigit()
                        or any(t.removesuffix("’s").removesuffix("'s") in known for t in raw)
                        or any(_adjective(t) for t in tokens)
                        or (len(tokens) == 1 and tokens[0].lower() in lower)
                    ):
                        continue
                    seen.setdefault(name, set()).add(doc.id)
                    beside.setdefault(name, Counter()).update(named)
                    # "the Lebanese town of X", "X, Iraq": the gazetteer knows the country
                    for told in (m.group("of"), (m.group("after") or "").lstrip(", ")):
                        for word in (told or "", (told or "").split(" ")[0]):
                            if word in known:
                                direct.setdefault(name, Counter())[known[word][1]] += 1
    out = []
    for name, docs in seen.items():
        told = direct.get(name)
        country = capital_of.get(name) or (told.most_common(1)[0][0] if told else None)
        nearby = tuple(c for c, _ in sorted(beside[name].items(), key=lambda x: (-x[1], x[0])))
        out.append(Place(name, country, frozenset(docs), nearby[:3]))
    out.sort(key=lambda p: (-len(p.documents), p.name))
    return out[:MAX_PLACES]


def actors(documents: Sequence[Document]) -> dict[str, tuple[str, ...]]:
    """Capitals and seats of government an article uses for a country ("Tehran said",
    "the Kremlin's"), by the country's label."""
    known = countries()
    cues = "|".join(re.escape(str(w)) for w in lexicon.load("discovery")["actor_cues"])
    found: dict[str, list[str]] = {}
    for country, names in lexicon.load("capitals").items():
        label = known[country][0]
        for name in names:
            pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?:\s+(?:{cues})\b|(?:{cues}))")
            if any(pattern.search(t) for d in documents for t in _body(d)):
                found.setdefault(label, []).append(name)
    return {k: tuple(v) for k, v in sorted(found.items())}


def default_actor(documents: Sequence[Document]) -> str | None:
    """The country the articles name most often (a proposal for `default_actor`)."""
    counts: Counter[str] = Counter()
    for doc in documents:
        for text in _body(doc):
            counts.update(_countries(text))
    return counts.most_common(1)[0][0] if counts else None
