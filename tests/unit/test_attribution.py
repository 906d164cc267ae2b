"""Who a figure is credited to, across sentence boundaries and name forms (invented
sentences)."""

from __future__ import annotations

from crossbrief.extract.attribution import attribute, clean


def at(sentence: str, figure: str) -> int:
    return sentence.index(figure)


def test_role_words_before_a_name_are_dropped() -> None:
    assert clean("Defence Secretary Ana Lindqvist") == "Ana Lindqvist"
    assert clean("Deputy Foreign Minister Pavel Orlov") == "Pavel Orlov"
    assert clean("Top defense leaders") == "Top defense leaders"  # no name follows


def test_a_report_by_an_agency_is_the_agency() -> None:
    assert clean("a report Sunday by Baltic News Service") == "Baltic News Service"


def test_a_bare_surname_is_named_in_full_from_earlier_sentences() -> None:
    before = ["General Tomas Varga, who leads the mission, spoke in Vilnius."]
    sentence = "About 800 soldiers will stay, Varga said."
    assert attribute(sentence, at(sentence, "800"), before) == "Tomas Varga"


def test_it_points_back_to_the_source_credited_before() -> None:
    before = ["Nordic Monitor said the build-up had slowed."]
    sentence = "It added that 3,000 troops had returned to their bases."
    assert attribute(sentence, at(sentence, "3,000"), before) == "Nordic Monitor"


def test_a_closing_source_carries_to_the_next_sentence_without_a_new_agent() -> None:
    before = ["Drones struck two outposts overnight, the Lakeside Gazette reported."]
    sentence = "So far there have been at least 14 attacks on the outposts."
    assert attribute(sentence, at(sentence, "14"), before) == "Lakeside Gazette"
    own = "The navy then moved 600 sailors to the port."
    assert attribute(own, at(own, "600"), before) is None


def test_citing_a_reason_is_not_a_source() -> None:
    sentence = "The rebels have staged about 40 raids, citing anger over the blockade."
    assert attribute(sentence, at(sentence, "40"), []) is None
    cited = "The ministry counted 40 raids, citing regional officials."
    assert attribute(cited, at(cited, "40"), []) == "regional officials"


def test_a_headline_ending_with_its_source() -> None:
    sentence = "Army doubles its garrison to 4,000 soldiers: Reuters"
    assert attribute(sentence, at(sentence, "4,000"), []) == "Reuters"


def test_a_name_with_an_apposition_before_its_verb() -> None:
    sentence = (
        "Ivo Kral, the head of the U.N. mission, said that the U.N. will keep 900 troops there."
    )
    assert attribute(sentence, at(sentence, "900"), []) == "Ivo Kral"


def test_the_ministry_is_the_ministry_credited_in_full_before() -> None:
    before = ["Troops are back in barracks, the Estonian defence ministry said on Friday."]
    sentence = "Asked again, the ministry said the brigade keeps 3,100 soldiers."
    assert attribute(sentence, at(sentence, "3,100"), before) == "Estonian defence ministry"


def test_a_closing_source_followed_by_a_participle_clause() -> None:
    sentence = "The garrison stays at 700 soldiers, the army said Monday, denying a local report."
    assert attribute(sentence, at(sentence, "700"), []) == "army"


def test_a_determiner_is_never_a_source() -> None:
    sentence = "Those reports came after a speech that put the force at 2,000 soldiers."
    assert attribute(sentence, at(sentence, "2,000"), []) is None
