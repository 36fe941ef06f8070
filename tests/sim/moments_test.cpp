#include "sim/studies/moments.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "load_error.hpp"
#include "scratch.hpp"

namespace rf {

namespace {
Moment with_value(double value, double tolerance) {
  Moment m;
  m.value = value;
  m.tolerance = tolerance;
  return m;
}

/// The error message of loading `text` as a targets file written to `path`.
std::string moments_error(const std::filesystem::path& path, const std::string& text) {
  return test::load_error<ScenarioError>(
      [&](const std::string& t) {
        std::ofstream(path) << t;
        return load_moments(path, "targets");
      },
      text);
}
}  // namespace

TEST(Moment, MeetsChecksTheMeanAgainstValueAndBounds) {
  const Moment m = with_value(10.0, 2.0);
  EXPECT_TRUE(m.meets(11.9));
  EXPECT_FALSE(m.meets(12.1));
  Moment floor;
  floor.min = 600.0;
  EXPECT_TRUE(floor.meets(600.0));
  EXPECT_FALSE(floor.meets(599.0));
}

TEST(Moment, ReachedByAnIntervalThatOverlapsTheBand) {
  const Moment m = with_value(10.0, 2.0);  // band [8, 12]
  EXPECT_TRUE(m.reached_by(11.0, 20.0));   // mean may be outside, the interval overlaps
  EXPECT_TRUE(m.reached_by(5.0, 30.0));    // straddles the whole band
  EXPECT_FALSE(m.reached_by(12.5, 20.0));  // wholly above
  EXPECT_FALSE(m.reached_by(1.0, 7.9));    // wholly below
  Moment bounded = with_value(10.0, 2.0);
  bounded.max = 9.0;  // band [8, 9]
  EXPECT_FALSE(bounded.reached_by(9.5, 11.0));
  Moment floor;
  floor.min = 600.0;
  EXPECT_TRUE(floor.reached_by(500.0, 700.0));
  EXPECT_FALSE(floor.reached_by(100.0, 599.0));
  EXPECT_TRUE(Moment{}.reached_by(-1.0, 1.0));  // no target: always reached
}

TEST(Moment, EventLogKindsReadTheirKeys) {
  const test::Scratch scratch;
  const auto path = scratch.file("targets.yaml");
  std::ofstream(path) << "targets:\n"
                         "  - {name: s5, kind: survival, age_months: 60, min: 0.4}\n"
                         "  - {name: tens, kind: multiple_share, at_least: 10, weight: capital, max: 0.1}\n"
                         "  - {name: follow, kind: funded_outcome, cohort_months: 24, outcome: second_round, min: 0.3}\n"
                         "  - {name: early, kind: multiple_share, below: 1, cohort_months: 36, follow_months: 84, max: 0.7}\n"
                         "  - {name: sold, kind: resolution_share, outcome: acquisition, cohort_months: 36, min: 0.4}\n"
                         "  - {name: cheap, kind: acquisition_price_share, below: 1, resolved_from_month: 84, max: 0.5}\n";
  const auto m = load_moments(path, "targets");
  ASSERT_EQ(m.size(), 6U);
  EXPECT_EQ(m[4].kind, Moment::Kind::ResolutionShare);
  EXPECT_EQ(m[4].resolution, FundedExit::Acquisition);
  EXPECT_EQ(m[4].cohort_months, 36);
  EXPECT_TRUE(m[4].needs_events());
  EXPECT_EQ(m[5].kind, Moment::Kind::AcquisitionPriceShare);
  EXPECT_EQ(m[5].threshold, 1.0);
  EXPECT_EQ(m[5].cohort_months, 0);
  EXPECT_EQ(m[5].resolved_from_month, 84);
  EXPECT_EQ(m[0].kind, Moment::Kind::Survival);
  EXPECT_EQ(m[0].age_months, 60);
  EXPECT_TRUE(m[0].needs_events());
  EXPECT_EQ(m[1].kind, Moment::Kind::MultipleShare);
  EXPECT_FALSE(m[1].below);
  EXPECT_EQ(m[1].threshold, 10.0);
  EXPECT_EQ(m[1].weight, MultipleWeight::Capital);
  EXPECT_EQ(m[1].cohort_months, 0);  // a multiple share counts every funded firm unless told
  EXPECT_EQ(m[3].cohort_months, 36);
  EXPECT_EQ(m[3].follow_months, 84);
  EXPECT_EQ(m[2].outcome, FundedOutcome::SecondRound);
  EXPECT_EQ(m[2].cohort_months, 24);
}

TEST(Moment, EventLogKindsRefuseMistakesWithWhatToDo) {
  const test::Scratch scratch;
  const auto path = scratch.file("targets.yaml");
  // Each mistaken moment (one line of a targets file) and a part of the message it must give.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{name: m, kind: multiple_share, weight: financing, below: 1}", "did you mean 'financings'"},
      {"{name: m, kind: multiple_share}", "needs below: or at_least:"},
      {"{name: m, kind: multiple_share, below: 1, at_least: 10}", "both below and at_least"},
      {"{name: m, kind: funded_outcome, outcome: exits}", "did you mean 'exit'"},
      {"{name: m, kind: hazard, age_months: -12}", "negative age_months"},
      {"{name: m, kind: resolution_share}", "needs outcome:"},
      {"{name: m, kind: resolution_share, outcome: ipos}", "did you mean 'ipo'"},
      {"{name: m, kind: acquisition_price_share}", "needs below:"},
      {"{name: m, kind: acquisition_price_share, below: 1, at_least: 2}", "both below"},
      {"{name: m, kind: funded_outcome, cohort_months: 0}", "cohort_months below 1"},
      {"{name: m, kind: multiple_share, below: 1, cohort_months: -1}", "cohort_months below 0"},
  };
  for (const auto& [line, message] : cases) {
    EXPECT_NE(moments_error(path, "targets:\n  - " + line + "\n").find(message), std::string::npos) << line;
  }
}

