"""Ingest + extraction time on hostile articles: each step must stay near-linear.

    python bench/hostile_speed.py [--size 5MB] [--only initials wrapped ...]

Each pattern is built in memory at the given size (bytes, or with a KB/MB suffix;
default 5 MB, the default max_article_bytes), written as one article and run through
the shard step's own functions (ingest_shard, then extract_shard) in this process,
once at a quarter of the size and once at the size. The table gives the seconds of
each step and the ratio of the total to the quarter-size run: near 4 means linear,
16 quadratic. A normal article (the sample articles repeated) is the baseline.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crossbrief.extract.stage import extract_shard
from crossbrief.ingest.stage import ingest_shard

ROOT = Path(__file__).resolve().parent.parent
_WORDS = re.findall(
    r"\w+",
    "troops moved along the road near the border while officials in the capital "
    "weighed a new plan for the bases and the convoy waited for orders from command",
)


@dataclass(frozen=True)
class Pattern:
    name: str
    suffix: str
    build: Callable[[int], str]  # size in bytes -> text of about that many bytes
    what: str


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit.encode("utf-8")) + 1))[:size]


def _normal(size: int) -> str:
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return _repeat("\n\n".join(articles) + "\n\n")(size)


def _wrapped(size: int) -> str:
    """Short lines of words that never end a sentence, each ending with a newline (all
    different, so that none is taken for repeated page furniture)."""
    rng = random.Random(0)
    vocabulary = sorted(set(_WORDS))
    n = len(vocabulary)
    lines: list[str] = []
    length = 0
    while length < size:
        i = len(lines)
        words = [vocabulary[i // n**k % n] for k in range(4)]  # unique per line
        words += rng.choices(vocabulary, k=rng.randint(1, 4))
        lines.append(" ".join(words) + "\n")
        length += len(lines[-1])
    return "".join(lines)[:size]


def _one_line(prefix: str, unit: str, suffix: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        body = size - len(prefix) - len(suffix)
        return prefix + _repeat(unit)(max(body, 1)) + suffix

    return build


PATTERNS = (
    Pattern("normal", ".txt", _normal, "the sample articles repeated (baseline)"),
    Pattern("images", ".md", _repeat("!["), '"![" repeated (Markdown image never closed)'),
    Pattern("links", ".md", _repeat("[a]("), '"[a](" repeated (Markdown link never closed)'),
    Pattern("initials", ".txt", _repeat("A. B. "), '"A. B. " repeated (initials)'),
    Pattern("us-army", ".txt", _repeat("U.S. Army "), '"U.S. Army " repeated'),
    Pattern("wrapped", ".txt", _wrapped, "hard-wrapped lines, no full stop anywhere"),
    Pattern("byline", ".txt", _one_line("By ", "A", "!"), '"By AAAA…!" (one byline line)'),
    Pattern("stops", ".txt", _repeat("."), "one run of full stops"),
    Pattern("numbers", ".txt", _repeat("1,2 "), '"1,2 " repeated (figures everywhere)'),
    Pattern("words", ".txt", _repeat("killed "), '"killed " repeated (one word, no stop)'),
    Pattern("dates", ".txt", _repeat("3 days ago "), '"3 days ago " repeated (dates everywhere)'),
    Pattern("vague", ".txt", _repeat("dozens of 5 troops "), "vague amounts between figures"),
    Pattern(
        "claims",
        ".txt",
        _repeat("US forces killed 12 people in Iraq, "),
        "a claim every 36 characters",
    ),
    Pattern(
        "places",
        ".txt",
        _repeat("They met in the US. The US has 5 troops. "),
        "one paragraph naming the actor's country again and again",
    ),
    Pattern("html", ".html", _repeat("<p>a"), '"<p>a" repeated (HTML, through trafilatura)'),
)


def parse_size(text: str) -> int:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmM]?)[bB]?\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r}: give bytes, e.g. 5000000, 200KB or 5MB")
    scale = {"": 1, "k": 1000, "m": 1000_000}[match.group(2).lower()]
    return int(float(match.group(1)) * scale)


def run(pattern: Pattern, size: int, work: Path) -> tuple[float, float]:
    """Seconds of ingest and of extraction for one article of ``size`` bytes."""
    seeds = work / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    name = f"{pattern.name}{pattern.suffix}"
    (seeds / name).write_text(pattern.build(size), encoding="utf-8")
    documents, claims = work / "documents.jsonl", work / "claims.jsonl"
    t0 = time.perf_counter()
    ingest_shard(seeds, [name], {}, max(size * 2, 10**6), documents)
    t1 = time.perf_counter()
    extract_shard(documents, ROOT / "config" / "topic.yaml", claims)
    t2 = time.perf_counter()
    (seeds / name).unlink()
    return t1 - t0, t2 - t1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=parse_size, default=5_000_000)
    parser.add_argument("--only", nargs="*", choices=[p.name for p in PATTERNS])
    args = parser.parse_args()
    chosen = [p for p in PATTERNS if not args.only or p.name in args.only]
    head = ("pattern", "size", "ingest s", "extract s", "total s", "ratio")
    print("{:10} {:>10} {:>9} {:>9} {:>8} {:>6}".format(*head))
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        run(PATTERNS[0], 20_000, Path(tmp))  # warm-up: imports, lexicons, compiled patterns
        for pattern in chosen:
            quarter = sum(run(pattern, args.size // 4, Path(tmp)))
            ingest, extract = run(pattern, args.size, Path(tmp))
            total = ingest + extract
            ratio = total / quarter if quarter > 0 else float("nan")
            print(
                f"{pattern.name:10} {args.size:>10,} {ingest:9.2f} {extract:9.2f} "
                f"{total:8.2f} {ratio:6.1f}",
                flush=True,
            )
    print("ratio: time at the size / time at a quarter of it (4 = linear, 16 = quadratic)")
    for pattern in chosen:
        print(f"  {pattern.name:10} {pattern.suffix:5} {pattern.what}")


if __name__ == "__main__":
    main()
