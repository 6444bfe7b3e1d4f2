#!/usr/bin/env bash
# Benchmarks `incidents build` against the cmark-gfm CLI and Hugo on generated corpora.
#
#   bash benchmarks/run.sh                         # 1k, 10k, 100k incidents, 3 runs each
#   bash benchmarks/run.sh --sizes 1000,10000 --runs 5
#
# Installs what is missing (cmark-gfm's library and CLI, Hugo, GNU time), builds
# release binaries, then runs benchmarks/run.py. Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
missing=()
command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
command -v hugo >/dev/null || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
swift build -c release --product incidents
swift build -c release --product incidents-benchmark
exec python3 benchmarks/run.py "$@"
