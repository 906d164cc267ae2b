"""Shared fixtures: paths of the project and a throw-away copy of it to build in."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
PROJECT_PARTS = (
    "Snakefile",
    "rules",
    "scripts",
    "templates",
    "config",
    "profiles",
    "envs",
    "report",
    "tools",
    "seeds",
)


def copy_project(dest: Path) -> Path:
    """A fresh copy of the workflow and the sample seeds, with no results or reports."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    (dest / "reports").mkdir(exist_ok=True)
    return dest


Runner = Callable[..., subprocess.CompletedProcess[str]]


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
