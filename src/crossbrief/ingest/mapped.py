"""Text that remembers where each of its characters came from in the source."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from crossbrief.textsafety import BIDI_CONTROLS

_WORD_RUN = re.compile(r"\S+")
#: Bidi controls are dropped as the text is read (crossbrief.textsafety): each piece
#: of a word between them keeps its own anchor, so offsets still map back exactly.
_PIECE = re.compile(f"[^{BIDI_CONTROLS}]+")


@dataclass(frozen=True)
class MappedText:
    """A string plus anchors (offset here, offset in source), sorted by the first.

    Between two anchors the text is a verbatim copy of the source, so any offset maps
    back by adding the distance from the anchor before it.
    """

    text: str
    anchors: tuple[tuple[int, int], ...]

    @staticmethod
    def from_source(line: str, source_start: int) -> MappedText:
        """A line of the source with runs of white space folded to one space, each
        word in Unicode NFC and bidi controls removed."""
        parts: list[str] = []
        anchors: list[tuple[int, int]] = []
        length = 0
        controlled = any(c in line for c in BIDI_CONTROLS)
        for match in _WORD_RUN.finditer(line):
            pieces = (
                [(p.start(), p.group()) for p in _PIECE.finditer(match.group())]
                if controlled
                else [(0, match.group())]
            )
            if not pieces:
                continue
            if parts:
                parts.append(" ")
                length += 1
            for at, piece in pieces:
                word = unicodedata.normalize("NFC", piece)
                anchors.append((length, source_start + match.start() + at))
                parts.append(word)
                length += len(word)
        return MappedText("".join(parts), tuple(anchors))

    @staticmethod
    def concat(pieces: Iterable[MappedText | str]) -> MappedText:
        """The pieces one after the other; a ``str`` piece has no source (a joining
        space). Linear in the total length, where a chain of ``+`` copies the text so
        far at every step."""
        texts: list[str] = []
        anchors: list[tuple[int, int]] = []
        length = 0
        for piece in pieces:
            if isinstance(piece, MappedText):
                anchors.extend((a + length, b) for a, b in piece.anchors)
                piece = piece.text
            texts.append(piece)
            length += len(piece)
        return MappedText("".join(texts), tuple(anchors))

    def __add__(self, other: MappedText) -> MappedText:
        shift = len(self.text)
        return MappedText(
            self.text + other.text,
            self.anchors + tuple((a + shift, b) for a, b in other.anchors),
        )

    def plain(self, text: str) -> MappedText:
        """Append text that has no source (a joining space)."""
        return MappedText(self.text + text, self.anchors)

    def truncate(self, length: int) -> MappedText:
        """The first ``length`` characters."""
        return MappedText(self.text[:length], tuple(a for a in self.anchors if a[0] < length))
