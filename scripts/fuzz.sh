#!/usr/bin/env bash
# Runs the loaders fuzzer (fuzz/loaders_fuzzer.cpp) for N seconds (default 60), starting from
# every shipped scenario, sweep and the regression inputs. New interesting inputs go to
# build/sanitize/fuzz-corpus (not the repository); a crash writes crash-* there and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
[ -x build/sanitize/fuzz/fuzz_loaders ] || { cmake --preset sanitize >/dev/null && cmake --build --preset sanitize --target fuzz_loaders; }
CORPUS=build/sanitize/fuzz-corpus
SEEDS=build/sanitize/fuzz-seeds
mkdir -p "$CORPUS" "$SEEDS"
cp scenarios/*.yaml scenarios/sweeps/*.yaml scenarios/targets/*.yaml tests/fuzz_regressions/* "$SEEDS"/ 2>/dev/null || true
cd build/sanitize
ASAN_OPTIONS=detect_leaks=1 ./fuzz/fuzz_loaders -max_total_time="$SECONDS_TO_RUN" -max_len=16384 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix=fuzz-corpus/ -print_final_stats=1 fuzz-corpus fuzz-seeds 2>&1 | tail -25
