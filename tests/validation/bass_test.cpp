// Validation 1: AI adoption on a complete graph follows Bass's closed form at monthly steps.
#include <gtest/gtest.h>

#include <cmath>

#include "models/fixture.hpp"
#include "models/phases.hpp"

namespace rf {

namespace {

/// Bass (1969): F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
double bass(double p, double q, double t) {
  const double e = std::exp(-(p + q) * t);
  return (1.0 - e) / (1.0 + (q / p) * e);
}

/// The biased alternative: the hazard p + qF used as a monthly probability (mean field).
double naive_step_path(double p, double q, int months) {
  double f = 0.0;
  for (int t = 0; t < months; ++t) f += (p + q * f) * (1.0 - f);
  return f;
}

constexpr std::size_t kAgents = 600;
constexpr int kRuns = 20;
constexpr int kMonths = 48;

/// Mean adoption share by month over runs, all firms on one complete graph.
std::vector<double> simulate_complete_graph(double p, double q) {
  std::vector<double> mean(kMonths, 0.0);
  for (int run = 0; run < kRuns; ++run) {
    World w = test::small_world(static_cast<double>(kAgents), 100 + static_cast<std::uint64_t>(run), 1, [&](RegionParams& r) {
      test::plain_bass(r, p, q);
      r.initial_degree = 0.0;
    });
    w.edges.clear();
    for (std::uint32_t a = 0; a < kAgents; ++a) {
      for (std::uint32_t b = a + 1; b < kAgents; ++b) w.edges.push_back({a, b});
    }
    w.graph.build(kAgents, w.edges);
    for (w.month = 0; w.month < kMonths; ++w.month) {
      phase_adoption(w);
      double adopted = 0.0;
      for (auto x : w.firms.ai) adopted += x;
      mean[static_cast<std::size_t>(w.month)] += adopted / static_cast<double>(kAgents) / kRuns;
    }
  }
  return mean;
}

}  // namespace

// Tolerance: the mean over R runs of N agents has a binomial standard error
// sqrt(F(1-F)/(N R)); early randomness compounds along the S-curve, which we allow for with a
// factor of 3, and we accept 4 standard errors: tol(t) = 12 sqrt(F(1-F)/(N R)) + 0.002.
class BassValidation : public ::testing::TestWithParam<std::pair<double, double>> {};

TEST_P(BassValidation, CompleteGraphFollowsTheClosedForm) {
  const auto [p, q] = GetParam();
  const auto mean = simulate_complete_graph(p, q);
  double worst = 0.0;
  for (int t = 1; t <= kMonths; ++t) {
    const double f = bass(p, q, t);
    const double tol = 12.0 * std::sqrt(f * (1.0 - f) / (kAgents * kRuns)) + 0.002;
    EXPECT_NEAR(mean[static_cast<std::size_t>(t - 1)], f, tol) << "month " << t;
    worst = std::max(worst, std::abs(mean[static_cast<std::size_t>(t - 1)] - f));
  }
  const double naive_bias = std::abs(naive_step_path(p, q, 24) - bass(p, q, 24));
  std::printf(
      "Bass p=%g q=%g: largest |simulated - closed form| over %d months = %.4f; "
      "bias of the naive monthly hazard at month 24 = %.4f\n",
      p, q, kMonths, worst, naive_bias);
}

INSTANTIATE_TEST_SUITE_P(PQPairs, BassValidation,
                         ::testing::Values(std::make_pair(0.01, 0.1), std::make_pair(0.003, 0.15), std::make_pair(0.005, 0.3)));

TEST(BassValidation, TheNaiveMonthlyHazardWouldFailThisCheck) {
  // The check can fail: at p = 0.005, q = 0.3 the naive scheme's mean-field error (up to 0.10)
  // exceeds the tolerance.
  const double p = 0.005, q = 0.3;
  double worst_excess = -1.0;
  for (int t = 1; t <= kMonths; ++t) {
    const double f = bass(p, q, t);
    const double tol = 12.0 * std::sqrt(f * (1.0 - f) / (kAgents * kRuns)) + 0.002;
    worst_excess = std::max(worst_excess, std::abs(naive_step_path(p, q, t) - f) - tol);
  }
  EXPECT_GT(worst_excess, 0.0);
}

TEST(BassValidation, StepProbabilityMatchesTheClosedFormFromZero) {
  EXPECT_NEAR(bass_step_probability(0.01, 0.1, 0.0), bass(0.01, 0.1, 1.0), 1e-12);
  EXPECT_NEAR(bass_step_probability(0.02, 0.0, 0.4), 1.0 - std::exp(-0.02), 1e-12);
  EXPECT_EQ(bass_step_probability(0.0, 0.0, 0.5), 0.0);
}

}  // namespace rf
