"""Events no catalogue lists: dated statements of different sources that tell of the
same happening, clustered.

Two statements can be one happening when their dates overlap (a month holds its days,
a week its seven days; a day may be one off when the evidence is strong, since sources
in other time zones or writing the next morning give the day after) and they share
salient features: content words, names (matched across transliterations by their
consonant skeleton) and places. Two statements that name places, and no place in
common, are never merged: two attacks on different bases in one week stay two events.
A cluster becomes an event only when two or more sources tell it; a statement is in at
most one event. Pure functions on records; :mod:`crossbrief.compare.discovered` turns
the events into table rows.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crossbrief.compare.dated_features import MARK, WORD, Statement, features, stem

__all__ = ["Discovered", "Statement", "cluster", "discover", "features", "score"]

#: A day-level date may be this many days from another's and still tell the same
#: happening, when the statements share a name or place and enough words.
NEAR_DAYS = 1
#: Shared features two statements need; one more when their dates only come near.
MIN_SHARED = 2
#: ... and the shared part of the smaller statement's features.
MIN_SHARE = 0.25
#: A feature found in more than this part of the corpus's statements tells nothing.
COMMON = 0.5
#: Below this many sources no feature is too common to count.
MIN_COMMON_SOURCES = 10
#: Words nearly every source uses ("troops" in a briefing on troops) do not relate two
#: statements when groups of statements are joined, from this many sources on.
GENERIC = 0.75
MIN_GENERIC_SOURCES = 4
#: Bounds that keep clustering near-linear in the number of statements (see
#: _candidates and _fits).
MAX_POSTING_SHARE = 0.05
MIN_POSTING_CAP = 200
MAX_NEIGHBOURS = 12
MAX_CHECKED = 12
MAX_CENTRAL = 50
#: Words that lead to a date and go when the date is left out of a name.
DATE_LEADS = ("on", "in", "at", "by", "since", "from", "until", "during", "early", "late", "mid")
#: Words a readable name has at most.
NAME_WORDS = 9
_CLAUSE = re.compile(r"[,;:()—–]|\s-\s|\bthat\b|\bwhich\b|\bwho\b|\bwhile\b|\bas\b")


@dataclass(frozen=True)
class Discovered:
    """An event found in the articles: its statements, a readable name, key terms."""

    id: str
    name: str
    date: str  # the date most of its sources give (the finest on a tie)
    statements: tuple[Statement, ...]
    terms: tuple[str, ...]  # shared content words, most shared first
    names: tuple[str, ...]  # shared names as written
    places: tuple[str, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({s.source for s in self.statements}))


def _gap(a: Statement, b: Statement) -> int:
    """Days between two statements' intervals (0 when they overlap)."""
    return max(0, (max(a.first, b.first) - min(a.last, b.last)).days)


def _place_conflict(a: Statement, b: Statement) -> bool:
    return bool(a.places) and bool(b.places) and not (a.places & b.places)


def score(a: Statement, b: Statement, common: frozenset[str] = frozenset()) -> float:
    """How strongly two statements tell one happening: the share of the smaller one's
    salient features they have in common, 0 when their dates or places rule it out."""
    gap = _gap(a, b)
    if gap > NEAR_DAYS or _place_conflict(a, b):
        return 0.0
    fa, fb = a.features - common, b.features - common
    shared = fa & fb
    need = MIN_SHARED + (1 if gap else 0)
    told = [f for f in shared if f.startswith("w:")]
    named = [f for f in shared if f[0] in "np" and not f.startswith("n:c:")]
    # what happened must be shared (a word near the date), or two names or places
    if len(shared) < need or (not told and len(named) < 2):
        return 0.0
    if gap and not named:
        return 0.0
    # a year is wide: it takes two words of what happened, or one and a name or place
    if "year" in (a.granularity, b.granularity) and len(told) < 2 and not named:
        return 0.0
    share = len(shared) / min(len(fa), len(fb))
    return share if share >= MIN_SHARE else 0.0


