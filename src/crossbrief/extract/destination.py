"""Where a moving force counts: at its destination ("sent 800 troops to Latvia"), and
troops going home count at the place they leave."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.measurebase import DESCRIBES as _DESCRIBES
from crossbrief.extract.measurebase import alt as _alt
from crossbrief.extract.measurebase import lex as _lex
from crossbrief.extract.measurebase import phrase as _phrase


def destination_first(
    text: str,
    left: int,
    right: int,
    places: list[Mention],
    mentions: list[Mention],
    actor: str | None,
) -> list[Mention]:
    """With a movement verb in the clause, the place after a destination preposition
    ("... to Latvia") comes first, before a place the troops leave or are based in now;
    the destination may stand before the figure ("sent to Latvia 800 troops"). Troops
    going to their own country are leaving the other place: that one stays first."""
    if not _moves(text, left, right):
        return places
    heads = _destination_head()
    bound = [
        m
        for m in mentions
        if left <= m.start < right
        and m.kind != "organisation"
        and heads.search(text[max(left, m.start - 25) : m.start])
    ]
    home = [m for m in bound if actor is not None and m.country == actor]
    places = [p for p in places if p not in home]  # going home: not where they are
    targets = [m for m in bound if m not in home]
    if not targets:
        return places
    return [targets[0], *(p for p in places if p is not targets[0])]


def heads_home(
    text: str, left: int, right: int, mentions: list[Mention], actor: str | None
) -> bool:
    """Troops moving to their own country are leaving where they were."""
    if actor is None or not _moves(text, left, right):
        return False
    heads = _destination_head()
    return any(
        left <= m.start < right
        and m.country == actor
        and m.kind == "country"
        and heads.search(text[max(left, m.start - 25) : m.start])
        for m in mentions
    )


@lru_cache(maxsize=256)
def _moves(text: str, left: int, right: int) -> bool:
    """Whether the clause has a movement verb; asked once per clause, not per figure."""
    return bool(_phrase("movement_verbs").search(text, left, right))


@cache
def _destination_head() -> re.Pattern[str]:
    to = _alt(_lex()["destination_prepositions"])
    return re.compile(rf"\b(?:{to})\s+(?:the\s+)?(?:(?:{_DESCRIBES})\s+)?$", re.IGNORECASE)
