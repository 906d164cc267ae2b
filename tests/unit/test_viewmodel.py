"""The typed view model: table rows read back as text become typed values, and the
templates test them as such (a dispute is a bool, a figure count an int)."""

from __future__ import annotations

from pathlib import Path

from crossbrief.render.html import environment
from crossbrief.render.viewmodel import (
    DatedStatement,
    EvidenceFigure,
    Reprint,
    SeriesPeriod,
    Source,
    TroopGroup,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _period(dispute: str) -> SeriesPeriod:
    return SeriesPeriod.of(
        {
            "actor": "US",
            "location": "Eastland",
            "measure": "headcount",
            "when": "March 2024",
            "independent": "2",
            "by_source": "A: 900; B: 1,200",
            "headline": "1050.0",
            "dispute": dispute,
        }
    )


def test_text_cells_become_typed_values() -> None:
    period = _period("True")
    assert period.dispute is True and _period("False").dispute is False
    assert (period.independent, period.headline) == (2, 1050.0)
    row = {
        "document": "a.txt",
        "outlet": "Harbour Post",
        "title": "",
        "author": "",
        "published": "2024-03-01",
        "published_known": "manifest",
        "genre": "",
        "reliability": "",
        "words": "420",
        "warnings": "",
        "url": "",
        "link": "",
        "troop_figures": "2",
        "attack_counts": "1",
        "casualties": "3",
        "events": "0",
    }
    source = Source.of(row)
    assert (source.figures, source.words, source.counted_with) == (6, 420, "")
    group = TroopGroup.of(
        {
            "actor": "US",
            "location": "Eastland",
            "measure": "headcount",
            "sources": "3",
            "independent": "2",
            "by_source": "",
            "minimum": "",
            "median": "900.0",
            "maximum": "1200.0",
            "agreement": "0.5",
            "outliers": "",
            "headline": "900.0",
            "headline_claims": "c1 c2",
            "policy": "median",
        }
    )
    assert group.minimum is None and group.headline_claims == ("c1", "c2")
    statement = {"statement": "s1", "outlet": "A", "date": "2024", "note": "", "quote": "q"}
    assert DatedStatement.of(statement | {"in_caption": "True"}).in_caption
    assert not DatedStatement.of(statement | {"in_caption": "False"}).in_caption
    reprint = {"document": "a", "outlet": "A", "group": "a", "copies": "1"}
    assert Reprint.of(reprint).copies == 1


def test_the_series_table_marks_only_a_disputed_period() -> None:
    env = environment(TEMPLATES)
    cell = env.from_string('{{ "dispute" if p.dispute else "" }}')
    assert cell.render(p=_period("True")) == "dispute"
    assert cell.render(p=_period("False")) == ""


def test_an_evidence_figure_prints_its_measure_as_words() -> None:
    row = {
        "claim": "k1",
        "outlet": "Valley Times",
        "published": "2024-05-02",
        "as_of": "",
        "measure": "killed_or_wounded",
        "qualifier": "exact",
        "value": "12.0",
        "low": "",
        "in_caption": "False",
    }
    figure = EvidenceFigure.of(row, ("", "", ""), "0.6")
    assert figure.measure_words == "killed or wounded"
    assert (figure.value, figure.low, figure.in_caption) == (12.0, None, False)
