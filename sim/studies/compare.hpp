// `rainforest compare`: several scenarios run with the same seeds (common random numbers),
// key outcomes per scenario with 95 % intervals, differences with effect sizes and p-values,
// and optionally the Shapley decomposition of the gap over groups of levers (exact for up to 8
// groups, from sampled orders of the groups beyond).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace rf {

struct CompareSettings {
  std::vector<std::string> scenario_files;
  std::vector<std::string> overrides;  // applied to every scenario
  std::string outcomes_file;
  std::string groups_file;
  std::size_t runs = 30;
  std::size_t decompose_runs = 8;
  std::size_t permutations = 32;  // random orders of groups when there are more than 8 groups
  std::uint64_t seed = 1;
  unsigned threads = 0;  // 0: all hardware threads
  bool decompose = false;
  bool quiet = false;
  bool force = false;
  std::string out;
  std::string command_line;
};

/// Runs the comparison, prints its tables and writes them (and every run) to `out`.
void run_compare(const CompareSettings& settings);

/// Exact Shapley weights |S|! (n - |S| - 1)! / n! for coalition sizes 0 .. n-1.
std::vector<double> shapley_weights(std::size_t n);

}  // namespace rf
