"""The changes step: this briefing's snapshot, and what changed since the latest
earlier one (:mod:`crossbrief.changes` holds the pure functions)."""

from __future__ import annotations

import logging
from pathlib import Path

from crossbrief import changes
from crossbrief.fileio import write_json
from crossbrief.tablefile import read_table

log = logging.getLogger(__name__)


def _rows(path: Path) -> list[dict[str, str]]:
    table = read_table(path, as_text=True)
    return [{str(k): str(v) for k, v in row.items()} for row in table.to_dict("records")]


def run(
    tables: Path, report_date: str, previous: Path | None, snapshot_out: Path, changes_out: Path
) -> None:
    current = changes.snapshot(
        report_date,
        _rows(tables / "sources.csv"),
        _rows(tables / "troop_groups.csv"),
        _rows(tables / "troops.csv"),
        _rows(tables / "conflicts.csv"),
        _rows(tables / "casualties.csv"),
    )
    earlier = changes.read_snapshot(previous)
    if previous is not None and earlier is None:
        log.warning("%s is not a snapshot this version can read; no changes are shown", previous)
    found = changes.changes(earlier, current)
    write_json(snapshot_out, current)
    write_json(changes_out, found)
    log.info("changes since %s: %s", found["since"], found.get("summary", "none"))
