// Assumptions varied (`compare --robust`): plausible ranges in the table and in a scenario's
// `ranges:` block, their validation, the design, the rank-correlation screen, and a tiny robust
// comparison whose difference is forced by construction.
#include "sim/studies/robust.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "cli.hpp"
#include "load_error.hpp"
#include "models/param_table.hpp"
#include "scratch.hpp"
#include "sim/base/errors.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/studies/compare.hpp"

namespace rf {

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string error_of(const std::string& text) {
  return test::load_error<ScenarioError>([](const std::string& t) { load_scenario_text(t, "r.yaml"); }, text);
}

const std::string kRegion =
    "simulation:\n  scale: 0.001\nregions:\n  - name: A\n    policy:\n      reversal_probability: 0.004\n";

}  // namespace

TEST(PlausibleRanges, EveryTableRangeNamesAParameterAndContainsItsDefault) {
  ASSERT_FALSE(plausible_ranges().empty());
  for (const auto& r : plausible_ranges()) {
    ASSERT_NE(r.spec, nullptr) << "a row of models/plausible_ranges.def names no parameter: " << r.reason;
    const ParamSpec& p = *r.spec;
    EXPECT_TRUE(p.kind == Kind::Real || p.kind == Kind::Int) << p.path();
    EXPECT_LT(r.low, r.high) << p.path();
    EXPECT_GE(r.low, p.min) << p.path();
    EXPECT_LE(r.high, p.max) << p.path();
    EXPECT_GE(p.default_value, r.low) << p.path();
    EXPECT_LE(p.default_value, r.high) << p.path();
    EXPECT_FALSE(r.reason.empty()) << p.path();
    EXPECT_EQ(plausible_range(p), &r) << p.path() << " has two rows";
  }
  // The list, and rescreen_months spanning Carta's 1.2-2.1 years between rounds.
  for (const char* name : {"reversal_probability", "reversal_months", "rd_reversal_horizon", "opportunity_gain"}) {
    EXPECT_NE(plausible_range(*find_param(Scope::Region, "policy", name)), nullptr) << name;
  }
  const PlausibleRange* rescreen = plausible_range(*find_param(Scope::Region, "capital", "rescreen_months"));
  ASSERT_NE(rescreen, nullptr);
  EXPECT_LE(rescreen->low, 12.0);
  EXPECT_GE(rescreen->high, 25.0);
}

TEST(PlausibleRanges, ScenarioRangesLoadAndReadBackFromTheResolvedScenario) {
  const Scenario s = load_scenario_text(kRegion + "ranges:\n  regions.A.policy.reversal_probability: [0.001, 0.01]\n", "r.yaml");
  ASSERT_EQ(s.ranges.size(), 1u);
  EXPECT_EQ(s.ranges[0].region, 0);
  EXPECT_DOUBLE_EQ(s.ranges[0].low, 0.001);
  EXPECT_DOUBLE_EQ(s.ranges[0].high, 0.01);
  const Scenario again = load_scenario_text(resolved_yaml(s), "resolved");
  ASSERT_EQ(again.ranges.size(), 1u);
  EXPECT_DOUBLE_EQ(again.ranges[0].high, 0.01);
  EXPECT_EQ(resolved_yaml(again), resolved_yaml(s));
}

