#include "models/dated_change.hpp"

#include <gtest/gtest.h>

#include "fixture.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {

const ParamSpec& spec(std::string_view group, std::string_view name) {
  const ParamSpec* p = find_param(group == "simulation" ? Scope::Simulation : Scope::Region, group, name);
  EXPECT_NE(p, nullptr) << group << "." << name;
  return *p;
}

World world_in(int month, double scale = 1.0) {
  World w = test::small_world(300, 1, 1, [](RegionParams& p) {
    p.fiscal_growth = 0.1;
    p.guidance_fund = 0.0;
    p.reversal_probability = 0.0;
  });
  w.sim.scale = scale;
  for (w.month = 0; w.month <= month; ++w.month) phase_government(w);
  w.month = month;
  return w;
}

}  // namespace

TEST(DatedChange, SetupOnlyParametersAreRefusedAndLeversAreNot) {
  for (const auto* path : {"firms.initial_firms", "universities.count", "capital.vc_capital", "network.initial_degree"}) {
    const std::string p(path);
    const auto dot = p.find('.');
    EXPECT_FALSE(fixed_after_start(spec(p.substr(0, dot), p.substr(dot + 1))).empty()) << path;
  }
  EXPECT_FALSE(fixed_after_start(spec("simulation", "months")).empty());
  EXPECT_TRUE(fixed_after_start(spec("policy", "voucher_budget")).empty());
  EXPECT_TRUE(fixed_after_start(spec("simulation", "migration_distance_weight")).empty());
}

TEST(DatedChange, ScaledValuesAreScaledAsAtMonthZero) {
  World w = world_in(3, 0.01);
  change_region_parameter(w, 0, spec("policy", "incubators"), 613.0);
  change_region_parameter(w, 0, spec("policy", "voucher_rate"), 0.3);
  EXPECT_DOUBLE_EQ(w.regions[0].p.incubators, 6.13);
  EXPECT_DOUBLE_EQ(w.regions[0].p.voucher_rate, 0.3);
}

TEST(DatedChange, AVoucherBudgetRaisedInJulyAddsHalfTheYearlyDifference) {
  World w = world_in(18);  // July of the second budget year
  RegionState& r = w.regions[0];
  const double left = r.voucher_left;
  const double before = r.p.voucher_budget;
  change_region_parameter(w, 0, spec("policy", "voucher_budget"), 4.0 * r.p.voucher_budget);
  EXPECT_NEAR(r.voucher_left, left + 0.5 * (4.0 * before - before), 1e-12);
  change_region_parameter(w, 0, spec("policy", "voucher_budget"), 0.0);  // a cut never leaves a negative budget
  EXPECT_EQ(r.voucher_left, 0.0);
}

TEST(DatedChange, ANewScienceBudgetIsThisYearsAndGrowsFromThere) {
  World w = world_in(15);  // April of the second budget year: three quarters left
  RegionState& r = w.regions[0];
  const double this_year = r.p.science_budget * 1.1;
  const double left = r.budget_left;
  change_region_parameter(w, 0, spec("policy", "science_budget"), 2.0 * this_year);
  EXPECT_NEAR(r.budget_left, left + 0.75 * this_year, 1e-9);
  w.month = 24;  // next January: one year of growth from the new budget
  phase_government(w);
  EXPECT_NEAR(r.budget_left, 2.0 * this_year * 1.1, 1e-9);
}

TEST(DatedChange, ANewFiscalGrowthAppliesFromTheNextBudgetYear) {
  World w = world_in(26);  // March of the third budget year: the budget has grown twice at 10 %
  RegionState& r = w.regions[0];
  const double this_year = r.p.science_budget * 1.1 * 1.1;
  const double left = r.budget_left;
  change_region_parameter(w, 0, spec("policy", "fiscal_growth"), 0.5);
  EXPECT_DOUBLE_EQ(r.budget_left, left);
  w.month = 36;
  phase_government(w);
  EXPECT_NEAR(r.budget_left, this_year * 1.5, 1e-9);
}

TEST(DatedChange, UniversitiesAndFundsFollowTheirParameters) {
  World w = world_in(5);
  change_region_parameter(w, 0, spec("universities", "research_budget"), 3000.0);
  double budget = 0.0;
  for (const auto& u : w.universities) budget += u.budget;
  EXPECT_NEAR(budget, 3000.0, 1e-9);
  change_region_parameter(w, 0, spec("capital", "vc_horizon"), 30.0);
  for (std::size_t k = 0; k < w.funds.size(); ++k) {
    if (w.funds.type[k] == FundType::Venture) {
      EXPECT_EQ(w.funds.horizon[k], 30.0);
    }
  }
}

}  // namespace rf
