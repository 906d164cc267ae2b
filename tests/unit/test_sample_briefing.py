"""The sample articles through ingest, extraction and comparison (in process): the
findings the issue names must come out of the computed tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crossbrief.compare import frame
from crossbrief.compare.stage import Tables, compare
from crossbrief.evaluate import Score, load_gold, score_document
from crossbrief.extract.document import Extractor
from crossbrief.ingest.manifest import load as load_manifest
from crossbrief.ingest.stage import read_article
from crossbrief.records import Document
from crossbrief.topic import load

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def sample() -> tuple[Tables, list[dict[str, Any]], list[Document], Extractor]:
    manifest = load_manifest(SEEDS / "sources.yaml")
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        record = read_article(SEEDS, path.name, manifest.get(path.name), 10**8)
        assert isinstance(record, Document)
        docs.append(record)
    topic = load(ROOT / "config" / "topic.yaml")
    extractor = Extractor.for_topic(topic)
    corpus = frame.Corpus(docs, [], [extractor.extract(d) for d in docs])
    tables, findings = compare(corpus, [], topic, "median", strict=False)
    return tables, findings, docs, extractor


def test_us_troops_in_iraq_three_sources_against_one(sample: Any) -> None:
    tables, findings, _, _ = sample
    troops = tables.troops
    iraq = troops[troops["group_key"] == "US | Iraq | headcount"]
    by_value = {v: sorted(set(iraq[iraq["value"] == v]["outlet"])) for v in set(iraq["value"])}
    assert by_value == {
        2500: ["Iran Daily", "New Eastern Outlook", "Tehran Times"],
        3000: ["World at Large"],
    }
    assert iraq[iraq["value"] == 3000]["attributed_to"].tolist() == ["generally reported"]
    # Under the time rules (issue 12) these figures are not one pile: each holds as of its
    # article's publication date (August 2021, January 2022, January 2024, July 2024), more
    # than same_time_days apart, so the finding is a trajectory with a change from 2,500 to
    # 3,000 in 2024, no longer "2,500 by three sources against 3,000 by one".
    text = next(
        f["text"] for f in findings if f["text"].startswith("US troops in Iraq (headcount)")
    )
    assert text == (
        "US troops in Iraq (headcount) over time: 2,500 from 5 August 2021 to 31 January 2024 "
        "(New Eastern Outlook; Tehran Times; Iran Daily (about)) -> 3,000 on 11 July 2024 "
        '(World at Large, as "generally reported").'
    )
    [change] = [f for f in findings if f["category"] == "change"]
    assert change["text"].startswith(
        "Change: US troops in Iraq (headcount), 2,500 on 31 January 2024 -> 3,000 on "
        "11 July 2024 (Iran Daily -> World at Large)"
    )
    assert tables.troop_series["dispute"].sum() == 0


def test_khazali_additional_troops_are_kept_apart(sample: Any) -> None:
    tables, findings, _, _ = sample
    change = tables.troops[tables.troops["kind_class"] == "change"]
    assert change[["outlet", "value", "kind", "attributed_to"]].values.tolist() == [
        ["Islam Times", 2500, "additional", "Qais Khazali"]
    ]
    assert any(f["text"].startswith("Islam Times reports 2,500 additional") for f in findings)


def test_about_900_in_syria_agreed(sample: Any) -> None:
    tables, _, _, _ = sample
    [syria] = tables.troop_groups[
        tables.troop_groups["group_key"] == "US | Syria | headcount"
    ].to_dict("records")
    assert (syria["mode"], syria["agreement"], syria["independent"]) == (900, 1.0, 2)


def test_cumulative_attack_counts_flagged(sample: Any) -> None:
    tables, _, _, _ = sample
    attacks = tables.attacks.set_index("claim")
    [flag] = tables.attack_flags.to_dict("records")
    earlier, later = attacks.loc[flag["earlier"]], attacks.loc[flag["later"]]
    assert (earlier["outlet"], earlier["value"], earlier["as_of"], earlier["attributed_to"]) == (
        "Iran Daily",
        150,
        "2024-01-31",
        "Pentagon",
    )
    assert (later["outlet"], later["value"], later["as_of"]) == (
        "World at Large",
        100,
        "2024-07-11",
    )
    assert earlier["qualifier"] == later["qualifier"] == "more_than"


def test_first_round_of_talks_dates_disagree(sample: Any) -> None:
    tables, _, _, _ = sample
    rows = tables.event_disagreements
    talks = rows[(rows["event"] == "hmc_talks_start") & (rows["second"] != "catalogue")]
    assert talks[["first", "first_date", "second", "second_date"]].values.tolist() == [
        ["Iran Daily", "2024-01-27", "Islam Times", "2024-02"]
    ]


def test_tehran_times_weekday_flagged(sample: Any) -> None:
    tables, findings, _, _ = sample
    weekday = tables.conflicts[tables.conflicts["type"] == "weekday"]
    assert len(weekday) == 1 and "Saturday, December 26" in weekday.iloc[0]["explanation"]
    assert any("2021-12-26 was a Sunday" in f["text"] for f in findings)


def test_every_finding_cites_claims_that_exist(sample: Any) -> None:
    tables, findings, _, _ = sample
    known = (
        set(tables.claims["claim"])
        | set(tables.event_dates["mention"])
        | set(tables.dated_statements["statement"])
    )
    for finding in findings:
        assert finding["evidence"] and set(finding["evidence"]) <= known, finding


# Floors at what the extractor reaches on the public gold (see README); the scorer is
# the one `crossbrief eval` uses, never loosened to reach them.
FLOORS = {"troop_figure": 0.95, "attack_count": 0.95, "casualty": 0.95}


def test_extraction_quality_floor_on_the_gold(sample: Any) -> None:
    _, _, docs, extractor = sample
    score = Score()
    texts = {d.id: d for d in docs}
    for gold in load_gold(ROOT / "tests" / "gold"):
        doc = texts[gold["document"]]
        score_document(score, doc.text, gold, extractor.extract(doc))
    for measure, floor in FLOORS.items():
        assert score.types[measure].f1 >= floor, (measure, score.types[measure].errors)
    assert score.types["event"].precision >= 0.9 and score.types["event"].recall >= 0.9
    for name, accuracy in score.attributes.items():
        assert accuracy.value >= 0.9, (name, accuracy.errors)
