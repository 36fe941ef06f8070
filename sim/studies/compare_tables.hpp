// The statistics tables of `rainforest compare`: for each scenario against the first, the
// differences of every outcome with paired tests (common seeds) or unpaired ones (independent
// seeds), p-values adjusted across the table's outcomes, and the precision the runs reached.
// Layout in docs/OUTPUT.md ("Comparison files"); sim/cli/compare_command.cpp prints them.
#pragma once
#include <string>
#include <vector>

#include "sim/base/multiplicity.hpp"
#include "sim/base/paired_stats.hpp"
#include "sim/base/stats.hpp"
#include "sim/io/result_file.hpp"
#include "sim/studies/precision.hpp"

namespace rf {

/// values[outcome][run] of one scenario.
using OutcomeRuns = std::vector<std::vector<double>>;

struct DifferenceRow {
  stats::Comparison unpaired;      // Welch interval and test, Cohen's d, rank test
  stats::PairedComparison paired;  // paired t interval and test, Cohen's d_z, Wilcoxon signed-rank (paired design only)
  double welch_p_adjusted = 1, rank_p_adjusted = 1, t_p_adjusted = 1, wilcoxon_p_adjusted = 1;
};

/// The second scenario minus the first, outcome by outcome.
struct Differences {
  std::string first, second;  // scenario names
  bool paired = true;         // runs share seeds: run i of both is one pair
  stats::Correction correction = stats::Correction::Holm;
  std::vector<DifferenceRow> rows;
  [[nodiscard]] std::string name() const { return second + "_minus_" + first; }
};

/// Tests every outcome; each family of p-values (Welch, rank, paired t, Wilcoxon) is adjusted
/// across the outcomes with `correction`. In a paired design a and b need the same runs.
Differences differences(const std::string& first, const std::string& second, const OutcomeRuns& a, const OutcomeRuns& b,
                        bool paired, stats::Correction correction);

/// /compare/differences/<name> and, if paired, /compare/paired/<name>.
void write_differences(ResultFile& file, const Differences& d, const std::vector<std::string>& outcomes);

/// What `compare --precision` did and where each difference stands at the end.
struct PrecisionReport {
  std::string reference;  // the first scenario, whose mean scales the width target
  bool paired = true;
  PrecisionRule rule;
  StopRecord stop;
  std::vector<bool> headline;                        // [outcome]
  std::vector<std::string> comparisons;              // Differences::name() of each
  std::vector<std::vector<Resolution>> resolutions;  // [comparison][outcome]
  /// "comparison: outcome" of each headline outcome left unresolved.
  [[nodiscard]] std::vector<std::string> unresolved(const std::vector<std::string>& outcomes) const;
  [[nodiscard]] std::string rule_text() const { return rule.text(reference, paired); }
};

/// /compare/precision/<comparison>, each with the rule and how the runs stopped as attributes.
void write_precision(ResultFile& file, const PrecisionReport& p, const std::vector<std::string>& outcomes);

}  // namespace rf