TEST(Moment, StandardErrorIsReadAndMustBePositiveWithAValue) {
  const test::Scratch scratch;
  const auto path = scratch.file("targets.yaml");
  std::ofstream(path) << "targets:\n"
                         "  - {name: a, kind: hazard, age_months: 24, value: 0.095, tolerance: 0.02, standard_error: 0.001}\n"
                         "  - {name: b, kind: hazard, age_months: 0, value: 0.03, tolerance: 0.02}\n";
  const auto m = load_moments(path, "targets");
  ASSERT_EQ(m.size(), 2U);
  ASSERT_TRUE(m[0].standard_error.has_value());
  EXPECT_EQ(*m[0].standard_error, 0.001);
  EXPECT_FALSE(m[1].standard_error.has_value());
  const auto error = [&](const std::string& text) { return moments_error(path, text); };
  const std::string message = "not a positive number, or no value";
  EXPECT_NE(
      error("targets:\n  - {name: m, kind: sum, metric: deaths, value: 1, tolerance: 1, standard_error: 0}\n").find(message),
      std::string::npos);
  EXPECT_NE(error("targets:\n  - {name: m, kind: sum, metric: deaths, min: 1, standard_error: 0.1}\n").find(message),
            std::string::npos);
  EXPECT_NE(error("targets:\n  - {name: m, kind: sum, metric: deaths, value: 1, tolerance: 1, standard_eror: 0.1}\n")
                .find("Did you mean 'standard_error'"),
            std::string::npos);
}

}  // namespace rf

namespace rf {

TEST(Moment, GrowthToAMonthComparesTheDataSpan) {
  const test::Scratch scratch;
  const auto path = scratch.file("targets.yaml");
  std::ofstream(path) << "targets:\n"
                         "  - {name: all, kind: growth, metric: private_firms}\n"
                         "  - {name: span, kind: growth, metric: private_firms, to_month: 3}\n"
                         "  - {name: long, kind: growth, metric: private_firms, to_month: 5}\n";
  const auto m = load_moments(path, "targets");
  ASSERT_EQ(m.size(), 3U);
  EXPECT_EQ(m[1].to_month, 3);
  // One region, five months: private firms 10, 11, 12, 15, 20.
  RunResult r;
  r.regions = 1;
  r.months = 5;
  const auto metric = static_cast<std::size_t>(m[0].metrics.at(0));
  r.series.assign((metric + 1) * r.months, 0.0);
  const double counts[] = {10.0, 11.0, 12.0, 15.0, 20.0};
  for (std::size_t t = 0; t < r.months; ++t) r.series[metric * r.months + t] = counts[t];
  const Scenario scenario;
  EXPECT_DOUBLE_EQ(evaluate(m[0], r, scenario), 2.0);    // month 4 over month 0
  EXPECT_DOUBLE_EQ(evaluate(m[1], r, scenario), 1.5);    // month 3 over month 0
  EXPECT_TRUE(std::isnan(evaluate(m[2], r, scenario)));  // the run ends before month 5
  const auto error = [&](const std::string& text) { return moments_error(path, text); };
  EXPECT_NE(error("targets:\n  - {name: m, kind: final, metric: deaths, to_month: 3}\n").find("only a growth moment"),
            std::string::npos);
  EXPECT_NE(error("targets:\n  - {name: m, kind: growth, metric: deaths, to_month: 0}\n").find("has to_month 0"),
            std::string::npos);
}

}  // namespace rf
