// Fitting a power-law tail P(S > s) ~ s^-alpha the way Clauset, Shalizi & Newman (2009, SIAM
// Review 51:661) recommend: maximum likelihood for alpha above a threshold s_min, and s_min
// chosen to minimise the Kolmogorov-Smirnov distance between the data and the fitted tail.
// Never a log-log regression.
#pragma once
#include <cstddef>
#include <vector>

namespace rf {

struct PowerLawFit {
  double alpha = 0;     // tail exponent of the complementary CDF (Axtell's 1.059 for US firms)
  double alpha_se = 0;  // asymptotic standard error alpha / sqrt(n_tail)
  double s_min = 0;     // threshold chosen by minimum KS distance
  double ks = 0;        // KS distance at that threshold
  std::size_t n_tail = 0;
};

/// Continuous MLE (alpha_ccdf = n / sum ln(s / s_min)) at up to `candidates` thresholds spread over
/// the quantiles of the data, keeping at least `min_tail` observations in the tail.
PowerLawFit fit_power_law(std::vector<double> sizes, std::size_t candidates = 200, std::size_t min_tail = 100);

}  // namespace rf
