"""Changes since the latest earlier briefing: finding its snapshot, and what differs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crossbrief import changes


def _snap(
    date: str,
    sources: list[str],
    figures: list[tuple[str, str, str]],
    disputes: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    """figures: (claim, group_key, value)."""
    groups: dict[str, list[float]] = {}
    for _, key, value in figures:
        groups.setdefault(key, []).append(float(value))
    return changes.snapshot(
        date,
        [{"document": s, "outlet": s.upper(), "title": "", "published": date} for s in sources],
        [
            {
                "group_key": k,
                "actor": k.split("|")[0],
                "location": k.split("|")[1],
                "kind_class": "headcount",
                "headline": str(max(v)),
                "minimum": str(min(v)),
                "maximum": str(max(v)),
            }
            for k, v in groups.items()
        ],
        [
            {"group_key": k, "claim": c, "outlet": "Wire", "qualifier": "approx", "value": v}
            for c, k, v in figures
        ],
        [{"type": t, "subject": s, "explanation": f"{s} differs"} for t, s in disputes],
    )


def test_latest_earlier_passes_over_later_dates_kept_copies_and_other_files(
    tmp_path: Path,
) -> None:
    assert changes.latest_earlier(tmp_path / "none", "2024-08-01") is None
    for name in (
        "briefing-2024-05-01.json",
        "briefing-2024-07-01.json",
        "briefing-2024-07-15.1.json",
        "briefing-2024-07-20.pdf",
        "briefing-2024-08-01.json",
        "briefing-2024-09-01.json",
        ".briefing-2024-07-30.json.previous",
    ):
        (tmp_path / name).write_text("{}")
    found = changes.latest_earlier(tmp_path, "2024-08-01")
    assert found == tmp_path / "briefing-2024-07-01.json"
    assert changes.latest_earlier(tmp_path, "2024-05-01") is None


def test_no_earlier_briefing_means_no_changes() -> None:
    assert changes.changes(None, _snap("2024-08-01", ["a"], [])) == {"since": None}


def test_new_and_removed_sources_figures_groups_and_disputes() -> None:
    before = _snap(
        "2024-07-01",
        ["a", "b"],
        [("c1", "US|Iraq", "2500"), ("c2", "US|Syria", "900")],
        [("value", "US troops, Syria"), ("date", "talks")],
    )
    after = _snap(
        "2024-08-01",
        ["a", "c"],
        [("c1", "US|Iraq", "2500"), ("c3", "US|Iraq", "3000"), ("c4", "US|Jordan", "3000")],
        [("value", "US troops, Iraq"), ("date", "talks")],
    )
    found = changes.changes(before, after)
    assert found["since"] == "2024-07-01"
    assert [s["document"] for s in found["sources_added"]] == ["c"]
    assert [s["document"] for s in found["sources_removed"]] == ["b"]
    by_group = {g["group"]: g for g in found["groups"]}
    assert by_group["US|Iraq"]["status"] == "changed"
    assert by_group["US|Iraq"]["moved"]["maximum"] == {"before": "2,500", "after": "3,000"}
    assert by_group["US|Iraq"]["added"] == ["Wire: about 3,000"]
    assert by_group["US|Jordan"]["status"] == "new"
    assert by_group["US|Syria"]["status"] == "gone"
    assert by_group["US|Syria"]["removed"] == ["Wire: about 900"]
    assert [d["dispute"] for d in found["disputes_appeared"]] == ["value: US troops, Iraq"]
    assert [d["dispute"] for d in found["disputes_resolved"]] == ["value: US troops, Syria"]
    assert found["summary"] == (
        "1 new source, 1 removed; 3 groups of figures new or changed; "
        "1 dispute appeared, 1 resolved."
    )


def test_an_unchanged_briefing_reports_nothing_new() -> None:
    snap = _snap("2024-07-01", ["a"], [("c1", "US|Iraq", "2500")], [("value", "x")])
    found = changes.changes(snap, {**snap, "report_date": "2024-08-01"})
    assert found["groups"] == [] and found["sources_added"] == []
    assert found["disputes_appeared"] == [] and found["disputes_resolved"] == []


def test_snapshots_of_another_format_or_broken_are_not_compared(tmp_path: Path) -> None:
    path = tmp_path / "briefing-2024-07-01.json"
    path.write_text(json.dumps({**_snap("2024-07-01", [], []), "format": 99}))
    assert changes.read_snapshot(path) is None
    path.write_text("{not json")
    assert changes.read_snapshot(path) is None
    path.write_text(json.dumps(_snap("2024-07-01", ["a"], [])))
    assert changes.read_snapshot(path) == _snap("2024-07-01", ["a"], [])
    assert changes.read_snapshot(None) is None


def test_casualty_figures_are_grouped_by_subject_and_outcome() -> None:
    def rows(*values: str) -> list[dict[str, str]]:
        return [
            {
                "subject": "Tower 9",
                "name": "Tower 9",
                "outcome": "killed",
                "claim": f"k{v}",
                "outlet": "Wire",
                "qualifier": "exact",
                "value": v,
            }
            for v in values
        ]

    before = changes.snapshot("2024-07-01", [], [], [], [], rows("3"))
    after = changes.snapshot("2024-08-01", [], [], [], [], rows("3", "4"))
    (group,) = changes.changes(before, after)["groups"]
    assert group["label"] == "casualties Tower 9, killed"
    assert group["moved"] == {"maximum": {"before": "3", "after": "4"}}
    assert group["added"] == ["Wire: 4"]
