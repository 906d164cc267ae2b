"""YAML files the analyst writes (the manifest, the topic file, gold labels), read as
hostile input: every problem becomes one :class:`YamlInputError` whose message names
the place and the fix, never a traceback.

What the reader adds to PyYAML's safe loader:

- a key written twice in one mapping is an error naming both lines (YAML itself keeps
  the second silently, so a file listed twice in the manifest lost its first entry);
- scalars are text except ``true``/``false`` and ``null``/``~``/empty: ``22``, ``1984``,
  ``no``, ``on`` and ``2024-01-28`` are read as written, so a term, a title or a date
  is never turned into a number, a boolean or a date object behind the analyst's back
  (``typed=True`` keeps PyYAML's usual scalars, for gold labels, which hold numbers);
- aliases (``*name``) may not make the document refer to itself or grow it by more
  than :data:`MAX_ALIAS_EXPANSION` values, so a few lines cannot make the next step
  walk billions of nodes;
- files larger than :data:`MAX_BYTES`, nested deeper than Python can follow, or not in
  UTF-8 are refused with a message;
- libyaml parses the text (four times faster) only when a cheap bound proves it nests
  shallowly, since libyaml crashes the process on very deep nesting; PyYAML reads the rest.

It also holds the range of dates an analyst's file may give (:data:`EARLIEST` ..
:data:`LATEST`): a date outside it is a typo (0001-01-01, 2924-01-28) and would break
date arithmetic downstream.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from crossbrief import plausible
from crossbrief.fileio import NotRegularFile, read_regular

#: Dates an analyst's file may give (publication dates, event dates).
EARLIEST, LATEST = plausible.EARLIEST, plausible.LATEST  # one range for every date read
#: Largest file read, in bytes.
MAX_BYTES = 64 * 1024 * 1024
#: Values that aliases may add to a document beyond the ones written out.
MAX_ALIAS_EXPANSION = 100_000

_MERGE = "tag:yaml.org,2002:merge"
_KEPT_TAGS = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", _MERGE}
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_SIMPLE_KEY = re.compile(r"^[\w-]+$")


class YamlInputError(ValueError):
    """The file cannot be used; the message says where and how to fix it (without
    naming the file: the caller does, with what the file is)."""


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A key written twice in one mapping."""


