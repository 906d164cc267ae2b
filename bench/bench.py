"""Benchmark of the real workflow on the sample articles and synthetic corpora.

    python bench/bench.py [--sizes 100 1000 10000] [--repeat 3] [--json]

For each corpus it builds the briefing in a temporary copy of the project and prints,
as medians over the repeats: cold build, no-op rerun and rerun after editing one
article (seconds), extraction speed (articles per second on one core), the peak RSS of
any process of the build, the PDF's pages and the PDF rendering time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import sentence_pool, write_corpus

from crossbrief.extract.document import Extractor
from crossbrief.ingest.manifest import load as load_manifest
from crossbrief.ingest.stage import read_article
from crossbrief.records import Document
from crossbrief.topic import load as load_topic
from crossbrief.workspace import copy_workflow

ROOT = Path(__file__).resolve().parent.parent
DATE = "2024-08-01"
KEYS = (
    "corpus",
    "articles",
    "cold_s",
    "noop_s",
    "edit_s",
    "extract_articles_per_s_core",
    "peak_rss_mb",
    "pdf_pages",
    "render_s",
)


_RUNNER = """
import resource, subprocess, sys
code = subprocess.call([sys.executable, "-m", "snakemake", "--quiet", "all", *sys.argv[1:]])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""


def build(project: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the largest process) of one `snakemake` run."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER, "--config", f"report_date={DATE}"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(
            f"build failed in {project}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return seconds, int(result.stdout.strip().splitlines()[-1]) / 1024


def extraction_rate(seeds: Path, limit: int = 300) -> float:
    """Articles per second of ingest plus extraction, in this process (one core)."""
    manifest = load_manifest(seeds / "sources.yaml")
    names = sorted(p.name for p in seeds.glob("*.txt"))[:limit]
    extractor = Extractor.for_topic(load_topic(ROOT / "config" / "topic.yaml"))
    warm = read_article(seeds, names[0], manifest.get(names[0]), 10**8)
    if isinstance(warm, Document):
        extractor.extract(warm)  # compile the patterns before timing
    rounds = max(1, 60 // len(names))  # a few hundred articles at least, for a stable rate
    start = time.perf_counter()
    for name in names * rounds:
        record = read_article(seeds, name, manifest.get(name), 10**8)
        if isinstance(record, Document):
            extractor.extract(record)
    return len(names) * rounds / (time.perf_counter() - start)


def render_seconds(project: Path) -> float:
    lines = (project / "results" / "benchmarks" / "render_pdf.tsv").read_text().splitlines()
    return float(lines[1].split("\t")[0])


def measure(corpus: str, size: int | None, pool: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="crossbrief-bench-") as tmp:
        project = copy_workflow(ROOT, Path(tmp) / "project")
        seeds = project / "seeds"
        if size is not None:
            write_corpus(pool, size, seeds)
        articles = len(list(seeds.glob("*.txt")))
        rate = extraction_rate(seeds)
        cold, rss_cold = build(project)
        noop, _ = build(project)
        first = sorted(seeds.glob("*.txt"))[0]
        with first.open("a", encoding="utf-8") as handle:
            handle.write("\nOfficials said on Monday that about 1,200 US troops remain in Iraq.\n")
        edit, rss_edit = build(project)
        pdf = project / "reports" / f"briefing-{DATE}.pdf"
        return {
            "corpus": corpus,
            "articles": articles,
            "cold_s": cold,
            "noop_s": noop,
            "edit_s": edit,
            "extract_articles_per_s_core": rate,
            "peak_rss_mb": max(rss_cold, rss_edit),
            "pdf_pages": len(PdfReader(pdf).pages),
            "render_s": render_seconds(project),
        }


def median_row(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out = dict(rows[0])
    for key in KEYS[2:]:
        out[key] = round(statistics.median(r[key] for r in rows), 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print a JSON list of rows")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    pool = sentence_pool(ROOT / "seeds")
    corpora: list[tuple[str, int | None]] = [("sample", None)] + [
        (f"synthetic-{n}", n) for n in args.sizes
    ]
    rows = []
    for name, size in corpora:
        repeats = [measure(name, size, pool) for _ in range(args.repeat)]
        rows.append(median_row(repeats))
        if not args.json:
            print_row(rows[-1], header=len(rows) == 1)
    if args.json:
        print(json.dumps(rows, indent=1))


def print_row(row: dict[str, Any], header: bool) -> None:
    widths = (14, 8, 8, 8, 8, 12, 10, 6, 9)
    if header:
        names = (
            "corpus",
            "articles",
            "cold s",
            "no-op s",
            "edit s",
            "extract/s/core",
            "peak RSS MB",
            "pages",
            "render s",
        )
        print(
            "  ".join(
                n.rjust(w) if i else n.ljust(w)
                for i, (n, w) in enumerate(zip(names, widths, strict=True))
            )
        )
    values = [row[k] for k in KEYS]
    cells = [f"{v:.2f}" if isinstance(v, float) else str(v) for v in values]
    print(
        "  ".join(
            c.rjust(w) if i else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
