// Designs: stratification of Latin hypercubes, the structure of Saltelli blocks and Morris
// trajectories, grid order, and determinism.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "sim/studies/design.hpp"

namespace rf {

TEST(Design, LatinHypercubeHasOnePointPerStratumInEveryColumn) {
  const std::size_t n = 50, k = 4;
  const auto d = latin_hypercube(n, k, 3);
  for (std::size_t j = 0; j < k; ++j) {
    std::set<std::size_t> strata;
    for (std::size_t i = 0; i < n; ++i) {
      const double u = d.at(i, j);
      ASSERT_GE(u, 0.0);
      ASSERT_LT(u, 1.0);
      strata.insert(static_cast<std::size_t>(u * n));
    }
    EXPECT_EQ(strata.size(), n) << "column " << j;
  }
  EXPECT_EQ(latin_hypercube(n, k, 3).unit, d.unit);
  EXPECT_NE(latin_hypercube(n, k, 4).unit, d.unit);
}

TEST(Design, SaltelliBlocksTakeOneColumnFromB) {
  const std::size_t n = 8, k = 3;
  const auto d = saltelli_design(n, k, 1);
  ASSERT_EQ(d.points, n * (k + 2));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t b = 0; b < k; ++b) {
      const std::size_t row = (2 + b) * n + i;
      EXPECT_EQ(d.block[row], static_cast<std::int64_t>(2 + b));
      EXPECT_EQ(d.changed[row], static_cast<std::int64_t>(b));
      for (std::size_t j = 0; j < k; ++j) EXPECT_EQ(d.at(row, j), j == b ? d.at(n + i, j) : d.at(i, j));
    }
    for (std::size_t j = 0; j < k; ++j) EXPECT_NE(d.at(i, j), d.at(n + i, j));  // A and B are independent
  }
}

TEST(Design, MorrisStepsChangeOneParameterByDelta) {
  const std::size_t r = 20, k = 5;
  const int levels = 6;
  const auto d = morris_design(r, k, levels, 9);
  ASSERT_EQ(d.points, r * (k + 1));
  const double delta = morris_delta(levels);
  for (std::size_t t = 0; t < r; ++t) {
    std::set<std::int64_t> moved;
    for (std::size_t s = 1; s <= k; ++s) {
      const std::size_t row = t * (k + 1) + s;
      const auto j = d.changed[row];
      ASSERT_GE(j, 0);
      moved.insert(j);
      for (std::size_t c = 0; c < k; ++c) {
        const double step = d.at(row, c) - d.at(row - 1, c);
        EXPECT_NEAR(std::abs(step), static_cast<std::int64_t>(c) == j ? delta : 0.0, 1e-12);
        EXPECT_GE(d.at(row, c), 0.0);
        EXPECT_LE(d.at(row, c), 1.0);
        // Points stay on the grid of levels.
        const double level = d.at(row, c) * (levels - 1);
        EXPECT_NEAR(level, std::round(level), 1e-9);
      }
    }
    EXPECT_EQ(moved.size(), k) << "every parameter moves once per trajectory";
    EXPECT_EQ(d.changed[t * (k + 1)], -1);
  }
}

TEST(Design, GridIsTheCartesianProductLastParameterFastest) {
  const auto d = grid_design({3, 2}, {false, true});
  ASSERT_EQ(d.points, 6u);
  EXPECT_EQ(d.at(0, 0), 0.0);
  EXPECT_EQ(d.at(0, 1), 0.25);
  EXPECT_EQ(d.at(1, 1), 0.75);
  EXPECT_EQ(d.at(2, 0), 0.5);
  EXPECT_EQ(d.at(5, 0), 1.0);
}

TEST(Design, RandomPointsAreUniformOnAverage) {
  const auto d = random_design(20000, 2, 5);
  double mean = 0.0;
  for (double u : d.unit) mean += u;
  mean /= static_cast<double>(d.unit.size());
  EXPECT_NEAR(mean, 0.5, 4.0 * std::sqrt(1.0 / 12.0 / 40000.0));  // four standard errors
}

}  // namespace rf
