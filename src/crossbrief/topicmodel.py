"""The topic as the rest of the code sees it: plain frozen records, no validation.

:mod:`crossbrief.topic` reads and checks a topic file into these records."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    groups: tuple[tuple[str, ...], ...]  # every group needs one of its terms
    date_required: bool = False


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    date: str | None  # ISO at its granularity
    participants: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()


@dataclass(frozen=True)
class Topic:
    name: str
    description: str = ""
    default_actor: str | None = None
    places: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    territories: frozenset[str] = frozenset()  # places reported as themselves, not their country
    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    events: tuple[Event, ...] = ()
    #: actor label (a country's label as the output uses it, an organisation or an
    #: entity) -> other names that stand for it in text (Pyongyang, DPRK, the North).
    actor_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)
