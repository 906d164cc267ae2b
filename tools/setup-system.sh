#!/usr/bin/env bash
# Debian packages crossbrief needs beyond Python. Installs only what is missing.
#   tools/setup-system.sh          what building a briefing needs
#   tools/setup-system.sh test     plus what the tests need (Chromium for the HTML test)
set -euo pipefail

packages=(
  libpango-1.0-0 libpangoft2-1.0-0   # WeasyPrint's text layout
  libharfbuzz-subset0                # WeasyPrint's font subsetter: same subset, same PDF bytes
  poppler-utils                      # pdftoppm for `crossbrief preview`
)
if [ "${1:-}" = "test" ]; then
  packages+=(chromium chromium-driver)  # the HTML twin is checked in headless Chromium
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "crossbrief: installing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "crossbrief: please install these Debian packages as root: ${missing[*]}" >&2
  exit 1
fi
