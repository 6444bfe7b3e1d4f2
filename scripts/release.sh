#!/usr/bin/env bash
# Writes the release archive: one self-contained `incidents` executable that runs on a
# Linux machine with neither Swift nor cmark-gfm installed (it needs glibc only).
#
#   bash scripts/release.sh            # dist/incidents-linux-<arch>.tar.gz and .sha256
#
# Swift's standard library, Foundation and ICU are linked statically
# (--static-swift-stdlib); cmark-gfm and libyaml are static libraries already
# (scripts/install-dependencies.sh); libstdc++ and libgcc, which Foundation's ICU needs,
# are linked statically too, from a folder that holds only their static archives (the
# linker otherwise prefers the shared ones). The result is checked: `ldd` may name
# nothing but glibc's libraries, and the binary must build a site with an empty
# environment and no library path (scripts/check-release.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh

arch=$(uname -m)
name=incidents-linux-$arch
static=$(mktemp -d)
trap 'rm -rf "$static"' EXIT
for library in libstdc++.a libgcc_eh.a; do
  path=$(gcc -print-file-name="$library")
  [ -f "$path" ] || { echo "error: $library not found (gcc -print-file-name)" >&2; exit 1; }
  ln -s "$path" "$static/$library"
done

swift build -c release --product incidents --static-swift-stdlib --build-path .build-release \
  -Xlinker -L"$static" \
  -Xswiftc -Xclang-linker -Xswiftc -static-libgcc \
  -Xswiftc -Xclang-linker -Xswiftc -static-libstdc++
binary=.build-release/release/incidents

rm -rf "dist/$name" && mkdir -p "dist/$name"
cp "$binary" "dist/$name/incidents"
strip "dist/$name/incidents"
cp LICENSE* README.md "dist/$name/" 2>/dev/null || cp README.md "dist/$name/"
bash scripts/check-release.sh "dist/$name/incidents"

# Reproducible archive: sorted names, fixed owner and times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00:00Z' \
  -C dist -czf "dist/$name.tar.gz" "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
rm -rf "dist/$name"
echo "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1)), checksum in dist/$name.tar.gz.sha256"