TEST(PlausibleRanges, ScenarioRangeErrorsNameThePlaceAndTheRemedy) {
  // A misspelled parameter: the closest name, with file:line:column.
  std::string e = error_of(kRegion + "ranges:\n  regions.A.policy.reversal_probabilty: [0.001, 0.01]\n");
  EXPECT_TRUE(has(e, "r.yaml:8:3")) << e;
  EXPECT_TRUE(has(e, "reversal_probability")) << e;
  // The misspelled block itself.
  e = error_of(kRegion + "rangse:\n  regions.A.policy.reversal_probability: [0.001, 0.01]\n");
  EXPECT_TRUE(has(e, "ranges")) << e;
  // The range must contain the value.
  e = error_of(kRegion + "ranges:\n  regions.A.policy.reversal_probability: [0.005, 0.01]\n");
  EXPECT_TRUE(has(e, "does not contain its value 0.004")) << e;
  // ... lie inside the hard limits of the table,
  e = error_of(kRegion + "ranges:\n  regions.A.policy.reversal_probability: [0.001, 0.9]\n");
  EXPECT_TRUE(has(e, "r.yaml:8:")) << e;
  EXPECT_TRUE(has(e, "0.5")) << e;
  // ... have low below high, be two numbers, of a number parameter, and not be dated.
  e = error_of(kRegion + "ranges:\n  regions.A.policy.reversal_probability: [0.01, 0.001]\n");
  EXPECT_TRUE(has(e, "low must be below high")) << e;
  e = error_of(kRegion + "ranges:\n  regions.A.policy.reversal_probability: 0.01\n");
  EXPECT_TRUE(has(e, "list of two numbers")) << e;
  e = error_of(kRegion + "ranges:\n  regions.A.policy.guidance_mode: [0, 1]\n");
  EXPECT_TRUE(has(e, "only real and integer")) << e;
  e = error_of(kRegion + "ranges:\n  timeline.2016-01.regions.A.policy.reversal_probability: [0.001, 0.01]\n");
  EXPECT_TRUE(has(e, "not a dated change")) << e;
  e = error_of(kRegion + "ranges:\n  regions.B.policy.reversal_probability: [0.001, 0.01]\n");
  EXPECT_TRUE(has(e, "'A'")) << e;
}

TEST(PlausibleRanges, ThePresetsLoadWithTheirRanges) {
  const Scenario nanjing = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/nanjing.yaml");
  EXPECT_GE(nanjing.ranges.size(), 20u);
}

TEST(Robust, SharedAssumptionsAreJointAndCityAssumptionsSeparate) {
  const Scenario a = load_scenario_text(kRegion + "ranges:\n  regions.A.policy.reversal_probability: [0.001, 0.01]\n", "a.yaml");
  const Scenario b = load_scenario_text(
      "simulation:\n  scale: 0.001\nregions:\n  - name: B\n    policy:\n      reversal_probability: 0.004\n"
      "      data_openness: 0.5\n    capital:\n      screening_noise: 0.9\n",
      "b.yaml");
  std::vector<std::string> held;
  const auto dims = robust_dimensions({a, b}, {"a", "b"}, held);
  auto find = [&](const std::string& name) {
    return std::find_if(dims.begin(), dims.end(), [&](const RobustDimension& d) { return d.name == name; });
  };
  // reversal_months: the table default in both, the table's range: one joint dimension.
  const auto risk = find("policy.reversal_months");
  ASSERT_NE(risk, dims.end());
  EXPECT_TRUE(risk->joint());
  // reversal_probability: a's own range; b changed the value without one, so it is held.
  const auto reversal = find("a: policy.reversal_probability");
  ASSERT_NE(reversal, dims.end());
  EXPECT_FALSE(reversal->joint());
  EXPECT_EQ(find("b: policy.reversal_probability"), dims.end());
  EXPECT_TRUE(std::any_of(held.begin(), held.end(), [](const std::string& h) { return has(h, "reversal_probability"); }));
  // screening_noise: b's value differs, so a's table range is a's alone and b's is held.
  const auto noise = find("a: capital.screening_noise");
  ASSERT_NE(noise, dims.end());
  EXPECT_TRUE(std::any_of(held.begin(), held.end(), [](const std::string& h) { return has(h, "b: B.capital.screening_noise"); }));
  // A point sets every moved value inside its range.
  const DesignMatrix design = robust_design(5, dims.size(), 9);
  for (std::size_t p = 0; p < 5; ++p) {
    const Scenario at = robust_scenario(a, 0, dims, design, p);
    const double v = at.regions[0].params.reversal_probability;
    EXPECT_GE(v, 0.001);
    EXPECT_LE(v, 0.01);
    EXPECT_DOUBLE_EQ(at.regions[0].params.reversal_months,
                     risk->value(0, design.at(p, static_cast<std::size_t>(risk - dims.begin()))));
  }
}

