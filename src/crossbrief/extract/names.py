"""Names of people and groups across transliterations.

Two spellings are the same name when every token has the same consonant skeleton
(lower case, accents and vowels dropped, gh/kh/q/k folded, doubled letters single):
Qassem / Qasem / Qassam, Taqwa / Taghwa, Baqir / Bagher. Short tokens must match
exactly, the Arabic article (al-, el-) is ignored, and a name never matches inside a
longer capitalised name ("Kataib Hezbollah" is not "Hezbollah").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from crossbrief import lexicon

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_PARTICLES = frozenset({"al", "el", "ul", "ad", "as", "ash", "at", "az"})
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


def _same(a: str, b: str) -> bool:
    if a.lower() == b.lower():
        return True
    sa, sb = skeleton(a), skeleton(b)
    return len(sa) >= _MIN_SKELETON and sa == sb


@cache
def _titles() -> frozenset[str]:
    return frozenset(
        w for t in lexicon.load("attribution")["titles"] for w in t.replace(".", "").split()
    )


class NameMatcher:
    def __init__(self, entities: dict[str, tuple[str, ...]]) -> None:
        self.aliases: list[tuple[tuple[str, ...], str, str]] = []
        for canonical, aliases in entities.items():
            for alias in aliases:
                key = _key([t for _, _, t in _tokens(alias)])
                if key:
                    self.aliases.append((key, canonical, alias))
        self.aliases.sort(key=lambda a: len(a[0]), reverse=True)

    def find(self, text: str, offset: int = 0) -> list[NameMatch]:
        tokens = [t for t in _tokens(text) if t[2].lower() not in _PARTICLES]
        taken = [False] * len(tokens)
        found: list[NameMatch] = []
        for key, canonical, alias in self.aliases:
            n = len(key)
            for i in range(len(tokens) - n + 1):
                window = tokens[i : i + n]
                if any(taken[i : i + n]) or not window[0][2][:1].isupper():
                    continue
                if not all(_same(w[2], k) for w, k in zip(window, key, strict=True)):
                    continue
                if self._inside_longer_name(text, tokens, i, i + n):
                    continue
                start, end = window[0][0], window[-1][1]
                surface = text[start:end]
                how = (
                    "exact"
                    if surface in (alias, canonical)
                    else (
                        "alias"
                        if any(surface == a for k, c, a in self.aliases if c == canonical)
                        else "transliteration"
                    )
                )
                found.append(
                    NameMatch(offset + start, offset + end, surface, canonical, alias, how)
                )
                for j in range(i, i + n):
                    taken[j] = True
        return sorted(found, key=lambda m: m.start)

    @staticmethod
    def _inside_longer_name(text: str, tokens: list[tuple[int, int, str]], i: int, j: int) -> bool:
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
