"""The ingest stage of one shard: files in, JSON lines of Documents and Rejections out."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from crossbrief.fileio import NotRegularFile, read_regular, write_jsonl
from crossbrief.ingest.document import ingest_bytes
from crossbrief.ingest.manifest import Entry
from crossbrief.records import Document, Rejection, to_json
from crossbrief.shardindex import display_name

log = logging.getLogger(__name__)


def read_article(
    seeds: Path, name: str, entry: Entry | None, max_bytes: int
) -> Document | Rejection:
    """One article from the seeds folder, size-checked before it is read; only a
    regular file is opened (a named pipe would block the build). A name that is not
    UTF-8, or holds bidi controls, is opened as it is and shown escaped."""
    path = seeds / name
    shown = display_name(name)
    data = b""
    try:
        size = path.stat().st_size
        if size <= max_bytes:
            data = read_regular(path, max_bytes)  # one byte over if the file grew
            size = len(data)
    except NotRegularFile as err:
        return Rejection(
            shown,
            shown,
            None,
            None,
            f"it is {err.kind}, not a regular file, and was not opened; only regular "
            "files are read: save the article as an ordinary file",
        )
    except OSError as err:
        return Rejection(shown, shown, None, None, f"cannot be read: {err.strerror or err}")
    if size > max_bytes:
        return Rejection(
            shown,
            shown,
            None,
            size,
            f"the file is {size:,} bytes, over the limit of {max_bytes:,} "
            "(config key max_article_bytes); raise the limit or trim the file",
        )
    record = ingest_bytes(shown, shown, data, entry)
    if shown != name and isinstance(record, Document):
        record = replace(
            record,
            warnings=(
                *record.warnings,
                f"the file name has bytes that are not UTF-8 or bidi controls; it is shown "
                f"as {shown!r}; rename the file to match it with a manifest entry",
            ),
        )
    return record


def ingest_shard(
    seeds: Path, names: list[str], entries: dict[str, Entry], max_bytes: int, out: Path
) -> list[Document | Rejection]:
    """Ingest ``names`` (sorted for stable output) and write them to ``out``."""
    records = []
    for name in sorted(names):
        record = read_article(seeds, name, entries.get(name), max_bytes)
        if isinstance(record, Rejection):
            log.warning("%s rejected: %s", record.id, record.reason)
        else:
            log.info(
                "%s: %d paragraphs, published %s",
                record.id,
                len(record.paragraphs),
                record.published or "unknown",
            )
        records.append(record)
    write_jsonl(out, (to_json(r) for r in records))
    return records
