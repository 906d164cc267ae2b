"""The package's own data files are read faster than analyst input, but to the same
data: lexicons by libyaml, the ISO 3166-1 list from pycountry's database file."""

from __future__ import annotations

from importlib.resources import files

import pycountry
import pytest
import yaml

from crossbrief import lexicon
from crossbrief.extract.gazetteer import iso3166

NAMES = sorted(
    p.name.removesuffix(".yaml")
    for p in files("crossbrief.lexicon").iterdir()
    if p.name.endswith(".yaml")
)


@pytest.mark.parametrize("name", NAMES)
def test_a_lexicon_reads_as_pyyaml_reads_it(name: str) -> None:
    text = files("crossbrief.lexicon").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    assert lexicon.load(name) == yaml.safe_load(text)


def test_the_iso3166_records_are_pycountrys() -> None:
    keys = ("alpha_2", "name", "common_name", "official_name")
    expected = [{k: getattr(c, k) for k in keys if hasattr(c, k)} for c in pycountry.countries]
    assert [{k: r[k] for k in keys if k in r} for r in iso3166()] == expected
