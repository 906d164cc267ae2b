"""Key findings in the order an analyst needs them: same-time disputes among
independent sources, revisions, cumulative counts that fall, large changes, date
disputes, then the rest. A finding that rests on a single independent source (one
outlet's figure, copies of one story) is not a key finding: it stays in the tables and
in ``results/findings.json``, except the kinds that are about one source by nature
(a revision, an internal inconsistency). Counts of one article that seem to fall are
far more often parts of one another ("30 incidents, 20 of them by ..., seven deliberate")
than a count that fell, so a falling count needs two independent sources."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: Categories in the order they are put first, with how the method section names them.
PRIORITY: tuple[tuple[str, str], ...] = (
    ("dispute", "same-time disputes among independent sources"),
    ("revision", "revisions (a source corrects an earlier figure)"),
    ("attack_flags", "cumulative counts that fall"),
    ("change", "large changes between periods of a series"),
    ("event_disagreements", "date disputes"),
    ("conflicts", "internal inconsistencies and weekdays that contradict their dates"),
)
#: Kinds of finding that are key even when they rest on one source.
ONE_SOURCE_KINDS = frozenset({"revision", "conflicts"})
#: Key findings on the PDF's title page (the HTML twin and findings.json hold all).
MAX_KEY = 10

RULE = (
    "Key findings are ranked: "
    + "; ".join(f"{n}. {words}" for n, (_, words) in enumerate(PRIORITY, 1))
    + "; then agreements and trajectories. Within a rank, series with more independent "
    "sources come first and a series' findings are in time order. A finding that rests "
    "on a single independent source "
    "(one outlet, or copies of one story) is not a key finding and stays in the tables, "
    "except revisions and internal inconsistencies. The PDF shows the first "
    f"{MAX_KEY} key findings; the HTML twin and results/findings.json give all of them."
)


def rank(items: list[dict[str, Any]], group_of: Mapping[str, str]) -> list[dict[str, Any]]:
    """``items`` ordered for the reader, each with ``id`` (F1 first), ``sources`` (the
    independent groups its evidence comes from), ``key`` and ``rank`` (its place among
    the key findings, from 0; None for the others)."""
    order = {category: n for n, (category, _) in enumerate(PRIORITY)}
    for item in items:
        item["sources"] = len({group_of.get(e, e) for e in item["evidence"]})
        item["key"] = item["category"] in ONE_SOURCE_KINDS or item["sources"] >= 2
    ranked = sorted(
        items,
        key=lambda i: (not i["key"], order.get(i["category"], len(order))),
    )
    place = 0
    for n, item in enumerate(ranked, 1):
        item["id"] = f"F{n}"
        item["rank"] = place if item["key"] else None
        place += 1 if item["key"] else 0
    return ranked
