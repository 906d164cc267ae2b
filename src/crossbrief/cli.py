"""The ``crossbrief`` command: extract claims, score against gold, preview a PDF."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DEFAULT_TOPIC = Path("config/topic.yaml")


def read(path: Path, manifest: Path | None, published: str | None) -> Any:
    from crossbrief.evalsets import read as read_one

    return read_one(path, manifest, published)


def _extractor(topic: Path | None) -> Any:
    from crossbrief.extract.document import Extractor
    from crossbrief.topic import builtin, load

    if topic is None and DEFAULT_TOPIC.exists():
        topic = DEFAULT_TOPIC
    if topic is None:
        print(
            f"crossbrief: no --topic given and no {DEFAULT_TOPIC} here: using the neutral "
            "built-in topic (countries only; no places, entities or events)",
            file=sys.stderr,
        )
        return Extractor.for_topic(builtin())
    return Extractor.for_topic(load(topic))


def _time(value: Any) -> str | None:
    return None if value is None else value.value


def extraction_json(document: Any, extraction: Any) -> dict[str, Any]:
    """The flat JSON of ``crossbrief extract --json``, with the gold field names."""
    claims = [
        {
            "id": c.id,
            "measure": c.measure,
            "value": c.value,
            "low": c.low,
            "high": c.high,
            "qualifier": c.qualifier,
            "actor": c.actor,
            "location": c.location,
            "locations": list(c.locations),
            "kind": c.kind,
            "who": c.who,
            "outcome": c.outcome,
            "target": c.target,
            "event": c.event,
            "attributed_to": c.attributed_to,
            "window_start": _time(c.window_start),
            "as_of": _time(c.as_of),
            "quote": c.quote,
            "sentence": c.sentence,
            "start": c.start,
            "end": c.end,
            "in_caption": c.in_caption,
        }
        for c in extraction.claims
    ]
    events = [
        {
            "id": e.event,
            "date": _time(e.date),
            "date_text": e.date.text if e.date else None,
            "quote": e.quote,
            "start": e.start,
            "end": e.end,
        }
        for e in extraction.events
        if not e.in_caption
    ]
    dated = [
        {
            "date": d.date.value,
            "date_text": d.date.text,
            "quote": d.quote,
            "start": d.start,
            "end": d.end,
            "note": d.date.note,
        }
        for d in extraction.other_dated
        if not d.in_caption
    ]
    captions = [
        {"date": d.date.value, "quote": d.quote} for d in extraction.other_dated if d.in_caption
    ]
    return {
        "document": extraction.document,
        "published": extraction.published,
        "published_known": document.known.get("published", "unknown"),
        "claims": claims,
        "events": events,
        "other_dated": dated,
        "captions": captions,
        "vague": list(extraction.vague),
        "alias_merges": list(extraction.alias_merges),
        "warnings": list(document.warnings) + list(extraction.warnings),
    }


def cmd_extract(args: argparse.Namespace) -> int:
    from crossbrief.records import Rejection

    extractor = _extractor(args.topic)
    status = 0
    outputs = []
    for path in args.paths:
        record = read(Path(path), args.manifest, args.published)
        if isinstance(record, Rejection):
            print(f"crossbrief: {path}: {record.reason}", file=sys.stderr)
            status = 1
            continue
        outputs.append(extraction_json(record, extractor.extract(record)))
    if args.json:
        print(
            json.dumps(outputs if len(outputs) != 1 else outputs[0], indent=1, ensure_ascii=False)
        )
    else:
        for out in outputs:
            _print_table(out)
    return status


def _print_table(out: dict[str, Any]) -> None:
    print(
        f"{out['document']}  published {out['published'] or 'unknown'} ({out['published_known']})"
    )
    for c in out["claims"]:
        where = c["location"] or ", ".join(c["locations"]) or "?"
        extra = (
            c["kind"]
            or c["outcome"]
            or ("since " + str(c["window_start"]) if c["window_start"] else "")
        )
        print(
            f"  {c['measure']:13} {c['qualifier']:10} {c['value']:>10,.0f}  {c['actor'] or '?':8} "
            f"{where:10} {extra or '':12} {c['attributed_to'] or '-':20} {c['quote']}"
            + ("  [caption]" if c["in_caption"] else "")
        )
    for e in out["events"]:
        print(f"  event {e['id']:30} {e['date'] or '-':12} {e['date_text'] or ''}")
    for d in out["other_dated"]:
        print(f"  dated {d['date']:12} {d['quote'][:70]}")
    for w in out["warnings"]:
        print(f"  warning: {w}")


def _eval_sets(args: argparse.Namespace) -> list[Any]:
    from crossbrief.evalsets import EvalSet, discover, set_at

    sets: list[EvalSet] = []
    if args.articles or args.gold:
        if not (args.articles and args.gold):
            raise ValueError("--articles and --gold go together")
        articles = Path(args.articles)
        sets.append(EvalSet(articles.name, articles, Path(args.gold), args.topic, args.manifest))
    for folder in args.set or ():
        found = set_at(Path(folder))
        if found is None:
            raise ValueError(f"{folder}: not a set: it needs articles/ and gold/ folders")
        sets.append(found)
    if args.corpus:
        corpus = Path(args.corpus)
        if not corpus.is_dir():
            raise ValueError(f"{corpus}: no such corpus folder")
        sets.extend(discover(corpus))
    if not sets:
        raise ValueError("nothing to score: give --articles and --gold, --set or --corpus")
    return sets


def cmd_eval(args: argparse.Namespace) -> int:
    from crossbrief.evalsets import (
        SUMMARY_KEYS,
        as_json,
        below_floors,
        load_floors,
        pooled,
        score_set,
        summary,
        table,
    )

    sets = _eval_sets(args)
    scores = {s.name: score_set(s) for s in sets}
    if len(scores) > 1:
        scores["pooled"] = pooled(list(scores.values()))
    if args.json:
        print(json.dumps(as_json(scores), indent=1, ensure_ascii=False))
    else:
        print(table(scores))
        print(summary(scores, SUMMARY_KEYS))
        if args.verbose:
            for name, score in scores.items():
                if name == "pooled":
                    continue
                errors = [e for t in score.types.values() for e in t.errors]
                errors += [e for a in score.attributes.values() for e in a.errors]
                print(f"\nerrors in {name}:")
                for error in errors:
                    print("  " + error)
    if args.floors is None:
        return 0
    floors = load_floors(Path(args.floors))
    overall = scores.get("pooled") or next(iter(scores.values()))
    failures = below_floors(overall, floors.get(args.floors_section, {}), args.floors_section)
    for failure in failures:
        print(f"crossbrief: quality gate: {failure}", file=sys.stderr)
    if not failures:
        print(f"crossbrief: quality gate: every {args.floors_section} floor of {args.floors} met")
    return 1 if failures else 0


def cmd_preview(args: argparse.Namespace) -> int:
    from crossbrief.preview import preview

    for page in preview(Path(args.pdf), Path(args.out), args.dpi):
        print(page)
    return 0


def cmd_draft_topic(args: argparse.Namespace) -> int:
    from crossbrief.draftyaml import DraftError, write

    try:
        write(Path(args.seeds), Path(args.out), args.force, args.manifest)
    except DraftError as err:
        print(f"crossbrief: {err}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: a draft topic file; read its CHECK comments, then point the")
    print(f"config key `topic:` at it (snakemake --config topic={args.out})")
    return 0


def parser() -> argparse.ArgumentParser:
    from crossbrief import __version__

    root = argparse.ArgumentParser(prog="crossbrief", description=__doc__)
    root.add_argument("--version", action="version", version=f"crossbrief {__version__}")
    sub = root.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="claims, events and dated statements of articles")
    extract.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files (.txt, .md, .html) to read"
    )
    extract.add_argument("--manifest", type=Path, help="sources.yaml (default: beside the article)")
    extract.add_argument("--published", help="publication date YYYY-MM-DD (overrides the manifest)")
    extract.add_argument(
        "--topic",
        type=Path,
        help=f"topic file (default: {DEFAULT_TOPIC} if present, else a neutral built-in topic)",
    )
    extract.add_argument(
        "--json", action="store_true", help="print the extraction as JSON instead of a summary"
    )
    extract.set_defaults(func=cmd_extract)
    evaluate = sub.add_parser(
        "eval",
        help="precision, recall and F1 against gold files, per set and pooled",
        description="Score extraction against hand-labelled gold files. Give one set with "
        "--articles/--gold/--topic, sets with --set (a folder holding articles/, gold/ and "
        "topic.yaml), or every set of a corpus with --corpus; several sets are also pooled.",
    )
    evaluate.add_argument("--articles", help="folder of articles (one set, with --gold)")
    evaluate.add_argument("--gold", help="folder of gold YAML files for --articles")
    evaluate.add_argument("--manifest", type=Path, help="sources.yaml (default: in --articles)")
    evaluate.add_argument(
        "--topic", type=Path, help=f"topic file for --articles (default: {DEFAULT_TOPIC})"
    )
    evaluate.add_argument("--set", action="append", metavar="DIR", help="a set folder (repeatable)")
    evaluate.add_argument("--corpus", metavar="DIR", help="score every set folder under DIR")
    evaluate.add_argument(
        "--floors", metavar="FILE", help="quality floors (YAML); exit 1 if a score is below one"
    )
    evaluate.add_argument(
        "--floors-section",
        default="pooled",
        help="which section of --floors applies (pooled, sample); default pooled",
    )
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list every error")
    evaluate.set_defaults(func=cmd_eval)
    drafting = sub.add_parser(
        "draft-topic",
        help="a starter topic file from a folder of articles",
        description="Write a draft topic file: entities with the spellings found, places "
        "with their country, capitals that stand for a country, and the events two or more "
        "sources date. It builds as it is; its comments say what to check.",
    )
    drafting.add_argument("seeds", metavar="SEEDS_FOLDER", help="the folder of articles")
    drafting.add_argument("--out", required=True, metavar="FILE", help="the topic file to write")
    drafting.add_argument("--force", action="store_true", help="replace FILE if it exists")
    drafting.add_argument("--manifest", type=Path, help="sources.yaml (default: in SEEDS_FOLDER)")
    drafting.set_defaults(func=cmd_draft_topic)
    prev = sub.add_parser("preview", help="PNG pages of a PDF, for a reviewer to look at")
    prev.add_argument("pdf", help="the briefing PDF to render")
    prev.add_argument(
        "--out", default="preview", help="folder for the PNG pages (default: preview)"
    )
    prev.add_argument(
        "--dpi", type=int, default=80, help="resolution of the PNG pages (default: 80)"
    )
    prev.set_defaults(func=cmd_preview)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # the reader (head, less) closed the pipe: nothing is wrong
        sys.stderr.close()
        return 0
    except (OSError, ValueError, RuntimeError) as err:
        print(f"crossbrief: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
