"""Events found without a catalogue, on invented statements of invented places."""

from __future__ import annotations

from crossbrief.compare import discover
from crossbrief.extract import gazetteer
from crossbrief.records import DatedStatement, TimeValue

PLACES = gazetteer.build()


def said(
    document: str, text: str, date_text: str, value: str, granularity: str = "day"
) -> discover.Statement:
    start = text.index(date_text)
    date = TimeValue(date_text, start, start + len(date_text), value, granularity)
    statement = DatedStatement(f"{document}-{start}", document, date, text, 0, len(text))
    read = discover.features(statement, document, PLACES)
    assert read is not None
    return read


def found(*statements: discover.Statement) -> list[discover.Discovered]:
    return discover.discover(statements)


def test_one_happening_worded_differently_is_one_event() -> None:
    events = found(
        said(
            "a",
            "Militants fired rockets at the Qalat Ridge outpost on Tuesday, wounding "
            "four soldiers.",
            "Tuesday",
            "2031-05-06",
        ),
        said(
            "b",
            "Four soldiers were hurt when rockets struck the Qalat Ridge outpost on May 6.",
            "May 6",
            "2031-05-06",
        ),
    )
    assert len(events) == 1
    assert events[0].sources == ("a", "b")
    assert events[0].date == "2031-05-06"
    assert "rocket" in events[0].terms
    assert events[0].name and len(events[0].name.split()) <= discover.NAME_WORDS + 1


def test_two_happenings_on_one_day_stay_two_events() -> None:
    events = found(
        said(
            "a",
            "Gunmen ambushed a supply convoy near Korvel on Monday, burning six trucks.",
            "Monday",
            "2031-03-03",
        ),
        said(
            "b",
            "A supply convoy was ambushed by gunmen on March 3 and six trucks burned.",
            "March 3",
            "2031-03-03",
        ),
        said(
            "c",
            "The assembly approved the defence budget on Monday after a long debate.",
            "Monday",
            "2031-03-03",
        ),
        said("d", "Lawmakers approved the defence budget on March 3.", "March 3", "2031-03-03"),
    )
    assert sorted(e.sources for e in events) == [("a", "b"), ("c", "d")]


def test_attacks_on_different_bases_in_one_week_are_not_merged() -> None:
    events = found(
        said("a", "Drones attacked US troops at Harlan base on Monday.", "Monday", "2031-06-02"),
        said(
            "b", "Drones attacked US troops at Morrow airfield on Monday.", "Monday", "2031-06-02"
        ),
        said(
            "c",
            "Drones attacked US troops at Harlan base last week.",
            "last week",
            "2031-W23",
            "week",
        ),
    )
    assert [e.sources for e in events] == [("a", "c")]


def test_a_date_at_month_granularity_joins_a_day_in_that_month() -> None:
    events = found(
        said(
            "a",
            "In May 2031, the army withdrew its last battalion from Tessel province.",
            "May 2031",
            "2031-05",
            "month",
        ),
        said(
            "b",
            "The army withdrew its last battalion from Tessel province on May 20.",
            "May 20",
            "2031-05-20",
        ),
        said(
            "c",
            "The army withdrew its last battalion from Tessel province in June 2031.",
            "June 2031",
            "2031-06",
            "month",
        ),
    )
    assert len(events) == 1
    assert events[0].sources == ("a", "b")


def test_one_source_alone_is_no_event_and_a_statement_is_in_one_event_only() -> None:
    lone = found(
        said("a", "Rebels seized the Dunmore bridge on Friday.", "Friday", "2031-04-04"),
        said("a", "The Dunmore bridge was seized by rebels on April 4.", "April 4", "2031-04-04"),
    )
    assert lone == []
    events = found(
        said("a", "Rebels seized the Dunmore bridge on Friday.", "Friday", "2031-04-04"),
        said("b", "The Dunmore bridge was seized by rebels on April 4.", "April 4", "2031-04-04"),
        said("c", "Rebels seized the Dunmore bridge on April 4.", "April 4", "2031-04-04"),
    )
    ids = [s.id for e in events for s in e.statements]
    assert len(events) == 1 and len(ids) == len(set(ids)) == 3


def test_dates_a_day_apart_join_only_with_a_shared_name_or_place() -> None:
    near = found(
        said("a", "A missile hit the Varna Bay tanker on Sunday.", "Sunday", "2031-07-06"),
        said("b", "A missile hit the Varna Bay tanker on July 7.", "July 7", "2031-07-07"),
    )
    assert len(near) == 1
    apart = found(
        said("a", "A missile hit a tanker on Sunday.", "Sunday", "2031-07-06"),
        said("b", "A missile hit a tanker on July 7.", "July 7", "2031-07-07"),
    )
    assert apart == []


def test_a_sentence_that_tells_two_happenings_does_not_join_them() -> None:
    events = found(
        said(
            "a", "Militias shelled the Dorin airport in June 2030.", "June 2030", "2030-06", "month"
        ),
        said(
            "b",
            "In June 2030, after militias shelled the Dorin airport, the assembly voted "
            "to expel foreign troops.",
            "June 2030",
            "2030-06",
            "month",
        ),
        said(
            "c",
            "The assembly voted to expel foreign troops in June 2030.",
            "June 2030",
            "2030-06",
            "month",
        ),
    )
    assert events
    assert all({"a", "c"} - set(e.sources) for e in events)
