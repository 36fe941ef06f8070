#!/usr/bin/env bash
# Checks formatting (clang-format) and runs clang-tidy (.clang-tidy) on the engine, model and
# test sources. Needs a configured build for compile_commands.json: cmake --preset release.
#   scripts/lint.sh                 everything (format, then clang-tidy on all of sim/ and models/)
#   scripts/lint.sh format          clang-format only
#   scripts/lint.sh tidy DIR...     clang-tidy on the .cpp files under the given folders
# CTest runs the format check and one clang-tidy test per group of layers (tests/CMakeLists.txt),
# so that each has its own timeout and ctest -j spreads them over the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-all}"
[ $# -gt 0 ] && shift

check_format() {
  mapfile -t sources < <(git ls-files 'sim/*.cpp' 'sim/*.hpp' 'models/*.cpp' 'models/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'fuzz/*.cpp')
  clang-format --dry-run --Werror "${sources[@]}"
}

# clang-tidy on the .cpp files of the folders given; `jobs` processes.
run_tidy() {
  local jobs="$1"
  shift
  local patterns=()
  for dir in "$@"; do patterns+=("$dir/*.cpp"); done
  mapfile -t units < <(git ls-files "${patterns[@]}")
  if [ "${#units[@]}" -eq 0 ]; then
    echo "lint: no sources under $*" >&2
    exit 2
  fi
  local log="build/clang-tidy-$(echo "$*" | tr ' /' '__').log"
  printf '%s\n' "${units[@]}" | xargs -P "$jobs" -n 4 clang-tidy -p build/release --quiet \
    --extra-arg=-Wno-unknown-warning-option >"$log" 2>&1 || {
    grep -E "(warning|error):" "$log" >&2
    exit 1
  }
}

case "$mode" in
  all)
    check_format
    run_tidy 2 sim models  # two processes: the machine has two cores
    echo "lint: clang-format and clang-tidy clean"
    ;;
  format)
    check_format
    echo "lint: clang-format clean"
    ;;
  tidy)
    run_tidy 1 "$@"
    echo "lint: clang-tidy clean on $*"
    ;;
  *)
    echo "usage: scripts/lint.sh [all | format | tidy DIR...]" >&2
    exit 2
    ;;
esac
