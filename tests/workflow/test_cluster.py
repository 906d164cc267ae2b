"""The same workflow on a distributed engine: every job its own process through the
cluster-generic executor gives the same bytes; the SLURM profile parses."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_DATE, copy_project, run_snakemake

pytestmark = pytest.mark.workflow


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cluster_generic_run_gives_the_same_bytes(tmp_path: Path, sample_build: Path) -> None:
    project = copy_project(tmp_path / "p")
    result = run_snakemake(
        project, "--profile", "profiles/cluster-generic", "--config", f"report_date={SAMPLE_DATE}"
    )
    output = result.stdout + result.stderr
    # the shards went as one group job, and every other job as its own process
    assert "Submitted group job" in output
    assert output.count("with external jobid 'local-") >= 5
    for ext in ("pdf", "html"):
        name = f"briefing-{SAMPLE_DATE}.{ext}"
        assert digest(project / "reports" / name) == digest(sample_build / "reports" / name)


def test_slurm_profile_parses(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    result = run_snakemake(
        project,
        "--profile",
        "profiles/slurm",
        "--dry-run",
        "--config",
        f"report_date={SAMPLE_DATE}",
    )
    output = result.stdout + result.stderr
    assert "render_pdf" in output and "shard" in output
