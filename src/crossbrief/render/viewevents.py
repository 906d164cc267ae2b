"""The typed rows of the event, date-disagreement, events-matrix and conflict tables, as
the templates print them (see viewmodel for how text cells become typed values)."""

from __future__ import annotations

from dataclasses import dataclass

from crossbrief.render.viewmodel import NO_PARTS, Parts, Row, ids


@dataclass(frozen=True)
class EventMention:
    """One source's date of one event, with its quote split around the date."""

    event: str
    name: str
    catalogue_date: str
    outlet: str
    published: str
    document: str
    date: str
    granularity: str
    date_text: str
    terms: tuple[str, ...]
    mention: str
    quote: str
    kind: str  # "catalogue" or "discovered"
    parts: Parts

    @property
    def discovered(self) -> bool:
        """An event in no catalogue, found because several sources date it."""
        return self.kind == "discovered"

    @property
    def anchor(self) -> str:
        """The text highlighted in the quote: the date as written, else the first term."""
        return self.date_text or (self.terms[0] if self.terms else "")

    @staticmethod
    def of(r: Row, parts: Parts = NO_PARTS) -> EventMention:
        return EventMention(
            r["event"],
            r["name"],
            r["catalogue_date"],
            r["outlet"],
            r["published"],
            r["document"],
            r["date"],
            r["granularity"],
            r["date_text"],
            tuple(r["terms"].split("|")),
            r["mention"],
            r["quote"],
            r["kind"],
            parts,
        )


@dataclass(frozen=True)
class EventDisagreement:
    event: str
    name: str
    first: str
    second: str
    first_date: str
    second_date: str
    first_mention: str
    second_mention: str
    explanation: str

    @staticmethod
    def of(r: Row) -> EventDisagreement:
        return EventDisagreement(
            r["event"],
            r["name"],
            r["first"],
            r["second"],
            r["first_date"],
            r["second_date"],
            r["first_mention"],
            r["second_mention"],
            r["explanation"],
        )


@dataclass(frozen=True)
class Conflict:
    conflict: str
    type: str
    subject: str
    side_a: tuple[str, ...]
    side_b: tuple[str, ...]
    explanation: str

    @staticmethod
    def of(r: Row) -> Conflict:
        return Conflict(
            r["conflict"],
            r["type"],
            r["subject"],
            ids(r["side_a"]),
            ids(r["side_b"]),
            r["explanation"],
        )


#: The events matrix's columns before one column per outlet.
MATRIX_COLUMNS = ("event", "name", "catalogue_date", "kind")


@dataclass(frozen=True)
class EventsMatrixRow:
    """One event and the date each outlet gives it (empty when it gives none)."""

    event: str
    name: str
    catalogue_date: str
    kind: str
    dates: tuple[tuple[str, str], ...]  # (outlet, date)

    @staticmethod
    def of(r: Row) -> EventsMatrixRow:
        return EventsMatrixRow(
            r["event"],
            r["name"],
            r["catalogue_date"],
            r["kind"],
            tuple((k, v) for k, v in r.items() if k not in MATRIX_COLUMNS),
        )
