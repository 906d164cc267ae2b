"""How numbers are read from hostile or unusual text: invisible characters inside a
figure, ranges, and figures too large to be counts. Sentences are invented (other
theatres, other actors than the sample articles)."""

from __future__ import annotations

import json
from dataclasses import asdict

import pandas as pd
import pytest

from crossbrief.compare import figures, series, trajectory
from crossbrief.evaluate import Score, score_document
from crossbrief.extract import numbers
from crossbrief.render.formatting import hedged
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


HUGE = {
    "401 digits": "1" + "0" * 400,
    "401 digits with separators": "10" + ",000" * 133,
    "5000 digits": "7" * 5000,
    "5000 digits with separators": "5" * 2 + ",555" * 1666,
    "a decimal with 5000 digits": "1" + "0" * 20 + "." + "9" * 5000,
    "a scale word": "3,000 billion",
}


@pytest.mark.parametrize("figure", HUGE.values(), ids=HUGE.keys())
def test_numbers_above_the_bound_are_reported_not_read(figure: str) -> None:
    text = f"Officials counted {figure} Ruritanian troops in the capital."
    reading = numbers.read(text)
    assert [n for n in reading.numbers if not n.vague] == []
    [large] = reading.oversized
    assert text[large.start : large.end].startswith(figure[:5])


@pytest.mark.parametrize("figure", HUGE.values(), ids=HUGE.keys())
def test_a_huge_figure_leaves_no_claim_and_a_warning(figure: str) -> None:
    x = extract(f"Ruritania says it has {figure} soldiers in Mali and 300 soldiers in Niger.")
    assert [(c.value, c.location) for c in x.claims] == [(300, "Niger")]
    [warning] = x.warnings
    assert "not read as a figure" in warning and len(warning) < 300
    json.dumps(asdict(x), allow_nan=False)  # no inf or nan for the tables downstream


def test_the_bound_itself_is_still_a_figure() -> None:
    [n] = numbers.find("a census of 1,000,000,000,000 residents")
    assert n.value == numbers.MAX_VALUE
    assert numbers.read("a census of 1,000,000,000,001 residents").numbers == []


def test_number_words_cannot_grow_without_bound() -> None:
    text = "one" + " hundred" * 3000 + " Ruritanian soldiers"
    reading = numbers.read(text)
    assert [n.value for n in reading.numbers if not n.vague] == []
    assert len(reading.oversized) == 1
    assert numbers.words_value("two thousand five hundred") == 2500


def test_many_huge_numbers_make_one_warning() -> None:
    big = "9" * 500
    x = extract(" ".join(f"Ruritania moved {big} soldiers to Mali." for _ in range(50)))
    assert x.claims == ()
    [warning] = x.warnings
    assert warning.startswith("50 numbers above")


@pytest.mark.parametrize("count", ["9999", "1" + "0" * 400, "1" + "0" * 5000])
def test_a_huge_count_of_years_ago_is_not_a_date(count: str) -> None:
    x = extract(f"Some {count} years ago, 40 Ruritanian soldiers were killed in Mali.")
    [c] = only(x, "casualty")
    assert c.value == 40


RANGES = {
    "hyphen": ("Estonia hosts 2,500-3,000 Danish soldiers at Tapa.", 2500, 3000),
    "en dash": ("Estonia hosts 2,500–3,000 Danish soldiers at Tapa.", 2500, 3000),
    "spaced en dash": ("Estonia hosts 2,500 – 3,000 Danish soldiers at Tapa.", 2500, 3000),
    "to": ("Estonia hosts 2,500 to 3,000 Danish soldiers at Tapa.", 2500, 3000),
    "between and": ("Estonia hosts between 800 and 1,000 Danish soldiers.", 800, 1000),
    "between dash": ("Estonia hosts between 800-1,000 Danish soldiers.", 800, 1000),
    "anywhere from": ("Estonia hosts anywhere from 2,000 to 3,000 Danish soldiers.", 2000, 3000),
    "hedged": ("Estonia hosts roughly 2,500 to 3,000 Danish soldiers.", 2500, 3000),
    "words": ("Estonia hosts two to three thousand Danish soldiers.", 2000, 3000),
    "shared scale": ("Estonia hosts 1.5-2 thousand Danish soldiers.", 1500, 2000),
    "invisible": ("Estonia hosts 2\u200b,500\u2060-3,000 Danish soldiers.", 2500, 3000),
}


@pytest.mark.parametrize(("sentence", "low", "high"), RANGES.values(), ids=RANGES.keys())
def test_a_range_is_one_figure_with_its_bounds(sentence: str, low: float, high: float) -> None:
    [c] = only(extract(sentence), "troop_figure")
    assert (c.qualifier, c.low, c.high, c.value) == ("range", low, high, high)
    assert (c.actor, c.location) == ("Denmark", "Estonia")
    assert c.quote.endswith("soldiers") or c.quote.endswith("Tapa")
    assert c.sentence[c.start - c.sentence_start : c.end - c.sentence_start] == c.quote


def test_the_quote_of_a_range_starts_at_its_first_word() -> None:
    [c] = only(extract("Estonia hosts between 800 and 1,000 Danish soldiers."), "troop_figure")
    assert c.quote == "between 800 and 1,000 Danish soldiers"
    [c] = only(extract("Estonia hosts roughly 2,500-3,000 Danish soldiers."), "troop_figure")
    assert c.quote == "roughly 2,500-3,000 Danish soldiers"


