"""The range of dates crossbrief accepts as a publication or report date.

Dates outside it ("January 1, 0001", "December 31, 9999") are typing slips or hostile
input, and date arithmetic near the ends of the calendar overflows; such a date is
reported and left unknown instead.
"""

from __future__ import annotations

import datetime as dt

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2200, 12, 31)


def plausible(value: dt.date) -> bool:
    return EARLIEST <= value <= LATEST


def explain(value: dt.date, what: str) -> str:
    return f"{what} {value.isoformat()} is outside {EARLIEST.year}-{LATEST.year}; check the date"
