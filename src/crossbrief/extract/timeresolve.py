"""A found time expression to its value, against the publication date.

News is read as past-oriented: a bare "December 31" or "in March" is the latest such
day or month not after the anchor, unless the clause looks ahead, when it is the next
one. A weekday is the anchor's own day when the names agree ("on Monday" in a Monday
article), the one before ("last Monday") or after ("next Monday") when a word says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TypeVar

from crossbrief.extract.timepatterns import (
    counts,
    data,
    group,
    mod_of,
    month_number,
    weekday_number,
)
from crossbrief.records import TimeValue

_T = TypeVar("_T", dt.date, tuple[int, int])

#: Years per unit of an offset, to keep a shifted date inside the calendar.
_YEARS_PER = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}


def blank(
    value: str | None, granularity: str, mod: str | None = None, kind: str = "relative"
) -> TimeValue:
    """A value without its text and offsets (``tag`` adds them)."""
    return TimeValue("", 0, 0, value, granularity, mod, kind=kind)


def unresolved(kind: str, why: str) -> TimeValue:
    return TimeValue(
        "", 0, 0, None, "unknown", kind="anaphoric" if kind == "anaphoric" else "relative", note=why
    )


def resolve(
    kind: str, m: re.Match[str], anchor: dt.date | None, future: bool, date_order: str | None
) -> TimeValue | None:
    """The value of one match; None when it is not a date after all (an ambiguous
    numeric date without the outlet's order)."""
    mod = mod_of(m.groupdict().get("mod"))
    if kind == "full":
        day, month, year = (
            int(group(m, "day") or 0),
            month_number(group(m, "month") or ""),
            int(group(m, "year") or 0),
        )
        return _day(_date(year, month, day), m, "absolute", None)
    if kind == "numeric":
        return _numeric(m, date_order)
    if kind == "month_year":
        return blank(
            f"{int(m.group('year')):04d}-{month_number(m.group('month')):02d}",
            "month",
            mod,
            "absolute",
        )
    if kind in ("season", "quarter") and group(m, "year"):
        return blank(group(m, "year"), "year", mod, "absolute")
    if kind == "year":
        phrase = (m.groupdict().get("mod") or "").lower()
        if mod in ("START", "END") and "of" in phrase:  # "the end of 2021": its last month
            return blank(
                f"{m.group('year')}-{12 if mod == 'END' else 1:02d}", "month", mod, "absolute"
            )
        return blank(m.group("year"), "year", mod, "absolute")
    if anchor is None:
        return unresolved(kind, "no publication date to resolve against")
    return _relative(kind, m, anchor, future, mod)


def _relative(
    kind: str, m: re.Match[str], anchor: dt.date, future: bool, mod: str | None
) -> TimeValue:
    if kind == "month_rel_year":
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
        return blank(f"{year:04d}-{month_number(m.group('month')):02d}", "month", mod)
    if kind == "day_month":
        day, month = int(group(m, "day") or 0), month_number(group(m, "month") or "")
        return _day(_near_day(anchor, month, day, future), m, "relative", anchor)
    if kind == "day_of_month":
        return _day(_day_of_month(anchor, int(m.group("dom")), future), m, "relative", anchor)
    if kind == "month":
        month = month_number(m.group("month"))
        months = [(y, month) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        ym = _orient(months, (anchor.year, anchor.month), future)
        return blank(f"{ym[0]:04d}-{ym[1]:02d}", "month", mod)
    if kind == "weekday":
        return blank(_weekday(anchor, m, future).isoformat(), "day")
    if kind == "weekend":
        iso = _weekend(anchor, m.group("rel").lower(), future).isocalendar()
        return blank(f"{iso.year:04d}-W{iso.week:02d}", "week", mod)
    if kind in ("season", "quarter"):
        return blank(f"{_period_year(kind, m, anchor, future):04d}", "year", mod)
    if kind == "relative":
        spec = data()["relative"][m.group("rel").lower()]
        shifted = shift(anchor, spec["unit"], int(spec["offset"]), spec.get("mod"))
        if spec.get("month") and shifted.value:
            return replace(
                shifted, value=f"{shifted.value[:4]}-{int(spec['month']):02d}", granularity="month"
            )
        return shifted
    if kind in ("ago", "window"):
        return _back(anchor, m)
    return TimeValue(
        "", 0, 0, None, "unknown", kind="anaphoric", note="refers to the event told before it"
    )


def _numeric(m: re.Match[str], date_order: str | None) -> TimeValue | None:
    """ISO dates, and day.month.year or month/day/year in the outlet's order
    (``date_order`` of the manifest). Without it, dotted dates are read day first and
    slashed ones only when a part above 12 says which is the day."""
    if m.group("y"):
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        year, first, second = int(m.group("y2")), int(m.group("a")), int(m.group("b"))
        order = date_order or ("dmy" if m.group("sep") == "." else None)
        if order is None:
            if first <= 12 and second <= 12 and first != second:
                return None
            order = "dmy" if first > 12 else "mdy"
        day, month = (first, second) if order == "dmy" else (second, first)
    return _day(_date(year, month, day), m, "absolute", None)


def count(m: re.Match[str]) -> int:
    """The count of an offset ("3", "three", "a"); none given is one ("the past year")."""
    n = (m.groupdict().get("n") or "1").lower()
    return int(n) if n.isdigit() else counts()[n]


def offset(m: re.Match[str], anchor: dt.date | None, from_now: bool) -> TimeValue:
    """ "21 years after <event>, ... still ...": the event is that long before the
    publication date. Otherwise the offset counts from an event this cannot date."""
    if anchor is None or not from_now:
        return TimeValue(
            "", 0, 0, None, "unknown", kind="relative", note="counted from the event it names"
        )
    return _back(anchor, m)


def _back(anchor: dt.date, m: re.Match[str]) -> TimeValue:
    """The anchor moved back by the match's count of units; hours count in days begun
    ("in the past 36 hours" reaches two days back)."""
    unit, n = m.group("unit").lower(), count(m)
    if unit == "hour":
        unit, n = "day", -(-n // 24)
    return shift(anchor, unit, -n, None)


def _period_year(kind: str, m: re.Match[str], anchor: dt.date, future: bool) -> int:
    """The year a season or quarter without a year starts in: "last summer" is the
    last one over before the anchor's month, "next summer" the first to start after
    it; otherwise the latest to have started (the first not yet over, looking ahead).
    A bare "last quarter" is the quarter before the anchor's."""
    now = anchor.year * 12 + anchor.month - 1
    if kind == "quarter":
        if m.group("qrel"):
            return anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("qrel").lower()]
        if m.group("q").lower() == "last":
            return (now - 3) // 12
        first = 3 * int(data()["quarters"][m.group("q").lower()]) - 2
        which = None
    else:
        first = int(data()["seasons"][m.group("season").lower()])
        rel = " ".join((m.group("rel") or "").lower().split())
        which = data()["weekday_relatives"].get(rel) if rel else None
    starts = [
        y * 12 + first - 1 for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    if which == "before":
        start = max(s for s in starts if s + 2 < now)
    elif which == "after":
        start = min(s for s in starts if s > now)
    elif future:
        start = min(s for s in starts if s + 2 >= now)
    else:
        start = max(s for s in starts if s <= now)
    return start // 12


def _weekend(anchor: dt.date, rel: str, future: bool) -> dt.date:
    """The Saturday of the weekend meant: "last weekend" is the one before the anchor's
    (or the one just past, on a weekday), "next" or "coming" the one after; otherwise
    the weekend the anchor is in, or the one just past (ahead, when looking ahead)."""
    past = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    now = anchor.weekday() >= 5
    if rel in ("last", "past"):
        return past - dt.timedelta(days=7) if now else past
    if rel in ("next", "coming"):
        return past + dt.timedelta(days=7)
    if now or not future:
        return past
    return past + dt.timedelta(days=7)


def _weekday(anchor: dt.date, m: re.Match[str], future: bool) -> dt.date:
    """The weekday's date: the anchor itself when the names agree, unless a word
    before it ("last", "next") or a clause that looks ahead says which week."""
    target = weekday_number(m.group("weekday"))
    rel = " ".join((m.group("rel") or "").lower().split())
    which = data()["weekday_relatives"].get(rel, "nearest" if rel else None)
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if which == "before":
        return anchor - dt.timedelta(days=back or 7)
    if which == "after":
        return anchor + dt.timedelta(days=ahead or 7)
    if which == "nearest":
        return (
            anchor + dt.timedelta(days=ahead) if ahead <= back else anchor - dt.timedelta(days=back)
        )
    return anchor + dt.timedelta(days=ahead) if future else anchor - dt.timedelta(days=back)


def _near_day(anchor: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    candidates = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _date(y, month, day))
    ]
    return _orient(candidates, anchor, future) if candidates else None


def _day_of_month(anchor: dt.date, day: int, future: bool) -> dt.date | None:
    """ "on the 28th": that day of the anchor's month, or of the month before (after)."""
    index = anchor.year * 12 + anchor.month - 1
    candidates = [
        d for i in (index - 1, index, index + 1) if (d := _date(i // 12, i % 12 + 1, day))
    ]
    return _orient(candidates, anchor, future) if candidates else None


def _orient(candidates: list[_T], anchor: _T, future: bool) -> _T:
    """The latest candidate not after the anchor (the next one when looking ahead)."""
    if future:
        later = [c for c in candidates if c >= anchor]
        return min(later) if later else max(candidates)
    earlier = [c for c in candidates if c <= anchor]
    return max(earlier) if earlier else min(candidates)


def shift(anchor: dt.date, unit: str, offset: int, mod: str | None) -> TimeValue:
    """The anchor moved by ``offset`` units; a year outside the calendar (1-9999) is
    left unresolved."""
    if not dt.MINYEAR <= anchor.year + offset * _YEARS_PER.get(unit, 1 / 365.25) <= dt.MAXYEAR:
        return TimeValue("", 0, 0, None, "unknown", mod, kind="relative", note="out of range")
    if unit == "year":
        return blank(f"{anchor.year + offset:04d}", "year", mod)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        return blank(f"{index // 12:04d}-{index % 12 + 1:02d}", "month", mod)
    if unit == "week":
        iso = (anchor + dt.timedelta(weeks=offset)).isocalendar()
        return blank(f"{iso.year:04d}-W{iso.week:02d}", "week", mod)
    return blank((anchor + dt.timedelta(days=offset)).isoformat(), "day", mod)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(value: dt.date | None, m: re.Match[str], kind: str, anchor: dt.date | None) -> TimeValue:
    if value is None:
        return TimeValue("", 0, 0, None, "unknown", kind=kind, note="not a calendar date")
    note = None
    named = m.groupdict().get("weekday") or m.groupdict().get("weekday2")
    if named and weekday_number(named) != value.weekday():
        note = f"says {named} but {value.isoformat()} is a {value.strftime('%A')}"
    return TimeValue(
        "",
        0,
        0,
        value.isoformat(),
        "day",
        kind=kind,
        note=note,
        anchor=anchor.isoformat() if anchor else None,
    )
