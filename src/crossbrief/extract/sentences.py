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
#: then something that can open a sentence. A match starts only at the start of a run of
#: terminal punctuation and the runs are possessive: a long run of stops or of white
#: space is read once, not once from each of its characters.
#: Text run together by a page layout ("... 32,000.Those reports", "Oct. 8.In a
#: statement") ends a sentence too: a stop right after a lower-case letter or a digit
#: and right before a capitalised word.
_END = re.compile(
    r"""(?<![.!?…])([.!?…]++)(["”’')\]]*+)"""
    r"""(?:\s++(?=["“‘(\[]?[A-Z0-9])|(?<=[a-z0-9][.!?])(?=[A-Z][a-z]|(?:A|I)\s))"""
)
#: The word after a sentence end, without the quotes and brackets it may open with.
_WORD = re.compile(r"\S+")
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
    """(start, end) of each sentence of ``text``, shifted by ``offset``.

    Linear in the length of ``text``: the word before a full stop is looked for only
    since the previous match and the word after it only up to the next white space,
    so a long run of abbreviations or initials that never ends a sentence is not
    rescanned at each of its full stops.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    since = 0  # where the previous match ended: the word before a stop lies after it
    for match in _END.finditer(text):
        stop = match.start(1)
        if match.group(1) == "." and _abbreviated(text, start, since, stop):
            following = _WORD.match(text, match.end())
            nxt = following.group().strip('"“‘([') if following else ""
            if nxt not in _openers():
                since = match.end()
                continue
        end = match.end(2)
        if text[start:end].strip():
            spans.append((offset + start, offset + end))
        start = since = match.end()
    if text[start:].strip():
        spans.append((offset + start, offset + len(text.rstrip())))
    return [piece for span in spans for piece in _bounded(text, offset, span)]


def _abbreviated(text: str, start: int, since: int, stop: int) -> bool:
    """Whether the full stop at ``stop`` follows a listed abbreviation or a single
    capital initial, in the sentence that opened at ``start``.

    The word before the stop is read from ``since`` (the end of the previous match,
    which white space precedes) rather than from ``start``, and the initial from the
    two characters before the stop, so each stop costs only the text since the last.
    """
    words = text[since:stop].rsplit(None, 1)
    last = words[-1] if words else ""
    if last + "." in _abbreviations():
        return True
    end = stop - 1 if stop - 1 > start and text[stop - 1] == "\n" else stop
    return (
        end > start
        and "A" <= text[end - 1] <= "Z"
        and (end - 1 == start or text[end - 2].isspace())
    )


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
