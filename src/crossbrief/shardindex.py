"""What each job reads, written to small index files so that no article name ever
reaches a command line.

A job that runs on a cluster is a shell script, and Snakemake writes a job's input
paths into it; a seed named ``Iraq's $(touch x).txt`` would then run a command. Names
with braces (``{region}.txt``) are read by Snakemake as wildcards, and a name that is
not UTF-8 cannot be written into its job files at all. So the articles are not
Snakemake inputs: the main process lists them once, at start, and writes per shard an
index file (names, sizes, modification times and manifest entries). A shard job's only
inputs are its index file and the topic; an index file is rewritten only when its
content changes, so a changed, added or deleted article reruns exactly its shard.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from crossbrief.corpus import Corpus, Skipped
from crossbrief.fileio import write_text
from crossbrief.textsafety import BIDI_CONTROLS


class ShardIndexError(OSError):
    """The index files cannot be written; the message says where and what to do."""


@dataclass(frozen=True)
class ShardIndex:
    """One shard's articles: names relative to the seeds folder (``surrogateescape`` for
    bytes that are not UTF-8) and their manifest entries."""

    names: tuple[str, ...]
    entries: dict[str, dict[str, Any]]


def display_name(name: str) -> str:
    """A file name as the briefing shows it: bytes that are not UTF-8 as ``\\xNN``,
    bidi controls as ``<U+202E>``."""
    shown = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(f"<U+{ord(c):04X}>" if c in BIDI_CONTROLS else c for c in shown)


def _fingerprint(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _dump(value: Any) -> str:
    # ensure_ascii keeps names with undecodable bytes (lone surrogates) writable and
    # readable back exactly.
    return json.dumps(value, sort_keys=True, ensure_ascii=True, indent=0) + "\n"


def shard_payloads(corpus: Corpus, seeds: Path, manifest: Mapping[str, Any]) -> dict[int, str]:
    """The index file text of every shard, by shard number."""
    by_shard: dict[int, list[str]] = {i: [] for i in range(corpus.shards)}
    for name in corpus.articles:
        by_shard[corpus.shard_of(name)].append(name)
    return {
        shard: _dump(
            {
                "articles": [[n, _fingerprint(seeds / n)] for n in names],
                "entries": {n: asdict(manifest[n]) for n in names if n in manifest},
            }
        )
        for shard, names in by_shard.items()
    }


def corpus_payload(corpus: Corpus, manifest: Mapping[str, Any]) -> str:
    """What the compare step needs to know of the folder: files passed over, and the
    names the manifest lists."""
    return _dump(
        {
            "skipped": [{"name": display_name(s.name), "reason": s.reason} for s in corpus.skipped],
            "listed": sorted(manifest),
        }
    )


def sync(folder: Path, files: Mapping[str, str]) -> None:
    """Write each ``{file name: text}`` under ``folder`` unless it already holds exactly
    that text (an unchanged index keeps its time stamp, so nothing reruns)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = folder / name
            try:
                if path.read_text(encoding="utf-8") == text:
                    continue
            except (OSError, UnicodeDecodeError):
                pass
            write_text(path, text)
    except OSError as err:
        raise ShardIndexError(
            f"cannot write the build's index files in {folder} ({err.strerror or err}); "
            "check that the config key 'results' names a folder you can write to"
        ) from err


def write_all(folder: Path, corpus: Corpus, seeds: Path, manifest: Mapping[str, Any]) -> None:
    payloads = shard_payloads(corpus, seeds, manifest)
    files = {f"{shard:03d}.json": text for shard, text in payloads.items()}
    files["corpus.json"] = corpus_payload(corpus, manifest)
    sync(folder, files)


def read_shard(path: Path) -> ShardIndex:
    data = json.loads(path.read_text(encoding="utf-8"))
    return ShardIndex(tuple(name for name, _ in data["articles"]), dict(data["entries"]))


def read_corpus(path: Path) -> tuple[list[Skipped], tuple[str, ...]]:
    """Files passed over, and the manifest's names."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Skipped(**s) for s in data["skipped"]], tuple(data["listed"])
