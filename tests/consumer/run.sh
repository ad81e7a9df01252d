#!/bin/sh
# The installed package works for projects outside this tree: installs the build tree into a
# temporary prefix, checks the installed surface (no private header, QtKeychain not in the
# public link interface, the QML module where Qt looks, or the static QML plugin of a
# -DBUILD_SHARED_LIBS=OFF build), the package's version and QML folder variable, where a custom
# prefix puts the QML module, builds examples/ against it with
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

# The package's version matches its header comment, and it says where the QML module is.
config=$(dirname "$targets")/CoCartQtConfig.cmake
version=$(sed -n 's/^set(PACKAGE_VERSION "\([0-9]*\.[0-9]*\).*/\1/p' "$(dirname "$targets")/CoCartQtConfigVersion.cmake")
grep -q "find_package(CoCartQt \[$version\]" "$config" || fail "CoCartQtConfig.cmake's comment is not for version $version"
grep -q 'CoCartQt_QML_IMPORT_DIR' "$config" || fail "the package exports no CoCartQt_QML_IMPORT_DIR"

# A custom prefix keeps the QML module beside the library (<prefix>/lib/qt6/qml), not under
# Qt's own multiarch folder (configure only: the install rules say where things go).
if [ -n "$qml_import_path" ]; then
  cmake -S "$src" -B "$tmp/layout" -G Ninja -DCMAKE_INSTALL_PREFIX=/opt/cocart-layout \
    -DCOCART_BUILD_TESTS=OFF -DCOCART_BUILD_APP=OFF -DCOCART_BUILD_BENCH=OFF -DCOCART_BUILD_DOCS=OFF >/dev/null
  grep -q '"${CMAKE_INSTALL_PREFIX}/lib/qt6/qml/CoCart"' "$tmp/layout/sdk/cmake_install.cmake" ||
    fail "with -DCMAKE_INSTALL_PREFIX=/opt/cocart-layout the QML module is not in lib/qt6/qml: $(grep -o '"${CMAKE_INSTALL_PREFIX}/[^"]*qml[^"]*"' "$tmp/layout/sdk/cmake_install.cmake" | head -n1)"
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

# qml-shop: `import CoCart` from the installed QML module, found through the package's
# CoCartQt_QML_IMPORT_DIR (no QML_IMPORT_PATH), or the linked static plugin; offscreen.
out=$(QT_QPA_PLATFORM=offscreen \
  "$bin/qml-shop/cocart-qml-shop-example" "$url" --quit-when-loaded 2>&1)
echo "qml-shop: $out"
echo "$out" | grep -q 'products loaded' || fail "qml-shop"
# widgets-cart: a QTableView over CartTableModel; signs in, adds a mug, edits its quantity
# through the view's model (Cart::setQuantity), prints the table.
out=$(COCART_PASSWORD=customer-pass-123 QT_QPA_PLATFORM=offscreen \
  "$bin/widgets-cart/cocart-widgets-cart-example" "$url" customer1 --add 10 --quit-when-loaded \
  2>"$tmp/widgets.err") || { cat "$tmp/widgets.err"; fail "widgets-cart"; }
echo "widgets-cart: $(echo "$out" | tr '\n' ';')"
[ "$out" = "Test Mug | 2 | £12.50 | £25.00
Total: £25.00" ] || { cat "$tmp/widgets.err"; fail "widgets-cart"; }
echo "examples against the installed package: ok"
