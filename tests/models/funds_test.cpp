// Fund life cycles, fundraising and rounds by stage (docs/MODEL.md 7.12), each mechanism at zero
// and extreme values.
#include <gtest/gtest.h>

#include <cmath>

#include "fixture.hpp"
#include "models/funds.hpp"
#include "models/phases.hpp"
#include "models/population.hpp"

namespace rf {

namespace {

/// A region whose only investor is one fund of `mandate` (raised at month `vintage`, 1,000 m CNY,
/// half in reserve) and whose only seekers are `n` young private firms out of cash; every seeker
/// clears the bar and rounds are paid at once.
World one_fund(std::size_t n, Mandate mandate, std::int32_t vintage = 0) {
  World w = test::small_world(20, 1, 1, [](RegionParams& p) {
    p.vc_capital = 0.0;
    p.patient_capital = 0.0;
    p.guidance_fund = 0.0;
    p.screening_rate = 500.0;
    p.partner_screens = 1000.0;
    p.decision_latency = 0;
    p.hurdle = -5.0;
    p.fund_reserve_share = 0.5;
  });
  w.month = 0;
  w.funds.add(FundType::Patient, 0, mandate, vintage, 120.0, 1000.0, 0.5);
  test::add_cashless_seekers(w, Sector::Services, n);
  return w;
}

std::size_t last_fund(const World& w) {
  return w.funds.size() - 1;
}

std::vector<const FirmEvent*> rounds(const World& w) {
  std::vector<const FirmEvent*> out;
  for (const FirmEvent& e : w.events) {
    if (e.kind == EventKind::Round) out.push_back(&e);
  }
  return out;
}

/// Seeds every seeker at month 0, then sends the funded ones back for their next round at month
/// 7 (out of cash again), with a patent since the round when `milestone`.
World after_seed(bool milestone, std::int32_t vintage_at_follow_on) {
  World w = one_fund(30, Mandate::Seed);
  phase_capital(w);
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.rounds[i] == 0) continue;
    w.firms.cash[i] = 0.0;
    if (milestone) ++w.firms.patents[i];
  }
  w.events.clear();
  w.regions[0].flow = RegionFlows{};
  w.funds.vintage[last_fund(w)] = vintage_at_follow_on;
  w.month = 7;
  return w;
}

}  // namespace

TEST(Rounds, AFirstRoundIsSeedAtTheTablesSizeAndPrice) {
  World w = one_fund(30, Mandate::Seed);
  phase_capital(w);
  const RegionParams& p = w.regions[0].p;
  ASSERT_FALSE(rounds(w).empty());
  for (const FirmEvent* e : rounds(w)) {
    EXPECT_EQ(e->stage, static_cast<std::int8_t>(RoundStage::Seed));
    EXPECT_NEAR(e->amount, p.premoney_seed * p.round_dilution / (1.0 - p.round_dilution), 1e-9);
    EXPECT_NEAR(e->pre_money, p.premoney_seed, 1e-9);  // no revenue yet: the stage's median
    std::size_t i = 0;
    while (w.firms.id[i] != e->firm) ++i;
    EXPECT_EQ(w.firms.funding_stage[i], 1);
    // The firm plans to spend the round over round_runway_months.
    EXPECT_NEAR(w.firms.equity_burn[i], w.firms.equity_unspent[i] / p.round_runway_months, 1e-12);
  }
}

TEST(Rounds, AFundPastItsInvestmentPeriodMakesNoNewSeedDeal) {
  const RegionParams p;
  World w = one_fund(30, Mandate::Seed, -static_cast<std::int32_t>(p.fund_investment_period));
  w.funds.uncalled[last_fund(w)] = 500.0;  // even with uncalled capital left
  phase_capital(w);
  EXPECT_TRUE(rounds(w).empty());
  EXPECT_EQ(w.regions[0].flow.funded, 0.0);
  // One month younger, the same fund invests.
  World young = one_fund(30, Mandate::Seed, 1 - static_cast<std::int32_t>(p.fund_investment_period));
  phase_capital(young);
  EXPECT_FALSE(rounds(young).empty());
}

TEST(Rounds, AGrowthFundMakesNoSeedRound) {
  World w = one_fund(30, Mandate::Growth);
  phase_capital(w);
  EXPECT_TRUE(rounds(w).empty());
}

TEST(Rounds, AFollowOnWithAMilestoneIsTheNextStageFromReserveAfterTheInvestmentPeriod) {
  const RegionParams defaults;
  World w = after_seed(true, -static_cast<std::int32_t>(defaults.fund_investment_period));  // past it, alive
  const std::size_t k = last_fund(w);
  const double uncalled = w.funds.uncalled[k];
  const double reserve = w.funds.reserve[k];
  phase_capital(w);
  const auto paid = rounds(w);
  ASSERT_FALSE(paid.empty());
  const RegionParams& p = w.regions[0].p;
  double amount = 0.0;
  for (const FirmEvent* e : paid) {
    EXPECT_EQ(e->stage, static_cast<std::int8_t>(RoundStage::A));
    EXPECT_NEAR(e->amount, stage_round_size(p, RoundStage::A), 1e-9);
    EXPECT_GE(e->pre_money, p.premoney_a);
    amount += e->amount;
  }
  EXPECT_EQ(w.funds.uncalled[k], uncalled);
  EXPECT_NEAR(reserve - w.funds.reserve[k], amount, 1e-9);
  EXPECT_EQ(w.regions[0].flow.down_rounds, 0.0);
}

