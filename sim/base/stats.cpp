#include "sim/base/stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace rf::stats {

double mean(std::span<const double> x) {
  if (x.empty()) return std::numeric_limits<double>::quiet_NaN();
  return std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
}

double median(std::span<const double> x) {
  std::vector<double> v(x.begin(), x.end());
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n == 0 ? 0.0 : n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double sample_sd(std::span<const double> x) {
  if (x.size() < 2) return 0.0;
  const double m = mean(x);
  double ss = 0.0;
  for (double v : x) ss += (v - m) * (v - m);
  return std::sqrt(ss / static_cast<double>(x.size() - 1));
}

namespace {
double beta_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 300; ++m) {
    const double dm = m;
    const double even = dm * (b - dm) * x / ((a + 2 * dm - 1) * (a + 2 * dm));
    d = 1.0 + even * d;
    c = 1.0 + even / c;
    if (std::abs(d) < kTiny) d = kTiny;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    const double odd = -(a + dm) * (a + b + dm) * x / ((a + 2 * dm) * (a + 2 * dm + 1));
    d = 1.0 + odd * d;
    c = 1.0 + odd / c;
    if (std::abs(d) < kTiny) d = kTiny;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < 1e-15) break;
  }
  return h;
}
}  // namespace

double incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
  if (x < (a + 1.0) / (a + b + 2.0)) return std::exp(log_front) * beta_fraction(a, b, x) / a;
  return 1.0 - std::exp(log_front) * beta_fraction(b, a, 1.0 - x) / b;
}

double t_cdf(double t, double df) {
  if (!std::isfinite(df) || df > 1e7) return normal_cdf(t);
  const double tail = 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
  return t > 0.0 ? 1.0 - tail : tail;
}

double t_quantile(double p, double df) {
  double lo = -1e3, hi = 1e3;
  for (int it = 0; it < 200; ++it) {
    const double mid = 0.5 * (lo + hi);
    (t_cdf(mid, df) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

Interval mean_ci95(std::span<const double> x) {
  Interval r;
  r.mean = mean(x);
  if (x.size() < 2) {
    r.low = r.high = r.mean;
    return r;
  }
  const double half =
      t_quantile(0.975, static_cast<double>(x.size() - 1)) * sample_sd(x) / std::sqrt(static_cast<double>(x.size()));
  r.low = r.mean - half;
  r.high = r.mean + half;
  return r;
}

namespace {
double mann_whitney_p(std::span<const double> a, std::span<const double> b) {
  const std::size_t n1 = a.size(), n2 = b.size();
  std::vector<std::pair<double, int>> all;
  for (double v : a) all.emplace_back(v, 0);
  for (double v : b) all.emplace_back(v, 1);
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  double rank_sum_a = 0.0, tie_term = 0.0;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    const double avg_rank = 0.5 * static_cast<double>(i + j + 1);  // ranks i+1 .. j
    const double t = static_cast<double>(j - i);
    tie_term += t * t * t - t;
    for (std::size_t k = i; k < j; ++k) {
      if (all[k].second == 0) rank_sum_a += avg_rank;
    }
    i = j;
  }
  const double dn1 = static_cast<double>(n1), dn2 = static_cast<double>(n2), n = dn1 + dn2;
  const double u = rank_sum_a - dn1 * (dn1 + 1.0) / 2.0;
  const double var = dn1 * dn2 / 12.0 * ((n + 1.0) - tie_term / (n * (n - 1.0)));
  if (var <= 0.0) return 1.0;
  const double z = (std::abs(u - dn1 * dn2 / 2.0) - 0.5) / std::sqrt(var);  // continuity correction
  return std::min(1.0, 2.0 * (1.0 - normal_cdf(std::max(z, 0.0))));
}
}  // namespace

Comparison compare(std::span<const double> a, std::span<const double> b) {
  Comparison c;
  const double ma = mean(a), mb = mean(b);
  const double sa = sample_sd(a), sb = sample_sd(b);
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  c.difference = mb - ma;
  const double va = sa * sa / na, vb = sb * sb / nb;
  const double se = std::sqrt(va + vb);
  const double pooled = std::sqrt(((na - 1.0) * sa * sa + (nb - 1.0) * sb * sb) / std::max(1.0, na + nb - 2.0));
  // Undefined when both samples are (numerically) constant: reported as NaN, printed n/a.
  const double magnitude = std::max({std::abs(ma), std::abs(mb), 1e-300});
  c.cohens_d = pooled > 1e-12 * magnitude ? c.difference / pooled : std::numeric_limits<double>::quiet_NaN();
  if (se > 0.0 && na > 1 && nb > 1) {
    const double df = (va + vb) * (va + vb) / (va * va / (na - 1.0) + vb * vb / (nb - 1.0));
    const double t = c.difference / se;
    c.welch_p = 2.0 * (1.0 - t_cdf(std::abs(t), df));
    const double half = t_quantile(0.975, df) * se;
    c.diff_low = c.difference - half;
    c.diff_high = c.difference + half;
  } else {
    c.welch_p = c.difference == 0.0 ? 1.0 : 0.0;
    c.diff_low = c.diff_high = c.difference;
  }
  c.mann_whitney_p = mann_whitney_p(a, b);
  return c;
}

}  // namespace rf::stats
