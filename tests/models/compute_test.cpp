#include <gtest/gtest.h>

#include "fixture.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {
World ai_world(const std::function<void(RegionParams&)>& tweak) {
  return test::small_world(20000, 3, 1, [&](RegionParams& p) {
    p.share_ai = 0.5;
    if (tweak) tweak(p);
  });
}
double total(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}
}  // namespace

TEST(Compute, VouchersLowerBillsAndRaiseUse) {
  auto run = [](double rate) {
    World w = ai_world([rate](RegionParams& p) {
      p.voucher_rate = rate;
      p.capacity_pflops = 1e5;  // no congestion
    });
    w.month = 0;
    phase_government(w);
    phase_compute_market(w);
    return std::make_pair(total(w.firms.compute_use), w.regions[0].flow.voucher_spend);
  };
  const auto [use0, spend0] = run(0.0);
  const auto [use3, spend3] = run(0.3);
  EXPECT_EQ(spend0, 0.0);
  EXPECT_GT(spend3, 0.0);
  EXPECT_GT(use3, use0 * 1.2);  // (1 - 0.3)^-0.8 = 1.33 for firms with vouchers
}

TEST(Compute, BudgetAndCapAreNeverExceeded) {
  World w = ai_world([](RegionParams& p) {
    p.voucher_budget = 0.5;
    p.voucher_cap = 0.01;
    p.voucher_rate = 1.0;
  });
  double spent = 0.0;
  for (w.month = 0; w.month < 12; ++w.month) {
    w.regions[0].flow = RegionFlows{};
    phase_government(w);
    phase_compute_market(w);
    spent += w.regions[0].flow.voucher_spend;
    for (double v : w.firms.voucher_ytd) ASSERT_LE(v, 0.01 + 1e-12);
  }
  EXPECT_LE(spent, 0.5 + 1e-9);
  EXPECT_NEAR(spent, 0.5, 0.05);  // demand is large: the budget is used up
  EXPECT_GE(w.regions[0].voucher_left, -1e-12);
}

TEST(Compute, PriceRisesWithUtilisationAndDemandIsRationedAtCapacity) {
  auto price = [](double capacity) {
    World w = ai_world([capacity](RegionParams& p) { p.capacity_pflops = capacity; });
    w.month = 0;
    phase_government(w);
    phase_compute_market(w);
    EXPECT_LE(total(w.firms.compute_use), capacity * 0.999 + 1e-9);
    return std::make_pair(w.regions[0].compute_price, w.regions[0].compute_utilisation);
  };
  const auto [cheap, low_u] = price(1e4);
  const auto [dear, high_u] = price(1.0);
  EXPECT_GT(dear, cheap);
  EXPECT_GT(high_u, low_u);
  EXPECT_NEAR(cheap, RegionParams{}.base_price, 0.01 * RegionParams{}.base_price);
}

TEST(Compute, ZeroCapacityMeansNoCompute) {
  World w = ai_world([](RegionParams& p) { p.capacity_pflops = 0.0; });
  w.month = 0;
  phase_government(w);
  phase_compute_market(w);
  EXPECT_EQ(total(w.firms.compute_use), 0.0);
  EXPECT_EQ(w.regions[0].compute_utilisation, 0.0);
}

}  // namespace rf
