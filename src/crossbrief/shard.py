"""One shard of the corpus through ingest and extraction (one process per shard)."""

from __future__ import annotations

from pathlib import Path

from crossbrief.extract.stage import extract_shard
from crossbrief.ingest.manifest import Entry
from crossbrief.ingest.stage import ingest_shard
from crossbrief.shardindex import read_shard


def process_shard(
    seeds: Path,
    index: Path,
    max_bytes: int,
    topic: Path,
    documents: Path,
    claims: Path,
) -> None:
    """Ingest the articles that ``index`` lists to ``documents``, then extract their
    claims to ``claims``."""
    listed = read_shard(index)
    entries = {k: Entry(**v) for k, v in listed.entries.items()}
    ingest_shard(seeds, list(listed.names), entries, max_bytes, documents)
    extract_shard(documents, topic, claims)
