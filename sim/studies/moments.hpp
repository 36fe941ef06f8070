// Moments: numbers computed from one run (a metric at the end, a sum over months, a ratio of
// sums, a growth factor, the state-owned share of the top firms' revenue, and from the firm event
// log survival and hazard by age and venture outcomes). Targets files and
// comparison outcome files are lists of them (format in docs/OUTPUT.md, "Moments").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/config/scenario.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/studies/firm_demography.hpp"

namespace rf {

struct Moment {
  enum class Kind {
    Final,
    Initial,
    Growth,
    Sum,
    Mean,
    Ratio,
    TopStateShare,
    Survival,
    Hazard,
    MultipleShare,
    FundedOutcome,
    ResolutionShare,
    AcquisitionPriceShare
  };
  std::string name, description, source;
  Kind kind = Kind::Final;
  std::vector<int> metrics;      // summed metric indices
  std::vector<int> denominator;  // Ratio only
  int last_months = 0;           // Sum, Mean, Ratio: only the last N months (0: all)
  int to_month = 0;              // Growth: month compared with month 0 (0: the last; NaN in a shorter run)
  std::string region;            // region name; empty: the first region
  bool per_full_scale = false;   // divide by simulation.scale: a count for the real city
  double top = 100;              // TopStateShare: top firms by revenue at full scale
  // Event-log kinds (sim/studies/firm_demography.hpp):
  int age_months = 0;                                  // Survival: age; Hazard: start of the age year
  double threshold = 1.0;                              // MultipleShare: the multiple compared with
  bool below = true;                                   // MultipleShare: share below (true) or at least (false)
  MultipleWeight weight = MultipleWeight::Financings;  // MultipleShare
  int cohort_months = 36;  // FundedOutcome, and the share kinds: first rounds in months [0, this) (the shares' default 0: all)
  int follow_months = 0;   // FundedOutcome, and the share kinds: outcomes within this of the first round (0: run end)
  FundedOutcome outcome = FundedOutcome::Exit;  // FundedOutcome
  FundedExit resolution = FundedExit::Failure;  // ResolutionShare
  int resolved_from_month = 0;                  // the share kinds: resolutions in this month of the run or later

  /// True for the kinds computed from the firm event log (they need simulation.event_log).
  [[nodiscard]] bool needs_events() const;
  // Target (targets files only): a value with a tolerance, or bounds.
  std::optional<double> value, tolerance, min, max;
  // Sampling standard error of the published value (targets files only, with value), where its
  // source gives the sample it rests on; `calibrate --inference` uses it as the data's standard
  // error instead of the tolerance, which is a judgement of how far sources disagree.
  std::optional<double> standard_error;

  /// True if `simulated` meets the target (always true without one).
  [[nodiscard]] bool meets(double simulated) const;
  /// True if the interval [low, high] (say, the 95 % interval of a mean) overlaps the target band.
  [[nodiscard]] bool reached_by(double low, double high) const;
  [[nodiscard]] std::string target_text() const;
};

/// Reads `key:` (targets or outcomes) from a YAML file; errors name file, line and column.
std::vector<Moment> load_moments(const std::string& path, const std::string& key);

/// The moment's value in one run of `scenario`. Event-log kinds are NaN when the run has too few
/// events to define them (no firm at the age, no resolved funded firm); UsageError if the run has
/// no event log. For the share kinds of the event log (multiple_share, resolution_share,
/// acquisition_price_share, funded_outcome), `counts` (optional) receives the simulated items the
/// share rests on; it is left as it is for other kinds.
double evaluate(const Moment& m, const RunResult& run, const Scenario& scenario, ShareCounts* counts = nullptr);

}  // namespace rf
