"""Figures that correct an earlier figure: a claim whose sentence says it replaces a
figure given before ("not the 900 previously stated", "raising the previous estimate of
3,000", "revised its figure from 40 to 52") gets ``revises``, the earlier figure's value.
Cue patterns are in ``lexicon/revisions.yaml``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from crossbrief import lexicon
from crossbrief.extract import numbers
from crossbrief.records import Claim

#: A number as written, for the cue patterns: digits with separators, or number words.
_NUM = r"\d[\d,.]*(?:\s(?:hundred|thousand|million))?|[a-z]+(?:[- ][a-z]+)?"


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    data = lexicon.load("revisions")
    return tuple(
        re.compile(
            str(p)
            .replace("{NUM}", _NUM)
            .replace("{EARLIER}", data["earlier"])
            .replace("{NOUNS}", data["figure_nouns"]),
            re.IGNORECASE,
        )
        for p in data["patterns"]
    )


def _value(text: str) -> float | None:
    found = [n for n in numbers.find(text) if not n.vague]
    return found[0].value if found else None


def _revising(claims: Sequence[Claim], cue: re.Match[str], base: int) -> Claim | None:
    """The claim that gives the new figure: the one at the ``new`` group, else the
    nearest before the cue, else the first after it; never the earlier figure itself."""
    old_start, old_end = base + cue.start("old"), base + cue.end("old")
    others = [c for c in claims if c.end <= old_start or c.start >= old_end]
    if "new" in cue.re.groupindex and cue.group("new"):
        at = base + cue.start("new")
        return next((c for c in others if c.start <= at < c.end), None)
    before = [c for c in others if c.end <= base + cue.start()]
    if before:
        return before[-1]
    return next((c for c in others if c.start >= base + cue.end()), None)


def mark(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """``claims`` with ``revises`` set on each that corrects an earlier figure."""
    revises: dict[str, float] = {}
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sentence_start, []).append(claim)
    for start, together in by_sentence.items():
        sentence = together[0].sentence
        for pattern in _patterns():
            for cue in pattern.finditer(sentence):
                old = _value(cue.group("old"))
                new = _revising(together, cue, start)
                if old is not None and new is not None and new.value != old:
                    revises.setdefault(new.id, old)
    return tuple(replace(c, revises=revises[c.id]) if c.id in revises else c for c in claims)
