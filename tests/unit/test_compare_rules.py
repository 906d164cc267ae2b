"""Each comparison rule on synthetic claim sets: ties, one source, unknown dates,
reprints, policies, cumulative counts, date and weekday conflicts."""

from __future__ import annotations

import hashlib
from itertools import count
from typing import Any

import pandas as pd
import pytest

from crossbrief.compare import frame
from crossbrief.compare.credibility import admiralty
from crossbrief.compare.rules_text import SAME_TIME_DAYS
from crossbrief.compare.stage import Tables, compare
from crossbrief.records import (
    Claim,
    DatedStatement,
    Document,
    EventMention,
    Extraction,
    Paragraph,
    TimeValue,
)
from crossbrief.topic import Event, Rule, Topic

TOPIC = Topic(
    name="Test",
    events=(Event("talks", "First round of talks", "2024-01-27", rules=(Rule((("talks",),)),)),),
)
_ids = count(1)


def doc(name: str, outlet: str, published: str | None, body: str | None = None) -> Document:
    text = body or f"{outlet} writes its own story number {name} about troops and talks."
    return Document(
        id=name,
        path=name,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        size=len(text),
        encoding="utf-8",
        text=text,
        paragraphs=(Paragraph(0, len(text), "body"),),
        offsets=((0, 0),),
        outlet=outlet,
        published=published,
        known={"published": "manifest" if published else "unknown"},
    )


def troop(
    document: str,
    value: float,
    location: str = "Iraq",
    kind: str = "present",
    qualifier: str = "exact",
    attributed: str | None = None,
    sentence: str | None = None,
    as_of: str | None = None,
) -> Claim:
    n = next(_ids)
    return Claim(
        id=f"c{n}",
        document=document,
        measure="troop_figure",
        value=value,
        low=value,
        high=value,
        qualifier=qualifier,
        quote=f"{value} troops",
        start=n,
        end=n + 1,
        sentence=sentence or f"sentence {n}",
        sentence_start=n,
        sentence_end=n + 1,
        as_of=TimeValue(as_of, 0, 0, as_of, "month" if len(as_of) == 7 else "day")
        if as_of
        else None,
        actor="US",
        location=location,
        kind=kind,
        attributed_to=attributed,
    )


def attack(
    document: str,
    value: float,
    since: str,
    as_of: str,
    locations: tuple[str, ...] = ("Iraq",),
    target: str = "US forces",
) -> Claim:
    n = next(_ids)
    return Claim(
        id=f"a{n}",
        document=document,
        measure="attack_count",
        value=value,
        low=value,
        high=None,
        qualifier="more_than",
        quote=f"over {value} times",
        start=n,
        end=n + 1,
        sentence="s",
        sentence_start=n,
        sentence_end=n + 1,
        actor="US",
        target=target,
        locations=locations,
        window_start=TimeValue(
            "since", 0, 0, since, "month" if len(since) == 7 else "day", since=True
        ),
        as_of=TimeValue(as_of, 0, 0, as_of, "day", kind="publication"),
    )


def run(
    docs: list[Document],
    claims: list[Claim],
    events: tuple[EventMention, ...] = (),
    policy: str = "median",
    dated: tuple[DatedStatement, ...] = (),
    same_time_days: int = SAME_TIME_DAYS,
) -> tuple[Tables, list[dict[str, Any]]]:
    """Compare the given claims, event mentions and dated statements of ``docs``."""
    extractions = [
        Extraction(
            d.id,
            d.published,
            tuple(c for c in claims if c.document == d.id),
            tuple(e for e in events if e.document == d.id),
            tuple(s for s in dated if s.document == d.id),
        )
        for d in docs
    ]
    corpus = frame.Corpus(docs, [], extractions)
    return compare(corpus, [], TOPIC, policy, strict=False, same_time_days=same_time_days)


def groups_of(tables: Tables) -> pd.DataFrame:
    return tables.troop_groups


def test_agreement_mode_outlier_and_headline() -> None:
    # within same_time_days of each other: one period, so the sources are compared
    docs = [
        doc("a", "A", "2024-01-01"),
        doc("b", "B", "2024-01-11"),
        doc("c", "C", "2024-01-21"),
        doc("d", "D", "2024-02-01"),
    ]
    claims = [
        troop("a", 2500),
        troop("b", 2500, qualifier="approx"),
        troop("c", 2450),
        troop("d", 3000),
    ]
    tables, findings = run(docs, claims)
    [g] = groups_of(tables).to_dict("records")
    assert (g["independent"], g["mode"], g["median"], g["spread"]) == (4, 2500, 2500, 550)
    assert g["agreement"] == 0.75
    assert g["outliers"] == "D (3,000)"
    assert "very likely about 2,500" in findings[0]["text"]
    assert set(findings[0]["evidence"]) == {c.id for c in claims}


