# The two commands of the README: `make serve` and `make test`. Both set up what they need.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: install serve test test-fast browser-deps check bench clean

$(BIN)/clustergraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/clustergraph

## serve: install, load the reference data and shipped announcements into the embedded store, serve on :5000
serve: install
	$(BIN)/clustergraph serve --setup --host $(HOST) --port $(PORT)

## test: install (Python packages, Debian chromium for the browser tests) and run the whole suite
test: install browser-deps
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not browser"

browser-deps:
	@bash scripts/ensure-chromium.sh

bench: install
	$(BIN)/python benchmarks/run.py --sizes small --out benchmarks/out/RESULTS-small.md

clean:
	rm -rf var .pytest_cache dist build
