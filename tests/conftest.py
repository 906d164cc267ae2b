"""Shared fixtures: paths of the project and a throw-away copy of it to build in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crossbrief.workspace import copy_workflow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"


def copy_project(dest: Path) -> Path:
    """A fresh copy of the workflow and the sample seeds, with no results or reports."""
    return copy_workflow(ROOT, dest)


def run_snakemake(
    project: Path, *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run the real workflow in ``project`` as a user would (the default profile applies)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "snakemake", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"snakemake failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


SAMPLE_DATE = "2024-08-01"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample briefing built once per test session; tests must not modify it."""
    project = copy_project(tmp_path_factory.mktemp("sample") / "project")
    run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    return project
