// Dated scenarios: the calendar start and timeline entries (docs/MODEL.md 7.16 "Dated policies").
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "models/metrics.hpp"
#include "sim/base/calendar.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/rng.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/config/sweep_spec.hpp"
#include "sim/engine/simulation.hpp"
#include "tests/load_error.hpp"
#include "tests/scratch.hpp"

namespace rf {

namespace {

std::string error_of(const std::string& text) {
  return test::load_error<ScenarioError>([](const std::string& t) { load_scenario_text(t, "test.yaml"); }, text);
}

// Two years from January 2023; vouchers pay nothing until the timeline switches them on.
const char* kDated = R"(name: dated
simulation:
  start: 2023-01
  months: 18
  scale: 0.003
regions:
  - name: City
    policy:
      voucher_rate: 0
timeline:
  - at: 2024-03
    set:
      regions.City.policy.voucher_rate: 0.3
)";

std::vector<double> series_of(const RunResult& r, Metric metric, std::size_t region = 0) {
  const auto begin =
      r.series.begin() + static_cast<std::ptrdiff_t>((static_cast<std::size_t>(metric) * r.regions + region) * r.months);
  return {begin, begin + static_cast<std::ptrdiff_t>(r.months)};
}

/// Bit-identical series (NaN where the network metrics are not computed counts as equal).
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace

TEST(Timeline, StartDefaultsToJanuary2015AndReadsYearMonth) {
  EXPECT_EQ(load_scenario_text("simulation:\n  months: 12\n", "a.yaml").sim.start, month_index(2015, 1));
  const Scenario s = load_scenario_text("simulation:\n  start: 2019-07\n", "a.yaml");
  EXPECT_EQ(s.sim.start, month_index(2019, 7));
  EXPECT_NE(resolved_yaml(s).find("start: 2019-07"), std::string::npos);
  EXPECT_EQ(load_scenario_text(resolved_yaml(s), "resolved").sim.start, s.sim.start);
}

TEST(Timeline, MalformedStartIsAnErrorWithLineAndColumn) {
  const auto e = error_of("simulation:\n  months: 12\n  start: 2015-13\n");
  EXPECT_NE(e.find("test.yaml:3:10"), std::string::npos) << e;
  EXPECT_NE(e.find("YYYY-MM"), std::string::npos) << e;
  EXPECT_NE(error_of("simulation:\n  start: 1850-01\n").find("out of range [1900-01, 2100-12]"), std::string::npos);
}

TEST(Timeline, EntriesLoadInDateOrderWithWildcardsExpanded) {
  const Scenario s = load_scenario_text(R"(simulation: {start: 2020-01, months: 60}
regions: [{name: A}, {name: B}]
timeline:
  - at: 2023-05
    set: {regions.*.policy.data_openness: 0.2}
  - at: 2021-02
    set: {regions.B.policy.voucher_rate: 0.1, simulation.migration_distance_weight: 2}
)",
                                        "t.yaml");
  ASSERT_EQ(s.timeline.size(), 4u);
  EXPECT_EQ(s.timeline[0].date, month_index(2021, 2));
  EXPECT_EQ(s.timeline[0].region, 1);
  EXPECT_EQ(s.timeline[0].spec->path(), "policy.voucher_rate");
  EXPECT_EQ(s.timeline[1].region, -1);
  EXPECT_EQ(s.timeline[2].date, month_index(2023, 5));
  EXPECT_EQ(s.timeline[3].region, 1);
  EXPECT_NE(s.timeline[0].at.find("t.yaml:7:11"), std::string::npos) << s.timeline[0].at;
  EXPECT_DOUBLE_EQ(read_parameter(s, "timeline.2023-04.regions.A.policy.data_openness"), RegionParams{}.data_openness);
  EXPECT_DOUBLE_EQ(read_parameter(s, "timeline.2023-05.regions.A.policy.data_openness"), 0.2);
}

TEST(Timeline, ALeverSetInMarch2024IsOffInFebruaryAndOnInMarch) {
  const Scenario s = load_scenario_text(kDated, "dated.yaml");
  const RunResult r = simulate(s, run_seed(3, 0));
  const auto vouchers = series_of(r, Metric::voucher_spend);
  const std::size_t february = month_index(2024, 2) - s.sim.start;
  for (std::size_t m = 0; m <= february; ++m) EXPECT_EQ(vouchers[m], 0.0) << month_text(s.sim.start + static_cast<MonthIndex>(m));
  EXPECT_GT(vouchers[february + 1], 0.0) << "2024-03";
  // Without the timeline the months after February are the same run with the lever still off.
  Scenario timeless = s;
  timeless.timeline.clear();
  EXPECT_EQ(series_of(simulate(timeless, run_seed(3, 0)), Metric::voucher_spend)[february + 1], 0.0);
}

