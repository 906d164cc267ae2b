"""Snakemake script for rule inventory: the sources and inputs tables."""

import json
from pathlib import Path
from typing import Any

from crossbrief.corpus import Skipped
from crossbrief.inventory import build_inventory
from crossbrief.steplog import logged

snakemake: Any = globals()["snakemake"]

with logged(snakemake.log[0], "inventory"):
    build_inventory(
        shard_files=[Path(p) for p in snakemake.input],
        skipped=[Skipped(**s) for s in json.loads(snakemake.params.skipped)],
        strict=bool(snakemake.params.strict),
        sources_csv=Path(snakemake.output.sources),
        inputs_csv=Path(snakemake.output.inputs),
    )
