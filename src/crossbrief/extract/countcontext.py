"""What attack counts and casualties take from the sentences before them: the running
state of a document's counts (the series of attack counts, the incident its
casualties belong to, the source of the figures just reported), and the rules that
read it.

- A count that is part of the count before ("Two of them ...") shares its window,
  as-of day and source; a sentence that goes on with the report before ("There have
  been 37 attacks ...") takes the source of that sentence's figures.
- A count of one day ("four were carried out on Monday") dates a statement and opens
  no window for the counts after it.
- An attack count whose sentence names no place continues the series' places; with
  none before, a place the sentence points back to ("the base") is the paragraph's.
- Casualties with no place of their own are where the sentence's other casualties
  are; nowhere in one country when the sentence before spreads over several places;
  else the paragraph's last place, a country the sentence names, or the incident's.
"""

from __future__ import annotations

from dataclasses import dataclass

from crossbrief.extract import attackparts, attacks, attribution, casualties, measures
from crossbrief.extract.gazetteer import Mention
from crossbrief.extract.numbers import Number
from crossbrief.records import Claim


@dataclass
class CountMemory:
    """The running state of a document's attack counts and casualties."""

    casualty_place: str | None = None  # of the last casualty: the incident goes on
    sentence_casualty_place: str | None = None  # of the last casualty of this sentence
    sentence_places: tuple[str, ...] = ()  # this sentence's places, by label
    previous_places: tuple[str, ...] = ()  # the places of the sentence before
    attack_places: tuple[str, ...] = ()  # of the last attack count: the series goes on
    last_attack: Claim | None = None  # the last attack count
    sentence_source: str | None = None  # the source of this sentence's figures
    previous_source: str | None = None  # the source of the figures of the sentence before

    def enter(self, new_paragraph: bool) -> None:
        self.previous_places = () if new_paragraph else self.sentence_places
        self.previous_source, self.sentence_source = self.sentence_source, None
        self.sentence_casualty_place = None
        self.sentence_places = ()

    def leave(self, places: tuple[str, ...]) -> None:
        """``places``: the labels of the places the sentence named after a preposition."""
        self.sentence_places = tuple(dict.fromkeys(places))

    def remember(self, claim: Claim) -> None:
        self.sentence_source = claim.attributed_to or self.sentence_source
        if claim.measure == "attack_count":
            self.last_attack = claim
            if claim.locations:
                self.attack_places = claim.locations
        if claim.measure == "casualty" and claim.location:
            self.casualty_place = self.sentence_casualty_place = claim.location


def sentence_measures(
    text: str,
    numbers: list[Number],
    mentions: list[Mention],
    carried: str | None,
) -> list[measures.Found]:
    """The measures of one sentence, with the attack counts that go on with the attacks
    counted before ("Of these, four were ...") when the last figure counted attacks
    (``carried``: what the figures before this sentence counted)."""
    found = measures.find(text, numbers, mentions, carried)
    taken = {f.number.start for f in found}
    after_attacks = carried == "attack_count" or any(f.measure == "attack_count" for f in found)
    more = attackparts.follow_ups(text, numbers, taken, mentions, after_attacks)
    return sorted([*found, *more], key=lambda f: f.number.start) if more else found


def one_day(claim: Claim) -> bool:
    """A count of one day ("four were carried out on Monday"): its window is the day it
    holds as of. That day dates a statement, and opens no window for the counts after."""
    window, as_of = claim.window_start, claim.as_of
    return bool(
        window is not None
        and as_of is not None
        and window.granularity == "day"
        and window.value == as_of.value
    )


def part_of(found: measures.Found, memory: CountMemory) -> Claim | None:
    """The count ``found`` is part of ("two of them"), if it is one."""
    return memory.last_attack if attacks.PART in found.notes else None


def carried_source(text: str, found: measures.Found, memory: CountMemory) -> str | None:
    """The source of an attack count whose sentence names none: that of the count it is
    part of, or, in a sentence that goes on with the report before, that of the
    figures of the sentence before."""
    whole = part_of(found, memory)
    if whole is not None:
        return whole.attributed_to
    if attribution.goes_on(text, found.number.start):
        return memory.previous_source
    return None


def attack_places(
    text: str, memory: CountMemory, paragraph_place: str | None, main: str | None
) -> tuple[str, ...]:
    """Where attacks counted in a sentence that names no place happened (see the
    module's docstring); ``paragraph_place``: the paragraph's last place."""
    if memory.attack_places:
        return memory.attack_places
    if not attackparts.points_back(text):
        return ()
    where = paragraph_place or memory.casualty_place or main
    return (where,) if where else ()


def casualty_place(
    memory: CountMemory,
    paragraph_place: str | None,
    named: str | None,
    main: str | None,
) -> str | None:
    """Where casualties are when their clause names no place (see the module's
    docstring); ``named``: a country the sentence names that is not the attacker."""
    if memory.sentence_casualty_place:
        return memory.sentence_casualty_place
    if not memory.sentence_places and len(memory.previous_places) > 1:
        return None
    return paragraph_place or named or memory.casualty_place or main


def same_place(found: measures.Found, memory: CountMemory) -> str | None:
    """The place of casualties "in the same region": that of the casualties before."""
    return memory.casualty_place if casualties.SAME_PLACE in found.notes else None
