#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "fixture.hpp"
#include "models/economics.hpp"
#include "models/network.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {
/// Ties firms 0 and 1 (the tie's decay weight comes from their positions now).
void tie_pair(World& w) {
  w.edges = {make_tie(w, 0, 1)};
  w.graph.build(2, w.edges);
}

/// Two tied firms, firm 0 knows more; both do R&D.
World pair(const std::function<void(RegionParams&)>& tweak = {}) {
  World w = test::small_world(2, 1, 1, [&](RegionParams& p) {
    p.initial_degree = 0.0;
    p.university_rate = 0.0;
    if (tweak) tweak(p);
  });
  for (std::size_t i = 0; i < 2; ++i) {
    w.firms.revenue[i] = 1.0;
    w.firms.rd_spend[i] = 0.1;
    w.firms.university[i] = -1;
    w.firms.x[i] = w.firms.y[i] = 0.0F;
  }
  tie_pair(w);
  w.firms.knowledge[0][0] = 10.0F;
  return w;
}
}  // namespace

TEST(Spillover, KnowledgeFlowsFromRicherToPoorerNeighbour) {
  World w = pair();
  phase_spillover(w);
  const RegionParams& p = w.regions[0].p;
  const double a = 0.1 / (0.1 + p.absorptive_half);
  EXPECT_NEAR(w.firms.knowledge[1][0], p.rate * a * 10.0, 1e-5);
  EXPECT_FLOAT_EQ(w.firms.knowledge[0][0], 10.0F);  // the richer firm loses nothing
}

TEST(Spillover, NoFlowWithoutRateOrAbsorptiveCapacity) {
  World w = pair([](RegionParams& p) { p.rate = 0.0; });
  phase_spillover(w);
  EXPECT_EQ(w.firms.knowledge[1][0], 0.0F);
  World v = pair();
  v.firms.rd_spend[1] = 0.0;
  phase_spillover(v);
  EXPECT_EQ(v.firms.knowledge[1][0], 0.0F);
}

TEST(Spillover, DistanceHalvesFlowAtHalfDistance) {
  World near = pair();
  World far = pair();
  far.firms.x[1] = static_cast<float>(far.regions[0].p.distance_half_km);
  tie_pair(far);
  phase_spillover(near);
  phase_spillover(far);
  EXPECT_NEAR(far.firms.knowledge[1][0] / near.firms.knowledge[1][0], 0.5, 1e-5);
}

TEST(Spillover, UniversityLinkTransfersKnowledge) {
  World w = pair([](RegionParams& p) { p.university_rate = 0.05; });
  w.universities.at(0).knowledge = 4.0;
  w.firms.university[1] = 0;
  w.firms.knowledge[0][0] = 0.0F;
  phase_spillover(w);
  EXPECT_GT(w.firms.knowledge[1][1], 0.0F);
  EXPECT_EQ(w.firms.knowledge[0][1], 0.0F);
}

TEST(Innovation, NoInnovationWithoutRAndD) {
  World w = test::small_world(3000, 1, 1, [](RegionParams& p) { p.productivity_shock_sd = 0.0; });
  std::fill(w.firms.rd_spend.begin(), w.firms.rd_spend.end(), 0.0);
  const auto before = w.firms.log_productivity;
  for (w.month = 0; w.month < 12; ++w.month) phase_innovation(w);
  EXPECT_EQ(w.firms.log_productivity, before);
  EXPECT_EQ(w.regions[0].flow.innovations, 0.0);
}

// Statistical tier: innovation counts are Poisson with the documented rate. Over 20,000 firms
// and 12 months the total is within 5 standard deviations of its expectation.
TEST(InnovationStatistics, CountsMatchTheDocumentedRate) {
  World w = test::small_world(20000, 3, 1, [](RegionParams& p) {
    p.base_rate = 0.5;
    p.talent_elasticity = 0.0;
    p.compute_elasticity = 0.0;
    p.data_elasticity = 0.0;
    p.knowledge_elasticity = 0.0;
  });
  double expected = 0.0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    w.firms.rd_spend[i] = 0.01;
    set_log_quality(w.firms, i, 0.0);
    expected += 0.5 * 0.01;
  }
  for (w.month = 0; w.month < 12; ++w.month) phase_innovation(w);  // knowledge grows but has no effect here
  expected *= 12;
  EXPECT_NEAR(w.regions[0].flow.innovations, expected, 5.0 * std::sqrt(expected));
  EXPECT_NEAR(w.regions[0].flow.patents, 0.5 * expected, 5.0 * std::sqrt(expected));
}

