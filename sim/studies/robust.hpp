// `compare --robust N` (docs/MODEL.md 8, "Assumptions varied"): is a difference between two
// scenarios a consequence of their assumed values? N points of a Latin hypercube over the plausible
// ranges of both scenarios' assumed values; at each point both scenarios run the comparison's runs
// with common seeds, and the paired differences are tested as in the main table (paired t, Holm or
// BH across outcomes). Per outcome: the share of points where the difference keeps the sign it has
// at the scenarios' own values and is resolved, the share where it is resolved with the other
// sign, and a screen of which assumptions move the difference most (Spearman rank correlation
// coefficients of each assumption with the point's mean paired difference).
//
// Where a range comes from, per scenario, region and parameter (real or integer):
//   - the scenario's `ranges:` block (sim/config/assumption_ranges.hpp), else
//   - the table's range (models/plausible_ranges.def) when the scenario keeps the table default;
//   - a value the scenario changed without giving its range is held at its value (listed as held).
// A parameter with the same value and the same range in both scenarios is one dimension, varied
// jointly (the same value in both): it is an assumption about behaviour the two cities share, and
// varying it separately would add a difference between the cities that neither scenario assumes.
// A parameter whose value or range differs is one dimension per scenario (an assumption about
// each city on its own). Ranges vary values from month 0; dated changes keep their values.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config/scenario.hpp"
#include "sim/studies/design.hpp"

namespace rf {

class ResultFile;

/// One coordinate of the design: a parameter of a region moved in one or both scenarios.
struct RobustDimension {
  std::string name;  // "policy.reversal_months" (joint) or "nanjing: policy.reversal_probability"
  const ParamSpec* spec = nullptr;
  std::int32_t region = -1;       // region index (in each scenario it moves); -1: simulation
  std::vector<bool> moves;        // [scenario]
  std::vector<double> low, high;  // [scenario]: the range (NaN where it does not move)
  std::string origin;             // "table" or the file:line:column of the scenario's range
  [[nodiscard]] bool joint() const { return moves.size() == 2 && moves[0] && moves[1]; }
  /// The value at unit coordinate u in [0, 1] for scenario k: linear in the range, integers rounded.
  [[nodiscard]] double value(std::size_t k, double u) const;
};

/// The dimensions of two scenarios' assumption space (rules above); `held` receives the values a
/// scenario changed from an assumed table default without a range of its own ("name: path").
/// Throws UsageError when a value (after --set) lies outside the scenario's own range.
std::vector<RobustDimension> robust_dimensions(const std::vector<Scenario>& scenarios, const std::vector<std::string>& names,
                                               std::vector<std::string>& held);

/// The Latin hypercube of `points` points over `dims` dimensions, from the counter-based streams
/// keyed on `seed` (its own stream number, so a sweep with the same seed draws another design).
DesignMatrix robust_design(std::size_t points, std::size_t dims, std::uint64_t seed);

/// Scenario k with every dimension that moves it set to its value at `point`, then validated
/// (throws ScenarioError when the point breaks a rule across parameters).
Scenario robust_scenario(const Scenario& s, std::size_t k, const std::vector<RobustDimension>& dims, const DesignMatrix& design,
                         std::size_t point);

/// What `compare --robust` measured, and its summary per outcome.
struct RobustReport {
  std::size_t points = 0, runs = 0;  // design points; runs per scenario at each point
  std::uint64_t seed = 0;
  double alpha = 0.05;  // an adjusted p below it resolves a sign
  std::string correction;
  std::vector<RobustDimension> dimensions;
  std::vector<std::string> held;
  DesignMatrix design;
  std::vector<bool> valid;                            // [point]: both scenarios pass validation there
  std::vector<std::string> invalid;                   // [point]: why not ("" when valid)
  std::vector<std::vector<double>> difference;        // [point][outcome]: mean paired difference second - first
  std::vector<std::vector<double>> p_adjusted;        // [point][outcome]: paired t p, adjusted across outcomes
  std::vector<double> baseline_difference;            // [outcome]: at the scenarios' own values
  std::vector<double> baseline_p_adjusted;            // [outcome]
  std::vector<double> kept, flipped, unresolved;      // [outcome]: shares of the valid points
  std::vector<std::vector<double>> rank_correlation;  // [dimension][outcome]: Spearman, over valid points
  [[nodiscard]] std::size_t valid_points() const;
  /// |rho| above which a rank correlation over the valid points differs from 0 at the 5 % level
  /// (normal approximation 1.96 / sqrt(n - 1)).
  [[nodiscard]] double rank_correlation_threshold() const;
  /// The sign a point's difference is tested against: that of the baseline mean difference.
  [[nodiscard]] int reference_sign(std::size_t outcome) const;
  /// The dimensions in decreasing |rho| for an outcome.
  [[nodiscard]] std::vector<std::size_t> ranking(std::size_t outcome) const;
};

/// Fills kept, flipped, unresolved and rank_correlation from the points' differences.
void summarize_robust(RobustReport& r);

/// /compare/robust/...: the design, each point's differences and the summary (docs/OUTPUT.md).
void write_robust(ResultFile& file, const RobustReport& r, const std::vector<std::string>& scenarios,
                  const std::vector<std::string>& outcomes);

}  // namespace rf
