// Valuations without spikes (marks at the last post-money, fundamental value of smoothed revenue)
// and exits priced by value (acquirers from the target's sector, fire sales, IPOs that need size
// and an open exit market): docs/MODEL.md 7.11 and 7.13.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "fixture.hpp"
#include "models/economics.hpp"
#include "models/phases.hpp"
#include "models/population.hpp"

namespace rf {

namespace {

constexpr std::int32_t kMonth = 36;  // past acquisition_age for firms born at month 0

/// A world of `firms` initial firms (none fails this month: ample cash, no residual hazard, no
/// shrinking) to which `targets` funded AI firms of 2 employees, born at month 0, are added; the
/// month is kMonth. The targets are the last slots.
World with_targets(int targets, const std::function<void(RegionParams&)>& tweak = {}) {
  World w = test::small_world(3000, 3, 1, [&](RegionParams& p) {
    p.exit_hazard = 0.0;
    p.closing_employees = 0.0;
    p.share_ai = 0.2;
    if (tweak) tweak(p);
  });
  w.month = 0;
  for (int k = 0; k < targets; ++k) {
    NewFirm spec;
    spec.origin = Origin::Graduate;
    spec.sector = Sector::AI;
    spec.employees = 2.0;
    const std::size_t i = add_firm(w, spec);
    w.firms.funding_total[i] = 10.0;
    w.firms.fundamental_value[i] = 100.0;
    w.firms.valuation[i] = 100.0;
  }
  for (std::size_t i = 0; i < w.firms.size(); ++i) w.firms.cash[i] = 1000.0;
  w.month = kMonth;
  return w;
}

/// Gives firm i one stake of `share` held by fund 0.
void give_stake(World& w, std::size_t i, double share) {
  w.holdings.push_back({0, share, w.firms.holding_head[i]});
  w.firms.holding_head[i] = static_cast<std::int32_t>(w.holdings.size() - 1);
}

std::size_t count_events(const World& w, EventKind kind) {
  std::size_t n = 0;
  for (const FirmEvent& e : w.events) n += e.kind == kind;
  return n;
}

const FirmEvent* first_event(const World& w, EventKind kind) {
  for (const FirmEvent& e : w.events) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

}  // namespace

TEST(Valuation, AFundedFirmKeepsItsLastPostMoneyWhateverItsRevenueDoes) {
  World w = test::small_world(500);
  const std::size_t i = 0;
  w.firms.funding_total[i] = 5.0;
  w.firms.post_money[i] = 1234.0;
  w.month = 0;
  phase_market(w);
  EXPECT_EQ(w.firms.valuation[i], 1234.0);
  EXPECT_NE(w.firms.fundamental_value[i], 1234.0);
  w.firms.log_productivity[i] += 3.0;  // a month of twenty times the revenue
  w.month = 1;
  phase_market(w);
  EXPECT_EQ(w.firms.valuation[i], 1234.0);
  w.firms.log_productivity[i] -= 10.0;  // and of almost none
  w.month = 2;
  phase_market(w);
  EXPECT_EQ(w.firms.valuation[i], 1234.0);
}

TEST(Valuation, AnOldRoundsMarkGivesWayToFundamentalValueAfterMarkMonths) {
  auto mark_at = [](double mark_months, std::int32_t month) {
    World w = test::small_world(500, 7, 1, [&](RegionParams& p) { p.mark_months = mark_months; });
    w.firms.funding_total[0] = 5.0;
    w.firms.post_money[0] = 1234.0;
    w.firms.post_money_month[0] = 10;
    w.month = month;
    phase_market(w);
    return std::pair{w.firms.valuation[0], w.firms.fundamental_value[0]};
  };
  EXPECT_EQ(mark_at(24.0, 33).first, 1234.0);  // 23 months after the round
  const auto [stale, fundamental] = mark_at(24.0, 34);
  EXPECT_EQ(stale, fundamental);
  EXPECT_NE(stale, 1234.0);
  EXPECT_EQ(mark_at(1.0, 10).first, 1234.0);  // the shortest hold: the month of the round only
  EXPECT_NE(mark_at(1.0, 11).first, 1234.0);
}

TEST(Valuation, UnfundedAndListedFirmsAreMarkedAtFundamentalValue) {
  World w = test::small_world(500);
  w.firms.post_money[1] = 1234.0;  // raised, then listed
  w.firms.listed[1] = 1;
  w.month = 0;
  phase_market(w);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(w.firms.valuation[i], w.firms.fundamental_value[i]);
    EXPECT_GT(w.firms.valuation[i], 0.0);
  }
}

TEST(Valuation, AFirmsFirstRevenueStartsItsAverageWithoutGrowth) {
  World w = test::small_world(50);
  const RegionParams& p = w.regions[0].p;
  Firms& f = w.firms;
  f.revenue_avg[0] = 0.0;
  f.revenue_growth[0] = 0.0;
  update_value(f, p, 0, 2.0, 0);
  EXPECT_EQ(f.revenue_avg[0], 2.0);
  EXPECT_EQ(f.revenue_growth[0], 0.0);
  EXPECT_NEAR(f.fundamental_value[0], p.valuation_multiple * 12.0 * 2.0, 1e-12);
}

TEST(Valuation, AOneMonthJumpMovesValueOnlyThroughTheSmoothedAverage) {
  auto value_after_jump = [](double weight, double cap) {
    World w = test::small_world(50, 7, 1, [&](RegionParams& p) {
      p.valuation_growth_weight = weight;
      p.valuation_growth_cap = cap;
    });
    Firms& f = w.firms;
    f.revenue_avg[0] = 1.0;
    f.revenue_growth[0] = 0.0;
    update_value(f, w.regions[0].p, 0, 10.0, 0);  // ten times the average revenue, once
    return std::pair{f.fundamental_value[0], f.revenue_avg[0]};
  };
  const RegionParams p;
  const double avg = 1.0 + 9.0 / p.revenue_average_months;
  // Weight 0: the multiple of the smoothed average, nothing for the jump itself.
  const auto [flat, flat_avg] = value_after_jump(0.0, 1.0);
  EXPECT_NEAR(flat_avg, avg, 1e-12);
  EXPECT_NEAR(flat, p.valuation_multiple * 12.0 * avg, 1e-9);
  // Any weight: the premium never exceeds exp(cap); cap 0 means no premium at all.
  EXPECT_LE(value_after_jump(20.0, 1.0).first, std::exp(1.0) * flat * (1.0 + 1e-12));
  EXPECT_GT(value_after_jump(20.0, 1.0).first, flat);
  EXPECT_NEAR(value_after_jump(20.0, 0.0).first, flat, 1e-9);
  // The premium follows the growth of the average, smoothed: 12 log(avg) / months.
  const double g = 12.0 * std::log(avg) / p.revenue_average_months;
  EXPECT_NEAR(value_after_jump(1.0, 10.0).first, flat * std::exp(g), 1e-9);
}

TEST(Valuation, ARoundIsPricedAtFundamentalValueAndMarksThePostMoney) {
  World w = test::small_world(20, 1, 1, [](RegionParams& p) {
    p.vc_capital = 100000.0;
    p.patient_capital = 100000.0;
    p.screening_rate = 500.0;
    p.decision_latency = 0;
    p.hurdle = -5.0;  // every screened seeker is backed
  });
  w.month = 0;
  for (int k = 0; k < 50; ++k) {
    NewFirm spec;
    spec.origin = Origin::Graduate;
    spec.sector = Sector::AI;
    spec.employees = 3.0;
    const std::size_t i = add_firm(w, spec);
    w.firms.cash[i] = 0.0;
    w.firms.fundamental_value[i] = 40.0 + k;  // above the seed median pre-money (36.2)
  }
  phase_capital(w);
  ASSERT_GT(count_events(w, EventKind::Round), 0U);
  for (const FirmEvent& e : w.events) {
    if (e.kind != EventKind::Round) continue;
    std::size_t i = 0;
    while (w.firms.id[i] != e.firm) ++i;
    EXPECT_EQ(e.pre_money, w.firms.fundamental_value[i]);
    EXPECT_EQ(w.firms.post_money[i], e.pre_money + e.amount);
    EXPECT_EQ(w.firms.valuation[i], w.firms.post_money[i]);
  }
}

TEST(Valuation, LaterRoundsDiluteEarlierStakesSoTheyNeverSumAboveOne) {
  World w = test::small_world(20, 1, 1, [](RegionParams& p) {
    p.vc_capital = 100000.0;
    p.patient_capital = 100000.0;
    p.screening_rate = 500.0;
    p.decision_latency = 0;
    p.rescreen_months = 1;
    p.hurdle = -5.0;  // every screened seeker is backed
  });
  std::vector<std::size_t> firms;
  for (int k = 0; k < 20; ++k) {
    NewFirm spec;
    spec.origin = Origin::Graduate;
    spec.sector = Sector::AI;
    spec.employees = 3.0;
    firms.push_back(add_firm(w, spec));
  }
  std::size_t multi = 0;
  for (w.month = 0; w.month < 6; ++w.month) {
    for (const std::size_t i : firms) {
      w.firms.cash[i] = 0.0;               // short of runway: seeks again
      w.firms.fundamental_value[i] = 0.0;  // no revenue: each round is priced at its amount (half the firm)
    }
    phase_capital(w);
  }
  for (const std::size_t i : firms) {
    double total = 0.0;
    int stakes = 0;
    for (std::int32_t h = w.firms.holding_head[i]; h >= 0; h = w.holdings[static_cast<std::size_t>(h)].next) {
      total += w.holdings[static_cast<std::size_t>(h)].share;
      ++stakes;
    }
    EXPECT_LE(total, 1.0 + 1e-12) << stakes;
    if (stakes >= 3) ++multi;
  }
  EXPECT_GT(multi, 0U);  // some firm took three rounds: undiluted halves would sum to 1.5
}

TEST(Exits, NoAcquisitionsAtZeroPropensity) {
  World w = with_targets(500, [](RegionParams& p) {
    p.acquisition_rate = 0.0;
    p.fire_sale_rate = 0.0;
  });
  for (std::size_t i = w.firms.size() - 250; i < w.firms.size(); ++i) w.firms.cash[i] = 0.0;  // half short of runway
  phase_exits(w);
  EXPECT_EQ(w.regions[0].flow.exits_acq, 0.0);
  EXPECT_EQ(count_events(w, EventKind::Acquisition), 0U);
}

TEST(Exits, AnAcquisitionMovesStaffToAnIncumbentOfTheSectorAndFreesTheTarget) {
  World w = with_targets(1, [](RegionParams& p) { p.acquisition_rate = 1.0; });
  const std::size_t t = w.firms.size() - 1;
  w.firms.skilled[t] = 1.5;
  w.firms.knowledge[t][0] = 1e6;
  give_stake(w, t, 0.2);
  const auto before = w.firms.employees;
  const auto cash_before = w.firms.cash;
  const double cash = std::max(0.0, w.firms.cash[t]);
  const double pool = w.regions[0].skilled_pool;
  const double uncalled = w.funds.uncalled[0];
  const double reserve = w.funds.reserve[0];
  phase_exits(w);
  ASSERT_EQ(count_events(w, EventKind::Acquisition), 1U);
  const FirmEvent& e = *first_event(w, EventKind::Acquisition);
  std::size_t a = 0;
  while (static_cast<std::int64_t>(w.firms.id[a]) != e.acquirer) ++a;
  EXPECT_EQ(w.firms.sector[a], static_cast<std::uint8_t>(Sector::AI));
  EXPECT_EQ(w.firms.region[a], w.firms.region[t]);
  EXPECT_EQ(w.firms.ownership[a], static_cast<std::uint8_t>(Ownership::Private));
  EXPECT_GT(before[a], before[t]);
  EXPECT_NEAR(w.firms.employees[a], before[a] + before[t], 1e-12);
  EXPECT_EQ(w.firms.knowledge[a][0], 1e6);
  EXPECT_EQ(w.firms.alive[t], 0);
  EXPECT_EQ(w.dead_slots, 1U);
  EXPECT_EQ(w.regions[0].flow.deaths, 0.0);  // an exit, not a failure
  EXPECT_EQ(w.regions[0].flow.exits_acq, 1.0);
  EXPECT_EQ(w.regions[0].skilled_pool, pool);  // the staff stay employed
  EXPECT_NEAR(e.price, 100.0 + cash, 1e-9);    // a healthy firm sells at its value plus its cash
  EXPECT_NEAR(e.multiple, 0.2 * (100.0 + cash) / 10.0, 1e-12);
  // Proceeds go to the limited partners, not back into the fund's undrawn capital.
  EXPECT_NEAR(w.funds.distributed[0], 0.2 * (100.0 + cash), 1e-9);
  EXPECT_EQ(w.funds.uncalled[0], uncalled);
  EXPECT_EQ(w.funds.reserve[0], reserve);
  EXPECT_EQ(w.firms.cash[a], cash_before[a]);  // the target's cash went to its owners, not to the acquirer
  EXPECT_EQ(w.firms.holding_head[t], -1);
  // The acquirer is one of the acquirer_pool largest AI firms.
  int larger = 0;
  for (std::size_t i = 0; i + 1 < w.firms.size(); ++i) {
    if (w.firms.sector[i] == w.firms.sector[a] && w.firms.ownership[i] == w.firms.ownership[a] && before[i] > before[a]) ++larger;
  }
  EXPECT_LT(larger, w.regions[0].p.acquirer_pool);
}

TEST(Exits, NoAcquirerLargerThanTheTargetNoAcquisition) {
  World w = with_targets(1, [](RegionParams& p) { p.acquisition_rate = 1.0; });
  const std::size_t t = w.firms.size() - 1;
  w.firms.employees[t] = 1e9;
  phase_exits(w);
  EXPECT_EQ(w.firms.alive[t], 1);
  EXPECT_EQ(count_events(w, EventKind::Acquisition), 0U);
}

TEST(Exits, AFireSaleReturnsLessThanAHealthySaleOfTheSameFirm) {
  auto sale = [](bool distress, double discount) {
    World w = with_targets(1, [&](RegionParams& p) {
      p.acquisition_rate = 1.0;
      p.acquisition_growth_weight = 0.0;
      p.fire_sale_rate = 1.0;
      p.fire_sale_discount = discount;
    });
    const std::size_t t = w.firms.size() - 1;
    give_stake(w, t, 0.5);
    if (distress) w.firms.cash[t] = 1e-6;
    EXPECT_EQ(short_of_runway(w.firms, w.regions[0].p, t), distress);
    phase_exits(w);
    const FirmEvent* e = first_event(w, EventKind::Acquisition);
    EXPECT_NE(e, nullptr);
    const double cash = std::max(0.0, w.firms.cash[t]);  // the target's cash is paid on top of the business
    return e ? std::pair{e->price - cash, e->multiple} : std::pair{-1.0, -1.0};
  };
  const auto healthy = sale(false, 0.5);
  const auto distressed = sale(true, 0.5);
  EXPECT_NEAR(healthy.first, 100.0, 1e-9);
  EXPECT_NEAR(distressed.first, 50.0, 1e-9);
  EXPECT_LT(distressed.second, healthy.second);
  EXPECT_NEAR(sale(true, 0.0).first, 100.0, 1e-9);  // no discount: the same price for the business
  EXPECT_NEAR(sale(true, 1.0).first, 0.0, 1e-9);    // full discount: nothing for the business
}

TEST(Exits, GrowingTargetsAreBoughtMoreOften) {
  auto acquisitions = [](double growth, double weight) {
    World w = with_targets(4000, [&](RegionParams& p) {
      p.acquisition_rate = 0.01;
      p.acquisition_growth_weight = weight;
      p.acquirer_pool = 1000;
    });
    for (std::size_t i = w.firms.size() - 4000; i < w.firms.size(); ++i) w.firms.revenue_growth[i] = growth;
    phase_exits(w);
    return w.regions[0].flow.exits_acq;
  };
  // exp(1) = 2.7 times as many at growth 1 (expected 109 against 40).
  EXPECT_GT(acquisitions(1.0, 1.0), 2.0 * acquisitions(0.0, 1.0));
  EXPECT_LT(acquisitions(1.0, 1.0), 4.0 * acquisitions(0.0, 1.0));
  // Weight 0: growth does not matter (the same draws).
  EXPECT_EQ(acquisitions(1.0, 0.0), acquisitions(0.0, 0.0));
}

TEST(Exits, NoTechnologyIpoBeforeTheExitMarketOpens) {
  auto ipos = [](bool open, Sector sector) {
    World w = with_targets(1, [&](RegionParams& p) {
      p.ipo_rate = 1.0;
      p.acquisition_rate = 0.0;
      p.star_market_open = open;
    });
    const std::size_t t = w.firms.size() - 1;
    w.firms.sector[t] = static_cast<std::uint8_t>(sector);
    w.firms.fundamental_value[t] = w.regions[0].p.ipo_min_value;
    w.firms.revenue_avg[t] = w.regions[0].p.ipo_min_revenue / 12.0;
    phase_exits(w);
    return count_events(w, EventKind::Ipo);
  };
  EXPECT_EQ(ipos(false, Sector::AI), 0U);
  EXPECT_EQ(ipos(false, Sector::HardTech), 0U);
  EXPECT_EQ(ipos(true, Sector::AI), 1U);
  EXPECT_EQ(ipos(false, Sector::Services), 1U);  // other sectors list on the main boards
}

TEST(Exits, AnIpoNeedsValueAndRevenue) {
  auto listed = [](double value_share, double revenue_share) {
    World w = with_targets(1, [](RegionParams& p) {
      p.ipo_rate = 1.0;
      p.acquisition_rate = 0.0;
    });
    const std::size_t t = w.firms.size() - 1;
    give_stake(w, t, 0.1);
    w.firms.fundamental_value[t] = value_share * w.regions[0].p.ipo_min_value;
    w.firms.revenue_avg[t] = revenue_share * w.regions[0].p.ipo_min_revenue / 12.0;
    phase_exits(w);
    if (w.firms.listed[t]) {
      EXPECT_EQ(w.firms.valuation[t], w.firms.fundamental_value[t]);
      EXPECT_EQ(w.firms.alive[t], 1);  // a listed firm goes on
      EXPECT_NEAR(first_event(w, EventKind::Ipo)->multiple, 0.1 * w.firms.fundamental_value[t] / 10.0, 1e-9);
    }
    return static_cast<bool>(w.firms.listed[t]);
  };
  EXPECT_TRUE(listed(1.0, 1.0));
  EXPECT_FALSE(listed(0.99, 10.0));
  EXPECT_FALSE(listed(10.0, 0.99));
}

}  // namespace rf
