#!/usr/bin/env bash
# Install the Debian packages listed in tools/apt-packages.txt (or in the list given as $1), once.
# Skips apt entirely when every package is already installed (fast, and works without root).
set -euo pipefail
cd "$(dirname "$0")/.."
list=${1:-tools/apt-packages.txt}
mapfile -t pkgs < <(grep -v '^\s*#' "$list" | awk 'NF{print $1}')
missing=()
for p in "${pkgs[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "Need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
