# Two commands set up a new machine: `make demo` and `make test` (README).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
GRIDCTL := $(VENV)/bin/gridctl
DEMO_DB := demo/park.db
DEMO_MONTH ?= 2026-10

.PHONY: venv demo test test-big test-postgres lint bench clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

demo: venv
	rm -rf demo && mkdir -p demo
	GRIDCTL_DB=$(DEMO_DB) $(GRIDCTL) init --sample
	GRIDCTL_DB=$(DEMO_DB) $(GRIDCTL) group list
	cd demo && GRIDCTL_DB=park.db GRIDCTL_LANG=zh ../$(GRIDCTL) report monthly --month $(DEMO_MONTH)
	@echo "Demo ledger: $(DEMO_DB)   try: GRIDCTL_DB=$(DEMO_DB) $(GRIDCTL) points show --month $(DEMO_MONTH)"

test: venv
	$(PY) -m pytest -q

# The suite on PostgreSQL: GRIDCTL_TEST_POSTGRES names a server database the tests may create
# databases from, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test (.ci/run sets it).
test-postgres: venv
	@test -n "$(GRIDCTL_TEST_POSTGRES)" || { echo "set GRIDCTL_TEST_POSTGRES=postgresql+psycopg://USER@HOST:PORT/DB"; exit 2; }
	GRIDCTL_TEST_POSTGRES="$(GRIDCTL_TEST_POSTGRES)" $(PY) -m pytest -q

test-big: venv
	$(PY) -m pytest -q -m bigdata

# The quality gate (.ci/run and .pre-commit-config.yaml run the same): lint, format, types.
# mypy reads its files and strictness from pyproject.toml.
LINT_PATHS := gridctl tests bench migrations

lint: venv
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/ruff format --check $(LINT_PATHS)
	$(VENV)/bin/mypy

# Each bench prints ratios against a baseline run side by side; sizes are options of each.
# BENCH_CACHE keeps bench/scale.py's 10M-visit park between runs (built once, ~10 minutes).
BENCH_CACHE ?= /var/tmp/gridctl-scale
bench: venv
	$(PY) bench/scale.py --cache $(BENCH_CACHE)
	$(PY) bench/startup.py
	$(PY) bench/import.py
	$(PY) bench/points.py
	$(PY) bench/report.py
	$(PY) bench/concurrency.py
	$(PY) bench/lists.py --db $$($(PY) bench/scale.py --cache $(BENCH_CACHE) --print-target)

clean:
	rm -rf demo .pytest_cache
