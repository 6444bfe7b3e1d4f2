#!/usr/bin/env bash
# Installs what the build needs, when it is missing:
#
# - pkg-config, cmake and a C compiler, from Debian's packages;
# - cmark-gfm 0.29.0.gfm.13 with its GFM extensions, built from Debian's source
#   tarball of that version (pinned by checksum) as static libraries, with its
#   command-line tool, into /usr/local.
#
# Why not Debian 12's libcmark-gfm-dev: it is 0.29.0.gfm.6, whose parser is
# quadratic or worse on some inputs (240 KB of `![[]()` took 10 s, a table of
# 4,000 columns 1 s; gfm.13 renders both in milliseconds). See docs/reliability.md.
set -euo pipefail

cmark_version=0.29.0.gfm.13
cmark_tarball=cmark-gfm_${cmark_version}.orig.tar.gz
cmark_url=http://deb.debian.org/debian/pool/main/c/cmark-gfm/${cmark_tarball}
cmark_sha256=5abc61798ebd9de5660bc076443c07abad2b8d15dbc11094a3a79644b8ad243a
prefix=/usr/local

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

needs_root() {
  if [ -n "$sudo" ] && ! command -v sudo >/dev/null 2>&1; then
    echo "error: installing $1 needs root (no sudo found)" >&2
    exit 1
  fi
}

packages=(pkg-config cmake gcc make curl ca-certificates)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing ${missing[*]}, and this is not a Debian-like system; install them by hand" >&2
    exit 1
  fi
  needs_root "${missing[*]}"
  echo "Installing ${missing[*]}…" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

installed=$(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --modversion libcmark-gfm 2>/dev/null || true)
if [ "$installed" = "$cmark_version" ] && [ -f "$prefix/lib/libcmark-gfm.a" ] && [ -x "$prefix/bin/cmark-gfm" ]; then
  exit 0
fi

needs_root "cmark-gfm into $prefix"
echo "Building cmark-gfm $cmark_version into $prefix…" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL --retry 3 -o "$work/$cmark_tarball" "$cmark_url"
echo "$cmark_sha256  $work/$cmark_tarball" | sha256sum --check --quiet
tar -xzf "$work/$cmark_tarball" -C "$work"
source_dir="$work/cmark-gfm-$cmark_version"
cmake -S "$source_dir" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMARK_TESTS=OFF \
  -DCMARK_SHARED=OFF -DCMARK_STATIC=ON -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
  -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build "$work/build" -j "$(nproc)" >/dev/null
$sudo cmake --install "$work/build" >/dev/null
