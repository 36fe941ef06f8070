#!/usr/bin/env bash
# README command 1: set up, build, and run the main job: Hangzhou vs Nanjing with common seeds at
# 5 % of the real firm population, as many runs as the headline outcomes need (README, "Enough
# runs, decided by the data"), into results/hangzhou-vs-nanjing.h5, and its HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p results
# Headline: startup births, unicorns, innovations and technology firms, as totals and per initial
# firm. Each must have its paired difference known to +-10 % of Hangzhou's mean or its sign
# resolved; pilot 20 runs per city, then batches of 10, at most 150. At 5 % scale this takes the
# least CPU time of the scales measured (docs/MODEL.md, section 9).
build/release/rainforest compare scenarios/hangzhou.yaml scenarios/nanjing.yaml --set simulation.scale=0.05 \
  --precision 0.1 --runs 20 --batch 10 --max-runs 150 \
  --headline startup_births,startup_births_per_firm,unicorns,unicorns_per_firm,innovations,innovations_per_firm,tech_firms,tech_firms_per_firm \
  --out results/hangzhou-vs-nanjing.h5 --force
# The report: figures of the comparison, with the file's provenance.
build/release/rainforest report results/hangzhou-vs-nanjing.h5 --out results/hangzhou-vs-nanjing-report --force
echo "report: $(pwd)/results/hangzhou-vs-nanjing-report/index.html"
