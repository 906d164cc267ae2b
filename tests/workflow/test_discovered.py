"""A topic without an event catalogue still compares event dates: the events two or
more sources date are discovered from the articles (issue 13)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from crossbrief.cli import main
from tests.conftest import SAMPLE_DATE, copy_project, run_snakemake


def _without_catalogue(project: Path) -> None:
    topic = project / "config" / "topic.yaml"
    text = topic.read_text(encoding="utf-8")
    head = text[: text.index("\nevents:")]
    topic.write_text(head + "\nevents: {}\n", encoding="utf-8")


def test_sample_without_catalogue_shows_discovered_events(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _without_catalogue(project)
    run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    with (project / "results" / "tables" / "event_dates.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and {"event", "name", "kind"} <= set(rows[0])
    assert {r["kind"] for r in rows} == {"discovered"}
    dated: dict[str, set[str]] = {}
    for r in rows:
        if r["date"]:
            dated.setdefault(r["event"], set()).add(r["document"])
    assert sum(1 for docs in dated.values() if len(docs) >= 2) >= 3
    html = (project / "reports" / f"briefing-{SAMPLE_DATE}.html").read_text(encoding="utf-8")
    assert "(discovered)" in html
    assert re.search(r"lists no events", html) is None


def test_draft_topic_of_the_sample_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = project / "config" / "draft.yaml"
    assert main(["draft-topic", str(project / "seeds"), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "# CHECK" in text and "events: {}" not in text
    # never over an existing file without --force
    out.write_text(text + "# the analyst's edit\n", encoding="utf-8")
    assert main(["draft-topic", str(project / "seeds"), "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8").endswith("# the analyst's edit\n")
    run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}", "topic=config/draft.yaml")
    with (project / "results" / "tables" / "event_dates.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kind"] == "catalogue"]
    sources: dict[str, set[str]] = {}
    for r in rows:
        sources.setdefault(r["event"], set()).add(r["document"])
    assert any(len(docs) >= 2 for docs in sources.values())
