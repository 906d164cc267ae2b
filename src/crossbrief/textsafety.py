"""Showing untrusted text safely: bidirectional controls and spreadsheet formulas.

Articles, manifests and topic files are hostile input. Two of their tricks survive
HTML escaping:

- **Bidi controls** (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) reorder
  what follows them on screen: a U+202E inside one source's attribution can make
  another source's "3,000" read "000,3". They are removed from article text, manifest
  values and file names as these are read (the article gets a warning). Whatever is
  shown passes through :func:`contain` (HTML, PDF, CSV), which also covers topic
  strings, and a string with right-to-left letters is shown *isolated* (FSI ... PDI),
  so its direction cannot spill onto its neighbours (:func:`isolate`).
- **Formulas**: a CSV cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is run as a formula by spreadsheet programs (OWASP, "CSV
  Injection"). Such cells are written with a leading apostrophe, which spreadsheets
  read as "this is text" and do not show; reading the CSV back removes it.
"""

from __future__ import annotations

import re

#: Explicit embeddings and overrides, and directional marks: they reorder what follows.
_REORDERING = "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u061c"
#: Isolates: harmless when balanced (their content cannot affect what is outside).
_ISOLATES = "\u2066\u2067\u2068\u2069"
BIDI_CONTROLS = _REORDERING + _ISOLATES
_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")
_REORDER = re.compile(f"[{_REORDERING}]")
#: Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
#: Mandaic and their presentation forms; the historic RTL planes).
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
FSI, PDI = "\u2068", "\u2069"

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def count_controls(text: str) -> int:
    return len(_CONTROL.findall(text))


def strip_controls(text: str) -> str:
    """``text`` without any bidi control: for text as it is read from a file."""
    return _CONTROL.sub("", text)


def contain(text: str) -> str:
    """``text`` with no control that can reorder its surroundings: embeddings,
    overrides and marks removed, isolates balanced (a stray closing one dropped, an
    open one closed at the end). Isolates that crossbrief adds are kept."""
    if not _CONTROL.search(text):
        return text
    out: list[str] = []
    depth = 0
    for char in _REORDER.sub("", text):
        if char in "\u2066\u2067\u2068":
            depth += 1
        elif char == PDI:
            if depth == 0:
                continue
            depth -= 1
        out.append(char)
    return "".join(out) + PDI * depth


def isolate(text: str) -> str:
    """``text`` contained, and wrapped in FSI ... PDI when it holds right-to-left
    letters (and no isolate of its own), so it cannot reorder the text around it."""
    clean = contain(text)
    if _RTL.search(clean) and not any(c in clean for c in _ISOLATES):
        return f"{FSI}{clean}{PDI}"
    return clean


#: Longest run a name may have without a place to break a line.
MAX_RUN = 30
_LONG_RUN = re.compile(rf"[^\s\-/\u200b]{{{MAX_RUN + 1},}}")


def breakable(text: str) -> str:
    """``text`` with a zero-width space after every MAX_RUN characters of a run that has
    no place to break a line, so that one unbroken name cannot push a table past the
    page. Ordinary names are returned unchanged."""
    return _LONG_RUN.sub(
        lambda m: "\u200b".join(
            m.group()[i : i + MAX_RUN] for i in range(0, len(m.group()), MAX_RUN)
        ),
        text,
    )


def csv_cell(value: object) -> object:
    """A cell as it is written to CSV: text :func:`contain`-ed, and text that a
    spreadsheet would run as a formula (or that starts with the apostrophe this adds)
    behind a leading apostrophe. Other values pass through."""
    if not isinstance(value, str):
        return value
    clean = contain(value)
    return "'" + clean if clean.startswith((*FORMULA_STARTS, "'")) else clean


def csv_text(value: str) -> str:
    """The inverse of :func:`csv_cell` for text read back from one of our CSVs."""
    return value[1:] if value.startswith("'") else value
