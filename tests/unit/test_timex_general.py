"""How time is read: weekdays against the publication day, wire style, capital and
abbreviated months, months without a year, weeks, datelines, numeric dates in the
outlet's order, count windows and dated statements. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from crossbrief.extract import timex
from crossbrief.extract.document import Extractor
from crossbrief.ingest.document import ingest_bytes
from crossbrief.records import Document, Extraction
from crossbrief.topic import load

MONDAY = dt.date(2031, 3, 10)
EXTRACTOR = Extractor.for_topic(
    load(Path(__file__).resolve().parents[1] / "data" / "sahel_topic.yaml")
)


def dates(
    text: str, anchor: dt.date | None = MONDAY, order: str | None = None
) -> dict[str, str | None]:
    return {t.text: t.value for t in timex.tag(text, 0, anchor, order)}


def extract(text: str, published: str = "2031-03-10") -> Extraction:
    doc = ingest_bytes("t.txt", "t.txt", text.encode(), None)
    assert isinstance(doc, Document)
    return EXTRACTOR.extract(replace(doc, published=published))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The envoy resigned on Monday after the vote.", "2031-03-10"),
        ("The envoy resigned last Monday after the vote.", "2031-03-03"),
        ("The envoy will resign next Monday.", "2031-03-17"),
        ("The envoy will resign on Monday, aides said.", "2031-03-10"),
        ("The envoy resigned on Thursday after the vote.", "2031-03-06"),
        ("The talks will resume on Thursday.", "2031-03-13"),
    ],
)
def test_a_weekday_against_the_publication_day(sentence: str, expected: str) -> None:
    [value] = dates(sentence).values()
    assert value == expected


def test_wire_style_weekdays_need_no_preposition() -> None:
    found = dates("The harbour authority said Saturday that Tuesday's storm closed the quays.")
    assert found == {"Saturday": "2031-03-08", "Tuesday": "2031-03-04"}
    assert dates("Ferries resumed Monday morning, the operator told reporters.") == {
        "Monday": "2031-03-10"
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Shoppers queued for Black Friday bargains.",
        "The Sunday Chronicle reported the sale.",
        "She writes for the Friday Review and the Sunday Times.",
        "Organisers recalled Bloody Sunday in their speeches.",
    ],
)
def test_weekdays_inside_names_are_not_dates(sentence: str) -> None:
    assert dates(sentence) == {}


def test_capital_and_abbreviated_months() -> None:
    assert dates("OCT. 18 – Gunboats shelled the port.") == {"OCT. 18": "2030-10-18"}
    assert dates("The ferry sank on Jan 30 and was raised on Feb. 2.") == {
        "Jan 30": "2031-01-30",
        "Feb. 2": "2031-02-02",
    }
    assert dates("The tanker docked on Sept 9, 2029.") == {"Sept 9, 2029": "2029-09-09"}


def test_a_month_without_a_year_is_the_last_one_unless_the_verb_looks_ahead() -> None:
    january = dt.date(2024, 1, 15)
    assert dates("The depot was shelled in March.", january) == {"March": "2023-03"}
    assert dates("The depot will be handed over in March.", january) == {"March": "2024-03"}
    assert dates("Parliament must ratify the treaty by March.", january) == {"March": "2024-03"}
    assert dates("The toll rose by 45 from a count in December.", january) == {
        "December": "2023-12"
    }
    assert dates("Engineers were due to finish by March.", january) == {"March": "2023-03"}


def test_modals_look_ahead_in_their_own_clause_only() -> None:
    january = dt.date(2024, 1, 15)
    assert dates("The garrison should be relieved in March.", january) == {"March": "2024-03"}
    assert dates("The garrison should have been relieved in March.", january) == {
        "March": "2023-03"
    }
    found = dates("Crews should finish by 2026, according to a report Saturday.", january)
    assert found == {"2026": "2026", "Saturday": "2024-01-13"}


def test_a_bare_month_is_a_date_unless_it_is_a_word_or_a_name() -> None:
    july = dt.date(2031, 7, 20)
    assert dates("The cabinet's June decision angered the unions.", july) == {"June": "2031-06"}
    assert dates("Delegates met in Lisbon January to plan the census.", july) == {
        "January": "2031-01"
    }
    assert dates("The May summit ended without a deal.", july) == {"May": "2031-05"}
    assert dates("Prime Minister Theresa May visited the port.", july) == {}
    assert dates("April Ryan asked the first question.", july) == {}


def test_last_week_is_an_iso_week() -> None:
    [found] = timex.tag("The ministry announced the plan last week.", 0, dt.date(2024, 1, 31))
    assert (found.value, found.granularity) == ("2024-W04", "week")


def test_a_day_of_the_month_alone() -> None:
    june = dt.date(2031, 6, 29)
    assert dates("The spokesman said on 28th that talks would go on.", june) == {
        "on 28th": "2031-06-28"
    }
    assert dates("The clinic is on the 3rd floor of the hospital.", june) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Feb. 3 (Wire) -- Engineers left the dam on Monday.",
        "PORTVILLE, Sept. 9 (Newswire) -- Engineers left the dam on Monday.",
        "KINGSTOWN, OCT. 18 – Engineers left the dam on Monday.",
        "HARBOUR CITY, March 10. /NEWSAGENCY/. Engineers left the dam on Monday.",
    ],
)
def test_a_wire_dateline_is_the_pages_date_not_the_storys(sentence: str) -> None:
    assert list(dates(sentence).values()) == ["2031-03-10"]


def test_page_dates_are_left_out() -> None:
    assert dates("PHOTO DETAILS Date Taken: 04.03.2031 Size: 2 MB") == {}
    assert dates("March 10, 2031 | Analysis") == {}
    assert dates("Rebels took the town on March 10, 2031, and held it.") == {
        "March 10, 2031": "2031-03-10"
    }


@pytest.mark.parametrize(
    ("order", "expected"),
    [("mdy", "2031-04-05"), ("dmy", "2031-05-04"), (None, None)],
)
def test_numeric_dates_in_the_outlets_order(order: str | None, expected: str | None) -> None:
    found = dates("The order was signed on 04/05/2031 in the capital.", order=order)
    assert found.get("04/05/2031") == expected


def test_numeric_dates_a_part_above_twelve_or_dots_decide_without_an_order() -> None:
    assert dates("It was signed on 25/05/2031 in the capital.") == {"25/05/2031": "2031-05-25"}
    assert dates("It was signed on 05/25/2031 in the capital.") == {"05/25/2031": "2031-05-25"}
    assert dates("It was signed on 04.05.2031 in the capital.") == {"04.05.2031": "2031-05-04"}
    assert dates("It was signed on 04.05.2031 in the capital.", order="mdy") == {
        "04.05.2031": "2031-04-05"
    }


def test_a_window_counted_back_from_the_publication_day() -> None:
    [found] = timex.tag("It was the fifth raid in the last four months.", 0, dt.date(2031, 3, 10))
    assert (found.value, found.since) == ("2030-11", True)
    [found] = timex.tag("Prices doubled over the past two years.", 0, dt.date(2031, 3, 10))
    assert (found.value, found.since) == ("2029", True)


def test_the_month_a_count_falls_in_is_its_window() -> None:
    x = extract("Militants attacked French bases 14 times in February, the army said.")
    [count] = [c for c in x.claims if c.measure == "attack_count"]
    assert count.window_start is not None and count.window_start.value == "2031-02"
    assert x.other_dated == ()


def test_every_free_date_of_a_sentence_is_a_dated_statement() -> None:
    x = extract("Lawmakers voted on March 3 to scrap a customs accord dating from 1961.")
    assert [d.date.value for d in x.other_dated] == ["2031-03-03", "1961"]


def test_today_and_count_windows_are_not_dated_statements() -> None:
    assert extract("Today, the rebels hold the northern road.").other_dated == ()
    x = extract("At least 40 French soldiers have been killed in Mali since 2013.")
    assert x.other_dated == ()
    x = extract("The agency has trained the unit since 2013.")
    assert [d.date.value for d in x.other_dated] == ["2013"]


def test_the_outlets_date_order_reaches_the_sentences() -> None:
    from crossbrief.ingest.manifest import Entry

    text = b"The harbour board met on 02/06/2031 to vote on the port.\n"
    for order, expected in (("mdy", "2031-02-06"), ("dmy", "2031-06-02")):
        doc = ingest_bytes("p.txt", "p.txt", text, Entry(published="2031-03-10", date_order=order))
        assert isinstance(doc, Document)
        assert [d.date.value for d in EXTRACTOR.extract(doc).other_dated] == [expected]


def _two_event_extractor(tmp_path: Path) -> Extractor:
    topic = tmp_path / "topic.yaml"
    topic.write_text(
        "name: Harbour unrest\n"
        "events:\n"
        "  airfield_shelling:\n"
        "    name: Militias shell the airfield\n"
        "    match:\n"
        "      - all: [[rockets, shelled], [airfield]]\n"
        "  commander_strike:\n"
        "    name: Airstrike kills a militia commander\n"
        "    match:\n"
        "      - all: [[airstrike, drone], [commander, convoy]]\n",
        encoding="utf-8",
    )
    return Extractor.for_topic(load(topic))


def _event_dates(extractor: Extractor, text: str) -> dict[str, str | None]:
    doc = ingest_bytes("t.txt", "t.txt", text.encode(), None)
    assert isinstance(doc, Document)
    x = extractor.extract(replace(doc, published="2031-06-20"))
    return {e.event: e.date.value if e.date else None for e in x.events}


def test_a_date_goes_to_the_event_with_the_nearest_term(tmp_path: Path) -> None:
    found = _event_dates(
        _two_event_extractor(tmp_path),
        "Militias of the northern alliance, armed with rockets, shelled the airfield in "
        "early May in revenge for an airstrike that killed their commander.",
    )
    assert found == {"airfield_shelling": "2031-05", "commander_strike": None}


def test_a_since_date_dates_only_the_event_named_right_after_it(tmp_path: Path) -> None:
    extractor = _two_event_extractor(tmp_path)
    found = _event_dates(
        extractor, "Relations have been tense since March 3, when a drone hit the convoy."
    )
    assert found == {"commander_strike": "2031-03-03"}
    found = _event_dates(extractor, "Rockets have hit the airfield 40 times since March 3.")
    assert found == {"airfield_shelling": None}


def test_hours_count_back_in_days() -> None:
    [found] = timex.tag("Shells fell four times in the past 24 hours.", 0, MONDAY)
    assert (found.value, found.granularity, found.since) == ("2031-03-09", "day", True)
    [found] = timex.tag("The ferry left 36 hours ago.", 0, MONDAY)
    assert found.value == "2031-03-08"


def test_a_count_on_a_day_holds_as_of_that_day() -> None:
    x = extract("Militants attacked French bases in Mali three times on March 7, officials said.")
    [count] = [c for c in x.claims if c.measure == "attack_count"]
    assert count.window_start is not None and count.as_of is not None
    assert (count.window_start.value, count.as_of.value) == ("2031-03-07", "2031-03-07")


def test_a_count_holds_as_of_the_day_it_was_reported() -> None:
    x = extract(
        "French bases in Mali were attacked 12 times this month, a spokesman told "
        "reporters on Friday."
    )
    [count] = [c for c in x.claims if c.measure == "attack_count"]
    assert count.window_start is not None and count.window_start.value == "2031-03"
    assert count.as_of is not None and count.as_of.value == "2031-03-07"


def test_a_series_of_counts_keeps_its_window() -> None:
    x = extract(
        "French bases in Mali have been attacked 40 times since January 9, the army said. "
        "Of those, 15 attacks targeted Gao."
    )
    windows = [
        c.window_start.value for c in x.claims if c.measure == "attack_count" and c.window_start
    ]
    assert windows == ["2031-01-09", "2031-01-09"]


def test_a_report_date_is_not_the_date_of_what_it_reports(tmp_path: Path) -> None:
    extractor = _two_event_extractor(tmp_path)
    found = _event_dates(
        extractor, "The port authority said on Monday that militias had shelled the airfield."
    )
    assert found == {"airfield_shelling": None}
    found = _event_dates(
        extractor, "Militias shelled the airfield, the port authority said on Monday."
    )
    assert found == {"airfield_shelling": "2031-06-16"}


def test_a_range_start_without_a_year_takes_the_year_of_its_end() -> None:
    assert dates("Fighting raged from March 3 to May 5, 2022, in the hills.") == {
        "March 3": "2022-03-03",
        "May 5, 2022": "2022-05-05",
    }
    assert dates("Floods lasted from December 20 to January 4, 2029.") == {
        "December 20": "2028-12-20",
        "January 4, 2029": "2029-01-04",
    }
    assert dates("Talks ran between June and August 2021.") == {
        "June": "2021-06",
        "August 2021": "2021-08",
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The build-up in the spring of 2029 alarmed the neighbours.", "2029"),
        ("The bases were idle since the summer of 2030.", "2030"),
        ("The garrison left last summer.", "2030"),
        ("The garrison will leave next spring.", "2031"),
        ("The garrison left in the autumn.", "2030"),
        ("The garrison will leave in the summer.", "2031"),
        ("Exports fell in the third quarter of 2029.", "2029"),
        ("Exports fell in the third quarter.", "2030"),
        ("Exports fell last quarter.", "2030"),
        ("Exports fell in Q2 2028.", "2028"),
    ],
)
def test_seasons_and_quarters_are_read_to_their_year(sentence: str, expected: str) -> None:
    [found] = timex.tag(sentence, 0, dt.date(2031, 1, 20))
    assert (found.value, found.granularity) == (expected, "year")


@pytest.mark.parametrize(
    "sentence",
    ["Crowds cheered the fall of the city.", "He scored in the first quarter of the match."],
)
def test_a_season_word_that_is_not_a_time(sentence: str) -> None:
    assert timex.tag(sentence, 0, dt.date(2031, 1, 20)) == []


def test_a_sentence_full_of_dates_is_read_in_bounded_time() -> None:
    from tests.unit.deadline import deadline

    unit = (
        "KINGSTOWN, OCT. 18 (Wire) -- by March 3 the envoy said on Monday that militias "
        "attacked the base 5 times in October, and the summer of 2029 and last week, "
    )
    text = unit * 4000  # the clause re-read for every date would take minutes
    with deadline(60, "worse than linear in the dates of a sentence"):
        found = timex.tag(text, 0, MONDAY)
        x = extract(text[:20_000])
    assert len(found) > 4000 * 5
    assert x.other_dated


def test_weekends_are_iso_weeks() -> None:
    assert dates("Rebels raided the depot over the weekend.") == {"over the weekend": "2031-W10"}
    assert dates("Talks will resume this weekend.") == {"this weekend": "2031-W11"}
    assert dates("A weekend-long festival began.") == {}


def test_sentences_with_word_only_dates_are_read_in_a_document() -> None:
    x = extract(
        "The garrison left the port last summer. Rebels raided the depot over the "
        "weekend. The envoy resigned three weeks ago."
    )
    assert [d.date.value for d in x.other_dated] == ["2030", "2031-W10", "2031-W08"]


def test_a_week_agrees_with_a_catalogue_day_inside_it() -> None:
    from crossbrief.extract.events import agrees
    from crossbrief.records import TimeValue

    week = TimeValue("last week", 0, 9, "2031-W10", "week")
    assert agrees(week, "2031-03-05") and agrees(week, "2031-03") and agrees(week, "2031")
    assert not agrees(week, "2031-03-10") and not agrees(week, "2031-02")