def test_tie_in_the_mode_takes_the_lowest_and_claims_no_likelihood() -> None:
    docs = [doc("a", "A", "2024-01-01"), doc("b", "B", "2024-02-01")]
    tables, findings = run(docs, [troop("a", 2500), troop("b", 3000)])
    [g] = groups_of(tables).to_dict("records")
    assert (g["mode"], g["agreement"], g["outliers"]) == (2500, 0.5, "")
    assert "likely" not in findings[0]["text"]


@pytest.mark.parametrize(
    ("policy", "expected"), [("median", 2750), ("conservative", 2500), ("latest", 3000)]
)
def test_headline_policies(policy: str, expected: float) -> None:
    docs = [doc("a", "A", "2024-01-01"), doc("b", "B", "2024-05-01"), doc("u", "U", None)]
    claims = [troop("a", 2500), troop("b", 3000), troop("u", 2750)]
    tables, _ = run(docs, claims, policy=policy)
    [g] = groups_of(tables).to_dict("records")
    assert (g["headline"], g["policy"]) == (expected, policy)


def test_one_source_only_cannot_be_judged() -> None:
    tables, findings = run([doc("a", "A", "2024-01-01")], [troop("a", 900, location="Syria")])
    [g] = groups_of(tables).to_dict("records")
    assert (g["independent"], g["agreement"]) == (1, 1.0)
    assert tables.credibility["score"].tolist() == [6]
    assert "900 by one source (A)" in findings[0]["text"]


def test_unknown_publication_date_sorts_last_and_still_counts() -> None:
    docs = [doc("u", "U", None), doc("a", "A", "2024-01-01")]
    tables, _ = run(docs, [troop("u", 2500), troop("a", 2500)])
    rows = tables.troops
    assert rows["outlet"].tolist() == ["A", "U"]
    assert groups_of(tables)["independent"].tolist() == [2]


def test_reprints_count_once() -> None:
    body = (
        "The ministry said on Monday that about 2,500 soldiers remain at the base near the "
        "capital, and that talks on the future of the mission will resume next month. "
    ) * 3
    docs = [
        doc("a", "A", "2024-01-01", body),
        doc("b", "B", "2024-01-02", body + " Copied."),
        doc("c", "C", "2024-01-03"),
    ]
    claims = [troop("a", 2500), troop("b", 2500), troop("c", 3000)]
    tables, _ = run(docs, claims)
    reprints = tables.reprints.set_index("document")["group"]
    assert reprints["a"] == reprints["b"] != reprints["c"]
    [g] = groups_of(tables).to_dict("records")
    assert (g["sources"], g["independent"]) == (3, 2)
    scores = tables.credibility.set_index("claim")["agree"]
    assert scores[claims[0].id] == 0  # a copy does not corroborate its original


def test_headcounts_and_changes_are_kept_apart() -> None:
    docs = [doc("a", "A", "2024-01-01"), doc("b", "B", "2024-02-01")]
    tables, findings = run(docs, [troop("a", 2500), troop("b", 2500, kind="additional")])
    assert sorted(groups_of(tables)["kind_class"]) == ["change", "headcount"]
    assert any("change, not a headcount" in f["text"] for f in findings)


def test_later_lower_cumulative_count_is_flagged_only_for_close_windows() -> None:
    docs = [doc("a", "A", "2024-01-31"), doc("b", "B", "2024-07-11"), doc("c", "C", "2024-08-01")]
    claims = [
        attack("a", 150, "2023-10", "2024-01-31"),
        attack("b", 100, "2023-10-07", "2024-07-11"),
        attack("c", 20, "2024-06", "2024-08-01"),
    ]
    tables, findings = run(docs, claims)
    flags = tables.attack_flags
    assert flags[["earlier", "later"]].values.tolist() == [[claims[0].id, claims[1].id]]
    assert any("cannot fall" in f["text"] for f in findings)
    rates = tables.attacks.set_index("claim")["rate_per_week"]
    assert rates[claims[0].id] == pytest.approx(
        150 / ((pd.Timestamp("2024-01-31") - pd.Timestamp("2023-10-01")).days / 7), rel=0.01
    )


