#!/usr/bin/env bash
# Builds the demo site of this repository into public/ (installing what is missing first).
# Extra arguments go to `incidents build`, e.g. --drafts or --output DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
# The demo has search: true; Pagefind comes from PyPI. Without it the build still
# succeeds (with a note), so a failed install is not fatal.
python3 -c "import pagefind_bin" 2>/dev/null || python3 -m pip install --quiet pagefind-bin || true
swift build -c release --product incidents
.build/release/incidents build --source . "$@"
