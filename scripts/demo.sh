#!/usr/bin/env bash
# The main job: set up if needed, then run the full analysis of the bundled demo park.
# Extra arguments go to `eipkit demo` (e.g. --lang en --out results/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh all,test
exec .venv/bin/eipkit demo "$@"
