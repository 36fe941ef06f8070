// `rainforest compare`: several scenarios run with the same seeds (common random numbers),
// key outcomes per scenario with 95 % intervals, differences with effect sizes and p-values,
// and optionally the Shapley decomposition of the gap over groups of levers (exact for up to 8
// groups, from sampled orders of the groups beyond).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/base/stats.hpp"
#include "sim/studies/study_options.hpp"

namespace rf {

struct CompareSettings : StudyOptions {
  CompareSettings() { runs = 30; }
  std::vector<std::string> scenario_files;
  std::string outcomes_file;
  std::string groups_file;
  std::size_t decompose_runs = 8;
  std::size_t permutations = 32;  // random orders of groups when there are more than 8 groups
  bool decompose = false;
};

/// Shapley values of lever groups for the gap first - second scenario, per outcome.
struct ShapleyDecomposition {
  std::vector<std::string> groups;
  bool exact = true;                              // all coalitions (up to 8 groups), else sampled orders of the groups
  std::size_t runs = 0;                           // runs per counterfactual
  std::vector<std::vector<stats::Interval>> phi;  // [group][outcome]: mean and 95 % interval over runs
  std::vector<stats::Interval> explained;         // [outcome]: v(all groups moved) - v(none)
  std::vector<double> gap;                        // [outcome]: mean of the first - mean of the second
};

/// What `rainforest compare` prints; the file holds the same tables and every run.
struct CompareResult {
  std::vector<std::string> scenarios;  // group names in the file; differences are to the first
  std::vector<std::string> outcomes;
  std::vector<std::vector<stats::Interval>> intervals;      // [scenario][outcome]
  std::vector<std::vector<stats::Comparison>> differences;  // [scenario - 1][outcome]: scenario vs the first
  std::optional<ShapleyDecomposition> decomposition;
};

/// Runs the comparison and writes its tables (and every run) to `out`.
CompareResult run_compare(const CompareSettings& settings);

/// Exact Shapley weights |S|! (n - |S| - 1)! / n! for coalition sizes 0 .. n-1.
std::vector<double> shapley_weights(std::size_t n);

}  // namespace rf