def test_ranges_of_attacks_and_casualties() -> None:
    x = extract("Between 12 and 15 Ruritanian soldiers were killed in Mali on Monday.")
    [c] = only(x, "casualty")
    assert (c.qualifier, c.low, c.high) == ("range", 12, 15)
    x = extract("Rebels carried out 30-40 attacks on Ruritanian forces in Niger since May.")
    [a] = only(x, "attack_count")
    assert (a.qualifier, a.low, a.high) == ("range", 30, 40)


CHANGES = {
    "from to, drawdown": "Ruritania will cut its force in Chad from about 5,400 to 3,100 troops.",
    "from to, increase": "Ruritania will raise its force in Chad from 2,000 to 3,000 troops.",
    "from to, no verb": "The Ruritanian contingent in Chad went from 2,000 to 3,000 troops.",
    "by to": "Ruritania increased its force in Chad by 500 to 3,000 troops.",
    "downward pair": "Ruritania moved 5,000 to 3,000 troops in Chad.",
}


@pytest.mark.parametrize("sentence", CHANGES.values(), ids=CHANGES.keys())
def test_a_change_from_one_figure_to_another_is_not_a_range(sentence: str) -> None:
    claims = only(extract(sentence), "troop_figure")
    assert claims and all(c.qualifier != "range" for c in claims)
    assert all(c.low == c.high == c.value for c in claims if c.qualifier == "exact")


def test_numbers_that_only_look_like_ranges() -> None:
    for text in (
        "The 9-11 attacks changed Ruritania.",
        "The F-16 squadron of 20 aircraft stayed.",
        "Talks ran from 2019 to 2021 with 300 troops.",
        "The vote in the council was 12 to 3.",
        "Between 8 October and 24 October, 40 soldiers left.",
    ):
        assert all(n.low is None for n in numbers.find(text)), text


def test_an_elliptical_figure_after_a_range_does_not_inherit_the_range() -> None:
    x = extract("Denmark has 2,500-3,000 soldiers in Estonia and 400 in Latvia.")
    first, second = only(x, "troop_figure")
    assert (first.qualifier, first.low, first.high) == ("range", 2500, 3000)
    assert (second.value, second.qualifier, second.low, second.location) == (
        400,
        "exact",
        400,
        "Latvia",
    )


def _score(claim_low: float, gold: dict[str, object]) -> tuple[int, float]:
    text = "Estonia hosts 2,500-3,000 Danish soldiers at Tapa."
    x = extract(text.replace("2,500", f"{claim_low:,.0f}"))
    score = Score()
    item = {"location": "Estonia", "quote": "Danish soldiers at Tapa", **gold}
    doc = {"document": "t.txt", "troop_figures": [item]}
    score_document(score, x.claims[0].sentence, doc, x)
    return score.tally("troop_figure").tp, score.accuracy("troop_figure.qualifier").value


def test_the_scorer_compares_both_ends_of_a_labelled_range() -> None:
    labelled = {"value": 3000, "low": 2500, "high": 3000, "qualifier": "range"}
    assert _score(2500, labelled) == (1, 1.0)
    assert _score(2000, labelled)[0] == 0


def test_the_scorer_reads_up_to_as_a_range_labelled_by_its_upper_bound() -> None:
    assert _score(2500, {"value": 3000, "qualifier": "up_to"}) == (1, 1.0)
    assert _score(2500, {"value": 3000, "qualifier": "approx"}) == (1, 0.0)


def _claims_frame() -> pd.DataFrame:
    base = {"measure": "troop_figure", "in_caption": False, "actor": "Denmark"}
    base |= {"location": "Estonia", "kind": "present", "attributed_to": None, "quote": "q"}
    base |= {"as_of_granularity": "day", "as_of_from": "publication", "sentence": "s"}
    return pd.DataFrame(
        [
            base
            | {"claim": "a", "document": "a.txt", "group": "ga", "outlet": "Baltic Wire"}
            | {"published": "2024-03-01", "as_of": "2024-03-01"}
            | {"value": 3000.0, "low": 2500.0, "high": 3000.0}
            | {"qualifier": "range"},
            base
            | {"claim": "b", "document": "b.txt", "group": "gb", "outlet": "Nordic Post"}
            | {"published": "2024-03-02", "as_of": "2024-03-02"}
            | {"value": 2800.0, "low": 2520.0, "high": 3080.0}
            | {"qualifier": "approx"},
        ]
    )


def test_a_range_is_shown_with_both_ends() -> None:
    assert hedged("range", "3000.0", "2500.0") == "2,500–3,000"
    assert hedged("approx", "3000.0", "2700.0") == "about 3,000"
    assert hedged("range", "3000.0", "") == "3,000"
    rows = series.with_periods(figures.troop_rows(_claims_frame()), 45)
    assert {"low", "high"} <= set(rows.columns)  # the chart's hedge bars read them
    groups = figures.troop_groups(rows, "median")
    assert "Baltic Wire: 2,500–3,000" in groups["by_source"].iloc[0]
    periods = series.series_table(rows, "median")
    [finding] = trajectory.troop_findings(rows, groups, periods, series.changes(periods))
    assert "Baltic Wire (range 2,500–3,000)" in finding["text"]