TEST(Timeline, AnEntryAtTheStartIsTheSameRunAsTheValueItselfAtAnyScale) {
  // The timeline holds unscaled values, like the rest of the YAML: a scaled parameter set at the
  // start by the timeline must give bit for bit the run that the region's own value gives.
  const char* base = R"(simulation: {start: 2016-01, months: 14, scale: 0.002}
regions:
  - name: C
    compute: {capacity_pflops: 40}
    policy: {voucher_budget: 60, incubators: 100}
)";
  const Scenario plain = load_scenario_text(base, "plain.yaml");
  const Scenario dated = load_scenario_text(std::string(base) + R"(timeline:
  - at: 2016-01
    set: {regions.C.compute.capacity_pflops: 140, regions.C.policy.voucher_budget: 250, regions.C.policy.incubators: 613}
)",
                                            "dated.yaml");
  Scenario direct = plain;
  apply_override(direct, "regions.C.compute.capacity_pflops=140");
  apply_override(direct, "regions.C.policy.voucher_budget=250");
  apply_override(direct, "regions.C.policy.incubators=613");
  const RunResult a = simulate(direct, run_seed(5, 0));
  const RunResult b = simulate(dated, run_seed(5, 0));
  EXPECT_TRUE(same_bits(a.series, b.series));
  EXPECT_FALSE(same_bits(simulate(plain, run_seed(5, 0)).series, b.series));  // and the entries did change something
}

TEST(Timeline, ResolvedYamlKeepsTheEntriesAndRunsIdentically) {
  Scenario s = load_scenario_text(kDated, "dated.yaml");
  apply_override(s, "timeline.2023-06.regions.0.policy.guidance_mode=designer");
  const std::string text = resolved_yaml(s);
  EXPECT_NE(text.find("timeline:"), std::string::npos) << text;
  const Scenario back = load_scenario_text(text, "resolved");
  EXPECT_EQ(resolved_yaml(back), text);
  ASSERT_EQ(back.timeline.size(), s.timeline.size());
  for (std::size_t i = 0; i < s.timeline.size(); ++i) {
    EXPECT_EQ(back.timeline[i].date, s.timeline[i].date);
    EXPECT_EQ(back.timeline[i].spec, s.timeline[i].spec);
    EXPECT_EQ(back.timeline[i].region, s.timeline[i].region);
    EXPECT_EQ(back.timeline[i].value, s.timeline[i].value);
  }
  EXPECT_TRUE(same_bits(simulate(back, run_seed(9, 1)).series, simulate(s, run_seed(9, 1)).series));
}

TEST(Timeline, ValidationErrorsNameLineColumnAndRemedy) {
  const std::string head = "simulation: {start: 2015-01, months: 24}\nregions: [{name: Hangzhou}]\ntimeline:\n";
  struct Case {
    std::string entry, place, message;
  };
  const Case cases[] = {
      {"  - at: 2016-03\n    set: {regions.Hangzhou.policy.voucher_budgt: 1}\n", "test.yaml:5:11",
       "Did you mean 'voucher_budget'"},
      {"  - at: 2016-03\n    set: {regions.Hangzou.policy.voucher_budget: 1}\n", "test.yaml:5:11", "Did you mean 'Hangzhou'"},
      {"  - at: 2014-12\n    set: {regions.Hangzhou.policy.voucher_rate: 0.1}\n", "test.yaml:5:11",
       "before simulation.start (2015-01)"},
      {"  - at: 2017-01\n    set: {regions.Hangzhou.policy.voucher_rate: 0.1}\n", "test.yaml:5:11",
       "after the run's last month 2016-12"},
      {"  - at: 2016-3\n    set: {regions.Hangzhou.policy.voucher_rate: 0.1}\n", "test.yaml:4:9", "YYYY-MM"},
      {"  - at: 2016-03\n    set: {regions.Hangzhou.policy.voucher_rate: 1.5}\n", "test.yaml:5:49", "out of range [0, 1]"},
      {"  - at: 2016-03\n    set: {regions.Hangzhou.firms.initial_firms: 1000}\n", "test.yaml:5:11", "cannot change at a date"},
      {"  - at: 2016-03\n    sett: {regions.Hangzhou.policy.voucher_rate: 0.1}\n", "test.yaml:5:5", "Did you mean 'set'"},
      {"  - at: 2016-03\n    set: {regions.Hangzhou.policy.voucher_cap: 500}\n", "test.yaml:5:11", "in force from 2016-03"},
  };
  for (const auto& c : cases) {
    const auto e = error_of(head + c.entry);
    EXPECT_NE(e.find(c.place), std::string::npos) << c.entry << " -> " << e;
    EXPECT_NE(e.find(c.message), std::string::npos) << c.entry << " -> " << e;
  }
}

