# One command runs every check: `make check`.
PYTHON ?= python

.PHONY: check test lint typecheck catalogue

check: lint typecheck test catalogue

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
