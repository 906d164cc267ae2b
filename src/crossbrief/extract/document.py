"""One document to its claims, event mentions and other dated statements.

The document is read once into sentence views (``view``); the sentences are then
gone through in order, each adding its event mentions, its claims (``claims``) and its
other dated statements, with the running state of the document (``state``) carried
from one to the next.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from crossbrief.extract import (
    countcontext,
    dated,
    events,
    gazetteer,
    nounafter,
    numbers,
    repeats,
    revisions,
)
from crossbrief.extract.claims import Memories, Setting, build, inherit, make_id, where
from crossbrief.extract.gazetteer import Gazetteer, Mention
from crossbrief.extract.names import NameMatcher
from crossbrief.extract.sentences import Sentence
from crossbrief.extract.state import Running, places_named, remember_place
from crossbrief.extract.view import Finders, SentenceView, read
from crossbrief.records import (
    Claim,
    DatedStatement,
    Document,
    EventMention,
    Extraction,
    TimeValue,
)
from crossbrief.topic import Topic

#: Numbers read in one sentence at most (tables of figures would make the clause rules
#: quadratic); the rest are reported in the warnings.
MAX_NUMBERS_PER_SENTENCE = 60


@dataclass(frozen=True)
class Extractor:
    """The topic's knowledge compiled once, to extract from many documents."""

    topic: Topic
    places: Gazetteer
    names: NameMatcher
    terms: events.TermScanner

    @staticmethod
    def for_topic(topic: Topic) -> Extractor:
        return Extractor(
            topic,
            gazetteer.build(
                {k: (c, list(a)) for k, (c, a) in topic.places.items()}, topic.actor_aliases
            ),
            NameMatcher(topic.entities),
            events.TermScanner(topic),
        )

    def extract(self, document: Document) -> Extraction:
        return _extract(self, document)

    def where(self, mention: Mention) -> str:
        """How a place is reported: its country, or itself when it is a territory."""
        return where(mention, self.topic.territories)


