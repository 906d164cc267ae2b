"""Stage outputs to pandas tables: one row per document, claim, event mention."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from crossbrief.compare.asof import as_of, sentence_dates
from crossbrief.fileio import read_jsonl
from crossbrief.records import Document, Extraction, Rejection, TimeValue, from_json
from crossbrief.textsafety import breakable, isolate

CLAIM_COLUMNS = [
    "claim",
    "document",
    "outlet",
    "published",
    "group",
    "measure",
    "value",
    "low",
    "high",
    "qualifier",
    "actor",
    "location",
    "locations",
    "kind",
    "who",
    "outcome",
    "target",
    "event",
    "attributed_to",
    "window_start",
    "window_granularity",
    "window_text",
    "as_of",
    "as_of_granularity",
    "as_of_from",
    "quote",
    "sentence",
    "in_caption",
    "start",
]
EVENT_COLUMNS = [
    "mention",
    "document",
    "outlet",
    "published",
    "group",
    "event",
    "date",
    "granularity",
    "date_text",
    "note",
    "terms",
    "quote",
    "start",
]


@dataclass(frozen=True)
class Corpus:
    """Everything the comparisons read."""

    documents: list[Document]
    rejections: list[Rejection]
    extractions: list[Extraction]


def load(document_files: Iterable[Path], claim_files: Iterable[Path]) -> Corpus:
    documents: list[Document] = []
    rejections: list[Rejection] = []
    for path in document_files:
        for row in read_jsonl(path):
            record = from_json(row)
            (documents if isinstance(record, Document) else rejections).append(record)  # type: ignore[arg-type]
    extractions = [Extraction.from_json(row) for path in claim_files for row in read_jsonl(path)]
    return Corpus(
        sorted(documents, key=lambda d: d.id),
        sorted(rejections, key=lambda r: r.id),
        sorted(extractions, key=lambda e: e.document),
    )


def _with_documents(corpus: Corpus) -> Iterator[tuple[Document, Extraction]]:
    """Each extraction with its document (extractions of documents not counted are skipped)."""
    docs = {d.id: d for d in corpus.documents}
    for extraction in corpus.extractions:
        doc = docs.get(extraction.document)
        if doc is not None:
            yield doc, extraction


def source_label(document: Document) -> str:
    """How a document is named in tables and findings: its outlet, else its file
    name; isolated when it holds right-to-left letters, so that a name composed into
    a sentence cannot reorder the figures beside it, and with a place to break a line
    in any very long unbroken run."""
    return breakable(isolate(document.outlet or document.id))


def _time(value: TimeValue | None) -> tuple[str | None, str | None, str | None]:
    if value is None:
        return None, None, None
    return value.value, value.granularity, value.text


def claims_table(corpus: Corpus, groups: dict[str, str]) -> pd.DataFrame:
    """Every claim, with its source's outlet, date and reprint group."""
    rows = []
    for doc, extraction in _with_documents(corpus):
        dates = sentence_dates(extraction)
        for c in extraction.claims:
            window, window_granularity, window_text = _time(c.window_start)
            when = as_of(c, doc.published, dates)
            rows.append(
                {
                    "claim": c.id,
                    "document": doc.id,
                    "outlet": source_label(doc),
                    "published": doc.published,
                    "group": groups.get(doc.id, doc.id),
                    "measure": c.measure,
                    "value": c.value,
                    "low": c.low,
                    "high": c.high,
                    "qualifier": c.qualifier,
                    "actor": c.actor,
                    "location": c.location,
                    "locations": ", ".join(c.locations),
                    "kind": c.kind,
                    "who": c.who,
                    "outcome": c.outcome,
                    "target": c.target,
                    "event": c.event,
                    "attributed_to": c.attributed_to,
                    "window_start": window,
                    "window_granularity": window_granularity,
                    "window_text": window_text,
                    "as_of": when.value,
                    "as_of_granularity": when.granularity,
                    "as_of_from": when.source,
                    "quote": c.quote,
                    "sentence": c.sentence,
                    "in_caption": c.in_caption,
                    "start": c.start,
                }
            )
    table = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    return table.sort_values(["published", "document", "start"], na_position="last", kind="stable")


DATED_COLUMNS = [
    "statement",
    "document",
    "outlet",
    "published",
    "date",
    "granularity",
    "date_text",
    "note",
    "in_caption",
    "quote",
    "start",
]


def dated_table(corpus: Corpus) -> pd.DataFrame:
    """Dated statements that match no catalogue event (captions included, marked)."""
    rows = [
        {
            "statement": s.id,
            "document": s.document,
            "outlet": source_label(doc),
            "published": doc.published,
            "date": s.date.value,
            "granularity": s.date.granularity,
            "date_text": s.date.text,
            "note": s.date.note,
            "in_caption": s.in_caption,
            "quote": s.quote,
            "start": s.start,
        }
        for doc, extraction in _with_documents(corpus)
        for s in extraction.other_dated
    ]
    table = pd.DataFrame(rows, columns=DATED_COLUMNS)
    return table.sort_values(["published", "document", "start"], na_position="last", kind="stable")


def events_table(corpus: Corpus, groups: dict[str, str]) -> pd.DataFrame:
    """Every catalogue event mention outside captions, with the date the text gives."""
    rows = []
    for doc, extraction in _with_documents(corpus):
        for e in extraction.events:
            if e.in_caption:
                continue
            rows.append(
                {
                    "mention": e.id,
                    "document": doc.id,
                    "outlet": source_label(doc),
                    "published": doc.published,
                    "group": groups.get(doc.id, doc.id),
                    "event": e.event,
                    "date": e.date.value if e.date else None,
                    "granularity": e.date.granularity if e.date and e.date.value else None,
                    "date_text": e.date.text if e.date else None,
                    "note": e.date.note if e.date else None,
                    "terms": "|".join(e.terms),
                    "quote": e.quote,
                    "start": e.start,
                }
            )
    table = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return table.sort_values(["published", "document", "start"], na_position="last", kind="stable")
