"""Scoring several labelled sets at once, per set and pooled, and the quality gate.

A *set* is an analyst's folder with its answers: articles (and their manifest), gold
files in the schema of ``tests/gold/README.md`` and the topic file the gold ids use.
``discover`` finds the sets of a corpus laid out as ``shared/devset`` is
(``<set>/articles``, ``<set>/gold``, ``<set>/topic.yaml``). Pooled figures add up the
counts of every set (micro-averages), so a large set weighs more than a small one.

The gate compares scores with floors kept in the repository (``quality/floors.yaml``):
``pooled`` floors apply to the whole corpus, ``sample`` floors to the sample articles.
A key is ``<type>.f1`` (or ``.precision``, ``.recall``) or an attribute name such as
``troop_figure.kind``; ``attributes`` is a floor for every attribute at once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from crossbrief.evaluate import Accuracy, Score, Tally, load_gold, score_document
from crossbrief.records import Document, Rejection


@dataclass(frozen=True)
class EvalSet:
    name: str
    articles: Path
    gold: Path
    topic: Path | None
    manifest: Path | None = None


def set_at(folder: Path) -> EvalSet | None:
    """The set in ``folder`` (``articles/``, ``gold/``, and ``topic.yaml`` if the set has
    one: without it the neutral built-in topic applies), or None."""
    if not ((folder / "articles").is_dir() and (folder / "gold").is_dir()):
        return None
    topic = folder / "topic.yaml"
    return EvalSet(
        folder.name,
        folder / "articles",
        folder / "gold",
        topic if topic.exists() else None,
        _manifest(folder / "articles"),
    )


def discover(root: Path) -> list[EvalSet]:
    """The sets under ``root``, in name order."""
    found = (set_at(folder) for folder in sorted(p for p in root.iterdir() if p.is_dir()))
    return [s for s in found if s is not None]


def _manifest(articles: Path) -> Path | None:
    path = articles / "sources.yaml"
    return path if path.exists() else None


def read(path: Path, manifest: Path | None, published: str | None = None) -> Document | Rejection:
    """One article as the workflow reads it, with its manifest entry (the manifest
    beside it when none is named) and optionally a publication date that overrides."""
    from crossbrief.ingest.manifest import load as load_manifest
    from crossbrief.ingest.stage import read_article

    if manifest is None:
        manifest = _manifest(path.parent)
    entries = load_manifest(manifest) if manifest else {}
    record = read_article(path.parent, path.name, entries.get(path.name), 10**9)
    if published and isinstance(record, Document):
        record = replace(
            record, published=published, known={**record.known, "published": "manifest"}
        )
    return record


def score_set(item: EvalSet) -> Score:
    """Extract every article of the set that has a gold file, and score it."""
    from crossbrief.extract.document import Extractor
    from crossbrief.topic import builtin, load

    topic = load(item.topic) if item.topic is not None else builtin()
    extractor = Extractor.for_topic(topic)
    score = Score()
    for gold in load_gold(item.gold):
        record = read(item.articles / gold["document"], item.manifest)
        if isinstance(record, Rejection):
            raise ValueError(f"{item.name}: {gold['document']}: {record.reason}")
        score_document(score, record.text, gold, extractor.extract(record))
    return score


def pooled(scores: list[Score]) -> Score:
    total = Score()
    for score in scores:
        for name, tally in score.types.items():
            into = total.tally(name)
            into.tp, into.fp, into.fn = into.tp + tally.tp, into.fp + tally.fp, into.fn + tally.fn
            into.errors.extend(tally.errors)
        for name, accuracy in score.attributes.items():
            acc = total.accuracy(name)
            acc.right, acc.total = acc.right + accuracy.right, acc.total + accuracy.total
            acc.errors.extend(accuracy.errors)
    return total


def metric(score: Score, key: str) -> float | None:
    """A score's figure by key (``troop_figure.f1``, ``event.date``); None if the set
    has no item of that kind."""
    name, _, what = key.rpartition(".")
    tally: Tally | None = score.types.get(name)
    if tally is not None and what in ("f1", "precision", "recall"):
        return float(getattr(tally, what)) if tally.tp + tally.fp + tally.fn else None
    accuracy: Accuracy | None = score.attributes.get(key)
    if accuracy is not None:
        return accuracy.value if accuracy.total else None
    return None


def below_floors(score: Score, floors: dict[str, float], where: str) -> list[str]:
    """Every floor the score falls below, as a sentence."""
    failures = []
    for key, floor in sorted(floors.items()):
        keys = sorted(score.attributes) if key == "attributes" else [key]
        for name in keys:
            value = metric(score, name)
            if value is not None and value + 1e-9 < float(floor):
                failures.append(f"{where}: {name} is {value:.3f}, below its floor {floor:.3f}")
    return failures


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected 'pooled:' and 'sample:' sections of floors")
    return {str(k): {str(n): float(v) for n, v in (data[k] or {}).items()} for k in data}


def table(scores: dict[str, Score]) -> str:
    """One block per set (and the pooled figures): P/R/F1 per type, then accuracy per
    attribute."""
    lines: list[str] = []
    for name, score in scores.items():
        lines.append(f"== {name}")
        lines.append(f"{'type':14} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
        for kind, t in sorted(score.types.items()):
            figures = f"{t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}"
            lines.append(f"{kind:14} {figures}  {t.tp:3} {t.fp:3} {t.fn:3}")
        lines.append(f"{'attribute':28} {'accuracy':>8}  right/total")
        for attr, a in sorted(score.attributes.items()):
            lines.append(f"{attr:28} {a.value:8.3f}  {a.right}/{a.total}")
        lines.append("")
    return "\n".join(lines)


def summary(scores: dict[str, Score], keys: list[str]) -> str:
    """A compact table: one row per set, one column per key."""
    head = f"{'set':26}" + "".join(
        f"{k.replace('_figure', '').replace('_count', ''):>16}" for k in keys
    )
    rows = [head]
    for name, score in scores.items():
        cells = []
        for key in keys:
            value = metric(score, key)
            cells.append(f"{'-' if value is None else f'{value:.3f}':>16}")
        rows.append(f"{name:26}" + "".join(cells))
    return "\n".join(rows)


SUMMARY_KEYS = [
    "troop_figure.f1",
    "attack_count.f1",
    "casualty.f1",
    "other_dated.f1",
    "event.date",
]


def warn(message: str) -> None:
    print(f"crossbrief: {message}", file=sys.stderr)


def as_json(scores: dict[str, Score]) -> dict[str, Any]:
    return {name: score.as_dict() for name, score in scores.items()}