TEST(Innovation, ScopeDilutesGainsOfLargeFirms) {
  World w = test::small_world(2, 1, 1, [](RegionParams& p) {
    p.productivity_shock_sd = 0.0;
    p.base_rate = 10.0;
  });
  w.firms.rd_spend[0] = w.firms.rd_spend[1] = 1.0;
  set_log_quality(w.firms, 0, 0.0);
  set_log_quality(w.firms, 1, 0.0);
  w.firms.revenue[0] = 0.0;
  w.firms.revenue[1] = 99.0 * w.regions[0].p.innovation_scope;  // gains cut to 1 %
  const auto before = w.firms.log_productivity;
  for (w.month = 0; w.month < 24; ++w.month) phase_innovation(w);
  const double small_gain = w.firms.log_productivity[0] - before[0];
  const double large_gain = w.firms.log_productivity[1] - before[1];
  EXPECT_GT(small_gain, 10.0 * large_gain);
}

TEST(Innovation, ShockSpreadFallsAsAPowerOfSizeAboveTheReference) {
  EXPECT_EQ(size_scaled_sd(0.02, 0.25, 10.0, 1.0), 0.02);
  EXPECT_EQ(size_scaled_sd(0.02, 0.25, 10.0, 10.0), 0.02);
  EXPECT_NEAR(size_scaled_sd(0.02, 0.25, 10.0, 160.0), 0.01, 1e-12);  // 16^-0.25 = 1/2
  EXPECT_EQ(size_scaled_sd(0.02, 0.0, 10.0, 1e6), 0.02);
  EXPECT_EQ(size_scaled_sd(0.0, 0.25, 10.0, 1e6), 0.0);
}

TEST(Innovation, PermanentAndTransitoryShocksHaveTheirOwnSpreadAndExponent) {
  RegionParams p;
  p.productivity_shock_sd = 0.02;
  p.shock_size_exponent = 0.25;
  p.transitory_shock_sd = 0.04;
  p.transitory_size_exponent = 0.5;
  p.shock_reference_employees = 1.0;
  EXPECT_NEAR(shock_sd(p, 16.0), 0.01, 1e-15);               // 16^-0.25 = 1/2
  EXPECT_NEAR(transitory_shock_sd(p, 16.0), 0.01, 1e-15);    // 16^-0.5 = 1/4
  EXPECT_NEAR(transitory_shock_sd(p, 100.0), 0.004, 1e-15);  // 100^-0.5 = 1/10
  EXPECT_EQ(transitory_shock_sd(p, 1.0), 0.04);
}

// Statistical tier: without R&D the transitory part of log productivity is an AR(1) with
// coefficient rho and stationary variance sd(L)^2 / (1 - rho^2). 20,000 firms of 1 and of 10,000
// employees, 60 months (rho^120 < 1e-5 of the start remains): variances within 5 % (5 standard
// errors of a variance from 20,000 draws) and the lag-one autocorrelation within 0.01 (8 s.e.).
TEST(InnovationStatistics, TransitoryProductivityIsAStationaryAR1BySize) {
  constexpr double kRho = 0.9;
  World w = test::small_world(40000, 1, 1, [](RegionParams& p) {
    p.productivity_shock_sd = 0.0;
    p.transitory_shock_sd = 0.03;
    p.transitory_persistence = kRho;
    p.transitory_size_exponent = 0.5;
    p.shock_reference_employees = 1.0;
  });
  Firms& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    f.rd_spend[i] = 0.0;
    f.employees[i] = i % 2 == 0 ? 1.0 : 10000.0;
  }
  const auto permanent = f.log_productivity;
  std::vector<double> last;
  for (w.month = 0; w.month < 60; ++w.month) {
    last = f.log_productivity_transitory;
    phase_innovation(w);
  }
  EXPECT_EQ(f.log_productivity, permanent);  // the permanent walk has no spread here
  double ss[2] = {0.0, 0.0}, lag[2] = {0.0, 0.0}, prev[2] = {0.0, 0.0}, n[2] = {0.0, 0.0};
  for (std::size_t i = 0; i < f.size(); ++i) {
    const double z = f.log_productivity_transitory[i];
    ss[i % 2] += z * z;
    lag[i % 2] += z * last[i];
    prev[i % 2] += last[i] * last[i];
    n[i % 2] += 1.0;
  }
  const RegionParams& p = w.regions[0].p;
  for (int k = 0; k < 2; ++k) {
    const double sd = transitory_shock_sd(p, k == 0 ? 1.0 : 10000.0);
    const double stationary = sd * sd / (1.0 - kRho * kRho);
    EXPECT_NEAR(ss[k] / n[k], stationary, 0.05 * stationary) << "size class " << k;
    EXPECT_NEAR(lag[k] / std::sqrt(ss[k] * prev[k]), kRho, 0.01) << "size class " << k;
  }
}

