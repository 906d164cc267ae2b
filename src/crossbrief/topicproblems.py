"""One problem found in a topic file: where (a key path), what is wrong and the fix."""

from __future__ import annotations

from dataclasses import dataclass

from crossbrief.yamlinput import keypath


@dataclass(frozen=True)
class Problem:
    path: tuple[object, ...]
    what: str
    fix: str

    def line(self, where: str) -> str:
        at = keypath(self.path)
        return f"{where}: {at + ': ' if at else ''}{self.what}; fix: {self.fix}"


class Problems(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems
