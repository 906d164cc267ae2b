"""Topic knowledge from ``config/topic.yaml``: name, default actor, places, entities,
actor aliases and the event catalogue. Everything specific to a topic is here, as data.

The file is hostile input. It is read with :mod:`crossbrief.yamlinput` (duplicate keys
are errors, values are text), checked against ``topic.schema.yaml`` (shipped with the
package), then checked against what a schema cannot know: the gazetteer's countries,
the entities the file defines, calendar dates. Every problem becomes a
:class:`TopicError` whose lines read ``topic file PATH: KEY PATH: what is wrong; fix:
how to fix it``. Importing this module stays light: jsonschema and the gazetteer are
loaded only when a file is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crossbrief import yamlinput
from crossbrief.yamlinput import keypath

if TYPE_CHECKING:
    import jsonschema

#: Problems listed in one message; the rest are counted.
MAX_PROBLEMS = 10

_GAZETTEER_FIX = (
    "names come from pycountry and src/crossbrief/lexicon/countries.yaml; add a missing name there"
)


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
    #: actor label (a country's label as the output uses it, an organisation or an
    #: entity) -> other names that stand for it in text (Pyongyang, DPRK, the North).
    actor_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


@dataclass(frozen=True)
class _Problem:
    path: tuple[object, ...]
    what: str
    fix: str

    def line(self, where: str) -> str:
        at = keypath(self.path)
        return f"{where}: {at + ': ' if at else ''}{self.what}; fix: {self.fix}"


class _Problems(Exception):
    def __init__(self, problems: list[_Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def load(path: Path) -> Topic:
    where = f"topic file {path}"
    try:
        data = yamlinput.read(path)
    except yamlinput.YamlInputError as err:
        raise TopicError(f"{where}: {err}") from None
    return parse(data, where)


def parse(data: Any, where: str) -> Topic:
    """The topic in ``data`` (as :func:`crossbrief.yamlinput.read` returns it), or a
    TopicError listing its problems, each line starting with ``where``."""
    try:
        _check_schema(data)
        return _build(data)
    except (TypeError, AttributeError, KeyError, IndexError, ValueError, RecursionError) as err:
        # A shape the schema let through but the parser cannot read: still a message.
        raise TopicError(
            f"{where}: a value has a shape this version cannot read ({type(err).__name__}: "
            f"{err}); fix: compare the file with the layout in config/topic.yaml, and "
            "report the case so that the schema catches it"
        ) from None
    except _Problems as found:
        lines = [p.line(where) for p in found.problems[:MAX_PROBLEMS]]
        more = len(found.problems) - MAX_PROBLEMS
        if more > 0:
            lines.append(f"{where}: ... and {more} more problem{'s' if more > 1 else ''}")
        raise TopicError("\n".join(lines)) from None


# --- the schema ------------------------------------------------------------------


@cache
def _validator() -> jsonschema.protocols.Validator:
    from importlib.resources import files

    import jsonschema
    import yaml

    text = files("crossbrief").joinpath("topic.schema.yaml").read_text(encoding="utf-8")
    schema = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # our file
    return jsonschema.Draft202012Validator(_inline(schema, schema.get("$defs", {})))


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with its local ``$ref``s replaced by what they name (a ``$ref`` beside
    other keywords joins them in ``allOf``, as 2020-12 reads it): the same checks with
    no reference lookup per value, a third of the validation time."""
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _inline(v, defs) for k, v in node.items() if k not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return out
    target = _inline(defs[ref.removeprefix("#/$defs/")], defs)
    return {**out, "allOf": [*out.get("allOf", []), target]} if out else target


def _check_schema(data: Any) -> None:
    problems: list[_Problem] = []
    seen: set[tuple[object, ...]] = set()
    for error in _validator().iter_errors(data):
        problem = _explain(error)
        if problem.path not in seen:  # the first problem of a value is enough
            seen.add(problem.path)
            problems.append(problem)
    if problems:
        raise _Problems(problems)


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    kinds = {dict: "a mapping", list: "a list", bool: "true/false", str: "text"}
    return kinds.get(type(value), type(value).__name__)


