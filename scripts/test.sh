#!/usr/bin/env bash
# Set up if needed, then run the whole test suite (unit, property and doctests).
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh all,test
exec .venv/bin/python -m pytest "$@"
