from crossbrief.ingest.document import ingest_bytes
from crossbrief.records import Document


def doc(text: str, name: str = "a.txt") -> Document:
    result = ingest_bytes(name, name, text.encode("utf-8"), None)
    assert isinstance(result, Document), result
    return result


def paragraphs(d: Document, role: str) -> list[str]:
    return [d.text[p.start : p.end] for p in d.paragraphs if p.role == role]


def test_word_hyphenated_across_a_paragraph_break_is_rejoined() -> None:
    d = doc(
        "Tehran believes that regional countries are capable of guaran-\n\n"
        "teeing the security of their region without outside help.\n"
    )
    assert "capable of guaranteeing the security" in d.text


def test_compound_hyphen_before_a_capital_is_kept() -> None:
    d = doc(
        "The coalition was formed to defeat the so-called anti-\nDaesh forces in the area today.\n"
    )
    assert "anti-Daesh" in d.text


def test_paragraph_split_mid_sentence_by_the_layout_is_joined() -> None:
    d = doc(
        "There are roughly 2,500 US troops in Iraq and about 900 in\n\n"
        "Syria as part of the coalition formed in 2014.\n"
    )
    assert "about 900 in Syria as part of" in d.text
    assert len(paragraphs(d, "body")) == 1


def test_split_over_furniture_is_joined_and_furniture_kept_apart() -> None:
    d = doc(
        "Resistance groups have stepped\n\nAdvertisement\n\n"
        "up their attacks on bases in the region.\n"
    )
    assert "have stepped up their attacks" in d.text
    assert paragraphs(d, "boilerplate") == ["Advertisement"]


def test_finished_sentences_stay_separate_paragraphs() -> None:
    d = doc("The first paragraph ends here with a full stop.\n\nThe second one starts anew.\n")
    assert len(paragraphs(d, "body")) == 2


def test_rating_widgets_and_comment_prompts_are_boilerplate() -> None:
    d = doc(
        "Troops remain in the country, officials said on Monday.\n\nHappy\nHappy\n0 %\n"
        "5 Star\n0%\nLeave a Reply\nRead Time:3 Minute, 7 Second\nComment\n"
    )
    assert paragraphs(d, "body") == ["Troops remain in the country, officials said on Monday."]
    assert "Leave a Reply" in paragraphs(d, "boilerplate")
    assert "Read Time:3 Minute, 7 Second" in paragraphs(d, "boilerplate")


def test_captions_and_credits_are_marked_not_deleted() -> None:
    d = doc(
        "The story begins with a full sentence about the talks.\n\n"
        "Soldiers board an aircraft at Fort Bragg on January 4, 2020.\n● REUTERS\n\n"
        "PICTURED: Vehicles on patrol in 2023. PC: Some Observatory.\n\n"
        "The story goes on with another full sentence.\n"
    )
    captions = paragraphs(d, "caption")
    assert captions == [
        "Soldiers board an aircraft at Fort Bragg on January 4, 2020.",
        "● REUTERS",
        "PICTURED: Vehicles on patrol in 2023. PC: Some Observatory.",
    ]
    assert len(paragraphs(d, "body")) == 2


def test_crlf_nfc_and_spaces_are_normalised() -> None:
    d = doc("Cafe\u0301  owners\u00a0in   Baghdad said so.\r\nNext line is here.\r\n")
    assert "Café owners in Baghdad said so." in d.text
    assert "\r" not in d.text


def test_every_normalised_offset_maps_back_to_the_same_word_in_the_source() -> None:
    source = (
        "Title of the piece\r\n\r\nThere are   roughly 2,500 US troops in Iraq and about 900 in\r\n"
        "\r\nSyria as part of the coali-\r\ntion.\r\n"
    )
    d = doc(source)
    for word in ("roughly", "2,500", "Syria", "part"):
        at = d.text.index(word)
        back = d.source_offset(at)
        assert source[back : back + len(word)] == word


def test_a_paragraph_ending_with_its_photo_credit_is_a_caption() -> None:
    caption = "Engineers repair a runway at the airfield on March 3, 2021. (Ann Lee/U.S. Air Force)"
    d = doc(f"{caption}\n\nEngineers finished repairs at the airfield on Friday, officials said.\n")
    assert paragraphs(d, "caption") == [caption]
    assert paragraphs(d, "body") == [
        "Engineers finished repairs at the airfield on Friday, officials said."
    ]


def test_an_agency_photo_credit_at_the_end_makes_a_caption() -> None:
    d = doc(
        "Villagers gather near the river crossing on Monday, Jan. 4, 2021. AP Photo / Sam Doe\n\n"
        "Officials said on Monday that the crossing was closed.\n"
    )
    assert len(paragraphs(d, "caption")) == 1
    assert paragraphs(d, "body") == ["Officials said on Monday that the crossing was closed."]


def test_a_caption_printed_twice_is_a_caption_both_times() -> None:
    caption = "Sailors load supplies onto a patrol boat in the harbour on June 9, 2022."
    d = doc(
        f"{caption}\n\n{caption} (Kim Park/Royal Navy)\n\n"
        "The patrol boat left the harbour on Sunday, the navy said.\n"
    )
    assert len(paragraphs(d, "caption")) == 2
    assert paragraphs(d, "body") == ["The patrol boat left the harbour on Sunday, the navy said."]


def test_a_sentence_ending_in_a_parenthesis_is_not_a_credit() -> None:
    d = doc(
        "The mission has about 1,200 personnel (most of them engineers).\n\n"
        "The base hosts two units (infantry and logistics/supply).\n"
    )
    assert paragraphs(d, "caption") == []
