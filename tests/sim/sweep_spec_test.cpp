// Sweep files: parsing, value mapping and the errors a user sees.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "models/param_table.hpp"
#include "sim/base/errors.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/studies/sweep.hpp"
#include "tests/load_error.hpp"

namespace rf {

namespace {

const std::string kBase = std::string("base: ") + RF_SOURCE_DIR + "/scenarios/default.yaml\n";

std::string error_of(const std::string& text) {
  return test::load_error<Error>([](const std::string& t) { load_sweep_text(t, "s.yaml"); }, text);
}

}  // namespace

TEST(SweepSpec, LoadsALatinSweepAndMapsValues) {
  const auto s = load_sweep_text(kBase + R"(design: latin
points: 10
set: {simulation.months: 24}
parameters:
  - path: regions.*.policy.voucher_rate
    range: [0.1, 0.3]
  - path: regions.*.capital.vc_funds
    range: [2, 4]
  - path: regions.*.firms.entry_rate
    distribution: loguniform
    range: [0.001, 0.1]
  - path: regions.*.policy.academic_entrepreneurship
    values: [false, true]
)",
                                 "s.yaml");
  EXPECT_EQ(s.base.sim.months, 24);
  ASSERT_EQ(s.parameters.size(), 4u);
  EXPECT_DOUBLE_EQ(s.parameters[0].value(0.5), 0.2);
  // Integers: each of 2, 3, 4 is a third of the unit interval.
  EXPECT_EQ(s.parameters[1].value(0.0), 2.0);
  EXPECT_EQ(s.parameters[1].value(0.5), 3.0);
  EXPECT_EQ(s.parameters[1].value(0.99), 4.0);
  EXPECT_NEAR(s.parameters[2].value(0.5), 0.01, 1e-12);  // geometric midpoint
  EXPECT_EQ(s.parameters[3].value_text(0.2), "false");
  EXPECT_EQ(s.parameters[3].value(0.7), 1.0);
  const auto plan = make_sweep_plan(s);
  EXPECT_EQ(plan.points(), 10u);
  EXPECT_EQ(plan.runs(), 10u);
  const auto sc = plan.scenario(3);
  EXPECT_EQ(read_parameter(sc, "regions.0.policy.voucher_rate"), plan.values[3 * 4 + 0]);
}

TEST(SweepSpec, NormalIsTruncatedToTheParameterRange) {
  const auto s = load_sweep_text(kBase + R"(design: random
points: 4
parameters:
  - path: regions.*.policy.data_openness
    distribution: normal
    mean: 0.9
    sd: 0.5
)",
                                 "s.yaml");
  const auto& p = s.parameters[0];
  for (double u : {0.0, 0.01, 0.5, 0.99, 1.0}) {
    EXPECT_GE(p.value(u), p.spec->min);
    EXPECT_LE(p.value(u), p.spec->max);
  }
  EXPECT_LT(p.value(0.3), p.value(0.6));
}

TEST(SweepSpec, SaltelliPointsAndInterleavedRuns) {
  const auto plan = make_sweep_plan(load_sweep_text(kBase + R"(design: saltelli
points: 4
runs_per_point: 3
parameters:
  - {path: regions.*.policy.voucher_rate, range: [0, 0.5]}
  - {path: regions.*.policy.data_openness, range: [0, 1]}
)",
                                                    "s.yaml"));
  EXPECT_EQ(plan.points(), 16u);
  EXPECT_EQ(plan.runs(), 48u);
  // The first P runs visit every point once; the seed depends on the replicate only.
  EXPECT_EQ(plan.point_of(5), 5u);
  EXPECT_EQ(plan.point_of(16), 0u);
  EXPECT_EQ(plan.replicate_of(16), 1u);
  EXPECT_EQ(plan.seed_of(3), plan.seed_of(7));
  EXPECT_NE(plan.seed_of(3), plan.seed_of(19));
}

