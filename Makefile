# One command runs every check: `make check`.
PYTHON ?= python

.PHONY: check test lint typecheck catalogue i18n

check: lint typecheck test catalogue i18n

test:
	$(PYTHON) -m pytest

lint:
	$(PYTHON) -m ruff check planner tests benchmarks
	$(PYTHON) -m ruff format --check planner tests benchmarks

typecheck:
	$(PYTHON) -m mypy

catalogue:
	$(PYTHON) -m planner --catalog regulations check --strict
	$(PYTHON) -m planner --catalog regulations fmt --check

# The .mo files are committed: recompile after editing a .po (the check fails when one is stale).
i18n:
	$(PYTHON) -m planner.i18n.compile --check
