"""A copy of the workflow to build in elsewhere (tests and the benchmark use it)."""

from __future__ import annotations

import shutil
from pathlib import Path

#: What a build needs from the project folder: the workflow, its package data and seeds.
WORKFLOW_PARTS = (
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


def copy_workflow(source: Path, dest: Path) -> Path:
    """Copy the workflow parts of the project at ``source`` to ``dest``, with an empty
    ``reports/`` and no results."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in WORKFLOW_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    (dest / "reports").mkdir(exist_ok=True)
    return dest
