#!/usr/bin/env bash
# Quick start, step 1: install everything and build the sample digest into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/invoke build "$@"
