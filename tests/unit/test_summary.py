"""The closing lines of a build, from the files a build leaves in results/."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from crossbrief.summary import MAX_LISTED, Built, summary, write_pages
from crossbrief.tablefile import write_table


def _built(tmp_path: Path, statuses: list[tuple[str, str, str]], warned: int = 0) -> Built:
    reports, results = tmp_path / "reports", tmp_path / "results"
    reports.mkdir()
    built = Built(
        reports / "briefing-2025-01-31.pdf", reports / "briefing-2025-01-31.html", results
    )
    built.pdf.write_bytes(b"%PDF")
    write_pages(built.pages_file, 12)
    (results / "tables").mkdir(parents=True)
    write_table(
        results / "tables" / "inputs.csv",
        pd.DataFrame(statuses, columns=["file", "status", "reason"]),
    )
    write_table(
        results / "tables" / "sources.csv",
        pd.DataFrame({"document": ["a", "b"], "warnings": ["odd bytes" if warned else "", ""]}),
    )
    found = [{"id": "F1", "key": True}, {"id": "F2", "key": False}]
    (results / "findings.json").write_text(json.dumps({"findings": found}))
    return built


def test_the_first_line_names_the_pdf_and_its_pages(tmp_path: Path) -> None:
    built = _built(tmp_path, [("a.txt", "read", ""), ("b.txt", "read", "")])
    lines = summary(built)
    assert lines[0] == f"crossbrief: briefing written to {built.pdf} (12 pages) and .html"
    assert "  articles: 2 used" in lines
    assert any(line.startswith("  findings: 2, 1 of them key findings") for line in lines)


def test_every_file_left_out_is_named_with_its_reason(tmp_path: Path) -> None:
    built = _built(
        tmp_path,
        [
            ("a.txt", "read", ""),
            ("empty.txt", "rejected", "the file is empty"),
            ("pipe", "skipped", "not a regular file"),
        ],
        warned=1,
    )
    lines = summary(built)
    assert "  articles: 1 used, 1 rejected, 1 skipped" in lines
    assert "    rejected: empty.txt: the file is empty" in lines
    assert "    skipped: pipe: not a regular file" in lines
    assert any(line.startswith("  warnings: 1 article read with a warning") for line in lines)


def test_a_long_list_of_rejections_is_cut_and_counted(tmp_path: Path) -> None:
    rows = [(f"bad{i}.txt", "rejected", "empty") for i in range(MAX_LISTED + 3)]
    lines = summary(_built(tmp_path, rows))
    assert sum(line.startswith("    rejected:") for line in lines) == MAX_LISTED
    assert "    ... and 3 more (Inputs, in the briefing)" in lines


def test_no_briefing_no_summary(tmp_path: Path) -> None:
    built = _built(tmp_path, [("a.txt", "read", "")])
    built.pdf.unlink()
    assert summary(built) == []


def test_a_missing_page_count_leaves_the_count_out(tmp_path: Path) -> None:
    built = _built(tmp_path, [("a.txt", "read", "")])
    built.pages_file.unlink()
    assert summary(built)[0] == f"crossbrief: briefing written to {built.pdf} and .html"


def test_corrections_and_changes_are_said_with_their_reasons(tmp_path: Path) -> None:
    built = _built(tmp_path, [("a.txt", "read", ""), ("b.txt", "excluded", "satire")])
    rows = [
        ("claim", "c1", "rejected", "left out", "misread headline", "applied"),
        ("claim", "c2", "amended", "kind: present → planned", "the plan", "applied"),
        ("source", "gone.txt", "excluded", "", "old", "matches nothing"),
    ]
    write_table(
        built.results / "tables" / "corrections.csv",
        pd.DataFrame(rows, columns=["target", "id", "action", "change", "reason", "status"]),
    )
    (built.results / "changes.json").write_text(
        json.dumps({"since": "2025-01-01", "summary": "1 new source, 0 removed."})
    )
    lines = summary(built)
    assert "    rejected claim c1: misread headline" in lines
    assert "    amended claim c2 (kind: present → planned): the plan" in lines
    assert any("warning: source 'gone.txt' matches nothing" in line for line in lines)
    assert "  changes since the briefing of 2025-01-01: 1 new source, 0 removed." in lines
