"""Snakemake script for rule changes: the briefing's snapshot and the changes since the
latest earlier briefing."""

from crossbrief.interrupt import quiet

quiet()  # before the heavy imports: Ctrl-C stops the step without a traceback

from pathlib import Path
from typing import Any

from crossbrief.since import run
from crossbrief.steplog import logged

snakemake: Any = globals()["snakemake"]

with logged(snakemake.log[0], "changes"):
    previous = list(snakemake.input.previous)
    run(
        tables=Path(snakemake.input.tables[0]).parent,
        report_date=snakemake.params.date,
        previous=Path(previous[0]) if previous else None,
        snapshot_out=Path(snakemake.output.snapshot),
        changes_out=Path(snakemake.output.changes),
    )
