"""The briefing's content, from the stage outputs to the HTML and PDF files.

Two HTML renderings come from one template: the *screen* twin, with every row, and the
*print* HTML the PDF is laid out from, whose long tables and appendices are capped
(each says how many rows it leaves out and where the full table is).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from crossbrief import __version__, cutoff
from crossbrief.compare.names import CHART_NAMES, TABLE_NAMES
from crossbrief.compare.ranking import MAX_KEY
from crossbrief.fileio import write_bytes, write_text
from crossbrief.render import html
from crossbrief.render import viewevents as ve
from crossbrief.render import viewmodel as vm
from crossbrief.render import viewrows as vr
from crossbrief.summary import write_pages
from crossbrief.tablefile import read_table
from crossbrief.topic import Topic

_Row = TypeVar("_Row")


@dataclass(frozen=True)
class Caps:
    """Row limits of the print version; None means every row (the screen version)."""

    sources: int | None = None
    rows: int | None = None
    evidence: int | None = None
    inputs: int | None = None
    context: int | None = None  # characters of sentence kept on each side of a quote
    findings: int | None = None  # key findings shown
    hash_chars: int | None = None  # characters of each SHA-256 shown (the CSV has them all)


#: The print version's limits: a briefing of a few dozen pages however large the corpus.
PRINT_CAPS = Caps(
    sources=60, rows=40, evidence=100, inputs=80, context=240, findings=MAX_KEY, hash_chars=16
)


def source_date_epoch(report_date: dt.date) -> int:
    """SOURCE_DATE_EPOCH for a report date: midnight UTC of that day."""
    return int(dt.datetime.combine(report_date, dt.time(), tzinfo=dt.UTC).timestamp())


def long_date(value: dt.date) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


def _rows(csv: Path) -> list[dict[str, str]]:
    table = read_table(csv, as_text=True)
    return [{str(k): str(v) for k, v in row.items()} for row in table.to_dict("records")]


def _cap(rows: list[_Row], limit: int | None) -> tuple[list[_Row], int]:
    if limit is None or len(rows) <= limit:
        return rows, 0
    return rows[:limit], len(rows) - limit


def _capped(name: str, rows: list[_Row], limit: int | None) -> dict[str, Any]:
    """``{name: rows kept, name_left: how many left out}`` for the template."""
    kept, left = _cap(rows, limit)
    return {name: kept, f"{name}_left": left}


def highlight(sentence: str, quote: str, context: int | None = None) -> tuple[str, str, str]:
    """The sentence split around the quote, to print the quote highlighted in place;
    with ``context``, at most that many characters on each side (cut with an ellipsis)."""
    at = sentence.find(quote) if quote else -1
    before, marked, after = (
        (sentence, "", "") if at < 0 else (sentence[:at], quote, sentence[at + len(quote) :])
    )
    if context is not None:
        if len(before) > context:
            before = "…" + before[-context:]
        if len(after) > context:
            after = after[:context] + "…"
    return before, marked, after


def _changes(path: Path | None) -> dict[str, Any]:
    """What changed since the latest earlier briefing (``since`` None: no earlier one)."""
    if path is None or not path.is_file():
        return {"since": None}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("since"):
        data["since_long"] = long_date(dt.date.fromisoformat(data["since"]))
    return data


def context(
    topic: Topic,
    report_date: dt.date,
    tables: Path,
    findings_json: Path,
    charts: Path,
    caps: Caps,
    changes_json: Path | None = None,
) -> dict[str, Any]:
    t = {name: _rows(tables / f"{name}.csv") for name in TABLE_NAMES}
    findings = json.loads(findings_json.read_text(encoding="utf-8"))
    corrections = [vr.Correction.of(r) for r in t["corrections"]]
    inputs = [vr.InputFile.of(r) for r in t["inputs"]]
    corrected = {c.id for c in corrections if c.amended}
    every = [
        dict(f, corrected=bool(corrected & set(map(str, f.get("evidence", [])))))
        for f in findings["findings"]
    ]
    key = [f for f in every if f.get("key", True)]
    findings["findings"], findings["left"] = _cap(key, caps.findings)
    findings["single"] = len(every) - len(key)
    captions = json.loads((charts / "charts.json").read_text(encoding="utf-8"))
    sources = [vm.Source.of(r) for r in t["sources"]]
    dated = sorted(s.published for s in sources if s.published)
    outlets = sorted({s.outlet for s in sources if s.outlet})
    credibility = {r["claim"]: r for r in t["credibility"]}

    def score(row: vm.Row) -> str:
        return credibility.get(row["claim"], {}).get("score", "")

    evidence_claims = [
        vm.EvidenceFigure.of(
            c,
            highlight(c["sentence"], c["quote"], caps.context),
            score(c),
        )
        for c in t["claims"]
    ]
    evidence_claims, claims_left = _cap(evidence_claims, caps.evidence)
    event_dates = [ve.EventMention.of(e) for e in t["event_dates"]]
    mentions = [
        ve.EventMention.of(e, highlight(m.quote, m.anchor, caps.context))
        for e, m in zip(t["event_dates"], event_dates, strict=True)
    ]
    mentions, mentions_left = _cap(mentions, caps.evidence)
    statements = [
        vm.DatedStatement.of(d, highlight(d["quote"], d["date_text"], caps.context))
        for d in t["dated_statements"]
    ]
    statements, statements_left = _cap(statements, caps.evidence)
    shown_sources, sources_left = _cap(sources, caps.sources)
    dated_rows = [vm.DatedStatement.of(d) for d in t["dated_statements"]]
    shown_inputs, inputs_left = _cap(inputs, caps.inputs)
    troops, troops_left = _cap([vm.TroopFigure.of(r, score(r)) for r in t["troops"]], caps.rows)
    anchors = (
        {c.claim for c in evidence_claims}
        | {m.mention for m in mentions}
        | {s.statement for s in statements}
    )
    return {
        "title": f"{topic.name}: comparative briefing",
        "topic": topic,
        "subject": topic.description or topic.name,
        "keywords": ["crossbrief", "briefing", topic.name, *outlets],
        "generator": f"crossbrief {__version__}",
        "report_date": report_date.isoformat(),
        "report_date_long": long_date(report_date),
        "sources": shown_sources,
        "sources_left": sources_left,
        "source_count": len(sources),
        "outlets": outlets,
        "span": {
            "first": long_date(dt.date.fromisoformat(dated[0])) if dated else None,
            "last": long_date(dt.date.fromisoformat(dated[-1])) if dated else None,
            "undated": len(sources) - len(dated),
        },
        "inputs": shown_inputs,
        "hash_chars": caps.hash_chars or 64,
        "inputs_left": inputs_left,
        "problems": [i for i in inputs if i.problem],
        "left_out": [i for i in inputs if i.status in (cutoff.EXCLUDED, cutoff.LATER)],
        "later": [i for i in inputs if i.status == cutoff.LATER],
        "corrections": corrections,
        "changes": _changes(changes_json),
        "findings": findings,
        "troops": troops,
        "troops_left": troops_left,
        **_capped("troop_groups", [vm.TroopGroup.of(r) for r in t["troop_groups"]], caps.rows),
        **_capped("troop_series", [vm.SeriesPeriod.of(r) for r in t["troop_series"]], caps.rows),
        **_capped("troop_changes", [vr.TroopChange.of(r) for r in t["troop_changes"]], caps.rows),
        **_capped("attacks", [vr.AttackCount.of(r, score(r)) for r in t["attacks"]], caps.rows),
        **_capped("attack_flags", [vr.AttackFlag.of(r) for r in t["attack_flags"]], caps.rows),
        **_capped("casualties", [vr.Casualty.of(r, score(r)) for r in t["casualties"]], caps.rows),
        **_capped("event_dates", event_dates, caps.rows),
        **_capped(
            "event_disagreements",
            [ve.EventDisagreement.of(r) for r in t["event_disagreements"]],
            caps.rows,
        ),
        **_capped("conflicts", [ve.Conflict.of(r) for r in t["conflicts"]], caps.rows),
        "casualty_summary": [vr.CasualtySummary.of(r) for r in t["casualty_summary"]],
        "events_matrix": [ve.EventsMatrixRow.of(r) for r in t["events_matrix"]],
        **_capped("dated_statements", [d for d in dated_rows if not d.in_caption], caps.rows),
        "caption_dates": [d for d in dated_rows if d.in_caption][:50],
        "reprints": [r for r in (vm.Reprint.of(r) for r in t["reprints"]) if r.copies != 1],
        "evidence_claims": evidence_claims,
        "claims_left": claims_left,
        "evidence_mentions": mentions,
        "mentions_left": mentions_left,
        "evidence_statements": statements,
        "statements_left": statements_left,
        "anchors": anchors,
        "charts": {
            name: {"svg": (charts / f"{name}.svg").read_text(encoding="utf-8"), **captions[name]}
            for name in CHART_NAMES
        },
    }


def build_html(templates: Path, ctx: dict[str, Any], out: Path) -> str:
    text = html.render(templates, ctx)
    write_text(out, text)
    return text


def build_pdf(
    html_file: Path,
    templates: Path,
    allowed: list[Path],
    source_date_epoch: int,
    out: Path,
    pages_out: Path | None = None,
) -> None:
    from crossbrief.render import pdf  # WeasyPrint is heavy: only the PDF step loads it

    data, pages = pdf.to_pdf(
        html_file.read_text(encoding="utf-8"), templates, allowed, source_date_epoch
    )
    write_bytes(out, data)
    if pages_out is not None:
        write_pages(pages_out, pages)


def render_pair(
    topic: Topic,
    report_date: dt.date,
    tables: Path,
    findings_json: Path,
    charts: Path,
    templates: Path,
    screen_html: Path,
    print_html: Path,
    changes_json: Path | None = None,
) -> None:
    """The HTML twin (every row) and the print HTML the PDF is made from."""
    for caps, out in ((Caps(), screen_html), (PRINT_CAPS, print_html)):
        ctx = context(topic, report_date, tables, findings_json, charts, caps, changes_json)
        build_html(templates, ctx, out)
