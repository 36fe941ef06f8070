// Sobol and Morris estimators against functions whose sensitivities are known in closed form.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numbers>

#include "sim/base/errors.hpp"
#include "sim/studies/analyze.hpp"
#include "sim/studies/design.hpp"
#include "sim/studies/sensitivity.hpp"

namespace rf {

namespace {

constexpr double kA = 7.0, kB = 0.1;
const double kPi = std::numbers::pi;

double ishigami(double x1, double x2, double x3) {
  return std::sin(x1) + kA * std::sin(x2) * std::sin(x2) + kB * std::pow(x3, 4) * std::sin(x1);
}

struct IshigamiTruth {
  double s[3], st[3];
};

// Ishigami & Homma (1990); Saltelli et al. (2008), Global Sensitivity Analysis, sec. 4.
IshigamiTruth ishigami_truth() {
  const double v1 = 0.5 * std::pow(1.0 + kB * std::pow(kPi, 4) / 5.0, 2);
  const double v2 = kA * kA / 8.0;
  const double v13 = 8.0 * kB * kB * std::pow(kPi, 8) / 225.0;
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

}  // namespace

TEST(Sobol, TruthOfIshigamiIsTheKnownTable) {
  const auto t = ishigami_truth();
  EXPECT_NEAR(t.s[0], 0.3139, 1e-4);
  EXPECT_NEAR(t.s[1], 0.4424, 1e-4);
  EXPECT_NEAR(t.st[0], 0.5576, 1e-4);
  EXPECT_NEAR(t.st[2], 0.2437, 1e-4);
}

// Tolerance: 0.03 absolute on every index with N = 16,384 base points; the bootstrap standard
// errors at this N are about 0.005 to 0.01, so 0.03 is three to six of them.
TEST(Sobol, IshigamiIndicesWithinTolerance) {
  const std::size_t n = 16384, k = 3;
  const auto d = saltelli_design(n, k, 42);
  std::vector<double> y(d.points);
  for (std::size_t i = 0; i < d.points; ++i) {
    auto x = [&](std::size_t j) { return -kPi + 2.0 * kPi * d.at(i, j); };
    y[i] = ishigami(x(0), x(1), x(2));
  }
  const auto est = sobol_indices(y, n, k, 200, 9);
  const auto truth = ishigami_truth();
  for (std::size_t j = 0; j < k; ++j) {
    std::printf("x%zu: S1 %.4f [%.4f, %.4f] (true %.4f)  ST %.4f [%.4f, %.4f] (true %.4f)\n", j + 1, est.first[j].value,
                est.first[j].low, est.first[j].high, truth.s[j], est.total[j].value, est.total[j].low, est.total[j].high,
                truth.st[j]);
    EXPECT_NEAR(est.first[j].value, truth.s[j], 0.03) << "S1 of x" << j + 1;
    EXPECT_NEAR(est.total[j].value, truth.st[j], 0.03) << "ST of x" << j + 1;
    EXPECT_LE(est.first[j].low, est.first[j].value);
    EXPECT_GE(est.total[j].high, est.total[j].value);
  }
  // Variance of the Ishigami function: a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
  const double var = kA * kA / 8 + kB * std::pow(kPi, 4) / 5 + kB * kB * std::pow(kPi, 8) / 18 + 0.5;
  EXPECT_NEAR(est.variance / var, 1.0, 0.05);
}

TEST(Sobol, IntervalsShrinkWithMorePoints) {
  auto width = [](std::size_t n) {
    const auto d = saltelli_design(n, 3, 5);
    std::vector<double> y(d.points);
    for (std::size_t i = 0; i < d.points; ++i) {
      y[i] = ishigami(-kPi + 2 * kPi * d.at(i, 0), -kPi + 2 * kPi * d.at(i, 1), -kPi + 2 * kPi * d.at(i, 2));
    }
    const auto e = sobol_indices(y, n, 3, 200, 3);
    return e.total[0].high - e.total[0].low;
  };
  EXPECT_GT(width(256), 2.0 * width(4096));
}

TEST(Sobol, RejectsAnIncompleteDesign) {
  EXPECT_THROW(sobol_indices(std::vector<double>(10), 4, 2, 10, 1), Error);
}

TEST(Sobol, AConstantOutcomeHasUndefinedIndicesNotZero) {
  const std::size_t n = 16, k = 2;
  const auto est = sobol_indices(std::vector<double>(n * (k + 2), 7.0), n, k, 50, 3);
  EXPECT_EQ(est.variance, 0.0);
  for (std::size_t j = 0; j < k; ++j) {
    EXPECT_TRUE(std::isnan(est.first[j].value) && std::isnan(est.first[j].low) && std::isnan(est.first[j].high));
    EXPECT_TRUE(std::isnan(est.total[j].value) && std::isnan(est.total[j].low) && std::isnan(est.total[j].high));
  }
}

TEST(Morris, LinearFunctionHasExactEffectsAndNoSpread) {
  // f = 3 x0 - 2 x1 + 0 x2: every elementary effect equals the coefficient.
  const auto d = morris_design(12, 3, 4, 8);
  std::vector<double> y(d.points);
  for (std::size_t i = 0; i < d.points; ++i) y[i] = 3 * d.at(i, 0) - 2 * d.at(i, 1);
  const auto e = morris_effects(d, y, 100, 1);
  EXPECT_NEAR(e.mu[0], 3.0, 1e-12);
  EXPECT_NEAR(e.mu[1], -2.0, 1e-12);
  EXPECT_NEAR(e.mu_star[1], 2.0, 1e-12);
  EXPECT_NEAR(e.mu_star[2], 0.0, 1e-12);
  EXPECT_NEAR(e.sigma[0], 0.0, 1e-12);
}

TEST(Morris, InteractionShowsAsSpread) {
  // f = x0 x1: the effect of x0 depends on x1, so sigma > 0; x2 does nothing.
  const auto d = morris_design(30, 3, 4, 2);
  std::vector<double> y(d.points);
  for (std::size_t i = 0; i < d.points; ++i) y[i] = d.at(i, 0) * d.at(i, 1);
  const auto e = morris_effects(d, y, 100, 1);
  EXPECT_GT(e.sigma[0], 0.1);
  EXPECT_GT(e.mu_star[0], 0.2);
  EXPECT_EQ(e.mu_star[2], 0.0);
  EXPECT_LE(e.mu_star_ci[0].low, e.mu_star[0]);
  EXPECT_GE(e.mu_star_ci[0].high, e.mu_star[0]);
}

TEST(Morris, IshigamiRanksX1AboveX3AndX3NonZero) {
  const auto d = morris_design(200, 3, 4, 4);
  std::vector<double> y(d.points);
  for (std::size_t i = 0; i < d.points; ++i) {
    y[i] = ishigami(-kPi + 2 * kPi * d.at(i, 0), -kPi + 2 * kPi * d.at(i, 1), -kPi + 2 * kPi * d.at(i, 2));
  }
  const auto e = morris_effects(d, y, 0, 1);
  EXPECT_GT(e.mu_star[0], e.mu_star[2]);
  EXPECT_GT(e.mu_star[2], 0.0);  // x3 acts only through its interaction with x1
  EXPECT_GT(e.sigma[2], 0.0);
}

TEST(Spearman, MonotoneIsOneAndTiesAreHandled) {
  EXPECT_DOUBLE_EQ(spearman({1, 2, 3, 4}, {1, 8, 27, 64}), 1.0);
  EXPECT_DOUBLE_EQ(spearman({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
  EXPECT_NEAR(spearman({1, 1, 2, 2}, {1, 2, 3, 4}), 0.894427, 1e-6);
  EXPECT_TRUE(std::isnan(spearman({1, 2, 3}, {5, 5, 5})));  // undefined for a constant, not 0
}

}  // namespace rf
