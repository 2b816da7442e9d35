# tiebot development tasks.  Needs only Python 3.11+ and make: the virtual
# environment is created on first use and re-installed only when
# pyproject.toml or constraints.txt change (the stamp file records that).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.tiebot-installed
IMAGE ?= tiebot:latest
LOCALES := bot/wording/locales
PO := $(wildcard $(LOCALES)/*/LC_MESSAGES/tiebot.po)
MO := $(PO:.po=.mo)

.DEFAULT_GOAL := help
.PHONY: help venv run console test test-fast lint format typecheck check bench docker clean \
	messages check-messages

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ needed, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

# The translations, compiled (gettext .mo) from the .po files translators edit.
$(MO): %.mo: %.po | $(STAMP)
	$(BIN)/pybabel compile -D tiebot -i $< -o $@

venv: $(STAMP) $(MO)  ## create/refresh the virtual environment (and compile the translations)

messages: $(STAMP)  ## extract the messages from the code into every .po file (then translate)
	$(BIN)/pybabel extract -F babel.cfg -c TRANSLATORS: --no-wrap --sort-by-file \
		--project tiebot --version 0.1 --copyright-holder "tiebot contributors" -o $(LOCALES)/tiebot.pot .
	$(BIN)/pybabel update -D tiebot -i $(LOCALES)/tiebot.pot -d $(LOCALES) --no-wrap \
		--no-fuzzy-matching --ignore-obsolete
	@echo "now translate the empty msgstr of each $(LOCALES)/*/LC_MESSAGES/tiebot.po, then: make check-messages"

check-messages: $(STAMP) $(MO)  ## every message translated, same placeholders, plural forms right
	$(BIN)/python -m pytest -q tests/wording/test_catalogs.py tests/wording/test_i18n.py

run: $(STAMP) $(MO)  ## start the bot (the local console when DISCORD_TOKEN is not set)
	$(BIN)/python -m bot run

console: $(STAMP) $(MO)  ## open the local console
	$(BIN)/python -m bot console

test: $(STAMP) $(MO)  ## run the whole test suite (what CI runs)
	$(BIN)/python -m pytest

test-fast: $(STAMP) $(MO)  ## every test but the slow ones (fuzzing, several processes): a quick check
	$(BIN)/python -m pytest -m 'not slow'

lint: $(STAMP)  ## ruff check + format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)  ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)  ## mypy --strict on the bot package
	$(BIN)/mypy

check: $(STAMP) $(MO)  ## parse the season documents and list every diagnostic
	$(BIN)/python -m bot check

bench: $(STAMP) $(MO)  ## run the benchmarks
	$(BIN)/python -m bot bench

docker:  ## build the Docker image ($(IMAGE))
	docker build -t $(IMAGE) .

clean:  ## remove caches and the built database (keeps .venv)
	rm -rf .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist
	rm -f data/tiebot.sqlite3 data/tiebot.sqlite3-* $(MO) $(LOCALES)/tiebot.pot
