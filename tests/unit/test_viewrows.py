"""The typed rows of the change, attack, casualty, event, conflict, input and correction
tables: text cells as read back from CSV become numbers, counts, flags and tuples, and the
templates print them without comparing text."""

from __future__ import annotations

from pathlib import Path

from crossbrief.render.html import environment
from crossbrief.render.viewevents import (
    Conflict,
    EventDisagreement,
    EventMention,
    EventsMatrixRow,
)
from crossbrief.render.viewrows import (
    AttackCount,
    AttackFlag,
    Casualty,
    CasualtySummary,
    Correction,
    InputFile,
    TroopChange,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_troop_changes_and_attacks_get_numbers() -> None:
    change = TroopChange.of(
        {
            "group_key": "Northland | Eastland | headcount",
            "measure": "headcount",
            "from_when": "March 2023",
            "to_when": "May 2024",
            "from_value": "1200.0",
            "to_value": "",
            "from_claims": "c1 c2",
            "to_claims": "c3",
            "explanation": "1,200 -> fewer",
        }
    )
    assert (change.from_value, change.to_value) == (1200.0, None)
    assert change.from_claims == ("c1", "c2") and change.label == "Northland, Eastland, headcount"
    cells = {
        "claim": "a1",
        "outlet": "Harbour Post",
        "published": "2024-05-02",
        "document": "a.txt",
        "group": "a.txt",
        "value": "40.0",
        "qualifier": "more_than",
        "low": "40.0",
        "high": "",
        "window_start": "2024-01",
        "window_text": "since January",
        "as_of": "2024-05-02",
        "target": "the garrison",
        "locations": "Eastland",
        "attributed_to": "",
        "weeks": "17.3",
        "rate_per_week": "2.31",
        "quote": "more than 40 attacks",
    }
    attack = AttackCount.of(cells, "0.7")
    assert (attack.value, attack.high, attack.rate_per_week) == (40.0, None, 2.31)
    assert (attack.corrected, attack.credibility) == ("", "0.7")
    flagged = AttackFlag.of(
        {
            "earlier": "a1",
            "later": "a2",
            "earlier_outlet": "Harbour Post",
            "later_outlet": "Valley Times",
            "explanation": "a cumulative count cannot fall",
        }
    )
    assert (flagged.earlier, flagged.later) == ("a1", "a2")


def test_casualty_rows_get_numbers_counts_and_flags() -> None:
    casualty = Casualty.of(
        {
            "subject": "in Eastland",
            "event": "",
            "name": "in Eastland",
            "outcome": "killed_or_wounded",
            "outlet": "Valley Times",
            "published": "2024-05-02",
            "document": "b.txt",
            "group": "b.txt",
            "value": "12.0",
            "low": "10.0",
            "qualifier": "range",
            "who": "villagers",
            "location": "Eastland",
            "as_of": "2024-05-01",
            "window_start": "",
            "period": "2",
            "claim": "k1",
            "quote": "10 to 12 villagers",
            "corrected": "value 11 -> 12",
        }
    )
    assert (casualty.value, casualty.low, casualty.period) == (12.0, 10.0, 2)
    assert casualty.outcome_words == "killed or wounded"
    assert casualty.corrected == "value 11 -> 12"
    summary = {
        "subject": "in Eastland",
        "name": "in Eastland",
        "outcome": "killed",
        "window_start": "",
        "when": "May 2024",
        "sources": "3",
        "independent": "2",
        "values": "10; 12",
        "claims": "k1 k2",
        "by_source": "A: 10; B: 12",
    }
    assert CasualtySummary.of(summary | {"agree": "True"}).agree is True
    disagreeing = CasualtySummary.of(summary | {"agree": "False"})
    assert disagreeing.agree is False
    assert (disagreeing.sources, disagreeing.independent, disagreeing.claims) == (
        3,
        2,
        ("k1", "k2"),
    )


def test_event_rows_conflicts_inputs_and_corrections() -> None:
    cells = {
        "event": "",
        "name": "bridge reopened",
        "catalogue_date": "",
        "outlet": "Harbour Post",
        "published": "2024-05-02",
        "document": "a.txt",
        "date": "2024-04",
        "granularity": "month",
        "date_text": "",
        "terms": "reopened|bridge",
        "mention": "m1",
        "quote": "The bridge reopened in April.",
        "kind": "discovered",
    }
    mention = EventMention.of(cells)
    assert mention.discovered and mention.terms == ("reopened", "bridge")
    assert mention.anchor == "reopened" and mention.parts == ("", "", "")
    assert not EventMention.of(cells | {"kind": "catalogue", "date_text": "April"}).discovered
    assert EventMention.of(cells | {"date_text": "April"}).anchor == "April"
    disagreement = EventDisagreement.of(
        {
            "event": "e1",
            "name": "talks",
            "first": "A",
            "second": "B",
            "first_date": "2024-01-27",
            "second_date": "2024-03",
            "first_mention": "m1",
            "second_mention": "",
            "explanation": "A and B differ",
        }
    )
    assert disagreement.second_mention == ""
    conflict = Conflict.of(
        {
            "conflict": "C1",
            "type": "date",
            "subject": "talks",
            "side_a": "m1 m2",
            "side_b": "",
            "explanation": "dated differently",
        }
    )
    assert conflict.side_a == ("m1", "m2") and conflict.side_b == ()
    matrix = EventsMatrixRow.of(
        {"event": "e1", "name": "talks", "catalogue_date": "", "kind": "catalogue", "A": "2024"}
    )
    assert matrix.dates == (("A", "2024"),)
    row = {
        "file": "c.txt",
        "status": "published later",
        "sha256": "ab",
        "bytes": "2048",
        "encoding": "utf-8",
        "metadata": "",
        "reason": "after the report date",
    }
    file = InputFile.of(row)
    assert file.bytes == 2048 and file.status_class == "status-published-later"
    assert not file.problem and InputFile.of(row | {"status": "rejected"}).problem
    correction = {
        "target": "claim",
        "id": "a1",
        "action": "amended",
        "change": "value 40 -> 45",
        "reason": "typo",
        "document": "a.txt",
        "quote": "",
    }
    assert Correction.of(correction | {"status": "applied"}).amends_claim
    assert not Correction.of(correction | {"status": "not found"}).amended
    assert not Correction.of(correction | {"status": "applied", "target": "document"}).amends_claim


def test_templates_print_typed_rows() -> None:
    env = environment(TEMPLATES)
    cites = env.from_string(
        '{% import "_macros.html.j2" as m with context %}{{ m.cites(c.side_a, 2) }}'
        "{% if c.side_b %} vs {{ m.cites(c.side_b) }}{% endif %}"
    )
    conflict = Conflict.of(
        {
            "conflict": "C1",
            "type": "date",
            "subject": "talks",
            "side_a": "m1 m2 m3",
            "side_b": "",
            "explanation": "",
        }
    )
    assert cites.render(c=conflict, anchors={"m1"}) == (
        '<a class="cite" href="#ev-m1">m1</a> m2 and 1 more'
    )
