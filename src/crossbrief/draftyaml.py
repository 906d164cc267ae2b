"""``crossbrief draft-topic``: a starter topic file from a folder of articles, with
comments that tell the analyst what to check. The file is checked against the topic
schema before it is written, and an existing file is kept unless asked otherwise."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from crossbrief import draft
from crossbrief.compare import discover, discovered, frame, reprints
from crossbrief.compare.dated_features import stem
from crossbrief.corpus import SUFFIXES
from crossbrief.extract.names import token_key
from crossbrief.records import Document

PLACEHOLDER = "TOPIC NAME: fill in"


class DraftError(ValueError):
    """The draft cannot be written; the message says why."""


def _q(text: str) -> str:
    """A YAML scalar: JSON's double-quoted string is valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def topic_date(value: str) -> str:
    """An ISO date as a topic file takes it (a week becomes the month of its Thursday)."""
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        thursday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 4)
        return thursday.strftime("%Y-%m")
    return value


def _surface(event: discover.Discovered, key: str) -> str | None:
    """A name as an article writes it, for a name's skeleton key or a country."""
    if key.startswith("c:"):
        return key[2:]
    for s in event.statements:
        for word in re.findall(r"[A-Z][\w'’-]*", s.quote):
            if token_key(word) == key or word == key:
                return str(word)
    return key if re.search(r"[A-Z]", key) else None


def match_groups(event: discover.Discovered) -> list[list[str]]:
    """Term groups that find the event's sentences: its two most shared words (any
    ending), then names, until there are two groups."""
    named = {stem(w) for w in re.findall(r"[\w'’-]+", event.name)}
    words = sorted(
        (w for w in event.terms if re.search(r"[^\W\d_]", w)), key=lambda w: w not in named
    )  # the words of the event's name first
    groups = [[w + "*"] for w in words][:2]
    for key in [*event.names, *event.places]:
        if len(groups) >= 2:
            break
        surface = _surface(event, key)
        if surface and [surface] not in groups:
            groups.append([surface])
    return groups


def _event_lines(events: Sequence[discover.Discovered]) -> list[str]:
    lines = []
    for e in events:
        groups = match_groups(e)
        if not groups:
            continue
        given = {s.document: s.date for s in sorted(e.statements, key=lambda s: s.id)}
        told = ", ".join(f"{d} ({v})" for d, v in sorted(given.items()))
        lines += [
            f"  # told by {len(e.sources)} sources: {told}",
            f"  {e.id}:",
            f"    name: {_q(e.name)}",
            f"    date: {topic_date(e.date)}",
            "    match:",
            f"      - all: [{', '.join('[' + ', '.join(_q(t) for t in g) + ']' for g in groups)}]",
            "        date: required",
        ]
    return lines


HEADER = """\
# A DRAFT topic file, written by `crossbrief draft-topic` from the articles in {seeds}.
# Everything below was read from the articles by rules, not checked by anyone: read each
# section, delete what is wrong, fix names, and add what is missing. The file is valid
# as it is (the build accepts it), so you can build a first briefing before editing.
# The layout and every key are explained in config/topic.yaml and the README ("A new
# topic"); the file is checked against src/crossbrief/topic.schema.yaml.

# CHECK: the topic's name, as the briefing's title page shows it.
name: {name}
description: >
  {description}
"""


