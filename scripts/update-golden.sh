#!/usr/bin/env bash
# Re-bless tests/golden/*.txt from the current build. Only for intended changes of results:
# say why in docs/MODEL.md and in the commit message. Usage: scripts/update-golden.sh [preset]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
cmake --build --preset "$preset" --target rainforest_tests
RF_UPDATE_GOLDEN=1 "build/$preset/tests/rainforest_tests" --gtest_filter='Presets/Golden.*'
git --no-pager diff --stat -- tests/golden
