"""Snakemake script for rule render_pdf: the HTML briefing laid out as an A4 PDF."""

from crossbrief.interrupt import quiet

quiet()  # before the heavy imports: Ctrl-C stops the step without a traceback

import datetime as dt
from pathlib import Path
from typing import Any

from crossbrief.render.briefing import build_pdf, source_date_epoch
from crossbrief.steplog import logged

snakemake: Any = globals()["snakemake"]

with logged(snakemake.log[0], "render_pdf"):
    build_pdf(
        html_file=Path(snakemake.input.html),
        templates=Path("templates"),
        allowed=[Path(snakemake.params.results)],
        source_date_epoch=source_date_epoch(dt.date.fromisoformat(snakemake.params.date)),
        out=Path(snakemake.output.pdf),
        pages_out=Path(snakemake.output.pages),
    )
