# Two commands set up and prove pqlkit on a fresh machine:
#   make demo   creates .venv, installs pqlkit, runs `pql demo`
#   make test   installs dev dependencies, starts what the tests need (a throwaway Postgres on
#               127.0.0.1, scripts/postgres.sh), runs lint, types, tests
# Both are idempotent: a second run reuses the venv (reinstalling only when pyproject.toml changes).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint types unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/pql demo

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types: $(VENV)/.installed-dev
	$(BIN)/mypy

unit: $(VENV)/.installed-dev
	PQLKIT_TEST_POSTGRES=$$(scripts/postgres.sh) $(BIN)/pytest -n 2

test: lint types unit

bench: $(VENV)/.installed-dev
	$(BIN)/python -m bench.cli_startup
	$(BIN)/python -m bench.import_speed
	$(BIN)/python -m bench.score_speed

clean:
	rm -rf $(VENV) pqlkit-demo .pytest_cache .mypy_cache .ruff_cache
