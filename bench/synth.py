"""Synthetic corpora for the benchmark, made from the sample articles.

Each synthetic article mixes sentences drawn from all five sample articles, with its
numbers, years and months varied and its outlet and date drawn at random, so that
extraction does real work and no two articles are near-copies of one another.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import yaml

from crossbrief.extract.sentences import sentences
from crossbrief.ingest.stage import read_article
from crossbrief.records import Document

_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\w.])|(?<![\w.,])\d{2,3}(?![\w.,])")
_YEAR = re.compile(r"\b20(0\d|1\d|2[0-4])\b")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")


def sentence_pool(seeds: Path) -> list[str]:
    pool: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        record = read_article(seeds, path.name, None, 10**8)
        if isinstance(record, Document):
            pool.extend(s.text for s in sentences(record, roles=("body",)) if len(s.text) > 40)
    return pool


def _vary(sentence: str, rng: random.Random) -> str:
    def number(match: re.Match[str]) -> str:
        value = int(match.group().replace(",", ""))
        return f"{max(1, round(value * rng.uniform(0.6, 1.4))):,}"

    sentence = _NUMBER.sub(number, sentence)
    sentence = _YEAR.sub(lambda m: str(int(m.group()) + rng.choice((-1, 0, 0, 1))), sentence)
    return _MONTH.sub(lambda m: rng.choice(_MONTHS), sentence)


def write_corpus(pool: list[str], count: int, seeds: Path, seed: int = 7) -> None:
    """``count`` articles and their manifest in ``seeds`` (emptied first)."""
    seeds.mkdir(parents=True, exist_ok=True)
    for old in seeds.iterdir():
        old.unlink()
    rng = random.Random(seed)
    manifest = {}
    start = dt.date(2021, 1, 1)
    for i in range(count):
        picked = [_vary(s, rng) for s in rng.sample(pool, k=min(len(pool), rng.randint(16, 28)))]
        paragraphs = [" ".join(picked[j : j + 3]) for j in range(0, len(picked), 3)]
        name = f"synth_{i:05d}.txt"
        words = picked[0].split()
        title = f"Report {i}: {' '.join(rng.sample(words, k=min(6, len(words))))}"
        (seeds / name).write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        manifest[name] = {
            "outlet": f"Outlet {rng.randrange(60):02d}",
            "published": (start + dt.timedelta(days=rng.randrange(1300))).isoformat(),
        }
    (seeds / "sources.yaml").write_text(yaml.safe_dump(manifest, sort_keys=True), encoding="utf-8")
