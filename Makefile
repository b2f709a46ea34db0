# Two entry points (see README): `make demo` and `make test`. Both create the
# virtual environment and install the pinned working set first when needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= data/sample.duckdb

.PHONY: install demo test bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check torch==2.13.0
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/ofsted-mine ingest corpus/samples --db $(DEMO_DB)
	$(BIN)/ofsted-mine documents --db $(DEMO_DB)
	$(BIN)/ofsted-mine findings --db $(DEMO_DB) --la Rutland --limit 20
	$(BIN)/ofsted-mine themes --db $(DEMO_DB)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/ofsted-mine bench

clean:
	rm -rf $(VENV) data .prefect .pytest_cache
