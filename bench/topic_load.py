"""Start-up cost of the analyst's files: Snakemake reads the manifest and the topic
file at every start, and every compare and render job reads the topic again.

    python bench/topic_load.py [--repeat 7] [--entries 10000]

Prints, as medians over fresh interpreters: the time of ``import crossbrief.topic``
(Python's start-up subtracted), of loading config/topic.yaml cold (lazy imports
included) and warm, and of loading the sample manifest and a synthetic manifest of
``--entries`` articles.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_TIMED = """
import time
t0 = time.perf_counter()
{setup}
t1 = time.perf_counter()
{body}
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def _run(setup: str, body: str, repeat: int) -> tuple[float, float]:
    firsts, seconds = [], []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", _TIMED.format(setup=setup, body=body)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.split()
        firsts.append(float(out[0]))
        seconds.append(float(out[1]))
    return statistics.median(firsts), statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    topic = ROOT / "config" / "topic.yaml"
    imported, _ = _run("import crossbrief.topic", "pass", args.repeat)
    print(f"import crossbrief.topic          {imported * 1000:7.1f} ms")
    _, cold = _run(
        "from pathlib import Path\nfrom crossbrief.topic import load",
        f"load(Path({str(topic)!r}))",
        args.repeat,
    )
    print(f"load config/topic.yaml, cold      {cold * 1000:7.1f} ms")
    _, warm = _run(
        f"from pathlib import Path\nfrom crossbrief.topic import load\nload(Path({str(topic)!r}))",
        f"load(Path({str(topic)!r}))",
        args.repeat,
    )
    print(f"load config/topic.yaml, warm      {warm * 1000:7.1f} ms")
    manifest = ROOT / "seeds" / "sources.yaml"
    _, sample = _run(
        "from pathlib import Path\nfrom crossbrief.ingest.manifest import load",
        f"load(Path({str(manifest)!r}))",
        args.repeat,
    )
    print(f"load seeds/sources.yaml, cold     {sample * 1000:7.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "sources.yaml"
        big.write_text(
            "".join(
                f"{i:06d}.txt:\n  outlet: Example News {i % 50}\n  title: Title {i}\n"
                f"  published: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
                "  published_confidence: exact\n  reliability: B\n"
                for i in range(args.entries)
            ),
            encoding="utf-8",
        )
        _, large = _run(
            "from pathlib import Path\nfrom crossbrief.ingest.manifest import load",
            f"load(Path({str(big)!r}))",
            max(1, args.repeat // 2),
        )
    print(f"load manifest of {args.entries:,} entries   {large * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
