// Enough runs, decided by the data (`compare --precision W`, README "Comparing scenarios").
// Runs are added in batches until every headline difference is resolved: its 95 % interval is
// narrower than a stated width, or its sign is known. Each look reports, per difference, the
// runs a power analysis says it needs, so an unresolved outcome says how far it is.
#pragma once
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace rf {

struct PrecisionRule {
  /// W: a difference is precise enough when the half-width of its 95 % interval is at most
  /// W * |mean of the first scenario| (the reference; |mean of the second| if that is 0).
  double relative_half_width = 0.0;
  std::size_t pilot = 20;      // runs per scenario at the first look (at least 2)
  std::size_t batch = 20;      // runs per scenario added at each further look (at least 1)
  std::size_t max_runs = 200;  // budget: runs per scenario
  double max_seconds = 0.0;    // budget: wall time; a look starts only if expected to end in it (0: none)
  double alpha = 0.05;         // error rate of a resolved sign over all looks (Bonferroni over the looks)
  double power = 0.8;          // of the sign test, in the power analysis

  /// Looks the budget of runs allows: 1 + ceil((max_runs - pilot) / batch).
  [[nodiscard]] std::size_t looks() const;
  /// Level at which each look tests the sign: alpha / looks(), so that the chance of calling a
  /// sign at any look when the true difference is 0 stays at most alpha.
  [[nodiscard]] double sign_alpha() const;
  /// Throws UsageError naming the setting out of range.
  void check() const;
  /// One sentence stating the rule, as printed and stored with the tables.
  [[nodiscard]] std::string text(const std::string& reference_scenario, bool paired) const;
};

/// Where one difference (second scenario minus first) stands against the rule.
struct Resolution {
  double difference = 0.0;         // mean (paired) difference
  double half_width = 0.0;         // of its 95 % t interval (paired t, or Welch if unpaired)
  double target_half_width = 0.0;  // W * |reference mean|
  double sd_per_run = 0.0;         // sd of the paired differences, or sqrt(sd_a^2 + sd_b^2) unpaired
  bool sign_resolved = false;      // the (1 - sign_alpha) interval excludes 0
  bool width_resolved = false;     // half_width <= target_half_width
  /// Power analysis from the runs so far (per scenario; infinite when unreachable):
  /// for the width, n = (z_0.975 sd / target)^2; for the sign, taking the observed difference as
  /// the true one, n = ((z_{1 - sign_alpha/2} + z_power) sd / |difference|)^2.
  double runs_for_width = 0.0;
  double runs_for_sign = 0.0;
  [[nodiscard]] bool resolved() const { return sign_resolved || width_resolved; }
  [[nodiscard]] double runs_needed() const;  // the smaller of the two
};

/// Assesses b - a (runs of a and b paired by index if `paired`; the same count either way).
Resolution assess(std::span<const double> a, std::span<const double> b, bool paired, const PrecisionRule& rule);

struct StopRecord {
  std::size_t runs = 0;   // per scenario
  std::size_t looks = 0;  // looks taken
  double seconds = 0.0;   // wall time of all looks
  std::string reason;     // "resolved", "run budget" or "time budget"
};

/// The sequential loop: `extend_to(n)` brings every scenario to n runs and returns the
/// resolutions of the headline differences; called with pilot, pilot + batch, ... until all are
/// resolved or a budget ends it.
StopRecord run_until_resolved(const PrecisionRule& rule, const std::function<std::vector<Resolution>(std::size_t)>& extend_to);

}  // namespace rf
