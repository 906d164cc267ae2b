"""Names that stand for an actor (a capital, an abbreviation, "the North") map to it
through the topic file's ``actors:``; the default actor applies only when nothing
else names one. Sentences and topic are invented."""

from __future__ import annotations

from dataclasses import replace

import yaml

from crossbrief.extract import gazetteer
from crossbrief.extract.document import Extractor
from crossbrief.ingest.document import ingest_bytes
from crossbrief.records import Claim, Document
from crossbrief.topic import parse

TOPIC_YAML = """
name: An invented stand-off on a peninsula
default_actor: US
places:
  Camp Ardent: {country: South Korea}
actors:
  North Korea: [Pyongyang, DPRK, the North]
  South Korea: [Seoul]
  Chile: [Karsthaven]
"""
TOPIC = parse(yaml.safe_load(TOPIC_YAML), "invented.yaml")
WITH_ALIASES = Extractor.for_topic(TOPIC)
WITHOUT_ALIASES = Extractor.for_topic(replace(TOPIC, actor_aliases={}))


def troops(text: str, extractor: Extractor = WITH_ALIASES) -> list[Claim]:
    doc = ingest_bytes("t.txt", "t.txt", text.encode(), None)
    assert isinstance(doc, Document)
    doc = replace(doc, published="2031-03-05")
    return [c for c in extractor.extract(doc).claims if c.measure == "troop_figure"]


def test_the_topic_file_carries_the_aliases() -> None:
    assert TOPIC.actor_aliases["North Korea"] == ("Pyongyang", "DPRK", "the North")


def test_a_capital_standing_for_its_country_is_the_figures_actor() -> None:
    text = "Pyongyang has sent about 8,000 troops to the front, officials said."
    [before] = troops(text, WITHOUT_ALIASES)
    assert before.actor == "US"  # the default actor, for want of anything else
    [c] = troops(text)
    assert (c.value, c.actor) == (8000, "North Korea")
    assert not any("taken from context" in n and "actor" in n for n in c.notes)


def test_an_abbreviation_and_a_phrase_map_to_their_country() -> None:
    [c] = troops("DPRK troops numbering 1,200 crossed the river at dawn.")
    assert c.actor == "North Korea"
    [c] = troops("Analysts say the North has 12,000 troops massed near the line.")
    assert c.actor == "North Korea"


def test_a_phrase_alias_also_opens_a_sentence_capitalised() -> None:
    [c] = troops("The North deployed 3,000 soldiers near the frontier on Monday.")
    assert c.actor == "North Korea"


def test_any_name_the_topic_lists_maps_not_only_known_capitals() -> None:
    [c] = troops("Karsthaven keeps 640 troops on the southern islands.")
    assert c.actor == "Chile"


def test_an_alias_as_a_place_is_its_country() -> None:
    [c] = troops("The US has about 4,500 troops in Seoul, the ministry said.")
    assert (c.actor, c.location) == ("US", "South Korea")


def test_the_default_actor_applies_only_when_nothing_names_one() -> None:
    [c] = troops("About 2,000 troops are stationed in the region.")
    assert c.actor == "US"
    assert "actor US taken from context" in c.notes


def test_an_alias_written_inside_a_longer_word_is_no_mention() -> None:
    places = gazetteer.build(actors={"North Korea": ("the North",)})
    found = places.find("Units of the Northern command and the North moved.")
    assert [(m.text, m.label, m.kind) for m in found] == [("the North", "North Korea", "country")]


def test_an_alias_is_a_mention_of_the_kind_of_its_actor() -> None:
    names = gazetteer.actor_names(
        {"NATO": ("the Alliance",), "Chile": ("Karsthaven",)}, gazetteer.countries()
    )
    assert names["the Alliance"] == names["The Alliance"] == ("NATO", "NATO", "organisation")
    assert names["Karsthaven"] == ("Chile", "Chile", "country")
    assert "karsthaven" not in names
