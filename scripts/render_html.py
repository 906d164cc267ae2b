"""Snakemake script for rule render_html: the HTML twin and the print HTML."""

from crossbrief.interrupt import quiet

quiet()  # before the heavy imports: Ctrl-C stops the step without a traceback

import datetime as dt
from pathlib import Path
from typing import Any

from crossbrief.render.briefing import render_pair
from crossbrief.steplog import logged
from crossbrief.topic import load as load_topic

snakemake: Any = globals()["snakemake"]

with logged(snakemake.log[0], "render_html"):
    render_pair(
        topic=load_topic(Path(snakemake.input.topic)),
        report_date=dt.date.fromisoformat(snakemake.params.date),
        tables=Path(snakemake.input.tables[0]).parent,
        findings_json=Path(snakemake.input.findings),
        changes_json=Path(snakemake.input.changes),
        charts=Path(snakemake.input.captions).parent,
        templates=Path("templates"),
        screen_html=Path(snakemake.output.screen),
        print_html=Path(snakemake.output.printed),
    )
