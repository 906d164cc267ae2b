"""Sentences of a document, with their offsets in the normalised text.

Each paragraph is split on its own, so a headline or dateline without a final stop
is a sentence of its own. A full stop after a listed abbreviation ("U.S.", "Lt. Gen.",
"Dec. 31") or a single initial does not end a sentence unless a usual sentence
opener follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crossbrief import lexicon
from crossbrief.records import Document, Role

#: A sentence end: terminal punctuation, any closing quotes or brackets, white space,
#: then something that can open a sentence.
_END = re.compile(r"""([.!?…]+)(["”’')\]]*)\s+(?=["“‘(\[]?[A-Z0-9])""")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]$")
#: Longer "sentences" (tables, lists, run-on text) are cut at white space, so the
#: clause rules that read around each number stay bounded.
MAX_SENTENCE = 1500


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    role: Role


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lexicon.load("sentences")["abbreviations"])


@cache
def _openers() -> frozenset[str]:
    return frozenset(lexicon.load("sentences")["openers"])


def split(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, shifted by ``offset``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        before = text[start : match.start(1)]
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        following = text[match.end() :].split(None, 1)
        nxt = following[0].strip('"“‘([') if following else ""
        abbreviated = last + "." in _abbreviations() or _INITIAL.search(before)
        if match.group(1) == "." and abbreviated and nxt not in _openers():
            continue
        end = match.end(2)
        if text[start:end].strip():
            spans.append((offset + start, offset + end))
        start = match.end()
    if text[start:].strip():
        spans.append((offset + start, offset + len(text.rstrip())))
    return [piece for span in spans for piece in _bounded(text, offset, span)]


def _bounded(text: str, offset: int, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start - offset, start - offset + MAX_SENTENCE) + offset
        if cut <= start:
            cut = start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut + 1 if text[cut - offset : cut - offset + 1] == " " else cut
    pieces.append((start, end))
    return pieces


def sentences(
    document: Document, roles: tuple[Role, ...] = ("body", "heading", "caption")
) -> list[Sentence]:
    """The sentences of the paragraphs with the given roles, in text order."""
    out: list[Sentence] = []
    for index, paragraph in enumerate(document.paragraphs):
        if paragraph.role not in roles:
            continue
        chunk = document.text[paragraph.start : paragraph.end]
        for start, end in split(chunk, paragraph.start):
            out.append(Sentence(start, end, document.text[start:end], index, paragraph.role))
    return out
