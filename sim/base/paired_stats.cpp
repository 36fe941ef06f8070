#include "sim/base/paired_stats.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "sim/base/stats.hpp"

namespace rf::stats {

double normal_quantile(double p) {
  return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

double student_t_quantile(double p, double df) {
  if (!std::isfinite(df) || df > 1e7) return normal_quantile(p);
  return boost::math::quantile(boost::math::students_t_distribution<double>(df), p);
}

namespace {

/// Two-sided p of the normal z (upper tail doubled).
double two_sided_normal_p(double z) {
  return std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal_distribution<double>(), std::abs(z))));
}

/// P(V <= v) under the null for n pairs without ties: the share of the 2^n sign patterns whose
/// positive ranks sum to at most v (dynamic programme over the ranks 1 .. n).
double signed_rank_cdf(std::size_t n, double v) {
  const std::size_t max_sum = n * (n + 1) / 2;
  std::vector<double> share(max_sum + 1, 0.0);
  share[0] = 1.0;
  for (std::size_t rank = 1; rank <= n; ++rank) {
    for (std::size_t s = max_sum; s >= rank; --s) share[s] = 0.5 * (share[s] + share[s - rank]);
    for (std::size_t s = 0; s < rank; ++s) share[s] *= 0.5;  // after the loop above, which reads them
  }
  double cdf = 0.0;
  for (std::size_t s = 0; s <= max_sum && static_cast<double>(s) <= v + 1e-9; ++s) cdf += share[s];
  return std::min(cdf, 1.0);
}

}  // namespace

SignedRank wilcoxon_signed_rank(std::span<const double> differences) {
  std::vector<double> d;
  for (double x : differences) {
    if (x != 0.0) d.push_back(x);
  }
  SignedRank r;
  r.nonzero = d.size();
  if (d.empty()) return r;
  std::sort(d.begin(), d.end(), [](double x, double y) { return std::abs(x) < std::abs(y); });
  const auto n = static_cast<double>(d.size());
  double tie_term = 0.0;  // sum over groups of tied |d| of t^3 - t
  for (std::size_t i = 0; i < d.size();) {
    std::size_t j = i;
    while (j < d.size() && std::abs(d[j]) == std::abs(d[i])) ++j;
    const double rank = 0.5 * static_cast<double>(i + j + 1);  // average of ranks i+1 .. j
    const auto t = static_cast<double>(j - i);
    tie_term += t * t * t - t;
    for (std::size_t k = i; k < j; ++k) {
      if (d[k] > 0.0) r.v_plus += rank;
    }
    i = j;
  }
  const double mean = n * (n + 1.0) / 4.0;
  r.exact = tie_term == 0.0 && d.size() <= kExactSignedRankPairs;
  if (r.exact) {
    // The null distribution is symmetric about n(n+1)/4: double the smaller tail.
    const double lower = std::min(r.v_plus, 2.0 * mean - r.v_plus);
    r.p = std::min(1.0, 2.0 * signed_rank_cdf(d.size(), lower));
    return r;
  }
  const double var = n * (n + 1.0) * (2.0 * n + 1.0) / 24.0 - tie_term / 48.0;
  if (var <= 0.0) return r;
  const double z = std::max(std::abs(r.v_plus - mean) - 0.5, 0.0) / std::sqrt(var);
  r.p = two_sided_normal_p(z);
  return r;
}

PairedComparison compare_paired(std::span<const double> a, std::span<const double> b) {
  if (a.size() != b.size() || a.size() < 2) {
    throw std::invalid_argument("compare_paired needs two samples of the same size, at least 2");
  }
  std::vector<double> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) d[i] = b[i] - a[i];
  PairedComparison c;
  const auto n = static_cast<double>(d.size());
  c.difference = mean(d);
  c.sd_difference = sample_sd(d);
  const double magnitude = std::max({std::abs(mean(a)), std::abs(mean(b)), 1e-300});
  const bool constant = c.sd_difference <= 1e-12 * magnitude;
  c.cohens_dz = constant ? std::numeric_limits<double>::quiet_NaN() : c.difference / c.sd_difference;
  if (constant) {
    // Every pair differs by the same amount: no sampling variation left to test against.
    c.t_p = c.difference == 0.0 ? 1.0 : 0.0;
    c.diff_low = c.diff_high = c.difference;
  } else {
    const double se = c.sd_difference / std::sqrt(n);
    const boost::math::students_t_distribution<double> t(n - 1.0);
    c.t_p = std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(t, std::abs(c.difference) / se)));
    const double half = boost::math::quantile(t, 0.975) * se;
    c.diff_low = c.difference - half;
    c.diff_high = c.difference + half;
  }
  c.wilcoxon = wilcoxon_signed_rank(d);
  return c;
}

}  // namespace rf::stats
