"""Troop figures: what a number counts, its kind and modality, its place and its
source, on sentences invented for the purpose (a Sahel topic of the tests' own)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from crossbrief.extract.document import Extractor
from crossbrief.ingest.document import ingest_bytes
from crossbrief.records import Claim, Document
from crossbrief.topic import load

EXTRACTOR = Extractor.for_topic(
    load(Path(__file__).resolve().parents[1] / "data" / "sahel_topic.yaml")
)


def troops(text: str) -> list[Claim]:
    doc = ingest_bytes("t.txt", "t.txt", text.encode(), None)
    assert isinstance(doc, Document)
    doc = replace(doc, published="2023-08-10")
    return [c for c in EXTRACTOR.extract(doc).claims if c.measure == "troop_figure"]


def kinds(text: str) -> list[tuple[float, str | None]]:
    return [(c.value, c.kind) for c in troops(text)]


# Numbers in every written form --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Some 15-hundred soldiers are based in Gao.", 1500),
        ("About 12-thousand peacekeepers served in Mali.", 12000),
        ("There are four-thousand-100 troops in Niger.", 4100),
        ("Roughly ten-thousand troops are in Mali.", 10000),
        ("Two dozen advisers remain in Niamey.", 24),
        ("The mission's troops number 31, 450 this year.", 31450),
    ],
)
def test_number_forms(text: str, value: float) -> None:
    assert [c.value for c in troops(text)] == [value]


def test_a_list_of_three_digit_numbers_is_not_joined() -> None:
    from crossbrief.extract.numbers import find

    assert [n.value for n in find("Units 301, 302, 303 and 304 left.")] == [301, 302, 303, 304]


def test_no_more_than_is_a_bound_not_a_negation() -> None:
    [c] = troops("Officials said no more than 300 French troops would stay in Niger.")
    assert (c.value, c.qualifier) == (300, "up_to")


# Kind and modality ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a modal and a state verb: a projected or possible level
        ("About 800 Belgian troops may be stationed in Niger next year.", "planned"),
        ("By spring there could soon be 4,000 troops in Mali.", "planned"),
        ("The contingent in Chad may grow to 1,500 troops.", "planned"),
        ("Another 250 soldiers might be in Niamey by June.", "planned"),
        # "will remain" stays a remaining force, not a plan
        ("Some 400 French soldiers will remain in Chad.", "remaining"),
        # a movement is what it counts, even when it is only intended
        ("Paris plans to withdraw 900 troops from Mali.", "planned"),
        ("The move would bring 700 soldiers home from Niger.", "withdrawn"),
        ("Paris ordered 500 troops out of Mali.", "withdrawn"),
        # the verb whose object the figure is
        ("The decision will leave 1,200 troops in Niger.", "remaining"),
        ("The mission is removing its 3,400 peacekeepers from Mali.", "withdrawn"),
        ("France still has about 600 troops in Chad.", "remaining"),
        ("The United States has about 1,100 troops deployed to Niger.", "present"),
        ("More than 2,000 soldiers have been deployed in Mali since 2013.", "present"),
        # a known force that someone only means to move is still where it is
        ("The president would try and remove the 900 troops in Niger.", "present"),
        # the amount of a change
        ("The council approved a further reduction by 700 troops in Mali.", "withdrawn"),
        ("The generals asked for an increase of 1,500 troops in Niger.", "additional"),
        ("Forces in Mali have grown by roughly 3,000 troops in a month.", "additional"),
        ("Paris sent 300 soldiers to Chad to bolster the garrison there.", "additional"),
        # the target of a change: still to come, or done
        ("Paris will cut the level of troops in Mali to 2,400.", "planned"),
        ("The force in Mali was cut to 2,400 troops last year.", "remaining"),
        ("Paris cut troop levels in Mali to 2,500.", "remaining"),
        ("The number of troops in Niger has increased to 1,900.", "present"),
        # "more than" is a hedge, not "more"
        ("There are 5,000 troops in Mali, including more than 3,000 paratroopers.", "present"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    found = troops(text)
    assert found, text
    assert found[-1].kind == kind, (text, [(c.value, c.kind) for c in found])


def test_reduction_from_one_level_to_another_gives_both() -> None:
    assert kinds(
        "Paris decided to reduce its troop presence in Mali from about 5,100 to 2,500 troops."
    ) == [
        (5100, "present"),
        (2500, "planned"),
    ]


def test_troops_heading_to_their_own_country_are_withdrawn() -> None:
    [c] = troops("At noon, 150 French soldiers took off from Niamey, headed for France.")
    assert (c.kind, c.location) == ("withdrawn", "Niger")


# Places -------------------------------------------------------------------------


def test_origin_is_not_the_location() -> None:
    [c] = troops("About 600 troops sent from Chad arrived in Niger on Monday.")
    assert c.location == "Niger"
    [c] = troops("Some 1,200 Chadian troops moved from Chad last week.")
    assert c.location != "Chad"


def test_troops_from_a_list_of_countries_are_not_located_there() -> None:
    [c] = troops(
        "The mission in Mali is shrinking. "
        "The force, with troops from Chad, Togo and Senegal, withdrew 1,000 soldiers."
    )
    assert c.location == "Mali"


def test_withdrawal_from_a_country_is_located_there() -> None:
    [c] = troops("France will withdraw 1,500 troops from Niger.")
    assert c.location == "Niger"


def test_the_speakers_whereabouts_are_not_the_figures_place() -> None:
    [c] = troops("There are 2,000 French soldiers left, the minister said in Niamey.")
    assert c.location != "Niger"


def test_a_place_named_before_the_figure_in_its_sentence() -> None:
    [c] = troops("The junta in Niger demanded that all 1,100 foreign soldiers leave.")
    assert c.location == "Niger"


def test_to_and_a_verb_puts_nothing_in_the_place_after_the_verb() -> None:
    [c] = troops("They moved 800 troops into Mali, hoping to reassure Niger's leaders.")
    assert c.location == "Mali"
    x = troops("The plan, which would bring 700 soldiers home, aims to redistribute Malian units.")
    assert [c.location for c in x] != ["Mali"]


def test_a_place_far_after_the_figure_is_not_its_place() -> None:
    [c] = troops(
        "The move of nearly 900 soldiers is part of a long effort that analysts say was "
        "meant above all to counter the growing influence of Russia in Mali."
    )
    assert c.location != "Mali"


# Attribution ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("About 1,100 French troops are in Niger, state broadcaster ORTN reported.", "ORTN"),
        (
            "About 1,100 French troops are in Niger, the Malian Defence Ministry alleged.",
            "Malian Defence Ministry",
        ),
        ("Senior army leaders said 900 troops would stay in Niger.", "Senior army leaders"),
        (
            "U.S. defense officials had said that 800 U.S. troops were in Niger.",
            "U.S. defense officials",
        ),
        (
            "“Paris has sent 2,000 more troops to Mali,” Le Monde said on Friday, citing "
            "unnamed sources in Bamako.",
            "Le Monde",
        ),
    ],
)
def test_source_in_the_sentence(text: str, source: str) -> None:
    [c] = troops(text)
    assert c.attributed_to == source


def test_a_report_named_again_keeps_its_full_name() -> None:
    x = troops(
        "The build-up goes on, according to a Malian intelligence report shared with Reuters. "
        "Some 3,000 Wagner troops are in Mali, the report says."
    )
    assert [c.attributed_to for c in x] == ["Malian intelligence report"]


def test_he_points_back_to_an_unnamed_official() -> None:
    x = troops(
        "A senior French official dismissed the claim. "
        "“We still have 1,500 soldiers in Chad,” he said."
    )
    assert [c.attributed_to for c in x] == ["senior French official"]


def test_a_source_carries_to_the_next_sentence_when_nothing_intervenes() -> None:
    x = troops(
        "The mission is shrinking fast, the UN said in a statement. "
        "To date there have been 4,000 peacekeepers withdrawn from Mali."
    )
    assert [c.attributed_to for c in x] == ["UN"]


# What a number counts when the noun is not right after it -------------------------


def test_a_compared_figure_shares_the_noun_before_it() -> None:
    x = troops("France has 2,400 soldiers in Chad, compared with about 3,100 a year ago.")
    assert [(c.value, c.qualifier, c.location) for c in x] == [
        (2400, "exact", "Chad"),
        (3100, "approx", "Chad"),
    ]


def test_a_buildup_totals_a_figure_owned_by_the_possessive() -> None:
    [c] = troops("Mali's buildup of soldiers near Niger now totals up to 9,000, officials said.")
    assert (c.value, c.qualifier, c.actor, c.location) == (9000, "up_to", "Mali", "Niger")


def test_forces_changed_to_a_level() -> None:
    [c] = troops("The mission will be reducing its uniformed personnel to 11,500 in Mali.")
    assert (c.value, c.kind) == (11500, "planned")


def test_the_name_of_a_mission_between_a_number_and_its_noun() -> None:
    [c] = troops(
        "Paris will pull 2,300 Multinational Joint Force for the Sahel (MJFS) soldiers from Mali."
    )
    assert (c.value, c.kind, c.location) == (2300, "withdrawn", "Mali")


def test_the_border_is_the_border_of_the_country_named_before() -> None:
    x = troops(
        "Tension is rising along Niger's northern frontier.\n\n"
        "The number of Malian troops at the border has risen to 4,000, officials say."
    )
    assert [(c.value, c.location) for c in x] == [(4000, "Niger")]


def test_a_part_of_a_figure_keeps_its_place() -> None:
    x = troops(
        "Tension is rising along Niger's northern frontier.\n\n"
        "The number of Malian troops at the border has risen to 4,000, including 1,500 "
        "commandos, officials say."
    )
    assert [(c.value, c.location) for c in x] == [(4000, "Niger"), (1500, "Niger")]


def test_unit_type_words_between_a_number_and_its_noun() -> None:
    [c] = troops("About 150 logistics support troops arrived in Gao on Monday.")
    assert (c.value, c.location) == (150, "Mali")
    [c] = troops("Some 400 infantry soldiers are based in Niamey.")
    assert (c.value, c.location) == (400, "Niger")


def test_a_corrected_figure_counts_the_noun_after_the_correction() -> None:
    x = troops("The ministry said there are 2,000, not 900, troops in Niger.")
    assert [(c.value, c.location) for c in x] == [(2000, "Niger")]


def test_a_definite_bare_number_goes_on_counting_troops() -> None:
    x = troops(
        "France sent 1,500 troops to Mali last year. The 900 were on longer deployments in Niger."
    )
    assert [(c.value, c.kind, c.location) for c in x] == [
        (1500, "deployed", "Mali"),
        (900, "present", "Niger"),
    ]
    x = troops("France sent 1,500 troops to Mali. They built the 12 camps in Gao.")
    assert [c.value for c in x] == [1500]


@pytest.mark.parametrize(
    "text",
    [
        "Belgium will have up to 5,000 troops in Niger by Monday.",
        "Paris is preparing to send 2,000 soldiers to Niger.",
        "Paris could deploy up to 3,000 soldiers to Chad.",
        "The mission aims for 10,000 troops in Mali by December.",
    ],
)
def test_targets_and_hypotheses_are_planned(text: str) -> None:
    [c] = troops(text)
    assert c.kind == "planned"


def test_has_sent_is_a_headcount_where_they_were_sent() -> None:
    [c] = troops("Paris has sent 10,000 soldiers to Mali.")
    assert (c.kind, c.location) == ("present", "Mali")
