"""Whether a time expression looks ahead, from cues read once per sentence.

A time expression looks ahead when a future cue ("will", "scheduled for") stands in
its clause before it, or a future verb ("will", "'ll", "shall") after it, unless a
past auxiliary comes right before the cue ("was scheduled for"). Reading the clause
again for each expression made a sentence with hundreds of them (a table of dates)
cost its length times their number. :class:`Clauses` finds the clause breaks and
the cues of a sentence once; each expression is then answered in constant time.

Its answers are those of :func:`looks_ahead` on the slice of text, which it still
calls where the shortcut's conditions fail (a break or cue touching the expression).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

#: A cue right after one of these is not a future cue ("was scheduled for").
_PAST = (" was", " were", " had been", " had")
_PAST_CHARS = max(map(len, _PAST))
#: Cues that count after the expression ("... will be").
_AFTER = ("will", "'ll", "shall")
_WORD = re.compile(r"\w")


def looks_ahead(cues: re.Pattern[str], clause: str, after: bool = False) -> bool:
    """A future cue in ``clause`` (the text before the expression, or after it when
    ``after``), not cancelled by a past auxiliary right before it."""
    return any(
        qualifies(m.group(), clause[: m.start()].rstrip(), after) for m in cues.finditer(clause)
    )


def qualifies(cue: str, head: str, after: bool) -> bool:
    """Whether ``cue`` counts, with ``head`` the clause before it (right-stripped)."""
    word = cue.lower()
    if after and word not in _AFTER:
        return False
    if word != "will" and head.lower().endswith(_PAST):
        return False
    return word != "would"


def clause_start(breaks: re.Pattern[str], text: str, at: int) -> int:
    start = 0
    for match in breaks.finditer(text, 0, at):
        start = match.end()
    return start


def clause_end(breaks: re.Pattern[str], text: str, at: int) -> int:
    match = breaks.search(text, at)
    return match.start() if match else len(text)


@dataclass(frozen=True)
class _Gap:
    """The text between two clause breaks and the future cues in it."""

    lo: int
    hi: int
    starts: list[int]
    ends: list[int]
    words: list[str]
    solid: list[int]  # per cue: end of the text before it, trailing white space stripped
    first_before: int  # index of the first cue that counts before an expression
    after_from: list[bool]  # whether a cue from this index on counts after one


class Clauses:
    """The clause breaks and future cues of one sentence, found once."""

    def __init__(
        self,
        text: str,
        breaks: re.Pattern[str],
        cues: re.Pattern[str],
        cue_here: re.Pattern[str],
        cue_words: Iterable[str],
    ) -> None:
        """``cue_here`` is ``cues`` without its look-behind (a cue at a slice start);
        ``cue_words`` are the cues it lists. A break that ends in a non-word character
        must not look at what follows it."""
        self.text = text
        self.breaks = breaks
        self.cues = cues
        self.cue_here = cue_here
        # A cue ending in a non-word character could end right before an expression
        # in the clause's slice but not in the whole text: then read slices only.
        self.exact = all(_WORD.match(w[-1:]) for w in cue_words)
        found = [m.span() for m in breaks.finditer(text)]
        self.break_starts = [s for s, _ in found]
        self.break_ends = [e for _, e in found]
        self._gaps: dict[int, _Gap] = {}

    def ahead_before(self, at: int) -> bool:
        """:func:`looks_ahead` on the clause before an expression starting at ``at``."""
        text = self.text
        i = bisect_right(self.break_ends, at)
        touching = at > 0 and _WORD.match(text[at - 1])  # a break or cue could end at ``at``
        if not self.exact or touching or (i < len(self.break_starts) and self.break_starts[i] < at):
            return looks_ahead(self.cues, text[clause_start(self.breaks, text, at) : at])
        gap = self._gap(i)
        j = bisect_left(gap.starts, at)  # the cues that start before ``at``
        if j and gap.ends[j - 1] >= at:
            return looks_ahead(self.cues, text[gap.lo : at])
        return gap.first_before < j

    def ahead_after(self, at: int) -> bool:
        """:func:`looks_ahead` on the clause after an expression ending at ``at``."""
        text = self.text
        i = bisect_left(self.break_starts, at)
        if not self.exact or (i and self.break_ends[i - 1] > at):  # ``at`` inside a break
            return looks_ahead(self.cues, text[at : clause_end(self.breaks, text, at)], True)
        gap = self._gap(i)
        here = self.cue_here.match(text, at, gap.hi)
        after = at
        if here:
            if qualifies(here.group(), "", True):
                return True
            after = here.end()
        j = bisect_left(gap.starts, after)
        if j and gap.ends[j - 1] > after:  # a cue of the gap overlaps the slice's start
            return looks_ahead(self.cues, text[at : gap.hi], True)
        for k in range(j, len(gap.starts)):
            if gap.solid[k] - at >= _PAST_CHARS:  # the head reads the same from gap.lo
                return gap.after_from[k]
            if qualifies(gap.words[k], text[at : gap.starts[k]].rstrip(), True):
                return True
        return False

    def _gap(self, i: int) -> _Gap:
        """The text between break ``i - 1`` and break ``i``, with its cues."""
        gap = self._gaps.get(i)
        if gap is not None:
            return gap
        text = self.text
        lo = self.break_ends[i - 1] if i else 0
        hi = self.break_starts[i] if i < len(self.break_starts) else len(text)
        starts, ends, words, solid = [], [], [], []
        for match in self.cues.finditer(text[lo:hi]):
            start = lo + match.start()
            end = start
            while end > lo and text[end - 1].isspace():
                end -= 1
            starts.append(start)
            ends.append(lo + match.end())
            words.append(match.group())
            solid.append(end)
        heads = [text[max(lo, end - _PAST_CHARS) : end] for end in solid]
        before = [qualifies(w, h, False) for w, h in zip(words, heads, strict=True)]
        after_from = [qualifies(w, h, True) for w, h in zip(words, heads, strict=True)]
        for k in range(len(after_from) - 2, -1, -1):
            after_from[k] = after_from[k] or after_from[k + 1]
        first = before.index(True) if True in before else len(before)
        gap = _Gap(lo, hi, starts, ends, words, solid, first, after_from)
        self._gaps[i] = gap
        return gap
