"""The ``crossbrief`` command: extract claims, score against gold, preview a PDF."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DEFAULT_TOPIC = Path("config/topic.yaml")


def _extractor(topic: Path) -> Any:
    from crossbrief.extract.document import Extractor
    from crossbrief.topic import load

    return Extractor.for_topic(load(topic))


def _read(path: Path, manifest: Path | None, published: str | None) -> Any:
    from dataclasses import replace

    from crossbrief.ingest.manifest import load as load_manifest
    from crossbrief.ingest.stage import read_article
    from crossbrief.records import Rejection

    entries = load_manifest(manifest) if manifest else {}
    if manifest is None and (path.parent / "sources.yaml").exists():
        entries = load_manifest(path.parent / "sources.yaml")
    record = read_article(path.parent, path.name, entries.get(path.name), 10**9)
    if isinstance(record, Rejection):
        return record
    if published:
        known = {**record.known, "published": "manifest"}
        record = replace(record, published=published, known=known)
    return record


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
        record = _read(Path(path), args.manifest, args.published)
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


def cmd_eval(args: argparse.Namespace) -> int:
    from crossbrief.evaluate import Score, load_gold, score_document
    from crossbrief.records import Rejection

    extractor = _extractor(args.topic)
    articles = Path(args.articles)
    manifest = args.manifest or (
        articles / "sources.yaml" if (articles / "sources.yaml").exists() else None
    )
    score = Score()
    for gold in load_gold(Path(args.gold)):
        record = _read(articles / gold["document"], manifest, None)
        if isinstance(record, Rejection):
            print(f"crossbrief: {gold['document']}: {record.reason}", file=sys.stderr)
            return 1
        score_document(score, record.text, gold, extractor.extract(record))
    result = score.as_dict()
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    print(f"{'type':14} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for name, t in result["types"].items():
        figures = f"{t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}"
        print(f"{name:14} {figures}  {t['tp']:3} {t['fp']:3} {t['fn']:3}")
    print(f"\n{'attribute':28} {'accuracy':>8}  right/total")
    for name, a in result["attributes"].items():
        print(f"{name:28} {a['accuracy']:8.3f}  {a['right']}/{a['total']}")
    errors = [e for t in result["types"].values() for e in t["errors"]]
    errors += [e for a in result["attributes"].values() for e in a["errors"]]
    if errors and args.verbose:
        print("\nerrors:")
        for error in errors:
            print("  " + error)
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    from crossbrief.preview import preview

    for page in preview(Path(args.pdf), Path(args.out), args.dpi):
        print(page)
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="crossbrief", description=__doc__)
    sub = root.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="claims, events and dated statements of articles")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--manifest", type=Path, help="sources.yaml (default: beside the article)")
    extract.add_argument("--published", help="publication date YYYY-MM-DD (overrides the manifest)")
    extract.add_argument("--topic", type=Path, default=DEFAULT_TOPIC)
    extract.add_argument("--json", action="store_true")
    extract.set_defaults(func=cmd_extract)
    evaluate = sub.add_parser("eval", help="precision, recall and F1 against gold files")
    evaluate.add_argument("--articles", required=True)
    evaluate.add_argument("--gold", required=True)
    evaluate.add_argument("--manifest", type=Path)
    evaluate.add_argument("--topic", type=Path, default=DEFAULT_TOPIC)
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list every error")
    evaluate.set_defaults(func=cmd_eval)
    prev = sub.add_parser("preview", help="PNG pages of a PDF, for a reviewer to look at")
    prev.add_argument("pdf")
    prev.add_argument("--out", default="preview")
    prev.add_argument("--dpi", type=int, default=80)
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
