#!/usr/bin/env bash
# Installs the Debian packages the build needs, when they are missing:
# cmark-gfm's library and GFM extensions (headers, pkg-config file) and pkg-config.
set -euo pipefail

packages=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing ${missing[*]}, and this is not a Debian-like system; install cmark-gfm with its extensions by hand" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: installing ${missing[*]} needs root (no sudo found)" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing ${missing[*]}…" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
