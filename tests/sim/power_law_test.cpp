#include "sim/base/power_law.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/base/rng.hpp"

namespace rf {

TEST(PowerLaw, RecoversTheExponentAndThresholdOfSyntheticData) {
  // Lognormal body below s = 20, Pareto tail alpha = 1.06 above: CSN must find both.
  std::vector<double> sizes;
  for (std::uint32_t i = 0; i < 200000; ++i) {
    Stream s(9, Entity::Graph, i, 0, 0);
    if (s.bernoulli(0.3)) {
      sizes.push_back(20.0 * std::pow(s.uniform_pos(), -1.0 / 1.06));
    } else {
      sizes.push_back(std::min(19.9, std::exp(1.0 + 0.8 * s.normal())));
    }
  }
  const auto fit = fit_power_law(sizes);
  EXPECT_NEAR(fit.alpha, 1.06, 4 * fit.alpha_se + 0.01);
  // Above the true threshold every cut-off fits a Pareto tail, so CSN may settle a little higher,
  // never well below it (the lognormal body would spoil the fit).
  EXPECT_GE(fit.s_min, 18.0);
  EXPECT_LT(fit.s_min, 40.0);
  EXPECT_LT(fit.ks, 0.01);
}

TEST(PowerLaw, TooFewPointsGiveNoFit) {
  EXPECT_EQ(fit_power_law({1, 2, 3}).n_tail, 0u);
}

}  // namespace rf
