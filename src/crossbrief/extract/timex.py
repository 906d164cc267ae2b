"""Time expressions: found in a sentence and resolved against the publication date.

News is read as past-oriented: a bare "December 31" or "on Saturday" is the latest
such day not after the publication date, unless the clause looks ahead ("will",
"scheduled for", "by"), when it is the next one. Inside reported speech that was
itself dated ("said on December 28 that ... will"), the speech date is the anchor.
Without a publication date, relative expressions stay unresolved and say so.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache
from typing import TypeVar

from crossbrief import lexicon
from crossbrief.extract.clauses import Clauses
from crossbrief.records import TimeValue

_T = TypeVar("_T", dt.date, tuple[int, int])
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:but|and|while|although|however)\b|\.\s|\b(?:that|which|who)\b"
)
_THAT = re.compile(r"\bthat\b")
_WORD = re.compile(r"\w")
_SAID = re.compile(r"\b(?:said|says|stated|announced|told|declared|added|noted)\b[^.]{0,40}$")


@dataclass(frozen=True)
class _Patterns:
    full: re.Pattern[str]
    numeric: re.Pattern[str]
    day_month: re.Pattern[str]
    month_year: re.Pattern[str]
    month_rel_year: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    anaphoric: re.Pattern[str]
    ago: re.Pattern[str]
    offset: re.Pattern[str]
    present: re.Pattern[str]
    future: re.Pattern[str]
    future_here: re.Pattern[str]  # a future cue at the start of a slice
    future_words: tuple[str, ...]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> _Patterns:
    data = lexicon.load("dates")
    months = [m.capitalize() for m in data["months"]]
    full_months = [
        m.capitalize()
        for m, n in data["months"].items()
        if len(m) > 4 or m in ("may", "june", "july")
    ]
    weekdays = [w.capitalize() for w in data["weekdays"] if len(w) > 4]
    mods = [m for ms in data["part_modifiers"].values() for m in ms]
    month = rf"(?P<month>{_alt(months)})\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:1[89]|20)\d{2})"
    weekday = rf"(?:(?P<weekday>{_alt(weekdays)}),?\s+)?"
    mod = rf"(?:(?P<mod>{_alt(mods)})[\s-]*)?"
    anyyear = r"(?P<year>(?:1[89]|20)\d{2})"
    return _Patterns(
        full=_full_pattern(weekday, month, day, year),
        numeric=re.compile(
            r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b|\b(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})\b"
        ),
        day_month=_day_month_pattern(weekday, month, day),
        month_year=re.compile(rf"\b{mod}{month},?\s+{anyyear}\b"),
        month_rel_year=re.compile(rf"\b{mod}{month}\s+(?P<rel>this|last|next)\s+year\b"),
        month=re.compile(rf"\b{mod}(?P<month>{_alt(full_months)})\b(?!\.?\s*\d)"),
        year=re.compile(rf"\b{mod}(?:the\s+year\s+)?{anyyear}\b(?![-/.]\d|,\d)"),
        weekday=re.compile(rf"\b(?P<weekday>{_alt(weekdays)})\b"),
        relative=re.compile(rf"\b(?P<rel>{_alt(list(data['relative']))})\b", re.IGNORECASE),
        anaphoric=re.compile(rf"\b(?P<ana>{_alt(data['anaphoric'])})\b", re.IGNORECASE),
        ago=re.compile(
            r"\b(?P<n>\d{1,4}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?P<unit>year|month|week|day)s?\s+ago\b",
            re.IGNORECASE,
        ),
        offset=re.compile(
            r"\b(?P<n>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
            r"(?P<unit>year|month|week|day)s?\s+(?:after|later)\b",
            re.IGNORECASE,
        ),
        present=re.compile(rf"\b(?:{_alt(data['present_cues'])})\b", re.IGNORECASE),
        future=re.compile(rf"(?<![\w'])(?:{_alt(data['future_cues'])})(?![\w])", re.IGNORECASE),
        future_here=re.compile(rf"(?:{_alt(data['future_cues'])})(?![\w])", re.IGNORECASE),
        future_words=tuple(map(str, data["future_cues"])),
    )


def _full_pattern(weekday: str, month: str, day: str, year: str) -> re.Pattern[str]:
    a = rf"{month}\s+{day},?\s+{year}"
    b = rf"{day}\s+(?:of\s+)?{month},?\s+{year}"
    return re.compile(rf"\b{weekday}(?:{a}|{_rename(b)})\b")


def _day_month_pattern(weekday: str, month: str, day: str) -> re.Pattern[str]:
    a = rf"{month}\s+{day}\b"
    b = rf"(?:the\s+)?{day}\s+(?:of\s+)?{month}"
    return re.compile(rf"\b{weekday}(?:{a}|{_rename(b)})(?!,?\s+\d)")


def _rename(pattern: str) -> str:
    """The same pattern with its named groups suffixed, for a second alternative."""
    return re.sub(r"\(\?P<(\w+)>", r"(?P<\g<1>2>", pattern)


def _group(match: re.Match[str], name: str) -> str | None:
    value = match.groupdict().get(name) or match.groupdict().get(name + "2")
    return value


def _month_number(name: str) -> int:
    return int(lexicon.load("dates")["months"][name.lower().rstrip(".")])


def _mod_of(word: str | None) -> str | None:
    if not word:
        return None
    word = word.strip().lower().rstrip("-")
    for mod, words in lexicon.load("dates")["part_modifiers"].items():
        if word in (w.rstrip("-") for w in words):
            return str(mod)
    return None


@cache
def trigger() -> re.Pattern[str]:
    """Anything a time expression could start with; sentences without it are skipped."""
    data = lexicon.load("dates")
    words = [*data["months"], *data["weekdays"], *data["relative"], *data["anaphoric"]]
    return re.compile(rf"\d|\b(?:{_alt(words)})\b", re.IGNORECASE)


def tag(text: str, offset: int, anchor: dt.date | None) -> list[TimeValue]:
    """Time expressions of one sentence, resolved; offsets shifted by ``offset``.

    What each expression reads around itself is found once per sentence or read in a
    bounded window, so a sentence full of dates costs its length, not its length
    times the number of dates.
    """
    p = _patterns()
    spans: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []  # spans kept so far, sorted (they never overlap)

    def add(kind: str, pattern: re.Pattern[str]) -> None:
        for match in pattern.finditer(text):
            a, b = match.span()
            i = bisect_right(taken, (a, b))
            if (i and taken[i - 1][1] > a) or (i < len(taken) and taken[i][0] < b):
                continue
            taken.insert(i, (a, b))
            spans.append((a, b, kind, match))

    for kind, pattern in (
        ("full", p.full),
        ("numeric", p.numeric),
        ("month_rel_year", p.month_rel_year),
        ("month_year", p.month_year),
        ("day_month", p.day_month),
        ("relative", p.relative),
        ("anaphoric", p.anaphoric),
        ("ago", p.ago),
        ("offset", p.offset),
        ("year", p.year),
        ("month", p.month),
        ("weekday", p.weekday),
    ):
        add(kind, pattern)
    clauses = Clauses(text, _CLAUSE_BREAK, p.future, p.future_here, p.future_words)
    dated = any(k not in ("offset", "anaphoric") for _, _, k, _ in spans)
    from_now = bool(p.present.search(text)) and not dated
    thats = [m.start() for m in _THAT.finditer(text)]
    out: list[TimeValue] = []
    speech_anchor: dt.date | None = None
    speech_end = -1
    for a, b, kind, match in sorted(spans, key=lambda s: s[0]):
        if kind in ("month", "weekday") and not _month_is_date(text, a, match):
            continue
        before = text[max(0, a - 40) : a]
        future = clauses.ahead_before(a) or clauses.ahead_after(b)
        reference = anchor
        if (
            speech_anchor is not None
            and a > speech_end
            and _that_between(text, thats, speech_end, a)
        ):
            reference = speech_anchor
        try:
            if kind == "offset":
                value = _offset(match, reference, from_now)
            else:
                value = _resolve(kind, match, reference, future)
        except (OverflowError, ValueError):  # past year 9999 or before year 1
            value = _unresolved(kind, "outside the calendar (years 1 to 9999)")
        prep = re.search(r"(\w+)\s+(?:the\s+)?$", before)
        word = prep.group(1).lower() if prep else ""
        mod = value.mod
        if word == "before":
            mod = "BEFORE"
        elif word == "after":
            mod = "AFTER"
        elif word in ("around", "about", "circa"):
            mod = "APPROX"
        tv = replace(
            value,
            text=match.group(),
            start=offset + a,
            end=offset + b,
            mod=mod,
            since=word == "since",
            anchor=reference.isoformat()
            if reference and value.kind != "absolute"
            else value.anchor,
        )
        out.append(tv)
        # The verb must end within 40 characters of the date: 60 characters of text
        # before it read it as the whole sentence would.
        if tv.granularity == "day" and tv.value and _SAID.search(text[max(0, a - 60) : a]):
            speech_anchor, speech_end = dt.date.fromisoformat(tv.value), b
    return out


def _that_between(text: str, thats: list[int], start: int, end: int) -> bool:
    """Whether "that" stands as a word in ``text[start:end]``, from the positions of
    its matches in the whole ``text`` (read directly where the slice's edges differ)."""
    if end > 0 and _WORD.match(text[end - 1]):
        return bool(_THAT.search(text[start:end]))
    if _THAT.match(text[start : min(end, start + 5)]):
        return True
    i = bisect_right(thats, start)
    return i < len(thats) and thats[i] + 4 <= end


def _month_is_date(text: str, at: int, match: re.Match[str]) -> bool:
    """A bare month name ("in January") is a date only after a time preposition or a
    modifier, so the verbs "may" and "march" and names like "August" stay words."""
    before = text[max(0, at - 20) : at].lower()
    if match.groupdict().get("mod"):
        return True
    if re.search(
        r"\b(?:in|since|by|until|till|from|during|of|early|late|mid|last|next|this|before|after|through)\s+$",
        before,
    ):
        return True
    return "weekday" in match.groupdict() and bool(re.search(r"\bon\s+$", before))


def _unresolved(kind: str, why: str) -> TimeValue:
    return TimeValue(
        "", 0, 0, None, "unknown", kind="relative" if kind != "anaphoric" else "anaphoric", note=why
    )


def _resolve(kind: str, m: re.Match[str], anchor: dt.date | None, future: bool) -> TimeValue:
    mod = _mod_of(m.groupdict().get("mod"))
    if kind == "full":
        day, month, year = (
            int(_group(m, "day") or 0),
            _month_number(_group(m, "month") or ""),
            int(_group(m, "year") or 0),
        )
        return _day(
            dt.date(year, month, day) if _valid(year, month, day) else None, m, "absolute", None
        )
    if kind == "numeric":
        if m.group("y"):
            year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            year, month, day = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        return _day(
            dt.date(year, month, day) if _valid(year, month, day) else None, m, "absolute", None
        )
    if kind == "month_year":
        return TimeValue(
            "",
            0,
            0,
            f"{int(m.group('year')):04d}-{_month_number(m.group('month')):02d}",
            "month",
            mod,
        )
    if kind == "year":
        phrase = (m.groupdict().get("mod") or "").lower()
        if mod in ("START", "END") and "of" in phrase:  # "the end of 2021": its last month
            month = 12 if mod == "END" else 1
            return TimeValue("", 0, 0, f"{m.group('year')}-{month:02d}", "month", mod)
        return TimeValue("", 0, 0, m.group("year"), "year", mod)
    if anchor is None:
        return _unresolved(kind, "no publication date to resolve against")
    if kind == "month_rel_year":
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
        return TimeValue(
            "",
            0,
            0,
            f"{year:04d}-{_month_number(m.group('month')):02d}",
            "month",
            mod,
            kind="relative",
        )
    if kind == "day_month":
        day, month = int(_group(m, "day") or 0), _month_number(_group(m, "month") or "")
        candidates = [
            dt.date(y, month, day)
            for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if _valid(y, month, day)
        ]
        if not candidates:  # "February 30": no such day in any year near the anchor
            return _day(None, m, "relative", anchor)
        chosen = _orient(candidates, anchor, future)
        return _day(chosen, m, "relative", anchor)
    if kind == "month":
        month = _month_number(m.group("month"))
        months = [(y, month) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        ym = _orient(months, (anchor.year, anchor.month), future)
        return TimeValue("", 0, 0, f"{ym[0]:04d}-{ym[1]:02d}", "month", mod, kind="relative")
    if kind == "weekday":
        target = int(lexicon.load("dates")["weekdays"][m.group("weekday").lower()])
        delta = (anchor.weekday() - target) % 7 or 7
        day_value = (
            anchor + dt.timedelta(days=(7 - delta) % 7 or 7)
            if future
            else anchor - dt.timedelta(days=delta)
        )
        return TimeValue("", 0, 0, day_value.isoformat(), "day", kind="relative")
    if kind == "relative":
        spec = lexicon.load("dates")["relative"][m.group("rel").lower()]
        shifted = _shift(anchor, spec["unit"], int(spec["offset"]), spec.get("mod"))
        if spec.get("month") and shifted.value:
            return replace(
                shifted, value=f"{shifted.value[:4]}-{int(spec['month']):02d}", granularity="month"
            )
        return shifted
    if kind == "ago":
        return _shift(anchor, m.group("unit").lower(), -_count(m), None)
    return TimeValue(
        "", 0, 0, None, "unknown", kind="anaphoric", note="refers to the event told before it"
    )


_SMALL = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a": 1,
}


def _offset(m: re.Match[str], anchor: dt.date | None, from_now: bool) -> TimeValue:
    """ "21 years after <event>, ... still ...": the event is that long before the
    publication date. Otherwise the offset counts from an event this cannot date."""
    if anchor is None or not from_now:
        return TimeValue(
            "", 0, 0, None, "unknown", kind="relative", note="counted from the event it names"
        )
    return _shift(anchor, m.group("unit").lower(), -_count(m), None)


def _orient(candidates: list[_T], anchor: _T, future: bool) -> _T:
    """The latest candidate not after the anchor (the next one when looking ahead)."""
    if future:
        later = [c for c in candidates if c >= anchor]
        return min(later) if later else max(candidates)
    earlier = [c for c in candidates if c <= anchor]
    return max(earlier) if earlier else min(candidates)


def _shift(anchor: dt.date, unit: str, offset: int, mod: str | None) -> TimeValue:
    try:
        shifted = _shifted(anchor, unit, offset)
    except OverflowError:
        shifted = None
    if shifted is None:
        return TimeValue(
            "", 0, 0, None, "unknown", kind="relative", note="too far from the anchor to be a date"
        )
    value, granularity = shifted
    return TimeValue("", 0, 0, value, granularity, mod, kind="relative")


def _shifted(anchor: dt.date, unit: str, offset: int) -> tuple[str, str] | None:
    """The ISO value and granularity ``offset`` units from ``anchor``; None outside
    the calendar (years 1 to 9999)."""
    if unit == "year":
        year = anchor.year + offset
        return (f"{year:04d}", "year") if dt.MINYEAR <= year <= dt.MAXYEAR else None
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        if not dt.MINYEAR <= index // 12 <= dt.MAXYEAR:
            return None
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    if unit == "week":
        iso = (anchor + dt.timedelta(weeks=offset)).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}", "week"
    return (anchor + dt.timedelta(days=offset)).isoformat(), "day"


def _count(m: re.Match[str]) -> int:
    """The count of an offset ("3", "three"); a number too long to be one counts as
    more than any calendar holds (so the date stays unresolved), not as a huge int."""
    n = m.group("n").lower()
    if not n.isdigit():
        return _SMALL[n]
    return int(n) if len(n) <= 7 else 10**7


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _day(value: dt.date | None, m: re.Match[str], kind: str, anchor: dt.date | None) -> TimeValue:
    if value is None:
        return TimeValue("", 0, 0, None, "unknown", kind=kind, note="not a calendar date")
    note = None
    named = m.groupdict().get("weekday")
    if named:
        target = int(lexicon.load("dates")["weekdays"][named.lower()])
        if target != value.weekday():
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
