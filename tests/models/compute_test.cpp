#include <gtest/gtest.h>

#include "fixture.hpp"
#include "models/economics.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {

/// Half the firms are AI firms; every firm earned `revenue` m CNY last month, so AI firms need
/// compute_share_ai * revenue / world price PFLOPS-months.
World ai_world(const std::function<void(RegionParams&)>& tweak, double revenue = 1.0) {
  World w = test::small_world(20000, 3, 1, [&](RegionParams& p) {
    p.share_ai = 0.5;
    if (tweak) tweak(p);
  });
  for (double& r : w.firms.revenue) r = revenue;
  return w;
}

/// One month of the government and compute phases.
void month(World& w) {
  w.regions[0].flow = RegionFlows{};
  phase_government(w);
  phase_compute_market(w);
}

/// First AI firm (a voucher-eligible firm).
std::size_t first_ai(const World& w) {
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.alive[i] && w.firms.sector[i] == static_cast<std::uint8_t>(Sector::AI)) return i;
  }
  return w.firms.size();
}

}  // namespace

TEST(Compute, NeedsAreTheRevenueShareAtTheWorldPrice) {
  World w = ai_world([](RegionParams& p) { p.voucher_rate = 0.0; }, 2.0);
  month(w);
  const RegionParams& p = w.regions[0].p;
  const std::size_t i = first_ai(w);
  ASSERT_LT(i, w.firms.size());
  EXPECT_NEAR(w.firms.compute_need[i], p.compute_share_ai * 2.0 / p.import_price, 1e-12);
  double spend = 0.0;
  for (std::size_t k = 0; k < w.firms.size(); ++k) spend += w.firms.compute_bill[k];
  EXPECT_NEAR(w.regions[0].flow.compute_spend, spend, 1e-9 * spend);  // no vouchers: bills are the spend
  EXPECT_GT(w.regions[0].flow.compute_spend_ai, 0.0);
  EXPECT_LE(w.regions[0].flow.compute_spend_ai, w.regions[0].flow.compute_spend);
}

TEST(Compute, ImportsBoundThePriceByTheImportPrice) {
  for (double capacity : {0.0, 1e-3, 1.0}) {
    World w = ai_world([capacity](RegionParams& p) {
      p.capacity_pflops = capacity;
      p.initial_utilisation = 0.99;
    });
    month(w);                                      // sizes commercial capacity to the first month's demand
    for (double& r : w.firms.revenue) r *= 100.0;  // then demand grows a hundredfold
    month(w);
    const RegionState& r = w.regions[0];
    const double world = r.p.import_price * std::pow(1.0 - r.p.import_price_decline, 1.0 / 12.0);
    EXPECT_NEAR(r.compute_price, world * (1.0 + r.p.import_markup), 1e-9 * world) << capacity;
    EXPECT_GT(r.compute_imported, 0.0);
    // Everything demanded at the import price is served: local capacity up to the import point, the rest imported.
    EXPECT_NEAR(r.flow.compute_used, r.compute_imported + r.compute_utilisation * r.compute_capacity, 1e-9 * r.flow.compute_used);
  }
}

TEST(Compute, CapacityGrowsUnderSustainedScarcityAndShrinksWithout) {
  World w = ai_world({});
  month(w);
  const double sized = w.regions[0].commercial_pflops;
  for (double& r : w.firms.revenue) r *= 3.0;
  std::vector<double> path;
  for (int m = 1; m <= 6; ++m) {
    w.month = m;
    month(w);
    path.push_back(w.regions[0].commercial_pflops);
  }
  EXPECT_GT(path.front(), sized);
  for (std::size_t m = 1; m < path.size(); ++m) EXPECT_GT(path[m], path[m - 1]) << "month " << m + 1;
  // Demand gone: capacity depreciates.
  for (double& r : w.firms.revenue) r = 0.0;
  w.month = 7;
  month(w);
  EXPECT_NEAR(w.regions[0].commercial_pflops, path.back() * (1.0 - w.regions[0].p.capacity_depreciation), 1e-12);
}

