"""A guard that fails a test instead of letting it hang or run for hours."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class DeadlinePassed(BaseException):
    """Not an Exception (and not an OSError), so code under test cannot swallow it."""


@contextmanager
def deadline(seconds: int, what: str) -> Iterator[None]:
    """Fail the block if it is still running after ``seconds``, saying ``what`` that
    means. SIGALRM interrupts a regular expression and a blocking open() too; the
    timer fires again every second in case the code under test swallows it once."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DeadlinePassed(f"still running after {seconds} s: {what}")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
