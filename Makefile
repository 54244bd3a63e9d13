# Verification Desk: `make demo` brings the desk up from the seeds, `make test` runs every test.
# Needs only Python 3.11+; PostgreSQL and Redis are embedded unless DATABASE_URL / REDIS_URL are set.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
DEMO_USER ?= reviewer
DEMO_PASSWORD ?= desk-demo-2026

.PHONY: demo test install lock lint typecheck check services-stop clean bench bench-quick

$(VENV)/.installed: pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed (found %s)" % sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --requirement requirements.lock
	@touch $@

install: $(VENV)/.installed

demo: install
	$(MANAGE) migrate --no-input
	$(MANAGE) ingest seeds/
	$(MANAGE) reviewer --username $(DEMO_USER) --password $(DEMO_PASSWORD)
	@echo ""
	@echo "  Admin:    http://127.0.0.1:8000/admin/   login $(DEMO_USER) / $(DEMO_PASSWORD)"
	@echo "  Operator (beat schedule, every webhook): $(MANAGE) reviewer --role Operator --username olga --password …"
	@echo "  API:      http://127.0.0.1:8000/api/tickets/   docs http://127.0.0.1:8000/api/docs/"
	@echo "  The worker attaches candidate sources within seconds. Ctrl-C stops everything."
	@echo ""
	@# dash (make's /bin/sh) runs an EXIT trap on exit, but dies of Ctrl-C without exiting: the INT
	@# and TERM traps turn the signal into an exit, so the embedded servers are stopped either way.
	@trap '$(PY) -m config.embedded stop' EXIT; trap 'exit 130' INT TERM; \
		PATH="$(abspath $(VENV))/bin:$$PATH" $(PY) -m honcho -f Procfile start

test: install
	$(PY) -m pytest

lock:
	$(PY) -m uv pip compile pyproject.toml --extra dev --extra production --python-version 3.11 --quiet -o requirements.lock

# What CI checks is what a developer runs: ruff over the whole tree, mypy over verification/ and
# config/ (the files and the Django/DRF plugins are set in pyproject.toml).
lint: install
	$(PY) -m ruff check .

typecheck: install
	$(PY) -m mypy

check: lint typecheck

services-stop:
	$(PY) -m config.embedded stop

clean: services-stop
	rm -rf $(VENV) .local

# Benchmarks: figures to bench/results/latest.json and docs/performance.md (see docs/performance.md).
BENCH_DATA ?= ../shared/data/climate_fever

bench: install
	nice -n 10 $(PY) -m bench.suite --data $(BENCH_DATA)

bench-quick: install
	BENCH_QUICK=1 nice -n 10 $(PY) -m bench.suite --data $(BENCH_DATA)
