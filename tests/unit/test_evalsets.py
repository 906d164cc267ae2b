"""Scoring several labelled sets: per set, pooled, week-level dates, and the gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from crossbrief.cli import main
from crossbrief.evalsets import below_floors, discover, metric, pooled, score_set
from crossbrief.evaluate import date_agrees
from crossbrief.records import TimeValue


def make_set(root: Path, name: str, sentence: str, gold: dict[str, object]) -> Path:
    folder = root / name
    (folder / "articles").mkdir(parents=True)
    (folder / "gold").mkdir()
    (folder / "articles" / "a.txt").write_text(sentence + "\n", encoding="utf-8")
    (folder / "articles" / "sources.yaml").write_text(
        "a.txt:\n  outlet: Test Wire\n  published: 2022-05-04\n", encoding="utf-8"
    )
    (folder / "topic.yaml").write_text("name: test theme\ndefault_actor:\n", encoding="utf-8")
    record = {"document": "a.txt", "published": "2022-05-04", **gold}
    (folder / "gold" / "a.yaml").write_text(yaml.safe_dump(record), encoding="utf-8")
    return folder


def troop(value: int, quote: str, location: str) -> dict[str, object]:
    return {
        "value": value,
        "qualifier": "exact",
        "actor": "Canada",
        "location": location,
        "kind": "present",
        "attributed_to": None,
        "quote": quote,
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    make_set(
        tmp_path,
        "found",
        "Canada has 640 soldiers in Latvia.",
        {"troop_figures": [troop(640, "Canada has 640 soldiers in Latvia", "Latvia")]},
    )
    make_set(
        tmp_path,
        "missed",
        "Canada has 640 soldiers in Latvia.",
        {"troop_figures": [troop(900, "Canada has 640 soldiers in Latvia", "Latvia")]},
    )
    (tmp_path / "not-a-set").mkdir()
    return tmp_path


def test_sets_are_found_scored_one_by_one_and_pooled(corpus: Path) -> None:
    sets = discover(corpus)
    assert [s.name for s in sets] == ["found", "missed"]
    scores = [score_set(s) for s in sets]
    assert metric(scores[0], "troop_figure.f1") == 1.0
    assert metric(scores[1], "troop_figure.recall") == 0.0
    total = pooled(scores)
    assert (total.types["troop_figure"].tp, total.types["troop_figure"].fn) == (1, 1)
    assert total.types["troop_figure"].fp == 1
    assert metric(total, "troop_figure.kind") == 1.0
    assert metric(total, "casualty.f1") is None  # no item of that kind: no figure


def test_floors_name_every_shortfall(corpus: Path) -> None:
    total = pooled([score_set(s) for s in discover(corpus)])
    failures = below_floors(total, {"troop_figure.f1": 0.9, "attributes": 0.5}, "pooled")
    assert failures == ["pooled: troop_figure.f1 is 0.500, below its floor 0.900"]


def test_the_command_scores_a_corpus_and_fails_below_its_floors(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.yaml"
    floors.write_text("pooled:\n  troop_figure.f1: 0.4\n", encoding="utf-8")
    assert main(["eval", "--corpus", str(corpus), "--floors", str(floors)]) == 0
    assert "pooled" in capsys.readouterr().out
    floors.write_text("pooled:\n  troop_figure.f1: 0.6\n", encoding="utf-8")
    assert main(["eval", "--corpus", str(corpus), "--floors", str(floors)]) == 1
    assert "below its floor 0.600" in capsys.readouterr().err
    assert main(["eval", "--set", str(corpus / "found"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["found"]["types"]["troop_figure"]["f1"] == 1.0


def test_a_week_counts_as_right_when_the_gold_date_lies_in_it() -> None:
    week = TimeValue("last week", 0, 9, "2021-W10", "week")  # 8-14 March 2021
    assert date_agrees(week, "2021-03-08") and date_agrees(week, "2021-03-14")
    assert not date_agrees(week, "2021-03-15")
    assert date_agrees(week, "2021-03") and not date_agrees(week, "2021-04")


def test_extract_without_a_topic_says_it_uses_the_neutral_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "b.txt"
    article.write_text("Norway keeps 120 troops in Lithuania.\n", encoding="utf-8")
    assert main(["extract", str(article), "--published", "2023-02-01", "--json"]) == 0
    out = capsys.readouterr()
    assert "neutral built-in topic" in out.err
    claims = json.loads(out.out)["claims"]
    assert [(c["value"], c["location"]) for c in claims] == [(120, "Lithuania")]
