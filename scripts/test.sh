#!/usr/bin/env bash
# Quick start, step 2: install the test tools, lint, and run the whole test suite (slow tests included).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m "not slow"`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check src tests tasks.py
.venv/bin/ruff format --check src tests tasks.py
.venv/bin/python -m pytest -n 2 --dist loadfile "$@"
