"""Snakemake script for rule ingest: read one shard of articles."""

import json
from pathlib import Path
from typing import Any

from crossbrief.ingest.manifest import Entry
from crossbrief.ingest.stage import ingest_shard
from crossbrief.steplog import logged

snakemake: Any = globals()["snakemake"]

with logged(snakemake.log[0], "ingest"):
    ingest_shard(
        seeds=Path(snakemake.params.seeds),
        names=list(snakemake.params.names),
        entries={k: Entry(**v) for k, v in json.loads(snakemake.params.entries).items()},
        max_bytes=int(snakemake.params.max_bytes),
        out=Path(snakemake.output[0]),
    )
