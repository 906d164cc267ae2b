"""Logging for pipeline steps: everything a step says goes to its Snakemake log file."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def logged(path: str | Path, step: str) -> Iterator[logging.Logger]:
    """Send log records to ``path`` for the duration; record a failure before it
    propagates, so the log says what went wrong."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logger = logging.getLogger(f"crossbrief.{step}")
    try:
        yield logger
    except Exception:
        logger.exception("step %s failed", step)
        raise
    finally:
        root.removeHandler(handler)
        handler.close()
