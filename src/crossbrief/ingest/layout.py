"""Lines of a plain-text article to paragraphs with roles.

General rules, with the site furniture they recognise kept in ``lexicon/layout.yaml``:
- a line matching a boilerplate pattern, or repeating an earlier short line, is
  boilerplate (kept in the record, out of the analysis);
- a photo credit ("● REUTERS", "PC: ...") is a caption, and so is the paragraph it
  follows; a line opening like "PICTURED:" is a caption; so is a line that ends with
  its credit ("... (Jane Roe/U.S. Navy)"), and a line elsewhere that repeats that
  caption word for word without the credit (pages often print a caption twice);
- a line cut mid-sentence by the layout is joined to the line that goes on with it,
  across blank lines and over boilerplate between them; a word hyphenated across
  the break is rejoined;
- short lines without a closing full stop are headings; author and section lines
  are bylines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
#: How much of the end of a paragraph the joining rules read: more than the longest
#: word they look up, so a paragraph that grows by joined lines is not reread.
_TAIL = 100


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
    return _repeated_captions(out)


def _credit_stem(text: str) -> str | None:
    """The caption before a credit that ends ``text``, if a credit ends it."""
    if len(text.split()) > _CAPTION_MAX_WORDS:
        return None
    for pattern in lexicon.patterns("layout", "credit_end"):
        match = pattern.search(text)
        if match and match.start() > 0:
            return text[: match.start()].strip()
    return None


def _repeated_captions(lines: list[Line]) -> list[Line]:
    """Lines that end with a credit become captions, and so do text lines that repeat
    such a caption without its credit."""
    stems: set[str] = set()
    marked: list[Line] = []
    for line in lines:
        stem = _credit_stem(line.text.text) if line.kind == "text" else None
        if stem:
            stems.add(" ".join(stem.casefold().split()))
            line = Line(line.text, line.blank_before, "caption")
        marked.append(line)
    if not stems:
        return marked
    return [
        Line(line.text, line.blank_before, "caption")
        if line.kind == "text" and " ".join(line.text.text.casefold().split()) in stems
        else line
        for line in marked
    ]


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
    return _joiner(first, len(first), len(first.split()), second, blank_between)


def _joiner(tail: str, length: int, words: int, second: str, blank_between: bool) -> str | None:
    """:func:`joiner` for a first part known by its end (``tail``, at least its last
    ``_TAIL`` characters), its length and its number of words."""
    if not tail or not second or _CLOSES_SENTENCE.search(tail[-2:]):
        return None
    if re.search(r"[^\W\d_]-$", tail[-3:]) and second[0].isalpha():
        return "-" if tail[-2].islower() and second[0].islower() else ""
    if words < 4:
        return None
    ends = tail.split()
    last = ends[-1] if ends else ""
    if len(last) == len(tail) < length:
        last = ""  # a word longer than the tail is no listed function word
    if second[0].islower() or last.lower() in lexicon.words("layout", "continues_after"):
        return " "
    if not blank_between and length >= _WRAPPED_MIN_CHARS:
        return " "
    return None


@dataclass
class _Paragraph:
    """A paragraph being joined from cut lines (working state of :func:`assemble`).

    What the joining rules read of it (length, words, last characters) is kept up to
    date as lines join, so each join costs the length of the line, not of the
    paragraph so far: hard-wrapped text that never ends a sentence stays linear.
    """

    kind: LineKind
    pieces: list[MappedText | str] = field(default_factory=list)
    length: int = 0
    words: int = 0
    tail: str = ""

    @staticmethod
    def of(line: MappedText, kind: LineKind) -> _Paragraph:
        paragraph = _Paragraph(kind)
        paragraph.add(line, " ")
        return paragraph

    def how(self, line: Line, pending: bool) -> str | None:
        return _joiner(
            self.tail, self.length, self.words, line.text.text, line.blank_before or pending
        )

    def add(self, line: MappedText, how: str) -> None:
        """Append ``line``, joined as :func:`joiner` said."""
        text = line.text
        words = len(text.split())
        if not self.pieces:
            self.pieces.append(line)
        elif how == "-":
            last = self.pieces[-1]
            assert isinstance(last, MappedText)
            self.pieces[-1] = last.truncate(len(last.text) - 1)
            self.pieces.append(line)
            self.length -= 1
            self.tail = self.tail[:-1]
            words -= 1
        else:
            if how:
                self.pieces.append(how)
            else:
                words -= 1  # a kept hyphen glues the two words
            self.pieces.append(line)
            self.length += len(how)
            self.tail += how
        self.length += len(text)
        self.words += words
        self.tail = (self.tail + text[-_TAIL:])[-_TAIL:]

    def block(self) -> Block:
        if self.kind == "caption":
            role: Role = "caption"
        elif self.words <= _HEADING_MAX_WORDS and not re.search(r"""[.!"”’;,]$""", self.tail):
            role = "heading"
        else:
            role = "body"
        return Block(MappedText.concat(self.pieces), role)


def assemble(lines: list[Line]) -> list[Block]:
    """Join cut lines and give every paragraph its role."""
    blocks: list[Block] = []
    pending: list[Line] = []  # furniture met while a cut paragraph waits for its end
    current: _Paragraph | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current.block())
            current = None
        for line in pending:
            blocks.append(Block(line.text, _line_role(line.kind)))
        pending.clear()

    for line in lines:
        if line.kind == "credit":
            if (
                current is not None
                and current.kind == "text"
                and not pending
                and current.words <= _CAPTION_MAX_WORDS
            ):
                current.kind = "caption"
            flush()
            blocks.append(Block(line.text, "caption"))
            continue
        if line.kind in ("boilerplate",) and current is not None:
            pending.append(line)
            continue
        if current is not None and line.kind in ("text", "caption") and line.kind == current.kind:
            how = current.how(line, bool(pending))
            if how is not None:
                current.add(line.text, how)
                continue
        flush()
        if line.kind in ("text", "caption"):
            current = _Paragraph.of(line.text, line.kind)
        else:
            blocks.append(Block(line.text, _line_role(line.kind)))
    flush()
    return blocks


def layout(source: str) -> list[Block]:
    """Paragraph blocks with roles for the decoded text of a plain-text article."""
    return assemble(classify(split_lines(source)))


def _any_full(text: str, key: str) -> bool:
    return any(p.fullmatch(text) for p in lexicon.patterns("layout", key))


def _line_role(kind: LineKind) -> Role:
    return {"boilerplate": "boilerplate", "credit": "caption", "caption": "caption"}.get(
        kind, "byline"
    )  # type: ignore[return-value]
