#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "fixture.hpp"
#include "models/phases.hpp"
#include "models/population.hpp"

namespace rf {

namespace {
double adoption_share(const World& w) {
  double a = 0;
  for (auto x : w.firms.ai) a += x;
  return a / static_cast<double>(w.firms.size());
}

double sector_share(const World& w, Sector sector) {
  double a = 0, n = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.sector[i] != static_cast<std::uint8_t>(sector)) continue;
    a += w.firms.ai[i];
    n += 1.0;
  }
  return a / n;
}

void run_months(World& w, int months) {
  for (w.month = 0; w.month < months; ++w.month) phase_adoption(w);
}
}  // namespace

TEST(Adoption, NothingHappensWithZeroCoefficients) {
  World w = test::small_world(3000, 1, 1, [](RegionParams& p) {
    p.innovation_p = 0.0;
    p.imitation_q = 0.0;
  });
  run_months(w, 24);
  EXPECT_EQ(adoption_share(w), 0.0);
}

TEST(Adoption, AdoptedNeighboursRaiseTheHazard) {
  auto share_after = [](double q) {
    World w = test::small_world(5000, 2, 1, [q](RegionParams& p) { test::plain_bass(p, 0.001, q); });
    for (std::size_t i = 0; i < w.firms.size(); i += 10) w.firms.ai[i] = 1;  // 10 % seeded
    run_months(w, 12);
    return adoption_share(w);
  };
  EXPECT_GT(share_after(0.5), share_after(0.0) + 0.1);
}

// Zero imitation: whom a firm imitates cannot matter. With q = 0 the ties-only and the
// peers-only exposure give the same adopters, draw for draw.
TEST(Adoption, ZeroImitationIgnoresTiesAndPeers) {
  auto adopters_with = [](double peer_weight) {
    World w = test::small_world(5000, 3, 1, [peer_weight](RegionParams& p) {
      test::plain_bass(p, 0.01, 0.0);
      p.peer_weight = peer_weight;
    });
    for (std::size_t i = 0; i < w.firms.size(); i += 5) w.firms.ai[i] = 1;
    run_months(w, 12);
    return w.firms.ai;
  };
  EXPECT_EQ(adopters_with(0.0), adopters_with(1.0));
}

// Extreme imitation: a few adopters convert nearly everyone within 15 months through sector
// peers, including firms without ties; with imitation of ties only, no untied firm ever adopts.
TEST(Adoption, ExtremeImitationSpreadsThroughPeersToTheWholeSector) {
  auto run = [](double peer_weight) {
    World w = test::small_world(5000, 4, 1, [peer_weight](RegionParams& p) {
      test::plain_bass(p, 0.0, 1.0);
      p.peer_weight = peer_weight;
    });
    for (std::size_t i = 0; i < w.firms.size(); i += 100) w.firms.ai[i] = 1;  // 1 % seeded
    run_months(w, 15);
    return w;
  };
  const World peers = run(1.0);
  EXPECT_GT(sector_share(peers, Sector::Services), 0.95);
  const World ties = run(0.0);
  double untied = 0, untied_adopted = 0;
  for (std::size_t i = 0; i < ties.firms.size(); ++i) {
    if (i % 100 == 0 || ties.graph.degree(i) > 0) continue;
    untied += 1.0;
    untied_adopted += ties.firms.ai[i];
  }
  ASSERT_GT(untied, 0.0) << "the test population should have firms without ties";
  EXPECT_EQ(untied_adopted, 0.0);
}

// Statistical tier: with only external influence p and no size effect, the share after t
// months is 1 - exp(-p t) exactly in expectation (the hazard form removes step-length bias).
TEST(AdoptionStatistics, ExternalOnlyMatchesExponential) {
  World w = test::small_world(20000, 4, 1, [](RegionParams& p) { test::plain_bass(p, 0.02, 0.0); });
  run_months(w, 24);
  const double expected = 1.0 - std::exp(-0.02 * 24);
  const double se = std::sqrt(expected * (1 - expected) / 20000.0);
  EXPECT_NEAR(adoption_share(w), expected, 5 * se);
}

