// The null model of a comparison (`compare --null`): the first scenario run a second time with
// independent seeds, so that each pair of runs is two identical cities that differ only by
// chance. The distribution of their gap says how large a gap chance alone produces, and for each
// observed comparison how often a single pair of identical cities differs by at least the
// observed mean gap (the real cities are one history each, so that is the chance a gap of that
// size between two real cities owes nothing to their differences).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "sim/studies/compare_tables.hpp"

namespace rf {

class ResultFile;

/// The gap copy - first of one outcome over the null pairs.
struct NullGap {
  std::size_t pairs = 0;  // runs of the copy, each paired with the first scenario's run of the same index
  double mean = 0.0, sd = 0.0;
  double q025 = 0.0, median = 0.0, q975 = 0.0;  // type-7 sample quantiles (Hyndman & Fan 1996)
};

/// How often chance alone gives the observed gap of one comparison and outcome.
struct NullChance {
  double observed = 0.0;     // mean of the second scenario - mean of the first
  std::size_t at_least = 0;  // null pairs whose |gap| >= |observed|
  std::size_t pairs = 0;     // null pairs counted
  double share() const { return pairs == 0 ? 0.0 : static_cast<double>(at_least) / static_cast<double>(pairs); }
};

struct NullModel {
  std::string copy_of;                          // the scenario run twice
  std::vector<NullGap> gaps;                    // [outcome]
  std::vector<std::string> comparisons;         // "second - first" of each observed comparison
  std::vector<std::vector<NullChance>> chance;  // [comparison][outcome]
};

/// Empirical quantile of `x` at probability `p` in [0, 1] (type 7, R's default: linear
/// interpolation between order statistics). Throws std::invalid_argument if `x` is empty.
double sample_quantile(std::vector<double> x, double p);

/// The null model from the first scenario's runs `first` and the copy's `copy` ([outcome][run],
/// the same shape), and the observed mean gaps `observed` ([comparison][outcome]) named by
/// `comparisons` (the scenario names). Throws std::invalid_argument when the shapes differ.
NullModel null_model(const std::string& copy_of, const OutcomeRuns& first, const OutcomeRuns& copy,
                     const std::vector<std::string>& comparisons, const std::vector<std::vector<double>>& observed);

/// Writes /compare/null/gap [outcome, 6: pairs, mean, sd, q025, median, q975] and, per
/// comparison, /compare/null/chance/<scenario>_minus_<first> [outcome, 4: observed, at_least,
/// pairs, share], with the attributes scenario and baseline.
void write_null_model(ResultFile& file, const NullModel& m, const std::vector<std::string>& outcomes);

}  // namespace rf
