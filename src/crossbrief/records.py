"""The records that flow between pipeline stages: frozen, typed, JSON-serialisable.

Every stage reads and writes these through :func:`to_json` and the ``from_json``
constructors, so a shard file is plain JSON lines that any tool can read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Role = Literal["body", "caption", "heading", "byline", "boilerplate"]
Known = Literal["manifest", "text", "unknown"]

#: Metadata fields whose provenance a Document records.
META_FIELDS = ("outlet", "title", "author", "published", "url", "genre")


@dataclass(frozen=True)
class Paragraph:
    """A run of the normalised text with the role the layout gave it."""

    start: int
    end: int
    role: Role


@dataclass(frozen=True)
class Document:
    """One ingested article: normalised text, paragraphs, metadata and provenance.

    ``offsets`` maps the normalised text back to the decoded source file: each pair
    is (offset in ``text``, offset in the source), valid until the next pair.
    """

    id: str
    path: str
    sha256: str
    size: int
    encoding: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    offsets: tuple[tuple[int, int], ...]
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    genre: str | None = None
    reliability: str | None = None
    date_order: str | None = None  # how the outlet writes numeric dates: mdy | dmy
    known: dict[str, Known] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        """Words in body and heading paragraphs (what a reader would count)."""
        return sum(
            len(self.text[p.start : p.end].split())
            for p in self.paragraphs
            if p.role in ("body", "heading")
        )

    def source_offset(self, offset: int) -> int:
        """The offset in the decoded source file of a normalised-text offset."""
        best = (0, 0)
        lo, hi = 0, len(self.offsets)
        while lo < hi:  # bisect on the normalised offsets
            mid = (lo + hi) // 2
            if self.offsets[mid][0] <= offset:
                best = self.offsets[mid]
                lo = mid + 1
            else:
                hi = mid
        return best[1] + (offset - best[0])

    @staticmethod
    def from_json(data: dict[str, Any]) -> Document:
        values = dict(data)
        values.pop("kind", None)
        values["paragraphs"] = tuple(Paragraph(**p) for p in values["paragraphs"])
        values["offsets"] = tuple((int(a), int(b)) for a, b in values["offsets"])
        values["warnings"] = tuple(values.get("warnings", ()))
        return Document(**values)


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read as an article, with the reason and the fix."""

    id: str
    path: str
    sha256: str | None
    size: int | None
    reason: str

    @staticmethod
    def from_json(data: dict[str, Any]) -> Rejection:
        values = dict(data)
        values.pop("kind", None)
        return Rejection(**values)


@dataclass(frozen=True)
class TimeValue:
    """A time expression of the text, resolved against an anchor date where needed.

    ``value`` is ISO at its granularity (``2024``, ``2024-01``, ``2024-W04``,
    ``2024-01-27``) or None when it cannot be resolved (no publication date, or an
    expression that points at another event).
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: str  # year | month | week | day | unknown
    mod: str | None = None  # START | MID | END | APPROX | BEFORE | AFTER
    anchor: str | None = None
    kind: str = "absolute"  # absolute | relative | anaphoric
    since: bool = False
    note: str | None = None  # why it is unresolved, or a weekday that contradicts the date

    @staticmethod
    def from_json(data: dict[str, Any] | None) -> TimeValue | None:
        return None if data is None else TimeValue(**data)


@dataclass(frozen=True)
class Claim:
    """A figure a document states, with everything needed to trace and compare it.

    ``start``/``end`` delimit the quote (hedge, number and what it counts) and
    ``sentence_start``/``sentence_end`` the sentence around it, in the normalised text.
    """

    id: str
    document: str
    measure: str  # troop_figure | attack_count | casualty
    value: float
    low: float | None
    high: float | None
    qualifier: str
    quote: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    actor: str | None = None
    location: str | None = None
    locations: tuple[str, ...] = ()
    kind: str | None = None  # troop figures: present | deployed | withdrawn | ...
    who: str | None = None  # casualties: who was hit
    outcome: str | None = None  # casualties: see crossbrief.extract.outcomes.OUTCOMES
    target: str | None = None  # attack counts: who was attacked
    event: str | None = None
    attributed_to: str | None = None
    window_start: TimeValue | None = None
    as_of: TimeValue | None = None
    in_caption: bool = False
    notes: tuple[str, ...] = ()

    @staticmethod
    def from_json(data: dict[str, Any]) -> Claim:
        values = dict(data)
        values["locations"] = tuple(values.get("locations", ()))
        values["notes"] = tuple(values.get("notes", ()))
        values["window_start"] = TimeValue.from_json(values.get("window_start"))
        values["as_of"] = TimeValue.from_json(values.get("as_of"))
        return Claim(**values)


@dataclass(frozen=True)
class EventMention:
    """A sentence that mentions a catalogue event, with the date the text gives it."""

    id: str
    document: str
    event: str
    date: TimeValue | None
    quote: str
    start: int
    end: int
    terms: tuple[str, ...] = ()
    in_caption: bool = False

    @staticmethod
    def from_json(data: dict[str, Any]) -> EventMention:
        values = dict(data)
        values["date"] = TimeValue.from_json(values.get("date"))
        values["terms"] = tuple(values.get("terms", ()))
        return EventMention(**values)


@dataclass(frozen=True)
class DatedStatement:
    """A dated sentence that mentions no catalogue event (kept as ``other_dated``)."""

    id: str
    document: str
    date: TimeValue
    quote: str
    start: int
    end: int
    in_caption: bool = False

    @staticmethod
    def from_json(data: dict[str, Any]) -> DatedStatement:
        values = dict(data)
        date = TimeValue.from_json(values["date"])
        assert date is not None
        values["date"] = date
        return DatedStatement(**values)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: str
    published: str | None
    claims: tuple[Claim, ...]
    events: tuple[EventMention, ...]
    other_dated: tuple[DatedStatement, ...]
    vague: tuple[str, ...] = ()
    alias_merges: tuple[dict[str, str], ...] = ()
    warnings: tuple[str, ...] = ()

    @staticmethod
    def from_json(data: dict[str, Any]) -> Extraction:
        return Extraction(
            document=data["document"],
            published=data.get("published"),
            claims=tuple(Claim.from_json(c) for c in data["claims"]),
            events=tuple(EventMention.from_json(e) for e in data["events"]),
            other_dated=tuple(DatedStatement.from_json(d) for d in data["other_dated"]),
            vague=tuple(data.get("vague", ())),
            alias_merges=tuple(data.get("alias_merges", ())),
            warnings=tuple(data.get("warnings", ())),
        )


def to_json(record: Document | Rejection) -> dict[str, Any]:
    """A JSON-ready dict with a ``kind`` discriminator.

    A Document is copied field by field: ``asdict`` deep-copies each of its offset
    pairs through the generic dataclass recursion, the slowest part of ingesting a
    long article (a pair per word).
    """
    if isinstance(record, Document):
        data = {f.name: getattr(record, f.name) for f in fields(record)}
        names = [f.name for f in fields(Paragraph)]
        data["paragraphs"] = [{n: getattr(p, n) for n in names} for p in record.paragraphs]
        data["known"] = dict(record.known)
    else:
        data = asdict(record)
    data["kind"] = type(record).__name__.lower()
    return data


def from_json(data: dict[str, Any]) -> Document | Rejection:
    if data.get("kind") == "rejection":
        return Rejection.from_json(data)
    return Document.from_json(data)
