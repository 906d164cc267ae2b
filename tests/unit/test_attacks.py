"""Attack counts: ordinals, counts that go on with the ones before, places, windows,
as-of dates and sources, on invented sentences."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from crossbrief.extract.document import Extractor
from crossbrief.ingest.document import ingest_bytes
from crossbrief.records import Claim, Document
from crossbrief.topic import load

TOPIC = load(Path(__file__).resolve().parents[1] / "data" / "sahel_topic.yaml")
EXTRACTOR = Extractor.for_topic(TOPIC)


def counts(text: str, published: str = "2023-08-10") -> list[Claim]:
    doc = ingest_bytes("t.txt", "t.txt", text.encode(), None)
    assert isinstance(doc, Document)
    doc = replace(doc, published=published)
    return [c for c in EXTRACTOR.extract(doc).claims if c.measure == "attack_count"]


def brief(claim: Claim) -> tuple[float, str, tuple[str, ...]]:
    return (claim.value, claim.qualifier, claim.locations)


def test_an_ordinal_predicate_of_an_attack_counts_attacks() -> None:
    [c] = counts(
        "Monday's ambush near a French post in Mali was at least the 14th on foreign "
        "bases in Mali and Niger since May 3, the army said."
    )
    assert brief(c) == (14, "at_least", ("Mali", "Niger"))
    assert c.window_start is not None and c.window_start.value == "2023-05-03"
    assert c.attributed_to == "army"


def test_an_ordinal_word_before_an_attack_noun_counts_attacks() -> None:
    [c] = counts("It was the sixth rocket attack on the camp in Niger this year.")
    assert brief(c) == (6, "exact", ("Niger",))


def test_the_attack_is_the_third_in_a_stretch_of_time() -> None:
    [c] = counts("Saturday's attack is the third in the last two months in Mali.")
    assert brief(c) == (3, "exact", ("Mali",))


def test_ordinals_that_count_nothing_are_not_counts() -> None:
    assert counts("The first attack came on the third day of the siege in Mali.") == []
    assert counts("Her second book on the war in Mali came out in May.") == []
    assert counts("Friday marks the 10th anniversary of the attack on the base in Mali.") == []
    assert counts("The attack marks the 10th anniversary of the siege of the base.") == []


def test_an_ordinal_standing_alone_after_a_time_word() -> None:
    [c] = counts("The raid was the fourth this year in Mali.")
    assert brief(c) == (4, "exact", ("Mali",))
    assert c.window_start is not None and c.window_start.value == "2023"


def test_each_count_keeps_the_places_of_its_own_stretch() -> None:
    first, second = counts("So far there have been 21 attacks in Mali and 8 more in Niger.")
    assert brief(first) == (21, "exact", ("Mali",))
    assert brief(second) == (8, "exact", ("Niger",))


def test_places_before_the_count_in_its_clause() -> None:
    [c] = counts("French forces in Mali and Niger have been attacked 40 times since March.")
    assert brief(c) == (40, "exact", ("Mali", "Niger"))
    assert c.target == "France forces"


def test_a_nationality_before_a_force_word_is_who_fired_not_where() -> None:
    first, second = counts(
        "The mission counted 18 attacks on its bases in Niger last month.\n\n"
        "It attributes 11 incidents to the Malian army."
    )
    assert first.locations == ("Niger",)
    assert second.locations == ("Niger",)  # the count before's, not "Malian"


def test_munitions_are_not_attacks() -> None:
    assert counts("At least 12 rockets and two drones hit the base in Gao on Monday.") == []


def test_parts_of_a_count_go_on_with_it() -> None:
    text = (
        "French bases in Mali and Niger have been attacked 52 times since June 4, Radio "
        "Sahel reported, citing an army source.\n\n"
        "The station said that of these attacks, five were carried out on August 2. "
        "Three of them targeted the base in Niger, and two more the airport in Mali."
    )
    got = counts(text)
    assert [brief(c) for c in got] == [
        (52, "exact", ("Mali", "Niger")),
        (5, "exact", ("Mali", "Niger")),
        (3, "exact", ("Niger",)),
        (2, "exact", ("Mali",)),
    ]
    assert {c.attributed_to for c in got} == {"Radio Sahel"}
    total, day, three, two = got
    assert total.window_start is not None and total.window_start.value == "2023-06-04"
    for part in (day, three, two):
        assert part.window_start is not None and part.window_start.value == "2023-08-02"
        assert part.as_of is not None and part.as_of.value == "2023-08-02"


def test_a_count_after_a_one_day_count_keeps_the_series_window() -> None:
    text = (
        "Bases in Mali have been attacked 30 times since June 4. Of these, four came on "
        "August 2. There have been 19 attacks on the northern bases in Mali."
    )
    total, day, later = counts(text)
    assert day.window_start is not None and day.window_start.value == "2023-08-02"
    assert total.window_start is not None and total.window_start.value == "2023-06-04"
    assert later.window_start is not None and later.window_start.value == "2023-06-04"


def test_a_predicate_noun_counts_attacks() -> None:
    [total, c] = counts(
        "The Sahel Monitoring Group recorded 25 incidents in Mali, of which it says nine "
        "were 'clearly deliberate' attacks."
    )
    assert brief(c) == (9, "exact", ("Mali",))
    assert total.attributed_to == c.attributed_to == "Sahel Monitoring Group"


def test_an_acronym_in_brackets_is_the_source_it_goes_by() -> None:
    [c] = counts("The Sahel Monitoring Group (SMG) has recorded 44 attacks in Niger this year.")
    assert c.attributed_to == "SMG"


def test_a_definite_place_noun_points_back_to_the_place_named_before() -> None:
    text = (
        "Militants shelled a French base near Gao, Mali, on Sunday.\n\n"
        "The base has been targeted at least nine times since January."
    )
    [c] = counts(text)
    assert brief(c) == (9, "at_least", ("Mali",))


def test_a_count_with_no_place_and_nothing_before_has_none() -> None:
    [c] = counts("Since January, armed groups have attacked French forces over 70 times.")
    assert c.locations == ()


def test_in_just_two_days_counts_back_from_the_publication_day() -> None:
    [c] = counts("The army said it was the fourth drone attack in just two days in Mali.")
    assert brief(c) == (4, "exact", ("Mali",))
    assert c.window_start is not None and c.window_start.value == "2023-08-08"


def test_a_count_of_attacks_named_before_its_number() -> None:
    [c] = counts("The number of attacks on French troops in Mali has risen to 85 since January.")
    assert brief(c) == (85, "exact", ("Mali",))
    assert c.window_start is not None and c.window_start.value == "2023-01"
    [c] = counts("Attacks on foreign forces in Niger totalled 47 in July.")
    assert brief(c) == (47, "exact", ("Niger",))


def test_a_modifier_between_the_number_and_its_attack_noun() -> None:
    [c] = counts("Militants carried out nine separate attacks on bases in Mali last week.")
    assert brief(c) == (9, "exact", ("Mali",))
    assert c.window_start is not None and c.window_start.granularity == "week"


def test_as_of_names_the_day_a_count_holds() -> None:
    [c] = counts("As of Friday, there had been 60 attacks on French bases in Mali since May.")
    assert c.as_of is not None and c.as_of.value == "2023-08-04"
    assert c.window_start is not None and c.window_start.value == "2023-05"


def test_a_count_of_attacks_on_what_is_not_a_force_keeps_its_target() -> None:
    [c] = counts("Since March, militants have carried out about 40 attacks on health clinics.")
    assert c.target == "health clinics"
    [d] = counts("Pirates staged 12 attacks against cargo ships off the coast this year.")
    assert d.target == "cargo ships"


def test_a_count_of_attacks_on_forces_names_their_owner() -> None:
    [c] = counts("There have been 25 attacks on French positions in Mali since May.")
    assert c.target == "France forces"