def _dominant_places(views: list[SentenceView], actor: str | None) -> tuple[str, ...]:
    """The places an article is mostly about: its countries (not the default actor),
    most named first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for view in views:
        if view.sentence.role != "body":
            continue
        for mention in view.mentions:
            if mention.kind == "country" and mention.label != actor:
                counts[mention.label] += 1
                first.setdefault(mention.label, mention.start)
    return tuple(sorted(counts, key=lambda k: (-counts[k], first[k])))


def _extract(ex: Extractor, document: Document) -> Extraction:
    anchor = dt.date.fromisoformat(document.published) if document.published else None
    views, oversized = read(Finders(ex.places, ex.names, ex.terms), document, anchor)
    default_actor = ex.topic.default_actor
    dominant = _dominant_places(views, default_actor)
    claims: list[Claim] = []
    mentions: list[EventMention] = []
    statements: list[DatedStatement] = []
    vague: list[str] = []
    merges: dict[tuple[str, str], dict[str, str]] = {}
    warnings: list[str] = _oversized_warnings(oversized)
    state = Running()
    memories = Memories({}, countcontext.CountMemory())
    publication = (
        TimeValue(document.published, 0, 0, document.published, "day", kind="publication")
        if document.published
        else None
    )
    for index, view in enumerate(views):
        s = view.sentence
        for name in view.names:
            if name.how != "exact":
                merges[(name.surface, name.canonical)] = {
                    "surface": name.surface,
                    "canonical": name.canonical,
                    "how": name.how,
                }
        for number in view.numbers:
            if number.vague and nounafter.counts_something(document.text, number.end):
                vague.append(
                    document.text[number.start : min(s.end, number.end + 40)].split(".")[0]
                )
        hits = (
            []
            if view.caption
            else events.match(ex.topic, view.terms, view.names, view.times, ex.terms.rules)
        )
        used, state = _event_mentions(document, view, hits, state, mentions)
        context = [
            v.sentence.text
            for v in views[max(0, index - 6) : index]
            if v.sentence.paragraph >= s.paragraph - 1
        ]
        memories.counts.enter(s.paragraph != state.paragraph)
        state = state.enter(view)
        local_numbers = view.local_numbers
        counted = [n for n in local_numbers if not n.vague]
        if len(counted) > MAX_NUMBERS_PER_SENTENCE:
            warnings.append(
                f"sentence at offset {s.start} has {len(counted)} numbers; only the first "
                f"{MAX_NUMBERS_PER_SENTENCE} were read"
            )
            last = counted[MAX_NUMBERS_PER_SENTENCE - 1].end
            local_numbers = [n for n in local_numbers if n.end <= last]
        setting = Setting(
            document,
            view,
            context,
            dominant,
            default_actor,
            ex.topic.territories,
            hits,
            publication,
        )
        windows: set[int] = set()
        gives_count = False
        carried = state.last_measure  # what the figures before this sentence counted
        for found in countcontext.sentence_measures(
            s.text, local_numbers, view.local_mentions, carried
        ):
            claim = repeats.told_again(
                build(setting, found, state, memories), claims, default_actor
            )
            claims.append(claim)
            state = state.remember(claim)
            remember_place(memories.figures, claim)
            memories.counts.remember(claim)
            if claim.window_start is not None and not countcontext.one_day(claim):
                windows.add(claim.window_start.start)
            gives_count = gives_count or claim.measure in ("attack_count", "casualty")
        places = places_named(view)
        state = state.leave(view, places)
        memories.counts.leave(tuple(m.label for m in places))
        for time in view.times:
            if time.note and time.note.startswith("says "):
                warnings.append(f"{time.text!r} {time.note} (sentence at offset {s.start})")
        statements.extend(
            _other_dated(document, s, view.times, used, windows, gives_count, view.caption)
        )
    return Extraction(
        document=document.id,
        published=document.published,
        claims=revisions.mark(claims),
        events=tuple(mentions),
        other_dated=tuple(statements),
        vague=tuple(vague),
        alias_merges=tuple(merges[k] for k in sorted(merges)),
        warnings=tuple(warnings),
    )


def _event_mentions(
    document: Document,
    view: SentenceView,
    hits: list[events.Hit],
    state: Running,
    out: list[EventMention],
) -> tuple[set[int], Running]:
    """The sentence's event mentions, each with the date the text gives it (added to
    ``out``); the offsets of the dates they took, and the state with the last date."""
    used: set[int] = set()
    if not hits:
        return used, state
    s = view.sentence
    dates = events.assign_dates(hits, view.times, s.start, s.text)
    for hit in hits:
        date = dates[hit.event.id]
        if date is not None and date.kind == "anaphoric":
            date = inherit(date, state.event_date)
        if date is not None:
            used.add(date.start)
            if date.value:
                state = state.dated(date)
        out.append(
            EventMention(
                make_id(document.id, hit.event.id, s.start),
                document.id,
                hit.event.id,
                date,
                s.text,
                s.start,
                s.end,
                hit.terms,
                view.caption,
            )
        )
    return used, state


def _oversized_warnings(oversized: list[numbers.Oversized]) -> list[str]:
    """One warning for all the numbers too large to be figures (a hostile text may hold
    thousands): how many, where the first is, and the bound."""
    if not oversized:
        return []
    first = oversized[0]
    written = f"{first.digits} digits" if first.digits else "words"
    bound = f"{numbers.MAX_VALUE:,} (numbers.MAX_VALUE)"
    if len(oversized) == 1:
        said = f"a number above {bound} was not read as a figure; it is written in {written}"
    else:
        said = (
            f"{len(oversized)} numbers above {bound} were not read as figures; the first is "
            f"written in {written}"
        )
    return [
        f"{said} at offset {first.start}. Check the article's text: no count of troops, "
        "attacks or casualties is that large"
    ]


def _other_dated(
    document: Document,
    s: Sentence,
    times: list[TimeValue],
    used: set[int],
    windows: set[int],
    counted: bool,
    caption: bool,
) -> list[DatedStatement]:
    """The sentence's dated statements: one per date no event and no count took."""
    if not times:
        return []
    return [
        DatedStatement(
            make_id(document.id, "dated", s.start, date.start),
            document.id,
            date,
            s.text,
            s.start,
            s.end,
            caption,
        )
        for date in dated.statement_dates(times, used, windows, counted)
    ]
