// Tests of the mechanisms that link finance to growth: the financing constraint on hiring,
// equity-funded R&D, breakthroughs, tradable technology demand and the founding climate.
#include <gtest/gtest.h>

#include <cmath>

#include "fixture.hpp"
#include "models/economics.hpp"
#include "models/phases.hpp"
#include "models/population.hpp"

namespace rf {

TEST(Finance, HiringNeedsCash) {
  World w = test::small_world(200, 1, 1, [](RegionParams& p) { p.growth_cash_months = 6.0; });
  const std::size_t i = 0;
  w.firms.log_productivity[i] += 0.5;  // a much larger target size
  w.firms.cash[i] = 0.0;
  const double before = w.firms.employees[i];
  w.month = 0;
  phase_labour(w);
  EXPECT_DOUBLE_EQ(w.firms.employees[i], before);  // no cash, no growth
  w.firms.cash[i] = 0.01;                          // finances fewer hires than the firm wants
  phase_labour(w);
  const double wage = average_wage(w.regions[0].p, w.firms.sector[i]);
  EXPECT_NEAR(w.firms.employees[i] - before, 0.01 / (wage * 6.0), 1e-9);
}

TEST(Finance, NoConstraintWhenDisabled) {
  World w = test::small_world(200, 1, 1, [](RegionParams& p) { p.growth_cash_months = 0.0; });
  w.firms.log_productivity[0] += 0.5;
  w.firms.cash[0] = 0.0;
  const double before = w.firms.employees[0];
  w.month = 0;
  phase_labour(w);
  EXPECT_GT(w.firms.employees[0], before);
}

TEST(Finance, EquityFundsRAndDAtThePlannedBurnUntilSpent) {
  World w = test::small_world(50, 1, 1);
  const std::size_t i = 0;
  w.firms.equity_unspent[i] = 10.0;
  w.firms.equity_burn[i] = 4.0;  // the plan of its last round
  w.firms.cash[i] = 100.0;
  w.month = 0;
  phase_market(w);
  const double base = rd_share(w.regions[0].p, w.firms.sector[i]) * w.firms.revenue[i];
  EXPECT_NEAR(w.firms.rd_spend[i], base + 4.0, 1e-9);
  EXPECT_NEAR(w.firms.equity_unspent[i], 6.0, 1e-12);
  w.month = 1;
  phase_market(w);
  EXPECT_NEAR(w.firms.equity_unspent[i], 2.0, 1e-12);
  w.month = 2;
  phase_market(w);
  EXPECT_NEAR(w.firms.equity_unspent[i], 0.0, 1e-12);  // the last month spends what is left, not the plan
  const double spent = w.firms.rd_spend[i] - rd_share(w.regions[0].p, w.firms.sector[i]) * w.firms.revenue[i];
  EXPECT_NEAR(spent, 2.0, 1e-9);
}

TEST(Finance, BreakthroughsFattenTheTailOfInnovationSizes) {
  auto max_gain = [](double probability) {
    World w = test::small_world(5000, 3, 1, [probability](RegionParams& p) {
      p.breakthrough_probability = probability;
      p.productivity_shock_sd = 0.0;
      p.base_rate = 2.0;
    });
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      w.firms.rd_spend[i] = 0.5;
      w.firms.revenue[i] = 0.0;
    }
    const auto before = w.firms.log_productivity;
    w.month = 0;
    phase_innovation(w);
    double top = 0.0;
    for (std::size_t i = 0; i < w.firms.size(); ++i) top = std::max(top, w.firms.log_productivity[i] - before[i]);
    return top;
  };
  EXPECT_GT(max_gain(0.2), 2.0 * max_gain(0.0));
}

TEST(Finance, TradableDemandGrowsWithLocalEntry) {
  auto ai_price_after_entry = [](double elasticity) {
    World w = test::small_world(3000, 2, 1, [elasticity](RegionParams& p) {
      p.share_ai = 0.2;
      p.tradable_elasticity = elasticity;
    });
    test::add_entrants(w, Sector::AI, 600, 3.0);
    w.month = 0;
    phase_market(w);
    return w.regions[0].price[static_cast<int>(Sector::AI)];
  };
  EXPECT_GT(ai_price_after_entry(1.0), 1.1 * ai_price_after_entry(0.0));  // entrants crowd a purely local market
}

TEST(Finance, FoundingFollowsTheFundingClimate) {
  auto founders = [](double climate) {
    World w = test::small_world(50000, 9, 1, [](RegionParams& p) { p.climate_elasticity = 1.0; });
    w.regions[0].funding_climate = climate;
    double n = 0.0;
    for (w.month = 0; w.month < 12; ++w.month) {
      phase_government(w);
      w.regions[0].funding_climate = climate;
      phase_talent(w);
      n += w.regions[0].pending_graduate_founders;
    }
    return n;
  };
  const double reference = RegionParams{}.funding_reference;
  EXPECT_GT(founders(2.0 * reference), 1.5 * founders(reference));
  EXPECT_GT(founders(reference), 1.5 * founders(0.5 * reference));
}

TEST(Finance, FundedStartupsSeekWhenTheyHaveAFinancingGap) {
  World w = test::small_world(20, 1, 1, [](RegionParams& p) {
    p.decision_latency = 0;
    p.entrant_potential_exponent = 0.0;  // the entrant aims at its starting size...
  });
  w.month = 0;
  NewFirm spec;
  spec.origin = Origin::Graduate;
  spec.sector = Sector::AI;
  const std::size_t i = add_firm(w, spec);
  w.firms.cash[i] = 1.0;               // plenty of runway
  w.firms.log_productivity[i] += 1.0;  // ...until this puts its target far above its size
  phase_capital(w);
  bool seeking = false;
  for (auto s : w.seeking) seeking |= s == i;
  EXPECT_TRUE(seeking);
}

}  // namespace rf
