# wagtail-bhxh developer commands. The README's two set-up commands are
# `make demo` and `make test`; both create .venv and install what they need.

PYTHON ?= python3.11
VENV ?= .venv
# A pip constraints file, e.g. constraints/lowest.txt for the lowest supported versions.
CONSTRAINTS ?=
PYTEST_ARGS ?=
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(notdir $(or $(CONSTRAINTS),latest))
MANAGE := cd example_site && ../$(BIN)/python manage.py
DEMO_HOST ?= 127.0.0.1:8000

.PHONY: install demo test test-e2e lint docs bench migrations messages clean

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(if $(CONSTRAINTS),-c $(CONSTRAINTS)) -e ".[dev]"
	@touch $@

install: $(STAMP)

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) bhxh_setup
	$(MANAGE) bhxh_load_demo
	$(MANAGE) runserver $(DEMO_HOST)

# SQLite by default; PostgreSQL when DATABASE_URL is set
# (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test make test).
test: install
	$(BIN)/python -m pytest -n auto -m "not e2e" $(PYTEST_ARGS)

test-e2e: install
	$(BIN)/python -m pytest -m e2e $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check --diff wagtail_bhxh wagtail_bhxh_royalties wagtail_bhxh_spokesperson tests bench example_site

docs: install
	$(BIN)/sphinx-build -W --keep-going -b html docs docs/_build/html

bench: install
	$(BIN)/python -m bench

# Generate migrations against the lowest supported Wagtail, then make them
# follow a site's swapped page/image/document models.
migrations:
	$(MAKE) install VENV=.venv-lowest CONSTRAINTS=constraints/lowest.txt
	cd example_site && ../.venv-lowest/bin/python manage.py makemigrations $(APPS)
	.venv-lowest/bin/python scripts/swappable_migrations.py */migrations/0*.py wagtail_bhxh/*/migrations/0*.py

messages: install
	$(BIN)/python scripts/messages.py

clean:
	rm -rf .venv .venv-lowest .venv-highest docs/_build build dist example_site/db.sqlite3 example_site/media
