"""What a schema cannot check in a topic file, and the :class:`Topic` built from it:
countries the gazetteer must know, entities and places the file defines, actor aliases
that must not name another actor, calendar dates of events. The gazetteer is loaded only
when a file is built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crossbrief import yamlinput
from crossbrief.topicmodel import Event, Rule, Topic
from crossbrief.topicproblems import Problem, Problems

_GAZETTEER_FIX = (
    "names come from pycountry and src/crossbrief/lexicon/countries.yaml; add a missing name there"
)


@dataclass(frozen=True)
class _Known:
    """Names the gazetteer knows: surface form -> (label, kind)."""

    names: dict[str, tuple[str, str]]

    @staticmethod
    def load() -> _Known:
        from crossbrief.extract.gazetteer import countries

        return _Known({surface: (label, kind) for surface, (label, _, kind) in countries().items()})

    def label(self, name: str, kinds: tuple[str, ...]) -> str | None:
        """The label of a country (or other ``kinds``) named ``name``, any letter case."""
        found = self.names.get(name)
        if found and found[1] in kinds:
            return found[0]
        labels = {
            lab for s, (lab, k) in self.names.items() if k in kinds and s.lower() == name.lower()
        }
        return labels.pop() if len(labels) == 1 else None

    def suggest(self, name: str, kinds: tuple[str, ...], extra: tuple[str, ...] = ()) -> str:
        pool = [s for s, (_, k) in self.names.items() if k in kinds] + list(extra)
        return _suggest(name, pool)


def _suggest(name: str, pool: list[str]) -> str:
    by_lower: dict[str, str] = {}
    for candidate in pool:
        by_lower.setdefault(candidate.lower(), candidate)
    close = yamlinput.close_matches(name.lower(), list(by_lower), n=3, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(repr(by_lower[c]) for c in close) + "?)"


def build(data: dict[str, Any]) -> Topic:
    problems: list[Problem] = []
    known = _Known.load()
    entities = {
        name: tuple(dict.fromkeys([name, *(aliases or ())]))
        for name, aliases in (data.get("entities") or {}).items()
    }
    places: dict[str, tuple[str, tuple[str, ...]]] = {}
    for name, spec in (data.get("places") or {}).items():
        country = known.label(spec["country"], ("country",))
        if country is None:
            problems.append(
                Problem(
                    ("places", name, "country"),
                    f"{spec['country']!r} is not a country the gazetteer knows",
                    f"write the country as the gazetteer names it"
                    f"{known.suggest(spec['country'], ('country',))}; {_GAZETTEER_FIX}",
                )
            )
        aliases = tuple(dict.fromkeys(spec.get("aliases") or ()))
        places[name] = (country or spec["country"], aliases)
    default_actor = data.get("default_actor")
    if default_actor is not None:
        default_actor = _actor(default_actor, ("default_actor",), known, entities, problems)
    actor_aliases = _actor_aliases(data.get("actors") or {}, known, entities, problems)
    events = tuple(
        _event(event_id, spec, known, entities, places, problems)
        for event_id, spec in (data.get("events") or {}).items()
    )
    if problems:
        raise Problems(problems)
    return Topic(
        name=data["name"].strip(),
        description=(data.get("description") or "").strip(),
        default_actor=default_actor,
        places=places,
        territories=frozenset(
            name for name, spec in (data.get("places") or {}).items() if spec.get("territory")
        ),
        entities=entities,
        events=events,
        actor_aliases=actor_aliases,
    )


_ACTOR_KINDS = ("country", "organisation")


def _actor(
    name: str,
    path: tuple[object, ...],
    known: _Known,
    entities: dict[str, tuple[str, ...]],
    problems: list[Problem],
) -> str | None:
    """The label an actor is reported under: a country's or organisation's label as
    the output uses it ("United States" -> "US"), or an entity's name."""
    if name in entities:
        return name
    label = known.label(name, _ACTOR_KINDS)
    if label is None:
        problems.append(
            Problem(
                path,
                f"{name!r} is neither a country or organisation the gazetteer knows nor an "
                "entity of this file",
                "write a country or organisation as the gazetteer names it, or an entity's "
                f"name{known.suggest(name, _ACTOR_KINDS, tuple(entities))}, or add {name!r} "
                f"under entities; {_GAZETTEER_FIX}",
            )
        )
    return label


