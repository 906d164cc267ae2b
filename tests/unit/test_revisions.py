"""Revisions on invented sentences: a figure that corrects an earlier one is marked in
extraction (``Claim.revises``) and becomes a revision finding; the corrected figure is
not compared with other sources."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from crossbrief.extract.document import Extractor
from crossbrief.extract.revisions import mark
from crossbrief.ingest.document import ingest_bytes
from crossbrief.records import Claim, Document
from crossbrief.topic import load
from tests.unit.test_compare_rules import doc, run, troop

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.for_topic(load(ROOT / "config" / "topic.yaml"))


def _claims(extractor: Extractor, sentence: str) -> list[Claim]:
    text = f"A headline for the story\n\n{sentence}\n"
    read = ingest_bytes("a.txt", "a.txt", text.encode(), None)
    assert isinstance(read, Document)
    return list(extractor.extract(replace(read, published="2024-03-04")).claims)


@pytest.mark.parametrize(
    ("sentence", "value", "earlier"),
    [
        ("Officials said 2,000 troops, not the 900 previously stated, are in Iraq.", 2000, 900),
        (
            "The Pentagon said 4,500 US troops are in Syria, raising its previous estimate "
            "of 3,000.",
            4500,
            3000,
        ),
        ("Officials revised their figure from 40 to 52 soldiers killed in the blast.", 52, 40),
        ("The militia made 85 attacks on US forces, up from an earlier count of 60.", 85, 60),
    ],
)
def test_a_correction_marks_the_new_figure(
    extractor: Extractor, sentence: str, value: float, earlier: float
) -> None:
    revised = {c.value: c.revises for c in _claims(extractor, sentence)}
    assert revised[value] == earlier


def test_a_change_over_time_is_no_revision(extractor: Extractor) -> None:
    sentence = "The number of US troops in Iraq rose to 3,000, up from 2,500 last year."
    claims = _claims(extractor, sentence)
    assert claims and all(c.revises is None for c in claims)


def test_mark_takes_the_figure_before_the_cue_and_never_the_earlier_one() -> None:
    sentence = "It now counts 1,200 troops, raising the previous estimate of 800 troops."
    new = replace(troop("d", 1200, sentence=sentence), start=14, end=26, sentence_start=0)
    old = replace(troop("d", 800, sentence=sentence), start=60, end=70, sentence_start=0)
    marked = {c.value: c.revises for c in mark([new, old])}
    assert marked == {1200: 800, 800: None}


def test_revision_is_a_key_finding_and_the_old_figure_is_not_compared() -> None:
    sentence = "Officials said 2,000 troops, not the 900 previously stated, are in Iraq."
    new = replace(troop("a", 2000, sentence=sentence), revises=900.0)
    old = troop("a", 900, sentence=sentence)
    docs = [doc("a", "Alpha", "2024-01-05"), doc("b", "Bravo", "2024-01-06")]
    tables, findings = run(docs, [new, old, troop("b", 2000)])
    [revision] = [f for f in findings if f["category"] == "revision"]
    assert revision["key"] and revision["evidence"] == [new.id, old.id]
    assert revision["text"] == (
        "Revision: Alpha gives US troops in Iraq as 2,000 as of 5 January 2024, "
        "correcting the earlier figure of 900."
    )
    assert old.id not in set(tables.troops["claim"])
    assert not tables.troop_series["dispute"].any()
    assert findings.index(revision) < min(
        findings.index(f) for f in findings if f["category"] not in ("dispute", "revision")
    )
