"""Lines of a plain-text article to paragraphs with roles.

General rules, with the site furniture they recognise kept in ``lexicon/layout.yaml``:
- a line matching a boilerplate pattern, or repeating an earlier short line, is
  boilerplate (kept in the record, out of the analysis);
- a photo credit ("● REUTERS", "PC: ...") is a caption, and so is the paragraph it
  follows; a line opening like "PICTURED:" is a caption;
- a line cut mid-sentence by the layout is joined to the line that goes on with it,
  across blank lines and over boilerplate between them; a word hyphenated across
  the break is rejoined;
- short lines without a closing full stop are headings; author and section lines
  are bylines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from crossbrief import lexicon
from crossbrief.ingest.mapped import MappedText
from crossbrief.records import Role

LineKind = Literal["text", "boilerplate", "credit", "caption", "byline"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_CLOSES_SENTENCE = re.compile(r"""[.!?;:"”’)\]…]$""")
_HEADING_MAX_WORDS = 12
_REPEAT_MAX_WORDS = 20
_CAPTION_MAX_WORDS = 80
_WRAPPED_MIN_CHARS = 60
_NAME_MAX_WORDS = 3


@dataclass(frozen=True)
class Line:
    text: MappedText
    blank_before: bool
    kind: LineKind


@dataclass(frozen=True)
class Block:
    """A paragraph before metadata inference: its mapped text and role."""

    text: MappedText
    role: Role


def split_lines(source: str) -> list[tuple[MappedText, bool]]:
    """Non-blank lines, white space folded, each with whether a blank line precedes it."""
    lines: list[tuple[MappedText, bool]] = []
    blank = False
    for match in _LINE.finditer(source):
        if match.start() == match.end():
            break
        mapped = MappedText.from_source(match.group().rstrip("\r\n"), match.start())
        if not mapped.text:
            blank = True
            continue
        lines.append((mapped, blank))
        blank = False
    return lines


def classify(lines: list[tuple[MappedText, bool]]) -> list[Line]:
    seen_short: set[str] = set()
    out: list[Line] = []
    for mapped, blank in lines:
        text = mapped.text
        key = text.casefold()
        kind: LineKind
        if _any_full(text, "boilerplate") or key in seen_short:
            kind = "boilerplate"
        elif _any_full(text, "credit"):
            kind = "credit"
        elif any(p.match(text) for p in lexicon.patterns("layout", "caption_start")):
            kind = "caption"
        elif _any_full(text, "byline") or (out and _continues_byline(out[-1], text)):
            kind = "byline"
        else:
            kind = "text"
        if len(text.split()) <= _REPEAT_MAX_WORDS:
            seen_short.add(key)
        out.append(Line(mapped, blank, kind))
    return out


def _continues_byline(previous: Line, text: str) -> bool:
    """A name broken onto its own line right after "By ..." ("By Javad" / "Mohammad Ali")."""
    words = text.split()
    return (
        previous.kind == "byline"
        and byline_author(previous.text.text) is not None
        and len(words) <= _NAME_MAX_WORDS
        and all(w[0].isupper() for w in words)
        and not _CLOSES_SENTENCE.search(text)
    )


def byline_author(text: str) -> str | None:
    """The author named by a byline line, if it names one."""
    for pattern in lexicon.patterns("layout", "byline"):
        match = pattern.fullmatch(text)
        if match and match.groupdict().get("author"):
            return match.group("author").strip()
    return None


def joiner(first: str, second: str, blank_between: bool) -> str | None:
    """How two lines join when the layout cut a sentence between them: the text to
    put between them, ``"-"`` to drop a hyphen at the end of ``first``, or None when
    they are separate paragraphs."""
    if not first or not second or _CLOSES_SENTENCE.search(first):
        return None
    if re.search(r"[^\W\d_]-$", first) and second[0].isalpha():
        return "-" if first[-2].islower() and second[0].islower() else ""
    words = first.split()
    if len(words) < 4:
        return None
    if second[0].islower() or words[-1].lower() in lexicon.words("layout", "continues_after"):
        return " "
    if not blank_between and len(first) >= _WRAPPED_MIN_CHARS:
        return " "
    return None


def assemble(lines: list[Line]) -> list[Block]:
    """Join cut lines and give every paragraph its role."""
    blocks: list[Block] = []
    pending: list[Line] = []  # furniture met while a cut paragraph waits for its end
    current: MappedText | None = None
    current_kind: LineKind = "text"

    def flush() -> None:
        nonlocal current
        if current is not None:
            blocks.append(Block(current, _paragraph_role(current.text, current_kind)))
            current = None
        for line in pending:
            blocks.append(Block(line.text, _line_role(line.kind)))
        pending.clear()

    for line in lines:
        if line.kind == "credit":
            if (
                current is not None
                and current_kind == "text"
                and not pending
                and len(current.text.split()) <= _CAPTION_MAX_WORDS
            ):
                current_kind = "caption"
            flush()
            blocks.append(Block(line.text, "caption"))
            continue
        if line.kind in ("boilerplate",) and current is not None:
            pending.append(line)
            continue
        if current is not None and line.kind in ("text", "caption") and line.kind == current_kind:
            how = joiner(current.text, line.text.text, line.blank_before or bool(pending))
            if how is not None:
                current = _join(current, line.text, how)
                continue
        flush()
        if line.kind in ("text", "caption"):
            current, current_kind = line.text, line.kind
        else:
            blocks.append(Block(line.text, _line_role(line.kind)))
    flush()
    return blocks


def layout(source: str) -> list[Block]:
    """Paragraph blocks with roles for the decoded text of a plain-text article."""
    return assemble(classify(split_lines(source)))


def _join(first: MappedText, second: MappedText, how: str) -> MappedText:
    if how == "-":
        return first.truncate(len(first.text) - 1) + second
    return first.plain(how) + second


def _any_full(text: str, key: str) -> bool:
    return any(p.fullmatch(text) for p in lexicon.patterns("layout", key))


def _line_role(kind: LineKind) -> Role:
    return {"boilerplate": "boilerplate", "credit": "caption", "caption": "caption"}.get(
        kind, "byline"
    )  # type: ignore[return-value]


def _paragraph_role(text: str, kind: LineKind) -> Role:
    if kind == "caption":
        return "caption"
    if len(text.split()) <= _HEADING_MAX_WORDS and not re.search(r"""[.!"”’;,]$""", text):
        return "heading"
    return "body"
