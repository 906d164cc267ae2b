"""Score extraction against hand-labelled gold files (the schema of shared/gold).

A extracted claim matches a gold item of the same type when the values are equal, the
location agrees (the set of locations for attack counts) and the extracted sentence
overlaps the gold quote. Items marked ``optional`` count neither for nor against.
Events match on their catalogue id; a date is right when it agrees at the gold's
granularity (a null gold date needs a null extracted date). Unknown gold fields are
ignored.

Ranges: an extracted range ("2,500-3,000") has qualifier ``range``, ``low`` and ``high``
and its value is the high end. A gold item may label one as ``qualifier: range`` with
``low`` and ``high`` (and ``value`` equal to ``high``); then both ends must agree.
Gold written to the schema without a range qualifier labels a range by its upper bound
as ``up_to`` (see the devset notes); an extracted range's qualifier is right there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crossbrief import yamlinput
from crossbrief.records import Claim, EventMention, Extraction, TimeValue

GOLD_TYPES = {
    "troop_figures": "troop_figure",
    "attack_counts": "attack_count",
    "casualties": "casualty",
}
ATTRIBUTES = {
    "troop_figure": ("qualifier", "kind", "attributed_to"),
    "attack_count": ("qualifier", "attributed_to", "window_start", "as_of"),
    "casualty": ("qualifier", "outcome"),
}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.errors.append(what)


@dataclass
class Score:
    types: dict[str, Tally] = field(default_factory=dict)
    attributes: dict[str, Accuracy] = field(default_factory=dict)

    def tally(self, name: str) -> Tally:
        return self.types.setdefault(name, Tally())

    def accuracy(self, name: str) -> Accuracy:
        return self.attributes.setdefault(name, Accuracy())

    def as_dict(self) -> dict[str, Any]:
        return {
            "types": {
                k: {
                    "precision": round(t.precision, 4),
                    "recall": round(t.recall, 4),
                    "f1": round(t.f1, 4),
                    "tp": t.tp,
                    "fp": t.fp,
                    "fn": t.fn,
                    "errors": t.errors,
                }
                for k, t in sorted(self.types.items())
            },
            "attributes": {
                k: {
                    "accuracy": round(a.value, 4),
                    "right": a.right,
                    "total": a.total,
                    "errors": a.errors,
                }
                for k, a in sorted(self.attributes.items())
            },
        }


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where a gold quote stands in the text, white space and quote marks flexible."""
    parts = [re.escape(p) for p in quote.split()]
    pattern = r"\s+".join(parts)
    pattern = re.sub(r"(?:\\')|’", "['’]", pattern)
    match = re.search(pattern, text)
    return match.span() if match else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def date_agrees(given: TimeValue | None, gold: Any) -> bool:
    """A date is right when it agrees with the gold at the gold's granularity; a week
    ("last week") is right when the gold day lies in it, or its Thursday (the day that
    names an ISO week's month and year) lies in a gold month or year."""
    if gold is None:
        return given is None or given.value is None
    gold_text = str(gold)
    if given is None or given.value is None:
        return False
    if given.granularity == "week":
        return _week_agrees(given.value, gold_text)
    return len(given.value) >= len(gold_text) and given.value[: len(gold_text)] == gold_text


def _week_agrees(week: str, gold: str) -> bool:
    match = re.fullmatch(r"(\d{4})-W(\d{2})", week)
    if match is None:
        return False
    year, number = int(match.group(1)), int(match.group(2))
    try:
        monday = dt.date.fromisocalendar(year, number, 1)
    except ValueError:
        return False
    if len(gold) == 10:
        try:
            day = dt.date.fromisoformat(gold)
        except ValueError:
            return False
        return monday <= day <= monday + dt.timedelta(days=6)
    return (monday + dt.timedelta(days=3)).isoformat().startswith(gold)


def _same_place(claim: Claim, item: dict[str, Any]) -> bool:
    if claim.measure == "attack_count":
        return set(claim.locations) == set(item.get("locations") or [])
    return (claim.location or None) == (item.get("location") or None)


def _same_value(claim: Claim, item: dict[str, Any]) -> bool:
    if claim.value != float(item["value"]):
        return False
    if "low" in item and "high" in item:
        return (claim.low, claim.high) == (float(item["low"]), float(item["high"]))
    return True


def _qualifier_agrees(claim: Claim, want: Any) -> bool:
    if claim.qualifier == "range" and want == "up_to":
        return True  # a range labelled by its upper bound, the schema having no range
    return isinstance(want, str) and claim.qualifier.casefold() == want.casefold()


