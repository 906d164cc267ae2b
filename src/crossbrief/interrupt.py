"""Ctrl-C ends a pipeline step quietly.

The terminal sends SIGINT to every process of the build, so each running step would
print a Python traceback of wherever it was. A step's script calls :func:`quiet` before
its heavy imports: the step then stops with one line and exit status 130, and its
half-written outputs are removed as on any failure (crossbrief.fileio writes beside and
renames).
"""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _stop(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write("crossbrief: step interrupted (Ctrl-C); run snakemake again to finish\n")
    raise SystemExit(130)


def quiet() -> None:
    signal.signal(signal.SIGINT, _stop)
