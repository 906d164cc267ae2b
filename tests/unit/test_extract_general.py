"""Extraction on sentences of other theatres and outlets than the sample articles,
with a topic file of their own: the mechanisms, not the sample, are under test."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossbrief.extract.document import Extractor
from crossbrief.ingest.document import ingest_bytes
from crossbrief.records import Claim, Document, Extraction
from crossbrief.topic import load

TOPIC = load(Path(__file__).resolve().parents[1] / "data" / "sahel_topic.yaml")
EXTRACTOR = Extractor.for_topic(TOPIC)


def extract(text: str, published: str | None = "2023-08-10") -> Extraction:
    doc = ingest_bytes("t.txt", "t.txt", text.encode(), None)
    assert isinstance(doc, Document)
    if published:
        from dataclasses import replace

        doc = replace(doc, published=published)
    return EXTRACTOR.extract(doc)


def only(extraction: Extraction, measure: str) -> list[Claim]:
    return [c for c in extraction.claims if c.measure == measure]


def test_figure_with_closing_attribution_and_country_list() -> None:
    x = extract(
        "France has about 5,100 troops in Mali as part of Operation Barkhane, "
        "the French defence ministry said."
    )
    [c] = only(x, "troop_figure")
    assert (c.value, c.qualifier, c.actor, c.location) == (5100, "approx", "France", "Mali")
    assert c.attributed_to == "French defence ministry"
    assert c.low == pytest.approx(4590) and c.high == pytest.approx(5610)


def test_according_to_and_remaining_kind() -> None:
    x = extract("Around 1,100 US troops remain in Niger, according to the Pentagon.")
    [c] = only(x, "troop_figure")
    assert (c.value, c.actor, c.location, c.kind) == (1100, "US", "Niger", "remaining")
    assert c.attributed_to == "Pentagon"


def test_planned_withdrawal_from_a_country() -> None:
    x = extract("Washington plans to withdraw more than 1,000 troops from Niger by September 15.")
    [c] = only(x, "troop_figure")
    assert (c.qualifier, c.location, c.kind) == ("more_than", "Niger", "planned")


def test_elliptical_coordination_inherits_measure_actor_and_hedge() -> None:
    x = extract("There are about 1,100 American troops in Niger and 200 in Chad.")
    first, second = only(x, "troop_figure")
    assert (first.value, first.location) == (1100, "Niger")
    assert (second.value, second.actor, second.location, second.qualifier) == (
        200,
        "US",
        "Chad",
        "approx",
    )


def test_words_and_a_city_resolve_to_its_country() -> None:
    x = extract("Fifteen hundred Marines arrived in Kabul on Tuesday.")
    [c] = only(x, "troop_figure")
    assert (c.value, c.location, c.kind) == (1500, "Afghanistan", "deployed")


def test_casualties_are_not_troop_figures() -> None:
    x = extract("Thirteen French soldiers were killed in a helicopter collision in Mali.")
    assert only(x, "troop_figure") == []
    [c] = only(x, "casualty")
    assert (c.value, c.outcome, c.location, c.actor) == (13, "killed", "Mali", "France")


def test_wounded_are_counted_apart() -> None:
    x = extract("A suicide bomber wounded six German peacekeepers near Gao on Friday.")
    [c] = only(x, "casualty")
    assert (c.value, c.outcome) == (6, "wounded")


def test_attack_count_with_window_and_target() -> None:
    x = extract(
        "There have been at least 60 attacks on French bases in Mali since January, officials said."
    )
    [c] = only(x, "attack_count")
    assert (c.value, c.qualifier, c.target) == (60, "at_least", "France forces")
    assert c.window_start is not None and c.window_start.value == "2023-01"
    assert c.as_of is not None and c.as_of.value == "2023-08-10"
    assert c.attributed_to == "officials"


def test_vague_amounts_and_negations_are_not_figures() -> None:
    x = extract(
        "Thousands of French troops have been deployed over the years. "
        "Not a single soldier will stay, and we will not accept even one foreign soldier."
    )
    assert x.claims == ()
    assert any(v.startswith("Thousands of French troops") for v in x.vague)


def test_years_percentages_money_and_ordinals_are_not_counts() -> None:
    x = extract(
        "In 2014, 40 percent of the $2 million budget went to the 3rd battalion's 2013 troops."
    )
    assert x.claims == ()


def test_event_date_from_the_text_and_alias_merge_reported() -> None:
    x = extract(
        "Operation Barkhane officially ended on November 9, 2022, Paris said.", "2022-11-10"
    )
    [e] = x.events
    assert (e.event, e.date and e.date.value) == ("barkhane_end", "2022-11-09")
    x = extract("The putsch in Niamey on July 26 stunned Paris.")
    [e] = x.events
    assert (e.event, e.date and e.date.value) == ("niger_coup", "2023-07-26")


def test_date_required_events_need_an_agreeing_date() -> None:
    assert [
        e.event for e in extract("The last French soldiers left Mali in August 2022.").events
    ] == ["french_withdrawal_mali"]
    assert extract("French soldiers left Mali to the sound of protests.").events == ()


def test_without_publication_date_relative_dates_stay_unresolved() -> None:
    x = extract("The coup in Niger on Wednesday ended the partnership.", published=None)
    [e] = x.events
    assert e.date is not None and e.date.value is None
    assert "no publication date" in (e.date.note or "")


def test_weekday_that_contradicts_its_date_is_a_warning() -> None:
    x = extract("Goita said on Monday, July 25, that Wagner would stay.", "2023-08-10")
    assert any("is a Tuesday" in w for w in x.warnings)


def test_killed_and_wounded_in_one_sentence() -> None:
    x = extract("Three French soldiers were killed and more than 40 wounded in an attack in Mali.")
    killed, wounded = only(x, "casualty")
    assert (killed.value, killed.outcome) == (3, "killed")
    assert (wounded.value, wounded.qualifier, wounded.outcome) == (40, "more_than", "wounded")


def test_owner_of_the_forces_is_the_subject_country_or_organisation() -> None:
    [c] = only(
        extract("Germany will keep up to 1,100 soldiers in Mali until May 2024."), "troop_figure"
    )
    assert (c.actor, c.qualifier, c.location) == ("Germany", "up_to", "Mali")
    [c] = only(
        extract("The U.N. mission, MINUSMA, had about 13,000 peacekeepers in Mali."), "troop_figure"
    )
    assert c.actor == "UN"
    [c] = only(extract("Russia has sent around 1,000 Wagner mercenaries to Mali."), "troop_figure")
    # forces already sent are a headcount where they were sent
    assert (c.actor, c.kind, c.location) == ("Russia", "present", "Mali")


def test_attribution_after_the_figure_with_an_object() -> None:
    x = extract(
        "French bases have been attacked at least 66 times in Mali since January, "
        "a defence ministry spokesman told reporters on Thursday."
    )
    [c] = only(x, "attack_count")
    assert c.attributed_to == "defence ministry spokesman"


def test_impossible_day_is_not_a_date() -> None:
    x = extract("The parliament voted on February 30 to expel the troops.")
    assert all(d.date.value != "2023-02-30" for d in x.other_dated)


def test_moving_troops_are_counted_where_they_go_not_where_they_leave() -> None:
    x = extract("Britain will move 350 soldiers from Estonia to Poland next month.")
    [c] = only(x, "troop_figure")
    assert (c.value, c.location) == (350, "Poland")


def test_troops_going_home_are_counted_where_they_leave() -> None:
    x = extract("About 400 French soldiers left Niger on Tuesday, heading back to France.")
    [c] = only(x, "troop_figure")
    assert (c.actor, c.location) == ("France", "Niger")


def test_a_figure_with_no_place_is_not_placed_in_the_actors_own_country() -> None:
    x = extract(
        "Germany will keep its promises, Germany's minister said. Germany and Mali's junta "
        "signed the plan Germany drew up, and Mali's army agreed. The camp hosts 900 German "
        "soldiers."
    )
    [c] = only(x, "troop_figure")
    assert (c.actor, c.location) == ("Germany", "Mali")


def test_forces_already_sent_are_a_headcount_and_future_moves_are_planned() -> None:
    sent = extract("Italy has deployed 450 soldiers in Niger since the spring.")
    [c] = only(sent, "troop_figure")
    assert (c.value, c.kind, c.location) == (450, "present", "Niger")
    plan = extract("Some 700 Spanish troops are expected to move to Mali in the autumn.")
    [p] = only(plan, "troop_figure")
    assert (p.value, p.kind, p.location) == (700, "planned", "Mali")


def test_sentences_run_together_by_a_page_layout_are_split() -> None:
    from crossbrief.extract.sentences import split

    text = (
        "Numbers rose to 4,000.Those figures were denied. On Oct. 8.In a note, the U.S.Army agreed."
    )
    assert [text[a:b] for a, b in split(text)] == [
        "Numbers rose to 4,000.",
        "Those figures were denied.",
        "On Oct. 8.",
        "In a note, the U.S.Army agreed.",
    ]


def test_a_troop_quantity_named_before_its_number() -> None:
    x = extract("The number of Dutch troops in Lithuania has remained unchanged at about 1,200.")
    [c] = only(x, "troop_figure")
    assert (c.value, c.qualifier, c.actor, c.location, c.kind) == (
        1200,
        "approx",
        "Netherlands",
        "Lithuania",
        "present",
    )
    [m] = only(extract("The council set the minimum of police personnel at 950."), "troop_figure")
    assert (m.value, m.qualifier) == (950, "at_least")
    assert not only(extract("The number of visitors rose to 4,000 last year."), "troop_figure")