TEST(Robust, DesignHitsEachStratumOncePerDimensionAndIsReproducible) {
  const std::size_t n = 16, k = 7;
  const DesignMatrix d = robust_design(n, k, 42);
  for (std::size_t j = 0; j < k; ++j) {
    std::vector<int> hits(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const double u = d.at(i, j);
      ASSERT_GE(u, 0.0);
      ASSERT_LT(u, 1.0);
      ++hits[static_cast<std::size_t>(u * static_cast<double>(n))];
    }
    for (std::size_t s = 0; s < n; ++s) EXPECT_EQ(hits[s], 1) << "dimension " << j << " stratum " << s;
  }
  EXPECT_EQ(robust_design(n, k, 42).unit, d.unit);
  EXPECT_NE(robust_design(n, k, 43).unit, d.unit);
  EXPECT_NE(latin_hypercube(n, k, 42).unit, d.unit) << "a sweep with the same seed draws another design";
}

TEST(Robust, ScreenRanksTheDrivingAssumptionFirstAndSharesCountSigns) {
  // Two assumptions; the difference is 1 + 4 x0 (x1 does not enter): the screen must rank x0
  // first, and every point keeps the positive sign.
  RobustReport r;
  r.points = 20;
  r.design = robust_design(r.points, 2, 5);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int d = 0; d < 2; ++d) {
    r.dimensions.push_back({"x" + std::to_string(d), nullptr, 0, {true, true}, {0, 0}, {1, 1}, "test"});
  }
  r.baseline_difference = {1.0, -0.5};
  r.baseline_p_adjusted = {0.001, 0.001};
  for (std::size_t p = 0; p < r.points; ++p) {
    const double x0 = r.design.at(p, 0);
    r.valid.push_back(p != 3);  // one invalid point is left out of every share
    r.difference.push_back({p == 3 ? nan : 1.0 + 4.0 * x0, x0 - 0.5});
    // The second outcome is resolved only far from 0.
    r.p_adjusted.push_back({0.001, std::abs(x0 - 0.5) > 0.25 ? 0.001 : 0.5});
  }
  summarize_robust(r);
  EXPECT_DOUBLE_EQ(r.kept[0], 1.0);
  EXPECT_DOUBLE_EQ(r.flipped[0], 0.0);
  EXPECT_EQ(r.ranking(0).front(), 0u);
  EXPECT_GT(std::abs(r.rank_correlation[0][0]), 0.99);
  EXPECT_LT(std::abs(r.rank_correlation[1][0]), r.rank_correlation_threshold());
  // The second outcome (baseline negative) flips at the points with x0 > 0.75, keeps below 0.25.
  EXPECT_GT(r.kept[1], 0.0);
  EXPECT_GT(r.flipped[1], 0.0);
  EXPECT_NEAR(r.kept[1] + r.flipped[1] + r.unresolved[1], 1.0, 1e-12);
  EXPECT_GT(r.rank_correlation[0][1], 0.99);
}

