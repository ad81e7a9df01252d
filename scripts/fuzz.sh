#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang 14, ASan + UBSan) in build-fuzz/ and runs each for
# FUZZ_SECONDS (default 60) from the committed seeds (fuzz/corpus/<target>/; new inputs go to a
# scratch copy). Fails on any crash, leak, sanitizer report or timeout; a crashing input is kept
# in build-fuzz/artifacts/. Standalone; ends with a one-line summary. FUZZ_TARGETS limits the set.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"fuzz_jwt fuzz_reply fuzz_money fuzz_devstore_request"}
scripts/install-deps.sh clang libclang-rt-14-dev

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
CXX=clang++ CC=clang cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCOCART_BUILD_FUZZERS=ON -DCOCART_BUILD_TESTS=OFF -DCOCART_BUILD_APP=OFF \
  -DCOCART_BUILD_BENCH=OFF -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
# shellcheck disable=SC2086
cmake --build build-fuzz --target $targets --parallel "$(nproc)"

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
mkdir -p build-fuzz/artifacts
summary=""
rc=0
for target in $targets; do
  work=build-fuzz/corpus/$target
  mkdir -p "$work"
  cp -n fuzz/corpus/"$target"/* "$work"/ 2>/dev/null || true
  log=build-fuzz/$target.log
  status=0
  build-fuzz/bin/"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/"$target"- \
    "$work" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2 || true)
  if [ "$status" -ne 0 ]; then
    rc=1
    echo "$target FAILED (exit $status); log: $log" >&2
    grep -aE 'ERROR|runtime error|SUMMARY|Test unit written' "$log" | head -20 >&2 || true
  fi
  summary+="$target: ${execs:-?} execs, cov ${cov:-?}$([ "$status" -eq 0 ] || echo ' FAILED'); "
done
echo "fuzz.sh: $([ $rc -eq 0 ] && echo PASSED || echo FAILED): ${summary}${seconds} s each," \
     "$(( $(date +%s) - start )) s in all"
exit $rc
