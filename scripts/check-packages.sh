#!/usr/bin/env bash
# Builds the Debian packages (cpack -G DEB) from a configured and built tree, unpacks them into
# a temporary root with `dpkg -x`, and runs what they installed there: `cocart --version`, and
# the QML example built against the unpacked -dev package, offscreen, on the unpacked devstore.
# Usage: scripts/check-packages.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
build=$(cd "${1:-build}" && pwd)
tmp=$(mktemp -d)
store_pid=
cleanup() { [ -n "$store_pid" ] && kill "$store_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

(cd "$build" && cpack -G DEB -B "$tmp/debs" >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; exit 1; }
root=$tmp/root
for deb in "$tmp"/debs/*.deb; do
  echo "$(basename "$deb"): $(dpkg-deb -f "$deb" Depends)"
  dpkg-deb -c "$deb" | awk '{print "    " $6}' | grep -v '/$'
  dpkg -x "$deb" "$root"
done

"$root/usr/bin/cocart" --version

qml_dir=$(dirname "$(dirname "$(find "$root" -path '*/qml/CoCart/qmldir' | head -n1)")")
cmake -S "$src/examples/qml-shop" -B "$tmp/qml-shop" -G Ninja -DCMAKE_PREFIX_PATH="$root/usr" >/dev/null
cmake --build "$tmp/qml-shop" >/dev/null

"$root/usr/bin/cocart-devstore" --port 0 >"$tmp/store.log" 2>&1 &
store_pid=$!
url=
for _ in $(seq 100); do
  url=$(sed -n 's/^CoCart devstore listening on \(http[^ ]*\).*/\1/p' "$tmp/store.log" | head -n1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$tmp/store.log"; echo "cocart-devstore did not start" >&2; exit 1; }
QML_IMPORT_PATH=$qml_dir QT_QPA_PLATFORM=offscreen \
  "$tmp/qml-shop/cocart-qml-shop-example" "$url" --quit-when-loaded
echo "Debian packages: built, unpacked and run"
