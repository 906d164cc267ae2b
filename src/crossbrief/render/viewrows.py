"""The typed rows of the change, attack, casualty, input and correction tables, as the
templates print them (figure and source rows: viewmodel; event and conflict rows:
viewevents).

Each row read back from its CSV file as text becomes a frozen dataclass: figures are
floats (None when empty), counts ints, flags bools, lists of identifiers tuples."""

from __future__ import annotations

from dataclasses import dataclass

from crossbrief.render.viewmodel import Row, amount, count, flag, ids

#: The separator of the parts of a troop group's key (compare.troops).
KEY_SEPARATOR = " | "


@dataclass(frozen=True)
class TroopChange:
    """A large step between two periods of one troop group."""

    group: tuple[str, ...]  # actor, location, measure
    measure: str
    from_when: str
    to_when: str
    from_value: float | None
    to_value: float | None
    from_claims: tuple[str, ...]
    to_claims: tuple[str, ...]
    explanation: str

    @property
    def label(self) -> str:
        return ", ".join(self.group)

    @staticmethod
    def of(r: Row) -> TroopChange:
        return TroopChange(
            tuple(r["group_key"].split(KEY_SEPARATOR)),
            r["measure"],
            r["from_when"],
            r["to_when"],
            amount(r["from_value"]),
            amount(r["to_value"]),
            ids(r["from_claims"]),
            ids(r["to_claims"]),
            r["explanation"],
        )


@dataclass(frozen=True)
class AttackCount:
    claim: str
    outlet: str
    published: str
    document: str
    value: float | None
    qualifier: str
    low: float | None
    high: float | None
    window_start: str
    window_text: str
    as_of: str
    target: str
    locations: str
    attributed_to: str
    weeks: float | None
    rate_per_week: float | None
    corrected: str  # what the analyst's correction changed, empty when none
    credibility: str

    @staticmethod
    def of(r: Row, credibility: str = "") -> AttackCount:
        return AttackCount(
            r["claim"],
            r["outlet"],
            r["published"],
            r["document"],
            amount(r["value"]),
            r["qualifier"],
            amount(r["low"]),
            amount(r["high"]),
            r["window_start"],
            r["window_text"],
            r["as_of"],
            r["target"],
            r["locations"],
            r["attributed_to"],
            amount(r["weeks"]),
            amount(r["rate_per_week"]),
            r.get("corrected", ""),
            credibility,
        )


@dataclass(frozen=True)
class AttackFlag:
    """Two cumulative attack counts of which the later is the smaller."""

    earlier: str
    later: str
    earlier_outlet: str
    later_outlet: str
    explanation: str

    @staticmethod
    def of(r: Row) -> AttackFlag:
        return AttackFlag(
            r["earlier"], r["later"], r["earlier_outlet"], r["later_outlet"], r["explanation"]
        )


@dataclass(frozen=True)
class Casualty:
    subject: str
    event: str
    name: str
    outcome: str
    outlet: str
    published: str
    document: str
    value: float | None
    low: float | None
    qualifier: str
    who: str
    location: str
    as_of: str
    window_start: str
    period: int
    claim: str
    corrected: str  # what the analyst's correction changed, empty when none
    credibility: str

    @property
    def outcome_words(self) -> str:
        """The outcome as words: "killed or wounded", not "killed_or_wounded"."""
        return self.outcome.replace("_", " ")

    @staticmethod
    def of(r: Row, credibility: str = "") -> Casualty:
        return Casualty(
            r["subject"],
            r["event"],
            r["name"],
            r["outcome"],
            r["outlet"],
            r["published"],
            r["document"],
            amount(r["value"]),
            amount(r["low"]),
            r["qualifier"],
            r["who"],
            r["location"],
            r["as_of"],
            r["window_start"],
            count(r["period"]),
            r["claim"],
            r.get("corrected", ""),
            credibility,
        )


@dataclass(frozen=True)
class CasualtySummary:
    """The casualty figures of one subject, outcome and period, side by side."""

    subject: str
    name: str
    outcome: str
    window_start: str
    when: str
    sources: int
    independent: int
    values: str  # the distinct figures as printed
    agree: bool
    claims: tuple[str, ...]
    by_source: str

    @staticmethod
    def of(r: Row) -> CasualtySummary:
        return CasualtySummary(
            r["subject"],
            r["name"],
            r["outcome"],
            r["window_start"],
            r["when"],
            count(r["sources"]),
            count(r["independent"]),
            r["values"],
            flag(r["agree"]),
            ids(r["claims"]),
            r["by_source"],
        )


#: Input statuses that mean the file could not be read or counted.
PROBLEM_STATUSES = ("rejected", "skipped", "duplicate")


@dataclass(frozen=True)
class InputFile:
    file: str
    status: str
    sha256: str
    bytes: int
    encoding: str
    metadata: str
    reason: str

    @property
    def status_class(self) -> str:
        """The status as a CSS class name."""
        return "status-" + self.status.replace(" ", "-")

    @property
    def problem(self) -> bool:
        return self.status in PROBLEM_STATUSES

    @staticmethod
    def of(r: Row) -> InputFile:
        return InputFile(
            r["file"],
            r["status"],
            r["sha256"],
            count(r["bytes"]),
            r["encoding"],
            r["metadata"],
            r["reason"],
        )


@dataclass(frozen=True)
class Correction:
    """One entry of the analyst's corrections file and whether it was applied."""

    target: str
    id: str
    action: str
    change: str
    reason: str
    document: str
    quote: str
    status: str

    @property
    def applied(self) -> bool:
        return self.status == "applied"

    @property
    def amended(self) -> bool:
        """An applied amendment: what it names is marked corrected."""
        return self.applied and self.action == "amended"

    @property
    def amends_claim(self) -> bool:
        """An applied amendment of a figure, whose quote the briefing can link to."""
        return self.target == "claim" and self.amended

    @staticmethod
    def of(r: Row) -> Correction:
        return Correction(
            r["target"],
            r["id"],
            r["action"],
            r["change"],
            r["reason"],
            r["document"],
            r["quote"],
            r["status"],
        )
