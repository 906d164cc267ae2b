"""The report date as a cut-off."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from crossbrief import cutoff
from tests.unit.test_compare_rules import doc

DAY = dt.date(2024, 8, 1)


@pytest.mark.parametrize(
    ("published", "later"),
    [
        ("2024-08-01", False),
        ("2024-08-02", True),
        ("2024-07-31", False),
        ("2024-08", False),  # the month holds the report date: may be before it
        ("2024-09", True),
        ("2024", False),
        ("2025", True),
        ("2023-12-31", False),
    ],
)
def test_after_compares_dates_at_their_granularity(published: str, later: bool) -> None:
    assert cutoff.after(published, DAY) is later


def test_later_articles_leave_and_undated_ones_stay_flagged() -> None:
    docs = [
        doc("old.txt", "A", "2024-01-05"),
        doc("new.txt", "B", "2024-10-14"),
        doc("undated.txt", "C", None),
    ]
    cut = cutoff.cut(docs, DAY)
    assert [d.id for d in cut.kept] == ["old.txt", "undated.txt"]
    assert cut.kept[0].warnings == ()
    assert cut.kept[1].warnings == (cutoff.UNDATED,)
    assert list(cut.later) == ["new.txt"]
    assert "published 2024-10-14, after the report date 2024-08-01" in cut.later["new.txt"]
    assert cutoff.cut(docs, None).later == {}


def test_left_out_sets_status_and_reason_of_the_named_files_only() -> None:
    inputs = pd.DataFrame(
        [
            {"file": "a.txt", "status": "read", "reason": ""},
            {"file": "b", "status": "read", "reason": ""},
        ]
    )
    out = cutoff.left_out(inputs, cutoff.LATER, {"b": "too new"})
    assert out["status"].tolist() == ["read", cutoff.LATER]
    assert out["reason"].tolist() == ["", "too new"]
    assert inputs["status"].tolist() == ["read", "read"]  # the input is not changed
