#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (Qt Test + Qt Quick Test via ctest).
# Keychain tests start their own D-Bus session with an unlocked gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh default

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/runtime" "$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime" XDG_CACHE_HOME="$tmp/cache"
export QT_QPA_PLATFORM=offscreen QML_DISABLE_DISK_CACHE=1 MESA_SHADER_CACHE_DISABLE=true
ctest --test-dir build --output-on-failure --timeout 300 "$@"
