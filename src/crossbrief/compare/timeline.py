"""Dates as intervals at their granularity, and claims grouped into periods.

An ISO value names an interval: ``2020`` the year, ``2020-01`` the month,
``2020-W01`` the ISO week, ``2020-01-03`` the day. Two dates disagree only when their
intervals do not overlap; two figures are about the same time when their as-of
intervals lie within ``same_time_days`` of each other.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

Interval = tuple[dt.date, dt.date]  # first and last day, both included

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


def interval(value: object) -> Interval | None:
    """The days an ISO value at its granularity covers, or None when it is no date."""
    if not isinstance(value, str) or not value:
        return None
    try:
        week = _WEEK.match(value)
        if week:
            first = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            return first, first + dt.timedelta(days=6)
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return day, day
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def overlap(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def gap_days(a: Interval, b: Interval) -> int:
    """Days between two intervals (0 when they overlap)."""
    if overlap(a, b):
        return 0
    return (b[0] - a[1]).days if a[1] < b[0] else (a[0] - b[1]).days


def label(span: Interval) -> str:
    """A period in words: "3 January 2020", "January 2020", "2020", "January–March 2020"."""
    first, last = span
    if first == last:
        return f"{first.day} {_MONTHS[first.month - 1]} {first.year}"
    whole_year = first == dt.date(first.year, 1, 1) and last == dt.date(first.year, 12, 31)
    if whole_year:
        return str(first.year)
    if (first.year, first.month) == (last.year, last.month):
        return f"{_MONTHS[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{_MONTHS[first.month - 1]}–{_MONTHS[last.month - 1]} {first.year}"
    return f"{_MONTHS[first.month - 1]} {first.year}–{_MONTHS[last.month - 1]} {last.year}"


def phrase(span: Interval) -> str:
    """A period as a phrase: "on 3 January 2020", "in January 2020", "from 5 August 2021
    to 1 January 2022"."""
    first, last = span
    if first == last:
        return "on " + label(span)
    whole = label(span)
    if len(whole) == 4 or ("–" not in whole and not whole[0].isdigit()):
        return "in " + whole
    return f"from {label((first, first))} to {label((last, last))}"


def periods(items: Sequence[T], span_of: Callable[[T], Interval | None], days: int) -> list[int]:
    """A period number per item (-1 when it has no as-of): items ordered by their
    interval; a period opens with its earliest item and takes every later item whose
    interval lies within ``days`` of that first one, so a slow drift cannot chain
    a whole series into one period."""
    spans = [span_of(item) for item in items]
    order = sorted((s, i) for i, s in enumerate(spans) if s is not None)
    out = [-1] * len(items)
    anchor: Interval | None = None
    number = -1
    for span, i in order:
        if anchor is None or gap_days(anchor, span) > days:
            anchor = span
            number += 1
        out[i] = number
    return out


def weekday_years(day: dt.date, weekday: int, reach: int = 12) -> tuple[int | None, int | None]:
    """The nearest years before and after ``day``'s in which its month and day fall on
    ``weekday`` (Monday 0): which year a contradicting weekday would fit."""

    def fits(year: int) -> bool:
        try:
            return dt.date(year, day.month, day.day).weekday() == weekday
        except ValueError:  # 29 February
            return False

    before = next((day.year - k for k in range(1, reach + 1) if fits(day.year - k)), None)
    after = next((day.year + k for k in range(1, reach + 1) if fits(day.year + k)), None)
    return before, after
