"""Casualty figures in verb, noun and predicate forms, their outcome and their place,
on invented sentences (the mechanisms, not any article, are under test)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from crossbrief.extract.document import Extractor
from crossbrief.ingest.document import ingest_bytes
from crossbrief.records import Claim, Document
from crossbrief.topic import load

TOPIC = load(Path(__file__).resolve().parents[1] / "data" / "sahel_topic.yaml")
EXTRACTOR = Extractor.for_topic(TOPIC)


def claims(text: str, measure: str) -> list[Claim]:
    doc = ingest_bytes("t.txt", "t.txt", text.encode(), None)
    assert isinstance(doc, Document)
    doc = replace(doc, published="2023-08-10")
    return [c for c in EXTRACTOR.extract(doc).claims if c.measure == measure]


def casualties(text: str) -> list[tuple[float, str, str | None]]:
    return [(c.value, c.qualifier, c.outcome) for c in claims(text, "casualty")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a verb before the count
        (
            "A roadside bomb killed four Malian gendarmes near Gao on Tuesday.",
            [(4, "exact", "killed")],
        ),
        ("The militia has killed more than 3,000 since 2012.", [(3000, "more_than", "killed")]),
        (
            "Gunmen kidnapped five aid workers outside Agadez.",
            [(5, "exact", "captured")],
        ),
        (
            "A drone strike killed three U.S. service members at the outpost in Niger.",
            [(3, "exact", "killed")],
        ),
        ("At least two dozen were injured when the depot burned.", [(24, "at_least", "injured")]),
        ("Two crew members are presumed dead after the raid.", [(2, "exact", "killed")]),
        # an outcome word as the noun
        (
            "The convoy reported one presumed fatality and nine injuries.",
            [(1, "exact", "killed"), (9, "exact", "injured")],
        ),
        ("The ambush left 14 battle casualties.", [(14, "exact", "casualties")]),
        # a predicate after a number with no noun
        ("Around two dozen were injured in the blast.", [(24, "approx", "injured")]),
        ("Eleven remain missing after the boat capsized.", [(11, "exact", "missing")]),
        (
            "Doctors treated 6 for burns and 12 for other injuries.",
            [(6, "exact", "injured"), (12, "exact", "injured")],
        ),
        # a predicate after the noun, past a modifier of the noun
        (
            "Forty soldiers stationed at the northern outpost near Gao were later "
            "evaluated for brain injuries.",
            [(40, "exact", "injured")],
        ),
        # both at once
        (
            "The garrison counted 37 dead and wounded after the raid.",
            [(37, "exact", "killed_or_wounded")],
        ),
        (
            "Officials said 250 fighters were killed or wounded in the offensive.",
            [(250, "exact", "killed_or_wounded")],
        ),
    ],
)
def test_casualty_forms_and_outcomes(text: str, want: list[tuple[float, str, str]]) -> None:
    assert casualties(text) == want


def test_the_verb_nearest_the_count_decides_its_outcome() -> None:
    got = casualties("The raiders abducted seven villagers and shot two guards dead.")
    assert got == [(7, "exact", "captured"), (2, "exact", "killed")]


def test_people_hurt_are_never_a_troop_headcount() -> None:
    text = (
        "Sixty French soldiers deployed to the base at Gao were evacuated and later "
        "diagnosed with concussions."
    )
    assert claims(text, "troop_figure") == []
    assert casualties(text) == [(60, "exact", "injured")]


def test_a_count_with_a_noun_of_its_own_is_no_bare_casualty() -> None:
    assert casualties("The convoy was attacked and 3 days later 200 troops arrived.") == []


def test_a_count_after_a_new_clause_is_not_governed_by_its_outcome() -> None:
    text = "About 800 troops remain in Niger, where an ambush killed soldiers last year."
    assert casualties(text) == []
    [troops] = claims(text, "troop_figure")
    assert troops.value == 800


def test_a_part_of_a_whole_counts_the_whole_noun() -> None:
    [c] = claims("At least 45 of its peacekeepers have been killed in Mali.", "casualty")
    assert (c.value, c.qualifier, c.who, c.location) == (45, "at_least", "peacekeepers", "Mali")


def test_casualties_counted_together_share_their_place() -> None:
    text = "Two soldiers were killed and 13 injured in an ambush in Niger."
    got = claims(text, "casualty")
    assert [(c.value, c.outcome, c.location) for c in got] == [
        (2, "killed", "Niger"),
        (13, "injured", "Niger"),
    ]


def test_a_sentence_spread_over_several_places_gives_no_single_place() -> None:
    text = (
        "There were 12 attacks in Mali and 9 in Niger last month. "
        "At least 30 soldiers have been wounded by them."
    )
    [c] = claims(text, "casualty")
    assert (c.value, c.outcome, c.location) == (30, "wounded", None)


def test_in_the_same_region_is_the_place_of_the_casualties_before() -> None:
    text = (
        "Militants killed three soldiers at a camp in Mali on Monday.\n\n"
        "France, which has lost many soldiers, said 11 soldiers were killed in the same "
        "region last year."
    )
    got = claims(text, "casualty")
    assert [(c.value, c.location) for c in got] == [(3, "Mali"), (11, "Mali")]


def test_a_country_before_an_attack_noun_is_the_attacker_not_the_place() -> None:
    text = (
        "The UN base in Mali was hit.\n\n"
        "Eight peacekeepers were injured in a Niger strike, the mission said."
    )
    [c] = claims(text, "casualty")
    assert c.location == "Mali"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The loss of life among the convoy's escort includes a captain and four soldiers.",
            [(4, "exact", "killed")],
        ),
        ("By Friday the death toll had climbed to 38.", [(38, "exact", "killed")]),
        ("The injured included at least 12 children.", [(12, "at_least", "injured")]),
    ],
)
def test_a_count_in_the_predicate_of_a_casualty_subject(
    text: str, want: list[tuple[float, str, str]]
) -> None:
    assert casualties(text) == want


def test_a_link_verb_across_a_new_clause_does_not_make_troops_casualties() -> None:
    text = "The wounded were flown to Niamey, where 1,100 French troops are based."
    assert casualties(text) == []
    assert [c.value for c in claims(text, "troop_figure")] == [1100]


def test_a_verb_right_before_the_next_count_is_that_counts() -> None:
    text = "France keeps 1,500 troops in Niger to deter gunmen blamed for killing six guards."
    assert [c.value for c in claims(text, "troop_figure")] == [1500]
    assert casualties(text) == [(6, "exact", "killed")]


def test_a_passive_outcome_before_a_coordinated_count_stays_with_the_first() -> None:
    got = casualties("Four gendarmes were killed and 9 hurt near Gao.")
    assert got == [(4, "exact", "killed"), (9, "exact", "injured")]


@pytest.mark.parametrize(
    "text",
    [
        "The blast killed the convoy's driver, and 1,200 troops were then sent to Mali.",
        "The injured gendarme was one of 1,200 troops stationed in Mali.",
        "Some 1,200 troops, including medics who treat injuries, will arrive in Mali.",
    ],
)
def test_casualty_words_about_others_leave_a_headcount_alone(text: str) -> None:
    assert [c.value for c in claims(text, "troop_figure")] == [1200]
    assert 1200 not in [c.value for c in claims(text, "casualty")]


def test_one_verb_governs_coordinated_objects() -> None:
    got = casualties("Gunmen killed two civilians and 14 soldiers near Gao.")
    assert got == [(2, "exact", "killed"), (14, "exact", "killed")]


def test_the_same_people_told_again_are_not_a_troop_headcount() -> None:
    text = (
        "A rocket attack on Monday wounded six Chadian soldiers at the camp near Kidal. "
        "An army spokesman said the six soldiers were flown to N'Djamena for treatment."
    )
    assert [(c.value, c.outcome) for c in claims(text, "casualty")] == [
        (6, "wounded"),
        (6, "wounded"),
    ]
    assert claims(text, "troop_figure") == []


def test_a_headcount_of_another_size_or_other_people_stays_a_headcount() -> None:
    text = (
        "A rocket attack on Monday wounded six Chadian soldiers at the camp near Kidal. "
        "About 1,400 Chadian soldiers are deployed in Mali."
    )
    assert [c.value for c in claims(text, "troop_figure")] == [1400]
    same_size = (
        "A mine blast wounded 40 Nigerien soldiers near Tillaberi. "
        "Separately, Togo sent 40 soldiers to Niamey."
    )
    assert [c.value for c in claims(same_size, "troop_figure")] == [40]
