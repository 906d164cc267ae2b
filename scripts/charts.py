"""Snakemake script for rule charts: the briefing's SVG charts."""

from crossbrief.interrupt import quiet

quiet()  # before the heavy imports: Ctrl-C stops the step without a traceback

import datetime as dt
from pathlib import Path
from typing import Any

from crossbrief.charts.stage import run
from crossbrief.steplog import logged

snakemake: Any = globals()["snakemake"]

with logged(snakemake.log[0], "charts"):
    run(
        tables=Path(snakemake.input.tables[0]).parent,
        fonts=Path(snakemake.input.fonts[0]).parent,
        report_date=dt.date.fromisoformat(snakemake.params.date),
        out=Path(snakemake.output.captions).parent,
    )
