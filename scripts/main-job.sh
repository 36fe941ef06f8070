#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on its defaults: Hangzhou vs Nanjing,
# 30 runs each with common seeds, into results/hangzhou-vs-nanjing.h5, and its HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p results
build/release/rainforest compare scenarios/hangzhou.yaml scenarios/nanjing.yaml --runs 30 \
  --out results/hangzhou-vs-nanjing.h5 --force
# The report: figures of the comparison, with the file's provenance.
build/release/rainforest report results/hangzhou-vs-nanjing.h5 --out results/hangzhou-vs-nanjing-report --force
echo "report: $(pwd)/results/hangzhou-vs-nanjing-report/index.html"
