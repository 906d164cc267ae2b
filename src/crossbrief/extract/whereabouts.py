"""Places in a figure's sentence that are not where its troops are: where a speaker
was ("..., the minister said at Davos", "Speaking in Kabul, the general said 2,000
troops ...", "told reporters in Paris"), and where troops come from ("troops from
Kenya and Uganda", "4,000 Marines expected to move from Okinawa")."""

from __future__ import annotations

import re
from functools import cache

from crossbrief import lexicon

#: Characters between a speech verb and the place it locates ("said on Tuesday in").
_REACH = 40


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _speech_place() -> re.Pattern[str]:
    data = lexicon.load("attribution")
    verbs = _alt([*data["verbs"], *data["speech_settings"]])
    return re.compile(
        rf"(?<![\w-])(?:{verbs})(?![\w-])(?:\s+(?:reporters|journalists|lawmakers|"
        rf"a\s+[\w\s]{{0,25}}?))?(?:\s+(?:on|late|early)\s+\w+)?\s+(?:in|at)\s+(?:the\s+)?$",
        re.IGNORECASE,
    )


def speaker_place(text: str, start: int) -> bool:
    """Whether the place at ``start`` of ``text`` is where someone spoke."""
    return bool(_speech_place().search(text[max(0, start - _REACH) : start]))


#: "from" and a list of names before a place: the place is an origin.
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w’'.-]*(?:\s*,\s*|\s+and\s+(?:the\s+)?|\s+))*$")


def origin(text: str, start: int) -> bool:
    """Whether the place at ``start`` of ``text`` is where something comes from."""
    return bool(_FROM.search(text[max(0, start - 120) : start]))