def _attribute(claim: Claim, item: dict[str, Any], name: str) -> bool:
    if name == "qualifier":
        return _qualifier_agrees(claim, item.get(name))
    if name == "window_start":
        return date_agrees(claim.window_start, item.get("window_start"))
    if name == "as_of":
        return date_agrees(claim.as_of, item.get("as_of"))
    got, want = getattr(claim, name), item.get(name)
    if isinstance(got, str) and isinstance(want, str):
        return got.casefold() == want.casefold()
    return bool(got == want)


def score_document(score: Score, text: str, gold: dict[str, Any], got: Extraction) -> None:
    doc = gold.get("document", got.document)
    claims = [c for c in got.claims if not c.in_caption]
    for key, measure in GOLD_TYPES.items():
        tally = score.tally(measure)
        candidates = [c for c in claims if c.measure == measure]
        used: set[str] = set()
        for item in gold.get(key) or []:
            span = quote_span(text, item["quote"])
            match = None
            if span is not None:
                match = next(
                    (
                        c
                        for c in candidates
                        if c.id not in used
                        and _same_value(c, item)
                        and _same_place(c, item)
                        and _overlaps((c.sentence_start, c.sentence_end), span)
                    ),
                    None,
                )
            if match is None:
                if not item.get("optional"):
                    tally.fn += 1
                    tally.errors.append(
                        f"{doc}: missed {measure} {item['value']} ({item['quote'][:60]})"
                    )
                continue
            used.add(match.id)
            if not item.get("optional"):
                tally.tp += 1
            for name in ATTRIBUTES[measure]:
                if name in item:
                    score.accuracy(f"{measure}.{name}").add(
                        _attribute(match, item, name),
                        f"{doc}: {measure} {item['value']} {name}: got {getattr(match, name)!r}, "
                        f"gold {item.get(name)!r}",
                    )
        for claim in candidates:
            if claim.id not in used:
                tally.fp += 1
                tally.errors.append(f"{doc}: extra {measure} {claim.value:g} ({claim.quote[:60]})")
    _score_events(score, text, gold, got, doc)
    _score_dated(score, text, gold, got, doc)


def _score_events(score: Score, text: str, gold: dict[str, Any], got: Extraction, doc: str) -> None:
    tally = score.tally("event")
    by_id: dict[str, list[EventMention]] = {}
    for mention in got.events:
        if not mention.in_caption:
            by_id.setdefault(mention.event, []).append(mention)
    gold_ids = {item["id"] for item in gold.get("events") or []}
    for item in gold.get("events") or []:
        found = by_id.get(item["id"])
        if not found:
            if not item.get("optional"):
                tally.fn += 1
                tally.errors.append(f"{doc}: missed event {item['id']}")
            continue
        if not item.get("optional"):
            tally.tp += 1
        span = quote_span(text, item["quote"])
        chosen = next((m for m in found if span and _overlaps((m.start, m.end), span)), found[0])
        score.accuracy("event.date").add(
            date_agrees(chosen.date, item.get("date")),
            f"{doc}: {item['id']} date: got {chosen.date.value if chosen.date else None!r}, "
            f"gold {item.get('date')!r}",
        )
    for event_id in sorted(set(by_id) - gold_ids):
        tally.fp += 1
        tally.errors.append(f"{doc}: extra event {event_id} ({by_id[event_id][0].quote[:60]})")


def _score_dated(score: Score, text: str, gold: dict[str, Any], got: Extraction, doc: str) -> None:
    tally = score.tally("other_dated")
    found = [d for d in got.other_dated if not d.in_caption]
    used: set[str] = set()
    for item in gold.get("other_dated") or []:
        span = quote_span(text, item["quote"])
        match = next(
            (
                d
                for d in found
                if d.id not in used
                and span
                and _overlaps((d.start, d.end), span)
                and date_agrees(d.date, item.get("date"))
            ),
            None,
        )
        if match is None:
            tally.fn += 1
            tally.errors.append(
                f"{doc}: missed dated statement {item.get('date')} ({item['quote'][:50]})"
            )
        else:
            used.add(match.id)
            tally.tp += 1
    for statement in found:
        if statement.id not in used:
            tally.fp += 1
            tally.errors.append(
                f"{doc}: extra dated statement {statement.date.value} ({statement.quote[:50]})"
            )


class GoldError(ValueError):
    """A gold file cannot be read; the message names it and says how to fix it."""


def load_gold(folder: Path) -> list[dict[str, Any]]:
    """Gold files of a folder (every YAML file with a ``document`` key). A label
    written twice is an error, not a silently dropped label."""
    out = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yamlinput.read(path, typed=True)
        except yamlinput.YamlInputError as err:
            raise GoldError(f"gold file {path}: {err}") from None
        if isinstance(data, dict) and "document" in data:
            out.append(data)
    return out
