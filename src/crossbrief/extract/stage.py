"""The extract stage of one shard: Documents in, one Extraction per document out."""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path

from crossbrief.extract.document import Extractor
from crossbrief.fileio import read_jsonl, write_jsonl
from crossbrief.records import Document, Extraction, from_json
from crossbrief.topic import load

log = logging.getLogger(__name__)


def extract_shard(documents: Path, topic: Path, out: Path) -> list[Extraction]:
    extractor = Extractor.for_topic(load(topic))
    results = []
    for row in read_jsonl(documents):
        record = from_json(row)
        if not isinstance(record, Document):
            continue
        extraction = extractor.extract(record)
        log.info(
            "%s: %d claims, %d event mentions, %d dated statements",
            record.id,
            len(extraction.claims),
            len(extraction.events),
            len(extraction.other_dated),
        )
        results.append(extraction)
    write_jsonl(out, (asdict(r) for r in results))
    return results
