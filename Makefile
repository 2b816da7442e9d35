# tiebot development tasks.  Needs only Python 3.11+ and make: the virtual
# environment is created on first use and re-installed only when
# pyproject.toml or constraints.txt change (the stamp file records that).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.tiebot-installed
IMAGE ?= tiebot:latest

.DEFAULT_GOAL := help
.PHONY: help venv run console test test-fast lint format typecheck check bench docker clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ needed, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)  ## create/refresh the virtual environment

run: $(STAMP)  ## start the bot (the local console when DISCORD_TOKEN is not set)
	$(BIN)/python -m bot run

console: $(STAMP)  ## open the local console
	$(BIN)/python -m bot console

test: $(STAMP)  ## run the whole test suite (what CI runs)
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## every test but the slow ones (fuzzing, several processes): a quick check
	$(BIN)/python -m pytest -m 'not slow'

lint: $(STAMP)  ## ruff check + format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)  ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)  ## mypy --strict on the bot package
	$(BIN)/mypy

check: $(STAMP)  ## parse the season documents and list every diagnostic
	$(BIN)/python -m bot check

bench: $(STAMP)  ## run the benchmarks
	$(BIN)/python -m bot bench

docker:  ## build the Docker image ($(IMAGE))
	docker build -t $(IMAGE) .

clean:  ## remove caches and the built database (keeps .venv)
	rm -rf .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist
	rm -f data/tiebot.sqlite3 data/tiebot.sqlite3-*
