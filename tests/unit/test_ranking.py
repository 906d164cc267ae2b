"""Key findings ranked for an analyst on an invented claim set: a same-time dispute
among independent sources first, then a change, then a date dispute; a figure from a
single source (or from copies of one wire story) is no key finding."""

from __future__ import annotations

from crossbrief.compare.ranking import MAX_KEY, RULE, rank
from tests.unit.test_compare_rules import doc, run, troop
from tests.unit.test_compare_time import mention


def _wire(body: str) -> str:
    return body + " The commander spoke to reporters at the gate on a windy morning."


def test_key_findings_in_the_order_an_analyst_needs() -> None:
    docs = [
        doc("a", "Alpha", "2020-01-05"),
        doc("b", "Bravo", "2020-01-06"),
        doc("c", "Charlie", "2020-06-01"),
        doc("d", "Delta", "2020-06-03"),
    ]
    claims = [
        troop("a", 5200, as_of="2020-01-05"),
        troop("b", 4000, as_of="2020-01-06"),  # same time, other figure: a dispute
        troop("c", 3000, as_of="2020-06-01"),
        troop("d", 3000, as_of="2020-06-03"),  # months later: a change, not a dispute
        troop("c", 150, location="Eastland"),  # one source only: tables, not key findings
    ]
    dates = (mention("m1", "a", "2020-01-01", "day"), mention("m2", "b", "2020-01-20", "day"))
    _, findings = run(docs, claims, dates)
    key = [f for f in findings if f["key"]]
    categories = [f["category"] for f in key]
    assert categories.index("dispute") < categories.index("change")
    assert categories.index("change") < categories.index("event_disagreements")
    assert [f["id"] for f in findings[:2]] == ["F1", "F2"]
    assert [f["rank"] for f in key] == list(range(len(key)))
    [single] = [f for f in findings if "Eastland" in f["text"]]
    assert not single["key"] and single["rank"] is None and single["sources"] == 1
    assert findings.index(single) > max(findings.index(f) for f in key)


def test_copies_of_one_wire_story_make_no_key_finding() -> None:
    docs = [
        doc("a", "Alpha", "2020-01-05", _wire("PORTVILLE (Reuters) - 2,500 troops remain.")),
        doc("b", "Bravo", "2020-01-06", _wire("PORTVILLE (Reuters) - 2,600 troops remain.")),
    ]
    _, findings = run(docs, [troop("a", 2500), troop("b", 2600)])
    assert findings and not any(f["key"] for f in findings)
    assert all(f["sources"] == 1 for f in findings)


def test_at_most_ten_in_print_and_the_rule_in_words() -> None:
    items = [
        {"category": "dispute", "evidence": [f"x{n}", f"y{n}"], "text": str(n)} for n in range(14)
    ]
    ranked = rank(items, {f"x{n}": "A" for n in range(14)} | {f"y{n}": "B" for n in range(14)})
    assert sum(1 for f in ranked if f["key"] and f["rank"] < MAX_KEY) == MAX_KEY == 10
    assert "same-time disputes among independent sources" in RULE
    assert RULE.index("revisions") < RULE.index("date disputes")
