"""The patterns of time expressions, compiled once from ``lexicon/dates.yaml``.

Every word list lives in the lexicon; this module only turns it into regular
expressions and answers look-ups (a month's number, a weekday's, a modifier's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from crossbrief import lexicon
from crossbrief.extract.gazetteer import trie


@dataclass(frozen=True)
class Patterns:
    full: re.Pattern[str]
    numeric: re.Pattern[str]
    day_month: re.Pattern[str]
    month_year: re.Pattern[str]
    month_rel_year: re.Pattern[str]
    month: re.Pattern[str]
    season: re.Pattern[str]
    quarter: re.Pattern[str]
    season_prelude: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    weekend: re.Pattern[str]
    day_of_month: re.Pattern[str]
    relative: re.Pattern[str]
    anaphoric: re.Pattern[str]
    ago: re.Pattern[str]
    offset: re.Pattern[str]
    window: re.Pattern[str]
    present: re.Pattern[str]
    future: re.Pattern[str]
    future_here: re.Pattern[str]  # a future cue at the start of a slice (no look-behind)
    future_words: tuple[str, ...]
    future_before: re.Pattern[str]
    past_auxiliary_word: re.Pattern[str]
    month_prelude: re.Pattern[str]
    dateline_label: re.Pattern[str]
    clause_break: re.Pattern[str]
    speech: re.Pattern[str]  # a reporting verb just before a date ("said on", "told X on")
    speech_verb: re.Pattern[str]  # a reporting verb at most 40 characters back
    range_between: re.Pattern[str]  # what stands between the ends of a date range
    speech_that: re.Pattern[str]  # what follows a speech date before its report ("... that")


def alt(words: list[str], cased: bool = False) -> str:
    """What an alternation of ``words``, longest first, each escaped, matches, as a
    tree of shared prefixes (``gazetteer.trie``): each character is compared with the
    few words that can still follow instead of with every word in turn.

    Ignoring case, two branches of the tree could match one character ("B" and "bb"),
    and the tree would no longer try the longer word first; such words are given as
    the plain alternation unless ``cased`` says the pattern minds case."""
    listed = [str(w) for w in words]
    if not cased and _case_conflict(listed):
        return "|".join(re.escape(w) for w in sorted(listed, key=len, reverse=True))
    return trie(listed)


def _case_conflict(words: list[str]) -> bool:
    """Whether two words go on from one prefix with letters that differ only in case."""
    seen: dict[tuple[str, str], str] = {}
    for word in words:
        for i, ch in enumerate(word):
            if seen.setdefault((word[:i], ch.lower()), ch) != ch:
                return True
    return False


def data() -> dict[str, Any]:
    return lexicon.load("dates")


def _cased(words: list[str]) -> list[str]:
    """Each word capitalised and in capitals ("Oct", "OCT"): month and weekday names
    are proper nouns, so "may" and "march" in lower case stay verbs."""
    return [v for w in words for v in (w.capitalize(), w.upper())]


@cache
def counts() -> dict[str, int]:
    """Number words an offset may use ("three weeks ago", "a year after")."""
    units = {str(k): int(v) for k, v in lexicon.load("numbers")["units"].items()}
    return {**units, "a": 1, "an": 1}


@cache
def patterns() -> Patterns:
    d = data()
    months = _cased(list(d["months"]))
    full_months = [
        m.capitalize() for m in d["months"] if len(m) > 4 or m in ("may", "june", "july")
    ]
    weekdays = [w.capitalize() for w in d["weekdays"] if len(w) > 4]
    mods = [m for ms in d["part_modifiers"].values() for m in ms]
    month = rf"(?P<month>{alt(months, cased=True)})\.?"  # in patterns that mind case
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:1[89]|20)\d{2})"
    weekday = rf"(?:(?P<weekday>{alt(weekdays)}),?\s+)?"
    mod = rf"(?:(?P<mod>{alt(mods)})[\s-]*)?"
    number = rf"(?P<n>\d{{1,4}}|{alt(list(counts()))})"
    unit = r"(?P<unit>year|month|week|day|hour)s?"
    return Patterns(
        full=_either(
            weekday, rf"{month}\s+{day},?\s+{year}", rf"{day}\s+(?:of\s+)?{month},?\s+{year}"
        ),
        numeric=re.compile(
            r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"
            r"|\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y2>\d{4})\b"
        ),
        day_month=_either(
            weekday, rf"{month}\s+{day}\b", rf"(?:the\s+)?{day}\s+(?:of\s+)?{month}", r"(?!,?\s+\d)"
        ),
        month_year=re.compile(rf"\b{mod}{month},?\s+{year}\b"),
        month_rel_year=re.compile(rf"\b{mod}{month}\s+(?P<rel>this|last|next)\s+year\b"),
        month=re.compile(rf"\b{mod}(?P<month>{alt(full_months)})\b(?!\.?\s*\d)"),
        year=re.compile(rf"\b{mod}(?:the\s+year\s+)?{year}\b(?![-/.]\d|,\d)"),
        season=re.compile(
            rf"\b{mod}(?:(?P<rel>(?i:{alt(list(d['weekday_relatives']))}))\s+)?(?:the\s+)?"
            rf"(?P<season>(?i:{alt(list(d['seasons']))}))\b(?:\s+(?:of\s+)?{year}\b)?"
        ),
        quarter=re.compile(
            rf"\b(?:the\s+)?(?P<q>(?i:{alt(list(d['quarters']))}))\s+quarter\b"
            rf"(?:\s+of\s+(?:{year}\b|(?P<qrel>this|last|next)\s+year\b))?"
            rf"|\bQ(?P<qn>[1-4])\s+{_rename(year)}\b"
        ),
        season_prelude=re.compile(
            rf"\b(?:{alt(d['season_preludes'])})\s+(?:the\s+)?$", re.IGNORECASE
        ),
        weekday=re.compile(
            rf"(?:\b(?P<rel>(?i:{alt(list(d['weekday_relatives']))}))\s+)?"
            rf"\b(?P<weekday>{alt(weekdays)})\b"
        ),
        weekend=re.compile(
            rf"\b(?P<rel>{alt(d['weekend_words'])})\s+weekend\b(?!-)", re.IGNORECASE
        ),
        day_of_month=re.compile(
            r"\bon\s+(?:the\s+)?(?P<dom>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
            r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:that|and|when|at|in|as|after|before|but|while|"
            r"morning|evening|night|afternoon)\b)"
        ),
        relative=re.compile(
            rf"(?<![\w-])(?P<rel>{alt(list(d['relative']))})(?![\w-])", re.IGNORECASE
        ),
        anaphoric=re.compile(rf"\b(?P<ana>{alt(d['anaphoric'])})\b", re.IGNORECASE),
        ago=re.compile(rf"\b{number}\s+{unit}\s+ago\b", re.IGNORECASE),
        offset=re.compile(rf"\b{number}\s+{unit}\s+(?:after|later)\b", re.IGNORECASE),
        window=re.compile(
            rf"\b(?:{alt(d['window_openers'])})\s+(?:{number}\s+)?{unit}\b", re.IGNORECASE
        ),
        present=re.compile(rf"\b(?:{alt(d['present_cues'])})\b", re.IGNORECASE),
        future=re.compile(rf"(?<![\w']){_future(d)}", re.IGNORECASE),
        future_here=re.compile(_future(d), re.IGNORECASE),
        future_words=tuple(map(str, [*d["future_cues"], *d["modal_cues"]])),
        future_before=re.compile(
            rf"(?<![\w'])(?:{alt(d['future_before'])})\s+(?:(?:the|on|in|at)\s+)?$", re.IGNORECASE
        ),
        past_auxiliary_word=re.compile(rf"\b(?:{alt(d['past_auxiliaries'])})\b", re.IGNORECASE),
        month_prelude=re.compile(
            rf"(?:\b(?:{alt(d['month_preludes'])})|['’]s)\s+$|(?:{alt(mods)})[\s-]*$", re.IGNORECASE
        ),
        clause_break=re.compile(
            rf"[;:]|\.\s|,\s+(?:{alt(d['clause_breaks']['after_comma'])})\b"
            rf"|\b(?:{alt(d['clause_breaks']['anywhere'])})\b"
        ),
        speech=re.compile(
            rf"\b(?:{alt(d['speech_verbs'])})\b(?:\s+[\w'’]+){{0,3}}?\s+(?:on\s+)?$",
            re.IGNORECASE,
        ),
        speech_verb=re.compile(rf"\b(?:{alt(d['speech_verbs'])})\b[^.]{{0,40}}$", re.IGNORECASE),
        range_between=re.compile(
            rf",?\s*(?:{alt(d['range_connectors'])})\s*(?:the\s+)?", re.IGNORECASE
        ),
        speech_that=re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s+that\b"),
        dateline_label=re.compile(
            rf"(?:^|\b)(?:{alt(d['dateline_labels'])})(?:\s+\w+)?\s*:\s*$", re.IGNORECASE
        ),
    )


def _future(d: dict[str, Any]) -> str:
    """Future cues; a modal followed by "have" looks back ("should have left")."""
    return (
        rf"(?:(?:{alt(d['future_cues'])})(?!\w)"
        rf"|(?:{alt(d['modal_cues'])})(?!\w)(?!\s+(?:not\s+)?have\b))"
    )


def _either(weekday: str, a: str, b: str, tail: str = "") -> re.Pattern[str]:
    """``weekday`` then one of two date orders; the second's groups renamed."""
    return re.compile(rf"\b{weekday}(?:{a}|{_rename(b)}){tail}" + (r"\b" if not tail else ""))


