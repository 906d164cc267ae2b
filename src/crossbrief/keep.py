"""A rebuilt briefing never silently replaces one already distributed.

Rebuilding the same report date (after adding articles on the same day, say) writes
``reports/briefing-D.pdf`` again. Before the build, each existing briefing file is
hard-linked aside (``.briefing-D.pdf.previous``); after it, if the new bytes differ, the
earlier pair is kept as ``briefing-D.N.pdf`` / ``.html`` (N = 1, 2, ...) and the console
says so; if they are the same, or the build failed before writing, nothing changes.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from collections.abc import Sequence
from pathlib import Path


def _aside(path: Path) -> Path:
    return path.with_name(f".{path.name}.previous")


def _numbered(path: Path, n: int) -> Path:
    return path.with_name(f"{path.stem}.{n}{path.suffix}")


def keep_aside(paths: Sequence[Path]) -> list[str]:
    """Before a build: link each existing briefing file aside. A copy left aside by a
    build that was killed is settled first. Returns what to tell the analyst."""
    said = settle(paths)
    for path in paths:
        if path.is_file():
            aside = _aside(path)
            aside.unlink(missing_ok=True)
            try:
                os.link(path, aside)
            except OSError:  # a file system without hard links
                shutil.copy2(path, aside)
    return said


def settle(paths: Sequence[Path]) -> list[str]:
    """After a build: keep the earlier files under the next free number if any of them
    changed; otherwise drop the copies set aside. Returns what to tell the analyst."""
    pairs = [(path, _aside(path)) for path in paths if _aside(path).is_file()]
    if not pairs:
        return []
    changed = False
    for path, aside in pairs:
        if not path.exists():
            aside.replace(path)  # the build failed before writing: put the earlier one back
        elif not filecmp.cmp(path, aside, shallow=False):
            changed = True
    pairs = [(path, aside) for path, aside in pairs if aside.exists()]
    if not changed:
        for _, aside in pairs:
            aside.unlink()
        return []
    n = 1
    while any(_numbered(path, n).exists() for path in paths):
        n += 1
    said = []
    for path, aside in pairs:
        kept = _numbered(path, n)
        aside.replace(kept)
        said.append(
            f"crossbrief: {path} was rebuilt with new content; the earlier one is kept as {kept}"
        )
    return said
