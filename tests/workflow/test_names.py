"""Article file names are hostile input: a name never reaches a shell (on any
profile), names Snakemake would read as wildcards and names that are not UTF-8 are
read, shown and rebuilt like any other."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crossbrief.tablefile import read_table
from tests.conftest import SAMPLE_DATE, copy_project, run_snakemake

pytestmark = pytest.mark.workflow

BODY = "About {n} Dutch soldiers are based in Lithuania, the ministry said on Monday.\n"

#: name on disk (bytes) -> how the briefing shows it
NAMES = {
    b"Mosul's $(touch PWNED1) report.txt": "Mosul's $(touch PWNED1) report.txt",
    b'say "`touch PWNED2`".txt': 'say "`touch PWNED2`".txt',
    b"{region}.txt": "{region}.txt",
    b"{shard}-{0}.md": "{shard}-{0}.md",
    b"-rf ; touch PWNED3.txt": "-rf ; touch PWNED3.txt",
    b"caf\xe9 \xff.txt": "caf\\xe9 \\xff.txt",
}


def make_seeds(project: Path) -> None:
    for i, name in enumerate(NAMES):
        (project / "seeds" / os.fsdecode(name)).write_text(BODY.format(n=1100 + i))


def no_pwned(root: Path) -> None:
    assert not [p for p in root.rglob("*PWNED*") if "seeds" not in p.parts]


def claimed_values(project: Path) -> set[int]:
    claims = read_table(project / "results" / "tables" / "claims.csv")
    return {int(v) for v in claims["value"].dropna()}


def test_hostile_names_never_reach_a_shell_and_are_read(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    make_seeds(project)
    run_snakemake(
        project, "--profile", "profiles/cluster-generic", "--config", f"report_date={SAMPLE_DATE}"
    )
    no_pwned(tmp_path)
    inputs = read_table(project / "results" / "tables" / "inputs.csv", as_text=True)
    shown = dict(zip(inputs["file"], inputs["status"], strict=True))
    for name in NAMES.values():
        assert shown.get(name) == "read", (name, shown)
    assert set(range(1100, 1100 + len(NAMES))) <= claimed_values(project)
    html = (project / "reports" / f"briefing-{SAMPLE_DATE}.html").read_text(encoding="utf-8")
    assert "caf\\xe9 \\xff.txt" in html

    # Editing a file whose name looks like a wildcard reruns its shard (locally now).
    (project / "seeds" / "{region}.txt").write_text(BODY.format(n=4321))
    result = run_snakemake(project, "-p", "--config", f"report_date={SAMPLE_DATE}")
    assert "rule shard" in result.stdout + result.stderr  # -p: every job's block
    assert 4321 in claimed_values(project)
    assert 1102 not in claimed_values(project)
    no_pwned(tmp_path)


CORRECTIONS = "seeds/corrections.yaml"  # config/config.yaml's default
PROFILES = ["profiles/default", "profiles/slurm", "profiles/cluster-generic"]


@pytest.mark.parametrize("profile", PROFILES)
def test_no_job_of_any_profile_names_an_article(tmp_path: Path, profile: str) -> None:
    """Snakemake writes a job's inputs into its job script: no input may be an article.
    The analyst's corrections file (a path from the config, never an article's name) is
    the one input allowed under seeds/."""
    project = copy_project(tmp_path / "p")
    make_seeds(project)
    result = run_snakemake(
        project, "--profile", profile, "--dry-run", "--config", f"report_date={SAMPLE_DATE}"
    )
    output = result.stdout + result.stderr
    assert "rule shard" in output
    for line in output.splitlines():
        if line.strip().startswith("input:"):
            inputs = line.split(":", 1)[1].split(", ")
            named = [i.strip() for i in inputs if "seeds/" in i and i.strip() != CORRECTIONS]
            assert not named, line
    assert "PWNED" not in output
    no_pwned(tmp_path)
