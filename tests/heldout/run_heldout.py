"""Held-out check: extraction on invented sentences (``cases.yaml``) that no rule was
written for, scored per class (troop, attack, casualty) and per attribute.

Run from the repository root::

    PYTHONPATH=src python tests/heldout/run_heldout.py [-v]

Not a pytest test: it measures, it does not gate. A claim matches an expected item of
its class with the same value (and the same low end for a range); the attributes the
item names are then compared (sources case-insensitively, with a leading article ignored;
dates by prefix).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from crossbrief.evalsets import read
from crossbrief.evaluate import date_agrees
from crossbrief.extract.document import Extractor
from crossbrief.records import Claim, Rejection
from crossbrief.topic import load

HERE = Path(__file__).resolve().parent
MEASURES = {"troop": "troop_figure", "attack": "attack_count", "casualty": "casualty"}
ATTRIBUTES = ("q", "kind", "outcome", "actor", "loc", "locs", "src", "window", "as_of")


@dataclass
class Tally:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _norm(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    text = text.strip().casefold()
    for article in ("the ", "a ", "an "):
        text = text.removeprefix(article)
    return text


def _options(want: Any) -> list[Any]:
    return list(want) if isinstance(want, list) else [want]


def _agrees(name: str, claim: Claim, want: Any) -> bool:
    if name == "locs":
        return set(claim.locations) == set(want or [])
    if name in ("window", "as_of"):
        time = claim.window_start if name == "window" else claim.as_of
        return date_agrees(time, str(want))
    got: str | None = {
        "q": claim.qualifier,
        "kind": claim.kind,
        "outcome": claim.outcome,
        "actor": claim.actor,
        "loc": claim.location,
        "src": claim.attributed_to,
    }[name]
    if name == "q" and got == "range":
        got = "up_to"  # a range is labelled by its upper bound where no low is given
    return any(_norm(got) == _norm(w) for w in _options(want))


def _matches(claim: Claim, item: dict[str, Any]) -> bool:
    if claim.measure != MEASURES[item["m"]] or claim.value != float(item["v"]):
        return False
    return "low" not in item or claim.low == float(item["low"])


def score_case(
    extractor: Extractor, case: dict[str, Any], folder: Path, tallies: dict[str, Tally]
) -> list[str]:
    """Score one case into ``tallies``; returns the errors, one line each."""
    name = f"{case['id']}.txt"
    (folder / name).write_text(case["text"].strip() + "\n", encoding="utf-8")
    manifest = folder / "sources.yaml"
    manifest.write_text(
        yaml.safe_dump({name: {"outlet": "Held-out", "published": str(case["published"])}}),
        encoding="utf-8",
    )
    document = read(folder / name, manifest, None)
    if isinstance(document, Rejection):
        return [f"{case['id']}: rejected: {document.reason}"]
    claims = list(extractor.extract(document).claims)
    errors: list[str] = []
    used: set[str] = set()
    for item in case.get("expect") or []:
        tally = tallies[item["m"]]
        claim = next((c for c in claims if c.id not in used and _matches(c, item)), None)
        if claim is None:
            if not item.get("optional"):
                tally.fn += 1
                errors.append(f"{case['id']}: MISSED {item['m']} {item['v']}")
            continue
        used.add(claim.id)
        if item.get("optional"):
            continue
        tally.tp += 1
        for attribute in ATTRIBUTES:
            if attribute not in item:
                continue
            tally.total[attribute] += 1
            if _agrees(attribute, claim, item[attribute]):
                tally.right[attribute] += 1
            else:
                errors.append(
                    f"{case['id']}: {item['m']} {item['v']} {attribute}: got "
                    f"{_got(attribute, claim)!r}, want {item[attribute]!r}"
                )
    for claim in claims:
        if claim.id not in used:
            short = next(k for k, v in MEASURES.items() if v == claim.measure)
            tallies[short].fp += 1
            errors.append(f"{case['id']}: EXTRA {short} {claim.value:g} ({claim.quote})")
    return errors


def _got(attribute: str, claim: Claim) -> Any:
    if attribute == "locs":
        return list(claim.locations)
    if attribute in ("window", "as_of"):
        time = claim.window_start if attribute == "window" else claim.as_of
        return time.value if time else None
    key = {"q": "qualifier", "loc": "location", "src": "attributed_to"}.get(attribute, attribute)
    return getattr(claim, key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every error")
    parser.add_argument("--cases", type=Path, default=HERE / "cases.yaml")
    parser.add_argument("--topic", type=Path, default=HERE / "topic.yaml")
    args = parser.parse_args(argv)
    cases = yaml.safe_load(args.cases.read_text(encoding="utf-8"))["cases"]
    extractor = Extractor.for_topic(load(args.topic))
    tallies: dict[str, Tally] = defaultdict(Tally)
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            errors += score_case(extractor, case, Path(tmp), tallies)
    print(f"held-out check: {len(cases)} cases")
    for short in MEASURES:
        t = tallies[short]
        attrs = ", ".join(f"{a} {t.right[a]}/{t.total[a]}" for a in ATTRIBUTES if t.total.get(a))
        print(f"  {short:9s} tp {t.tp:3d} fn {t.fn:3d} fp {t.fp:3d} F1 {t.f1():.2f} | {attrs}")
    if args.verbose:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
