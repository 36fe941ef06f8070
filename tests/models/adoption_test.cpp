#include <gtest/gtest.h>

#include <cmath>

#include "fixture.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {
double adoption_share(World& w) {
  double a = 0;
  for (auto x : w.firms.ai) a += x;
  return a / static_cast<double>(w.firms.size());
}
}  // namespace

TEST(Adoption, NothingHappensWithZeroCoefficients) {
  World w = test::small_world(3000, 1, 1, [](RegionParams& p) {
    p.innovation_p = 0.0;
    p.imitation_q = 0.0;
  });
  for (w.month = 0; w.month < 24; ++w.month) phase_adoption(w);
  EXPECT_EQ(adoption_share(w), 0.0);
}

TEST(Adoption, AdoptedNeighboursRaiseTheHazard) {
  auto share_after = [](double q) {
    World w = test::small_world(5000, 2, 1, [q](RegionParams& p) {
      p.innovation_p = 0.001;
      p.imitation_q = q;
      p.switching_size = 0.0;
    });
    for (std::size_t i = 0; i < w.firms.size(); i += 10) w.firms.ai[i] = 1;  // 10 % seeded
    for (w.month = 0; w.month < 12; ++w.month) phase_adoption(w);
    return adoption_share(w);
  };
  EXPECT_GT(share_after(0.5), share_after(0.0) + 0.1);
}

// Statistical tier: with only external influence p and no size effect, the share after t
// months is 1 - exp(-p t) exactly in expectation (the hazard form removes step-length bias).
TEST(AdoptionStatistics, ExternalOnlyMatchesExponential) {
  World w = test::small_world(20000, 4, 1, [](RegionParams& p) {
    p.innovation_p = 0.02;
    p.imitation_q = 0.0;
    p.switching_size = 0.0;
    p.opportunity_lists = 0.0;
    p.state_share = 0.0;
    p.private_share = 1.0;
  });
  for (w.month = 0; w.month < 24; ++w.month) phase_adoption(w);
  const double expected = 1.0 - std::exp(-0.02 * 24);
  const double se = std::sqrt(expected * (1 - expected) / 20000.0);
  EXPECT_NEAR(adoption_share(w), expected, 5 * se);
}

TEST(Adoption, SmallFirmsLag) {
  World w = test::small_world(20000, 4, 1, [](RegionParams& p) {
    p.innovation_p = 0.05;
    p.imitation_q = 0.0;
    p.switching_size = 20.0;
  });
  for (w.month = 0; w.month < 6; ++w.month) phase_adoption(w);
  double small = 0, ns = 0, large = 0, nl = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.employees[i] < 2) small += w.firms.ai[i], ++ns;
    if (w.firms.employees[i] > 50) large += w.firms.ai[i], ++nl;
  }
  EXPECT_LT(small / ns, 0.5 * large / nl);
}

}  // namespace rf
