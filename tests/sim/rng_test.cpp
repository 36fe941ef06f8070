#include "sim/base/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace rf {

TEST(Philox, MatchesRandom123KnownAnswers) {
  // Known-answer vectors of Random123's philox4x32_10 (kat_vectors).
  const Counter4 zero = philox4x32({0, 0, 0, 0}, 0);
  EXPECT_EQ(zero, (Counter4{0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u}));
  const Counter4 ones = philox4x32({0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}, 0xffffffffffffffffull);
  EXPECT_EQ(ones, (Counter4{0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu}));
  const Counter4 pi = philox4x32({0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u}, 0x299f31d0a4093822ull);
  EXPECT_EQ(pi, (Counter4{0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u}));
}

TEST(Stream, SameAddressSameDraws) {
  Stream a(42, Entity::Firm, 7, 3, 11);
  Stream b(42, Entity::Firm, 7, 3, 11);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next_u32(), b.next_u32());
}

TEST(Stream, DifferentAddressesDiffer) {
  const auto first = [](std::uint64_t seed, Entity e, std::uint32_t id, std::uint32_t d, std::uint32_t m) {
    return Stream(seed, e, id, d, m).next_u32();
  };
  const auto base = first(42, Entity::Firm, 7, 3, 11);
  EXPECT_NE(base, first(43, Entity::Firm, 7, 3, 11));
  EXPECT_NE(base, first(42, Entity::Region, 7, 3, 11));
  EXPECT_NE(base, first(42, Entity::Firm, 8, 3, 11));
  EXPECT_NE(base, first(42, Entity::Firm, 7, 4, 11));
  EXPECT_NE(base, first(42, Entity::Firm, 7, 3, 12));
}

// Statistical tier: moments of the derived distributions over 200,000 draws, within 5 standard
// errors (a false alarm about once in 3.5 million runs).
TEST(StreamStatistics, UniformNormalExponentialPoissonMoments) {
  constexpr int kN = 200000;
  double su = 0, su2 = 0, sn = 0, sn2 = 0, se = 0, sp = 0, sp2 = 0, sbig = 0;
  for (int i = 0; i < kN; ++i) {
    Stream s(1, Entity::Firm, static_cast<std::uint32_t>(i), 1, 0);
    const double u = s.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    su += u;
    su2 += u * u;
    const double n = s.normal();
    sn += n;
    sn2 += n * n;
    se += s.exponential(2.0);
    const double p = s.poisson(3.5);
    sp += p;
    sp2 += p * p;
    sbig += s.poisson(50.0);
  }
  const double n = kN;
  EXPECT_NEAR(su / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(su2 / n - (su / n) * (su / n), 1.0 / 12, 0.002);
  EXPECT_NEAR(sn / n, 0.0, 5 * std::sqrt(1.0 / n));
  EXPECT_NEAR(sn2 / n, 1.0, 5 * std::sqrt(2.0 / n));
  EXPECT_NEAR(se / n, 2.0, 5 * 2.0 / std::sqrt(n));
  EXPECT_NEAR(sp / n, 3.5, 5 * std::sqrt(3.5 / n));
  EXPECT_NEAR(sp2 / n - (sp / n) * (sp / n), 3.5, 0.06);
  EXPECT_NEAR(sbig / n, 50.0, 5 * std::sqrt(50.0 / n) + 0.5);
}

TEST(Stream, NormalPairStartsWithWhatNormalReturns) {
  Stream a(42, Entity::Firm, 7, 3, 11);
  Stream b(42, Entity::Firm, 7, 3, 11);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.normal_pair().first, b.normal());
}

// Statistical tier: the second value of a pair is a standard normal uncorrelated with the first;
// 200,000 pairs, each moment within 5 standard errors.
TEST(StreamStatistics, NormalPairIsTwoIndependentStandardNormals) {
  constexpr int kN = 200000;
  double s2 = 0, ss2 = 0, s12 = 0;
  for (int i = 0; i < kN; ++i) {
    Stream s(3, Entity::Firm, static_cast<std::uint32_t>(i), 1, 0);
    const auto [z1, z2] = s.normal_pair();
    s2 += z2;
    ss2 += z2 * z2;
    s12 += z1 * z2;
  }
  const double n = kN;
  EXPECT_NEAR(s2 / n, 0.0, 5 * std::sqrt(1.0 / n));
  EXPECT_NEAR(ss2 / n, 1.0, 5 * std::sqrt(2.0 / n));
  EXPECT_NEAR(s12 / n, 0.0, 5 * std::sqrt(1.0 / n));
}

TEST(Stream, BelowIsInRangeAndCoversIt) {
  std::vector<int> seen(7, 0);
  Stream s(5, Entity::Graph, 0, 0, 0);
  for (int i = 0; i < 7000; ++i) {
    const auto v = s.below(7);
    ASSERT_LT(v, 7u);
    ++seen[v];
  }
  for (int c : seen) EXPECT_GT(c, 800);
}

TEST(Stream, PoissonOfZeroMeanIsZero) {
  Stream s(5, Entity::Graph, 0, 0, 0);
  EXPECT_EQ(s.poisson(0.0), 0u);
  EXPECT_EQ(s.poisson(-1.0), 0u);
}

namespace {
/// Stream::poisson by plain inversion, as it was before it skipped the exp for draws that cannot
/// give a count above 0 (means up to 30).
std::uint32_t poisson_by_inversion(Stream& s, double mean) {
  const double u = s.uniform();
  double p = std::exp(-mean);
  double cdf = p;
  std::uint32_t k = 0;
  while (u > cdf && k < 1000) {
    ++k;
    p *= mean / k;
    cdf += p;
  }
  return k;
}
}  // namespace

TEST(Stream, PoissonSkippingTheExpGivesTheSameCounts) {
  const double means[] = {1e-300, 1e-15, 1e-12, 1e-9, 1e-6, 1e-4, 0.003, 0.05, 0.3, 1.0, 2.5, 7.0, 29.9};
  for (const double mean : means) {
    for (std::uint32_t id = 0; id < 20000; ++id) {
      Stream a(99, Entity::Firm, id, 5, 7), b(99, Entity::Firm, id, 5, 7);
      ASSERT_EQ(a.poisson(mean), poisson_by_inversion(b, mean)) << "mean " << mean << " id " << id;
      ASSERT_EQ(a.next_u32(), b.next_u32()) << "the same draws are used";
    }
  }
}

// What the shortcut rests on: the threshold is never above exp(-mean) as computed.
TEST(Stream, PoissonShortcutThresholdIsBelowTheComputedExp) {
  for (double mean = 1e-300; mean <= 30.0; mean *= 1.01) EXPECT_LE(1.0 - mean - 1e-12, std::exp(-mean)) << mean;
}

TEST(RunSeed, DistinctPerIndexAndBase) {
  EXPECT_NE(run_seed(1, 0), run_seed(1, 1));
  EXPECT_NE(run_seed(1, 0), run_seed(2, 0));
  EXPECT_EQ(run_seed(9, 3), run_seed(9, 3));
}

}  // namespace rf