def keypath(parts: Sequence[object]) -> str:
    """``events.tower22.match[0].all[1]``; keys that are not plain words are quoted
    (``places."Camp Lemonnier".country``); the top level is the empty string."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        key = str(part)
        if not _SIMPLE_KEY.match(key):
            key = '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
        out += f".{key}" if out else key
    return out


def _resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    out: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = []
        for tag, rx in resolvers:
            if tag == "tag:yaml.org,2002:bool":
                rx = _BOOL
            if tag in _KEPT_TAGS:
                kept.append((tag, rx))
        if kept:
            out[first] = kept
    return out


class _Checks(yaml.constructor.SafeConstructor):
    """Construction that refuses duplicate keys and runaway aliases; mixed into a
    parser (PyYAML's, or libyaml's when the text is known to be shallow)."""

    anchored = True  # the text may define anchors (&name), so aliases need checking
    _root: Node | None = None

    def construct_document(self, node: Node) -> Any:
        self._root = node
        if self.anchored:
            _check_aliases(node)
        return super().construct_document(node)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        if isinstance(node, MappingNode):
            seen: dict[Hashable, Node] = {}
            for key_node, _ in node.value:
                if key_node.tag == _MERGE:
                    continue
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, Hashable):
                    continue  # PyYAML's own error ("found unhashable key") follows
                if key in seen:
                    raise DuplicateKeyError(
                        problem=_duplicate(self._root, node, key, seen[key], key_node),
                        problem_mark=key_node.start_mark,
                    )
                seen[key] = key_node
        return super().construct_mapping(node, deep)


def _duplicate(root: Node | None, mapping: Node, key: object, first: Node, second: Node) -> str:
    where = keypath(_path_to(root, mapping) if root is not None else ())
    return (
        (f"{where}: " if where else "")
        + f"{key!r} is written twice (lines {first.start_mark.line + 1} and "
        f"{second.start_mark.line + 1}); YAML would keep only the second and silently drop "
        "the first; fix: keep one of them, merging the two if both hold something you need"
    )


_TEXT = _resolvers()
_TYPED = yaml.SafeLoader.yaml_implicit_resolvers


class _TextLoader(_Checks, yaml.SafeLoader):
    yaml_implicit_resolvers = _TEXT


class _TypedLoader(_Checks, yaml.SafeLoader):
    yaml_implicit_resolvers = _TYPED


#: (typed, libyaml) -> loader class; each is a safe loader with _Checks.
_LOADERS: dict[tuple[bool, bool], Any] = {
    (False, False): _TextLoader,
    (True, False): _TypedLoader,
}
if getattr(yaml, "__with_libyaml__", False):

    class _CTextLoader(_Checks, yaml.CSafeLoader):
        yaml_implicit_resolvers = _TEXT

    class _CTypedLoader(_Checks, yaml.CSafeLoader):
        yaml_implicit_resolvers = _TYPED

    _LOADERS[False, True] = _CTextLoader
    _LOADERS[True, True] = _CTypedLoader

#: libyaml composes nodes recursively in C and crashes the process past some ten
#: thousand levels; it is used only when this bound on the nesting is below the limit.
_C_DEPTH_LIMIT = 1000
#: What may precede the start of a block collection on its line: indentation, the
#: indicators - ? : (each followed by a space) and node properties (&anchor, !tag).
_BLOCK_PREFIX = re.compile(r"^(?:[ \t]+|[-?:](?=[ \t]|$)|[&!][^ \t]*)*", re.MULTILINE)


def _depth_bound(text: str) -> int:
    """An upper bound on how deep ``text`` can nest: each [ opens at most two levels
    (a sequence and an implicit mapping), each { one, and a block collection starts
    either on a new line, deeper than its parent (or level with it, for a sequence
    under a key: two levels per column), or after the compact prefix of its line."""
    prefix = max((len(m) for m in _BLOCK_PREFIX.findall(text)), default=0)
    return 2 * text.count("[") + text.count("{") + 2 * (prefix + 2)


def _children(node: Node) -> list[tuple[object, Node]]:
    if isinstance(node, SequenceNode):
        return list(enumerate(node.value))
    if isinstance(node, MappingNode):
        out: list[tuple[object, Node]] = []
        for key, value in node.value:
            label = key.value if isinstance(key, ScalarNode) else "?"
            out.extend([(label, key), (label, value)])
        return out
    return []


def _path_to(root: Node, target: Node) -> tuple[object, ...]:
    """The key path from ``root`` to ``target`` (for messages; iterative)."""
    stack: list[tuple[Node, tuple[object, ...]]] = [(root, ())]
    visited: set[int] = set()
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if id(node) in visited:
            continue
        visited.add(id(node))
        stack.extend((child, (*path, label)) for label, child in _children(node))
    return ()


def _check_aliases(root: Node) -> None:
    """Aliases may neither make a value contain itself nor expand the document by more
    than MAX_ALIAS_EXPANSION values (iterative: a document can be nested as deep as
    the composer allows)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for _, child in _children(node))
            continue
        if id(node) in sizes:
            continue
        open_nodes.add(id(node))
        stack.append((node, True))
        for _, child in _children(node):
            if id(child) in open_nodes:
                raise YamlInputError(
                    f"line {child.start_mark.line + 1}: an alias (*name) refers to the value "
                    "that contains it, which never ends; fix: write that part out instead "
                    "of using the alias"
                )
            stack.append((child, False))
    expanded = sizes[id(root)]
    if expanded - len(sizes) > MAX_ALIAS_EXPANSION:
        raise YamlInputError(
            f"the aliases (*name) in this file expand it to {expanded:,} values; "
            f"fix: write the repeated parts out, or use aliases that add fewer than "
            f"{MAX_ALIAS_EXPANSION:,} values"
        )


def read(path: Path, *, typed: bool = False) -> Any:
    """The YAML document in ``path`` (None for an empty file); ``typed`` keeps PyYAML's
    numbers, dates and yes/no booleans instead of text."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlInputError(
                f"the file is {size:,} bytes, more than the {MAX_BYTES:,} allowed; "
                "fix: check that this is the right file, or split it"
            )
        raw = read_regular(path, MAX_BYTES)  # never opens a named pipe or a device
    except NotRegularFile as err:
        raise YamlInputError(
            f"{err.kind}, not a regular file, so it was not opened; fix: "
            "save it as an ordinary YAML file"
        ) from err
    except OSError as err:
        raise YamlInputError(
            f"cannot be read ({err.strerror or err}); fix: check that the path is right "
            "and the file is readable"
        ) from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise YamlInputError(
            f"not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); "
            "fix: re-save the file as UTF-8"
        ) from err
    return parse_text(text, typed=typed)


def parse_text(text: str, *, typed: bool = False) -> Any:
    """The YAML document in ``text``, read as :func:`read` reads a file."""
    fast = _depth_bound(text) <= _C_DEPTH_LIMIT
    loader = _LOADERS.get((typed, fast)) or _LOADERS[typed, False]
    try:
        reader = loader(text)
        reader.anchored = "&" in text
        try:
            return reader.get_single_data()
        finally:
            reader.dispose()
    except DuplicateKeyError as err:
        raise YamlInputError(str(err.problem)) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        raise YamlInputError(
            f"invalid YAML at {where}: {err.problem or err.context}; fix: correct the syntax there "
            "(a key, a colon, a space, then the value; quote values that contain ': ' or "
            "start with a special character such as @, *, &, [ or {)"
        ) from None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, max(err.position, 0)) + 1
        code = ord(err.character) if isinstance(err.character, str) else int(err.character)
        raise YamlInputError(
            f"invalid YAML at line {line}: the character U+{code:04X} is not allowed "
            "in YAML; fix: delete it (control characters often come from copying out of "
            "a PDF or a word processor)"
        ) from None
    except yaml.YAMLError as err:
        raise YamlInputError(f"invalid YAML: {err}; fix: correct the construct it names") from None
    except RecursionError:
        raise YamlInputError(
            "values are nested too deeply to read; fix: flatten the nesting (a topic file "
            "or a manifest needs at most a few levels)"
        ) from None


def check_date(text: str, *, partial: bool = False) -> str:
    """``text`` as an ISO date (``YYYY-MM-DD``; with ``partial`` also ``YYYY`` and
    ``YYYY-MM``) within EARLIEST..LATEST, or ValueError saying what is wrong and how
    to write it (the caller adds where)."""
    forms = "YYYY-MM-DD, YYYY-MM or YYYY" if partial else "YYYY-MM-DD"
    shape = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?" if partial else r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    if not re.fullmatch(shape, text):
        raise ValueError(f"{text!r} is not a date written {forms}; fix: write it as {forms}")
    padded = text + "-01" * (2 - text.count("-"))
    try:
        day = dt.date.fromisoformat(padded)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a calendar date; fix: check the month and the day ({forms})"
        ) from None
    if not EARLIEST <= day <= LATEST:
        raise ValueError(
            f"{text!r} is outside {EARLIEST.isoformat()}..{LATEST.isoformat()}, the dates "
            "an analyst's file may give; fix: correct the year (probably a typo)"
        )
    return text


def close_matches(
    word: str, candidates: Sequence[str], n: int = 3, cutoff: float = 0.6
) -> list[str]:
    """Candidates close to ``word``, for "did you mean" hints (difflib is imported only
    when a message needs it)."""
    import difflib

    return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)
