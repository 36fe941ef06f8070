#include <gtest/gtest.h>

#include <utility>

#include "fixture.hpp"
#include "models/phases.hpp"
#include "models/population.hpp"

namespace rf {

namespace {
/// A region whose only seekers are `n` young private firms low on cash.
World with_seekers(std::size_t n, const std::function<void(RegionParams&)>& tweak = {}) {
  World w = test::small_world(20, 1, 1, [&](RegionParams& p) {
    p.vc_capital = 100000.0;
    p.patient_capital = 100000.0;
    p.screening_rate = 500.0;
    if (tweak) tweak(p);
  });
  w.month = 0;
  test::fresh_funds(w);
  test::add_cashless_seekers(w, Sector::AI, n);
  return w;
}
double invested(const World& w) {
  const auto& fl = w.regions[0].flow;
  return fl.invested[0] + fl.invested[1] + fl.invested[2];
}
/// One screening month of `n` seekers at a data openness: noisy signals (1.5 at openness 0, a
/// tenth of that at 1), partners who can screen every seeker, rounds paid at once.
World screened_at(double openness, std::size_t n, double hurdle) {
  World w = with_seekers(n, [hurdle](RegionParams& p) {
    p.decision_latency = 0;
    p.screening_noise = 1.5;
    p.noise_reduction = 0.9;
    p.hurdle = hurdle;
    p.screening_rate = 2000.0;
    p.partner_screens = 1000.0;  // deal flow set by capital, not capped by the partners
  });
  w.regions[0].lever.data_openness = openness;
  phase_capital(w);
  return w;
}
}  // namespace

TEST(Capital, InvestedEqualsReceivedAndFundsShrink) {
  World w = with_seekers(500, [](RegionParams& p) { p.decision_latency = 0; });
  const double before = test::undrawn(w);
  phase_capital(w);
  EXPECT_GT(invested(w), 0.0);
  EXPECT_NEAR(invested(w), w.regions[0].flow.received, 1e-9);
  EXPECT_NEAR(before - test::undrawn(w), invested(w), 1e-9);
  double called = 0.0;
  for (const double c : w.funds.called) called += c;
  EXPECT_NEAR(called, invested(w), 1e-9);  // capital is called when it is invested
}

TEST(Capital, DecisionLatencyDelaysPayment) {
  World w = with_seekers(500, [](RegionParams& p) { p.decision_latency = 3; });
  for (w.month = 0; w.month < 3; ++w.month) phase_capital(w);
  EXPECT_EQ(invested(w), 0.0);
  w.month = 3;
  phase_capital(w);
  EXPECT_GT(invested(w), 0.0);
}

TEST(Capital, OpennessImprovesSelection) {
  // With less screening noise, funded firms have higher latent quality.
  auto mean_quality = [](double openness) {
    const World w = screened_at(openness, 3000, -0.5);
    double q = 0, n = 0;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (w.firms.funding_total[i] > 0) q += w.firms.log_quality[i], ++n;
    }
    EXPECT_GT(n, 10);
    return q / n;
  };
  EXPECT_GT(mean_quality(1.0), mean_quality(0.0) + 0.2);
}

TEST(Capital, APerfectlyInformedFundNeverFundsAFirmBelowItsHurdle) {
  World w = with_seekers(3000, [](RegionParams& p) {
    p.decision_latency = 0;
    p.screening_noise = 0.0;
    p.reversal_probability = 0.0;
    p.cycle_tech = 1.0;  // no horizon penalty: the bar is the hurdle
    p.hurdle = 0.3;
  });
  phase_capital(w);
  double funded = 0.0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.funding_total[i] <= 0.0) continue;
    ++funded;
    EXPECT_GE(w.firms.log_quality[i], 0.3) << "slot " << i;
  }
  EXPECT_GT(funded, 10.0);
}

TEST(Capital, MoreDataOpennessNeverLowersTheQualityOfFundedFirms) {
  // The expected quality of a funded firm given the evidence is its posterior mean (belief_mean):
  // averaged over the funded firms it is E[m | m >= bar], which a sharper signal cannot lower.
  // (Realised qualities add the residual noise log q - m; OpennessImprovesSelection checks them.)
  auto funded = [](double openness) {
    // A hurdle above the prior mean, low enough that the noisiest signal still funds a few.
    const World w = screened_at(openness, 8000, 0.0);
    double expected = 0.0, n = 0.0;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (w.firms.funding_total[i] > 0.0) expected += w.firms.belief_mean[i], ++n;
    }
    return std::pair{expected / n, n};
  };
  const auto [q0, n0] = funded(0.0);
  const auto [q5, n5] = funded(0.5);
  const auto [q1, n1] = funded(1.0);
  ASSERT_GT(n0, 10.0);
  EXPECT_LE(q0, q5);
  EXPECT_LE(q5, q1);
  // A hurdle above the prior mean: a sharper signal lets more posteriors clear it.
  EXPECT_LT(n0, n5);
  EXPECT_LT(n5, n1);
}

