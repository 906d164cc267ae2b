"""Hostile articles cannot make a step grow faster than the text.

Most tests measure the work deterministically (characters read, lengths kept, calls
made) on inputs of size n and 4n. Where the work is inside a regular expression, the
input is made large enough that the old, quadratic code would run for minutes, under
a deadline tens of times longer than the linear code needs: the deadline catches a
catastrophe, it is no speed target (those are in bench/hostile_speed.py).
"""

from __future__ import annotations

import random
import re
from dataclasses import asdict

import pytest

from crossbrief.extract import clauses, gazetteer, numbers, sentences, timepatterns, timex
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.state import Latest
from crossbrief.fileio import dumps
from crossbrief.ingest import layout, markup
from crossbrief.ingest.document import ingest_bytes
from crossbrief.ingest.layout import byline_author
from crossbrief.ingest.mapped import MappedText
from crossbrief.records import Document, to_json
from tests.unit.deadline import deadline


def document(text: str, name: str = "a.txt") -> Document:
    record = ingest_bytes(name, name, text.encode("utf-8"), None)
    assert isinstance(record, Document), record
    return record


# Sentences ------------------------------------------------------------------------


def _read_before_stops(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Characters the splitter reads looking for the word before each full stop."""
    read = 0
    original = sentences._abbreviated

    def counting(text: str, start: int, since: int, stop: int) -> bool:
        nonlocal read
        read += stop - since
        return original(text, start, since, stop)

    monkeypatch.setattr(sentences, "_abbreviated", counting)
    sentences.split(text)
    return read


@pytest.mark.parametrize("unit", ["A. B. ", "U.S. Army ", "Gen. Lt. Col. ", "J. R. R. Tolkien. "])
def test_the_word_before_each_stop_is_read_once(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in (2000, 8000):  # the old splitter read the whole sentence so far each time
        assert 0 < _read_before_stops(unit * n, monkeypatch) <= len(unit) * n


def test_a_run_of_initials_is_cut_into_bounded_sentences() -> None:
    text = "A. B. " * 20_000
    spans = sentences.split(text)
    assert max(end - start for start, end in spans) <= sentences.MAX_SENTENCE
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")


def test_abbreviations_and_initials_still_do_not_end_a_sentence() -> None:
    text = "Lt. Gen. J. Smith met U.S. Army officers. The talks ended. He left."
    assert [text[a:b] for a, b in sentences.split(text)] == [
        "Lt. Gen. J. Smith met U.S. Army officers.",
        "The talks ended.",
        "He left.",
    ]


def test_a_long_run_of_stops_is_one_sentence_end() -> None:
    text = "It ended" + "." * 50_000 + " Then it began."
    spans = sentences.split(text)
    assert text[spans[-1][0] : spans[-1][1]] == "Then it began."


def test_a_run_of_stops_without_white_space_is_read_once() -> None:
    # The old end pattern retried the rest of the run from each of its stops: 12 s for
    # 20,000 stops, growing faster than the square.
    with deadline(20, "worse than linear"):
        spans = sentences.split("." * 200_000)
    assert spans[0] == (0, sentences.MAX_SENTENCE)


# Layout: hard-wrapped lines --------------------------------------------------------


def _wrapped(lines: int) -> str:
    """Short lines of words, all different, never a full stop."""
    words = "troops moved along a road near border while officials weighed plan army convoy"
    vocabulary = words.split()  # all different: no line repeats another (furniture)
    n = len(vocabulary)
    return "".join(
        " ".join(vocabulary[i // n**k % n] for k in range(4)) + " on the road\n"
        for i in range(lines)
    )


def test_joining_wrapped_lines_reads_a_bounded_end_of_the_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[int] = []
    original = layout._joiner

    def counting(tail: str, length: int, words: int, second: str, blank: bool) -> str | None:
        read.append(len(tail))
        return original(tail, length, words, second, blank)

    monkeypatch.setattr(layout, "_joiner", counting)
    blocks = layout.layout(_wrapped(20_000))
    assert len(blocks) == 1  # never a full stop: one paragraph
    assert len(read) == 19_999
    assert max(read) <= layout._TAIL


def test_wrapped_text_without_a_stop_keeps_its_words_and_offsets() -> None:
    source = _wrapped(3000)
    doc = document(source)
    assert doc.text.split() == source.split()
    for match in re.finditer(r"\S+", doc.text[:5000]):
        at = doc.source_offset(match.start())
        assert source[at : at + len(match.group())] == match.group()


def test_wrapped_text_without_a_stop_gives_sentences_no_longer_than_the_cap() -> None:
    found = sentences.sentences(document(_wrapped(20_000)))
    assert len(found) > 100
    assert max(len(s.text) for s in found) <= sentences.MAX_SENTENCE


def test_concatenation_matches_pairwise_joining() -> None:
    a = MappedText.from_source("one  two", 0)
    b = MappedText.from_source("three", 20)
    assert MappedText.concat([a, " ", b]) == a.plain(" ") + b
    assert MappedText.concat([]) == MappedText("", ())


# Markdown ----------------------------------------------------------------------------


class _CountingText(str):
    """A str that counts the characters its find() calls pass over."""

    scanned = 0

    def find(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        at = super().find(sub, start, end)
        begin = start or 0
        _CountingText.scanned += (at if at >= 0 else len(self)) - begin
        return at


@pytest.mark.parametrize("unit", ["![", "[a](", "![a](", "[", "]("])
def test_markdown_links_are_scanned_a_bounded_number_of_times(unit: str) -> None:
    for n in (10_000, 40_000):
        text = unit * n
        _CountingText.scanned = 0
        for opener, shortest in (("![", 0), ("[", 1)):
            markup._replace_links(_CountingText(text), opener, shortest, lambda label: label)
        assert _CountingText.scanned <= 2 * 3 * len(text) + 10


def test_markdown_links_and_images_are_replaced_as_before() -> None:
    text = "See ![a map](m.png) and [the report](http://x/y) or [](x) and [a][b](c)."
    assert markup.from_markdown(text) == (
        "See \n\nPhoto: a map\n\n and the report or [](x) and [a]b."
    )
    assert markup.from_markdown("![](x.png) ![no end [a](b") == " ![no end [a](b"


# Bylines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["By " + "A" * 3000 + "!", "Author: " + "A." * 1500 + "!", "By " + "Ab" * 1500 + "?"]
)
def test_a_byline_of_one_long_capitalised_run_is_read_at_once(line: str) -> None:
    # The old pattern tried every split of the run into five words: hours at this size.
    with deadline(20, "worse than linear"):
        assert byline_author(line) is None
        assert layout.classify([(MappedText(line, ((0, 0),)), False)])[0].kind == "text"


def test_bylines_still_name_their_author() -> None:
    assert byline_author("By Jane Q. Roe") == "Jane Q. Roe"
    assert byline_author("Staff writer | Author: Mohammad Ali") == "Mohammad Ali"


# Numbers, dates and places ---------------------------------------------------------


def test_vague_amounts_between_figures_are_checked_by_bisection() -> None:
    # 40,000 vague amounts and 40,000 figures: the old check compared every pair (a
    # minute here); by bisection it takes well under a second.
    with deadline(30, "worse than linear"):
        found = numbers.find("dozens of 5 troops " * 40_000)
    assert sum(n.vague for n in found) == 40_000
    assert sum(not n.vague for n in found) == 40_000


def test_clause_cues_are_read_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    original = clauses.looks_ahead

    def counting(cues: re.Pattern[str], clause: str, after: bool = False) -> bool:
        read.append(len(clause))
        return original(cues, clause, after)

    monkeypatch.setattr(clauses, "looks_ahead", counting)
    sentence = "It began 3 days ago and will end 5 days later, " * 30
    found = timex.tag(sentence, 0, None)
    assert len(found) == 60
    assert sum(read) == 0  # every expression answered from the cues found once


def test_clause_answers_equal_reading_the_slices() -> None:
    p = timepatterns.patterns()
    words = ["will", "'ll", "was", "had been", "would", "due", "that", ";", ", but", ".", "x"]
    rng = random.Random(3)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        found = clauses.Clauses(text, p.clause_break, p.future, p.future_here, p.future_words)
        for at in range(len(text) + 1):
            start = clauses.clause_start(p.clause_break, text, at)
            end = clauses.clause_end(p.clause_break, text, at)
            assert found.ahead_before(at) == clauses.looks_ahead(p.future, text[start:at])
            assert found.ahead_after(at) == clauses.looks_ahead(p.future, text[at:end], True)


def test_offsets_outside_the_calendar_stay_unresolved_instead_of_crashing() -> None:
    import datetime as dt

    for text, anchor in (
        ("It began 99999999 days ago.", dt.date(2024, 3, 1)),
        ("It began " + "9" * 5000 + " years ago.", dt.date(2024, 3, 1)),
        ("They will meet next Monday.", dt.date(9999, 12, 31)),
    ):
        # either no date is read at all (a count too long to be one) or it stays unresolved
        for value in timex.tag(text, 0, anchor):
            assert value.value is None and value.note


def _scan_back(mentions: list[Mention], label: str | None) -> Mention | None:
    return next((m for m in reversed(mentions) if m.label != label), None)


def test_the_latest_place_not_of_the_actor_is_kept_not_rescanned() -> None:
    rng = random.Random(5)
    for _ in range(500):
        mentions = [
            Mention(i, i + 1, "x", rng.choice("AAB"), "c", "place")
            for i in range(rng.randint(0, 9))
        ]
        latest = Latest().extend(mentions)
        for label in ("A", "B", None):
            assert latest.not_labelled(label) == _scan_back(mentions, label)


def test_place_names_match_the_longest_listed_name() -> None:
    places = {
        "South Sudan": ("SS", []),
        "Sudan": ("SD", []),
        "Al Asad": ("IQ", ["Al Asad Air Base", "Asad"]),
    }
    found = gazetteer.build(places).find("South Sudan, Sudan, Al Asad Air Base and Al Asad-2.")
    assert [m.text for m in found] == ["South Sudan", "Sudan", "Al Asad Air Base"]


def test_the_place_name_tree_matches_like_the_alternation() -> None:
    rng = random.Random(7)
    for _ in range(300):
        names = {"".join(rng.choice("abAB.-") for _ in range(rng.randint(1, 4))) for _ in range(6)}
        plain = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        tail = r"(?![\w-]|\.\w)"
        old = re.compile(rf"(?<![\w.-])(?:{plain}){tail}")
        new = re.compile(rf"(?<![\w.-])(?:{gazetteer.trie(names)}){tail}")
        for _ in range(20):
            text = "".join(rng.choice("abAB.- ") for _ in range(rng.randint(0, 16)))
            assert [m.span() for m in old.finditer(text)] == [m.span() for m in new.finditer(text)]


# Records -----------------------------------------------------------------------------


def test_document_json_is_the_dataclass_as_a_dict() -> None:
    doc = document("A title\n\nThe US has 2,500 troops in Iraq, officials said.\n")
    assert dumps(to_json(doc)) == dumps({**asdict(doc), "kind": "document"})