def _common(
    statements: Sequence[Statement], share: float = COMMON, least: int = MIN_COMMON_SOURCES
) -> frozenset[str]:
    """Words found in more than ``share`` of the sources (the topic's own words), when
    there are at least ``least`` sources."""
    sources = {s.source for s in statements}
    if len(sources) < least:
        return frozenset()
    seen: Counter[str] = Counter()
    by_source: dict[str, set[str]] = {}
    for s in statements:
        by_source.setdefault(s.source, set()).update(s.features)
    for told in by_source.values():
        seen.update(told)
    # only what happened can be too common; who and where always tell
    seen = Counter({f: n for f, n in seen.items() if f.startswith("w:")})
    return frozenset(f for f, n in seen.items() if n > share * len(sources))


def _related(a: Statement, b: Statement, generic: frozenset[str]) -> bool:
    """Whether two statements share anything but countries and the words most sources
    use."""
    return any(not f.startswith("n:c:") for f in (a.features & b.features) - generic)


def _fits(members: list[Statement], other: list[Statement], generic: frozenset[str]) -> bool:
    """Whether two clusters may merge: every date within reach of every other, no two
    statements naming different places, and every two statements of different sources
    sharing something besides countries (so one sentence that tells two happenings
    cannot join them). Large groups are checked on their first MAX_CHECKED statements
    (those that joined first, the closest pairs), so a merge costs a bounded time."""
    for a in members[:MAX_CHECKED]:
        for b in other[:MAX_CHECKED]:
            if _gap(a, b) > NEAR_DAYS or _place_conflict(a, b):
                return False
            if a.source != b.source and not _related(a, b, generic):
                return False
    return True


def _candidates(items: Sequence[Statement]) -> set[tuple[int, int]]:
    """Pairs of statements (by index, in date order) within reach of each other's dates
    that share a feature besides countries. A feature that more than a share of all
    statements have tells little and is not followed, and each statement is paired with
    at most MAX_NEIGHBOURS later ones per feature, so the work grows with the corpus,
    not with its square."""
    postings: dict[str, list[int]] = {}
    for i, s in enumerate(items):
        for f in s.features:
            if not f.startswith("n:c:"):
                postings.setdefault(f, []).append(i)
    cap = max(MIN_POSTING_CAP, int(MAX_POSTING_SHARE * len(items)))
    pairs: set[tuple[int, int]] = set()
    for indices in postings.values():
        if len(indices) < 2 or len(indices) > cap:
            continue
        for k, i in enumerate(indices):
            a = items[i]
            for j in indices[k + 1 : k + 1 + MAX_NEIGHBOURS]:
                if (items[j].first - a.last).days > NEAR_DAYS:
                    break
                if items[j].source != a.source:
                    pairs.add((i, j))
    return pairs