TEST(Compute, AVoucherBuysMoreComputeWhenSupplyIsElasticAndOnlyRaisesThePriceWhenItIsNot) {
  struct Outcome {
    double firm_use, total_use, price;
  };
  auto run = [](double rate, bool elastic) {
    World w = ai_world([elastic](RegionParams& p) {
      p.voucher_rate = 0.0;
      p.voucher_cap = 1e9;
      p.voucher_budget = 1e9;
      p.science_budget = 1e9;
      if (!elastic) {  // no imports, fixed capacity
        p.import_markup = 1e6;
        p.capacity_depreciation = 0.0;
        p.capacity_response = 0.0;
      }
    });
    month(w);  // month 0 sizes capacity without vouchers
    if (!elastic) {
      for (double& r : w.firms.revenue) r *= 4.0;  // demand outgrows it: near full load the local curve is steep
    }
    w.regions[0].p.voucher_rate = rate;
    w.month = 1;
    month(w);
    const std::size_t i = first_ai(w);
    if (elastic) {
      EXPECT_LE(w.regions[0].compute_price, w.regions[0].p.import_price * 1.2);
    }
    return Outcome{w.firms.compute_use[i], w.regions[0].flow.compute_used, w.regions[0].compute_price};
  };
  const Outcome elastic0 = run(0.0, true), elastic3 = run(0.3, true);
  EXPECT_GT(elastic3.firm_use, elastic0.firm_use * 1.2);    // (1 - 0.3)^-0.8 = 1.33 at an unchanged price
  EXPECT_LE(elastic3.price, elastic0.price * 1.2 + 1e-12);  // at most up to the import price
  const Outcome vertical0 = run(0.0, false), vertical3 = run(0.3, false);
  EXPECT_LT(vertical3.total_use, vertical0.total_use * 1.02);  // all eligible: the quantity barely moves
  EXPECT_GT(vertical3.price, vertical0.price * 1.2);           // the voucher goes into the price
}

TEST(Compute, VouchersFollowTheirRateCapAndBudgetYear) {
  World w = ai_world([](RegionParams& p) {
    p.voucher_budget = 1e9;
    p.science_budget = 1e9;
    p.voucher_cap = 1e-4;
    p.voucher_rate = 0.0;  // no vouchers yet
  });
  month(w);
  EXPECT_EQ(w.regions[0].flow.voucher_spend, 0.0);
  w.regions[0].p.voucher_rate = 0.25;  // from this date on (a timeline entry does this, 7.16)
  const std::size_t i = first_ai(w);
  for (w.month = 1; w.month < 12; ++w.month) {
    month(w);
    ASSERT_LE(w.firms.voucher_ytd[i], 1e-4 + 1e-15);
  }
  EXPECT_NEAR(w.firms.voucher_ytd[i], 1e-4, 1e-15);  // capped within the year
  w.month = 12;                                      // a new budget year resets the cap
  month(w);
  EXPECT_GT(w.firms.voucher_ytd[i], 0.0);
  EXPECT_LE(w.firms.voucher_ytd[i], 1e-4 + 1e-15);
}

TEST(Compute, BudgetAndCapAreNeverExceeded) {
  World w = ai_world([](RegionParams& p) {
    p.voucher_budget = 0.5;
    p.voucher_cap = 0.01;
    p.voucher_rate = 1.0;
  });
  double spent = 0.0;
  for (w.month = 0; w.month < 12; ++w.month) {
    month(w);
    spent += w.regions[0].flow.voucher_spend;
    for (double v : w.firms.voucher_ytd) ASSERT_LE(v, 0.01 + 1e-12);
  }
  EXPECT_LE(spent, 0.5 + 1e-9);
  EXPECT_NEAR(spent, 0.5, 0.05);  // demand is large: the budget is used up
  EXPECT_GE(w.regions[0].voucher_left, -1e-12);
}

