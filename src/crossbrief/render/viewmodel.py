"""The typed rows the templates print, built from the comparison tables in one place.

The tables come back from their CSV files as text; here each row the templates use
becomes a frozen dataclass with typed values (numbers, counts, flags), so that a
template tests ``p.dispute``, not ``p.dispute == "True"``, and adds counts, not text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

Row = Mapping[str, str]
#: The sources table's columns that count figures (compare.stage.FIGURE_COLUMNS).
FIGURE_COLUMNS = ("troop_figures", "attack_counts", "casualties")
#: (text before the quote, the quote, text after) as render.briefing.highlight gives.
Parts = tuple[str, str, str]
NO_PARTS: Parts = ("", "", "")


def flag(text: str) -> bool:
    """A boolean table cell ("True" / "False" / empty)."""
    return text == "True"


def count(text: str) -> int:
    """A count cell; empty is 0."""
    return int(float(text)) if text else 0


def ids(text: str) -> tuple[str, ...]:
    """A cell of identifiers separated by spaces."""
    return tuple(text.split())


def amount(text: str) -> float | None:
    """A figure cell; empty is None."""
    return float(text) if text else None


@dataclass(frozen=True)
class Source:
    document: str
    outlet: str
    title: str
    author: str
    published: str
    published_known: str
    genre: str
    reliability: str
    words: int
    warnings: str
    url: str
    link: str
    counted_with: str
    figures: int  # troop figures, attack counts and casualty figures outside captions
    events: int

    @staticmethod
    def of(r: Row) -> Source:
        return Source(
            r["document"],
            r["outlet"],
            r["title"],
            r["author"],
            r["published"],
            r["published_known"],
            r["genre"],
            r["reliability"],
            count(r["words"]),
            r["warnings"],
            r["url"],
            r["link"],
            r.get("counted_with", ""),
            sum(count(r.get(name, "")) for name in FIGURE_COLUMNS),
            count(r["events"]),
        )


@dataclass(frozen=True)
class TroopGroup:
    actor: str
    location: str
    measure: str
    sources: int  # articles
    independent: int
    by_source: str
    minimum: float | None
    median: float | None
    maximum: float | None
    agreement: float  # share of independent sources agreeing with the mode, 0 to 1
    outliers: str
    headline: float | None
    headline_claims: tuple[str, ...]
    policy: str

    @staticmethod
    def of(r: Row) -> TroopGroup:
        return TroopGroup(
            r["actor"],
            r["location"],
            r["measure"],
            count(r["sources"]),
            count(r["independent"]),
            r["by_source"],
            amount(r["minimum"]),
            amount(r["median"]),
            amount(r["maximum"]),
            amount(r["agreement"]) or 0.0,
            r["outliers"],
            amount(r["headline"]),
            tuple(r["headline_claims"].split()),
            r["policy"],
        )


@dataclass(frozen=True)
class SeriesPeriod:
    actor: str
    location: str
    measure: str
    when: str
    independent: int
    by_source: str
    headline: float | None
    dispute: bool

    @staticmethod
    def of(r: Row) -> SeriesPeriod:
        return SeriesPeriod(
            r["actor"],
            r["location"],
            r["measure"],
            r["when"],
            count(r["independent"]),
            r["by_source"],
            amount(r["headline"]),
            flag(r["dispute"]),
        )


@dataclass(frozen=True)
class TroopFigure:
    claim: str
    actor: str
    location: str
    measure: str
    outlet: str
    published: str
    as_of: str
    as_of_from: str
    qualifier: str
    value: float | None
    low: float | None
    kind: str
    attributed_to: str
    corrected: str  # what the analyst's correction changed, empty when none
    credibility: str

    @staticmethod
    def of(r: Row, credibility: str = "") -> TroopFigure:
        return TroopFigure(
            r["claim"],
            r["actor"],
            r["location"],
            r["measure"],
            r["outlet"],
            r["published"],
            r["as_of"],
            r["as_of_from"],
            r["qualifier"],
            amount(r["value"]),
            amount(r["low"]),
            r["kind"],
            r["attributed_to"],
            r.get("corrected", ""),
            credibility,
        )


@dataclass(frozen=True)
class EvidenceFigure:
    claim: str
    outlet: str
    published: str
    as_of: str
    measure: str
    qualifier: str
    value: float | None
    low: float | None
    in_caption: bool
    credibility: str
    parts: Parts
    corrected: str  # what the analyst's correction changed, empty when none

    @property
    def measure_words(self) -> str:
        """The measure as words: "killed or wounded", not "killed_or_wounded"."""
        return self.measure.replace("_", " ")

    @staticmethod
    def of(r: Row, parts: Parts, credibility: str) -> EvidenceFigure:
        return EvidenceFigure(
            r["claim"],
            r["outlet"],
            r["published"],
            r["as_of"],
            r["measure"],
            r["qualifier"],
            amount(r["value"]),
            amount(r["low"]),
            flag(r["in_caption"]),
            credibility,
            parts,
            r.get("corrected", ""),
        )


@dataclass(frozen=True)
class DatedStatement:
    statement: str
    outlet: str
    date: str
    note: str
    quote: str
    in_caption: bool
    parts: Parts

    @staticmethod
    def of(r: Row, parts: Parts = NO_PARTS) -> DatedStatement:
        return DatedStatement(
            r["statement"],
            r["outlet"],
            r["date"],
            r["note"],
            r["quote"],
            flag(r["in_caption"]),
            parts,
        )


@dataclass(frozen=True)
class Reprint:
    """An article that counts as one source with others, and why."""

    document: str
    outlet: str
    group: str
    copies: int
    why: str

    @staticmethod
    def of(r: Row) -> Reprint:
        return Reprint(r["document"], r["outlet"], r["group"], count(r["copies"]), r.get("why", ""))
