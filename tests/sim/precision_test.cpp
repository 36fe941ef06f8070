// The adaptive stopping rule of `compare --precision` on synthetic outcomes whose variance is
// known, so the number of runs it should stop at is known in advance.
#include "sim/studies/precision.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>
#include <thread>
#include <vector>

#include "sim/base/errors.hpp"

namespace rf {

namespace {

/// Two "scenarios": a_i ~ N(100, 20^2) and b_i = a_i + difference + N(0, sd_d^2), drawn as the
/// loop asks for them; the rule sees the headline difference b - a.
struct Synthetic {
  Synthetic(double true_difference, double sd_of_differences) : difference(true_difference), sd_d(sd_of_differences) {}
  double difference, sd_d;
  bool paired = true;
  std::mt19937_64 engine{20240611};
  std::vector<double> a, b;
  std::vector<std::size_t> looks;

  std::vector<Resolution> extend_to(std::size_t n, const PrecisionRule& rule) {
    std::normal_distribution<double> run(100.0, 20.0), noise(difference, sd_d);
    while (a.size() < n) {
      a.push_back(run(engine));
      b.push_back(a.back() + noise(engine));
    }
    looks.push_back(n);
    return {assess(a, b, paired, rule)};
  }
};

PrecisionRule rule_of(double relative_half_width, std::size_t pilot, std::size_t batch, std::size_t max_runs) {
  PrecisionRule r;
  r.relative_half_width = relative_half_width;
  r.pilot = pilot;
  r.batch = batch;
  r.max_runs = max_runs;
  return r;
}

StopRecord run(const PrecisionRule& rule, Synthetic& s) {
  return run_until_resolved(rule, [&](std::size_t n) { return s.extend_to(n, rule); });
}

}  // namespace

TEST(PrecisionRule, LooksAndSignLevel) {
  PrecisionRule r = rule_of(0.05, 20, 20, 200);
  EXPECT_EQ(r.looks(), 10u);  // 20, 40, ..., 200
  EXPECT_DOUBLE_EQ(r.sign_alpha(), 0.005);
  r.max_runs = 205;
  EXPECT_EQ(r.looks(), 11u);  // the last look stops at the budget, 205
  r.max_runs = 10;
  EXPECT_THROW(r.check(), UsageError);
}

TEST(PrecisionRule, StopsNearThePredictedRunsForTheWidth) {
  // No true difference, sd of the differences 5, target half-width 1 % of a mean of 100 = 1:
  // the 95 % interval is that narrow at n = (1.96 * 5 / 1)^2 = 96 runs.
  const PrecisionRule rule = rule_of(0.01, 20, 5, 400);
  Synthetic s{0.0, 5.0};
  const auto stop = run(rule, s);
  EXPECT_EQ(stop.reason, "resolved");
  EXPECT_GE(stop.runs, 75u);
  EXPECT_LE(stop.runs, 125u);
  EXPECT_EQ(stop.looks, s.looks.size());
  EXPECT_EQ(s.looks.front(), 20u);
  EXPECT_EQ(s.looks[1], 25u);
  // The pilot's power analysis already points there (its sd is from 20 runs).
  std::vector<double> a20(s.a.begin(), s.a.begin() + 20), b20(s.b.begin(), s.b.begin() + 20);
  const auto pilot = assess(a20, b20, true, rule);
  EXPECT_FALSE(pilot.resolved());
  EXPECT_GT(pilot.runs_for_width, 50.0);
  EXPECT_LT(pilot.runs_for_width, 180.0);
  const auto last = assess(s.a, s.b, true, rule);
  EXPECT_TRUE(last.width_resolved);
  EXPECT_NEAR(last.runs_for_width, 96.0, 30.0);
}

TEST(PrecisionRule, ResolvesASignLongBeforeATightWidth) {
  // A true difference of 2 with sd 5: the width target (0.1 % of 100) would need ~9,600 runs,
  // the sign about ((z_{1 - 0.05/(2*39)} + z_0.8) * 5 / 2)^2 = ((3.22 + 0.84) * 2.5)^2 = 103 at 80 % power.
  const PrecisionRule rule = rule_of(0.001, 20, 10, 400);
  Synthetic s{2.0, 5.0};
  const auto stop = run(rule, s);
  EXPECT_EQ(stop.reason, "resolved");
  EXPECT_LT(stop.runs, 200u);
  const auto r = assess(s.a, s.b, true, rule);
  EXPECT_TRUE(r.sign_resolved);
  EXPECT_FALSE(r.width_resolved);
  EXPECT_GT(r.runs_for_width, 5000.0);
  EXPECT_NEAR(r.runs_for_sign, 103.0, 60.0);
}

TEST(PrecisionRule, PairingNeedsFarFewerRunsThanIndependentSamples) {
  // The same data read as two independent samples: the per-run sd is sqrt(20^2 + 20^2 + 5^2)
  // instead of 5, so the width needs ~ (28.7 / 5)^2 = 33 times the runs.
  const PrecisionRule rule = rule_of(0.01, 20, 20, 200);
  Synthetic s{0.0, 5.0};
  s.extend_to(200, rule);
  const auto paired = assess(s.a, s.b, true, rule);
  const auto unpaired = assess(s.a, s.b, false, rule);
  EXPECT_GT(unpaired.runs_for_width / paired.runs_for_width, 15.0);
}

TEST(PrecisionRule, BudgetsEndTheLoop) {
  PrecisionRule rule = rule_of(0.0001, 10, 10, 40);
  Synthetic s{0.0, 5.0};
  const auto runs_budget = run(rule, s);
  EXPECT_EQ(runs_budget.reason, "run budget");
  EXPECT_EQ(runs_budget.runs, 40u);
  EXPECT_EQ(runs_budget.looks, 4u);

  rule.max_runs = 1000;
  rule.max_seconds = 0.25;
  Synthetic slow{0.0, 5.0};
  const auto time_budget = run_until_resolved(rule, [&](std::size_t n) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // 5 ms a run
    return slow.extend_to(n, rule);
  });
  EXPECT_EQ(time_budget.reason, "time budget");
  EXPECT_LE(time_budget.seconds, 0.25 + 0.1);
  EXPECT_LT(time_budget.runs, 1000u);
}

}  // namespace rf
