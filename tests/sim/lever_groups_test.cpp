// Lever groups of compare --decompose: differences found in values and in dated changes, each
// differing parameter in exactly one group, a parameter named twice refused.
#include <gtest/gtest.h>

#include <fstream>

#include "scratch.hpp"
#include "sim/base/errors.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/studies/lever_groups.hpp"

namespace rf {

namespace {

const std::string kDefault = std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml";

std::vector<std::string> paths(const std::vector<const ParamSpec*>& specs) {
  std::vector<std::string> out;
  for (const ParamSpec* p : specs) out.push_back(p->path());
  return out;
}

}  // namespace

TEST(LeverGroups, DifferencesInValuesAndInDatedChangesAreFound) {
  const Scenario a = load_scenario_file(kDefault, {});
  EXPECT_TRUE(differing_parameters(a, a).empty());
  const Scenario b = load_scenario_file(
      kDefault, {"regions.*.policy.data_openness=0.9", "timeline.2016-03.regions.*.policy.voucher_budget=100"});
  EXPECT_EQ(paths(differing_parameters(a, b)), (std::vector<std::string>{"policy.voucher_budget", "policy.data_openness"}));
  std::string what;
  EXPECT_FALSE(simulation_parameters_differ(a, b, what));
  const Scenario c = load_scenario_file(kDefault, {"simulation.months=60"});
  EXPECT_TRUE(simulation_parameters_differ(a, c, what));
  EXPECT_EQ(what, "simulation.months");
}

TEST(LeverGroups, EveryDifferingParameterIsInExactlyOneGroup) {
  const Scenario a = load_scenario_file(kDefault, {});
  const Scenario b = load_scenario_file(
      kDefault, {"regions.*.policy.data_openness=0.9", "regions.*.firms.initial_firms=300000", "regions.*.firms.share_ai=0.02",
                 "regions.*.capital.vc_capital=1000", "regions.*.talent.pay=9000"});
  const std::vector<LeverGroup> user = {{"capital", {find_param(Scope::Region, "capital", "vc_capital")}, false},
                                        {"stability", {find_param(Scope::Region, "policy", "reversal_probability")}, false}};
  std::vector<std::string> unchanged;
  const auto groups = attribute_differences(a, b, user, unchanged);
  std::vector<std::pair<std::string, std::vector<std::string>>> got;
  for (const auto& g : groups) got.emplace_back(g.name, paths(g.params));
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {{"capital", {"capital.vc_capital"}},
                                                                                  {"city_size", {"firms.initial_firms"}},
                                                                                  {"sector_structure", {"firms.share_ai"}},
                                                                                  {"talent", {"talent.pay"}},
                                                                                  {"policy", {"policy.data_openness"}}};
  EXPECT_EQ(got, expected);
  EXPECT_EQ(unchanged, std::vector<std::string>{"stability"}) << "a group in which the scenarios agree is left out";
  EXPECT_FALSE(groups[0].automatic);
  EXPECT_TRUE(groups[1].automatic);
}

TEST(LeverGroups, AnAutomaticGroupDoesNotTakeTheNameOfAUserGroup) {
  const Scenario a = load_scenario_file(kDefault, {});
  const Scenario b = load_scenario_file(kDefault, {"regions.*.capital.vc_capital=1000", "regions.*.capital.decision_latency=5"});
  const std::vector<LeverGroup> user = {{"capital", {find_param(Scope::Region, "capital", "vc_capital")}, false}};
  std::vector<std::string> unchanged;
  const auto groups = attribute_differences(a, b, user, unchanged);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[1].name, "other_capital");
  EXPECT_EQ(paths(groups[1].params), std::vector<std::string>{"capital.decision_latency"});
}

TEST(LeverGroups, AParameterNamedInTwoGroupsIsRefusedWithItsLine) {
  const test::Scratch scratch;
  const std::string path = scratch.file("groups.yaml");
  std::ofstream(path) << "groups:\n  - name: a\n    parameters: [policy.data_openness]\n"
                         "  - name: b\n    parameters: [talent.pay, policy.data_openness]\n";
  try {
    load_lever_groups(path);
    FAIL() << "a parameter in two groups was accepted";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("groups.yaml:5: 'policy.data_openness' is in group 'a' and again in 'b'"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace rf
