#include <gtest/gtest.h>

#include <cmath>

#include "fixture.hpp"
#include "models/economics.hpp"
#include "models/phases.hpp"
#include "models/population.hpp"

namespace rf {

TEST(Market, PriceIsDemandOverOutputAndRevenueExhaustsDemand) {
  World w = test::small_world(3000);
  w.month = 0;
  phase_market(w);
  const RegionState& r = w.regions[0];
  std::array<double, kSectors> revenue{};
  for (std::size_t i = 0; i < w.firms.size(); ++i) revenue[w.firms.sector[i]] += w.firms.revenue[i];
  for (int s = 0; s < kSectors; ++s) {
    if (r.output[s] == 0.0) continue;
    EXPECT_NEAR(r.price[s], r.demand[s] / r.output[s], 1e-12);
    EXPECT_NEAR(revenue[s], r.demand[s], 1e-9 * r.demand[s]);
  }
}

TEST(Market, OverEntryLowersThePrice) {
  World w = test::small_world(3000);
  w.month = 0;
  phase_market(w);
  const double before = w.regions[0].price[static_cast<int>(Sector::Services)];
  test::add_entrants(w, Sector::Services, 600, 5.0);
  w.month = 1;
  phase_market(w);
  EXPECT_LT(w.regions[0].price[static_cast<int>(Sector::Services)], 0.95 * before);
}

TEST(Market, CashChangesByProfit) {
  World w = test::small_world(500, 1, 1, [](RegionParams& p) { p.incubators = 0.0; });
  const auto cash = w.firms.cash;
  w.month = 0;
  phase_market(w);
  const RegionParams& p = w.regions[0].p;
  for (std::size_t i = 0; i < 20; ++i) {
    const double wages = base_wage(p) * (w.firms.employees[i] + (p.skilled_premium - 1.0) * w.firms.skilled[i]);
    const double profit = w.firms.revenue[i] - wages - p.fixed_cost - w.firms.rd_spend[i] - w.firms.compute_bill[i];
    EXPECT_NEAR(w.firms.cash[i] - cash[i], profit, 1e-12);
  }
}

TEST(Market, IncubatorsRelieveFixedCostsFromTheBudget) {
  World w = test::small_world(500);
  w.month = 0;
  phase_government(w);
  NewFirm spec;
  const std::size_t i = add_firm(w, spec);
  w.firms.incubated_until[i] = 24;
  const double budget = w.regions[0].budget_left;
  phase_market(w);
  EXPECT_NEAR(budget - w.regions[0].budget_left, w.regions[0].p.fixed_cost * w.regions[0].p.incubator_cost_relief, 1e-12);
}

}  // namespace rf

namespace rf {

// Regression: a sector with no initial firm once had zero demand, so an entrant's price was 0 and
// its productivity infinite (found at scale 0.001 in the Nanjing preset).
TEST(Market, EmptySectorAtStartStillHasBuyers) {
  World w = test::small_world(300, 1, 1, [](RegionParams& p) { p.share_hardtech = 0.0; });
  w.month = 0;
  phase_market(w);
  EXPECT_GT(w.regions[0].demand[static_cast<int>(Sector::HardTech)], 0.0);
  NewFirm spec;
  spec.sector = Sector::HardTech;
  const std::size_t i = add_firm(w, spec);
  EXPECT_TRUE(std::isfinite(w.firms.log_productivity[i]));
  w.month = 1;
  phase_market(w);
  EXPECT_GT(w.regions[0].price[static_cast<int>(Sector::HardTech)], 0.0);
  EXPECT_TRUE(std::isfinite(w.firms.revenue[i]));
}

}  // namespace rf
