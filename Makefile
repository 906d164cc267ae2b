# Set-up and the two everyday commands. Each target installs what is missing first.
#   make briefing   build reports/briefing-<today>.{pdf,html}  (ARGS="--config report_date=2024-08-01")
#   make test       run the test suite
#   make lint       ruff, mypy, snakefmt --check, snakemake --lint (what CI runs besides tests)
#   make gate       extraction quality against ../shared/devset and the sample (quality/floors.yaml)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.crossbrief-installed
DEV_STAMP := $(VENV)/.crossbrief-dev-installed
ARGS ?=

.PHONY: briefing test lint gate system system-test

# The briefing needs only the run-time lock; tests, linters and the gate add the
# development lock (the same run-time pins plus the tools).
$(STAMP): requirements.lock pyproject.toml
	tools/setup-system.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $(DEV_STAMP)

briefing: $(STAMP)
	$(BIN)/snakemake $(ARGS)

test: $(DEV_STAMP)
	tools/setup-system.sh test
	$(BIN)/pytest $(ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/snakefmt --check Snakefile rules/
	$(BIN)/snakemake --lint

gate: $(DEV_STAMP)
	tools/quality-gate.sh
