"""The records that flow between pipeline stages: frozen, typed, JSON-serialisable.

Every stage reads and writes these through :func:`to_json` and the ``from_json``
constructors, so a shard file is plain JSON lines that any tool can read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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


def to_json(record: Document | Rejection) -> dict[str, Any]:
    """A JSON-ready dict with a ``kind`` discriminator."""
    data = asdict(record)
    data["kind"] = type(record).__name__.lower()
    return data


def from_json(data: dict[str, Any]) -> Document | Rejection:
    if data.get("kind") == "rejection":
        return Rejection.from_json(data)
    return Document.from_json(data)
