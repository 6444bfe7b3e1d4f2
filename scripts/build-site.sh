#!/usr/bin/env bash
# Builds the demo site of this repository into public/ (installing what is missing first).
# Extra arguments go to `incidents build`, e.g. --drafts or --output DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
swift build -c release --product incidents
.build/release/incidents build --source . "$@"