TEST(Compute, APreRevenueFundedAiStartupNeedsTrainingCompute) {
  for (const double share : {0.0, 0.3, 1.0}) {
    World w = ai_world(
        [share](RegionParams& p) {
          p.voucher_rate = 0.0;
          p.compute_share_development = share;
        },
        0.0);  // no revenue: no inference need
    const std::size_t i = first_ai(w);
    ASSERT_LT(i, w.firms.size());
    w.firms.equity_unspent[i] = 10.0;
    w.firms.equity_burn[i] = 0.5;
    w.firms.cash[i] = 100.0;
    month(w);
    const RegionParams& p = w.regions[0].p;
    EXPECT_NEAR(w.firms.compute_need[i], share * 0.5 / p.import_price, 1e-12) << share;
    // Cash-constrained development: the burn is at most the firm's cash.
    w.firms.cash[i] = 0.1;
    month(w);
    const double world = w.regions[0].world_price / std::pow(1.0 - p.import_price_decline, 1.0 / 12.0);
    EXPECT_NEAR(w.firms.compute_need[i], share * std::min(0.5, 0.1) / world, 1e-12) << share;
  }
}

TEST(Compute, TrainingComputeIsPaidOnceAndAVoucherStretchesTheRunway) {
  // A funded AI startup before revenue: its equity-funded development is R&D effort in full, but
  // its cash pays the compute part through the compute bill, which a voucher lowers.
  auto cash_after = [](double voucher_rate, double& rd_spend, double& bill, double& burn) {
    World w = ai_world(
        [voucher_rate](RegionParams& p) {
          p.voucher_rate = voucher_rate;
          p.voucher_cap = 1e9;
          p.voucher_budget = 1e9;
          p.science_budget = 1e9;
          p.compute_share_development = 0.5;
          p.incubators = 0.0;
        },
        0.0);
    const std::size_t i = first_ai(w);
    w.firms.equity_unspent[i] = 20.0;
    w.firms.equity_burn[i] = 1.0;  // the plan of its round
    w.firms.cash[i] = 50.0;
    month(w);
    burn = equity_development_burn(w.firms, w.regions[0].p, i);
    const double before = w.firms.cash[i];
    phase_market(w);
    rd_spend = w.firms.rd_spend[i];
    bill = w.firms.compute_bill[i];
    const double wages = wage_bill(w.firms, w.regions[0].p, i);
    return w.firms.cash[i] - before + wages + w.regions[0].p.fixed_cost - w.firms.revenue[i];
  };
  double rd0 = 0, bill0 = 0, burn0 = 0, rd3 = 0, bill3 = 0, burn3 = 0;
  const double outflow0 = cash_after(0.0, rd0, bill0, burn0);
  const double outflow3 = cash_after(0.3, rd3, bill3, burn3);
  EXPECT_GE(rd0, burn0);  // R&D effort counts the training compute (and R&D out of this month's revenue)
  // Cash pays R&D out of revenue, the non-compute half of the burn and the bill: compute once.
  EXPECT_NEAR(-outflow0, (rd0 - burn0) + 0.5 * burn0 + bill0, 1e-9);
  EXPECT_GT(bill0, 0.0);
  EXPECT_LT(bill3, bill0);        // the voucher pays part of the bill...
  EXPECT_GT(outflow3, outflow0);  // ...so the startup burns less cash this month
}

TEST(Compute, AFirmShortOfComputeProducesLess) {
  World w = ai_world({});
  month(w);
  const std::size_t i = first_ai(w);
  const RegionParams& p = w.regions[0].p;
  w.firms.compute_use[i] = w.firms.compute_need[i];
  const double full = log_tfp(w.firms, p, i);
  w.firms.compute_use[i] = 0.5 * w.firms.compute_need[i];
  EXPECT_NEAR(log_tfp(w.firms, p, i), full + p.compute_output_elasticity * std::log(0.5), 1e-12);
  w.firms.compute_use[i] = 2.0 * w.firms.compute_need[i];  // more than it needs: no gain in output
  EXPECT_NEAR(log_tfp(w.firms, p, i), full, 1e-12);
}

}  // namespace rf
