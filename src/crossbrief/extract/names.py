"""Names of people and groups across transliterations.

Two spellings are the same name when every token has the same consonant skeleton
(lower case, accents and vowels dropped, gh/kh/q/k folded, doubled letters single):
Mohammed / Muhammad / Mohamed, Khalid / Khaled, Baqir / Bagher. Short tokens must match
exactly, the Arabic article (al-, el-) is ignored, and a name never matches inside a
longer capitalised name ("Palestinian Islamic Jihad" is not "Islamic Jihad").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter

from crossbrief import lexicon

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_PARTICLES = frozenset({"al", "el", "ul", "ad", "as", "ash", "at", "az"})
#: Every way of writing a particle in capitals or not ("al", "Al", "AL"): a token is a
#: particle when its lower case is one.
_PARTICLE_FORMS = frozenset(
    "".join(c.upper() if (mask >> k) & 1 else c for k, c in enumerate(p))
    for p in _PARTICLES
    for mask in range(1 << len(p))
)
_MIN_SKELETON = 3


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    surface: str
    canonical: str
    alias: str  # the listed spelling it matched
    how: str  # exact | alias | transliteration


def skeleton(token: str) -> str:
    word = unicodedata.normalize("NFKD", token.lower())
    word = "".join(ch for ch in word if not unicodedata.combining(ch)).replace("’", "'")
    for a, b in (
        ("gh", "k"),
        ("kh", "k"),
        ("q", "k"),
        ("c", "k"),
        ("dh", "d"),
        ("th", "t"),
        ("ph", "f"),
        ("ou", "u"),
        ("'", ""),
    ):
        word = word.replace(a, b)
    if not word:
        return ""
    body = re.sub(r"[aeiouy]", "", word[1:])
    out = word[0]
    for ch in body:
        if ch != out[-1]:
            out += ch
    return out


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _key(tokens: list[str]) -> tuple[str, ...]:
    return tuple(t.lower() for t in tokens if t.lower() not in _PARTICLES)


@lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """What two spellings of a name token must share: the skeleton, or for short
    tokens the word itself."""
    sk = skeleton(token)
    return sk if len(sk) >= _MIN_SKELETON else token.lower()


@cache
def _titles() -> frozenset[str]:
    return frozenset(
        w for t in lexicon.load("attribution")["titles"] for w in t.replace(".", "").split()
    )


class NameMatcher:
    def __init__(self, entities: dict[str, tuple[str, ...]]) -> None:
        # first token key -> [(token keys, canonical, alias)], longest first
        self.index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self.spellings: dict[str, set[str]] = {}
        for canonical, aliases in entities.items():
            self.spellings[canonical] = {canonical, *aliases}
            for alias in aliases:
                words = [t for _, _, t in _tokens(alias) if t.lower() not in _PARTICLES]
                if words:
                    keys = tuple(token_key(w) for w in words)
                    self.index.setdefault(keys[0], []).append((keys, canonical, alias))
        for entries in self.index.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)
        self.longest = max((len(e[0]) for es in self.index.values() for e in es), default=1)

    def find(self, text: str, offset: int = 0) -> list[NameMatch]:
        parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
        every = parts[1::2]
        if _PARTICLE_FORMS.isdisjoint(every):
            kept, words = list(range(len(every))), every
        else:
            kept = [j for j, w in enumerate(every) if w not in _PARTICLE_FORMS]
            words = [every[j] for j in kept]
        capitalised = compress(count(), map(str.isupper, map(itemgetter(0), words)))
        heads = [i for i in capitalised if token_key(words[i]) in self.index]
        if not heads:
            return []
        upto = min(len(kept), heads[-1] + self.longest)
        at = list(accumulate(map(len, parts), initial=0))  # where each part starts
        tokens = [(at[2 * j + 1], at[2 * j + 2], every[j]) for j in kept[:upto]]
        keys: dict[int, str] = {}

        def key(j: int) -> str:
            if j not in keys:
                keys[j] = token_key(words[j])
            return keys[j]

        found: list[NameMatch] = []
        resume = 0
        for i in heads:
            if i < resume:
                continue
            match = None
            for entry_keys, canonical, alias in self.index[key(i)]:
                n = len(entry_keys)
                if (
                    i + n <= len(tokens)
                    and all(key(i + k) == entry_keys[k] for k in range(n))
                    and not self._inside_longer_name(text, tokens, i)
                ):
                    match = (n, canonical, alias)
                    break
            if match is None:
                continue
            n, canonical, alias = match
            start, end = tokens[i][0], tokens[i + n - 1][1]
            surface = text[start:end]
            if surface in (alias, canonical):
                how = "exact"
            elif surface in self.spellings[canonical]:
                how = "alias"
            else:
                how = "transliteration"
            found.append(NameMatch(offset + start, offset + end, surface, canonical, alias, how))
            resume = i + n
        return found

    @staticmethod
    def _inside_longer_name(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
        """A capitalised word glued before the match (not a title, not sentence-initial)
        makes it part of another name."""
        if i == 0:
            return False
        prev = tokens[i - 1]
        gap = text[prev[1] : tokens[i][0]]
        if gap.strip(" -") or not prev[2][:1].isupper() or prev[2].lower() in _titles():
            return False
        head = text[: prev[0]].rstrip()
        return bool(head) and not head.endswith((".", "!", "?", "“", '"', ":"))
