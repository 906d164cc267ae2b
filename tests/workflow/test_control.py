"""The analyst in control (issue 14): corrections and exclusions leave the comparison
with their reasons printed, a past report date leaves later articles out, and a second
briefing shows what changed since the first, which it never touches."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from crossbrief.cli import main
from crossbrief.tablefile import read_table
from tests.conftest import copy_project, run_snakemake

pytestmark = pytest.mark.workflow

FIRST, SECOND = "2024-02-01", "2024-08-01"
EXCLUDED = "004_1668c32e7800ef1f.txt"  # published 2022-01-01
LATER = ("001_9f8e176f1df87fee.txt", "003_768de91a80aaa16c.txt")  # March and July 2024


def _claims(project: Path, name: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    """The article's figures as `crossbrief extract --json` gives them (their ids)."""
    seeds = project / "seeds"
    main(
        [
            "extract",
            str(seeds / name),
            "--json",
            "--manifest",
            str(seeds / "sources.yaml"),
            "--topic",
            str(project / "config" / "topic.yaml"),
        ]
    )
    claims: list[dict[str, str]] = json.loads(capsys.readouterr().out)["claims"]
    return claims


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def test_corrections_cutoff_and_changes_since_the_first_briefing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    claims = _claims(project, "000_fa25f08cf7c4953c.txt", capsys)
    troops = [c for c in claims if c["measure"] == "troop_figure"]
    rejected = next(c for c in claims if c["measure"] != "troop_figure")["id"]
    amended = troops[0]["id"]
    (project / "seeds" / "corrections.yaml").write_text(
        "claims:\n"
        f'  {rejected}: {{reject: "misread: not a figure of this topic"}}\n'
        f'  {amended}: {{set: {{kind: planned}}, reason: "the article speaks of a plan"}}\n'
        '  nosuchclaim: {reject: "a typo"}\n'
        "sources:\n"
        f'  {EXCLUDED}: {{exclude: "date only inferred"}}\n'
        '  nosuchfile.txt: {exclude: "a typo"}\n'
    )
    first = run_snakemake(project, "--config", f"report_date={FIRST}")
    said = first.stderr
    assert f"rejected claim {rejected}: misread: not a figure of this topic" in said
    assert f"amended claim {amended} (kind: present → planned): the article speaks" in said
    assert f"excluded: {EXCLUDED}: excluded by the analyst: date only inferred" in said
    assert "warning: claim 'nosuchclaim' matches nothing" in said
    assert "crossbrief: warning: corrections: source 'nosuchfile.txt' is not an article" in said
    for name in LATER:
        assert f"published after the report date: {name}: published 2024-" in said

    tables = project / "results" / "tables"
    assert rejected not in set(read_table(tables / "claims.csv", as_text=True)["claim"])
    marked = read_table(tables / "troops.csv", as_text=True).set_index("claim")
    assert "the article speaks of a plan" in str(marked.loc[amended, "corrected"])
    sources = set(read_table(tables / "sources.csv", as_text=True)["document"])
    assert sources == {"000_fa25f08cf7c4953c.txt", "002_93a72a21d3ae996a.txt"}
    reports = project / "reports"
    text = _pdf_text(reports / f"briefing-{FIRST}.pdf")
    assert "Analyst corrections" in text and "date only inferred" in text
    assert "published after the report date" in text
    assert "Changes since" not in text  # no earlier briefing
    kept = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in reports.iterdir()}
    assert set(kept) >= {f"briefing-{FIRST}.{x}" for x in ("pdf", "html", "json")}

    (project / "seeds" / "corrections.yaml").unlink()
    second = run_snakemake(project, "--config", f"report_date={SECOND}")
    assert f"changes since the briefing of {FIRST}: 3 new sources, 0 removed" in second.stderr
    for name, digest in kept.items():  # the earlier briefing is never touched
        assert hashlib.sha256((reports / name).read_bytes()).hexdigest() == digest
    text = _pdf_text(reports / f"briefing-{SECOND}.pdf")
    html = (reports / f"briefing-{SECOND}.html").read_text()
    for shown in (text, html):
        assert f"Changes since the briefing of {FIRST}" in shown
        assert "3 new sources, 0 removed" in shown
        assert "Islam Times" in shown and "Tehran Times" in shown
    snapshot = json.loads((reports / f"briefing-{SECOND}.json").read_text())
    assert snapshot["report_date"] == SECOND and len(snapshot["sources"]) == 5
