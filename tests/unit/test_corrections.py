"""The analyst's corrections file: read and checked, applied before comparison, marked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crossbrief import correcting
from crossbrief.compare import frame
from crossbrief.compare.stage import Checks, compare
from crossbrief.corpus import scan
from crossbrief.corrections import (
    ClaimFix,
    Corrections,
    CorrectionsError,
    SourceExclusion,
    load,
    parse,
    unknown_sources,
)
from crossbrief.inventory import StrictModeError
from crossbrief.records import Extraction
from tests.unit.test_compare_rules import TOPIC, doc, troop


def _corpus() -> tuple[frame.Corpus, list[str]]:
    docs = [doc("a.txt", "Alpha Post", "2024-03-01"), doc("b.txt", "Beta Wire", "2024-03-02")]
    claims = [troop("a.txt", 1200, location="Mali"), troop("b.txt", 800, location="Mali")]
    extractions = [
        Extraction(d.id, d.published, tuple(c for c in claims if c.document == d.id), (), ())
        for d in docs
    ]
    return frame.Corpus(docs, [], extractions), [c.id for c in claims]


def test_a_file_is_parsed_into_claim_fixes_and_exclusions() -> None:
    fixes = parse(
        {
            "claims": {
                "c9": {"reject": "misread headline"},
                "c1": {"set": {"kind": "planned", "value": "1,500"}, "reason": "the plan"},
            },
            "sources": {"satire.txt": {"exclude": "satire"}},
        }
    )
    assert fixes.claims == (
        ClaimFix("c1", "the plan", False, (("kind", "planned"), ("value", 1500.0))),
        ClaimFix("c9", "misread headline", True),
    )
    assert fixes.sources == (SourceExclusion("satire.txt", "satire"),)
    assert not parse(None) and not parse({"claims": None})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"claim": {}}, "unknown key 'claim'"),
        ({"claims": {"c1": {"reject": "  "}}}, "every correction needs its reason"),
        ({"claims": {"c1": {"set": {"kind": "planned"}}}}, "needs reason"),
        ({"claims": {"c1": {"reject": "x", "set": {"kind": "p"}, "reason": "y"}}}, "either"),
        ({"claims": {"c1": {"set": {"colour": "red"}, "reason": "y"}}}, "unknown key 'colour'"),
        ({"claims": {"c1": {"set": {"value": "many"}, "reason": "y"}}}, "not a number"),
        ({"sources": {"a.txt": {"exclude": ""}}}, 'sources."a.txt".exclude'),
        ({"sources": {"a.txt": {}}}, "'exclude' is a required property"),
    ],
)
def test_problems_name_the_key(data: object, message: str) -> None:
    with pytest.raises(CorrectionsError, match=message):
        parse(data)


def test_load_reads_yaml_as_text_and_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "corrections.yaml"
    assert not load(path)  # optional: no file, no correction
    path.write_text("claims:\n  c1: {set: {value: 2500, actor: no}, reason: checked}\n")
    assert load(path).claims[0].values == (("actor", "no"), ("value", 2500.0))
    path.write_text("claims: [c1]\n")
    with pytest.raises(CorrectionsError, match=r"corrections file .*corrections.yaml: claims"):
        load(path)


def test_rejected_claim_and_excluded_source_leave_and_unmatched_ids_are_named() -> None:
    corpus, (first, _) = _corpus()
    fixes = Corrections(
        (ClaimFix(first, "a misread headline", True), ClaimFix("nope", "typo", True)),
        (SourceExclusion("b.txt", "satire"), SourceExclusion("gone.txt", "old")),
    )
    applied = correcting.apply(corpus, fixes)
    assert [d.id for d in applied.corpus.documents] == ["a.txt"]
    assert [e.document for e in applied.corpus.extractions] == ["a.txt"]
    assert applied.corpus.extractions[0].claims == ()
    assert applied.excluded == {"b.txt": "excluded by the analyst: satire"}
    table = applied.table()
    assert table.set_index("id").loc[first, "reason"] == "a misread headline"
    assert sorted(table[table["status"] == correcting.UNMATCHED]["id"]) == ["gone.txt", "nope"]
    assert len(applied.unmatched) == 2
    assert any("'nope'" in w and "claim" in w for w in applied.unmatched)


def test_amended_claim_carries_the_new_values_and_says_what_changed() -> None:
    corpus, (first, _) = _corpus()
    fix = ClaimFix(first, "the text says France", False, (("actor", "France"), ("value", 1000.0)))
    applied = correcting.apply(corpus, Corrections((fix,)))
    claim = applied.corpus.extractions[0].claims[0]
    assert (claim.actor, claim.value, claim.low, claim.high) == ("France", 1000.0, None, None)
    notes = correcting.amended_notes(applied.table())
    assert notes[first].startswith("corrected by the analyst: actor: US → France; value: 1,200")
    assert notes[first].endswith("(the text says France)")


def test_amended_as_of_is_a_time_at_its_granularity() -> None:
    corpus, (first, _) = _corpus()
    fix = ClaimFix(first, "dated in the text", False, (("as_of", "2023-11"),))
    claim = correcting.apply(corpus, Corrections((fix,))).corpus.extractions[0].claims[0]
    assert claim.as_of is not None
    assert (claim.as_of.value, claim.as_of.granularity) == ("2023-11", "month")


def test_compare_leaves_corrected_claims_out_and_csv_rows_say_corrected() -> None:
    corpus, (first, second) = _corpus()
    fixes = Corrections(
        (
            ClaimFix(first, "misread", True),
            ClaimFix(second, "checked", False, (("kind", "planned"),)),
        )
    )
    tables, _ = compare(corpus, [], TOPIC, "median", False, Checks(corrections=fixes))
    assert first not in set(tables.claims["claim"])
    marked = correcting.mark(tables.named(), correcting.amended_notes(tables.corrections))
    troops = marked["troops"].set_index("claim")
    assert "kind: present → planned" in str(troops.loc[second, "corrected"])
    assert "corrected" not in marked["sources"].columns


def test_strict_build_fails_on_a_correction_that_matches_nothing() -> None:
    corpus, _ = _corpus()
    fixes = Corrections((ClaimFix("nope", "typo", True),))
    with pytest.raises(StrictModeError, match="'nope'"):
        compare(corpus, [], TOPIC, "median", True, Checks(corrections=fixes))


def test_excluded_and_later_articles_are_listed_under_inputs() -> None:
    corpus, _ = _corpus()
    fixes = Corrections(sources=(SourceExclusion("a.txt", "satire"),))
    checks = Checks(report_date=dt.date(2024, 3, 1), corrections=fixes)
    tables, _ = compare(corpus, [], TOPIC, "median", False, checks)
    inputs = tables.inputs.set_index("file")
    assert inputs.loc["a.txt", "status"] == "excluded"
    assert inputs.loc["b.txt", "status"] == "published after the report date"
    assert "after the report date 2024-03-01" in str(inputs.loc["b.txt", "reason"])
    assert tables.sources.empty


def test_the_corrections_file_is_not_read_as_an_article(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a.txt", "sources.yaml", "corrections.yaml", "notes.yaml"):
        (seeds / name).write_text("x")
    corpus = scan(seeds, 2, seeds / "sources.yaml", seeds / "corrections.yaml")
    assert corpus.articles == ("a.txt",)
    assert [s.name for s in corpus.skipped] == ["notes.yaml"]


def test_unknown_source_names_are_named_when_the_build_starts() -> None:
    fixes = Corrections(sources=(SourceExclusion("a.txt", "x"), SourceExclusion("b.txt", "y")))
    (warning,) = unknown_sources(fixes, ["a.txt", "c.txt"])
    assert "'b.txt' is not an article in the seeds folder" in warning
