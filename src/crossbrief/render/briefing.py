"""The briefing's content, from the stage outputs to the HTML and PDF files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pandas as pd

from crossbrief import __version__
from crossbrief.fileio import write_bytes, write_text
from crossbrief.render import html, pdf
from crossbrief.topic import Topic


def _rows(csv: Path) -> list[dict[str, str]]:
    table = pd.read_csv(csv, dtype=str, keep_default_na=False)
    return [{str(k): str(v) for k, v in row.items()} for row in table.to_dict("records")]


def source_date_epoch(report_date: dt.date) -> int:
    """SOURCE_DATE_EPOCH for a report date: midnight UTC of that day."""
    return int(dt.datetime.combine(report_date, dt.time(), tzinfo=dt.UTC).timestamp())


def long_date(value: dt.date) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


def context(
    topic: Topic, report_date: dt.date, sources_csv: Path, inputs_csv: Path, findings_json: Path
) -> dict[str, Any]:
    sources = _rows(sources_csv)
    inputs = _rows(inputs_csv)
    dated = sorted(s["published"] for s in sources if s["published"])
    outlets = sorted({s["outlet"] for s in sources if s["outlet"]})
    return {
        "title": f"{topic.name}: comparative briefing",
        "topic": topic,
        "subject": topic.description or topic.name,
        "keywords": ["crossbrief", "briefing", topic.name, *outlets],
        "generator": f"crossbrief {__version__}",
        "report_date": report_date.isoformat(),
        "report_date_long": long_date(report_date),
        "sources": sources,
        "outlets": outlets,
        "span": {
            "first": long_date(dt.date.fromisoformat(dated[0])) if dated else None,
            "last": long_date(dt.date.fromisoformat(dated[-1])) if dated else None,
            "undated": len(sources) - len(dated),
        },
        "inputs": inputs,
        "findings": json.loads(findings_json.read_text(encoding="utf-8")),
        "problems": [i for i in inputs if i["status"] in ("rejected", "skipped", "duplicate")],
    }


def build_html(templates: Path, ctx: dict[str, Any], out: Path) -> str:
    text = html.render(templates, ctx)
    write_text(out, text)
    return text


def build_pdf(
    html_file: Path, templates: Path, allowed: list[Path], source_date_epoch: int, out: Path
) -> None:
    data = pdf.to_pdf(html_file.read_text(encoding="utf-8"), templates, allowed, source_date_epoch)
    write_bytes(out, data)
