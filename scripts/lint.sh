#!/usr/bin/env bash
# Checks formatting (clang-format) and runs clang-tidy (.clang-tidy) on the engine, model and
# test sources. Needs a configured build for compile_commands.json: cmake --preset release.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files 'sim/*.cpp' 'sim/*.hpp' 'models/*.cpp' 'models/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'fuzz/*.cpp')
clang-format --dry-run --Werror "${sources[@]}"
mapfile -t units < <(git ls-files 'sim/*.cpp' 'models/*.cpp')
# Two processes: the machine has two cores and clang-tidy is the slowest part of the suite.
printf '%s\n' "${units[@]}" | xargs -P 2 -n 8 clang-tidy -p build/release --quiet --extra-arg=-Wno-unknown-warning-option \
  > build/clang-tidy.log 2>&1 || {
  grep -E "(warning|error):" build/clang-tidy.log >&2
  exit 1
}
echo "lint: clang-format and clang-tidy clean"
