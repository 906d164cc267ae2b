"""One build at a time per project folder, without stale locks.

An exclusive ``flock`` on a file is held for the life of the Snakemake process; the
kernel releases it when the process ends in any way, ``kill -9`` included, so a crash
never leaves the next run stuck (Snakemake's own lock directory would, and is turned
off in the workflow profile).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO


class BuildLockedError(RuntimeError):
    """Another build holds the lock; the message says which process and what to do."""


def acquire(path: Path) -> IO[str]:
    """Take the lock or raise :class:`BuildLockedError`. Keep the returned handle open."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+", encoding="utf-8")
    except OSError as err:
        raise BuildLockedError(
            f"cannot open the build lock {path} ({err.strerror or err}); it must be a file "
            f"crossbrief can write: remove whatever stands at {path} and run snakemake again"
        ) from None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        raise BuildLockedError(
            f"another crossbrief build is running in this folder (process {holder}); "
            "wait for it to finish, or stop it, then run snakemake again"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle
