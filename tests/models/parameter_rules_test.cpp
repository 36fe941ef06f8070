#include "models/parameter_rules.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace rf {

namespace {
std::vector<ParameterViolation> violations_with(const std::function<void(RegionParams&)>& change) {
  RegionParams p;
  change(p);
  return region_rule_violations(p);
}
}  // namespace

TEST(ParameterRules, DefaultsBreakNoRule) {
  EXPECT_TRUE(region_rule_violations(RegionParams{}).empty());
}

TEST(ParameterRules, EachRuleNamesItsParametersAndARemedy) {
  struct Case {
    std::function<void(RegionParams&)> change;
    std::string named;
  };
  const Case cases[] = {
      {[](RegionParams& p) { p.state_share = 0.2; }, "firms.private_share + firms.state_share"},
      {[](RegionParams& p) { p.share_heavy = 0.99; }, "share_ai + share_hardtech + share_heavy"},
      {[](RegionParams& p) { p.voucher_cap = p.voucher_budget + 1.0; }, "policy.voucher_cap"},
      {[](RegionParams& p) { p.guidance_fund = p.science_budget; }, "policy.science_budget"},
      {[](RegionParams& p) { p.radius_closed_km = p.radius_open_km + 1.0; }, "policy.radius_closed_km"},
      {[](RegionParams& p) { p.min_employees = p.entrant_max_potential + 1.0; }, "firms.entrant_max_potential"},
      {[](RegionParams& p) { p.triadic_share = 0.8; }, "network.preferential_share + network.triadic_share"},
  };
  for (const auto& c : cases) {
    const auto v = violations_with(c.change);
    ASSERT_EQ(v.size(), 1u) << c.named;
    EXPECT_NE(v[0].what.find(c.named), std::string::npos) << v[0].what;
    EXPECT_FALSE(v[0].remedy.empty());
  }
}

TEST(ParameterRules, SharesSummingToOneInDecimalsAreAccepted) {
  // 0.33 + 0.56 + 0.11 is 1.0000000000000002 in binary: the slack keeps it legal.
  EXPECT_TRUE(violations_with([](RegionParams& p) {
                p.share_ai = 0.33;
                p.share_hardtech = 0.56;
                p.share_heavy = 0.11;
              }).empty());
}

TEST(ParameterRules, EveryBrokenRuleIsListed) {
  const auto v = violations_with([](RegionParams& p) {
    p.state_share = 0.2;
    p.triadic_share = 0.8;
  });
  EXPECT_EQ(v.size(), 2u);
}

}  // namespace rf
