"""The compare stage: all shards in, every comparison table and the findings out."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from crossbrief import correcting, cutoff
from crossbrief.compare import (
    attacks,
    casualties,
    conflicts,
    credibility,
    discovered,
    events,
    figures,
    frame,
    independence,
    ranking,
    revisions,
    rules_text,
    series,
)
from crossbrief.compare import findings as findings_mod
from crossbrief.compare.names import TABLE_NAMES
from crossbrief.corpus import Skipped
from crossbrief.corrections import Corrections
from crossbrief.fileio import write_json
from crossbrief.inventory import StrictModeError, counted_documents, inputs_table, sources_table
from crossbrief.records import Document, Rejection
from crossbrief.tablefile import write_table
from crossbrief.topic import Topic

log = logging.getLogger(__name__)


#: The sources table's column of figures per measure.
FIGURE_COLUMNS = {
    "troop_figure": "troop_figures",
    "attack_count": "attack_counts",
    "casualty": "casualties",
}


@dataclass(frozen=True)
class Tables:
    sources: pd.DataFrame
    inputs: pd.DataFrame
    claims: pd.DataFrame
    troops: pd.DataFrame
    troop_groups: pd.DataFrame
    troop_series: pd.DataFrame
    troop_changes: pd.DataFrame
    attacks: pd.DataFrame
    attack_flags: pd.DataFrame
    casualties: pd.DataFrame
    casualty_summary: pd.DataFrame
    event_dates: pd.DataFrame
    events_matrix: pd.DataFrame
    event_disagreements: pd.DataFrame
    event_date_findings: pd.DataFrame
    dated_statements: pd.DataFrame
    conflicts: pd.DataFrame
    credibility: pd.DataFrame
    reprints: pd.DataFrame
    corrections: pd.DataFrame

    def named(self) -> dict[str, pd.DataFrame]:
        tables = dict(self.__dict__)
        assert tuple(tables) == TABLE_NAMES, "keep compare/names.py in step with Tables"
        return tables


@dataclass(frozen=True)
class Checks:
    """What the inputs are checked against: the report date, the manifest's file names."""

    report_date: dt.date | None = None
    listed: tuple[str, ...] = ()
    corrections: Corrections = field(default_factory=Corrections)


def _missing(checks: Checks, inputs: pd.DataFrame) -> pd.DataFrame:
    """Manifest entries whose file is not in the seeds folder."""
    absent = sorted(set(checks.listed) - set(inputs["file"]))
    rows = [
        {
            "file": name,
            "status": "missing",
            "sha256": "",
            "bytes": "",
            "encoding": "",
            "metadata": "",
            "reason": "listed in the manifest but not in the seeds folder; "
            "remove the entry or add the file",
        }
        for name in absent
    ]
    return pd.concat([inputs, pd.DataFrame(rows, columns=inputs.columns)], ignore_index=True)


def _counted_with(grouped: independence.Grouping, outlet_of: dict[str, str]) -> dict[str, str]:
    """Per document in a group of several: the other sources it counts as one with, and why."""
    out = {}
    for doc, group in grouped.group.items():
        others = [outlet_of[d] for d, g in sorted(grouped.group.items()) if g == group and d != doc]
        if others:
            names = "; ".join(dict.fromkeys(others))
            out[doc] = f"one source with {names} ({grouped.why.get(doc, 'copy')})"
    return out