TEST(Capital, EachSeekerIsScreenedOncePerEpisode) {
  World w = with_seekers(40, [](RegionParams& p) {
    p.decision_latency = 0;
    p.rescreen_months = 6.0;
    p.partner_screens = 100.0;
    p.hurdle = 10.0;  // nobody is funded: all stay seekers
  });
  phase_capital(w);
  for (std::size_t i = 20; i < w.firms.size(); ++i) EXPECT_EQ(w.firms.screened_month[i], 0) << "slot " << i;
  const auto precision = w.firms.belief_precision;
  for (w.month = 1; w.month < 6; ++w.month) phase_capital(w);
  EXPECT_EQ(w.firms.belief_precision, precision);  // no new look within the episode
  w.month = 6;
  phase_capital(w);
  for (std::size_t i = 20; i < w.firms.size(); ++i) EXPECT_GT(w.firms.belief_precision[i], precision[i]) << "slot " << i;
}

TEST(Capital, AFundThatHasSpentItsCapitalMakesNoRound) {
  World w = with_seekers(500, [](RegionParams& p) { p.decision_latency = 0; });
  for (std::size_t k = 0; k < w.funds.size(); ++k) w.funds.uncalled[k] = w.funds.reserve[k] = 0.0;
  phase_capital(w);
  EXPECT_EQ(w.regions[0].flow.funded, 0.0);
  EXPECT_EQ(invested(w), 0.0);
}

TEST(Capital, ShortHorizonVentureFundsAvoidLongCycleFirms) {
  auto vc_invested = [](double horizon) {
    World w = with_seekers(2000, [horizon](RegionParams& p) {
      p.decision_latency = 0;
      p.patient_capital = 0.0;
      p.guidance_fund = 0.0;
      p.vc_horizon = horizon;
      p.cycle_tech = 120.0;
    });
    phase_capital(w);
    return w.regions[0].flow.invested[0];
  };
  EXPECT_LT(vc_invested(24.0), 0.5 * vc_invested(120.0));
}

TEST(Capital, DesignerGuidanceFundOnlyFundsTargetSector) {
  World w = with_seekers(1000, [](RegionParams& p) {
    p.decision_latency = 0;
    p.vc_capital = 0.0;
    p.patient_capital = 0.0;
    p.guidance_mode = static_cast<int>(GuidanceMode::Designer);
    p.guidance_target = static_cast<int>(Sector::HardTech);
  });
  for (std::size_t k = 0; k < w.funds.size(); ++k) {
    if (w.funds.type[k] == FundType::Guidance) w.funds.uncalled[k] = 1000.0;
  }
  for (std::size_t i = 0; i < w.firms.size(); i += 2) w.firms.sector[i] = static_cast<std::uint8_t>(Sector::HardTech);
  phase_capital(w);
  double funded = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.funding_total[i] > 0) {
      ++funded;
      EXPECT_EQ(w.firms.sector[i], static_cast<std::uint8_t>(Sector::HardTech));
    }
  }
  EXPECT_GT(funded, 0);
}

TEST(Capital, PolicyInstabilityRaisesTheHurdleByTheExpectedLossOfTheLevers) {
  auto funded = [](double reversal, double openness, double vouchers) {
    World w = with_seekers(3000, [=](RegionParams& p) {
      p.decision_latency = 0;
      p.reversal_probability = reversal;
      p.data_openness = openness;
      p.voucher_rate = vouchers;
    });
    phase_capital(w);
    return w.regions[0].flow.funded;
  };
  // Frequent reversals of valuable levers fund fewer firms; reversals of levers worth nothing
  // change no decision (same streams, same bar).
  EXPECT_LT(funded(0.5, 1.0, 0.3), 0.9 * funded(0.0, 1.0, 0.3));
  EXPECT_EQ(funded(0.5, 0.0, 0.0), funded(0.0, 0.0, 0.0));
}

TEST(Exits, FirmsOutOfCashCloseAndStateFirmsHaveASoftBudget) {
  World w = test::small_world(2000, 1, 1, [](RegionParams& p) {
    p.exit_hazard = 0.0;
    p.state_share = 0.5;
    p.private_share = 0.5;
  });
  for (std::size_t i = 0; i < w.firms.size(); ++i) w.firms.cash[i] = -1e-6;
  w.month = 0;
  phase_exits(w);
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    const bool state = w.firms.ownership[i] == static_cast<std::uint8_t>(Ownership::State);
    EXPECT_EQ(static_cast<bool>(w.firms.alive[i]), state);
  }
  EXPECT_GT(w.regions[0].pending_refounds, 0.0);
}

