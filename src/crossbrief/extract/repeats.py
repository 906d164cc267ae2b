"""People an article has already counted as hurt, counted again.

"An attack injured eight soldiers in Syria. ... The eight soldiers were flown to
Germany." The second figure is the same eight people, not a troop headcount: a figure
read as troops whose value equals an earlier casualty figure of the article, and whose
quote names the same people (the head word of that casualty's ``who``, and no other
country's troops), is that casualty
told again. It takes the earlier figure's outcome, people, place and event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from crossbrief.records import Claim

#: How many claims back a repeat may refer (an article tells of its casualties and
#: goes on about them for a few paragraphs at most).
REACH = 12
_WORD = re.compile(r"[\w’'-]+")


def _head(who: str) -> str | None:
    words = _WORD.findall(who.lower())
    return words[-1] if words else None


def told_again(claim: Claim, earlier: Sequence[Claim], default_actor: str | None) -> Claim:
    """``claim`` as the casualty figure it repeats, or unchanged. An actor equal to the
    topic's default may be only the default, so it tells nothing about whose troops."""
    if claim.measure != "troop_figure" or claim.kind not in (None, "present"):
        return claim
    quote = {w for w in _WORD.findall(claim.quote.lower())}
    for before in reversed(earlier[-REACH:]):
        if before.measure != "casualty" or before.value != claim.value or not before.who:
            continue
        named = claim.actor if claim.actor != default_actor else None
        if named and before.actor and named != before.actor:
            continue  # the same number of another country's troops
        head = _head(before.who)
        if head is None or head not in quote:
            continue
        return replace(
            claim,
            measure="casualty",
            kind=None,
            who=before.who,
            outcome=before.outcome,
            location=before.location or claim.location,
            locations=before.locations or claim.locations,
            event=before.event or claim.event,
            notes=(*claim.notes, f"the same people as the casualty figure {before.id}"),
        )
    return claim
