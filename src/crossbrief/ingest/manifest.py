"""The analyst's manifest (``seeds/sources.yaml``): provenance kept beside the articles.

Every field is optional and a file may have no entry. A misspelt key, a wrong type, a
file listed twice, a date outside 1900-01-01..2200-12-31 or a ``date_order`` other than
``mdy`` or ``dmy`` is an error that names the
file, the key and the fix, so that a typo never silently drops a publication date.
Values are read as text (``title: 1984`` is the text 1984), see :mod:`crossbrief.yamlinput`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from crossbrief import yamlinput

CONFIDENCE = ("exact", "inferred")
RELIABILITY = ("A", "B", "C", "D", "E", "F")
#: How an outlet writes numeric dates: 03/06/2024 is 6 March (mdy) or 3 June (dmy).
DATE_ORDERS = ("mdy", "dmy")


class ManifestError(ValueError):
    """The manifest cannot be used; the message says where and how to fix it."""


@dataclass(frozen=True)
class Entry:
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_confidence: str | None = None
    date_order: str | None = None
    url: str | None = None
    genre: str | None = None
    reliability: str | None = None
    notes: str | None = None


KEYS = tuple(f.name for f in fields(Entry))


def load(path: Path) -> dict[str, Entry]:
    """Entries by file name; an absent manifest is an empty one."""
    if not path.exists():
        return {}
    try:
        data = yamlinput.read(path)
    except yamlinput.YamlInputError as err:
        raise ManifestError(f"manifest {path}: {err}") from None
    return parse(data, f"manifest {path}")


def parse(data: Any, where: str) -> dict[str, Entry]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ManifestError(
            f"{where}: expected a mapping of file names to entries, got "
            f"{_kind(data)}; fix: write one 'file name:' line per article, with its keys "
            "indented below it"
        )
    entries: dict[str, Entry] = {}
    for name, raw in sorted(data.items(), key=lambda kv: str(kv[0])):
        if not isinstance(name, str):
            raise ManifestError(
                f"{where}: the file name {name!r} is not text; fix: write the article's "
                "file name as the key (quote it if it is true, false or null)"
            )
        if raw is None:
            entries[str(name)] = Entry()
            continue
        if not isinstance(raw, dict):
            raise ManifestError(
                f"{where}: the entry for {name!r} must be a mapping of keys, got "
                f"{_kind(raw)}; fix: put each key on its own line below the file name, "
                "indented (e.g. '  outlet: Example News')"
            )
        unknown = sorted(set(map(str, raw)) - set(KEYS))
        if unknown:
            close = yamlinput.close_matches(unknown[0], KEYS, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise ManifestError(
                f"{where}: unknown key {unknown[0]!r} in the entry for {name!r}; "
                f"{hint}allowed keys: {', '.join(KEYS)}; fix: correct the spelling or "
                "remove the key"
            )
        entries[str(name)] = Entry(**{k: _value(where, str(name), k, v) for k, v in raw.items()})
    return entries


def _value(where: str, name: str, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ManifestError(
            f"{where}: {key!r} for {name!r} must be text, got {_kind(value)}; "
            "fix: write one line of text after the colon (in quotes if it is true or false "
            "or starts with [ or {)"
        )
    if key == "published":
        try:
            return yamlinput.check_date(value.strip())
        except ValueError as err:
            raise ManifestError(f"{where}: 'published' for {name!r}: {err}") from None
    allowed = {
        "published_confidence": CONFIDENCE,
        "reliability": RELIABILITY,
        "date_order": DATE_ORDERS,
    }.get(key)
    if allowed and value not in allowed:
        raise ManifestError(
            f"{where}: {key!r} for {name!r} must be one of {', '.join(allowed)}, got "
            f"{value!r}; fix: write one of those, or remove the key if it is unknown"
        )
    return value


def _kind(value: Any) -> str:
    kinds = {dict: "a mapping", list: "a list", bool: "true/false", str: "text"}
    return kinds.get(type(value), type(value).__name__)
