// Calibration recovers parameters from moments the model itself produced (with the same seeds,
// so the distance is exactly zero at the truth).
#include <gtest/gtest.h>

#include <cmath>

#include "models/metrics.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/rng.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/studies/calibrate.hpp"

namespace rf {

namespace {

Scenario small_default() {
  Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml");
  apply_override(s, "simulation.scale=0.004");
  apply_override(s, "simulation.months=36");
  s.sim.snapshot_firms = false;
  return s;
}

Moment sum_of(Metric m, const std::string& name) {
  Moment x;
  x.name = name;
  x.kind = Moment::Kind::Sum;
  x.metrics = {static_cast<int>(m)};
  return x;
}

}  // namespace

TEST(Calibrate, DistanceScalesByToleranceAndPenalisesBounds) {
  Moment a;
  a.value = 10.0;
  a.tolerance = 2.0;
  Moment b;
  b.min = 4.0;
  EXPECT_DOUBLE_EQ(moment_distance({a, b}, {14.0, 5.0}), 4.0);
  EXPECT_DOUBLE_EQ(moment_distance({a, b}, {10.0, 2.0}), 0.25);
}

TEST(Calibrate, FreeParameterBoundsAreChecked) {
  const Scenario s = small_default();
  const auto f = parse_free_parameter(s, "regions.*.firms.entry_rate=0.001:0.05");
  EXPECT_EQ(f.low, 0.001);
  EXPECT_EQ(f.high, 0.05);
  EXPECT_THROW(parse_free_parameter(s, "regions.*.firms.entry_rate=0.05:0.001"), UsageError);
  EXPECT_THROW(parse_free_parameter(s, "regions.*.firms.entry_rate=0:9"), UsageError);
  EXPECT_THROW(parse_free_parameter(s, "regions.*.firms.entry_rat"), Error);
  EXPECT_THROW(parse_free_parameter(s, "regions.*.policy.academic_entrepreneurship"), UsageError);
}

TEST(Calibrate, RecoversKnownParametersFromTheirOwnMoments) {
  const double true_entry = 0.02, true_hazard = 0.008;
  Scenario truth = small_default();
  apply_override(truth, "regions.*.firms.entry_rate=" + std::to_string(true_entry));
  apply_override(truth, "regions.*.firms.exit_hazard=" + std::to_string(true_hazard));
  std::vector<Moment> targets = {sum_of(Metric::births_other, "entrants"), sum_of(Metric::deaths, "deaths")};
  CalibrateOptions o;
  o.runs = 4;
  o.seed = 11;
  o.budget = 60;
  o.threads = 2;
  o.quiet = true;
  EnsembleOptions eo;
  for (std::size_t i = 0; i < o.runs; ++i) eo.seeds.push_back(run_seed(o.seed, i));
  eo.threads = 2;
  std::vector<double> observed(targets.size(), 0.0);
  run_ensemble(truth, eo, [&](std::size_t, RunResult&& r) {
    for (std::size_t t = 0; t < targets.size(); ++t) observed[t] += evaluate(targets[t], r, truth) / 4.0;
  });
  for (std::size_t t = 0; t < targets.size(); ++t) {
    targets[t].value = observed[t];
    targets[t].tolerance = 0.02 * observed[t];
  }
  const Scenario start = small_default();  // entry 0.011 and hazard 0.003: both far from the truth
  const std::vector<FreeParameter> free = {parse_free_parameter(start, "regions.*.firms.entry_rate=0.002:0.05"),
                                           parse_free_parameter(start, "regions.*.firms.exit_hazard=0.0005:0.03")};
  const auto r = calibrate(start, targets, free, o);
  const auto& best = r.trace[r.best];
  std::printf("recovered entry_rate %.5f (true %.5f), exit_hazard %.5f (true %.5f), distance %.4g after %zu evaluations\n",
              best.parameters[0], true_entry, best.parameters[1], true_hazard, best.distance, r.trace.size());
  EXPECT_NEAR(best.parameters[0] / true_entry, 1.0, 0.05);
  EXPECT_NEAR(best.parameters[1] / true_hazard, 1.0, 0.05);
  EXPECT_LT(best.distance, 0.25);              // every moment within half a tolerance
  EXPECT_GT(r.trace.front().distance, 100.0);  // the start really was far away
  EXPECT_LE(r.trace.size(), o.budget);
  // Inference at the best point (tolerances as standard errors): both parameters identified,
  // standard errors positive, and the truth within three of them.
  const CalibrationInference inf = calibration_inference(start, targets, free, best.parameters, o);
  ASSERT_EQ(inf.msm.standard_errors.size(), 2);
  EXPECT_EQ(inf.msm.rank, 2);
  EXPECT_TRUE(inf.msm.weakly_identified.empty());
  const double truth_values[2] = {true_entry, true_hazard};
  for (Eigen::Index j = 0; j < 2; ++j) {
    EXPECT_GT(inf.msm.standard_errors(j), 0.0);
    EXPECT_LT(std::abs(inf.msm.theta(j) - truth_values[j]), 3.0 * inf.msm.standard_errors(j)) << inf.parameters[j];
  }
  std::printf("standard errors: entry_rate %.5f, exit_hazard %.5f\n", inf.msm.standard_errors(0), inf.msm.standard_errors(1));
}

TEST(Calibrate, MultistartSearchesFromTheScenarioThenALatinHypercube) {
  Scenario truth = small_default();
  apply_override(truth, "regions.*.firms.entry_rate=0.02");
  std::vector<Moment> targets = {sum_of(Metric::births_other, "entrants")};
  targets[0].value = 300.0;
  targets[0].tolerance = 30.0;
  const Scenario start = small_default();
  const std::vector<FreeParameter> free = {parse_free_parameter(start, "regions.*.firms.entry_rate=0.002:0.05")};
  CalibrateOptions o;
  o.runs = 2;
  o.budget = 4;
  o.starts = 3;
  o.threads = 2;
  o.quiet = true;
  const auto r = calibrate(start, targets, free, o);
  ASSERT_EQ(r.start_best.size(), 3U);
  EXPECT_LE(r.trace.size(), o.budget * o.starts);
  // Start 0 begins at the scenario's own value; each start's best is the least distance of its own
  // evaluations; the fit is the best of all starts.
  EXPECT_EQ(r.trace.front().start, 0U);
  EXPECT_DOUBLE_EQ(r.trace.front().parameters[0], read_parameter(start, free[0].path));
  double overall = HUGE_VAL;
  for (std::size_t s = 0; s < 3; ++s) {
    double own = HUGE_VAL;
    bool any = false;
    for (const auto& e : r.trace) {
      if (e.start != s) continue;
      any = true;
      own = std::min(own, e.distance);
    }
    ASSERT_TRUE(any) << "start " << s << " made no evaluation";
    EXPECT_EQ(r.trace[r.start_best[s]].distance, own);
    EXPECT_EQ(r.trace[r.start_best[s]].start, s);
    overall = std::min(overall, own);
  }
  EXPECT_EQ(r.trace[r.best].distance, overall);
  // The later starts begin in different strata of the range, not at the scenario's value.
  std::vector<double> firsts;
  for (std::size_t s = 1; s < 3; ++s) {
    for (const auto& e : r.trace) {
      if (e.start == s) {
        firsts.push_back(e.parameters[0]);
        break;
      }
    }
  }
  ASSERT_EQ(firsts.size(), 2U);
  EXPECT_NE(firsts[0], firsts[1]);
  // Same seed, same starts: a calibration is reproducible.
  const auto again = calibrate(start, targets, free, o);
  ASSERT_EQ(again.trace.size(), r.trace.size());
  for (std::size_t e = 0; e < r.trace.size(); ++e) EXPECT_EQ(again.trace[e].parameters, r.trace[e].parameters);
}

}  // namespace rf
