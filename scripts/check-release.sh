#!/usr/bin/env bash
# Proves a release binary self-contained (called by scripts/release.sh, and by CI):
#
# - `ldd` names only glibc's own libraries (libc, libm, libpthread, libdl, librt,
#   the dynamic loader, the kernel's vDSO): no Swift runtime, ICU, libstdc++,
#   libgcc_s, cmark-gfm or libyaml;
# - with an empty environment (no PATH, no LD_LIBRARY_PATH) and no file of the Swift
#   toolchain or of the build reachable by name, it builds a small site, and
#   `build --cache` re-executes itself and reuses the cache.
#
#   bash scripts/check-release.sh path/to/incidents
set -euo pipefail
binary=$(realpath "$1")

unexpected=$(ldd "$binary" | awk '{print $1}' | grep -Ev '^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|/lib/ld-linux-aarch64\.so\.1|lib(c|m|pthread|dl|rt)\.so\.[0-9]+)$' || true)
if [ -n "$unexpected" ]; then
  echo "error: $binary needs more than glibc:" >&2
  ldd "$binary" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$binary" "$work/incidents"
mkdir -p "$work/site/content/incidents"
cat > "$work/site/site.yml" <<'EOF'
title: Release check
base_url: https://example.org/
EOF
cat > "$work/site/content/incidents/first.md" <<'EOF'
---
title: A release binary builds a site
severity: low
date_reported: 2024-02-15
tags: [release]
---
Built with nothing but **glibc**.
EOF
cd "$work"
env -i ./incidents build --source site --output out --cache cache --quiet
env -i ./incidents build --source site --output out --cache cache --verbose > second.txt
grep -q "1 of 1 incident files reused" second.txt || { echo "error: the second build did not reuse the cache:" >&2; cat second.txt >&2; exit 1; }
grep -q "A release binary builds a site" out/incidents/first/index.html
grep -q "<strong>glibc</strong>" out/incidents/first/index.html
env -i ./incidents check --source site > /dev/null
echo "$binary: needs only glibc ($(ldd "$binary" | awk '{print $1}' | tr '\n' ' ')), and builds a site with an empty environment"