// Statistical tier: the monthly change of log productivity of firms without R&D has the spread
// shock_sd(size). 20,000 firms of 1 and of 10,000 employees: each sample sd within 5 % of it.
TEST(InnovationStatistics, LargeFirmsDrawSmallerShocks) {
  World w = test::small_world(40000, 1, 1, [](RegionParams& p) {
    p.productivity_shock_sd = 0.02;
    p.shock_size_exponent = 0.2;
    p.shock_reference_employees = 1.0;
  });
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    w.firms.rd_spend[i] = 0.0;
    w.firms.employees[i] = i % 2 == 0 ? 1.0 : 10000.0;
  }
  const auto before = w.firms.log_productivity;
  w.month = 0;
  phase_innovation(w);
  double ss[2] = {0.0, 0.0}, n[2] = {0.0, 0.0};
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    const double d = w.firms.log_productivity[i] - before[i];
    ss[i % 2] += d * d;
    n[i % 2] += 1.0;
  }
  const RegionParams& p = w.regions[0].p;
  EXPECT_NEAR(std::sqrt(ss[0] / n[0]), shock_sd(p, 1.0), 0.05 * shock_sd(p, 1.0));
  EXPECT_NEAR(std::sqrt(ss[1] / n[1]), shock_sd(p, 10000.0), 0.05 * shock_sd(p, 10000.0));
  EXPECT_NEAR(shock_sd(p, 10000.0), 0.02 * std::pow(10000.0, -0.2), 1e-15);
}

namespace {
/// The tied pair of pair(), bartering at rate 0.5, with knowledge vectors set by the test.
World barter_pair(std::array<float, kSectors> k0, std::array<float, kSectors> k1) {
  World w = pair([](RegionParams& p) {
    p.exchange = static_cast<int>(KnowledgeExchange::Barter);
    p.rate = 0.5;
  });
  w.firms.knowledge[0] = k0;
  w.firms.knowledge[1] = k1;
  return w;
}
}  // namespace

TEST(Barter, NoTradeWhenOneFirmLeadsInEveryDimension) {
  World w = barter_pair({2, 2, 2, 2}, {1, 1, 1, 1});
  for (w.month = 0; w.month < 12; ++w.month) phase_spillover(w);
  EXPECT_EQ(w.firms.knowledge[0], (std::array<float, kSectors>{2, 2, 2, 2}));
  EXPECT_EQ(w.firms.knowledge[1], (std::array<float, kSectors>{1, 1, 1, 1}));
}

TEST(Barter, DoubleCoincidenceTradesEachLeadWithoutOvershoot) {
  World w = barter_pair({4, 0, 1, 1}, {0, 4, 1, 1});
  phase_spillover(w);
  // Both firms start a trade in month 0 (each meets its only neighbour), one after the other.
  const RegionParams& p = w.regions[0].p;
  const double a = 0.1 / (0.1 + p.absorptive_half);
  const double g = 0.5 * a;  // share of a gap absorbed per trade
  const auto& k0 = w.firms.knowledge[0];
  const auto& k1 = w.firms.knowledge[1];
  // After the first trade: firm 0 has 4g in dimension 1, firm 1 has 4g in dimension 0; the second
  // trade closes a share g of the remaining gaps 4(1 - g).
  EXPECT_NEAR(k0[1], 4 * g + g * 4 * (1 - g), 1e-5);
  EXPECT_NEAR(k1[0], 4 * g + g * 4 * (1 - g), 1e-5);
  EXPECT_FLOAT_EQ(k0[0], 4.0F);  // nobody loses what it gives
  EXPECT_FLOAT_EQ(k0[2], 1.0F);  // equal dimensions do not move
  for (w.month = 1; w.month < 200; ++w.month) phase_spillover(w);
  EXPECT_LE(k0[1], 4.0F);  // gains close gaps but never pass the partner
  EXPECT_LE(k1[0], 4.0F);
  EXPECT_GT(k0[1], 3.9F);
}

}  // namespace rf
