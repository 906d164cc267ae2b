"""What changed since the last briefing. Each briefing leaves a snapshot beside it
(``reports/briefing-D.json``: its sources, troop-figure groups and disputes); the next
briefing compares its own snapshot with the latest one of an earlier date.

Light on purpose (no pandas): Snakemake imports it to find the earlier snapshot.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from crossbrief.render.formatting import hedged, number

#: The snapshot format; a snapshot of another format is not compared.
FORMAT = 1
_SNAPSHOT = re.compile(r"briefing-(\d{4}-\d{2}-\d{2})\.json")

Row = Mapping[str, str]


def snapshot_name(report_date: str) -> str:
    return f"briefing-{report_date}.json"


def latest_earlier(reports: Path, report_date: str) -> Path | None:
    """The snapshot of the latest briefing dated before ``report_date`` in ``reports``
    (copies kept after a rebuild, ``briefing-D.1.json``, are earlier versions of their
    date and are passed over)."""
    if not reports.is_dir():
        return None
    dated = sorted(
        (m.group(1), p)
        for p in reports.iterdir()
        if (m := _SNAPSHOT.fullmatch(p.name)) and m.group(1) < report_date and p.is_file()
    )
    return dated[-1][1] if dated else None


def _figure(row: Row) -> str:
    """How a figure is named in the changes: "Outlet: about 2,500"."""
    shown = hedged(row.get("qualifier", ""), row.get("value", ""), row.get("low") or None)
    return f"{row.get('outlet', '')}: {shown}"


def snapshot(
    report_date: str,
    sources: Iterable[Row],
    groups: Iterable[Row],
    figures: Iterable[Row],
    conflicts: Iterable[Row],
    casualties: Iterable[Row] = (),
) -> dict[str, Any]:
    """The machine-readable state of a briefing that the next one compares with: its
    sources, each group of troop figures and of casualty figures (subject and outcome),
    and its disputes."""
    by_group: dict[str, dict[str, str]] = {}
    for f in figures:
        by_group.setdefault(f["group_key"], {})[f["claim"]] = _figure(f)
    return {
        "format": FORMAT,
        "report_date": report_date,
        "sources": {
            s["document"]: {
                "outlet": s.get("outlet", ""),
                "title": s.get("title", ""),
                "published": s.get("published", ""),
            }
            for s in sources
        },
        "groups": {
            g["group_key"]: {
                "label": ", ".join(g[k] for k in ("actor", "location", "kind_class") if g.get(k)),
                "headline": g.get("headline", ""),
                "minimum": g.get("minimum", ""),
                "maximum": g.get("maximum", ""),
                "figures": by_group.get(g["group_key"], {}),
            }
            for g in groups
        }
        | _casualty_groups(casualties),
        "disputes": {
            f"{c.get('type', '')}: {c.get('subject', '')}": c.get("explanation", "")
            for c in conflicts
        },
    }


def _casualty_groups(rows: Iterable[Row]) -> dict[str, dict[str, Any]]:
    """Casualty figures grouped by what was hit and how (``casualties | subject | outcome``),
    with their range (casualty groups have no headline figure)."""
    grouped: dict[str, list[Row]] = {}
    for r in rows:
        key = f"casualties | {r.get('subject', '')} | {r.get('outcome', '')}"
        grouped.setdefault(key, []).append(r)
    out: dict[str, dict[str, Any]] = {}
    for key, part in sorted(grouped.items()):
        values = sorted(float(r["value"]) for r in part if _is_number(r.get("value", "")))
        first = part[0]
        out[key] = {
            "label": f"casualties {first.get('name') or first.get('subject', '')}, "
            f"{first.get('outcome', '')}".replace("_", " "),
            "headline": "",
            "minimum": str(values[0]) if values else "",
            "maximum": str(values[-1]) if values else "",
            "figures": {r["claim"]: _figure(r) for r in part},
        }
    return out


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def read_snapshot(path: Path | None) -> dict[str, Any] | None:
    """A snapshot written by :func:`snapshot`, or None (no file, another format, or
    not readable: the briefing then says it has nothing to compare with)."""
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    if not all(isinstance(data.get(k), dict) for k in ("sources", "groups", "disputes")):
        return None
    return data


def _source(document: str, s: Mapping[str, str]) -> dict[str, str]:
    return {
        "document": document,
        **{k: str(s.get(k, "")) for k in ("outlet", "title", "published")},
    }


def _group_change(
    key: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> dict[str, Any] | None:
    old_figures: Mapping[str, str] = (before or {}).get("figures", {})
    new_figures: Mapping[str, str] = (after or {}).get("figures", {})
    added = [new_figures[c] for c in sorted(new_figures) if c not in old_figures]
    removed = [old_figures[c] for c in sorted(old_figures) if c not in new_figures]
    fields = ("headline", "minimum", "maximum")
    moved = {
        f: {"before": number(str(before[f])), "after": number(str(after[f]))}
        for f in fields
        if before is not None and after is not None and str(before[f]) != str(after[f])
    }
    if before is not None and after is not None and not (added or removed or moved):
        return None
    status = "new" if before is None else "gone" if after is None else "changed"
    return {
        "group": key,
        "label": str((after or before or {}).get("label", key)),
        "status": status,
        "headline": number(str((after or before or {}).get("headline", ""))),
        "moved": moved,
        "added": added,
        "removed": removed,
    }


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def changes(previous: Mapping[str, Any] | None, current: Mapping[str, Any]) -> dict[str, Any]:
    """What differs between an earlier briefing's snapshot and this one; ``since`` is
    None when there is no earlier briefing."""
    if previous is None:
        return {"since": None}
    old_src, new_src = previous["sources"], current["sources"]
    old_groups, new_groups = previous["groups"], current["groups"]
    old_disputes, new_disputes = previous["disputes"], current["disputes"]
    groups = [
        change
        for key in sorted(set(old_groups) | set(new_groups))
        if (change := _group_change(key, old_groups.get(key), new_groups.get(key))) is not None
    ]
    out: dict[str, Any] = {
        "since": previous["report_date"],
        "sources_added": [_source(d, new_src[d]) for d in sorted(set(new_src) - set(old_src))],
        "sources_removed": [_source(d, old_src[d]) for d in sorted(set(old_src) - set(new_src))],
        "groups": groups,
        "disputes_appeared": [
            {"dispute": k, "explanation": new_disputes[k]}
            for k in sorted(set(new_disputes) - set(old_disputes))
        ],
        "disputes_resolved": [
            {"dispute": k, "explanation": old_disputes[k]}
            for k in sorted(set(old_disputes) - set(new_disputes))
        ],
    }
    out["summary"] = short(out)
    return out


def short(c: Mapping[str, Any]) -> str:
    """One sentence for the title page."""
    parts = [
        f"{_count(len(c['sources_added']), 'new source', 'new sources')}, "
        f"{len(c['sources_removed'])} removed",
        _count(
            len(c["groups"]),
            "group of figures new or changed",
            "groups of figures new or changed",
        ),
        f"{_count(len(c['disputes_appeared']), 'dispute', 'disputes')} appeared, "
        f"{len(c['disputes_resolved'])} resolved",
    ]
    return "; ".join(parts) + "."
