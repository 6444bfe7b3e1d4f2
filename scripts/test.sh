#!/usr/bin/env bash
# Runs every test of the project (installing what is missing first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh

# The schema test validates front matter with Python's jsonschema and PyYAML; the
# search test runs Pagefind (pagefind-bin).
python3 -c "import jsonschema, yaml, pagefind_bin" 2>/dev/null || python3 -m pip install --quiet jsonschema pyyaml pagefind-bin
swift build --build-tests
swift test --skip-build
# The release archive: one binary that needs only glibc, proven by ldd and a build
# with an empty environment (scripts/check-release.sh).
bash scripts/release.sh
bash scripts/quality.sh
