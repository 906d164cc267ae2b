"""Untrusted text shown safely: bidi controls, isolation, spreadsheet formulas, and the
calendar's ends."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from crossbrief.extract import timex
from crossbrief.ingest.document import ingest_bytes
from crossbrief.ingest.mapped import MappedText
from crossbrief.ingest.metadata import parse_dateline
from crossbrief.records import Document
from crossbrief.render.formatting import number
from crossbrief.render.html import _finalize
from crossbrief.shardindex import display_name
from crossbrief.tablefile import read_table, write_table
from crossbrief.textsafety import FSI, PDI, breakable, contain, csv_cell, csv_text, isolate

RLO, PDF_, LRI = "\u202e", "\u202c", "\u2066"
ARABIC = "\u0627\u0644\u0645\u0631\u0635\u062f"  # an Arabic word


def test_contain_removes_overrides_and_balances_isolates() -> None:
    assert contain(f"spokesman {RLO}Bob{PDF_} said") == "spokesman Bob said"
    assert contain(f"a {LRI}b") == f"a {LRI}b{PDI}"  # an open isolate is closed
    assert contain(f"a{PDI} b") == "a b"  # a stray close is dropped
    assert contain(f"{FSI}x{PDI}") == f"{FSI}x{PDI}"  # balanced isolates are kept
    assert contain("plain 3,000") == "plain 3,000"


def test_isolate_wraps_only_right_to_left_text_once() -> None:
    assert isolate("Northern Courier") == "Northern Courier"
    assert isolate(f"{ARABIC} daily") == f"{FSI}{ARABIC} daily{PDI}"
    composed = f"3,000 by {isolate(ARABIC)} and 900 by Daily Post"
    assert isolate(composed) == composed  # parts already isolated: not wrapped again
    assert isolate(f"{RLO}{ARABIC}") == f"{FSI}{ARABIC}{PDI}"


def test_long_unbroken_runs_get_break_opportunities_and_names_stay_as_they_are() -> None:
    assert breakable("Northern Courier of the Plains") == "Northern Courier of the Plains"
    assert breakable("a-very-long-hyphenated-name-that-breaks-at-hyphens-already") == (
        "a-very-long-hyphenated-name-that-breaks-at-hyphens-already"
    )
    long = "Q" * 95
    shown = breakable(f"by {long} daily")
    assert shown.replace("\u200b", "") == f"by {long} daily"
    assert all(len(run) <= 30 for run in re.split(r"[\s\u200b]", shown))


@pytest.mark.parametrize("text", ["=SUM(A1)", "+1 555", "-2+3", "@cmd", "\tx", "\rx", "'quoted"])
def test_formula_like_cells_get_an_apostrophe_and_read_back_exactly(text: str) -> None:
    cell = csv_cell(text)
    assert isinstance(cell, str) and cell.startswith("'")
    assert csv_text(cell) == text


def test_ordinary_cells_and_numbers_are_untouched() -> None:
    assert csv_cell("Lagos Herald") == "Lagos Herald"
    assert csv_cell(-4.5) == -4.5
    assert csv_cell(f"x{RLO}y") == "xy"


def test_table_round_trip_is_exact_and_the_file_has_no_live_formula(tmp_path: Path) -> None:
    table = pd.DataFrame(
        {
            "outlet": ['=HYPERLINK("http://x")', "Plain", "'a"],
            "value": [-3.0, 2.0, 1.0],
            "@Column": ["x", "y", "z"],
        }
    )
    path = tmp_path / "t.csv"
    write_table(path, table)
    for line in path.read_text().splitlines()[1:]:
        assert not line.startswith(("=", "+", "-", "@", '"=', '"+', '"-', '"@'))
    back = read_table(path)
    assert list(back.columns) == list(table.columns)
    assert list(back["outlet"]) == list(table["outlet"])
    assert list(back["value"]) == [-3.0, 2.0, 1.0]
    assert list(read_table(path, as_text=True)["outlet"]) == list(table["outlet"])


def test_bidi_controls_are_dropped_on_ingest_with_offsets_kept_and_a_warning() -> None:
    source = f"There are 4,000 Dutch troops in Mali, said {RLO}Jan{PDF_} de Vries.\n"
    document = ingest_bytes("a.txt", "a.txt", source.encode(), None)
    assert isinstance(document, Document)
    assert RLO not in document.text and PDF_ not in document.text
    assert any("bidirectional" in w for w in document.warnings)
    mapped = MappedText.from_source(f"ab{RLO}cd ef", 100)
    assert mapped.text == "abcd ef"
    # every anchor points at the source character it copies
    line = f"ab{RLO}cd ef"
    for here, there in mapped.anchors:
        assert line[there - 100] == mapped.text[here]


def test_manifest_values_lose_their_controls() -> None:
    from crossbrief.ingest.manifest import Entry

    document = ingest_bytes(
        "a.txt", "a.txt", b"Some text about troops.\n", Entry(outlet=f"Daily {RLO}Star")
    )
    assert getattr(document, "outlet", None) == "Daily Star"


def test_file_names_show_controls_and_odd_bytes_escaped() -> None:
    assert display_name(f"a{RLO}b.txt") == "a<U+202E>b.txt"
    assert display_name("caf\udce9.txt") == "caf\\xe9.txt"


def test_html_printing_contains_every_value() -> None:
    assert _finalize(f"x{RLO}y") == "xy"
    assert _finalize(ARABIC) == f"{FSI}{ARABIC}{PDI}"
    assert _finalize(3) == 3


@pytest.mark.parametrize("line", ["January 1, 0001", "December 31, 9999", "March 3, 1850"])
def test_datelines_outside_the_calendar_range_are_reported_not_used(line: str) -> None:
    value, notes = parse_dateline(line)
    assert value is None
    assert notes and "outside" in notes[0]


def test_relative_dates_at_the_ends_of_the_calendar_do_not_crash() -> None:
    text = "Yesterday and tomorrow, troops moved."
    late = {t.text.lower(): t.value for t in timex.tag(text, 0, dt.date(9999, 12, 31))}
    assert late.get("yesterday") == "9999-12-30" and late.get("tomorrow") is None
    early = {t.text.lower(): t.value for t in timex.tag(text, 0, dt.date(1, 1, 1))}
    assert early.get("tomorrow") == "0001-01-02" and early.get("yesterday") is None


def test_a_figure_too_large_for_a_float_prints_shortened() -> None:
    huge = "1" + "0" * 400
    shown = number(huge)
    assert shown.startswith("100000000000") and "401 characters" in shown
    assert number("2500.0") == "2,500"