def _actor_aliases(
    spec: dict[str, list[str] | None],
    known: _Known,
    entities: dict[str, tuple[str, ...]],
    problems: list[Problem],
) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    written: dict[str, str] = {}  # label -> the key as written
    owner: dict[str, str] = {}  # alias -> label
    for key, aliases in spec.items():
        label = _actor(key, ("actors", key), known, entities, problems)
        if label is None:
            continue
        if label in written:
            problems.append(
                Problem(
                    ("actors", key),
                    f"{key!r} and {written[label]!r} are the same actor ({label})",
                    "merge the two lists under one of them",
                )
            )
            continue
        written[label] = key
        names: list[str] = []
        for i, alias in enumerate(aliases or ()):
            other = known.label(alias, _ACTOR_KINDS) or (alias if alias in entities else None)
            if other is not None and other != label:
                problems.append(
                    Problem(
                        ("actors", key, i),
                        f"{alias!r} names {other}, not {label}",
                        "remove it from this list",
                    )
                )
            elif alias in owner and owner[alias] != label:
                problems.append(
                    Problem(
                        ("actors", key, i),
                        f"{alias!r} is already listed under {owner[alias]!r}",
                        "keep each name under one actor only",
                    )
                )
            elif alias not in names:
                owner[alias] = label
                names.append(alias)
        out[label] = tuple(names)
    return out


def _event(
    event_id: str,
    spec: dict[str, Any],
    known: _Known,
    entities: dict[str, tuple[str, ...]],
    places: dict[str, tuple[str, tuple[str, ...]]],
    problems: list[Problem],
) -> Event:
    here = ("events", event_id)
    date = spec.get("date")
    if date is not None:
        try:
            yamlinput.check_date(date, partial=True)
        except ValueError as err:
            what, _, fix = str(err).partition("; fix: ")
            problems.append(Problem((*here, "date"), what, fix))
    rules = []
    for r, rule in enumerate(spec.get("match") or ()):
        at = (*here, "match", r)
        groups = _groups(rule["all"], (*at, "all"), known, entities, places, problems)
        required = rule.get("date") == "required"
        if required and date is None:
            problems.append(
                Problem(
                    (*at, "date"),
                    "the rule requires a date but the event has none, so it can never hold",
                    "give the event a date, or remove `date: required`",
                )
            )
        rules.append(Rule(groups, required))
    return Event(
        id=event_id,
        name=(spec.get("name") or event_id).strip(),
        date=date,
        participants=tuple(spec.get("participants") or ()),
        rules=tuple(rules),
    )


def _groups(
    value: str | list[Any],
    path: tuple[object, ...],
    known: _Known,
    entities: dict[str, tuple[str, ...]],
    places: dict[str, tuple[str, tuple[str, ...]]],
    problems: list[Problem],
) -> tuple[tuple[str, ...], ...]:
    """Term groups from ``all``. One term alone (``all: Camp Lemonnier`` or ``all: [Camp
    Lemonnier]``) is one group of one term; a flat list of several terms is ambiguous (any of
    them, or every one?) and is refused with both ways to write it."""
    if isinstance(value, str):
        value = [[value]]
    elif all(isinstance(item, str) for item in value):
        if len(value) > 1:
            listed = ", ".join(value)
            first, second = value[0], value[1]
            problems.append(
                Problem(
                    path,
                    f"is a list of {len(value)} terms, not of term groups",
                    f"write [[{listed}]] if any one of them is enough, or "
                    f"[[{first}], [{second}], ...] if every one must appear",
                )
            )
            return ()
        value = [value]
    groups = []
    for g, group in enumerate(value):
        if isinstance(group, str):
            problems.append(
                Problem(
                    (*path, g),
                    f"{group!r} is a term where a group (a list of terms) is expected",
                    f"write it as [{group}]",
                )
            )
            continue
        terms: list[str] = []
        for t, term in enumerate(group):
            terms.extend(_term(term, (*path, g, t), known, entities, places, problems))
        groups.append(tuple(dict.fromkeys(terms)))
    return tuple(groups)


def _term(
    term: str,
    path: tuple[object, ...],
    known: _Known,
    entities: dict[str, tuple[str, ...]],
    places: dict[str, tuple[str, tuple[str, ...]]],
    problems: list[Problem],
) -> list[str]:
    """``term`` as the matcher takes it: ``@Entity`` stays; ``@Place`` becomes the
    place's name and aliases (plain terms)."""
    if not term.startswith("@"):
        return [term]
    name = term[1:]
    if name in entities:
        return [term]
    if name in places:
        return [name, *places[name][1]]
    if known.label(name, _ACTOR_KINDS) is not None:
        fix = f"countries and organisations are matched as plain terms: write {name}"
    else:
        fix = (
            f"correct the name{_suggest(name, [*entities, *places])}, or add {name!r} "
            "under entities with its spellings"
        )
    problems.append(Problem(path, f"{term!r} names no entity or place of this file", fix))
    return []
