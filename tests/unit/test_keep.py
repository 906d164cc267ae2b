"""A rebuilt briefing of the same date keeps the earlier one when the content changed."""

from __future__ import annotations

from pathlib import Path

from crossbrief.keep import keep_aside, settle


def pair(folder: Path, pdf: bytes, html: bytes) -> list[Path]:
    paths = [folder / "briefing-2025-03-01.pdf", folder / "briefing-2025-03-01.html"]
    for path, data in zip(paths, (pdf, html), strict=True):
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)  # a new file, as crossbrief.fileio writes it
    return paths


def test_changed_content_keeps_the_earlier_pair_under_the_next_number(tmp_path: Path) -> None:
    paths = pair(tmp_path, b"old pdf", b"old html")
    assert keep_aside(paths) == []
    pair(tmp_path, b"new pdf", b"old html")
    said = settle(paths)
    assert (tmp_path / "briefing-2025-03-01.1.pdf").read_bytes() == b"old pdf"
    assert (tmp_path / "briefing-2025-03-01.1.html").read_bytes() == b"old html"
    assert paths[0].read_bytes() == b"new pdf"
    assert len(said) == 2 and "kept as" in said[0]
    keep_aside(paths)
    pair(tmp_path, b"newer pdf", b"newer html")
    settle(paths)
    assert (tmp_path / "briefing-2025-03-01.2.pdf").read_bytes() == b"new pdf"
    assert not list(tmp_path.glob(".*previous"))


def test_same_content_or_nothing_earlier_leaves_no_copy(tmp_path: Path) -> None:
    paths = [tmp_path / "briefing-2025-03-01.pdf", tmp_path / "briefing-2025-03-01.html"]
    assert keep_aside(paths) == [] and settle(paths) == []
    pair(tmp_path, b"pdf", b"html")
    keep_aside(paths)
    pair(tmp_path, b"pdf", b"html")
    assert settle(paths) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_a_failed_build_puts_the_earlier_briefing_back(tmp_path: Path) -> None:
    paths = pair(tmp_path, b"old pdf", b"old html")
    keep_aside(paths)
    paths[0].unlink()  # Snakemake removed the output, then the job failed
    settle(paths)
    assert paths[0].read_bytes() == b"old pdf"
    assert not list(tmp_path.glob("*.1.*"))


def test_a_copy_left_aside_by_a_killed_build_is_settled_next_time(tmp_path: Path) -> None:
    paths = pair(tmp_path, b"old pdf", b"old html")
    keep_aside(paths)
    pair(tmp_path, b"new pdf", b"new html")  # ... and the build was killed here
    keep_aside(paths)
    assert (tmp_path / "briefing-2025-03-01.1.pdf").read_bytes() == b"old pdf"


def test_temporaries_of_a_killed_build_are_swept_and_nothing_else(tmp_path: Path) -> None:
    from crossbrief.fileio import sweep_temporaries

    (tmp_path / "claims").mkdir()
    stale = tmp_path / "claims" / ".003.jsonl.ab12cd.tmp"
    stale.write_text("half")
    kept = [tmp_path / "claims" / "003.jsonl", tmp_path / ".briefing-2025-03-01.pdf.previous"]
    for path in kept:
        path.write_text("whole")
    assert sweep_temporaries(tmp_path, tmp_path / "absent") == 1
    assert not stale.exists() and all(p.exists() for p in kept)
