"""What a finished build says on the console: where the briefing went, what was read,
left out and found. Snakemake's ``onsuccess`` prints these lines last, so the analyst
sees them without opening the appendix."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: Files named one by one under "not used"; the rest are counted.
MAX_LISTED = 10


@dataclass(frozen=True)
class Built:
    """Where a build's outputs are."""

    pdf: Path
    html: Path
    results: Path

    @property
    def pages_file(self) -> Path:
        return pages_file(self.results, self.pdf)


def pages_file(results: Path, pdf: Path) -> Path:
    """The small JSON file in which the PDF step records the page count."""
    return results / "print" / (pdf.stem + ".pages.json")


def write_pages(path: Path, pages: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"pages": pages}) + "\n", encoding="utf-8")


def _pages(path: Path) -> int | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("pages")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, int) else None


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def summary(built: Built) -> list[str]:
    """The closing lines of a build, the first naming the briefing; nothing when the
    build made no briefing (a run for another target)."""
    if not built.pdf.is_file():
        return []
    pages = _pages(built.pages_file)
    counted = f" ({_plural(pages, 'page')})" if pages is not None else ""
    lines = [f"crossbrief: briefing written to {built.pdf}{counted} and .html"]
    lines += _inputs(built.results / "tables" / "inputs.csv")
    lines += _corrections(built.results / "tables" / "corrections.csv")
    lines += _findings(built.results / "findings.json")
    lines += _changes(built.results / "changes.json")
    lines += _warnings(built.results / "tables" / "sources.csv")
    return lines


def _table(path: Path, column: str) -> pd.DataFrame | None:
    """A build's table as text, or None when it is missing, unreadable or lacks
    ``column`` (the summary then leaves its lines out). pandas is imported here, not
    with the module: Snakemake imports this module each time it reads the workflow."""
    from crossbrief.tablefile import read_table

    try:
        table = read_table(path, as_text=True)
    except (OSError, ValueError):
        return None
    return table if column in table else None


def _json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _inputs(path: Path) -> list[str]:
    table = _table(path, "status")
    if table is None:
        return []
    status = table["status"]
    used = int((status == "read").sum())
    left = table[status != "read"]
    lines = [
        f"  articles: {used:,} used"
        + "".join(
            f", {count:,} {name}" for name, count in sorted(left["status"].value_counts().items())
        )
    ]
    for row in left.head(MAX_LISTED).itertuples():
        lines.append(f"    {row.status}: {row.file}: {row.reason}")
    if len(left) > MAX_LISTED:
        lines.append(f"    ... and {len(left) - MAX_LISTED:,} more (Inputs, in the briefing)")
    return lines


def _findings(path: Path) -> list[str]:
    data = _json(path)
    findings = data.get("findings") if data is not None else None
    if not isinstance(findings, list):
        return []
    key = sum(1 for f in findings if not isinstance(f, dict) or f.get("key", True))
    return [
        f"  findings: {len(findings):,}, {key:,} of them key findings (they open the "
        "briefing; a figure only one source gives is in the tables)"
    ]


def _warnings(path: Path) -> list[str]:
    table = _table(path, "warnings")
    if table is None:
        return []
    warned = table[table["warnings"] != ""]
    if warned.empty:
        return []
    return [
        f"  warnings: {_plural(len(warned), 'article')} read with a warning (listed under Sources)"
    ]


def _corrections(path: Path) -> list[str]:
    """Each analyst correction with its reason; one that matches nothing is a warning."""
    table = _table(path, "status")
    if table is None or table.empty:
        return []
    lines = [f"  corrections: {_plural(len(table), 'correction')} in the corrections file"]
    for row in table.itertuples():
        if row.status == "applied":
            change = f" ({row.change})" if row.action == "amended" else ""
            lines.append(f"    {row.action} {row.target} {row.id}{change}: {row.reason}")
        else:
            lines.append(
                f"    warning: {row.target} {row.id!r} matches nothing in this build; "
                f"the correction ({row.action}: {row.reason}) was not applied"
            )
    return lines


def _changes(path: Path) -> list[str]:
    data = _json(path)
    if data is None or not data.get("since"):
        return []
    return [f"  changes since the briefing of {data['since']}: {data.get('summary', '')}"]
