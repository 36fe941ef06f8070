#include <gtest/gtest.h>

#include "fixture.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {
double guidance_committed(const World& w) {
  double total = 0.0;
  for (std::size_t k = 0; k < w.funds.size(); ++k) total += w.funds.type[k] == FundType::Guidance ? w.funds.committed[k] : 0.0;
  return total;
}
}  // namespace

TEST(Government, NoReversalsWhenProbabilityIsZero) {
  World w = test::small_world(200, 1, 1, [](RegionParams& p) { p.reversal_probability = 0.0; });
  for (w.month = 0; w.month < 120; ++w.month) {
    phase_government(w);
    EXPECT_DOUBLE_EQ(w.regions[0].lever.voucher_rate, w.regions[0].p.voucher_rate);
    EXPECT_DOUBLE_EQ(w.regions[0].lever.data_openness, w.regions[0].p.data_openness);
  }
}

TEST(Government, FrequentReversalsSuspendLevers) {
  World w = test::small_world(200, 1, 1, [](RegionParams& p) { p.reversal_probability = 0.5; });
  int suspended = 0;
  for (w.month = 0; w.month < 120; ++w.month) {
    phase_government(w);
    suspended += w.regions[0].lever.voucher_rate == 0.0 ? 1 : 0;
  }
  EXPECT_GT(suspended, 60);  // each month half a chance of a new 12-month reversal of 1 of 4 levers
}

TEST(Government, FiscalRuleGrowsBudgetEachYear) {
  World w = test::small_world(200, 1, 1, [](RegionParams& p) {
    p.fiscal_growth = 0.15;
    p.guidance_fund = 0.0;
  });
  w.month = 0;
  phase_government(w);
  const double first = w.regions[0].budget_left;
  w.month = 24;
  phase_government(w);
  EXPECT_NEAR(w.regions[0].budget_left, first * 1.15 * 1.15, 1e-9 * first);
  // The levers the budget pays for keep their stated annual amounts (docs/MODEL.md 7.1).
  EXPECT_EQ(w.regions[0].voucher_left, w.regions[0].p.voucher_budget);
}

TEST(Government, GuidanceInjectionDoesNotCompoundWithTheFiscalRule) {
  World w = test::small_world(1000, 1, 1, [](RegionParams& p) {
    p.fiscal_growth = 0.15;
    p.reversal_probability = 0.0;
  });
  w.month = 108;  // year ten
  const double before = guidance_committed(w);
  phase_government(w);
  const double after = guidance_committed(w);
  EXPECT_NEAR(after - before, w.regions[0].p.guidance_fund / 12.0, 1e-12);
}

TEST(Government, GuidanceFundReceivesMonthlyInjectionFromBudget) {
  World w = test::small_world(1000);
  w.month = 0;
  const double guidance_before = guidance_committed(w);
  phase_government(w);
  const double guidance_after = guidance_committed(w);
  const double expected = w.regions[0].p.guidance_fund / 12.0;
  EXPECT_NEAR(guidance_after - guidance_before, expected, 1e-12);
  EXPECT_NEAR(w.regions[0].budget_left, w.regions[0].p.science_budget - expected, 1e-12);
}

TEST(Government, BudgetYearsAreCalendarYearsAndAPartFirstYearGetsItsShare) {
  World w = test::small_world(200, 1, 1, [](RegionParams& p) {
    p.fiscal_growth = 0.1;
    p.guidance_fund = 0.0;
  });
  w.sim.start = month_index(2015, 7);  // July: six months left in the first budget year
  w.month = 0;
  phase_government(w);
  const RegionState& r = w.regions[0];
  EXPECT_NEAR(r.budget_left, 0.5 * r.p.science_budget, 1e-12);
  EXPECT_NEAR(r.voucher_left, 0.5 * r.p.voucher_budget, 1e-12);
  w.month = 5;  // December 2015: no new budget
  w.regions[0].budget_left = 0.0;
  phase_government(w);
  EXPECT_EQ(r.budget_left, 0.0);
  w.month = 6;  // January 2016: a full year, one year of growth
  phase_government(w);
  EXPECT_NEAR(r.budget_left, 1.1 * r.p.science_budget, 1e-9);
}

}  // namespace rf
