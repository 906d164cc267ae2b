"""Topic knowledge from ``config/topic.yaml``: name, default actor, places, entities,
actor aliases and the event catalogue. Everything specific to a topic is here, as data.

The file is hostile input. It is read with :mod:`crossbrief.yamlinput` (duplicate keys
are errors, values are text), checked against ``topic.schema.yaml``
(:mod:`crossbrief.topicschema`), then against what a schema cannot know
(:mod:`crossbrief.topicbuild`): the gazetteer's countries, the entities the file
defines, calendar dates. Every problem becomes a :class:`TopicError` whose lines read
``topic file PATH: KEY PATH: what is wrong; fix: how to fix it``. Importing this module
stays light: jsonschema and the gazetteer are loaded only when a file is loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crossbrief import topicbuild, topicschema, yamlinput
from crossbrief.topicmodel import Event, Rule, Topic
from crossbrief.topicproblems import Problems

__all__ = [
    "BUILTIN_NAME",
    "MAX_PROBLEMS",
    "Event",
    "Rule",
    "Topic",
    "TopicError",
    "builtin",
    "load",
    "parse",
]

#: Problems listed in one message; the rest are counted.
MAX_PROBLEMS = 10


class TopicError(ValueError):
    """The topic file cannot be used; the message says what to fix."""


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
        topicschema.check(data)
        return topicbuild.build(data)
    except (TypeError, AttributeError, KeyError, IndexError, ValueError, RecursionError) as err:
        # A shape the schema let through but the parser cannot read: still a message.
        raise TopicError(
            f"{where}: a value has a shape this version cannot read ({type(err).__name__}: "
            f"{err}); fix: compare the file with the layout in config/topic.yaml, and "
            "report the case so that the schema catches it"
        ) from None
    except Problems as found:
        lines = [p.line(where) for p in found.problems[:MAX_PROBLEMS]]
        more = len(found.problems) - MAX_PROBLEMS
        if more > 0:
            lines.append(f"{where}: ... and {more} more problem{'s' if more > 1 else ''}")
        raise TopicError("\n".join(lines)) from None


#: What ``builtin()`` calls itself, so that output made with it says so.
BUILTIN_NAME = "no topic file (built-in neutral topic)"


def builtin() -> Topic:
    """The neutral topic used when none is given: countries, demonyms and organisations
    still come from the built-in gazetteer, but there are no places below country level,
    no entities, no default actor and no event catalogue."""
    return Topic(name=BUILTIN_NAME)
