"""Discovered events in the comparison: the corpus's dated statements clustered by
:mod:`crossbrief.compare.discover`, as rows of the event-dates table beside the
catalogue's, marked ``kind: discovered``."""

from __future__ import annotations

import pandas as pd

from crossbrief.compare import discover, events, frame
from crossbrief.extract import gazetteer
from crossbrief.extract.names import NameMatcher
from crossbrief.topic import Topic

KIND = "kind"


def statements(
    corpus: frame.Corpus, groups: dict[str, str], topic: Topic
) -> list[discover.Statement]:
    """Every dated statement outside captions that clustering can read; reprints of one
    article are one source."""
    places = gazetteer.build({k: (c, list(a)) for k, (c, a) in topic.places.items()})
    names = NameMatcher(topic.entities)
    out = []
    for doc, extraction in frame._with_documents(corpus):
        source = groups.get(doc.id, doc.id)
        dates: dict[int, list[tuple[int, int]]] = {}
        for s in extraction.other_dated:
            dates.setdefault(s.start, []).append((s.date.start, s.date.end))
        for s in extraction.other_dated:
            others = [d for d in dates[s.start] if d != (s.date.start, s.date.end)]
            read = discover.features(s, source, places, names, others)
            if read is not None:
                out.append(read)
    return out


def found(corpus: frame.Corpus, groups: dict[str, str], topic: Topic) -> list[discover.Discovered]:
    """The events two or more sources tell that the catalogue does not list."""
    return discover.discover(statements(corpus, groups, topic))


def date_rows(
    found_events: list[discover.Discovered], corpus: frame.Corpus, groups: dict[str, str]
) -> pd.DataFrame:
    """Rows of the event-dates table, one per (discovered event, document)."""
    docs = {d.id: d for d in corpus.documents}
    rows = []
    for event in found_events:
        seen = set()
        # per document, a statement whose date agrees with the event's comes first
        order = sorted(
            event.statements,
            key=lambda s: (s.document, not events.compatible(s.date, event.date), s.id),
        )
        for s in order:
            if s.document in seen:
                continue
            seen.add(s.document)
            doc = docs[s.document]
            rows.append(
                {
                    "event": event.id,
                    "name": event.name,
                    "catalogue_date": None,
                    "outlet": frame.source_label(doc),
                    "published": doc.published,
                    "document": s.document,
                    "date": s.date,
                    "granularity": s.granularity,
                    "date_text": s.date_text,
                    "terms": "|".join(event.terms[:5]),
                    "mention": s.id,
                    "quote": s.quote,
                    KIND: "discovered",
                }
            )
    return pd.DataFrame(rows, columns=[*events.DATE_COLUMNS, KIND])


def event_dates(
    catalogue: pd.DataFrame,
    found_events: list[discover.Discovered],
    corpus: frame.Corpus,
    groups: dict[str, str],
) -> pd.DataFrame:
    """The catalogue's rows, then the discovered events' in date order, with ``kind``."""
    table = catalogue.assign(**{KIND: "catalogue"})
    extra = date_rows(found_events, corpus, groups)
    if extra.empty:
        return table
    if table.empty:
        return extra.reset_index(drop=True)
    return pd.concat([table, extra], ignore_index=True)


def clustered(found_events: list[discover.Discovered]) -> set[str]:
    """Ids of the statements that became event mentions."""
    return {s.id for e in found_events for s in e.statements}


def unclustered(dated: pd.DataFrame, found_events: list[discover.Discovered]) -> pd.DataFrame:
    """The dated statements that are in no discovered event (those are event mentions)."""
    taken = clustered(found_events)
    if not taken:
        return dated
    return dated[~dated["statement"].isin(taken)].reset_index(drop=True)


def with_kind(matrix: pd.DataFrame, dates: pd.DataFrame) -> pd.DataFrame:
    """The event x source matrix with each event's kind after its catalogue date."""
    kinds = dict(zip(dates["event"], dates[KIND], strict=True)) if KIND in dates else {}
    out = matrix.copy()
    out.insert(3, KIND, [kinds.get(e, "catalogue") for e in out["event"]])
    return out
