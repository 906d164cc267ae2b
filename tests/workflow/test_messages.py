"""Problems the analyst must act on are said in one plain line, never a traceback; and a
rebuild of the same date keeps the briefing it would replace."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_DATE, copy_project, run_snakemake

pytestmark = pytest.mark.workflow


def failed_with(project: Path, message: str, *args: str) -> None:
    result = run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}", *args, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert message in output
    assert "Traceback" not in output


def test_reports_that_is_a_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "reports").rmdir()
    (project / "reports").write_text("not a folder")
    failed_with(project, "config key 'reports' names reports, which is a file, not a folder")


def test_lock_path_that_is_a_folder(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / ".snakemake" / "crossbrief.lock").mkdir(parents=True)
    failed_with(project, "cannot open the build lock .snakemake/crossbrief.lock")


def test_report_date_outside_the_calendar_range(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    result = run_snakemake(project, "--config", "report_date=0001-01-01", check=False)
    assert result.returncode != 0
    assert "0001-01-01 is outside 1900-2200" in result.stdout + result.stderr


def test_ctrl_c_stops_without_a_traceback_and_a_rerun_finishes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    build = subprocess.Popen(
        [sys.executable, "-m", "snakemake", "--config", f"report_date={SAMPLE_DATE}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    logs = project / "results" / "logs" / "shard"
    deadline = time.monotonic() + 120
    while not (logs.is_dir() and any(logs.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C does: every process of the group
    output, _ = build.communicate(timeout=300)
    assert build.returncode != 0
    assert "Traceback" not in output
    run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    assert (project / "reports" / f"briefing-{SAMPLE_DATE}.pdf").stat().st_size > 0


def test_rebuilding_the_same_date_keeps_the_earlier_briefing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    reports = project / "reports"
    first = (reports / f"briefing-{SAMPLE_DATE}.pdf").read_bytes()
    again = run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    assert "kept as" not in again.stderr  # nothing changed: nothing kept
    (project / "seeds" / "added.txt").write_text("About 1,700 Italian troops are in Iraq.\n")
    result = run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    kept = reports / f"briefing-{SAMPLE_DATE}.1.pdf"
    assert f"the earlier one is kept as {kept.relative_to(project)}" in result.stderr
    assert kept.read_bytes() == first
    assert (reports / f"briefing-{SAMPLE_DATE}.pdf").read_bytes() != first
    assert sorted(p.name for p in reports.iterdir()) == sorted(
        f"briefing-{SAMPLE_DATE}{n}.{ext}"
        for n in ("", ".1")
        for ext in ("pdf", "html", "json")  # the snapshot is kept with its briefing
    )


def test_the_build_ends_by_saying_where_the_briefing_went(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "seeds" / "empty.txt").write_text("")
    result = run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    lines = result.stderr.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("crossbrief: briefing"))
    assert re.fullmatch(
        rf"crossbrief: briefing written to reports/briefing-{SAMPLE_DATE}\.pdf "
        r"\([1-9]\d* pages\) and \.html",
        lines[first],
    ), lines[first]
    rest = "\n".join(lines[first:])
    assert "articles: 5 used, 1 rejected" in rest
    assert "rejected: empty.txt: " in rest
    # The console is quiet: no job blocks (the default profile's logger), errors aside.
    assert "    input:" not in result.stderr and "rule shard" not in result.stderr
    # Only Snakemake's own closing lines may follow the summary.
    after = [line for line in lines[first + 1 :] if not line.startswith(" ")]
    assert all(line.startswith(("Complete log", "Elapsed time")) for line in after), after
