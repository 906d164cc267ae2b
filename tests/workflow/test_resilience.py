"""Bad settings, change over time, crashes and concurrent runs, with the real workflow."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from crossbrief.tablefile import read_table
from tests.conftest import SAMPLE_DATE, copy_project, run_snakemake

pytestmark = pytest.mark.workflow


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("shards=0", "'shards' is 0; allowed: a whole number >= 1"),
        ("shardz=3", "unknown config key 'shardz'"),
        ("report_date=tomorrow", "auto or a date written YYYY-MM-DD"),
    ],
)
def test_bad_config_stops_before_any_job(tmp_path: Path, setting: str, message: str) -> None:
    project = copy_project(tmp_path / "p")
    result = run_snakemake(project, "--config", setting, check=False)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert not (project / "results").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a.txt:\n  outlet: [unclosed\n", "line 3, column 1"),
        ("a.txt:\n  outlett: X\n", "unknown key 'outlett'"),
        ("a.txt:\n  published: 31/01/2024\n", "YYYY-MM-DD"),
        ("a.txt:\n  outlet: X\na.txt:\n  outlet: Y\n", "'a.txt' is written twice (lines 1 and 3)"),
        ("a.txt:\n  published: 0001-01-01\n", "outside 1900-01-01..2200-12-31"),
    ],
)
def test_bad_manifest_stops_with_a_clear_message(tmp_path: Path, text: str, message: str) -> None:
    project = copy_project(tmp_path / "p")
    (project / "seeds" / "sources.yaml").write_text(text)
    result = run_snakemake(project, check=False)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert not (project / "results").exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "Tower 22: {country: Jordan}",
            "Tower 22: {country: Jordn}",
            "places.\"Tower 22\".country: 'Jordn' is not a country the gazetteer knows",
        ),
        (
            "      - all: [[Tower 22]]",
            "      - all: [Tower 22, Jordan]",
            "events.tower22_attack.match[0].all: is a list of 2 terms",
        ),
    ],
    ids=["country", "shape"],
)
def test_bad_topic_stops_before_any_job(tmp_path: Path, old: str, new: str, message: str) -> None:
    project = copy_project(tmp_path / "p")
    topic = project / "config" / "topic.yaml"
    text = topic.read_text(encoding="utf-8")
    assert old in text
    topic.write_text(text.replace(old, new), encoding="utf-8")
    result = run_snakemake(project, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"topic file config/topic.yaml: {message}" in output
    assert "; fix: " in output
    assert "Traceback" not in output
    assert not (project / "results").exists()


def test_change_over_time_read_only_seeds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    seeds = project / "seeds"
    before = {p.name: digest(p) for p in seeds.iterdir()}
    for path in [seeds, *seeds.iterdir()]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        run_snakemake(project, "--config", "report_date=2024-08-01")
        first = project / "reports" / "briefing-2024-08-01.pdf"
        first_digest = digest(first)
        assert "World at Large" in pdf_text(first)
        assert {p.name: digest(p) for p in seeds.iterdir()} == before
        seeds.chmod(seeds.stat().st_mode | stat.S_IWUSR)
        (seeds / "003_768de91a80aaa16c.txt").unlink()
        run_snakemake(project, "--config", "report_date=2024-09-01")
        second = project / "reports" / "briefing-2024-09-01.pdf"
        sources = read_table(project / "results" / "tables" / "sources.csv", as_text=True)
        assert "World at Large" not in set(sources["outlet"])
        # named only as gone since the briefing of 2024-08-01
        assert "Removed: World at Large" in " ".join(pdf_text(second).split())
        assert digest(first) == first_digest
    finally:
        for path in [seeds, *seeds.iterdir()]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)


def start(project: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "snakemake", "--config", f"report_date={SAMPLE_DATE}", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def wait_for(path: Path, process: subprocess.Popen[str], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, f"the build ended before {path.name} appeared"
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.02)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The PDF digest a clean build of the sample gives (the same from any folder)."""
    project = copy_project(tmp_path_factory.mktemp("reference") / "p")
    run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    return digest(project / "reports" / f"briefing-{SAMPLE_DATE}.pdf")


@pytest.mark.parametrize("step", ["shard/000.log", "render_pdf.log"])
def test_kill_9_then_a_plain_rerun_completes(tmp_path: Path, reference: str, step: str) -> None:
    project = copy_project(tmp_path / "p")
    process = start(project)
    wait_for(project / "results" / "logs" / step, process)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    assert digest(project / "reports" / f"briefing-{SAMPLE_DATE}.pdf") == reference
    leftovers = [p for p in (project / "results").rglob("*.tmp")]
    assert leftovers == []


def test_half_written_files_of_a_killed_build_are_swept(tmp_path: Path) -> None:
    """What kill -9 can leave mid-write, planted so the test does not hang on timing."""
    project = copy_project(tmp_path / "p")
    stale = [
        project / "results" / "documents" / ".000.jsonl.k1ll3d.tmp",
        project / "reports" / f".briefing-{SAMPLE_DATE}.pdf.x9y8z7.tmp",
    ]
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("half")
    run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    assert not [p for p in stale if p.exists()]


def test_second_concurrent_build_stops_with_a_clear_message(tmp_path: Path, reference: str) -> None:
    project = copy_project(tmp_path / "p")
    first = start(project)
    wait_for(project / "results" / "logs" / "shard", first)
    second = run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}", check=False)
    assert second.returncode != 0
    assert "another crossbrief build is running in this folder" in second.stdout + second.stderr
    assert first.wait(timeout=300) == 0
    assert digest(project / "reports" / f"briefing-{SAMPLE_DATE}.pdf") == reference
