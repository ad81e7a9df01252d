#!/usr/bin/env bash
# Instructions per authenticated GET (issue 16), counted by callgrind: the SDK (Session::get) and
# a hand-written QNetworkAccessManager client with the same headers (bench/bench_gets.cpp), each
# at two request counts. (total(N2) - total(N1)) / (N2 - N1) is one GET's cost on each side, with
# start-up, sign-in and exit cancelled out. The store is `cocart-devstore` in its own process, not
# under callgrind: only the client is counted.
#
# Both sides run with QT_HASH_SEED=0: Qt's per-process random hash seed moves the cost of its
# metatype lookups by name (QNAM's string-based connects, for every request) by ±1 k per GET from
# run to run. What is left is malloc's (the network thread allocates concurrently): ±1 k at 200
# extra GETs, so the default difference is 800.
#
#   scripts/bench-instructions.sh [N1 N2]      (default 200 1000; builds the release preset)
# Environment: BUILD_DIR (default build-release), SKIP_BUILD=1 to use what is built.
set -euo pipefail
cd "$(dirname "$0")/.."
n1=${1:-200}
n2=${2:-1000}
build=${BUILD_DIR:-build-release}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  [ -f "$build/build.ninja" ] || cmake --preset release -B "$build" >/dev/null
  cmake --build "$build" --target bench_gets cocart-devstore
fi
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-instructions.XXXXXX")
store_pid=
cleanup() {
  [ -n "$store_pid" ] && kill "$store_pid" 2>/dev/null && wait "$store_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A generous token lifetime: no refresh may happen during the runs.
"$build/bin/cocart-devstore" --port 0 >"$work/store.out" 2>"$work/store.err" &
store_pid=$!
for _ in $(seq 100); do
  url=$(sed -n 's/^CoCart devstore listening on //p' "$work/store.out")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "${url:-}" ] || { echo "the devstore did not start" >&2; cat "$work/store.err" >&2; exit 1; }

# Total instructions (Ir) of the client, all threads, for one run.
count() { # mode n
  local out="$work/callgrind.$1.$2"
  local args=(--store "$url" --count "$2")
  [ "$1" = raw ] && args+=(--raw)
  QT_HASH_SEED=0 QT_LOGGING_RULES='*.debug=false' valgrind --tool=callgrind --callgrind-out-file="$out" \
    "$build/bin/bench_gets" "${args[@]}" >"$work/run.$1.$2.log" 2>&1 ||
    { echo "bench_gets $1 $2 failed:" >&2; cat "$work/run.$1.$2.log" >&2; exit 1; }
  sed -n 's/^summary: *//p' "$out" | head -1
}

declare -A total
for mode in sdk raw; do
  for n in "$n1" "$n2"; do
    total[$mode.$n]=$(count "$mode" "$n")
  done
done

per() { echo $(( (total[$1.$n2] - total[$1.$n1]) / (n2 - n1) )); }
sdk=$(per sdk)
raw=$(per raw)
printf 'instructions per GET (callgrind Ir, %s vs %s requests)\n' "$n1" "$n2"
printf '  SDK  (Session::get)      %10d   totals %s / %s\n' "$sdk" "${total[sdk.$n1]}" "${total[sdk.$n2]}"
printf '  raw  (QNetworkAccessManager) %6d   totals %s / %s\n' "$raw" "${total[raw.$n1]}" "${total[raw.$n2]}"
awk -v s="$sdk" -v r="$raw" 'BEGIN { printf "  ratio SDK/raw            %10.3f\n", s / r }'
