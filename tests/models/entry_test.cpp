#include <gtest/gtest.h>

#include <cmath>

#include "fixture.hpp"
#include "models/economics.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {
double births(World& w, Origin origin, int months) {
  double n = 0.0;
  for (w.month = 0; w.month < months; ++w.month) {
    w.regions[0].flow = RegionFlows{};
    phase_government(w);
    phase_talent(w);
    phase_entry(w);
    n += w.regions[0].flow.births[static_cast<int>(origin)];
  }
  return n;
}
}  // namespace

TEST(Entry, BaselineEntryFollowsRate) {
  World w = test::small_world(20000, 1, 1, [](RegionParams& p) { p.entry_rate = 0.01; });
  w.regions[0].alive = 20000;
  const double n = births(w, Origin::Other, 12);
  EXPECT_NEAR(n, 0.01 * 20000 * 12, 5.0 * std::sqrt(0.01 * 20000 * 12));
  World z = test::small_world(2000, 1, 1, [](RegionParams& p) { p.entry_rate = 0.0; });
  z.regions[0].alive = 2000;
  EXPECT_EQ(births(z, Origin::Other, 12), 0.0);
}

TEST(Entry, AcademicEntrepreneurshipLeverMultipliesSpinoffs) {
  auto spinoffs = [](bool allowed) {
    World w = test::small_world(100000, 2, 1, [allowed](RegionParams& p) {
      p.academic_entrepreneurship = allowed;
      p.spinoff_without_share = 0.2;
    });
    return births(w, Origin::Academic, 60);
  };
  const double with = spinoffs(true);
  const double without = spinoffs(false);
  EXPECT_GT(with, 20.0);
  EXPECT_LT(without, 0.45 * with);
}

TEST(Entry, SpinoutsOnlyFromLargePrivateFirms) {
  World w = test::small_world(5000, 4, 1, [](RegionParams& p) { p.spinout_rate = 0.01; });
  const std::size_t before = w.firms.size();
  w.month = 0;
  phase_entry(w);
  std::size_t spinouts = 0;
  for (std::size_t i = before; i < w.firms.size(); ++i) {
    if (w.firms.origin[i] == static_cast<std::uint8_t>(Origin::Corporate)) ++spinouts;
  }
  EXPECT_GT(spinouts, 0u);
  EXPECT_EQ(w.pending_ties.size(), spinouts);  // each is tied to its parent
  for (const auto& e : w.pending_ties) {
    EXPECT_GE(w.firms.employees[e.u], w.regions[0].p.large_firm_employees);
    EXPECT_EQ(w.firms.ownership[e.u], static_cast<std::uint8_t>(Ownership::Private));
  }
}

TEST(Entry, GraduateFoundersStartTechFirmsWhenTheShareIsOne) {
  World w = test::small_world(2000, 1, 1, [](RegionParams& p) { p.graduate_tech_share = 1.0; });
  w.regions[0].pending_graduate_founders = 10;
  w.month = 0;
  const std::size_t before = w.firms.size();
  phase_entry(w);
  std::size_t graduates = 0;
  for (std::size_t i = before; i < w.firms.size(); ++i) {
    if (w.firms.origin[i] != static_cast<std::uint8_t>(Origin::Graduate)) continue;
    ++graduates;
    EXPECT_TRUE(is_tech(w.firms.sector[i]));
    EXPECT_EQ(w.firms.birth_month[i], 0);
  }
  EXPECT_EQ(graduates, 10u);
}

// Statistical tier: a graduate's firm is in tech with probability g + (1 - g) * t, where t is the
// region's tech share. 4,000 founders: within 5 binomial standard deviations.
TEST(EntryStatistics, GraduateTechShareSplitsFoundersSectors) {
  constexpr double kShare = 0.25;
  World w = test::small_world(2000, 1, 1, [](RegionParams& p) { p.graduate_tech_share = kShare; });
  const RegionParams& p = w.regions[0].p;
  const double expected = kShare + (1.0 - kShare) * (p.share_ai + p.share_hardtech);
  double tech = 0.0, founders = 0.0;
  for (w.month = 0; w.month < 40; ++w.month) {
    w.regions[0].pending_graduate_founders = 100;
    const std::size_t before = w.firms.size();
    phase_entry(w);
    for (std::size_t i = before; i < w.firms.size(); ++i) {
      if (w.firms.origin[i] != static_cast<std::uint8_t>(Origin::Graduate)) continue;
      founders += 1.0;
      tech += is_tech(w.firms.sector[i]) ? 1.0 : 0.0;
    }
  }
  ASSERT_EQ(founders, 4000.0);
  EXPECT_NEAR(tech / founders, expected, 5.0 * std::sqrt(expected * (1.0 - expected) / founders));
}