_YAML_WORDS: dict[Any, str] = {True: "true", False: "false", None: "null"}
_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of keys",
    "boolean": "true or false",
    "null": "empty",
}


def _explain(error: jsonschema.ValidationError) -> _Problem:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    fix = str(schema.get("x-fix") or "")
    value: Any = error.instance
    rule: Any = error.validator_value
    kind = error.validator
    if "propertyNames" in error.absolute_schema_path:  # a bad key: name it in the path
        written = _YAML_WORDS[value] if value is None or isinstance(value, bool) else value
        path = (*path, str(written))
        if kind == "type":
            return _Problem(path, f"the key {written} is not text", "quote it, or use another name")
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(schema.get("properties") or {})
        unknown = sorted(str(k) for k in value if k not in allowed)[0]
        close = yamlinput.close_matches(unknown, allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return _Problem(
            path,
            f"unknown key {unknown!r}; {hint}allowed: {', '.join(allowed)}",
            "correct the spelling or remove the key (see the comments in config/topic.yaml)",
        )
    if kind == "required" and isinstance(value, dict):
        missing = next(k for k in rule if k not in value)
        return _Problem(path, f"the key {missing!r} is missing", fix or f"add {missing}:")
    if kind == "type":
        names = [rule] if isinstance(rule, str) else list(rule)
        wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        return _Problem(path, f"is {_kind(value)}, expected {wanted}", fix or f"write {wanted}")
    if kind == "pattern":
        what = str(schema.get("x-problem") or "does not have the expected form")
        return _Problem(path, f"{value!r} {what}", fix or "correct the value")
    if kind == "minItems":
        return _Problem(path, "is an empty list", fix or "add at least one item, or remove the key")
    if kind == "maxLength":
        return _Problem(
            path,
            f"is {len(value)} characters long, more than {rule}",
            "shorten it",
        )
    if kind == "const":
        return _Problem(path, f"is {value!r}; the only value allowed is {rule!r}", fix)
    return _Problem(path, error.message, fix or "correct the value")


# --- what a schema cannot check, and the Topic ------------------------------------


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


def _build(data: dict[str, Any]) -> Topic:
    problems: list[_Problem] = []
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
                _Problem(
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
        raise _Problems(problems)
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
    problems: list[_Problem],
) -> str | None:
    """The label an actor is reported under: a country's or organisation's label as
    the output uses it ("United States" -> "US"), or an entity's name."""
    if name in entities:
        return name
    label = known.label(name, _ACTOR_KINDS)
    if label is None:
        problems.append(
            _Problem(
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
    problems: list[_Problem],
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
                _Problem(
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
                    _Problem(
                        ("actors", key, i),
                        f"{alias!r} names {other}, not {label}",
                        "remove it from this list",
                    )
                )
            elif alias in owner and owner[alias] != label:
                problems.append(
                    _Problem(
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
    problems: list[_Problem],
) -> Event:
    here = ("events", event_id)
    date = spec.get("date")
    if date is not None:
        try:
            yamlinput.check_date(date, partial=True)
        except ValueError as err:
            what, _, fix = str(err).partition("; fix: ")
            problems.append(_Problem((*here, "date"), what, fix))
    rules = []
    for r, rule in enumerate(spec.get("match") or ()):
        at = (*here, "match", r)
        groups = _groups(rule["all"], (*at, "all"), known, entities, places, problems)
        required = rule.get("date") == "required"
        if required and date is None:
            problems.append(
                _Problem(
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
    problems: list[_Problem],
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
                _Problem(
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
                _Problem(
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
    problems: list[_Problem],
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
    problems.append(_Problem(path, f"{term!r} names no entity or place of this file", fix))
    return []


#: What ``builtin()`` calls itself, so that output made with it says so.
BUILTIN_NAME = "no topic file (built-in neutral topic)"


def builtin() -> Topic:
    """The neutral topic used when none is given: countries, demonyms and organisations
    still come from the built-in gazetteer, but there are no places below country level,
    no entities, no default actor and no event catalogue."""
    return Topic(name=BUILTIN_NAME)