TEST(Timeline, SetAddsDatedEntriesAndAShorterRunDropsTheLaterOnes) {
  Scenario s = load_scenario_text(kDated, "dated.yaml");
  apply_override(s, "timeline.2023-09.regions.*.policy.voucher_rate=0.1");
  apply_override(s, "timeline.2024-03.regions.City.policy.voucher_rate=0.2");  // replaces the file's entry
  ASSERT_EQ(s.timeline.size(), 2u);
  EXPECT_EQ(s.timeline[1].value, 0.2);
  EXPECT_THROW(apply_override(s, "timeline.2024-3.regions.City.policy.voucher_rate=0.2"), UsageError);
  EXPECT_THROW(apply_override(s, "timeline.2024-03.regions.City.policy.voucher_rat=0.2"), ScenarioError);
  apply_override(s, "simulation.months=12");  // the run now ends in 2023-12, before the March 2024 entry
  ASSERT_EQ(s.timeline.size(), 1u);
  EXPECT_EQ(s.timeline[0].date, month_index(2023, 9));
  EXPECT_NO_THROW(validate(s, "dated.yaml"));
  // Written beyond the horizon, an entry is an error (the --set's own text names it).
  apply_override(s, "timeline.2024-01.regions.City.policy.voucher_rate=0.2");
  try {
    validate(s, "dated.yaml");
    ADD_FAILURE() << "an entry beyond the horizon must be refused";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("--set timeline.2024-01"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("2024-01 is after the run's last month 2023-12"), std::string::npos) << e.what();
  }
}

TEST(Timeline, ImportedRegionsBringTheirEntriesAndSweepsVaryThem) {
  test::Scratch scratch;
  std::ofstream(scratch.file("city.yaml")) << kDated;
  std::ofstream(scratch.file("pair.yaml")) << "simulation: {start: 2023-01, months: 18}\n"
                                              "regions:\n  - name: Other\n  - name: Copy\n    from: city.yaml\n";
  const Scenario pair = load_scenario_file(scratch.file("pair.yaml"));
  ASSERT_EQ(pair.timeline.size(), 1u);
  EXPECT_EQ(pair.timeline[0].region, 1);
  EXPECT_NE(resolved_yaml(pair).find("regions.Copy.policy.voucher_rate: 0.3"), std::string::npos);

  std::ofstream(scratch.file("sweep.yaml"))
      << "base: city.yaml\ndesign: grid\nparameters:\n"
         "  - {path: timeline.2024-03.regions.City.policy.voucher_rate, values: [0.1, 0.5]}\n";
  const SweepSpec sweep = load_sweep_file(scratch.file("sweep.yaml"));
  Scenario point = sweep.base;
  apply_override(point, sweep.parameters[0].path + "=" + sweep.parameters[0].value_text(0.9));
  EXPECT_DOUBLE_EQ(read_parameter(point, "timeline.2024-03.regions.City.policy.voucher_rate"), 0.5);
  std::ofstream(scratch.file("late.yaml")) << "base: city.yaml\ndesign: grid\nparameters:\n"
                                              "  - {path: timeline.2025-03.regions.City.policy.voucher_rate, values: [0.1]}\n";
  EXPECT_THROW(load_sweep_file(scratch.file("late.yaml")), ScenarioError);
}

namespace {

/// First month (index from the start) in which a preset pays vouchers, after running it at a small
/// scale; the series' length if it never does.
std::size_t first_voucher_month(const std::string& preset, MonthIndex* start) {
  const Scenario s =
      load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/" + preset + ".yaml", {"simulation.scale=0.003"});
  *start = s.sim.start;
  const auto vouchers = series_of(simulate(s, run_seed(11, 0)), Metric::voucher_spend);
  std::size_t m = 0;
  while (m < vouchers.size() && vouchers[m] == 0.0) ++m;
  return m;
}

}  // namespace

TEST(Timeline, PresetVouchersPayNothingBeforeTheirDocumentedDatesAndPayFromThem) {
  // docs/MODEL.md 9: Hangzhou's vouchers from 2023-09 (the earlier scheme the July 2024 measures
  // expand), Nanjing's from 2024-01 (the scheme its March 2024 plan expands).
  MonthIndex start = 0;
  const std::size_t hangzhou = first_voucher_month("hangzhou", &start);
  EXPECT_EQ(month_text(start + static_cast<MonthIndex>(hangzhou)), "2023-09");
  const std::size_t nanjing = first_voucher_month("nanjing", &start);
  EXPECT_EQ(month_text(start + static_cast<MonthIndex>(nanjing)), "2024-01");
}

}  // namespace rf