TEST(Rounds, WithoutAMilestoneOnlyABridgeBelowTheLastPostMoney) {
  World w = after_seed(false, 0);
  phase_capital(w);
  const auto paid = rounds(w);
  ASSERT_FALSE(paid.empty());
  const RegionParams& p = w.regions[0].p;
  for (const FirmEvent* e : paid) {
    EXPECT_EQ(e->stage, static_cast<std::int8_t>(RoundStage::Seed));                   // no new stage
    EXPECT_LT(e->pre_money, p.premoney_seed + stage_round_size(p, RoundStage::Seed));  // the seed's post-money
  }
  EXPECT_EQ(w.regions[0].flow.down_rounds, static_cast<double>(paid.size()));
}

TEST(Rounds, AFundPastItsLifeMakesNoFollowOn) {
  const RegionParams defaults;
  World w = after_seed(true, -static_cast<std::int32_t>(defaults.fund_life));
  w.funds.reserve[last_fund(w)] = 500.0;  // even with reserve left
  phase_capital(w);
  EXPECT_TRUE(rounds(w).empty());
}

TEST(Rounds, AFundWhoseReserveCannotHoldTheRoundMakesNone) {
  World w = after_seed(true, 0);
  const std::size_t k = last_fund(w);
  w.funds.reserve[k] = stage_round_size(w.regions[0].p, RoundStage::A) * 0.99;
  w.funds.uncalled[k] = 0.0;
  phase_capital(w);
  EXPECT_TRUE(rounds(w).empty());
}

TEST(Funds, InvestmentPeriodEndMovesUncalledToReserveAndLifeEndReleasesIt) {
  World w = one_fund(0, Mandate::Seed);
  const std::size_t k = last_fund(w);
  const RegionParams& p = w.regions[0].p;
  w.month = static_cast<std::int32_t>(p.fund_investment_period) - 1;
  phase_funds(w);
  EXPECT_EQ(w.funds.uncalled[k], 500.0);
  w.month = static_cast<std::int32_t>(p.fund_investment_period);
  phase_funds(w);
  EXPECT_EQ(w.funds.uncalled[k], 0.0);
  EXPECT_EQ(w.funds.reserve[k], 1000.0);
  w.month = static_cast<std::int32_t>(p.fund_life);
  phase_funds(w);
  EXPECT_EQ(w.funds.reserve[k], 0.0);
  EXPECT_EQ(w.funds.committed[k], 1000.0);  // the record stays
}

TEST(Funds, FundraisingFollowsTheMultipleOfRecentVintages) {
  const RegionParams p;
  // Elasticity 0: the base, capital over the fund life in years, whatever the multiple.
  RegionParams flat = p;
  flat.fundraising_elasticity = 0.0;
  EXPECT_NEAR(fundraising_amount(flat, 1200.0, 0.0), 1200.0 * 12.0 / p.fund_life, 1e-12);
  // Elasticity 1: nothing for a multiple of 0, the base at 1, capped above.
  EXPECT_EQ(fundraising_amount(p, 1200.0, 0.0), 0.0);
  EXPECT_NEAR(fundraising_amount(p, 1200.0, 1.0), 1200.0 * 12.0 / p.fund_life, 1e-12);
  EXPECT_NEAR(fundraising_amount(p, 1200.0, 100.0), p.fundraising_cap * 1200.0 * 12.0 / p.fund_life, 1e-9);
}

TEST(Funds, NoCommitmentsWhenRecentVintagesLostEverything) {
  auto raised = [](double elasticity) {
    World w = test::small_world(200, 1, 1, [elasticity](RegionParams& p) { p.fundraising_elasticity = elasticity; });
    // A fund of year one called capital into firms now worth nothing, and distributed nothing.
    w.funds.add(FundType::Venture, 0, Mandate::Seed, 0, 48.0, 100.0, 0.5);
    w.funds.called[last_fund(w)] = 50.0;
    const std::size_t before = w.funds.size();
    w.month = 12;  // January of year two
    EXPECT_EQ(recent_multiple(w, 0), 0.0);
    phase_funds(w);
    EXPECT_GT(w.funds.size(), before);  // this year's guidance fund at least
    return w.regions[0].flow.funds_raised;
  };
  EXPECT_EQ(raised(1.0), 0.0);
  const RegionParams p = test::small_scenario(200).regions[0].params;
  EXPECT_NEAR(raised(0.0), (p.vc_capital + p.patient_capital) * 12.0 / p.fund_life, 1e-9);
}

TEST(Funds, ARegionWithNoCalledCapitalRaisesTheBase) {
  World w = test::small_world(200);
  EXPECT_EQ(recent_multiple(w, 0), 1.0);
}

TEST(Funds, TheMonthZeroStockHasDrawnWithAge) {
  World w = test::small_world(200);
  const RegionParams& p = w.regions[0].p;
  for (std::size_t k = 0; k < w.funds.size(); ++k) {
    if (w.funds.type[k] == FundType::Guidance) continue;
    const double age = -w.funds.vintage[k];
    EXPECT_GT(age, 0.0);
    EXPECT_LT(age, p.fund_life);
    EXPECT_EQ(w.funds.uncalled[k] > 0.0, age < p.fund_investment_period) << k;
    EXPECT_LE(w.funds.uncalled[k] + w.funds.reserve[k], w.funds.committed[k]);
  }
}

}  // namespace rf
