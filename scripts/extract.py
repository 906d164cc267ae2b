"""Snakemake script for rule extract: claims, events and dated statements of one shard."""

from pathlib import Path
from typing import Any

from crossbrief.extract.stage import extract_shard
from crossbrief.steplog import logged

snakemake: Any = globals()["snakemake"]

with logged(snakemake.log[0], "extract"):
    extract_shard(
        documents=Path(snakemake.input.documents),
        topic=Path(snakemake.input.topic),
        out=Path(snakemake.output[0]),
    )
