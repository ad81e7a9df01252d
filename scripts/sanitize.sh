#!/usr/bin/env bash
# Builds the whole tree with AddressSanitizer + UndefinedBehaviorSanitizer (the `asan` preset, in
# build-asan/) and runs every ctest suite under it with LeakSanitizer on. Standalone: installs
# what it needs, exits non-zero on any finding or failure, ends with a one-line summary.
# Extra arguments go to ctest (e.g. -R tst_session). Leak suppressions: scripts/lsan.supp (Qt's
# own internals only, matched by frames a few calls deep).
# CI runs it (.ci/run). The preset builds with -g1 (line tables, enough for sanitizer stacks) and
# without bench/ (no suite uses it): every suite, in less build time.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/install-deps.sh

cmake --preset asan >/dev/null
cmake --build --preset asan --parallel "$(nproc)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/runtime" "$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime" XDG_CACHE_HOME="$tmp/cache"
export QT_QPA_PLATFORM=offscreen QML_DISABLE_DISK_CACHE=1 MESA_SHADER_CACHE_DISABLE=true
# halt_on_error: a finding fails the test that made it. Leaks are reported at exit (LSan).
# fast_unwind_on_malloc=0: Qt and OpenSSL are built without frame pointers, so the fast unwinder
# stops after one frame and no suppression could name the Qt/OpenSSL function that allocated.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:strict_init_order=1:fast_unwind_on_malloc=0"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

rc=0
# Two at a time, as the plain run (half the wall time of a serial run: 355 s against 669 s).
ctest --test-dir build-asan --output-on-failure --timeout 600 -j"$(nproc)" "$@" || rc=$?
log=build-asan/Testing/Temporary/LastTest.log
findings=$(grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$log" || true)
[ "$findings" -eq 0 ] || rc=1
echo "sanitize.sh: $([ $rc -eq 0 ] && echo PASSED || echo FAILED): ctest exit $rc," \
     "$findings sanitizer reports, $(( $(date +%s) - start )) s"
exit $rc
