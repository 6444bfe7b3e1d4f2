#!/usr/bin/env bash
# Runs every test of the project (installing what is missing first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
swift build --build-tests
swift test --skip-build
