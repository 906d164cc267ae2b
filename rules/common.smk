# Settings, the corpus and helpers shared by every rule. Validated before any job runs.
import os
import sys
from pathlib import Path

from snakemake.exceptions import WorkflowError

from crossbrief.buildlock import BuildLockedError, acquire as acquire_build_lock
from crossbrief.changes import latest_earlier
from crossbrief.compare.names import CHART_NAMES, TABLE_NAMES
from crossbrief.config import ConfigError, load_schema, settings
from crossbrief.corrections import (
    CorrectionsError,
    load as load_corrections,
    unknown_sources,
)
from crossbrief.fileio import sweep_temporaries
from crossbrief.corpus import emptiness, scan
from crossbrief.keep import keep_aside, settle
from crossbrief.ingest.manifest import ManifestError, load as load_manifest
from crossbrief.summary import Built, summary
from crossbrief.shardindex import ShardIndexError, write_all as write_indexes
from crossbrief.topic import TopicError, load as load_topic

try:
    SETTINGS = settings(
        config,
        load_schema(Path(workflow.basedir) / "config" / "config.schema.yaml"),
        Path(),
    )
    MANIFEST = load_manifest(SETTINGS.manifest)
    TOPIC = load_topic(SETTINGS.topic)
    CORRECTED = load_corrections(SETTINGS.corrections)  # checked before any job runs
except (ConfigError, ManifestError, TopicError, CorrectionsError) as err:
    raise WorkflowError(f"crossbrief: {err}") from None

if workflow.is_main_process:
    try:
        BUILD_LOCK = acquire_build_lock(Path(".snakemake") / "crossbrief.lock")
    except BuildLockedError as err:
        raise WorkflowError(f"crossbrief: {err}") from None
    # Half-written files of a build that was killed (kill -9 leaves them): this build
    # holds the lock, so none of them is being written now.
    sweep_temporaries(SETTINGS.results, SETTINGS.reports)

SEEDS = str(SETTINGS.seeds)
RESULTS = str(SETTINGS.results)
REPORTS = str(SETTINGS.reports)
DATE = SETTINGS.report_date.isoformat()
CORPUS = scan(SETTINGS.seeds, SETTINGS.shards, SETTINGS.manifest, SETTINGS.corrections)
# The analyst's corrections, an input of the comparison when the file exists.
CORRECTIONS = [str(SETTINGS.corrections)] if SETTINGS.corrections.is_file() else []
SHARDS = [f"{i:03d}" for i in range(SETTINGS.shards)]
# Article names reach jobs only through these index files, never as Snakemake inputs
# (see crossbrief/shardindex.py): no file name can reach a job's shell script.
INDEX = f"{RESULTS}/inputs"
if workflow.is_main_process:
    if (problem := emptiness(CORPUS, SETTINGS.seeds)) is not None:
        print(f"crossbrief: warning: {problem}", file=sys.stderr)
    for problem in unknown_sources(CORRECTED, CORPUS.articles):
        if SETTINGS.strict:
            raise WorkflowError(f"crossbrief: strict: true and {problem}")
        print(f"crossbrief: warning: {problem}", file=sys.stderr)
    try:
        write_indexes(Path(INDEX), CORPUS, SETTINGS.seeds, MANIFEST)
    except ShardIndexError as err:
        raise WorkflowError(f"crossbrief: {err}") from None
BRIEFING_HTML = f"{REPORTS}/briefing-{DATE}.html"
TABLES = list(TABLE_NAMES)
BRIEFING_PDF = f"{REPORTS}/briefing-{DATE}.pdf"
# The briefing's snapshot, which the next briefing compares with (crossbrief/changes.py),
# and the latest one of an earlier date, if any.
BRIEFING_JSON = f"{REPORTS}/briefing-{DATE}.json"
PREVIOUS = [str(p) for p in [latest_earlier(SETTINGS.reports, DATE)] if p is not None]
BRIEFING = [BRIEFING_PDF, BRIEFING_HTML, BRIEFING_JSON]


report: "../report/workflow.rst"


wildcard_constraints:
    shard=r"\d{3}",


# A rebuilt briefing never silently replaces the one of the same date (crossbrief/keep.py).
onstart:
    for line in keep_aside([Path(p) for p in BRIEFING]):
        print(line, file=sys.stderr)


onsuccess:
    for line in settle([Path(p) for p in BRIEFING]):
        print(line, file=sys.stderr)
    # Last on the console: where the briefing went, what was used and left out.
    for line in summary(
        Built(Path(BRIEFING_PDF), Path(BRIEFING_HTML), Path(RESULTS))
    ):
        print(line, file=sys.stderr)


onerror:
    for line in settle([Path(p) for p in BRIEFING]):
        print(line, file=sys.stderr)
