import datetime as dt
from pathlib import Path

import pytest

from crossbrief.ingest.document import ingest_bytes
from crossbrief.ingest.manifest import Entry
from crossbrief.ingest.metadata import parse_dateline
from crossbrief.records import Document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def read(name: str, entry: Entry | None = None) -> Document:
    result = ingest_bytes(name, name, (SEEDS / name).read_bytes(), entry)
    assert isinstance(result, Document)
    return result


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Monday 18 March 2024 - 21:00", dt.date(2024, 3, 18)),
        ("05.08.2021 Author: Viktor Mikhin", dt.date(2021, 8, 5)),
        ("January 31, 2024", dt.date(2024, 1, 31)),
        ("Published: Jan. 31, 2024 10:15 GMT", dt.date(2024, 1, 31)),
        ("2024-01-31", dt.date(2024, 1, 31)),
        ("Updated 31 January 2024", dt.date(2024, 1, 31)),
        ("31/01/2024", dt.date(2024, 1, 31)),
    ],
)
def test_dateline_forms(line: str, expected: dt.date) -> None:
    assert parse_dateline(line)[0] == expected


@pytest.mark.parametrize(
    "line",
    [
        "The date for the withdrawal was scheduled for December 31, 2021.",
        "Hassan Ali said on December 28 that troops will leave",
        "21 years after they first entered the country",
    ],
)
def test_sentences_with_dates_are_not_datelines(line: str) -> None:
    assert parse_dateline(line)[0] is None


def test_ambiguous_slash_date_is_not_guessed() -> None:
    value, warnings = parse_dateline("04/05/2024")
    assert value is None
    assert "day-first or month-first" in warnings[0]


@pytest.mark.parametrize(
    ("line", "order", "expected"),
    [
        ("04/05/2024", "mdy", dt.date(2024, 4, 5)),
        ("04/05/2024", "dmy", dt.date(2024, 5, 4)),
        ("Posted 04.05.2024 09:12", "mdy", dt.date(2024, 4, 5)),
        ("Posted 04.05.2024 09:12", None, dt.date(2024, 5, 4)),
        ("Posted 04.05.2024 09:12", "dmy", dt.date(2024, 5, 4)),
    ],
)
def test_numeric_datelines_in_the_outlets_order(
    line: str, order: str | None, expected: dt.date
) -> None:
    assert parse_dateline(line, order)[0] == expected


def test_the_manifests_date_order_reaches_the_dateline_and_the_text() -> None:
    text = b"Port talks stall\n\n03/06/2031\n\nThe harbour board met on 02/06/2031 again.\n"
    doc = ingest_bytes("p.txt", "p.txt", text, Entry(date_order="mdy"))
    assert isinstance(doc, Document)
    assert (doc.published, doc.date_order) == ("2031-03-06", "mdy")
    unordered = ingest_bytes("p.txt", "p.txt", text, None)
    assert isinstance(unordered, Document) and unordered.published is None
    assert any("date_order" in w for w in unordered.warnings)


def test_dateline_weekday_that_contradicts_the_date_is_flagged() -> None:
    value, warnings = parse_dateline("Saturday 18 March 2024")
    assert value == dt.date(2024, 3, 18)
    assert "Monday" in warnings[0]


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("001_9f8e176f1df87fee.txt", "2024-03-18"),
        ("002_93a72a21d3ae996a.txt", "2021-08-05"),
        ("000_fa25f08cf7c4953c.txt", None),
        ("003_768de91a80aaa16c.txt", None),
    ],
)
def test_publication_date_without_the_manifest(name: str, published: str | None) -> None:
    d = read(name)
    assert d.published == published
    assert d.known["published"] == ("text" if published else "unknown")


def test_title_and_byline_from_the_text() -> None:
    d = read("000_fa25f08cf7c4953c.txt")
    assert d.title == "Time is ripe for the US to leave"
    assert d.author == "Javad Mohammad Ali"
    d = read("002_93a72a21d3ae996a.txt")
    assert d.author == "Viktor Mikhin"
    assert d.title == "Iraq Returns to the Deadly Embrace of the US"


def test_manifest_wins_and_says_so() -> None:
    d = read("003_768de91a80aaa16c.txt", Entry(outlet="World at Large", published="2024-07-11"))
    assert (d.outlet, d.published) == ("World at Large", "2024-07-11")
    assert d.known["published"] == "manifest"
    assert d.known["author"] == "unknown"


def test_unknown_date_is_never_today() -> None:
    d = read("000_fa25f08cf7c4953c.txt")
    assert d.published is None
    assert any("publication date unknown" in w for w in d.warnings)
