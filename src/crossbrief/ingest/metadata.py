"""Metadata read off the article itself: dateline date, title and byline.

Only lines near the top that are *mostly* a date count as a dateline, so a date
mentioned in the story ("scheduled for December 31") never becomes the publication
date. Numeric dates are read in the outlet's order when the manifest gives it
(``date_order: mdy`` reads 03/06/2024 as 6 March); without it a dotted date is read
day first and a slashed one only when a part above 12 shows which is the day. What
cannot be read stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from crossbrief import lexicon
from crossbrief.ingest.layout import Block, byline_author
from crossbrief.plausible import explain, plausible

#: How many leading paragraphs may hold the title, byline and dateline.
_TOP_BLOCKS = 8
_DATELINE_MAX_WORDS = 14


@dataclass(frozen=True)
class Inferred:
    title: str | None
    author: str | None
    published: date | None
    dateline_index: int | None
    warnings: tuple[str, ...] = ()


@cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    months = "|".join(sorted(lexicon.load("dates")["months"], key=len, reverse=True))
    month = rf"(?P<month>{months})\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    return (
        re.compile(rf"\b{year}-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})\b"),
        re.compile(rf"\b(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep){year}\b"),
        re.compile(rf"\b{month}\s+{day},?\s+{year}\b", re.IGNORECASE),
        re.compile(rf"\b{day}\s+{month},?\s+{year}\b", re.IGNORECASE),
    )


@cache
def _noise() -> re.Pattern[str]:
    """What may stand beside the date on a dateline: weekday, time, zone, labels."""
    weekdays = "|".join(sorted(lexicon.load("dates")["weekdays"], key=len, reverse=True))
    labels = "|".join(
        re.escape(w)
        for w in sorted(lexicon.load("dates")["dateline_labels"], key=len, reverse=True)
    )
    return re.compile(
        rf"\b(?:{weekdays})\b\.?|\b(?:{labels})\b\s*:?|"
        r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b(?:GMT|UTC|[A-Z]{2,4}T)\b(?:[+-]\d+)?|"
        r"\b(?:Author|By)\b\s*:?.*$|[-–—|,/·•:]",
        re.IGNORECASE,
    )


def find_date(
    text: str, date_order: str | None = None
) -> tuple[date, re.Match[str]] | tuple[None, str] | None:
    """The first full date in ``text``: (date, match), (None, why) when a date is
    there but cannot be read unambiguously, or None when there is none.
    ``date_order`` (``mdy`` or ``dmy``) is how the outlet writes numeric dates."""
    months = lexicon.load("dates")["months"]
    for pattern in _date_patterns():
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        if groups.get("a"):
            first, second = int(groups["a"]), int(groups["b"])
            order = date_order or ("dmy" if groups["sep"] == "." else None)
            if order is None and first <= 12 and second <= 12 and first != second:
                return None, (
                    f"the date {match.group()!r} can be read day-first or month-first; "
                    "say which with 'date_order: mdy' or 'date_order: dmy' in the manifest"
                )
            order = order or ("dmy" if first > 12 else "mdy")
            day, month = (first, second) if order == "dmy" else (second, first)
        else:
            day = int(groups["day"])
            month = int(groups["mnum"]) if groups.get("mnum") else months[groups["month"].lower()]
        try:
            return date(year, month, day), match
        except ValueError:
            return None, f"{match.group()!r} is not a calendar date"
    return None


def parse_dateline(text: str, date_order: str | None = None) -> tuple[date | None, tuple[str, ...]]:
    """The date of a line that is a dateline, with warnings; (None, ()) if it is not one."""
    if len(text.split()) > _DATELINE_MAX_WORDS:
        return None, ()
    found = find_date(text, date_order)
    if found is None:
        return None, ()
    value, how = found
    if value is None:
        return None, (str(how),)
    assert isinstance(how, re.Match)
    if not plausible(value):
        return None, (explain(value, "the dateline's date") + "; it is not used",)
    rest = _noise().sub(" ", text[: how.start()] + " " + text[how.end() :])
    if rest.strip():
        return None, ()
    warnings: tuple[str, ...] = ()
    weekdays = lexicon.load("dates")["weekdays"]
    for word in re.findall(r"[A-Za-z]+", text[: how.start()]):
        named = weekdays.get(word.lower())
        if named is not None and named != value.weekday():
            warnings = (
                f"the dateline names a {word} but {value.isoformat()} is a {value.strftime('%A')}",
            )
    return value, warnings


def infer(blocks: list[Block], date_order: str | None = None) -> Inferred:
    """Title, author and publication date from the leading paragraphs; numeric
    dates read in ``date_order`` (``mdy`` or ``dmy``) when the manifest gives it."""
    title: str | None = None
    author: str | None = None
    published: date | None = None
    dateline: int | None = None
    warnings: list[str] = []
    top = blocks[:_TOP_BLOCKS]
    for index, block in enumerate(top):
        text = block.text.text
        if block.role == "boilerplate" or block.role == "caption":
            continue
        if published is None:
            value, notes = parse_dateline(text, date_order)
            warnings.extend(notes)
            if value is not None:
                published, dateline = value, index
                if author is None:
                    author = byline_author(text)
                continue
        if block.role == "byline" and author is None:
            author = byline_author(text)
            if author is not None:
                author = " ".join([author, *_name_continuation(top[index + 1 :])])
        elif block.role == "heading" and title is None and index != dateline:
            title = text
    return Inferred(title, author, published, dateline, tuple(warnings))


def _name_continuation(blocks: list[Block]) -> list[str]:
    """Byline lines that go on with the author's name ("Mohammad Ali")."""
    parts: list[str] = []
    for block in blocks:
        text = block.text.text
        if block.role != "byline" or lexicon_matches_role(text):
            break
        parts.append(text)
    return parts


def lexicon_matches_role(text: str) -> bool:
    """A byline line that names a role or section, not a person ("Staff writer")."""
    return any(p.fullmatch(text) for p in lexicon.patterns("layout", "byline"))