def cluster(statements: Iterable[Statement]) -> list[list[Statement]]:
    """Groups of statements that tell one happening, each with two or more sources.

    Pairs are joined strongest first; two groups join only when every pair across them
    is compatible in date and place, so a chain of near neighbours cannot carry one
    happening into another."""
    items = sorted(statements, key=lambda s: (s.first, s.document, s.id))
    common = _common(items)
    generic = _common(items, GENERIC, MIN_GENERIC_SOURCES)
    # statements with the same date and features (one sentence copied by several
    # outlets) start as one group and are paired once
    first_of: dict[tuple[str, frozenset[str]], int] = {}
    units: list[list[Statement]] = []
    for item in items:
        k = first_of.setdefault((item.date, item.features), len(units))
        if k == len(units):
            units.append([])
        units[k].append(item)
    heads = [u[0] for u in units]
    pairs = []
    for i, j in _candidates(heads):
        a, b = heads[i], heads[j]
        s = score(a, b, common)
        if s > 0:
            pairs.append((-s, a.id, b.id, i, j))
    parent = list(range(len(units)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    members: dict[int, list[Statement]] = dict(enumerate(units))
    for _, _, _, i, j in sorted(pairs):
        gi, gj = root(i), root(j)
        if gi == gj or not _fits(members[gi], members[gj], generic):
            continue
        parent[gj] = gi
        members[gi].extend(members.pop(gj))
    return [m for m in members.values() if len({s.source for s in m}) >= 2]


def _modal_date(members: Sequence[Statement]) -> str:
    counts = Counter(s.date for s in members)
    return max(counts, key=lambda d: (counts[d], len(d), d))


def _shared(members: Sequence[Statement], attr: str) -> list[str]:
    """Features told by two or more sources, most sources first."""
    by_source: dict[str, set[str]] = {}
    for s in members:
        by_source.setdefault(s.source, set()).update(getattr(s, attr))
    counts: Counter[str] = Counter(f for fs in by_source.values() for f in fs)
    return [f for f, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if n >= 2]


def _central(members: Sequence[Statement]) -> Statement:
    """The statement sharing most with the others (of the first MAX_CENTRAL, in a large
    event)."""
    some = members[:MAX_CENTRAL]
    return max(
        some,
        key=lambda s: (
            sum(len(s.features & o.features) for o in some if o is not s),
            -len(s.quote),
            s.id,
        ),
    )


def readable_name(central: Statement, key: Sequence[str]) -> str:
    """The clause of the central statement with the most key words, without its date,
    at most NAME_WORDS words."""
    text = central.clause or central.quote.replace(central.date_text, MARK, 1)
    # the words that led to the date go with it ("announced on [date] its decision")
    text = re.sub(rf"\b(?:{'|'.join(DATE_LEADS)})\s+(?:the\s+)?{MARK}", MARK, text)
    clauses = [c.strip(" .,'\"“”") for c in _CLAUSE.split(text) if c and c.strip()]
    wanted = set(key)

    at = next((i for i, c in enumerate(clauses) if MARK in c), 0)

    def weight(item: tuple[int, str]) -> tuple[bool, int, int]:
        # the clause that tells what happened nearest the date
        told = sum(1 for m in WORD.finditer(item[1]) if stem(m.group()) in wanted)
        return (told > 0, -abs(item[0] - at), told)

    best = max(enumerate(clauses), key=weight, default=(0, text))[1].replace(MARK, " ")
    words = re.sub(r"\s+(?:on|in|at|since|by)\s*$", "", " ".join(best.split())).split()
    while words and words[-1].lower() in ("on", "in", "at", "of", "the", "and", "to", "by"):
        words.pop()
    name = " ".join(words[:NAME_WORDS]) + ("…" if len(words) > NAME_WORDS else "")
    return name[:1].upper() + name[1:] if name else "Discovered event"


def _slug(date: str, terms: Sequence[str]) -> str:
    words = [re.sub(r"[^a-z0-9]+", "", t.removeprefix("c:").lower()) for t in terms]
    return "-".join(["found", date, *list(dict.fromkeys(w for w in words if w))[:3]])


def discover(statements: Iterable[Statement]) -> list[Discovered]:
    """The events two or more sources tell, in date order, with unique ids."""
    found = []
    seen: Counter[str] = Counter()
    for members in cluster(statements):
        members = sorted(members, key=lambda s: (s.document, s.id))
        terms = _shared(members, "words")
        key = [t for t in terms if not t.startswith("c:")]
        names = _shared(members, "names")
        places = _shared(members, "places")
        date = _modal_date(members)
        ident = _slug(date, key or names)
        seen[ident] += 1
        if seen[ident] > 1:
            digest = hashlib.sha1("|".join(s.id for s in members).encode()).hexdigest()[:6]
            ident = f"{ident}-{digest}"
        central = _central(members)
        found.append(
            Discovered(
                ident,
                readable_name(central, key),
                date,
                tuple(members),
                tuple(key),
                tuple(names),
                tuple(places),
            )
        )
    return sorted(found, key=lambda d: (d.date, d.id))
