"""Shortcuts that find where a pattern can start must give the plain search's matches."""

from __future__ import annotations

import random
import re

import pytest

from crossbrief.extract import prefilter, timex
from crossbrief.extract.timegates import cover, gates
from crossbrief.extract.timepatterns import alt, patterns

SENTENCES = [
    "Officials said on Tuesday that 4,200 troops would leave Varnia by March 3, 2031.",
    "Three weeks ago, the ministry counted twenty-two attacks since last summer.",
    "In the past two months, soldiers arrived on the 14th and again the same day.",
    "The Q3 2029 review, due in the third quarter of next year, cites 12/05/2030.",
    "Later that year the convoy left; soon afterwards, 300 stayed over the weekend.",
    "Late Oct. 18 -- a drone hit the depot at the end of this month, yesterday.",
    "Nothing here is a date at all, only words about a march and a may-pole.",
]


def _plain_spans(text: str) -> list[tuple[int, int, str]]:
    """What ``timex._spans`` finds when no kind is skipped."""
    p = patterns()
    taken: list[tuple[int, int]] = []
    out = []
    for kind in timex._KINDS:
        for m in getattr(p, kind).finditer(text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            out.append((a, b, kind))
    return sorted(out)


@pytest.mark.parametrize("text", SENTENCES)
def test_gated_time_spans_equal_the_plain_search(text: str) -> None:
    gated = [(a, b, k) for a, b, k, _ in timex._spans(text, patterns())]
    assert gated == _plain_spans(text)


def test_a_kind_whose_words_are_absent_is_skipped() -> None:
    assert not gates()["weekday"].passes({"march"}, digit=True)
    assert timex._spans("Troops march north.", patterns()) == []


def test_cover_keeps_the_heads_that_hold_no_other() -> None:
    assert cover(["the end of the year", "earlier this year", "today", "that day"]) == {
        "year",
        "day",
    }


def test_finditer_at_starts_equals_finditer_with_overlapping_candidates() -> None:
    pattern = re.compile(r"(?<![\w-])(?:air strike|air|strikes?)(?![\w-])", re.IGNORECASE)
    text = "An Air strike, then air-strikes and strikes; chair strike, AIR STRIKE."
    low = prefilter.lowered(text)
    starts = prefilter.word_starts(low, ["air strike", "air", "strike"])
    fast = [m.span() for m in prefilter.finditer(pattern, text, starts)]
    assert fast == [m.span() for m in pattern.finditer(text)]
    assert fast  # the test reads something


def test_text_whose_case_folding_is_special_is_searched_the_plain_way() -> None:
    assert prefilter.lowered("a \u017fpecial text") is None  # long s
    assert prefilter.lowered("\u0130stanbul") is None  # dotted capital I
    assert prefilter.word_starts(None, ["x"]) is None
    pattern = re.compile(r"\bspecial\b", re.IGNORECASE)
    assert [m.group() for m in prefilter.finditer(pattern, "a \u017fpecial", None)] == [
        "\u017fpecial"
    ]


def test_digit_starts_are_the_starts_of_digit_runs() -> None:
    assert prefilter.digit_starts("12 and 3,400 in 2031") == [0, 7, 9, 16]


def test_heads_drop_words_that_start_with_another() -> None:
    assert prefilter.heads(("Seventeen", "seven", "six", "sixty", "ten")) == ("seven", "six", "ten")
    text = "Seventeen or sixty, not seven."
    low = prefilter.lowered(text)
    assert prefilter.word_starts(low, prefilter.heads(("seventeen", "seven", "sixty"))) == [
        0,
        13,
        24,
    ]


def test_alt_as_a_tree_matches_like_the_alternation_also_ignoring_case() -> None:
    rng = random.Random(11)
    for _ in range(300):
        words = ["".join(rng.choice("abAB -") for _ in range(rng.randint(1, 4))) for _ in range(5)]
        plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        for flags, tree in ((0, alt(words, cased=True)), (re.IGNORECASE, alt(words))):
            old = re.compile(rf"(?:{plain})(?:b\b|$)", flags)
            new = re.compile(rf"(?:{tree})(?:b\b|$)", flags)
            for _ in range(10):
                text = "".join(rng.choice("abAB -") for _ in range(rng.randint(0, 12)))
                assert [m.span() for m in old.finditer(text)] == [
                    m.span() for m in new.finditer(text)
                ]


def test_words_that_differ_only_in_case_stay_an_alternation_unless_case_counts() -> None:
    assert alt(["B", "bB-"]) == r"bB\-|B"
    assert alt(["B", "bB-"], cased=True) != alt(["B", "bB-"])


def test_a_sentence_whose_case_folding_is_special_tries_every_kind() -> None:
    # ignoring case, re matches the dotless i with "i", though its lower case is itself
    text = "Troops arrived at the t\u0131me of the vote, three days \u017fince."
    gated = [(a, b, k) for a, b, k, _ in timex._spans(text, patterns())]
    assert gated == _plain_spans(text)
    assert (15, 26, "anaphoric") in gated
