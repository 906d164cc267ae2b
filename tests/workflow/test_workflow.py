"""The real Snakemake workflow, run in a temporary copy of the project."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from crossbrief.corpus import shard_of
from tests.conftest import copy_project, run_snakemake

DATE = "2024-08-01"
pytestmark = pytest.mark.workflow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    run_snakemake(project, "--config", f"report_date={DATE}")
    return project


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_briefing_pair_is_written_with_the_report_date(built: Path) -> None:
    assert (built / "reports" / f"briefing-{DATE}.pdf").stat().st_size > 10_000
    assert (built / "reports" / f"briefing-{DATE}.html").exists()


def test_pdf_names_every_outlet_and_the_report_date(built: Path) -> None:
    text = " ".join(pdf_text(built / "reports" / f"briefing-{DATE}.pdf").split())
    outlets = {
        e["outlet"] for e in yaml.safe_load((built / "seeds" / "sources.yaml").read_text()).values()
    }
    assert len(outlets) == 5
    for outlet in outlets:
        assert outlet in text
    assert "1 August 2024" in text and DATE in text


def test_pdf_metadata_carries_title_and_report_date(built: Path) -> None:
    reader = PdfReader(built / "reports" / f"briefing-{DATE}.pdf")
    meta = reader.metadata
    assert meta is not None
    assert "US troops in Iraq and Syria" in str(meta.title)
    assert str(meta.get("/CreationDate", "")).startswith("D:20240801")
    assert not reader.attachments


def test_second_run_does_nothing(built: Path) -> None:
    result = run_snakemake(built, "--config", f"report_date={DATE}")
    assert "Nothing to be done" in result.stdout + result.stderr


def test_editing_one_article_reruns_exactly_its_shard(built: Path) -> None:
    docs = built / "results" / "claims"
    before = {p.name: p.stat().st_mtime_ns for p in docs.glob("*.jsonl")}
    name = "002_93a72a21d3ae996a.txt"
    article = built / "seeds" / name
    article.write_text(article.read_text() + "\nAn added closing sentence.\n")
    result = run_snakemake(built, "--config", f"report_date={DATE}")
    after = {p.name: p.stat().st_mtime_ns for p in docs.glob("*.jsonl")}
    changed = sorted(n for n in before if after[n] != before[n])
    assert changed == [f"{shard_of(name, 8):03d}.jsonl"]
    assert re.search(r"^shard\s+1$", result.stdout + result.stderr, re.MULTILINE)


def test_other_report_date_gives_another_pair_and_keeps_the_first(built: Path) -> None:
    first = built / "reports" / f"briefing-{DATE}.pdf"
    digest = hashlib.sha256(first.read_bytes()).hexdigest()
    run_snakemake(built, "--config", "report_date=2024-09-01")
    assert (built / "reports" / "briefing-2024-09-01.pdf").exists()
    assert hashlib.sha256(first.read_bytes()).hexdigest() == digest


def test_same_inputs_give_the_same_bytes_from_two_folders(tmp_path: Path) -> None:
    digests = []
    for where in ("one", "two/deeper"):
        project = copy_project(tmp_path / where)
        run_snakemake(project, "--config", f"report_date={DATE}", "--cores", "1")
        digests.append(
            [
                hashlib.sha256(
                    (project / "reports" / f"briefing-{DATE}.{ext}").read_bytes()
                ).hexdigest()
                for ext in ("pdf", "html")
            ]
        )
    assert digests[0] == digests[1]
