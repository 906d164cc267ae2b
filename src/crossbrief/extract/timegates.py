"""Which kinds of time expression a sentence may hold, from the words it holds.

Every match of a kind holds certain words ("ago", a month's name, a unit of time) and
sometimes a digit: a sentence without them cannot hold that kind, and its pattern,
which ``re`` would try at every character, is not run there. The words come from the
same lists as the patterns (``lexicon/dates.yaml``); each gate is a necessary
condition, never a sufficient one, so what is found is what the patterns alone find.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from crossbrief.extract.timepatterns import data


@dataclass(frozen=True)
class Gate:
    """What every match of a kind of time expression holds: a word of each of ``words``
    (case folded; a word may stand inside another) and, when ``digit``, a digit. A
    sentence without them is not searched for that kind, which costs a few substring
    tests where the pattern would be tried at every character."""

    words: tuple[frozenset[str], ...] = ()
    digit: bool = False

    def passes(self, present: frozenset[str] | set[str], digit: bool) -> bool:
        """Whether a sentence holding the words ``present`` (and a digit or not) may
        hold a match."""
        if self.digit and not digit:
            return False
        return not any(present.isdisjoint(words) for words in self.words)


@cache
def gates() -> dict[str, Gate]:
    """The gate of each kind of ``Patterns``, from the same word lists."""
    d = data()
    months = cover([str(m) for m in d["months"]])
    full_months = cover([str(m) for m in d["months"] if len(m) > 4 or m in ("may", "june", "july")])
    units = cover(["year", "month", "week", "day", "hour"])
    years = frozenset({"18", "19", "20"})  # (?:1[89]|20)\d{2}
    return {
        "full": Gate((months,), digit=True),
        "numeric": Gate(digit=True),
        "month_rel_year": Gate((months, frozenset({"year"}))),
        "month_year": Gate((months, years)),
        "season": Gate((cover(list(d["seasons"])),)),
        "quarter": Gate((frozenset({"quarter", "q1", "q2", "q3", "q4"}),)),
        "day_month": Gate((months,), digit=True),
        "window": Gate((cover(d["window_openers"]), units)),
        "relative": Gate((cover(list(d["relative"])),)),
        "anaphoric": Gate((cover(d["anaphoric"]),)),
        "ago": Gate((frozenset({"ago"}), units)),
        "offset": Gate((frozenset({"after", "later"}), units)),
        "day_of_month": Gate((frozenset({"on"}), frozenset({"st", "nd", "rd", "th"})), digit=True),
        "year": Gate((years,)),
        "month": Gate((full_months,)),
        "weekday": Gate((cover([str(w) for w in d["weekdays"] if len(w) > 4]),)),
        "weekend": Gate((frozenset({"weekend"}),)),
    }


@cache
def needles() -> frozenset[str]:
    """Every word of every gate: each is looked for once per sentence."""
    return frozenset(w for g in gates().values() for words in g.words for w in words)


def cover(phrases: list[str]) -> frozenset[str]:
    """A few words, one of which stands (as a substring) in each of ``phrases``, case
    folded: the last word of each phrase (its head: "the end of the year"), without
    the words that hold another of them ("today" holds "day")."""
    heads = {str(p).casefold().split()[-1] for p in phrases}
    return frozenset(w for w in heads if not any(o != w and o in w for o in heads))
