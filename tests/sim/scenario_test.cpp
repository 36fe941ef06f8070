#include "sim/config/scenario.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "sim/base/errors.hpp"
#include "sim/cli/describe.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario_loader.hpp"
#include "tests/load_error.hpp"

namespace rf {

namespace {

std::string error_of(const std::string& text) {
  return test::load_error<ScenarioError>([](const std::string& t) { load_scenario_text(t, "test.yaml"); }, text);
}

const char* kTwoRegions = R"(name: pair
simulation:
  months: 24
  scale: 0.002
regions:
  - name: A
    policy:
      voucher_rate: 0.3
  - name: B
    firms:
      private_share: 0.5
)";

}  // namespace

TEST(Scenario, LoadsValuesAndDefaults) {
  const Scenario s = load_scenario_text(kTwoRegions, "pair.yaml");
  EXPECT_EQ(s.name, "pair");
  EXPECT_EQ(s.sim.months, 24);
  ASSERT_EQ(s.regions.size(), 2u);
  EXPECT_DOUBLE_EQ(s.regions[0].params.voucher_rate, 0.3);
  EXPECT_DOUBLE_EQ(s.regions[1].params.private_share, 0.5);
  EXPECT_DOUBLE_EQ(s.regions[1].params.voucher_rate, RegionParams{}.voucher_rate);
}

TEST(Scenario, UnknownKeyNamesClosestWithLineAndColumn) {
  const auto e = error_of("simulation:\n  months: 12\n  scael: 0.1\n");
  EXPECT_NE(e.find("test.yaml:3:3"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown key 'scael'"), std::string::npos) << e;
  EXPECT_NE(e.find("Did you mean 'scale'"), std::string::npos) << e;
}

TEST(Scenario, UnknownRegionParameterSuggestsClosest) {
  const auto e = error_of("regions:\n  - name: X\n    policy:\n      voucher_budgt: 10\n");
  EXPECT_NE(e.find("test.yaml:4:7"), std::string::npos) << e;
  EXPECT_NE(e.find("voucher_budget"), std::string::npos) << e;
}

TEST(Scenario, UnknownGroupSuggestsClosest) {
  const auto e = error_of("regions:\n  - name: X\n    polcy:\n      voucher_rate: 0.1\n");
  EXPECT_NE(e.find("'polcy'"), std::string::npos) << e;
  EXPECT_NE(e.find("'policy'"), std::string::npos) << e;
}

TEST(Scenario, OutOfRangeNamesTheRange) {
  const auto e = error_of("regions:\n  - name: X\n    policy:\n      voucher_rate: 1.5\n");
  EXPECT_NE(e.find("test.yaml:4:21"), std::string::npos) << e;
  EXPECT_NE(e.find("out of range [0, 1]"), std::string::npos) << e;
}

TEST(Scenario, WrongTypesAreErrors) {
  EXPECT_NE(error_of("simulation:\n  months: lots\n").find("must be a number"), std::string::npos);
  EXPECT_NE(error_of("simulation:\n  months: 12.5\n").find("whole number"), std::string::npos);
  EXPECT_NE(error_of("regions:\n  - name: X\n    policy:\n      academic_entrepreneurship: maybe\n").find("true or false"),
            std::string::npos);
  EXPECT_NE(error_of("regions:\n  - name: X\n    policy:\n      guidance_mode: gardner\n").find("Did you mean 'gardener'"),
            std::string::npos);
  EXPECT_NE(error_of("simulation:\n  months: [1, 2]\n").find("single value"), std::string::npos);
}

TEST(Scenario, SyntaxErrorHasLineAndColumn) {
  const auto e = error_of("simulation:\n  months: 12\n bad: [\n");
  EXPECT_NE(e.find("YAML syntax error"), std::string::npos) << e;
  EXPECT_NE(e.find("test.yaml:"), std::string::npos) << e;
}

TEST(Scenario, InconsistentCombinationsAreErrors) {
  EXPECT_NE(error_of("regions:\n  - name: X\n    policy:\n      voucher_budget: 5\n      voucher_cap: 8\n").find("voucher_cap"),
            std::string::npos);
  EXPECT_NE(error_of("regions:\n  - name: X\n    firms:\n      private_share: 0.8\n      state_share: 0.3\n").find("exceeds 1"),
            std::string::npos);
  EXPECT_NE(error_of("regions:\n  - name: X\n  - name: X\n").find("share the name"), std::string::npos);
  EXPECT_NE(error_of("regions:\n  - name: X\n    policy:\n      radius_closed_km: 400\n").find("radius"), std::string::npos);
  EXPECT_NE(error_of("regions: []\n").find("no regions"), std::string::npos);
  EXPECT_NE(error_of("regions:\n  - name: X\n    firms:\n      min_employees: 50\n      entrant_max_potential: 20\n")
                .find("entrant_max_potential"),
            std::string::npos);
}

TEST(Scenario, ResolvedYamlRoundTripsExactly) {
  Scenario s = load_scenario_text(kTwoRegions, "pair.yaml");
  s.regions[0].params.voucher_rate = 0.1 + 0.2;  // not representable in short decimal
  const std::string text = resolved_yaml(s);
  const Scenario back = load_scenario_text(text, "resolved");
  EXPECT_EQ(resolved_yaml(back), text);
  EXPECT_EQ(back.regions[0].params.voucher_rate, 0.1 + 0.2);
}

TEST(Scenario, OverridesByNameIndexAndWildcard) {
  Scenario s = load_scenario_text(kTwoRegions, "pair.yaml");
  apply_override(s, "simulation.months=36");
  apply_override(s, "regions.B.policy.voucher_rate=0.2");
  apply_override(s, "regions.0.firms.entry_rate=0.02");
  apply_override(s, "regions.*.policy.academic_entrepreneurship=false");
  EXPECT_EQ(s.sim.months, 36);
  EXPECT_DOUBLE_EQ(s.regions[1].params.voucher_rate, 0.2);
  EXPECT_DOUBLE_EQ(s.regions[0].params.entry_rate, 0.02);
  EXPECT_FALSE(s.regions[0].params.academic_entrepreneurship);
  EXPECT_FALSE(s.regions[1].params.academic_entrepreneurship);
}

TEST(Scenario, BadOverridesAreErrors) {
  Scenario s = load_scenario_text(kTwoRegions, "pair.yaml");
  EXPECT_THROW(apply_override(s, "simulation.months"), UsageError);
  EXPECT_THROW(apply_override(s, "simulation.monts=3"), ScenarioError);
  EXPECT_THROW(apply_override(s, "regions.C.policy.voucher_rate=0.2"), ScenarioError);
  EXPECT_THROW(apply_override(s, "regions.A.policy.voucher_rate=2"), ScenarioError);
  EXPECT_THROW(apply_override(s, "nonsense=1"), UsageError);
}

TEST(Scenario, ShippedScenariosValidate) {
  EXPECT_NO_THROW(load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml"));
}

}  // namespace rf

namespace rf {

TEST(Scenario, EveryPresetNumberCitesASourceOrAnAssumption) {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RF_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const auto report = describe_sources(entry.path().string());
    EXPECT_EQ(report.missing, 0u) << report.text;
    EXPECT_GT(report.parameters, 0u) << entry.path();
  }
}

}  // namespace rf
