"""Snakemake imports the modules rules/common.smk names every time it reads the
workflow (once per build and again in each job): they must not pull in the heavy
libraries the steps use."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: jsonschema is not among them: the start-up checks the config and topic with it.
HEAVY = ("pandas", "matplotlib", "weasyprint", "trafilatura", "datasketch")


def test_the_workflow_start_up_imports_no_heavy_library() -> None:
    common = (ROOT / "rules" / "common.smk").read_text(encoding="utf-8")
    modules = sorted(set(re.findall(r"^from (crossbrief[\w.]*) import", common, re.MULTILINE)))
    assert "crossbrief.summary" in modules
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    code += f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert loaded == [], f"the workflow's start-up imports {loaded}"
