#!/usr/bin/env bash
# Sanitizer jobs (docs/RELIABILITY.md): unit tests under AddressSanitizer + UndefinedBehaviorSanitizer,
# the multi-threaded run and sweep tests under ThreadSanitizer, then the loaders fuzzer for a
# bounded time. Needs clang (scripts/setup.sh installs it). Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${RF_FUZZ_SECONDS:-60}"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer: unit and CLI tests"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize
ctest --preset sanitize

echo "== ThreadSanitizer: multi-threaded run, sweep and ensemble tests"
cmake --preset tsan >/dev/null
cmake --build --preset tsan --target rainforest rainforest_tests
ctest --preset tsan

echo "== libFuzzer: scenario and sweep loaders for ${FUZZ_SECONDS} s"
scripts/fuzz.sh "$FUZZ_SECONDS"
