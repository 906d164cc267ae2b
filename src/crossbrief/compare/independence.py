"""Which articles count as independent sources. Copies of one another (reprints,
found by ``reprints``), stories of one wire agency (credited by a dateline such as
"DAKAR (AP) —", a credit line "— Reuters", or an outlet named after the agency) and
articles whose outlet is unknown each count once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from crossbrief.compare import reprints
from crossbrief.disjoint import Groups
from crossbrief.ingest.outlet import agency_in_name, credited_agency
from crossbrief.records import Document

UNKNOWN = "outlet unknown"
RULE = (
    reprints.COPIES
    + ', and articles that credit the same wire agency (a dateline such as "CITY (AP) —", a '
    'credit line such as "— Reuters", or an outlet named after the agency) are one wire '
    "story and join one group, and so do all articles whose outlet is not known; a group "
    "counts as one independent source."
)


@dataclass(frozen=True)
class Grouping:
    """Document id -> group id (the first document of its group, by id), and why a
    document shares its group: "copy", "wire: <agency>" or "outlet unknown"."""

    group: dict[str, str]
    why: dict[str, str]


def agency_of(document: Document) -> str | None:
    """The wire agency an article credits, from its outlet's name or its text."""
    named = agency_in_name(document.outlet)
    if named is not None:
        return named
    texts = [
        document.text[p.start : p.end]
        for p in document.paragraphs
        if p.role in ("body", "heading", "byline")
    ]
    return credited_agency(texts)


def grouping(documents: list[Document]) -> Grouping:
    ordered = sorted(documents, key=lambda d: d.id)
    copies = reprints.groups(ordered)
    found = Groups(d.id for d in ordered)
    for doc_id, first in copies.items():
        found.join(doc_id, first)
    copied = Counter(copies.values())
    why = {d: "copy" for d, g in copies.items() if copied[g] > 1}
    keys: dict[str, str] = {}
    for doc in ordered:
        agency = agency_of(doc)
        key = f"wire: {agency}" if agency else (None if doc.outlet else UNKNOWN)
        if key is None:
            continue
        if key in keys:
            found.join(doc.id, keys[key])
            why.setdefault(keys[key], key)
            why[doc.id] = key
        else:
            keys[key] = doc.id
    final = found.roots()
    sizes = Counter(final.values())
    return Grouping(final, {d: w for d, w in why.items() if sizes[final[d]] > 1})