TEST(Robust, ADifferenceForcedByConstructionKeepsItsSignAtEveryPoint) {
  // b has twice a's firms and nothing else differs: whatever the shared assumptions and b's own
  // range of its size, b has more living firms at every point.
  const test::Scratch scratch;
  const std::string common = "simulation:\n  scale: 0.001\n  months: 4\n  snapshot_firms: false\n  event_log: false\n";
  {
    std::ofstream(scratch.file("a.yaml")) << "name: a\n" << common << "regions:\n  - name: A\n";
    std::ofstream(scratch.file("b.yaml")) << "name: b\n"
                                          << common
                                          << "regions:\n  - name: B\n    firms:\n      initial_firms: 2050000\n"
                                             "ranges:\n  regions.B.firms.initial_firms: [1800000, 2300000]\n";
    std::ofstream(scratch.file("outcomes.yaml")) << "outcomes:\n  - name: firms\n    description: living firms\n"
                                                    "    kind: final\n    metric: firms_alive\n";
  }
  CompareSettings cs;
  cs.scenario_files = {scratch.file("a.yaml"), scratch.file("b.yaml")};
  cs.outcomes_file = scratch.file("outcomes.yaml");
  cs.runs = 3;
  cs.robust = 4;
  cs.threads = 2;
  cs.quiet = true;
  cs.force = true;
  cs.out = scratch.file("robust.h5");
  const CompareResult result = run_compare(cs);
  ASSERT_TRUE(result.robust);
  const RobustReport& r = *result.robust;
  EXPECT_EQ(r.valid_points(), 4u);
  EXPECT_TRUE(std::any_of(r.dimensions.begin(), r.dimensions.end(), [](const RobustDimension& d) { return d.joint(); }));
  EXPECT_TRUE(std::any_of(r.dimensions.begin(), r.dimensions.end(),
                          [](const RobustDimension& d) { return d.name == "b: firms.initial_firms"; }));
  const auto o =
      static_cast<std::size_t>(std::find(result.outcomes.begin(), result.outcomes.end(), "firms") - result.outcomes.begin());
  ASSERT_LT(o, result.outcomes.size());
  EXPECT_GT(r.baseline_difference[o], 0.0);
  EXPECT_DOUBLE_EQ(r.kept[o], 1.0);
  for (std::size_t p = 0; p < r.points; ++p) EXPECT_GT(r.difference[p][o], 0.0) << p;
}

TEST(Robust, NeedsTwoPairedScenariosWithRanges) {
  const test::Scratch scratch;
  std::ofstream(scratch.file("a.yaml")) << "simulation:\n  scale: 0.001\n  months: 2\nregions:\n  - name: A\n";
  CompareSettings cs;
  cs.scenario_files = {scratch.file("a.yaml"), scratch.file("a.yaml")};
  cs.outcomes_file = std::string(RF_SOURCE_DIR) + "/scenarios/compare/outcomes.yaml";
  cs.runs = 2;
  cs.robust = 4;
  cs.quiet = true;
  cs.force = true;
  cs.out = scratch.file("x.h5");
  cs.independent_seeds = true;
  EXPECT_THROW(run_compare(cs), UsageError);
  cs.independent_seeds = false;
  cs.scenario_files.push_back(scratch.file("a.yaml"));
  EXPECT_THROW(run_compare(cs), UsageError);
}

TEST(Robust, CommandPrintsTheTableAndAMisspelledRangeIsRefusedBeforeAnyRun) {
  const test::CliScratch s;
  const std::string common = "simulation:\n  scale: 0.001\n  months: 3\n  snapshot_firms: false\n  event_log: false\n";
  const std::string a = s.write("a.yaml", "name: a\n" + common + "regions:\n  - name: A\n");
  const std::string b = s.write("b.yaml", "name: b\n" + common +
                                              "regions:\n  - name: B\n    firms:\n      initial_firms: 2050000\n"
                                              "ranges:\n  regions.B.firms.initial_firms: [1800000, 2300000]\n");
  const auto r = test::rainforest("compare " + a + " " + b + " --robust 3 --runs 2 --quiet --out " + s.file("r.h5"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(has(r.output, "Assumptions varied: 3 points of a Latin hypercube")) << r.output;
  EXPECT_TRUE(has(r.output, "b: firms.initial_firms")) << r.output;
  const std::string bad =
      s.write("bad.yaml", "name: b\n" + common + "regions:\n  - name: B\nranges:\n  regions.B.firms.initial_frms: [1, 2]\n");
  const auto e = test::rainforest("compare " + a + " " + bad + " --robust 3 --runs 2 --quiet --out " + s.file("e.h5"));
  EXPECT_NE(e.status, 0);
  EXPECT_TRUE(has(e.output, "bad.yaml:10:3")) << e.output;
  EXPECT_TRUE(has(e.output, "initial_firms")) << e.output;
  EXPECT_FALSE(std::filesystem::exists(s.file("e.h5")));
}

}  // namespace rf
