"""Disjoint groups of ids (union-find with path halving). A group is known by its
smallest id, so the grouping does not depend on the order ids were joined in."""

from __future__ import annotations

from collections.abc import Iterable


class Groups:
    def __init__(self, ids: Iterable[str]) -> None:
        self._parent: dict[str, str] = {k: k for k in ids}

    def root(self, x: str) -> str:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        first, second = sorted((self.root(a), self.root(b)))
        self._parent[second] = first

    def roots(self) -> dict[str, str]:
        """Every id -> the smallest id of its group."""
        return {k: self.root(k) for k in self._parent}
