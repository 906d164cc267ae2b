"""Independence of sources: reprints, wire copies (one agency credited) and articles
whose outlet is unknown count once; an unknown outlet gets a readable name, never a
file name. Every document here is invented."""

from __future__ import annotations

import pytest

from crossbrief.compare.frame import source_label
from crossbrief.ingest.document import ingest_bytes
from crossbrief.ingest.outlet import credited_agency, dateline_agency, site_name
from crossbrief.records import Document
from tests.unit.test_compare_rules import doc, groups_of, run, troop


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Soldiers return from the northern border - The Valley Courier",
            ("Soldiers return from the northern border", "The Valley Courier"),
        ),
        (
            "Talks on the base resume in the capital | Harbour Post",
            ("Talks on the base resume in the capital", "Harbour Post"),
        ),
        ("Troops leave the island garrison - Ministry says", None),  # a verb, no site name
        ("Island - mainland talks", None),  # too little story before the dash
        ("A plain headline with no site name", None),
        (None, None),
    ],
)
def test_site_name_in_a_saved_title(title: str | None, expected: tuple[str, str] | None) -> None:
    assert site_name(title) == expected


@pytest.mark.parametrize(
    ("paragraphs", "agency"),
    [
        (["PORTVILLE, Examplia (AP) — About 400 soldiers came home."], "Associated Press"),
        (["March 3 (UPI) -- The garrison was reduced to 600."], "United Press International"),
        (["NORTHTOWN, May 2. /TASS/. The exercise ended on Friday."], "TASS"),
        (["Headline", "SOUTHPORT, Jan. 4 (Reuters) - Two ships left port."], "Reuters"),
        # a photo credit names an agency but credits no story
        (["Tanks at a range near the border. (Examplia Ministry / AFP)", "Body."], None),
        (["The agency AFP reported (AFP) that talks resumed."], None),
    ],
)
def test_dateline_agency(paragraphs: list[str], agency: str | None) -> None:
    assert dateline_agency(paragraphs) == agency


def test_credit_line_of_its_own() -> None:
    assert credited_agency(["About 400 soldiers came home.", "— Reuters"]) == "Reuters"
    assert credited_agency(["About 400 soldiers came home.", "Reuters said so."]) is None


def _dated(body: str) -> str:
    return body + " The garrison commander spoke to reporters at the gate on a windy morning."


def test_wire_copies_count_once() -> None:
    docs = [
        doc(
            "a",
            "Harbour Post",
            "2024-01-01",
            _dated("PORTVILLE (Reuters) - About 2,500 soldiers remain at the northern base."),
        ),
        doc(
            "b",
            "Valley Courier",
            "2024-01-02",
            _dated("PORTVILLE, Jan 2 (Reuters) - Officials put the garrison at 2,500 troops."),
        ),
        doc("c", "Island Herald", "2024-01-03"),
    ]
    tables, _ = run(docs, [troop("a", 2500), troop("b", 2500), troop("c", 3000)])
    [g] = groups_of(tables).to_dict("records")
    assert (g["sources"], g["independent"]) == (3, 2)
    rows = tables.reprints.set_index("document")
    group = {d: str(rows.loc[d, "group"]) for d in "abc"}
    assert group["a"] == group["b"] != group["c"]
    assert rows.loc["b", "why"] == "wire: Reuters"
    sources = tables.sources.set_index("document")
    assert sources.loc["b", "counted_with"] == "one source with Harbour Post (wire: Reuters)"
    assert sources.loc["c", "counted_with"] == ""


def test_different_agencies_stay_independent() -> None:
    docs = [
        doc("a", "Harbour Post", "2024-01-01", _dated("PORTVILLE (Reuters) - 2,500 remain.")),
        doc("b", "Valley Courier", "2024-01-02", _dated("PORTVILLE (AP) — 2,500 remain there.")),
    ]
    tables, _ = run(docs, [troop("a", 2500), troop("b", 2500)])
    assert groups_of(tables)["independent"].tolist() == [2]


def test_unknown_outlets_count_once_and_are_not_named_by_file() -> None:
    docs = [
        doc("x_0001.txt", "", "2024-01-01"),
        doc("x_0002.txt", "", "2024-01-02"),
        doc("c", "Island Herald", "2024-01-03"),
    ]
    values = (2500, 3000, 2500)
    tables, findings = run(docs, [troop(d.id, v) for d, v in zip(docs, values, strict=True)])
    [g] = groups_of(tables).to_dict("records")
    assert (g["sources"], g["independent"]) == (3, 2)
    labels = set(tables.troops["outlet"])
    assert labels == {"unknown outlet", "Island Herald"}
    assert not any("x_000" in f["text"] for f in findings)


def test_label_of_an_unknown_outlet_uses_the_title() -> None:
    [d] = [doc("x_0003.txt", "", "2024-01-01")]
    titled = d.__class__(**{**d.__dict__, "title": "Soldiers return from the northern border"})
    assert source_label(titled) == "unknown outlet (Soldiers return from the northern border)"
    assert source_label(d) == "unknown outlet"


def test_ingest_infers_the_outlet_from_a_saved_title_and_a_dateline() -> None:
    page = (
        b"Soldiers return from the northern border - The Valley Courier\n\n"
        b"About 400 soldiers came home on Monday, officials said.\n"
    )
    read = ingest_bytes("p.txt", "p.txt", page, None)
    assert isinstance(read, Document)
    assert (read.outlet, read.title) == (
        "The Valley Courier",
        "Soldiers return from the northern border",
    )
    assert read.known["outlet"] == "text"
    wire = "Soldiers return home\n\nPORTVILLE, Examplia (AP) — About 400 soldiers came home."
    read = ingest_bytes("w.txt", "w.txt", wire.encode(), None)
    assert isinstance(read, Document)
    assert read.outlet == "Associated Press"
