#!/bin/sh
# Runs "$@" inside a private D-Bus session with a fresh, unlocked gnome-keyring (Secret Service).
# A fresh keyring directory per run: an old keyring with another password would be locked.
set -eu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cocart-keyring.XXXXXX")
mkdir -m 700 "$tmp/data" "$tmp/run" "$tmp/cache"
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" XDG_CACHE_HOME="$tmp/cache"
export COCART_KEYRING_WRAPPED=1
trap 'rm -rf "$tmp"' EXIT INT TERM
dbus-run-session -- sh -c '
  printf %s cocart-test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"
