"""Topic knowledge from ``config/topic.yaml``: name, default actor, places, entities
and the event catalogue. Everything specific to a topic is here, as data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from crossbrief.fileio import read_regular_text

_TOP_KEYS = {"name", "description", "default_actor", "places", "entities", "events"}
_EVENT_KEYS = {"name", "date", "participants", "match", "notes"}


class TopicError(ValueError):
    """The topic file cannot be used; the message says what to fix."""


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

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


def load(path: Path) -> Topic:
    try:
        data = yaml.safe_load(read_regular_text(path))  # never opens a named pipe
    except (OSError, yaml.YAMLError) as err:
        raise TopicError(f"{path}: cannot be read as YAML ({err})") from err
    return parse(data, str(path))


def parse(data: Any, where: str) -> Topic:
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise TopicError(f"{where}: needs at least a 'name:' line naming the topic")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise TopicError(
            f"{where}: unknown key {unknown[0]!r}; allowed: {', '.join(sorted(_TOP_KEYS))}"
        )
    places = {
        str(name): (str(spec["country"]), tuple(map(str, spec.get("aliases") or ())))
        for name, spec in (data.get("places") or {}).items()
    }
    entities = {
        str(name): tuple(dict.fromkeys([str(name), *map(str, aliases or ())]))
        for name, aliases in (data.get("entities") or {}).items()
    }
    events = tuple(_event(str(k), v, where) for k, v in (data.get("events") or {}).items())
    return Topic(
        name=data["name"],
        description=str(data.get("description") or "").strip(),
        default_actor=data.get("default_actor") or None,
        places=places,
        territories=frozenset(
            str(name) for name, spec in (data.get("places") or {}).items() if spec.get("territory")
        ),
        entities=entities,
        events=events,
    )


def _event(event_id: str, spec: Any, where: str) -> Event:
    if not isinstance(spec, dict):
        raise TopicError(f"{where}: event {event_id!r} must be a mapping")
    unknown = sorted(set(spec) - _EVENT_KEYS)
    if unknown:
        raise TopicError(
            f"{where}: event {event_id!r} has unknown key {unknown[0]!r}; "
            f"allowed: {', '.join(sorted(_EVENT_KEYS))}"
        )
    date = spec.get("date")
    if isinstance(date, dt.date):
        date = date.isoformat()
    rules = []
    for rule in spec.get("match") or ():
        groups = tuple(tuple(str(t) for t in group) for group in rule.get("all") or ())
        if not groups:
            raise TopicError(f"{where}: event {event_id!r} has a match rule with no 'all' groups")
        rules.append(Rule(groups, rule.get("date") == "required"))
    return Event(
        id=event_id,
        name=str(spec.get("name") or event_id),
        date=str(date) if date is not None else None,
        participants=tuple(map(str, spec.get("participants") or ())),
        rules=tuple(rules),
    )