def render(draft_: draft.Draft, seeds: str) -> str:
    out = [
        HEADER.format(
            seeds=seeds,
            name=_q(PLACEHOLDER),
            description="Drafted from the articles; say in a sentence what the briefing follows.",
        )
    ]
    out.append(
        "# CHECK: whose forces a figure counts when the sentence names no one. Proposed: the\n"
        "# country the articles name most often. Delete the line to report such figures\n"
        "# with no actor."
    )
    out.append(f"default_actor: {_q(draft_.default_actor)}" if draft_.default_actor else "")
    out.append(
        "\n# CHECK: places below country level, each with its country as the gazetteer names\n"
        '# it, where the text says which ("X, Iraq", "the Iraqi town of X"). Remove what is\n'
        "# no place (a person or an organisation after 'in'), merge spellings of one place\n"
        "# into `aliases: [...]`, and mark `territory: true` a place compared on its own\n"
        "# (Gaza). Places whose country the text does not say are listed as comments, with\n"
        "# the countries named beside them: add the country and remove the #."
    )
    known = [p for p in draft_.places if p.country]
    out.append("places:" + ("" if known else " {}"))
    out += [f"  {_q(p.name)}: {{country: {_q(str(p.country))}}}" for p in known]
    out += [
        f"  # {_q(p.name)}: {{country: ???}}"
        + (f"  # named beside it: {', '.join(p.nearby)}" if p.nearby else "")
        for p in draft_.places
        if not p.country
    ]
    out.append(
        "\n# CHECK: people, groups and institutions, with the spellings the articles use\n"
        "# (spellings that differ by transliteration were merged: Qassem / Qasem). Remove\n"
        "# what is no entity, merge two entries that are one, keep a surname alone only when\n"
        "# it names one person in these articles."
    )
    out.append("entities:" + ("" if draft_.entities else " {}"))
    out += [f"  {_q(f.name)}: [{', '.join(_q(s) for s in f.spellings)}]" for f in draft_.entities]
    out.append(
        "\n# CHECK: names that stand for a country in the articles ('Tehran said'): capitals\n"
        "# and seats of government found in such a place. Remove any that the articles use\n"
        "# for the city itself."
    )
    # a name is a place, an entity or an actor's alias, never two of them
    place_names = {p.name for p in known} | {n for f in draft_.entities for n in f.spellings}
    actors = {k: [n for n in v if n not in place_names] for k, v in draft_.actors.items()}
    out.append("actors:" + ("" if any(actors.values()) else " {}"))
    out += [
        f"  {_q(label)}: [{', '.join(_q(n) for n in names)}]"
        for label, names in actors.items()
        if names
    ]
    out += [
        f"  # {_q(label)}: [{_q(n)}]  # a place or entity above"
        for label, names in draft_.actors.items()
        for n in names
        if n in place_names
    ]
    events = _event_lines(draft_.events)
    out.append(
        "\n# CHECK: candidate events, each dated by two or more sources (the sources and the\n"
        "# dates they give are in the comment above it). Give each a clear id and name, set\n"
        "# the date you trust, and make the match terms specific (`@Name` stands for every\n"
        "# spelling of an entity or place above). `date: required` keeps a rule from matching\n"
        "# other dates: remove it once the terms alone are specific enough. Without an entry\n"
        "# the briefing still shows such events, marked 'discovered'."
    )
    out.append("events:" + ("" if events else " {}"))
    out += events
    return "\n".join(out) + "\n"


def _articles(seeds: Path) -> list[Path]:
    return sorted(p for p in seeds.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def draft_topic(seeds: Path, manifest: Path | None = None) -> str:
    """The text of a starter topic file for the articles in ``seeds``."""
    from crossbrief.evalsets import read
    from crossbrief.extract.document import Extractor
    from crossbrief.topic import builtin

    if not seeds.is_dir():
        raise DraftError(f"{seeds} is not a folder of articles")
    if manifest is None and (seeds / "sources.yaml").is_file():
        manifest = seeds / "sources.yaml"
    documents = [
        d for d in (read(p, manifest) for p in _articles(seeds)) if isinstance(d, Document)
    ]
    if not documents:
        raise DraftError(f"no readable articles ({', '.join(SUFFIXES)}) in {seeds}")
    topic = builtin()
    extractor = Extractor.for_topic(topic)
    corpus = frame.Corpus(documents, [], [extractor.extract(d) for d in documents])
    found = discovered.found(corpus, reprints.groups(documents), topic)
    actors = draft.actors(documents)
    places = draft.places(documents)
    # a capital used for its country is an actor's alias, unless two articles place
    # things in it; a name is then neither an entity nor a place
    as_place = {p.name for p in places if len(p.documents) >= 2}
    actors = {
        k: tuple(n for n in v if n not in as_place)
        for k, v in actors.items()
        if any(n not in as_place for n in v)
    }
    taken = {n for v in actors.values() for n in v}
    result = draft.Draft(
        tuple(
            e
            for e in draft.entities(documents)
            if not set(e.spellings) & (taken | {p.name for p in places})
        ),
        tuple(p for p in places if p.name not in taken),
        actors,
        tuple(found),
        draft.default_actor(documents),
    )
    return render(result, str(seeds))


def write(seeds: Path, out: Path, force: bool = False, manifest: Path | None = None) -> str:
    """Write the draft to ``out`` (never over a file unless ``force``), after checking
    it as the build would; returns the text."""
    from crossbrief.topic import TopicError, load

    if out.exists() and not force:
        raise DraftError(f"{out} exists; choose another --out, or add --force to replace it")
    text = draft_topic(seeds, manifest)
    tmp = out.with_name(f".{out.name}.draft-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    try:
        load(tmp)
    except TopicError as err:
        tmp.unlink()
        raise DraftError(
            f"the draft does not pass the topic checks (please report):\n{err}"
        ) from None
    tmp.replace(out)
    return text
