"""The analyst's manifest (``seeds/sources.yaml``): provenance kept beside the articles.

Every field is optional and a file may have no entry. A misspelt key or a wrong type
is an error that names the file, the key and what is allowed, so that a typo never
silently drops a publication date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from crossbrief.fileio import NotRegularFile, read_regular_text

CONFIDENCE = ("exact", "inferred")
RELIABILITY = ("A", "B", "C", "D", "E", "F")


class ManifestError(ValueError):
    """The manifest cannot be used; the message says where and how to fix it."""


@dataclass(frozen=True)
class Entry:
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_confidence: str | None = None
    url: str | None = None
    genre: str | None = None
    reliability: str | None = None
    notes: str | None = None


KEYS = tuple(f.name for f in fields(Entry))


class _Loader(yaml.SafeLoader):
    """Safe YAML with dates left as text, so that a bad date gets our message."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path: Path) -> dict[str, Entry]:
    """Entries by file name; an absent manifest is an empty one."""
    if not path.exists():
        return {}
    try:
        data = yaml.load(read_regular_text(path), Loader=_Loader)
    except NotRegularFile as err:
        raise ManifestError(
            f"{path}: {err.kind}, not a regular file, so it was not opened; "
            "save the manifest as an ordinary YAML file"
        ) from err
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        raise ManifestError(
            f"{path}: invalid YAML at {where}: {err.problem}. Fix the syntax there "
            "(a key, a colon, a space, then the value)."
        ) from err
    except UnicodeDecodeError as err:
        raise ManifestError(f"{path}: not UTF-8 ({err}); re-save it as UTF-8") from err
    return parse(data, str(path))


def parse(data: Any, where: str) -> dict[str, Entry]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ManifestError(
            f"{where}: expected a mapping of file names to entries, got {type(data).__name__}"
        )
    entries: dict[str, Entry] = {}
    for name, raw in sorted(data.items(), key=lambda kv: str(kv[0])):
        if raw is None:
            entries[str(name)] = Entry()
            continue
        if not isinstance(raw, dict):
            raise ManifestError(f"{where}: the entry for {name!r} must be a mapping of keys")
        unknown = sorted(set(map(str, raw)) - set(KEYS))
        if unknown:
            raise ManifestError(
                f"{where}: unknown key {unknown[0]!r} in the entry for {name!r}; "
                f"allowed keys: {', '.join(KEYS)}"
            )
        entries[str(name)] = Entry(**{k: _value(where, str(name), k, v) for k, v in raw.items()})
    return entries


def _value(where: str, name: str, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if key == "published":
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        raise ManifestError(
            f"{where}: 'published' for {name!r} must be a date written YYYY-MM-DD, got {value!r}"
        )
    if not isinstance(value, str):
        raise ManifestError(
            f"{where}: {key!r} for {name!r} must be text, got {type(value).__name__} {value!r}"
        )
    allowed = {"published_confidence": CONFIDENCE, "reliability": RELIABILITY}.get(key)
    if allowed and value not in allowed:
        raise ManifestError(
            f"{where}: {key!r} for {name!r} must be one of {', '.join(allowed)}, got {value!r}"
        )
    return value
