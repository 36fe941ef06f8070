// Holm and Benjamini-Hochberg adjustments on known p-value sets.
#include "sim/base/multiplicity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "sim/base/errors.hpp"

namespace rf {

namespace {
// The 15 p-values of Benjamini & Hochberg (1995, J. R. Stat. Soc. B 57:289, section 4.2; from
// Neuhaus et al. 1992). At 0.05 the paper's step-up procedure rejects the four smallest and the
// Bonferroni-type procedures three. Adjusted values below computed with numpy (Holm: the k-th
// smallest times m - k + 1, running maximum; BH: times m / k, running minimum from the top).
const std::vector<double> kNeuhaus = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
                                      0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000};
}  // namespace

TEST(Multiplicity, HolmOnTheBenjaminiHochbergExample) {
  const auto h = stats::adjust_p_values(kNeuhaus, stats::Correction::Holm);
  const std::vector<double> expected = {0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278,
                                        0.3213, 1.0,    1.0,    1.0,   1.0,    1.0,   1.0};
  int rejected = 0;
  for (std::size_t i = 0; i < h.size(); ++i) {
    EXPECT_NEAR(h[i], expected[i], 1e-12) << i;
    rejected += h[i] < 0.05 ? 1 : 0;
  }
  EXPECT_EQ(rejected, 3);
}

TEST(Multiplicity, BenjaminiHochbergOnItsOwnExample) {
  const auto b = stats::adjust_p_values(kNeuhaus, stats::Correction::BenjaminiHochberg);
  const std::vector<double> expected = {0.0015,          0.003,           0.0095,          0.035625,        0.0603,
                                        0.0638571428571, 0.0638571428571, 0.0645,          0.0765,          0.486,
                                        0.5811818181818, 0.714875,        0.7532307692308, 0.8132142857143, 1.0};
  int rejected = 0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    EXPECT_NEAR(b[i], expected[i], 1e-10) << i;
    rejected += b[i] <= 0.05 ? 1 : 0;
  }
  EXPECT_EQ(rejected, 4);
}

TEST(Multiplicity, KeepsTheInputOrderAndSkipsUntested) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // Holm by hand on (0.01, 0.04, 0.03, 0.005): 0.005*4 = 0.02, 0.01*3 = 0.03, 0.03*2 = 0.06,
  // max(0.06, 0.04*1) = 0.06. BH: 0.005*4/1 = 0.02, 0.01*4/2 = 0.02, 0.03*4/3 = 0.04, 0.04*4/4 = 0.04.
  const std::vector<double> p = {0.01, nan, 0.04, 0.03, 0.005};
  const auto h = stats::adjust_p_values(p, stats::Correction::Holm);
  const auto b = stats::adjust_p_values(p, stats::Correction::BenjaminiHochberg);
  const std::vector<double> holm = {0.03, nan, 0.06, 0.06, 0.02}, bh = {0.02, nan, 0.04, 0.04, 0.02};
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (std::isnan(p[i])) {
      EXPECT_TRUE(std::isnan(h[i]) && std::isnan(b[i]));
      continue;
    }
    EXPECT_NEAR(h[i], holm[i], 1e-15) << i;
    EXPECT_NEAR(b[i], bh[i], 1e-15) << i;
  }
}

TEST(Multiplicity, NamesAndSpellings) {
  EXPECT_EQ(stats::correction_name(stats::parse_correction("holm")), "Holm");
  EXPECT_EQ(stats::correction_name(stats::parse_correction("bh")), "Benjamini-Hochberg");
  EXPECT_THROW(stats::parse_correction("bonferroni"), UsageError);
}

}  // namespace rf
