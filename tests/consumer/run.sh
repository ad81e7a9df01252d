#!/bin/sh
# The installed package works for projects outside this tree: installs the build tree into a
# temporary prefix, checks the installed surface (no private header, QtKeychain not in the
# public link interface, the QML module where Qt looks, or the static QML plugin of a
# -DBUILD_SHARED_LIBS=OFF build), builds examples/ against it with
# find_package(CoCartQt), and runs each example against the installed cocart-devstore.
# Usage: run.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cocart-consumer.XXXXXX")
store_pid=
cleanup() { [ -n "$store_pid" ] && kill "$store_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null

# The installed surface.
if find "$prefix" -name '*_p.h' | grep -q .; then fail "a private header is installed"; fi
targets=$prefix/lib/cmake/CoCartQt/CoCartQtTargets.cmake
[ -f "$targets" ] || targets=$(find "$prefix" -name CoCartQtTargets.cmake | head -n1)
if grep -q 'Keychain' "$targets" && ! grep -q 'CoCartQt_STATIC ON' "$(dirname "$targets")/CoCartQtConfig.cmake"; then
  fail "QtKeychain is in the shared library's link interface"
fi
if grep -q 'CoCartQt_STATIC ON' "$(dirname "$targets")/CoCartQtConfig.cmake"; then
  # A static SDK: the QML module is a static plugin the app links (Q_IMPORT_QML_PLUGIN).
  plugin=$(find "$prefix" -name 'libCoCartQtplugin.a' | head -n1)
  [ -n "$plugin" ] || fail "the static QML plugin is not installed"
  qml_import_path=
  echo "installed (static SDK): $(find "$prefix" -type f | wc -l) files; QML plugin ${plugin#"$prefix"/}"
else
  qmldir=$(find "$prefix" -path '*/qml/CoCart/qmldir' | head -n1)
  [ -n "$qmldir" ] || fail "the QML module is not installed"
  qml_import_path=$(dirname "$(dirname "$qmldir")")
  echo "installed: $(find "$prefix" -type f | wc -l) files; QML module in ${qml_import_path#"$prefix"/}"
fi

cmake -S "$src/examples" -B "$tmp/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$tmp/build" >/dev/null
bin=$tmp/build

# A dev store from the installed tools package.
"$prefix/bin/cocart-devstore" --port 0 >"$tmp/store.log" 2>&1 &
store_pid=$!
url=
for _ in $(seq 100); do
  url=$(sed -n 's/^CoCart devstore listening on \(http[^ ]*\).*/\1/p' "$tmp/store.log" | head -n1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$tmp/store.log"; fail "cocart-devstore did not start"; }

"$prefix/bin/cocart" --version | grep -q '^cocart [0-9]' || fail "cocart --version"

# store-info: an app's own route through Session::get.
out=$("$bin/store-info/cocart-store-info-example" "$url")
echo "store-info: $out"
echo "$out" | grep -q '^CoCart Local (CoCart 4.3.6) in London, GB$' || fail "store-info"

# console: the first run logs in, the second restores from the keychain (a private keyring).
out=$(COCART_PASSWORD=customer-pass-123 "$src/tests/common/with-keyring.sh" sh -c \
  '"$1" "$2" customer1 && "$1" "$2" customer1' sh "$bin/console/cocart-console-example" "$url")
echo "console: $(echo "$out" | tr '\n' ';')"
[ "$out" = "logged in: signed in as Jane Doe
restored: signed in as Jane Doe" ] || fail "console: restore, then login only if restore failed"

# qml-shop: `import CoCart` from the installed QML module (or the linked static plugin), offscreen.
out=$(QML_IMPORT_PATH=$qml_import_path QT_QPA_PLATFORM=offscreen \
  "$bin/qml-shop/cocart-qml-shop-example" "$url" --quit-when-loaded 2>&1)
echo "qml-shop: $out"
echo "$out" | grep -q 'products loaded' || fail "qml-shop"
echo "examples against the installed package: ok"
