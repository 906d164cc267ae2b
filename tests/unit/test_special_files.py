"""Only regular files are read: a named pipe in the seeds folder is reported, never
opened (opening it for reading would wait for a writer and hang the build)."""

from __future__ import annotations

import builtins
import io
import os
from pathlib import Path
from typing import Any

import pytest

from crossbrief.corpus import scan
from crossbrief.fileio import NotRegularFile, read_regular
from crossbrief.ingest.manifest import ManifestError
from crossbrief.ingest.manifest import load as load_manifest
from crossbrief.ingest.stage import read_article
from crossbrief.records import Document, Rejection
from crossbrief.topic import TopicError
from crossbrief.topic import load as load_topic
from tests.unit.deadline import deadline

PIPES = {"pipe.txt", "link.txt", "feed"}


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of every file opened through os.open, open() or io.open."""
    names: list[str] = []
    real_os_open, real_open = os.open, builtins.open

    def os_open(path: Any, *args: Any, **kwargs: Any) -> int:
        names.append(Path(path).name)
        return real_os_open(path, *args, **kwargs)

    def open_(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike):
            names.append(Path(file).name)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(io, "open", open_)
    return names


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "article.txt").write_text("Troops left the base on Monday.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "feed")
    (folder / "link.txt").symlink_to(folder / "pipe.txt")
    return folder


def test_scan_reports_named_pipes_without_opening_them(seeds: Path, opened: list[str]) -> None:
    with deadline(10, "a named pipe was opened"):
        corpus = scan(seeds, 2)
    assert corpus.articles == ("article.txt",)
    reasons = {s.name: s.reason for s in corpus.skipped}
    assert set(reasons) == {"feed", "link.txt", "pipe.txt"}
    assert all("named pipe" in r and "not a regular file" in r for r in reasons.values())
    assert not PIPES & set(opened)


def test_ingest_refuses_a_named_pipe_before_opening_it(seeds: Path, opened: list[str]) -> None:
    with deadline(10, "a named pipe was opened"):
        piped = read_article(seeds, "pipe.txt", None, 10**6)
        linked = read_article(seeds, "link.txt", None, 10**6)
        article = read_article(seeds, "article.txt", None, 10**6)
    for record in (piped, linked):
        assert isinstance(record, Rejection)
        assert "named pipe" in record.reason and "not opened" in record.reason
    assert isinstance(article, Document)
    assert "article.txt" in opened
    assert not PIPES & set(opened)


def test_manifest_and_topic_that_are_pipes_are_refused(seeds: Path, opened: list[str]) -> None:
    with deadline(10, "a named pipe was opened"):
        with pytest.raises(ManifestError, match="named pipe"):
            load_manifest(seeds / "feed")
        with pytest.raises(TopicError, match="named pipe"):
            load_topic(seeds / "feed")
    assert not PIPES & set(opened)


def test_read_regular_stops_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 10_000)
    assert len(read_regular(path, 100)) == 101
    assert read_regular(path) == b"x" * 10_000
    with pytest.raises(NotRegularFile, match="a folder"):
        read_regular(tmp_path)
