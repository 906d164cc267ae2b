"""When each figure was true: its as-of date.

The date the extraction read in the figure's clause comes first; else a day or week
the same sentence gives (the date of the statement, "said on Monday", or of what it
tells; a year or month there is mostly background, "the coalition formed in 2014"),
when no other number stands between the date and the figure;
else the publication date (an attack count's sentence is read by the extraction,
which gives its as-of or the publication date). A planned figure takes a date after publication (its
target); any other figure never takes a date after its article was published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crossbrief.compare.rules_text import AHEAD_KINDS
from crossbrief.compare.timeline import interval
from crossbrief.records import Claim, Extraction, TimeValue

#: Granularities of a sentence's date that may date its figures.
SENTENCE_GRANULARITIES = ("day", "week")
_DIGIT = re.compile(r"\d")
#: Time values that are not a date the text gives for this sentence.
_NOT_GIVEN = ("publication", "catalogue", "anaphoric")


@dataclass(frozen=True)
class AsOf:
    """An as-of date at its granularity and where it came from."""

    value: str | None
    granularity: str | None
    source: str  # clause | sentence | publication | unknown


def _given(time: TimeValue | None) -> bool:
    return (
        time is not None
        and bool(time.value)
        and time.kind not in _NOT_GIVEN
        and not time.since
        and interval(time.value) is not None
    )


def sentence_dates(extraction: Extraction) -> dict[int, list[TimeValue]]:
    """Per sentence start, the dates the text gives there (outside captions)."""
    out: dict[int, list[TimeValue]] = {}
    for statement in extraction.other_dated:
        if not statement.in_caption and _given(statement.date):
            out.setdefault(statement.start, []).append(statement.date)
    for mention in extraction.events:
        if not mention.in_caption and _given(mention.date):
            assert mention.date is not None
            out.setdefault(mention.start, []).append(mention.date)
    return out


def _adjacent(claim: Claim, time: TimeValue) -> bool:
    """No other number stands between the figure and the date in their sentence ("about
    190,000, compared with 100,000 on Jan. 30": the date belongs to the 100,000)."""
    if time.start >= claim.end:
        low, high = claim.end, time.start
    else:
        low, high = min(time.end, claim.start), claim.start
    between = claim.sentence[low - claim.sentence_start : high - claim.sentence_start]
    return not _DIGIT.search(between)


def as_of(claim: Claim, published: str | None, dates: dict[int, list[TimeValue]]) -> AsOf:
    """The as-of date of ``claim`` (see the module's rule)."""
    if _given(claim.as_of):
        assert claim.as_of is not None
        return AsOf(claim.as_of.value, claim.as_of.granularity, "clause")
    if claim.measure == "attack_count" and claim.as_of is not None and claim.as_of.value:
        # the extraction read the count's sentence for its window and as-of already
        return AsOf(claim.as_of.value, claim.as_of.granularity, "publication")
    ahead = claim.kind in AHEAD_KINDS
    limit = interval(published)
    candidates = [
        t
        for t in dates.get(claim.sentence_start, [])
        if t.granularity in SENTENCE_GRANULARITIES
        and (span := interval(t.value)) is not None
        and (limit is None or (span[1] >= limit[0] if ahead else span[0] <= limit[1]))
    ]
    candidates = [t for t in candidates if _adjacent(claim, t)]
    if candidates:
        nearest = min(candidates, key=lambda t: (abs(t.start - claim.start), t.start))
        return AsOf(nearest.value, nearest.granularity, "sentence")
    if claim.as_of is not None and claim.as_of.value:
        return AsOf(claim.as_of.value, claim.as_of.granularity, "publication")
    if published:
        return AsOf(published, "day", "publication")
    return AsOf(None, None, "unknown")