TEST(Entry, InitialPopulationMatchesShares) {
  World w = test::small_world(50000, 3, 1, [](RegionParams& p) {
    p.private_share = 0.6;
    p.state_share = 0.3;
  });
  double priv = 0, state = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    priv += w.firms.ownership[i] == static_cast<std::uint8_t>(Ownership::Private);
    state += w.firms.ownership[i] == static_cast<std::uint8_t>(Ownership::State);
  }
  EXPECT_NEAR(priv / 50000, 0.6, 0.01);
  EXPECT_NEAR(state / 50000, 0.3, 0.01);
}

TEST(Entry, TruncatedParetoInvertsItsDistributionFunction) {
  constexpr double kMin = 1.0, kMax = 1e5, kAlpha = 1.059;
  EXPECT_DOUBLE_EQ(truncated_pareto(kMin, kMax, kAlpha, 0.0), kMin);
  EXPECT_NEAR(truncated_pareto(kMin, kMax, kAlpha, 1.0), kMax, 1e-6 * kMax);
  for (double u : {0.1, 0.5, 0.9, 0.999}) {
    const double s = truncated_pareto(kMin, kMax, kAlpha, u);
    const double cdf = (1.0 - std::pow(kMin / s, kAlpha)) / (1.0 - std::pow(kMin / kMax, kAlpha));
    EXPECT_NEAR(cdf, u, 1e-12) << "u = " << u;
  }
}

namespace {
/// Potential (target) sizes of `count` baseline entrants, read back from their log productivity
/// at the price they entered at.
std::vector<double> entrant_potentials(double exponent, int count) {
  World w = test::small_world(1000, 5, 1, [exponent](RegionParams& p) {
    p.entrant_potential_exponent = exponent;
    p.productivity_sd = 0.0;
  });
  const std::size_t before = w.firms.size();
  test::add_entrants(w, Sector::Services, count, w.regions[0].p.startup_size);
  const RegionParams& p = w.regions[0].p;
  const auto s = static_cast<std::uint8_t>(Sector::Services);
  std::vector<double> potentials;
  for (std::size_t i = before; i < w.firms.size(); ++i) {
    EXPECT_EQ(w.firms.employees[i], p.startup_size);  // every entrant starts small
    potentials.push_back(
        target_employment(w.firms.log_productivity[i], w.regions[0].price[s], average_wage(p, s), p.labour_elasticity));
  }
  return potentials;
}
}  // namespace

TEST(Entry, WithoutAPotentialLawEntrantsAimAtTheirStartingSize) {
  for (double potential : entrant_potentials(0.0, 50)) EXPECT_NEAR(potential, RegionParams{}.startup_size, 1e-9);
}

// Statistical tier: entrants' potentials follow a Pareto law truncated at entrant_max_potential.
// Share above 10 and above 100 employees among 40,000 entrants: within 5 binomial standard deviations.
TEST(EntryStatistics, EntrantsAimAtPotentialsFromATruncatedParetoLaw) {
  constexpr int kCount = 40000;
  const RegionParams p;
  const auto potentials = entrant_potentials(p.entrant_potential_exponent, kCount);
  ASSERT_EQ(potentials.size(), static_cast<std::size_t>(kCount));
  const double truncation = std::pow(p.min_employees / p.entrant_max_potential, p.entrant_potential_exponent);
  for (double size : {10.0, 100.0}) {
    const double expected = (std::pow(p.min_employees / size, p.entrant_potential_exponent) - truncation) / (1.0 - truncation);
    double above = 0.0;
    for (double v : potentials) above += v > size ? 1.0 : 0.0;
    EXPECT_NEAR(above / kCount, expected, 5.0 * std::sqrt(expected * (1.0 - expected) / kCount)) << "above " << size;
  }
  for (double v : potentials) {
    EXPECT_GE(v, p.min_employees * (1.0 - 1e-9));
    EXPECT_LE(v, p.entrant_max_potential * (1.0 + 1e-9));
  }
}

}  // namespace rf
