# ZoneScope: `make run` sets everything up and serves the dashboard; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test bench bench-scale clean-db

run: setup
	$(PY) manage.py runserver $(HOST):$(PORT)

setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup_demo

test: $(VENV)/.installed
	sh scripts/ensure_chromium.sh
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(PY) bench/extraction.py

# The pages under concurrent clients on a generated data set, e.g.
# make bench-scale SCALE_ARGS="--indicators 1000000 --clients 8 --json"
bench-scale: $(VENV)/.installed
	$(PY) bench/scale.py $(SCALE_ARGS)

# One virtualenv with the runtime and test requirements, rebuilt when either file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Stops nothing else: removes the embedded database's data folder (stop `make run` first).
clean-db:
	rm -rf var/pgdata
