"""Which dates of a sentence make dated statements (``other_dated``), and which one
opens the window of a count.

A sentence states something dated for every date of it that no catalogue event took
and that does not open a count's window: "Chad ended the accord on November 28, an
accord dating from 1960" is dated twice. Left out: a date that only restates the
publication day ("Today, ..."), a stretch of time counted back from it ("in the last
four months"), an unresolved date, and a date equal to one an event of the sentence
already took ("on Friday, March 7, ... said in a statement Friday").

A count's window is the date after "since" ("73 attacks since October 17"), or else a
month, week or year the count is said to fall in ("targeted 30 times in October",
"12 attacks this year", "nine attacks last week"), or the day it fell on ("four were
carried out on November 23"). A count holds as of the day "as of" names ("As of
Friday, 60 attacks"), else as of the day it fell on, or of the day it was reported
("..., the spokesman told reporters on Wednesday"); otherwise as of the publication
date (the caller's).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from crossbrief.extract.timepatterns import alt, data, ends_before, patterns
from crossbrief.records import TimeValue

#: Granularities a dated statement may have.
GRANULARITIES = ("day", "week", "month", "year")


def statement_dates(
    times: list[TimeValue], taken: set[int], windows: set[int], counted: bool = False
) -> list[TimeValue]:
    """The dates of one sentence (``times``, in text order) that date a statement:
    ``taken`` holds the starts of dates events took, ``windows`` those of dates that
    open a count's window; when the sentence gives a count (``counted``), every
    "since" date is that count's window ("310 killed since 2013")."""
    deictic = {str(w).lower() for w in data()["deictic"]}
    taken_values = {t.value for t in times if t.start in taken}
    out: list[TimeValue] = []
    for time in times:
        if (
            time.start in taken
            or time.start in windows
            or (time.since and (counted or _counted_back(time)))
            or not time.value
            or time.granularity not in GRANULARITIES
            or time.text.lower() in deictic
            or time.value in taken_values
        ):
            continue
        out.append(time)
    return out


def count_window(text: str, times: list[TimeValue], after: int) -> TimeValue | None:
    """The window of a count whose number ends at ``after`` in ``text`` (``times`` in
    the same offsets): the first "since" date of the sentence, or else the first
    month, week or year after the number that the count falls in ("in October",
    "during 2023", "this month")."""
    since = next((t for t in times if t.since), None)
    if since is not None:
        return since
    for time in times:
        if time.start < after or not time.value:
            continue
        if time.granularity in ("month", "week", "year") and (
            ends_before(_prelude(), text, time.start, 30)
            or time.text.lower().startswith(("this", "last"))
        ):
            return replace(time, since=True)
        if _on_day(text, time):
            return replace(time, since=True)
    return None


def count_as_of(text: str, times: list[TimeValue], after: int) -> TimeValue | None:
    """The day a count whose number ends at ``after`` holds as of: the day it fell on
    ("four ... on November 23"), or the day it was reported ("said on Wednesday");
    None when the text gives neither."""
    for time in times:
        if time.value and ends_before(_as_of_prelude(), text, time.start, 20):
            return time  # "As of Friday, there had been 60 attacks"
    for time in times:
        if time.start >= after and _on_day(text, time):
            return time
    speech = patterns().speech
    return next(
        (
            t
            for t in times
            if t.granularity == "day" and t.value and ends_before(speech, text, t.start)
        ),
        None,
    )


def _on_day(text: str, time: TimeValue) -> bool:
    return bool(
        time.value
        and time.granularity == "day"
        and re.search(r"\bon\s+$", text[max(0, time.start - 4) : time.start])
        and not ends_before(patterns().speech, text, time.start)
    )


def _counted_back(time: TimeValue) -> bool:
    """ "in the last four months": a stretch up to the publication day, not a date."""
    return bool(re.match(rf"(?:{alt(data()['window_openers'])})\b", time.text, re.IGNORECASE))


@cache
def _as_of_prelude() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alt(data()['as_of_preludes'])})\s+$", re.IGNORECASE)


@cache
def _prelude() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alt(data()['window_preludes'])})\s+$", re.IGNORECASE)