TEST(SweepSpec, ErrorsNameTheLineAndTheClosestKey) {
  auto e =
      error_of(kBase + "design: latin\npoints: 4\nparameters:\n  - path: regions.*.policy.voucher_rate\n    rnage: [0, 1]\n");
  EXPECT_NE(e.find("s.yaml:6:5"), std::string::npos) << e;
  EXPECT_NE(e.find("'range'"), std::string::npos) << e;
  e = error_of(kBase + "desing: latin\n");
  EXPECT_NE(e.find("'design'"), std::string::npos) << e;
  e = error_of(kBase + "design: latin\npoints: 4\nparameters:\n  - path: regions.*.policy.vouchr_rate\n    range: [0, 1]\n");
  EXPECT_NE(e.find("voucher_rate"), std::string::npos) << e;
  e = error_of(kBase + "design: latin\npoints: 4\nparameters:\n  - path: regions.*.policy.voucher_rate\n    range: [0, 3]\n");
  EXPECT_NE(e.find("out of range"), std::string::npos) << e;
  e = error_of(kBase + "design: sobol\n");
  EXPECT_NE(e.find("saltelli"), std::string::npos) << e;
  e = error_of(kBase + "design: grid\nparameters:\n  - path: regions.*.policy.voucher_rate\n    range: [0, 0.5]\n");
  EXPECT_NE(e.find("levels"), std::string::npos) << e;
  e = error_of(
      kBase + "design: latin\npoints: 4\nparameters:\n  - path: regions.*.policy.academic_entrepreneurship\n    range: [0, 1]\n");
  EXPECT_NE(e.find("needs 'values'"), std::string::npos) << e;
  e = error_of(kBase +
               "design: latin\npoints: 4\nparameters:\n  - {path: regions.*.policy.voucher_rate, range: [0, 0.2]}\n"
               "  - {path: regions.*.policy.voucher_rate, range: [0, 0.3]}\n");
  EXPECT_NE(e.find("listed twice"), std::string::npos) << e;
  e = error_of(
      kBase +
      "design: morris\ntrajectories: 4\nlevels: 5\nparameters:\n  - {path: regions.*.policy.voucher_rate, range: [0, 0.2]}\n");
  EXPECT_NE(e.find("even"), std::string::npos) << e;
  e = error_of("design: latin\n");
  EXPECT_NE(e.find("base"), std::string::npos) << e;
}

}  // namespace rf

namespace rf {

TEST(SweepSpec, EveryShippedSweepLoadsAndEveryPointIsValid) {
  std::size_t count = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(RF_SOURCE_DIR) + "/scenarios/sweeps")) {
    if (e.path().extension() != ".yaml") continue;
    SCOPED_TRACE(e.path().string());
    const auto plan = make_sweep_plan(load_sweep_file(e.path().string()));
    EXPECT_GT(plan.runs(), 0u);
    ++count;
  }
  EXPECT_GE(count, 4u);
}

}  // namespace rf

namespace rf {

// Inputs the fuzzer (scripts/fuzz.sh) found or that guard what it found: each must load or be
// refused with an rf::Error (a YAML exception escaping, a crash or a hang is the bug).
TEST(FuzzRegressions, EveryKeptInputLoadsOrIsRefusedWithAnError) {
  std::size_t count = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(RF_SOURCE_DIR) + "/tests/fuzz_regressions")) {
    SCOPED_TRACE(e.path().string());
    std::ifstream in(e.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string origin = std::string(RF_SOURCE_DIR) + "/scenarios/sweeps/fuzz.yaml";
    std::string resolved;
    for (int loader = 0; loader < 2; ++loader) {
      try {
        if (loader == 0) resolved = resolved_yaml(load_scenario_text(text, origin));
        if (loader == 1) (void)load_sweep_text(text, origin);
      } catch (const Error&) {
      } catch (const std::exception& x) {
        ADD_FAILURE() << "loader " << loader << " let through: " << x.what();
      }
    }
    // What loads comes back from its resolved YAML unchanged (as the fuzzer checks).
    if (!resolved.empty()) {
      EXPECT_EQ(resolved_yaml(load_scenario_text(resolved, "resolved.yaml")), resolved);
    }
    ++count;
  }
  EXPECT_GE(count, 9u);
}

}  // namespace rf
