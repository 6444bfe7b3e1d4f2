#!/usr/bin/env bash
# Installs what the build needs, when it is missing:
#
# - pkg-config, cmake, a C compiler and libyaml (front matter), from Debian's packages;
# - cmark-gfm 0.29.0.gfm.13 with its GFM extensions, built from Debian's source
#   tarball of that version (pinned by checksum) as static libraries, under names of
#   its own so that no other cmark-gfm on the machine can be linked instead:
#     /usr/local/lib/libincidents-cmark-gfm.a, libincidents-cmark-gfm-extensions.a
#     /usr/local/include/incidents-cmark-gfm/      its headers
#     /usr/local/lib/pkgconfig/incidents-cmark-gfm.pc
#     /usr/local/bin/incidents-cmark-gfm            its command-line tool (for benchmarks)
# - Debian's static libyaml, under a name of its own (/usr/local/lib/libincidents-yaml.a,
#   incidents-yaml.pc), so the linker cannot pick the shared one: every binary carries
#   its YAML parser, and the release binary needs nothing but glibc.
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
name=incidents-cmark-gfm

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

packages=(pkg-config cmake gcc make curl ca-certificates libyaml-dev)
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

yaml_static=$(dpkg-query -L libyaml-dev | grep '/libyaml\.a$' | head -n 1)
yaml_version=$(dpkg-query -W -f='${Version}' libyaml-dev)
if [ ! -f "$prefix/lib/libincidents-yaml.a" ] || ! cmp -s "$yaml_static" "$prefix/lib/libincidents-yaml.a" \
  || [ "$(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --modversion incidents-yaml 2>/dev/null || true)" != "$yaml_version" ]; then
  needs_root "libyaml into $prefix"
  $sudo mkdir -p "$prefix/lib/pkgconfig"
  $sudo install -m 644 "$yaml_static" "$prefix/lib/libincidents-yaml.a"
  yaml_pc=$(mktemp)
  cat > "$yaml_pc" <<EOF
prefix=$prefix
libdir=\${prefix}/lib

Name: incidents-yaml
Description: Debian's libyaml ($yaml_version), static, under a name of its own for incidents
Version: $yaml_version
Libs: -L\${libdir} -lincidents-yaml
Cflags:
EOF
  $sudo install -m 644 "$yaml_pc" "$prefix/lib/pkgconfig/incidents-yaml.pc"
  rm -f "$yaml_pc"
fi

installed=$(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --modversion $name 2>/dev/null || true)
if [ "$installed" = "$cmark_version" ] && [ -f "$prefix/lib/lib$name.a" ] && [ -x "$prefix/bin/$name" ]; then
  exit 0
fi

needs_root "cmark-gfm into $prefix"
echo "Building cmark-gfm $cmark_version into $prefix…" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL --retry 3 -o "$work/$cmark_tarball" "$cmark_url"
echo "$cmark_sha256  $work/$cmark_tarball" | sha256sum --check --quiet
tar -xzf "$work/$cmark_tarball" -C "$work"
cmake -S "$work/cmark-gfm-$cmark_version" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMARK_TESTS=OFF \
  -DCMARK_SHARED=OFF -DCMARK_STATIC=ON -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
  -DCMAKE_INSTALL_PREFIX="$work/prefix" >/dev/null
cmake --build "$work/build" -j "$(nproc)" >/dev/null
cmake --install "$work/build" >/dev/null

$sudo mkdir -p "$prefix/lib/pkgconfig" "$prefix/include/$name" "$prefix/bin"
$sudo install -m 644 "$work/prefix/lib/libcmark-gfm.a" "$prefix/lib/lib$name.a"
$sudo install -m 644 "$work/prefix/lib/libcmark-gfm-extensions.a" "$prefix/lib/lib$name-extensions.a"
$sudo install -m 644 "$work/prefix/include/"*.h "$prefix/include/$name/"
$sudo install -m 755 "$work/prefix/bin/cmark-gfm" "$prefix/bin/$name"
cat > "$work/$name.pc" <<EOF
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include/$name

Name: $name
Description: cmark-gfm $cmark_version (GitHub Flavored Markdown), static, built for incidents
Version: $cmark_version
Libs: -L\${libdir} -l$name-extensions -l$name
Cflags: -I\${includedir}
EOF
$sudo install -m 644 "$work/$name.pc" "$prefix/lib/pkgconfig/$name.pc"
