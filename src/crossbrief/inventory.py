"""The inventory of a build: what was read (the sources table) and every input file
with its fate (the inputs table, the briefing's appendix)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import pandas as pd

from crossbrief.corpus import Skipped
from crossbrief.records import Document, Rejection

SOURCE_COLUMNS = [
    "document",
    "outlet",
    "title",
    "author",
    "published",
    "published_known",
    "genre",
    "reliability",
    "words",
    "warnings",
    "url",
    "link",
]
INPUT_COLUMNS = ["file", "status", "sha256", "bytes", "encoding", "metadata", "reason"]


#: A URL the briefing may make a link of: printable ASCII, no spaces or quotes.
_LINKABLE = re.compile(r"[!#-&(-;=?-\[\]-~]+")


def web_link(url: str | None) -> str:
    """``url`` when it is an http(s) address with a host, to be shown as a link; else ""
    (the address is then shown as text only: a manifest is hostile input, and
    ``javascript:``, ``file:`` or ``data:`` must never become something to click)."""
    if not url or len(url) > 2000 or not _LINKABLE.fullmatch(url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else ""


class StrictModeError(RuntimeError):
    """``strict: true`` and some input was rejected."""


def sources_table(documents: list[Document]) -> pd.DataFrame:
    """One row per article read, in publication order (unknown dates last)."""
    rows = [
        {
            "document": d.id,
            "outlet": d.outlet or "",
            "title": d.title or "",
            "author": d.author or "",
            "published": d.published or "",
            "published_known": d.known.get("published", "unknown"),
            "genre": d.genre or "",
            "reliability": d.reliability or "",
            "words": d.words,
            "warnings": " | ".join(d.warnings),
            "url": d.url or "",
            "link": web_link(d.url),
        }
        for d in documents
    ]
    table = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    table["_undated"] = table["published"] == ""
    table = table.sort_values(["_undated", "published", "document"], kind="stable")
    return table.drop(columns="_undated").reset_index(drop=True)


def inputs_table(records: list[Document | Rejection], skipped: Iterable[Skipped]) -> pd.DataFrame:
    """Every file met in the seeds folder: read, duplicate, rejected or skipped."""
    rows: list[dict[str, object]] = []
    first_of: dict[str, str] = {}
    for record in records:
        if isinstance(record, Rejection):
            rows.append(
                {
                    "file": record.id,
                    "status": "rejected",
                    "sha256": record.sha256 or "",
                    "bytes": record.size if record.size is not None else "",
                    "encoding": "",
                    "metadata": "",
                    "reason": record.reason,
                }
            )
            continue
        known = ", ".join(f"{k}: {v}" for k, v in sorted(record.known.items()))
        original = first_of.setdefault(record.sha256, record.id)
        status, reason = "read", " | ".join(record.warnings)
        if original != record.id:
            status, reason = "duplicate", f"same bytes as {original}; counted once"
        rows.append(
            {
                "file": record.id,
                "status": status,
                "sha256": record.sha256,
                "bytes": record.size,
                "encoding": record.encoding,
                "metadata": known,
                "reason": reason,
            }
        )
    for item in skipped:
        rows.append(
            {
                "file": item.name,
                "status": "skipped",
                "sha256": "",
                "bytes": "",
                "encoding": "",
                "metadata": "",
                "reason": item.reason,
            }
        )
    table = pd.DataFrame(rows, columns=INPUT_COLUMNS)
    return table.sort_values("file", kind="stable").reset_index(drop=True)


def counted_documents(records: list[Document | Rejection]) -> list[Document]:
    """The documents that count: read, and not a byte-for-byte copy of an earlier one."""
    seen: set[str] = set()
    out = []
    for record in records:
        if isinstance(record, Document) and record.sha256 not in seen:
            seen.add(record.sha256)
            out.append(record)
    return out
