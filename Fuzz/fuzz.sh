#!/usr/bin/env bash
# Builds each libFuzzer target (release, fuzzer + address sanitizers) and runs it for SECONDS
# seconds from its committed seed corpus. Usage: Fuzz/fuzz.sh SECONDS [TARGET...]
#
# The committed corpus (Fuzz/corpus/<target>) is copied into .fuzz/<target>/corpus, which the
# fuzzer grows; crashes, hangs (more than 10 s on one input) and leaks go to .fuzz/<target>/
# as crash-*, timeout-*, leak-* or oom-*. .fuzz/ is not in git. The exit code is 1 when any target
# found a problem.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:?usage: Fuzz/fuzz.sh SECONDS [TARGET...]}
shift
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(FuzzExtractor FuzzCSV FuzzDates)
SCRATCH=.build-fuzz   # its own build folder: the sanitized objects never mix with .build
failed=0
for target in "${TARGETS[@]}"; do
  echo "== $target: building (release, -sanitize=fuzzer,address)"
  # ld.gold warns `Cannot export local symbol '__asan_*'` about a hundred times; harmless.
  TALLY_FUZZ=1 swift build -c release --scratch-path "$SCRATCH" --product "$target" \
    --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address 2>&1 \
    | grep -v -e "Cannot export local symbol '__asan" -e "^warning: Cannot export"
  built=${PIPESTATUS[0]}
  binary="$SCRATCH/release/$target"
  # A failed build must not fall back on an older binary.
  if [ "$built" -ne 0 ] || [ ! -x "$binary" ]; then echo "$target: build failed"; failed=1; continue; fi
  work=".fuzz/$target"
  mkdir -p "$work/corpus"
  cp -n Fuzz/corpus/"$target"/* "$work/corpus/" 2>/dev/null || true
  echo "== $target: fuzzing for $SECONDS_PER_TARGET s from $(ls "$work/corpus" | wc -l) inputs"
  # The Swift backtracer crashes under ASan; with it off, libFuzzer reports the failure itself.
  SWIFT_BACKTRACE=enable=no "$binary" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
    -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 -artifact_prefix="$work/" \
    "$work/corpus" >"$work/log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
  cov=$(grep -E '^#[0-9]+.*cov: ' "$work/log" | tail -1 | sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+).*/coverage \1, features \2, corpus \3/')
  if [ $status -eq 0 ]; then
    echo "$target: ${runs:-?} executions in $SECONDS_PER_TARGET s, ${cov:-no coverage line}; no crash, no hang"
  else
    failed=1
    echo "$target: FAILED (exit $status) after ${runs:-?} executions, ${cov:-no coverage line}"
    grep -E -A25 'ERROR: |==[0-9]+== ERROR|Fatal error|deadly signal|Test unit written' "$work/log" | head -60
    ls "$work"/crash-* "$work"/timeout-* "$work"/leak-* "$work"/oom-* 2>/dev/null
  fi
done
exit $failed