TEST(Exits, AFirmOutOfCashClosesWhileAFundDecidesAndTheRoundGoesBack) {
  World w = with_seekers(300, [](RegionParams& p) {
    p.decision_latency = 3;
    p.exit_hazard = 0.0;
    p.closing_employees = 0.0;
    p.hurdle = -5.0;  // every screened seeker clears the bar: the test needs rounds awaiting payment
  });
  const double before = test::undrawn(w);
  phase_capital(w);
  std::size_t awaiting = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.pending_fund[i] >= 0) ++awaiting;
    w.firms.cash[i] = -1e-6;  // no cash, and no round paid yet
  }
  ASSERT_GT(awaiting, 0U);
  phase_exits(w);
  const double after = test::undrawn(w);
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.ownership[i] != static_cast<std::uint8_t>(Ownership::Private)) continue;
    EXPECT_EQ(w.firms.alive[i], 0) << "slot " << i;
    EXPECT_EQ(w.firms.pending_fund[i], -1) << "slot " << i;
  }
  EXPECT_NEAR(after, before, 1e-9 * before);  // every commitment returned to its fund
  std::size_t cash_failures = 0;
  for (const FirmEvent& e : w.events) cash_failures += e.kind == EventKind::Failure && e.cause == FailureCause::Cash;
  EXPECT_EQ(static_cast<double>(cash_failures), w.regions[0].flow.deaths);
  w.month = 3;
  phase_capital(w);  // the decided rounds fall due: nothing is paid to closed firms
  EXPECT_EQ(invested(w), 0.0);
}

// The default (closing_employees 0) closes a firm only when its cash runs out: a firm whose
// employment has decayed below one person lives on its cash (docs/MODEL.md 7.13).
TEST(Exits, AShrunkFirmWithCashStaysOpenUnlessAClosingSizeIsSet) {
  for (const double closing : {0.0, 0.5}) {
    World w = test::small_world(200, 1, 1, [closing](RegionParams& p) {
      p.exit_hazard = 0.0;
      p.closing_employees = closing;
    });
    for (std::size_t i = 0; i < w.firms.size(); ++i) w.firms.cash[i] = 10.0;
    w.firms.employees[0] = 0.1;
    w.month = 0;
    phase_exits(w);
    EXPECT_EQ(w.firms.alive[0], closing > 0.0 ? 0 : 1) << "closing_employees " << closing;
    if (closing > 0.0) continue;
    w.firms.cash[0] = -1e-6;  // its cash has run out
    w.month = 1;
    phase_exits(w);
    EXPECT_EQ(w.firms.alive[0], 0);
    ASSERT_FALSE(w.events.empty());
    EXPECT_EQ(w.events.back().cause, FailureCause::Cash);
  }
}

TEST(Exits, ExitHazardClosesHealthyFirms) {
  World w = test::small_world(20000, 2, 1, [](RegionParams& p) { p.exit_hazard = 0.05; });
  w.month = 0;
  phase_exits(w);
  EXPECT_NEAR(w.regions[0].flow.deaths / 20000.0, 0.05, 5 * std::sqrt(0.05 * 0.95 / 20000));
}

TEST(Exits, IpoPaysFundsTheirShare) {
  World w = with_seekers(300, [](RegionParams& p) {
    p.decision_latency = 0;
    p.ipo_rate = 1.0;
    p.exit_hazard = 0.0;
    p.hurdle = -5.0;  // every screened seeker clears the bar: the test needs a funded firm
  });
  phase_capital(w);
  std::size_t target = w.firms.size();
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.funding_total[i] > 0) target = i;
  }
  ASSERT_LT(target, w.firms.size());
  w.firms.cash[target] = 1e6;
  w.firms.fundamental_value[target] = w.regions[0].p.unicorn_valuation;  // large enough to list (STAR criteria)
  w.firms.revenue_avg[target] = w.regions[0].p.ipo_min_revenue / 12.0;
  double share = 0.0;
  for (auto h = w.firms.holding_head[target]; h >= 0; h = w.holdings[static_cast<std::size_t>(h)].next) {
    share += w.holdings[static_cast<std::size_t>(h)].share;
  }
  w.month = 1;
  phase_exits(w);
  EXPECT_EQ(w.firms.listed[target], 1);
  EXPECT_GE(w.regions[0].flow.exits_ipo, 1.0);
  EXPECT_GE(w.regions[0].flow.exit_proceeds, share * w.regions[0].p.unicorn_valuation - 1e-9);
  EXPECT_EQ(w.firms.holding_head[target], -1);
}

}  // namespace rf
