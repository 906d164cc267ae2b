"""How numbers are read from hostile or unusual text: invisible characters inside a
figure, ranges, and figures too large to be counts. Sentences are invented (other
theatres, other actors than the sample articles)."""

from __future__ import annotations

import pytest

from crossbrief.extract import numbers
from tests.unit.test_extract_general import extract, only

INVISIBLE = {
    "zero-width joiner": "\u200d",
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "word joiner": "\u2060",
    "byte-order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "left-to-right mark": "\u200e",
}


@pytest.mark.parametrize("mark", INVISIBLE.values(), ids=INVISIBLE.keys())
@pytest.mark.parametrize(
    "written", ["2{}500", "2,{}500", "2{},500", "2{},{}500", "2{}{}500"], ids=lambda w: w
)
def test_invisible_characters_inside_a_figure_are_read_as_nothing(mark: str, written: str) -> None:
    figure = written.format(mark, mark)
    text = f"Lithuania hosts {figure} German soldiers near Rukla."
    [n] = [n for n in numbers.find(text) if not n.vague]
    assert n.value == 2500
    assert text[n.start : n.end] == figure == n.text


def test_offsets_after_an_invisible_character_stay_on_the_original_text() -> None:
    text = "Some 1\u200b200 Dutch troops and 300\u2060 Belgian troops arrived in Estonia."
    first, second = numbers.find(text, offset=10)
    assert (first.value, second.value) == (1200, 300)
    assert text[first.start - 10 : first.end - 10] == "1\u200b200"
    assert text[second.start - 10 : second.end - 10] == "300"


def test_invisible_characters_outside_figures_are_left_alone() -> None:
    text = "Report\u200b 12 says 40\u200b soldiers left and F\u200b-16 jets stayed."
    values = [n.value for n in numbers.find(text) if not n.vague]
    assert values == [12, 40]


def test_claim_with_a_joined_figure_quotes_the_text_as_given() -> None:
    x = extract("Germany keeps 4\u200d800 troops in Lithuania, the Bundeswehr said.")
    [c] = only(x, "troop_figure")
    assert (c.value, c.location) == (4800, "Lithuania")
    assert c.quote.startswith("4") and c.quote.endswith("Lithuania")
    assert c.sentence[c.start - c.sentence_start : c.end - c.sentence_start] == c.quote
