// Validation 11: firm survival, hazard by age and venture outcomes of the shipped Hangzhou preset
// against published registry statistics and venture studies (scenarios/targets/demography.yaml,
// docs/VALIDATION.md 11).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "sim/base/rng.hpp"
#include "sim/base/stats.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/studies/firm_demography.hpp"
#include "sim/studies/moments.hpp"

namespace rf {

namespace {

constexpr std::size_t kRuns = 20;

/// Checks the preset misses today, each with the reason in docs/VALIDATION.md 11. The test fails
/// if one of them starts to pass, so that the documentation is updated with the model.
const std::set<std::string> kKnownFailures = {
    // Counted over the funded firms resolved in the run's last three years (the studies' design,
    // since 2026-12-02), too many financings return under 1x (0.78 against at most 0.65) because
    // too many funded firms fail (0.51 against at most 0.45, CCIA's 36 % +-25 %), and too few list
    // (about 0.006 against at least 0.03, resting on a handful of simulated listings).
    "financings_under_1x",
    "resolved_failed_share",
    "resolved_ipo_share",
};

struct Ensemble {
  Scenario scenario;
  std::vector<RunResult> runs;
};

const Ensemble& hangzhou() {
  static const Ensemble e = [] {
    Ensemble out;
    out.scenario = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/hangzhou.yaml");
    EnsembleOptions eo;
    for (std::size_t i = 0; i < kRuns; ++i) eo.seeds.push_back(run_seed(11, i));
    eo.threads = 2;
    out.runs.resize(kRuns);
    run_ensemble(out.scenario, eo, [&](std::size_t index, RunResult&& r) { out.runs[index] = std::move(r); });
    return out;
  }();
  return e;
}

}  // namespace

TEST(DemographyValidation, HangzhouPresetMeetsPublishedSurvivalAndVentureStatistics) {
  const Ensemble& e = hangzhou();
  const auto targets = load_moments(std::string(RF_SOURCE_DIR) + "/scenarios/targets/demography.yaml", "targets");
  // What the venture moments rest on: the funded firms resolved in months 84-119 (the window the
  // venture shares count) and the first-funded cohort, summed over runs.
  ShareCounts tenfold, listed, cohort;
  for (const auto& r : e.runs) {
    ShareCounts t, l, c;
    multiple_share(r.events, 0, 10.0, false, MultipleWeight::Firms, {0, 0, 84}, nullptr, &t);
    resolution_share(r.events, 0, FundedExit::Ipo, {0, 0, 84}, &l);
    funded_outcome_share(r.events, 0, 36, FundedOutcome::Exit, 0, &c);
    tenfold.hits += t.hits;
    tenfold.base += t.base;
    listed.hits += l.hits;
    cohort.base += c.base;
  }
  std::printf(
      "%zu runs; %zu funded firms resolved in months 84-119 (%zu of them at 10x or more, "
      "%zu listed), %zu firms first funded in months 0-35\n",
      kRuns, tenfold.base, tenfold.hits, listed.hits, cohort.base);
  for (const auto& t : targets) {
    std::vector<double> values;
    for (const auto& r : e.runs) {
      const double v = evaluate(t, r, e.scenario);
      if (!std::isnan(v)) values.push_back(v);
    }
    ASSERT_GE(values.size(), kRuns / 2) << t.name << " is undefined in most runs";
    const auto ci = stats::mean_ci95(values);
    // The mean over runs must lie in the band (a referee's rule, stricter than an overlapping
    // interval, which lets a noisier moment pass more easily).
    const bool reached = t.reached_by(ci.mean, ci.mean);
    std::printf("%-22s %.4g [%.4g, %.4g] in %zu runs, target %s: %s\n", t.name.c_str(), ci.mean, ci.low, ci.high, values.size(),
                t.target_text().c_str(), reached ? "reached" : "MISSED");
    if (kKnownFailures.count(t.name) > 0) {
      EXPECT_FALSE(reached) << t.name
                            << " now reaches its target: remove it from kKnownFailures and update docs/VALIDATION.md 11";
    } else {
      EXPECT_TRUE(reached) << t.name << " = " << ci.mean << " [" << ci.low << ", " << ci.high << "], target " << t.target_text();
    }
  }
}

TEST(DemographyValidation, HazardRisesFromTheFirstToTheThirdYearOfAge) {
  // The Chinese registry's hazard is lowest in the founding year and peaks in the third (SAIC 2013):
  // the paired difference of the two hazards over runs must be positive at 95 %. This tests the
  // direction only: the registry's rise is 6.5-8 points, the model's about 1.4 (VALIDATION 11).
  const Ensemble& e = hangzhou();
  const int months = static_cast<int>(e.runs.front().months);
  std::vector<double> rise;
  for (const auto& r : e.runs) rise.push_back(born_hazard(r.events, 0, 24, months) - born_hazard(r.events, 0, 0, months));
  const auto ci = stats::mean_ci95(rise);
  std::printf("third-year minus first-year hazard: %.4g [%.4g, %.4g]\n", ci.mean, ci.low, ci.high);
  EXPECT_GT(ci.low, 0.0);
}

}  // namespace rf