def _rename(pattern: str) -> str:
    """The same pattern with its named groups suffixed, for a second alternative."""
    return re.sub(r"\(\?P<(\w+)>", r"(?P<\g<1>2>", pattern)


def ends_before(pattern: re.Pattern[str], text: str, at: int, window: int = 60) -> bool:
    """Whether ``pattern`` (anchored with ``$``) matches in the ``window`` characters
    before ``at``: a bounded read, whatever the sentence's length."""
    return bool(pattern.search(text[max(0, at - window) : at]))


def group(match: re.Match[str], name: str) -> str | None:
    """A named group of either alternative of a pattern built by ``_either``."""
    found = match.groupdict()
    return found.get(name) or found.get(name + "2")


def month_number(name: str) -> int:
    return int(data()["months"][name.lower().rstrip(".")])


def weekday_number(name: str) -> int:
    return int(data()["weekdays"][name.lower()])


def mod_of(word: str | None) -> str | None:
    """The modifier (START, MID, END) a word before a date stands for."""
    if not word:
        return None
    word = word.strip().lower().rstrip("-")
    for mod, words in data()["part_modifiers"].items():
        if word in (w.rstrip("-") for w in words):
            return str(mod)
    return None


@cache
def trigger() -> re.Pattern[str]:
    """Anything a time expression could start with; sentences without it are skipped."""
    d = data()
    words = [
        *d["months"],
        *d["weekdays"],
        *d["relative"],
        *d["anaphoric"],
        *d["window_openers"],
        *d["seasons"],
        *d["trigger_words"],
    ]
    return re.compile(rf"\d|\b(?:{alt(words)})\b", re.IGNORECASE)
