# ZoneScope: `make run` sets everything up and serves the dashboard; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test bench bench-scale bench-load lock clean-db

# A development server and a job worker (background extraction), started and stopped together.
# DEBUG is off unless set.
DEV := DEBUG=1

run: setup
	$(DEV) $(PY) scripts/run_web_and_worker.py $(HOST):$(PORT)

# Migrations include the job queue's tables (procrastinate's Django app).
setup: $(VENV)/.installed
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py createcachetable
	$(DEV) $(PY) manage.py setup_demo

# Checks first (each a few seconds): the locks, formatting and lint (ruff), the layers (import-linter).
test: $(VENV)/.installed
	$(PY) scripts/check_lock.py
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	sh scripts/ensure_chromium.sh
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(PY) bench/extraction.py

# The pages under concurrent clients on a generated data set, e.g.
# make bench-scale SCALE_ARGS="--indicators 1000000 --clients 8 --json"
bench-scale: $(VENV)/.installed
	$(PY) bench/scale.py $(SCALE_ARGS)

# Readers while long reports are uploaded and extracted by a job worker, e.g.
# make bench-load LOAD_ARGS="--readers 50 --uploaders 4 --seconds 120 --json"
bench-load: $(VENV)/.installed
	$(PY) bench/load.py $(LOAD_ARGS)

# One virtualenv with what requirements-dev.txt pins (runtime + tests and tools), every file checked
# against its hash; reinstalled when that lock changes. --no-deps: the lock names every package, so
# pip need not resolve anything (pip 23.x, resolving justext's `lxml[html_clean]`, would reach for the
# newest lxml and refuse it as unpinned); `pip check` then proves the set complete and consistent.
# A package dropped from the lock stays until `rm -rf .venv`.
$(VENV)/.installed: requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-dev.txt
	$(PY) -m pip check
	touch $@

# Resolves the declared requirements (requirements*.in) again into the locks (requirements*.txt),
# with uv (settings in pyproject.toml; needs PyPI). Pins that still fit are kept:
# `make lock LOCK_ARGS=--upgrade` takes the newest of everything, `LOCK_ARGS="-P NAME"` of one package.
# The dev lock is constrained by the runtime lock, so both pin the same versions.
lock: $(VENV)/.installed
	$(VENV)/bin/uv pip compile -q $(LOCK_ARGS) requirements.in -o requirements.txt
	$(VENV)/bin/uv pip compile -q $(LOCK_ARGS) requirements-dev.in -c requirements.txt -o requirements-dev.txt
	$(PY) scripts/check_lock.py --stamp

# Stops nothing else: removes the embedded database's data folder (stop `make run` first).
clean-db:
	rm -rf var/pgdata
