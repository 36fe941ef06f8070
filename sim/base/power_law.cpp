#include "sim/base/power_law.hpp"

#include <algorithm>
#include <cmath>

namespace rf {

PowerLawFit fit_power_law(std::vector<double> sizes, std::size_t candidates, std::size_t min_tail) {
  std::erase_if(sizes, [](double s) { return !(s > 0.0); });
  std::sort(sizes.begin(), sizes.end());
  PowerLawFit best;
  best.ks = 2.0;
  const std::size_t n = sizes.size();
  if (n < min_tail) return best;
  // Suffix sums of log sizes give each candidate's MLE in O(1).
  std::vector<double> log_suffix(n + 1, 0.0);
  for (std::size_t i = n; i-- > 0;) log_suffix[i] = log_suffix[i + 1] + std::log(sizes[i]);
  const std::size_t last = n - min_tail;
  for (std::size_t c = 0; c < candidates; ++c) {
    const std::size_t start = last * c / std::max<std::size_t>(1, candidates - 1);
    if (c > 0 && sizes[start] == sizes[last * (c - 1) / std::max<std::size_t>(1, candidates - 1)]) continue;
    const double s_min = sizes[start];
    const std::size_t tail = n - start;
    const double sum_log = log_suffix[start] - static_cast<double>(tail) * std::log(s_min);
    if (sum_log <= 0.0) continue;
    const double alpha = static_cast<double>(tail) / sum_log;
    // KS distance between the empirical tail CCDF and (s / s_min)^-alpha.
    double ks = 0.0;
    for (std::size_t i = start; i < n; ++i) {
      const double empirical = static_cast<double>(n - i) / static_cast<double>(tail);
      const double model = std::pow(sizes[i] / s_min, -alpha);
      ks = std::max(ks, std::abs(empirical - model));
    }
    if (ks < best.ks) {
      best = {alpha, alpha / std::sqrt(static_cast<double>(tail)), s_min, ks, tail};
    }
  }
  return best;
}

}  // namespace rf
