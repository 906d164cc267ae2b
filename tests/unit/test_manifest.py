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
        ("outlet: [Example News, Example Daily]", "must be text"),
        ("published: true", "must be text"),
        ("reliability: G", "one of A, B, C, D, E, F"),
        ("date_order: ymd", "one of mdy, dmy"),
        ("date_order: MDY", "one of mdy, dmy"),
    ],
)
def test_wrong_types_are_errors(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(f"a.txt:\n  {line}\n")
    with pytest.raises(ManifestError, match=message):
        load(path)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_listed_twice_names_the_file_both_lines_and_the_fix(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.txt:\n  outlet: First Post\nb.txt:\n  outlet: Other\na.txt:\n  outlet: Second Post\n",
    )
    with pytest.raises(ManifestError) as caught:
        load(path)
    message = str(caught.value)
    assert str(path) in message
    assert "'a.txt' is written twice (lines 1 and 5)" in message
    assert "fix:" in message


def test_a_key_written_twice_in_one_entry_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt:\n  published: 2024-01-02\n  published: 2024-01-03\n")
    with pytest.raises(
        ManifestError, match=r"\"a\.txt\": 'published' is written twice \(lines 2 and 3\)"
    ):
        load(path)


@pytest.mark.parametrize("date", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_published_outside_the_sane_range_is_an_error(tmp_path: Path, date: str) -> None:
    path = write(tmp_path, f"a.txt:\n  published: {date}\n")
    with pytest.raises(
        ManifestError, match=r"'published' for 'a.txt'.*1900-01-01\.\.2200-12-31.*fix:"
    ):
        load(path)


@pytest.mark.parametrize("date", ["1900-01-01", "2200-12-31", "2024-02-29"])
def test_published_inside_the_range_is_kept(tmp_path: Path, date: str) -> None:
    assert load(write(tmp_path, f"a.txt:\n  published: {date}\n"))["a.txt"].published == date


def test_values_are_read_as_text(tmp_path: Path) -> None:
    entry = load(write(tmp_path, "a.txt:\n  title: 1984\n  notes: no\n  outlet: 3.10\n"))["a.txt"]
    assert (entry.title, entry.notes, entry.outlet) == ("1984", "no", "3.10")


def test_a_file_name_that_is_not_text_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="not text; fix:"):
        load(write(tmp_path, "true:\n  outlet: X\n"))


def test_a_misspelt_key_gets_a_suggestion(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="did you mean 'author'"):
        load(write(tmp_path, "a.txt:\n  auther: X\n"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a.txt:\n  outlet: Caf\xe9 News\n", "not UTF-8.*re-save the file as UTF-8"),
        (b"a.txt:\n  outlet: X\x00\n", "invalid YAML.*fix:"),
        (b"[" * 5000 + b"]" * 5000, "nested too deeply.*fix:"),
        (b"a.txt: &x\n  notes: *x\n", "refers to the value that contains it.*fix:"),
        (
            b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + b"".join(
                f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n".encode()
                for p, c in zip("abcdef", "bcdefg", strict=True)
            ),
            "aliases.*expand it to.*fix:",
        ),
        (b"- a.txt\n- b.txt\n", "expected a mapping of file names.*fix:"),
        (b"a.txt: Example News\n", "must be a mapping of keys.*fix:"),
    ],
)
def test_hostile_files_give_a_message_not_a_traceback(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "sources.yaml"
    path.write_bytes(content)
    with pytest.raises(ManifestError, match=message):
        load(path)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_bytes("\ufeffa.txt:\n  outlet: X\n".encode())
    assert load(path)["a.txt"].outlet == "X"


def test_merge_keys_may_override_what_they_merge(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.txt: &base\n  outlet: X\n  genre: news\nb.txt:\n  <<: *base\n  genre: opinion\n",
    )
    entries = load(path)
    assert (entries["b.txt"].outlet, entries["b.txt"].genre) == ("X", "opinion")


@pytest.mark.parametrize(
    "content",
    [
        "- " * 30000 + "a",
        "? " * 30000 + "a",
        "? a\n: " + "- " * 30000 + "b",
        "[" * 30000,
        "\n".join(" " * i + "a:" for i in range(30000)),
    ],
    ids=["dashes", "keys", "value", "brackets", "indentation"],
)
def test_deep_nesting_is_refused_without_crashing(tmp_path: Path, content: str) -> None:
    """libyaml would crash the process on these; they must reach the guarded loader."""
    with pytest.raises(ManifestError, match="fix:"):
        load(write(tmp_path, content))


def test_date_order_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt:\n  date_order: mdy\nb.txt:\n  date_order: dmy\nc.txt: {}\n")
    entries = load(path)
    assert [entries[n].date_order for n in ("a.txt", "b.txt", "c.txt")] == ["mdy", "dmy", None]
