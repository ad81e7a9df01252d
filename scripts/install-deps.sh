#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages CoCart Qt needs, if any is missing. Safe to run again.
# Extra packages given as arguments are installed too (scripts/fuzz.sh: clang, libclang-rt-14-dev).
set -euo pipefail

# qml6-module-qtquick-controls ships the Material style the demo uses; qt6-l10n-tools has lrelease.
# doxygen builds the `docs` target; clang-format and clang-tidy are CI's style and lint checks;
# dpkg-dev (dpkg-shlibdeps) and file are what `cpack -G DEB` runs.
packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-httpserver-dev qt6-websockets-dev
  qtkeychain-qt6-dev
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qtquick
  qml6-module-qtquick-controls qml6-module-qtquick-templates qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qttest
  qt6-l10n-tools
  doxygen clang-format clang-tidy dpkg-dev file
  qt6-qpa-plugins dbus gnome-keyring libsecret-1-0 libsecret-tools fonts-dejavu-core
  openssl
)
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -q \
  --no-install-recommends "${missing[@]}"
