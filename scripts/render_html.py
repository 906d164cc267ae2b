"""Snakemake script for rule render_html: the self-contained HTML briefing."""

import datetime as dt
from pathlib import Path
from typing import Any

from crossbrief.render.briefing import build_html, context
from crossbrief.steplog import logged
from crossbrief.topic import load as load_topic

snakemake: Any = globals()["snakemake"]

with logged(snakemake.log[0], "render_html"):
    build_html(
        templates=Path("templates"),
        ctx=context(
            topic=load_topic(Path(snakemake.input.topic)),
            report_date=dt.date.fromisoformat(snakemake.params.date),
            sources_csv=Path(snakemake.input.sources),
            inputs_csv=Path(snakemake.input.inputs),
            findings_json=Path(snakemake.input.findings),
        ),
        out=Path(snakemake.output[0]),
    )
