#!/usr/bin/env bash
# Times `incidents build` on hostile single-file sites (inputs that were quadratic in
# earlier versions), next to the cmark-gfm CLI and the bound docs/reliability.md promises.
#
#   bash benchmarks/hostile.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
# Debian's own cmark-gfm (0.29.0.gfm.6), for the comparison column; optional.
command -v /usr/bin/cmark-gfm >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"; $sudo apt-get install -y -qq cmark-gfm >/dev/null || true; }
swift build -c release --product incidents
exec python3 benchmarks/hostile.py "$@"
