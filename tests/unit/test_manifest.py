from pathlib import Path

import pytest

from crossbrief.ingest.manifest import ManifestError, load

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_sample_manifest_loads() -> None:
    entries = load(SEEDS / "sources.yaml")
    assert entries["000_fa25f08cf7c4953c.txt"].outlet == "Iran Daily"
    assert entries["000_fa25f08cf7c4953c.txt"].published == "2024-01-31"
    assert entries["001_9f8e176f1df87fee.txt"].author is None


def test_absent_manifest_is_empty(tmp_path: Path) -> None:
    assert load(tmp_path / "none.yaml") == {}


def test_invalid_yaml_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("a.txt:\n  outlet: X\n  title: [unclosed\n")
    with pytest.raises(ManifestError, match=r"line \d+, column \d+"):
        load(path)


def test_unknown_key_is_an_error_naming_the_allowed_keys(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("a.txt:\n  outlett: X\n")
    with pytest.raises(ManifestError, match=r"unknown key 'outlett'.*allowed keys: outlet"):
        load(path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("published: 31 January", "YYYY-MM-DD"),
        ("published: 2024-02-30", "YYYY-MM-DD"),
        ("outlet: 42", "must be text"),
        ("reliability: G", "one of A, B, C, D, E, F"),
    ],
)
def test_wrong_types_are_errors(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(f"a.txt:\n  {line}\n")
    with pytest.raises(ManifestError, match=message):
        load(path)
