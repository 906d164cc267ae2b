"""Snakemake script for rule compare: comparison tables and key findings."""

from crossbrief.interrupt import quiet

quiet()  # before the heavy imports: Ctrl-C stops the step without a traceback

import datetime as dt
from pathlib import Path
from typing import Any

from crossbrief.compare.stage import Checks, run
from crossbrief.corrections import load as load_corrections
from crossbrief.shardindex import read_corpus
from crossbrief.steplog import logged
from crossbrief.topic import load

snakemake: Any = globals()["snakemake"]

with logged(snakemake.log[0], "compare"):
    skipped, listed = read_corpus(Path(snakemake.input.corpus))
    run(
        document_files=[Path(p) for p in snakemake.input.documents],
        claim_files=[Path(p) for p in snakemake.input.claims],
        skipped=skipped,
        topic=load(Path(snakemake.input.topic)),
        policy=snakemake.params.policy,
        strict=bool(snakemake.params.strict),
        tables_dir=Path(snakemake.params.tables),
        findings_json=Path(snakemake.output.findings),
        checks=Checks(
            report_date=dt.date.fromisoformat(snakemake.params.report_date),
            listed=listed,
            corrections=load_corrections(
                Path(snakemake.input.corrections[0]) if snakemake.input.corrections else None
            ),
        ),
        same_time_days=int(snakemake.params.same_time_days),
    )
