#!/usr/bin/env bash
# Times `incidents build` on hostile single-file sites (inputs that were quadratic in
# earlier versions), next to the cmark-gfm CLI and the bound docs/reliability.md promises.
#
#   bash benchmarks/hostile.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
swift build -c release --product incidents
exec python3 benchmarks/hostile.py "$@"