def compare(
    corpus: frame.Corpus,
    skipped: list[Skipped],
    topic: Topic,
    policy: str,
    strict: bool,
    checks: Checks = Checks(),
    same_time_days: int = rules_text.SAME_TIME_DAYS,
) -> tuple[Tables, list[dict[str, object]]]:
    records: list[Document | Rejection] = [*corpus.documents, *corpus.rejections]
    inputs = _missing(checks, inputs_table(sorted(records, key=lambda r: r.id), skipped))
    # The analyst's corrections, then the report date's cut-off (crossbrief/correcting.py,
    # crossbrief/cutoff.py): what leaves here is listed under Inputs with its reason.
    applied = correcting.apply(corpus, checks.corrections)
    if strict and applied.unmatched:
        raise StrictModeError("strict: true and " + "; ".join(applied.unmatched))
    cut = cutoff.cut(applied.corpus.documents, checks.report_date)
    inputs = cutoff.left_out(inputs, cutoff.EXCLUDED, applied.excluded)
    inputs = cutoff.left_out(inputs, cutoff.LATER, cut.later)
    corpus = frame.Corpus(cut.kept, corpus.rejections, applied.corpus.extractions)
    problems = inputs[inputs["status"].isin(["rejected", "skipped"])]
    if strict and len(problems):
        lines = [f"  {r.file}: {r.reason}" for r in problems.itertuples()]
        raise StrictModeError(
            "strict: true and these inputs were not read:\n"
            + "\n".join(lines)
            + "\nFix or remove them, or set strict: false to list them in the briefing."
        )
    counted = counted_documents(sorted(corpus.documents, key=lambda d: d.id))
    counted_ids = {d.id for d in counted}
    corpus = frame.Corpus(
        counted, corpus.rejections, [e for e in corpus.extractions if e.document in counted_ids]
    )
    grouped = independence.grouping(counted)
    groups = grouped.group
    claims = frame.claims_table(corpus, groups)
    mentions = frame.events_table(corpus, groups)
    sources = sources_table(counted)
    per_type = (
        claims[~claims["in_caption"].astype(bool)]
        .groupby(["document", "measure"])
        .size()
        .unstack(fill_value=0)
    )
    for measure, name in FIGURE_COLUMNS.items():
        column = per_type[measure] if measure in per_type else pd.Series(dtype=int)
        sources[name] = sources["document"].map(column).fillna(0).astype(int)
    event_counts = mentions.groupby("document")["event"].nunique()
    sources["events"] = sources["document"].map(event_counts).fillna(0).astype(int)
    sources["reprint_group"] = sources["document"].map(groups)
    outlet_of = {d.id: frame.source_label(d) for d in counted}
    counted_with = _counted_with(grouped, outlet_of)
    sources["counted_with"] = [counted_with.get(d, "") for d in sources["document"]]
    compared = claims[~claims["claim"].isin(revisions.superseded(claims))]
    troops = series.with_periods(figures.troop_rows(compared), same_time_days)
    troop_groups = figures.troop_groups(troops, policy)
    troop_series = series.series_table(troops, policy)
    troop_changes = series.changes(troop_series)
    attack_rows = attacks.attack_rows(compared)
    flags = attacks.consistency_flags(attack_rows)
    casualty_rows = casualties.casualty_rows(compared, topic, same_time_days)
    casualty_summary = casualties.casualty_summary(casualty_rows)
    found_events = discovered.found(corpus, groups, topic)
    dates = discovered.event_dates(
        events.event_dates(mentions, topic), found_events, corpus, groups
    )
    outlets = list(dict.fromkeys(outlet_of[d] for d in sources["document"]))
    matrix = discovered.with_kind(events.matrix(dates, outlets), dates)
    disagreements = events.disagreements(dates)
    date_findings = events.per_event(dates, disagreements)
    conflict_rows = conflicts.conflicts(
        troops, troop_series, flags, date_findings, corpus.extractions, outlet_of
    )
    cred = credibility.credibility(troops, casualty_rows, attack_rows, flags)
    group_size = Counter(groups.values())
    reprint_rows = pd.DataFrame(
        [
            {
                "document": d,
                "outlet": outlet_of[d],
                "group": g,
                "copies": group_size[g],
                "why": grouped.why.get(d, ""),
            }
            for d, g in sorted(groups.items())
        ],
        columns=["document", "outlet", "group", "copies", "why"],
    )
    tables = Tables(
        sources,
        inputs,
        claims,
        troops,
        troop_groups,
        troop_series,
        troop_changes,
        attack_rows,
        flags,
        casualty_rows,
        casualty_summary,
        dates,
        matrix,
        disagreements,
        date_findings,
        # the statements of discovered events are listed with the events
        discovered.unclustered(frame.dated_table(corpus), found_events),
        conflict_rows,
        cred,
        reprint_rows,
        applied.table(),
    )
    key = findings_mod.findings(
        findings_mod.Inputs(
            troops,
            troop_groups,
            troop_series,
            troop_changes,
            attack_rows,
            flags,
            dates,
            disagreements,
            conflict_rows,
            casualty_summary,
            {
                **dict(zip(claims["claim"], claims["group"], strict=True)),
                **dict(zip(mentions["mention"], mentions["group"], strict=True)),
            },
            claims,
        )
    )
    return tables, key


def run(
    document_files: list[Path],
    claim_files: list[Path],
    skipped: list[Skipped],
    topic: Topic,
    policy: str,
    strict: bool,
    tables_dir: Path,
    findings_json: Path,
    checks: Checks = Checks(),
    same_time_days: int = rules_text.SAME_TIME_DAYS,
) -> Tables:
    corpus = frame.load(document_files, claim_files)
    tables, key = compare(corpus, skipped, topic, policy, strict, checks, same_time_days)
    notes = correcting.amended_notes(tables.corrections)
    for name, table in correcting.mark(tables.named(), notes).items():
        write_table(tables_dir / f"{name}.csv", table)
    write_json(
        findings_json,
        {
            "policy": policy,
            "same_time_days": same_time_days,
            "rules": method_rules(policy, same_time_days),
            "findings": key,
        },
    )
    log.info(
        "%d sources, %d claims, %d findings", len(tables.sources), len(tables.claims), len(key)
    )
    return tables


def method_rules(policy: str, same_time_days: int) -> dict[str, str]:
    """Every comparison rule in words, as the Method section prints them (each key is
    one list item there) and ``findings.json`` keeps them."""
    return {
        "grouping": rules_text.GROUPING,
        "as_of": rules_text.AS_OF,
        "series": rules_text.series_rule(same_time_days),
        "internal": rules_text.INTERNAL,
        "dates": rules_text.DATES,
        "discovered": rules_text.DISCOVERED,
        "agreement": rules_text.AGREEMENT,
        "outlier": rules_text.OUTLIER,
        "headline": rules_text.POLICIES[policy],
        "attacks": rules_text.ATTACKS,
        "credibility": rules_text.CREDIBILITY,
        "likelihood": rules_text.LIKELIHOOD,
        "reprints": independence.RULE,
        "revisions": revisions.RULE,
        "key_findings": ranking.RULE,
    }