TEST(Adoption, SmallFirmsLag) {
  World w = test::small_world(20000, 4, 1, [](RegionParams& p) {
    test::plain_bass(p, 0.05, 0.0);
    p.switching_size = 20.0;
  });
  run_months(w, 6);
  double small = 0, ns = 0, large = 0, nl = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.employees[i] < 2) small += w.firms.ai[i], ++ns;
    if (w.firms.employees[i] > 50) large += w.firms.ai[i], ++nl;
  }
  EXPECT_LT(small / ns, 0.5 * large / nl);
}

TEST(Adoption, CapitalIntensiveSectorsAdoptFaster) {
  World w = test::small_world(20000, 5, 1, [](RegionParams& p) {
    test::plain_bass(p, 0.02, 0.0);
    p.share_heavy = 0.3;
    p.adoption_speed_heavy = 2.0;
  });
  run_months(w, 12);
  const double heavy = sector_share(w, Sector::Heavy), services = sector_share(w, Sector::Services);
  EXPECT_NEAR(heavy, 1.0 - std::exp(-0.04 * 12), 0.03);
  EXPECT_NEAR(services, 1.0 - std::exp(-0.02 * 12), 0.02);
}

TEST(Adoption, CheaperComputeAndVouchersLowerTheCostOfAdopting) {
  World w = test::small_world(100, 1, 1, [](RegionParams& p) { p.adoption_compute_share = 0.2; });
  RegionState& r = w.regions[0];
  r.compute_price = r.p.import_price;
  r.voucher_left = 0.0;
  EXPECT_DOUBLE_EQ(adoption_cost(r), 1.0);
  r.compute_price = 0.5 * r.p.import_price;
  EXPECT_DOUBLE_EQ(adoption_cost(r), 0.9);  // 0.8 + 0.2 x 0.5
  r.lever.voucher_rate = 0.25;
  r.voucher_left = 1.0;
  EXPECT_DOUBLE_EQ(adoption_cost(r), 0.8 + 0.2 * 0.5 * 0.75);
  r.voucher_left = 0.0;  // an exhausted voucher budget no longer lowers it
  EXPECT_DOUBLE_EQ(adoption_cost(r), 0.9);
}

TEST(Adoption, EntrantsAdoptAtFoundingAtTheLocalRateOfTheirSector) {
  auto entrant_share = [](double ratio, double local) {
    World w = test::small_world(100, 6, 1, [ratio](RegionParams& p) { p.entrant_adoption_ratio = ratio; });
    w.regions[0].adopted_share[static_cast<int>(Sector::Services)] = local;
    const std::size_t first = w.firms.size();
    test::add_entrants(w, Sector::Services, 4000, 1.0);
    double adopted = 0;
    for (std::size_t i = first; i < w.firms.size(); ++i) adopted += w.firms.ai[i];
    return adopted / 4000.0;
  };
  EXPECT_NEAR(entrant_share(1.0, 0.3), 0.3, 0.03);
  EXPECT_NEAR(entrant_share(2.0, 0.3), 0.6, 0.03);
  EXPECT_EQ(entrant_share(0.0, 0.3), 0.0);
  EXPECT_EQ(entrant_share(1.0, 0.0), 0.0);
}

}  // namespace rf

namespace rf {

// The adoption phase skips the exp when the draw is at or above bass_step_bound: that is the same
// decision only if no computed probability exceeds the bound.
TEST(Adoption, StepBoundIsAboveEveryComputedProbability) {
  const double rates[] = {0.0, 1e-300, 1e-12, 1e-6, 1e-3, 0.01, 0.05, 0.2, 0.5, 1.0, 3.0, 10.0, 40.0};
  const double shares[] = {0.0, 1e-9, 0.01, 0.1, 0.3, 0.5, 0.9, 0.999, 1.0};
  for (const double p : rates) {
    for (const double q : rates) {
      for (const double m : shares) {
        EXPECT_LE(bass_step_probability(p, q, m), bass_step_bound(p, q, m)) << p << " " << q << " " << m;
      }
    }
  }
  EXPECT_EQ(bass_step_bound(-0.1, 0.2, 0.5), std::numeric_limits<double>::infinity());
  EXPECT_EQ(bass_step_bound(0.1, 0.2, 1.5), std::numeric_limits<double>::infinity());
}

}  // namespace rf
