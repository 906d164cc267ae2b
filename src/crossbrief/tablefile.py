"""The comparison tables as CSV files: safe to open in a spreadsheet, read back exactly.

Cells are written through :func:`crossbrief.textsafety.csv_cell` (no bidi control that
reorders, no live formula) and read back through :func:`~crossbrief.textsafety.csv_text`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from crossbrief.fileio import write_text
from crossbrief.textsafety import csv_cell, csv_text


def write_table(path: Path, table: pd.DataFrame) -> None:
    safe = table.copy()
    for column in text_columns(safe):
        safe[column] = safe[column].map(csv_cell)
    safe.columns = [csv_cell(str(c)) for c in safe.columns]  # outlets can be column names
    write_text(path, safe.to_csv(index=False, lineterminator="\n"))


def read_table(path: Path, *, as_text: bool = False) -> pd.DataFrame:
    """A table written by :func:`write_table`; ``as_text``: every cell a string, empty
    for missing; otherwise pandas' own types, NaN for missing."""
    if as_text:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    else:
        table = pd.read_csv(path, keep_default_na=True)
    for column in text_columns(table):
        table[column] = table[column].map(lambda v: csv_text(v) if isinstance(v, str) else v)
    table.columns = [csv_text(str(c)) for c in table.columns]
    return table


def text_columns(table: pd.DataFrame) -> list[str]:
    """Columns that may hold text (pandas 3 gives text its own dtype; mixed is object)."""
    return [
        str(c)
        for c in table.columns
        if pd.api.types.is_string_dtype(table[c]) or pd.api.types.is_object_dtype(table[c])
    ]
