"""One document to its claims, event mentions and other dated statements."""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from crossbrief.extract import (
    attribution,
    casualties,
    countcontext,
    dated,
    events,
    gazetteer,
    measures,
    numbers,
    timex,
    whereabouts,
)
from crossbrief.extract.gazetteer import Gazetteer, Mention
from crossbrief.extract.hedges import interval
from crossbrief.extract.names import NameMatch, NameMatcher
from crossbrief.extract.sentences import Sentence, sentences
from crossbrief.records import (
    Claim,
    DatedStatement,
    Document,
    EventMention,
    Extraction,
    TimeValue,
)
from crossbrief.topic import Topic

_T = TypeVar("_T")
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
        if mention.kind == "place" and mention.label not in self.topic.territories:
            return mention.country
        return mention.label


@dataclass(frozen=True)
class _Parsed:
    sentence: Sentence
    mentions: list[Mention]
    names: list[NameMatch]
    numbers: list[numbers.Number]
    times: list[TimeValue]
    terms: list[events.TermHit]


def _id(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def _bucket(starts: list[int], items: list[_T], start_of: Callable[[_T], int]) -> list[list[_T]]:
    """Items (in text order) per sentence, by the sentence their start falls in."""
    out: list[list[_T]] = [[] for _ in starts]
    for item in items:
        at = bisect_right(starts, start_of(item)) - 1
        if at >= 0:
            out[at].append(item)
    return out


def _parse(
    ex: Extractor, document: Document, anchor: dt.date | None
) -> tuple[list[_Parsed], list[numbers.Oversized]]:
    """Each finder runs once over the whole text; its matches go to their sentence.
    Numbers too large to be figures come back apart."""
    text = document.text
    found = sentences(document)
    starts = [s.start for s in found]
    ends = [s.end for s in found]

    def within(items: list[list[_T]], end_of: Callable[[_T], int]) -> list[list[_T]]:
        return [[x for x in group if end_of(x) <= ends[i]] for i, group in enumerate(items)]

    mentions = within(_bucket(starts, ex.places.find(text), lambda m: m.start), lambda m: m.end)
    names = within(_bucket(starts, ex.names.find(text), lambda m: m.start), lambda m: m.end)
    reading = numbers.read(text)
    counts = within(_bucket(starts, reading.numbers, lambda n: n.start), lambda n: n.end)
    terms = _bucket(starts, ex.terms.scan(text), lambda h: h.start)
    timed = {bisect_right(starts, m.start()) - 1 for m in timex.trigger().finditer(text)}
    parsed = []
    for i, s in enumerate(found):
        times = timex.tag(s.text, s.start, anchor, document.date_order) if i in timed else []
        parsed.append(_Parsed(s, mentions[i], names[i], counts[i], times, terms[i]))
    return parsed, reading.oversized


def _dominant_places(parsed: list[_Parsed], actor: str | None) -> tuple[str, ...]:
    """The places an article is mostly about: its countries (not the default actor),
    most named first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for item in parsed:
        if item.sentence.role != "body":
            continue
        for mention in item.mentions:
            if mention.kind == "country" and mention.label != actor:
                counts[mention.label] += 1
                first.setdefault(mention.label, mention.start)
    return tuple(sorted(counts, key=lambda k: (-counts[k], first[k])))


def _extract(ex: Extractor, document: Document) -> Extraction:
    anchor = dt.date.fromisoformat(document.published) if document.published else None
    parsed, oversized = _parse(ex, document, anchor)
    default_actor = ex.topic.default_actor
    dominant = _dominant_places(parsed, default_actor)
    claims: list[Claim] = []
    mentions: list[EventMention] = []
    statements: list[DatedStatement] = []
    vague: list[str] = []
    merges: dict[tuple[str, str], dict[str, str]] = {}
    warnings: list[str] = _oversized_warnings(oversized)
    last_event_date: TimeValue | None = None
    memory = _Memory()
    publication = (
        TimeValue(document.published, 0, 0, document.published, "day", kind="publication")
        if document.published
        else None
    )
    for index, item in enumerate(parsed):
        s = item.sentence
        caption = s.role == "caption"
        for name in item.names:
            if name.how != "exact":
                merges[(name.surface, name.canonical)] = {
                    "surface": name.surface,
                    "canonical": name.canonical,
                    "how": name.how,
                }
        for number in item.numbers:
            if number.vague and measures.counts_something(document.text, number.end):
                vague.append(
                    document.text[number.start : min(s.end, number.end + 40)].split(".")[0]
                )
        rel_times = [
            TimeValue(
                t.text,
                t.start - s.start,
                t.end - s.start,
                t.value,
                t.granularity,
                t.mod,
                t.anchor,
                t.kind,
                t.since,
                t.note,
            )
            for t in item.times
        ]
        hits = [] if caption else events.match(ex.topic, item.terms, item.names, item.times)
        dates = events.assign_dates(hits, item.times, s.start, s.text)
        used: set[int] = set()
        for hit in hits:
            date = dates[hit.event.id]
            if date is not None and date.kind == "anaphoric":
                date = _inherit(date, last_event_date)
            if date is not None:
                used.add(date.start)
                if date.value:
                    last_event_date = date
            mentions.append(
                EventMention(
                    _id(document.id, hit.event.id, s.start),
                    document.id,
                    hit.event.id,
                    date,
                    s.text,
                    s.start,
                    s.end,
                    hit.terms,
                    caption,
                )
            )
        local_mentions = [
            Mention(m.start - s.start, m.end - s.start, m.text, m.label, m.country, m.kind)
            for m in item.mentions
        ]
        local_numbers = [
            replace(n, start=n.start - s.start, end=n.end - s.start) for n in item.numbers
        ]
        context = [
            p.sentence.text
            for p in parsed[max(0, index - 6) : index]
            if p.sentence.paragraph >= s.paragraph - 1
        ]
        memory.enter(item)
        counted = [n for n in local_numbers if not n.vague]
        if len(counted) > MAX_NUMBERS_PER_SENTENCE:
            warnings.append(
                f"sentence at offset {s.start} has {len(counted)} numbers; only the first "
                f"{MAX_NUMBERS_PER_SENTENCE} were read"
            )
            last = counted[MAX_NUMBERS_PER_SENTENCE - 1].end
            local_numbers = [n for n in local_numbers if n.end <= last]
        windows: set[int] = set()
        gives_count = False
        carried = memory.last_measure
        for found in countcontext.sentence_measures(s.text, local_numbers, local_mentions, carried):
            claim = _claim(
                ex,
                document,
                item,
                found,
                memory,
                context,
                dominant,
                default_actor,
                hits,
                rel_times,
                publication,
                caption,
            )
            claims.append(claim)
            memory.remember(claim)
            if claim.window_start is not None and not countcontext.one_day(claim):
                windows.add(claim.window_start.start)
            gives_count = gives_count or claim.measure in ("attack_count", "casualty")
        memory.leave(item)
        for time in item.times:
            if time.note and time.note.startswith("says "):
                warnings.append(f"{time.text!r} {time.note} (sentence at offset {s.start})")
        statements.extend(
            _other_dated(document, s, item.times, used, windows, gives_count, caption)
        )
    return Extraction(
        document=document.id,
        published=document.published,
        claims=tuple(claims),
        events=tuple(mentions),
        other_dated=tuple(statements),
        vague=tuple(vague),
        alias_merges=tuple(merges[k] for k in sorted(merges)),
        warnings=tuple(warnings),
    )


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


def _inherit(date: TimeValue, previous: TimeValue | None) -> TimeValue:
    if previous is None or previous.value is None:
        return date
    return TimeValue(
        date.text,
        date.start,
        date.end,
        previous.value,
        previous.granularity,
        previous.mod,
        previous.value,
        "anaphoric",
        note=f"date of the event before: {previous.text}",
    )


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
    return [
        DatedStatement(
            _id(document.id, "dated", s.start, date.start),
            document.id,
            date,
            s.text,
            s.start,
            s.end,
            caption,
        )
        for date in dated.statement_dates(times, used, windows, counted)
    ]


def _claim(
    ex: Extractor,
    document: Document,
    item: _Parsed,
    found: measures.Found,
    memory: _Memory,
    context: list[str],
    dominant: tuple[str, ...],
    default_actor: str | None,
    hits: list[events.Hit],
    times: list[TimeValue],
    publication: TimeValue | None,
    caption: bool,
) -> Claim:
    s = item.sentence
    value = float(found.number.value or 0)
    low, high = interval(found.hedge.qualifier, value, found.number.low)
    actor = found.actor
    notes: list[str] = []
    if actor is None and found.measure != "casualty":
        actor = memory.actor_by_measure.get(found.measure, default_actor)
        if actor:
            notes.append(f"actor {actor} taken from context")
    location = ex.where(found.location) if found.location else None
    locations = tuple(dict.fromkeys(ex.where(m) for m in found.locations))
    if found.measure == "attack_count" and not locations:
        paragraph_place = memory.places.not_labelled(None)
        locations = countcontext.attack_places(
            s.text,
            memory.counts,
            ex.where(paragraph_place) if paragraph_place else None,
            dominant[0] if dominant else None,
        )
        if locations:
            location = locations[0]
            notes.append(f"locations {', '.join(locations)} taken from context")
    if found.measure != "attack_count" and location is None:
        location = _context_place(ex, found, item, memory, actor, dominant, value)
        if location:
            notes.append(f"location {location} taken from context")
    start = s.start + found.hedge.start
    end = s.start + max(found.noun_end, found.location.end if found.location else 0)
    window = None
    as_of = None
    event = None
    if found.measure == "attack_count":
        part = countcontext.part_of(found, memory.counts)
        window = dated.count_window(s.text, times, found.number.end)
        if window is not None:
            window = replace(window, start=window.start + s.start, end=window.end + s.start)
        elif part is not None:  # "two of them": the window of the count they are part of
            window = part.window_start
        else:
            window = _window_from_event(s.text, s.start, hits) or memory.window or memory.since
        as_of = dated.count_as_of(s.text, times, found.number.end)
        if as_of is not None:
            as_of = replace(as_of, start=as_of.start + s.start, end=as_of.end + s.start)
        else:
            as_of = part.as_of if part is not None else publication
    if found.measure == "casualty" and hits:
        at = s.start + found.number.start
        event = min(hits, key=lambda h: abs(h.trigger - at)).event.id
    attributed = attribution.attribute(s.text, found.number.start, context)
    if attributed is None and found.measure == "attack_count":
        attributed = countcontext.carried_source(s.text, found, memory.counts)
    return Claim(
        id=_id(document.id, start, end),
        document=document.id,
        measure=found.measure,
        value=value,
        low=low,
        high=high,
        qualifier=found.hedge.qualifier,
        quote=document.text[start:end],
        start=start,
        end=end,
        sentence=s.text,
        sentence_start=s.start,
        sentence_end=s.end,
        actor=actor,
        location=location,
        locations=locations,
        kind=found.kind,
        who=found.who,
        outcome=found.outcome,
        target=found.target
        or (f"{actor} forces" if found.measure == "attack_count" and actor else None),
        event=event,
        attributed_to=attributed,
        window_start=window,
        as_of=as_of,
        in_caption=caption,
        notes=tuple(notes),
    )


@dataclass
class _Latest:
    """Mentions met in order, kept as the last one and the last one before it with
    another label: enough to give the latest mention not labelled X in constant time,
    where scanning back through a long paragraph full of one label was quadratic."""

    last: Mention | None = None
    other: Mention | None = None  # the latest mention labelled unlike ``last``

    def extend(self, mentions: Iterable[Mention]) -> None:
        for mention in mentions:
            if self.last is not None and mention.label != self.last.label:
                self.other = self.last
            self.last = mention

    def not_labelled(self, label: str | None) -> Mention | None:
        if self.last is None or self.last.label != label:
            return self.last
        return self.other


@dataclass
class _Memory:
    """What earlier sentences said, kept as running state so each figure's context is
    found in constant time (an article may hold thousands of figures)."""

    actor_by_measure: dict[str, str] = field(default_factory=dict)
    place_by_figure: dict[tuple[str, float, str | None], str] = field(default_factory=dict)
    paragraph: int = -1
    countries: _Latest = field(default_factory=_Latest)  # this paragraph, earlier sentences
    places: _Latest = field(default_factory=_Latest)  # with a locative preposition
    earlier: _Latest = field(default_factory=_Latest)  # countries of earlier paragraphs
    sentence_place: tuple[int, str, str] | None = None  # sentence start, measure, place
    last_measure: str | None = None  # of the last claim: "The 900 were ..." goes on
    window: TimeValue | None = None  # of the last attack count: a series goes on counting
    since: TimeValue | None = None  # the last "since" date of this paragraph
    counts: countcontext.CountMemory = field(default_factory=countcontext.CountMemory)

    def enter(self, item: _Parsed) -> None:
        self.counts.enter(item.sentence.paragraph != self.paragraph)
        if item.sentence.paragraph != self.paragraph:
            self.paragraph = item.sentence.paragraph
            if self.countries.last is not None:
                self.earlier = self.countries
            self.countries, self.places = _Latest(), _Latest()
            self.since = None

    def leave(self, item: _Parsed) -> None:
        s = item.sentence
        self.countries.extend(m for m in item.mentions if m.kind == "country")
        local = [
            Mention(m.start - s.start, m.end - s.start, m.text, m.label, m.country, m.kind)
            for m in item.mentions
        ]
        places = measures.places_after(s.text, 0, len(s.text), local)
        self.places.extend(places)
        self.counts.leave(tuple(m.label for m in places))
        self.since = next((t for t in reversed(item.times) if t.since), self.since)

    def remember(self, claim: Claim) -> None:
        self.last_measure = claim.measure
        if claim.actor:
            self.actor_by_measure[claim.measure] = claim.actor
        if claim.location:
            self.place_by_figure[(claim.measure, claim.value, claim.actor)] = claim.location
            self.sentence_place = (claim.sentence_start, claim.measure, claim.location)
        if claim.window_start is not None and not countcontext.one_day(claim):
            self.window = claim.window_start
        self.counts.remember(claim)


def _context_place(
    ex: Extractor,
    found: measures.Found,
    item: _Parsed,
    memory: _Memory,
    actor: str | None,
    dominant: tuple[str, ...],
    value: float,
) -> str | None:
    """Where a figure is when its clause names no place: "in the country" is the
    country named last; a repeated figure keeps the place it had; otherwise the last
    place named with a locative preposition in the paragraph, or the article's main
    country that is not the actor's own (forces counted abroad are the news; a figure
    whose clause names no place is not placed at home by default)."""
    main = next((d for d in dominant if d != actor), None)
    s = item.sentence
    if found.anaphoric_place:
        here = [m for m in item.mentions if m.start < s.start + found.noun_end]
        for mention in reversed([m for m in here if m.kind == "country"]):
            if mention.label != actor:
                return ex.where(mention)
        earlier = memory.countries.not_labelled(actor) or memory.earlier.not_labelled(actor)
        return ex.where(earlier) if earlier is not None else main
    if found.measure == "casualty" and casualties.SAME_PLACE in found.notes:
        return countcontext.same_place(found, memory.counts)  # "in the same region"
    known = memory.place_by_figure.get((found.measure, value, actor))
    if known:
        return known
    if found.measure == "casualty":
        named = [
            m
            for m in item.mentions
            if m.kind == "country"
            and m.label != actor
            and not casualties.attacker(s.text, m.end - s.start)
            and not whereabouts.origin(s.text, m.start - s.start)  # "medics from Chad"
        ]
        paragraph_place = memory.places.not_labelled(actor)
        return countcontext.casualty_place(
            memory.counts,
            ex.where(paragraph_place) if paragraph_place else None,
            ex.where(named[0]) if named else None,
            main,
        )
    if found.measure == "troop_figure":
        near = _place_before(item, found.number.start, actor)
        if near is not None:
            return ex.where(near)
        same = memory.sentence_place  # "... to 148,000, including 126,000 ground troops"
        if same is not None and same[:2] == (s.start, found.measure):
            return same[2]
    place = memory.places.not_labelled(actor)
    return ex.where(place) if place is not None else main


def _place_before(item: _Parsed, at: int, actor: str | None) -> Mention | None:
    """The place named nearest before a figure in its sentence, not the actor's own, not
    where someone spoke and not where troops come from: "Mali demanded all 12,000
    peacekeepers leave", "forces massed along the border of X have grown by 7,000"."""
    s = item.sentence
    for mention in reversed(item.mentions):
        local = mention.start - s.start
        if (
            local < at
            and mention.kind in ("country", "place")
            and mention.country != actor
            and not whereabouts.speaker_place(s.text, local)
            and not whereabouts.origin(s.text, local)
        ):
            return mention
    return None


def _window_from_event(text: str, offset: int, hits: list[events.Hit]) -> TimeValue | None:
    """ "Since the onset of <event>": the window starts at the catalogue's date."""
    lowered = text.lower()
    at = lowered.find("since ")
    if at < 0:
        return None
    after = [h for h in hits if h.trigger - offset > at and h.event.date]
    if not after:
        return None
    hit = min(after, key=lambda h: h.trigger)
    date = hit.event.date or ""
    granularity = {4: "year", 7: "month", 10: "day"}.get(len(date), "unknown")
    end = text.find(",", at)
    phrase = text[at : end if end > at else len(text)]
    return TimeValue(
        phrase,
        offset + at,
        offset + at + len(phrase),
        date,
        granularity,
        kind="catalogue",
        since=True,
        note=f"date of catalogue event {hit.event.id}",
    )
