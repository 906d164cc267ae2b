"""Comparison in time on synthetic claim sets: as-of dates, trajectories and changes,
same-time disputes, sequences inside one article, date intervals, like with like."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from crossbrief.compare.asof import as_of, sentence_dates
from crossbrief.compare.timeline import interval, overlap, periods, weekday_years
from crossbrief.records import (
    Claim,
    DatedStatement,
    EventMention,
    Extraction,
    TimeValue,
)
from tests.unit.test_compare_rules import doc, run, troop


def casualty(document: str, value: float, outcome: str, since: str | None = None) -> Claim:
    base = troop(document, value)
    window = TimeValue("since", 0, 0, since, "month", since=True) if since else None
    return replace(
        base,
        measure="casualty",
        kind=None,
        outcome=outcome,
        who="soldiers",
        location="Harbour Town",
        window_start=window,
    )


def test_a_figure_that_changed_is_a_trajectory_not_a_dispute() -> None:
    docs = [
        doc("a", "Alpha", "2020-01-20"),
        doc("b", "Bravo", "2020-10-05"),
        doc("c", "Charlie", "2024-02-01"),
        doc("d", "Delta", "2024-02-10"),
    ]
    claims = [troop("a", 5200), troop("b", 3000), troop("c", 2500), troop("d", 2500)]
    tables, findings = run(docs, claims)
    assert tables.troop_series["headline"].tolist() == [5200, 3000, 2500]
    assert not tables.troop_series["dispute"].any()
    assert "dispute" not in set(tables.conflicts["type"])
    [trajectory] = [f for f in findings if f["category"] == "trajectory"]
    assert trajectory["text"] == (
        "US troops in Iraq (headcount) over time: 5,200 on 20 January 2020 (Alpha) -> "
        "3,000 on 5 October 2020 (Bravo) -> 2,500 in February 2024 (Charlie; Delta)."
    )
    changes = [f["text"] for f in findings if f["category"] == "change"]
    assert changes == [
        "Change: US troops in Iraq (headcount), 5,200 on 20 January 2020 -> 3,000 on "
        "5 October 2020 (Alpha -> Bravo).",
        "Change: US troops in Iraq (headcount), 3,000 on 5 October 2020 -> 2,500 in "
        "February 2024 (Bravo -> Charlie; Delta).",
    ]


def test_sources_that_differ_about_the_same_time_dispute() -> None:
    docs = [doc("a", "Alpha", "2024-03-01"), doc("b", "Bravo", "2024-03-30")]
    tables, findings = run(docs, [troop("a", 2500), troop("b", 4000)])
    [period] = tables.troop_series.to_dict("records")
    assert period["dispute"] and period["when"] == "March 2024"
    [conflict] = tables.conflicts[tables.conflicts["type"] == "dispute"].to_dict("records")
    assert "March 2024" in conflict["subject"]
    [finding] = [f for f in findings if f["category"] == "dispute"]
    assert finding["text"].startswith("Sources dispute US troops in Iraq (headcount), as of")
    later = [doc("c", "Charlie", "2024-09-01")]
    tables, findings = run(docs + later, [troop("a", 2500), troop("b", 4000), troop("c", 5000)])
    [trajectory] = [f for f in findings if f["category"] == "trajectory"]
    assert "(the median of a dispute: Alpha: 2,500; Bravo: 4,000)" in trajectory["text"]
    # further apart than same_time_days the same figures are a change instead
    wide, _ = run(docs, [troop("a", 2500), troop("b", 4000)], same_time_days=10)
    assert not wide.troop_series["dispute"].any() and len(wide.troop_changes) == 1


def test_a_sequence_inside_one_article_is_no_inconsistency() -> None:
    docs = [doc("a", "Alpha", "2024-05-01")]
    sentence = "The force shrank from about 2,000 to fewer than 1,000 soldiers."
    drawdown = [troop("a", 2000, sentence=sentence), troop("a", 1000, sentence=sentence)]
    tables, _ = run(docs, drawdown)
    assert "internal" not in set(tables.conflicts["type"])
    # the same two figures in different sentences, both as of publication, contradict
    apart = [troop("a", 2000), troop("a", 1000)]
    tables, findings = run(docs, apart)
    assert tables.conflicts["type"].tolist() == ["internal"]
    assert any(f["text"].startswith("Internal inconsistency") for f in findings)
    # ... unless the article dates them differently: then it tells a sequence
    dated = [troop("a", 2000, as_of="2023-01"), troop("a", 1000)]
    tables, _ = run(docs, dated)
    assert "internal" not in set(tables.conflicts["type"])
    # a sequence sentence is no side of a contradiction with a level told elsewhere
    tables, _ = run(docs, [*drawdown, troop("a", 1500)])
    assert "internal" not in set(tables.conflicts["type"])
    # figures the article attributes to different sources report a dispute
    quoted = [troop("a", 2000, attributed="the ministry"), troop("a", 1000, attributed="reports")]
    tables, _ = run(docs, quoted)
    assert "internal" not in set(tables.conflicts["type"])
    # two additions in one article are two events
    added = [troop("a", 300, kind="additional"), troop("a", 4000, kind="additional")]
    tables, _ = run(docs, added)
    assert "internal" not in set(tables.conflicts["type"])


def test_casualties_of_different_outcomes_and_windows_are_kept_apart() -> None:
    docs = [doc("a", "Alpha", "2024-05-01"), doc("b", "Bravo", "2024-05-02")]
    claims = [casualty("a", 3000, "killed_or_wounded"), casualty("b", 1000, "killed")]
    tables, findings = run(docs, claims)
    summary = tables.casualty_summary
    assert sorted(summary["outcome"]) == ["killed", "killed_or_wounded"]
    assert summary["independent"].tolist() == [1, 1]
    assert not any("differ" in f["text"] for f in findings)
    windows = [casualty("a", 900, "killed", "2023-10"), casualty("b", 300, "killed", "2024-03")]
    tables, _ = run(docs, windows)
    assert tables.casualty_summary["independent"].tolist() == [1, 1]
    same = [casualty("a", 900, "killed", "2023-10"), casualty("b", 300, "killed", "2023-10")]
    tables, findings = run(docs, same)
    [row] = tables.casualty_summary.to_dict("records")
    assert row["independent"] == 2 and not row["agree"]
    assert any("counted since 2023-10" in f["text"] for f in findings)


def mention(name: str, document: str, value: str, granularity: str) -> EventMention:
    return EventMention(
        name, document, "talks", TimeValue(value, 0, 0, value, granularity), "q", 0, 1
    )


def test_dates_disagree_only_when_their_intervals_are_disjoint() -> None:
    docs = [doc("a", "Alpha", "2020-01-05"), doc("b", "Bravo", "2020-01-06")]
    # "last week" written on 5 January 2020 is a week that holds 3 January
    overlapping = (mention("m1", "a", "2020-W01", "week"), mention("m2", "b", "2020-01-03", "day"))
    tables, findings = run(docs, [], overlapping)
    between = tables.event_disagreements
    assert between[between["second"] != "catalogue"].empty
    assert not any("disagree on a date" in f["text"] for f in findings)
    disjoint = (mention("m1", "a", "2020-W01", "week"), mention("m2", "b", "2020-01-13", "day"))
    tables, findings = run(docs, [], disjoint)
    [finding] = [f for f in findings if "disagree on a date" in f["text"]]
    assert "Alpha 2020-W01" in finding["text"] and "Bravo 2020-01-13" in finding["text"]
    assert len(tables.event_date_findings) == 1


def test_intervals_and_periods() -> None:
    assert interval("2020-W01") == (dt.date(2019, 12, 30), dt.date(2020, 1, 5))
    assert interval("2020-02") == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    assert interval("2020") == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert interval("not a date") is None
    year, day = interval("2020"), interval("2020-06-01")
    assert year and day and overlap(year, day)
    spans = [interval(v) for v in ("2024-01-01", "2024-02-10", "2024-02-20", "2024-04-10")]
    # a period is anchored at its first figure: 1 Jan and 10 Feb together, 20 Feb not
    assert periods(spans, lambda s: s, 45) == [0, 0, 1, 2]


def test_a_contradicting_weekday_names_the_years_it_would_fit() -> None:
    assert weekday_years(dt.date(2021, 12, 26), 5) == (2020, 2026)


def test_as_of_comes_from_the_clause_then_the_sentence_then_publication() -> None:
    base = troop("a", 2500)
    said = TimeValue("on Monday", base.start + 5, base.start + 14, "2024-04-29", "day")
    background = TimeValue("in 2014", base.start + 20, base.start + 27, "2014", "year")
    statements = (
        DatedStatement("s1", "a", said, "q", base.sentence_start, base.sentence_end),
        DatedStatement("s2", "a", background, "q", base.sentence_start, base.sentence_end),
    )
    extraction = Extraction("a", "2024-05-01", (base,), (), statements)
    dates = sentence_dates(extraction)
    assert as_of(base, "2024-05-01", dates).value == "2024-04-29"
    assert as_of(base, "2024-05-01", dates).source == "sentence"
    clause = replace(base, as_of=TimeValue("in March", 0, 0, "2024-03", "month"))
    assert as_of(clause, "2024-05-01", dates).source == "clause"
    only_year = sentence_dates(replace(extraction, other_dated=statements[1:]))
    assert as_of(base, "2024-05-01", only_year).value == "2024-05-01"
    # a date after publication dates a plan, never a present headcount
    target = TimeValue("by 30 June", base.start + 5, base.start + 15, "2024-06-30", "day")
    ahead = {base.sentence_start: [target]}
    assert as_of(base, "2024-05-01", ahead).value == "2024-05-01"
    assert as_of(replace(base, kind="planned"), "2024-05-01", ahead).value == "2024-06-30"
    # a date with another number between it and the figure belongs to that number
    other = replace(base, sentence="2,500 now, against 900 on 29 April", sentence_start=0)
    other = replace(other, start=0, end=5)
    late = TimeValue("on 29 April", 25, 36, "2024-04-29", "day")
    assert as_of(other, "2024-05-01", {0: [late]}).value == "2024-05-01"
    near = replace(other, sentence="2,500 now, said on 29 April by 900 people")
    assert as_of(near, "2024-05-01", {0: [replace(late, start=16)]}).value == "2024-04-29"


def test_planned_and_withdrawn_figures_are_measures_of_their_own() -> None:
    docs = [doc("a", "Alpha", "2024-05-01"), doc("b", "Bravo", "2024-05-02")]
    claims = [
        troop("a", 2500),
        troop("b", 2500),
        troop("a", 10000, kind="planned"),
        troop("b", 800, kind="withdrawn"),
        troop("a", 400, kind="additional"),
    ]
    tables, _ = run(docs, claims)
    keys = set(tables.troop_series["group_key"])
    assert keys == {
        "US | Iraq | headcount",
        "US | Iraq | planned",
        "US | Iraq | withdrawn",
        "US | Iraq | additional",
    }
    assert not tables.troop_series["dispute"].any()


def test_a_source_stands_in_a_period_for_its_latest_figure() -> None:
    docs = [doc("a", "Alpha", "2024-03-10"), doc("b", "Bravo", "2024-03-12")]
    # Alpha gives 2,000 as of 1 March and 2,500 as of its publication; Bravo 2,500
    claims = [troop("a", 2000, as_of="2024-03-01"), troop("a", 2500), troop("b", 2500)]
    tables, _ = run(docs, claims)
    [period] = tables.troop_series.to_dict("records")
    assert not period["dispute"] and period["by_source"] == "Alpha: 2,500; Bravo: 2,500"
    assert "dispute" not in set(tables.conflicts["type"])


def test_a_source_stands_for_its_first_figure_in_the_text_on_a_tie() -> None:
    docs = [doc("a", "Alpha", "2022-02-16"), doc("b", "Bravo", "2022-02-17")]
    lead = replace(troop("a", 148000, as_of="2022-02-16"), id="z-lead", start=10)
    part = replace(troop("a", 126000, as_of="2022-02-16"), id="a-part", start=90)
    tables, _ = run(docs, [part, lead, troop("b", 150000, as_of="2022-02-17")])
    [period] = tables.troop_series.to_dict("records")
    assert "Alpha: 148,000" in period["by_source"] and "126,000" not in period["by_source"]
    assert not period["dispute"]  # 148,000 and 150,000 agree
