#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on its defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p results
build/release/rainforest run scenarios/default.yaml --runs 32 --out results/default.h5 --force
