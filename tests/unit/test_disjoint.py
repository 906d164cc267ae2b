"""Groups of ids are known by their smallest id, whatever the order of the joins."""

from __future__ import annotations

from crossbrief.disjoint import Groups


def test_a_group_is_known_by_its_smallest_id_in_any_join_order() -> None:
    for joins in ([("d", "c"), ("c", "a")], [("a", "c"), ("d", "a")], [("c", "d"), ("a", "d")]):
        groups = Groups("abcd")
        for x, y in joins:
            groups.join(x, y)
        assert groups.roots() == {"a": "a", "b": "b", "c": "a", "d": "a"}
