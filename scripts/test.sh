#!/usr/bin/env bash
# README command 2: set up, build, and run the whole test suite (Release, warnings as errors),
# then the sanitizer jobs and the fuzzer (scripts/sanitize.sh; RF_SKIP_SANITIZERS=1 skips them).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --preset release
if [ "${RF_SKIP_SANITIZERS:-0}" != "1" ]; then
  scripts/sanitize.sh
fi
