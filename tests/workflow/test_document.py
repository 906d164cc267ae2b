"""The briefing as a document: sections, links, PDF structure, caps, Snakemake report."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from crossbrief.render.briefing import Caps, context
from crossbrief.render.html import render
from crossbrief.topic import load
from tests.conftest import SAMPLE_DATE, run_snakemake

pytestmark = pytest.mark.workflow

SECTIONS = [
    "Key findings",
    "Contents",
    "Sources",
    "Troop figures",
    "Attack counts",
    "Casualties",
    "Events and timeline",
    "Conflicts and flags",
    "Other dated statements",
    "Method",
    "Appendix A: Evidence",
    "Appendix B: Inputs",
]


def pdf_of(project: Path) -> Path:
    return project / "reports" / f"briefing-{SAMPLE_DATE}.pdf"


def test_pdf_has_every_section_as_a_bookmark(sample_build: Path) -> None:
    reader = PdfReader(pdf_of(sample_build))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    for section in SECTIONS:
        assert section in titles, (section, titles)
    assert len(reader.pages) >= 8


def test_running_header_and_page_x_of_y(sample_build: Path) -> None:
    reader = PdfReader(pdf_of(sample_build))
    n = len(reader.pages)
    third = reader.pages[2].extract_text() or ""
    assert f"page 3 of {n}" in third
    assert f"US troops in Iraq and Syria · briefing of {SAMPLE_DATE}" in third


def test_contents_lists_page_numbers(sample_build: Path) -> None:
    text = PdfReader(pdf_of(sample_build)).pages[1].extract_text() or ""
    assert re.search(r"Appendix A: Evidence\W*\d+", text)


def test_pdf_is_tagged_and_carries_metadata(sample_build: Path) -> None:
    reader = PdfReader(pdf_of(sample_build))
    root = reader.root_object
    mark_info = root["/MarkInfo"]
    assert "/StructTreeRoot" in root and mark_info["/Marked"]  # type: ignore[index]
    meta = reader.metadata
    assert meta is not None and meta.subject and "Iran Daily" in str(meta.get("/Keywords"))


def test_print_html_links_resolve(sample_build: Path) -> None:
    html = (sample_build / "results" / "print" / f"briefing-{SAMPLE_DATE}.html").read_text()
    ids = set(re.findall(r'id="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= ids


def test_capped_print_version_says_what_it_leaves_out(sample_build: Path) -> None:
    results = sample_build / "results"
    caps = Caps(sources=2, rows=2, evidence=3, inputs=2)
    ctx = context(
        load(sample_build / "config" / "topic.yaml"),
        dt.date(2024, 8, 1),
        results / "tables",
        results / "findings.json",
        results / "charts",
        caps,
    )
    html = render(sample_build / "templates", ctx)
    assert "more figures are left out of the PDF" in html
    assert "results/tables/claims.csv" in html
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(re.findall(r'id="([^"]+)"', html))


def test_snakemake_report_registers_briefing_tables_and_charts(
    sample_build: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    run_snakemake(sample_build, "--config", f"report_date={SAMPLE_DATE}", "--report", str(out))
    text = out.read_text(errors="replace")
    for needle in ("Briefing", "Tables", "Charts", "troop_groups", "timeline"):
        assert needle in text, needle
