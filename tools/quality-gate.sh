#!/usr/bin/env bash
# The quality gate: extraction scored against the hand-labelled sets, failing below the
# floors in quality/floors.yaml. Run by CI after the tests (`make gate`).
#   tools/quality-gate.sh [CORPUS]   (default ../shared/devset)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/devset}"
bin="${CROSSBRIEF_BIN:-.venv/bin/crossbrief}"

echo "== quality gate: the sample articles"
"$bin" eval --articles seeds --gold tests/gold --topic config/topic.yaml \
  --floors quality/floors.yaml --floors-section sample

if [ ! -d "$corpus" ]; then
  echo "== quality gate: the dev corpus $corpus is ABSENT, so it was NOT scored;"
  echo "   only the sample floors were checked. Put the corpus there to score it."
  exit 0
fi
echo "== quality gate: the dev corpus $corpus"
"$bin" eval --corpus "$corpus" --floors quality/floors.yaml
