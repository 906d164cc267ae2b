"""Extraction speed on the sample articles: articles per second on one core.

    python bench/extract_speed.py [--seconds 5]

Prints one line per measure; the target is 500 articles/s per core on 5 KB articles.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from crossbrief.extract.document import Extractor
from crossbrief.ingest.manifest import load as load_manifest
from crossbrief.ingest.stage import read_article
from crossbrief.records import Document
from crossbrief.topic import load

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    seeds = ROOT / "seeds"
    manifest = load_manifest(seeds / "sources.yaml")
    docs = []
    for path in sorted(seeds.glob("*.txt")):
        record = read_article(seeds, path.name, manifest.get(path.name), 10**8)
        assert isinstance(record, Document)
        docs.append(record)
    size = sum(len(d.text.encode()) for d in docs) / len(docs)
    t0 = time.perf_counter()
    extractor = Extractor.for_topic(load(ROOT / "config" / "topic.yaml"))
    setup = time.perf_counter() - t0
    for d in docs:
        extractor.extract(d)
    done = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < args.seconds:
        for d in docs:
            extractor.extract(d)
        done += len(docs)
    elapsed = time.perf_counter() - t0
    print(f"articles: {len(docs)} sample articles, {size / 1000:.1f} KB of text each on average")
    print(f"setup: {setup * 1000:.0f} ms (topic, gazetteer, name index)")
    rate, each = done / elapsed, elapsed / done * 1000
    print(f"extraction: {rate:.0f} articles/s on one core ({each:.2f} ms each)")


if __name__ == "__main__":
    main()