def test_counts_of_different_scopes_are_not_one_cumulative_series() -> None:
    docs = [doc("a", "A", "2024-01-31"), doc("b", "B", "2024-07-11"), doc("c", "C", "2024-08-01")]
    claims = [
        attack("a", 150, "2023-10", "2024-01-31", locations=("Iraq", "Syria")),
        attack("b", 60, "2023-10-07", "2024-07-11", locations=("Red Sea",), target="ships"),
        attack("c", 40, "2023-10-07", "2024-08-01", locations=("Syria",)),
    ]
    tables, findings = run(docs, claims)
    assert tables.attack_flags.empty
    assert not any("cannot fall" in f["text"] for f in findings)


def test_event_date_disagreements_between_sources_and_with_the_catalogue() -> None:
    docs = [doc("a", "A", "2024-01-31"), doc("b", "B", "2024-03-18"), doc("c", "C", "2024-02-01")]
    mentions = [
        EventMention(
            "m1", "a", "talks", TimeValue("on Saturday", 0, 0, "2024-01-27", "day"), "q", 0, 1
        ),
        EventMention(
            "m2", "b", "talks", TimeValue("in February", 0, 0, "2024-02", "month"), "q", 0, 1
        ),
        EventMention(
            "m3", "c", "talks", TimeValue("in January", 0, 0, "2024-01", "month"), "q", 0, 1
        ),
    ]
    tables, findings = run(docs, [], tuple(mentions))
    pairs = tables.event_disagreements[["first", "second"]].values.tolist()
    assert {frozenset(p) for p in pairs} == {
        frozenset({"A", "B"}),
        frozenset({"B", "C"}),
        frozenset({"B", "catalogue"}),
    }
    matrix = tables.events_matrix.iloc[0]
    assert (matrix["A"], matrix["B"], matrix["catalogue_date"]) == (
        "2024-01-27",
        "2024-02",
        "2024-01-27",
    )
    # one finding per event, listing every source's date (and the catalogue's)
    [finding] = [f for f in findings if "disagree on a date" in f["text"]]
    assert all(d in finding["text"] for d in ("2024-01-27", "2024-02", "2024-01 "))
    assert set(finding["evidence"]) == {"m1", "m2", "m3"}


def test_weekday_conflict_and_internal_inconsistency() -> None:
    docs = [doc("a", "A", "2022-01-01")]
    bad_day = TimeValue(
        "Saturday, December 26",
        0,
        0,
        "2021-12-26",
        "day",
        note="says Saturday but 2021-12-26 is a Sunday",
    )
    mention = EventMention("m1", "a", "talks", bad_day, "q", 0, 1)
    tables, findings = run(docs, [troop("a", 2500), troop("a", 5000)], (mention,))
    types = tables.conflicts["type"].tolist()
    assert types.count("weekday") == 1 and types.count("internal") == 1
    assert any("was a Sunday" in f["text"] for f in findings)


@pytest.mark.parametrize(
    ("agreeing", "disagreeing", "score"),
    [(0, 0, 6), (2, 0, 1), (1, 0, 2), (3, 1, 2), (1, 1, 3), (0, 1, 4), (1, 2, 4), (0, 3, 5)],
)
def test_admiralty_scale(agreeing: int, disagreeing: int, score: int) -> None:
    assert admiralty(agreeing, disagreeing) == score


def test_attack_count_without_a_window_has_no_rate_and_no_flag() -> None:
    docs = [doc("a", "A", "2024-01-31"), doc("b", "B", "2024-07-11")]
    windowless = attack("b", 90, "2023-10", "2024-07-11")
    windowless = Claim(**{**windowless.__dict__, "window_start": None})
    tables, _ = run(docs, [attack("a", 150, "2023-10", "2024-01-31"), windowless])
    rates = tables.attacks.set_index("claim")["rate_per_week"]
    assert pd.isna(rates[windowless.id])
    assert tables.attack_flags.empty


def test_agreement_counts_match_the_pairwise_rule() -> None:
    import random

    from crossbrief.compare.figures import Agreement, agree

    rng = random.Random(3)
    for _ in range(500):
        values = [
            rng.choice([2500.0, 2250.0, 2750.0, 2777.78, 2249.9, rng.uniform(0, 5000)])
            for _ in range(rng.randint(1, 30))
        ]
        probe = rng.choice([*values, rng.uniform(0, 5000)])
        assert Agreement(values).count(probe) == sum(agree(probe, v) for v in values)
