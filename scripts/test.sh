#!/usr/bin/env bash
# Runs every test of the project (installing what is missing first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
# The schema test validates front matter with Python's jsonschema and PyYAML.
python3 -c "import jsonschema, yaml" 2>/dev/null || python3 -m pip install --quiet jsonschema pyyaml
swift build --build-tests
swift test --skip-build
