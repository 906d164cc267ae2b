"""Snakemake script for rule shard: ingest one shard of articles, then extract from it."""

from crossbrief.interrupt import quiet

quiet()  # before the heavy imports: Ctrl-C stops the step without a traceback

from pathlib import Path
from typing import Any

from crossbrief.shard import process_shard
from crossbrief.steplog import logged

snakemake: Any = globals()["snakemake"]

with logged(snakemake.log[0], "shard"):
    process_shard(
        seeds=Path(snakemake.params.seeds),
        index=Path(snakemake.input.index),
        max_bytes=int(snakemake.params.max_bytes),
        topic=Path(snakemake.input.topic),
        documents=Path(snakemake.output.documents),
        claims=Path(snakemake.output.claims),
    )
