"""One shard of the corpus through ingest and extraction (one process per shard)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crossbrief.extract.stage import extract_shard
from crossbrief.ingest.manifest import Entry
from crossbrief.ingest.stage import ingest_shard


def process_shard(
    seeds: Path,
    names: list[str],
    entries: dict[str, dict[str, Any]],
    max_bytes: int,
    topic: Path,
    documents: Path,
    claims: Path,
) -> None:
    """Ingest ``names`` to ``documents``, then extract their claims to ``claims``."""
    ingest_shard(seeds, names, {k: Entry(**v) for k, v in entries.items()}, max_bytes, documents)
    extract_shard(documents, topic, claims)
