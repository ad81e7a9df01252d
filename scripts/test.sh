#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (Qt Test + Qt Quick Test via ctest).
# Keychain tests start their own D-Bus session with an unlocked gnome-keyring.
# COCART_PRESET picks the CMake preset (default: "default"; CI uses "ci": warnings are errors).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh "${COCART_PRESET:-default}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/runtime" "$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime" XDG_CACHE_HOME="$tmp/cache"
export QT_QPA_PLATFORM=offscreen QML_DISABLE_DISK_CACHE=1 MESA_SHADER_CACHE_DISABLE=true
ctest --test-dir build --output-on-failure --timeout 300 "$@"

# Secrets stay secret: no JWT, refresh token or demo password in anything the tests logged.
log=build/Testing/Temporary/LastTest.log
if grep -nE 'eyJ[A-Za-z0-9_-]{20,}\.|[0-9a-f]{128}|customer-pass-123' "$log" >/dev/null; then
  echo "A token or password appears in the test log ($log):" >&2
  grep -nE 'eyJ[A-Za-z0-9_-]{20,}\.|[0-9a-f]{128}|customer-pass-123' "$log" | cut -c1-120 >&2
  exit 1
fi
echo "Secret scan of the test log: clean"
