# ZoneScope: `make run` sets everything up and serves the dashboard; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test bench clean-db

# A development server: DEBUG is off unless set.
DEV := DEBUG=1

run: setup
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

setup: $(VENV)/.installed
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py createcachetable
	$(DEV) $(PY) manage.py setup_demo

test: $(VENV)/.installed
	sh scripts/ensure_chromium.sh
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(PY) bench/extraction.py

# One virtualenv with the runtime and test requirements, rebuilt when either file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Stops nothing else: removes the embedded database's data folder (stop `make run` first).
clean-db:
	rm -rf var/pgdata
