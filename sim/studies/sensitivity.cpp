#include "sim/studies/sensitivity.hpp"

#include <algorithm>
#include <cmath>

#include "sim/base/errors.hpp"
#include "sim/base/rng.hpp"

namespace rf {

namespace {

/// 2.5 % and 97.5 % percentiles (linear interpolation between order statistics) of the defined
/// values (a resample whose outcome is constant has undefined indices).
std::pair<double, double> percentile_95(std::vector<double> v) {
  std::erase_if(v, [](double x) { return std::isnan(x); });
  if (v.empty()) return {NAN, NAN};
  std::sort(v.begin(), v.end());
  auto q = [&](double p) {
    const double pos = p * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
  };
  return {q(0.025), q(0.975)};
}

/// Sobol indices from the rows `rows` (indices into each block of N).
void sobol_point(const std::vector<double>& y, std::size_t n, std::size_t k, const std::vector<std::size_t>& rows,
                 std::vector<double>& first, std::vector<double>& total, double& mean, double& variance) {
  const auto m = static_cast<double>(rows.size());
  double sum = 0.0, sum2 = 0.0;
  for (auto i : rows) {
    sum += y[i] + y[n + i];
  }
  mean = sum / (2.0 * m);
  for (auto i : rows) sum2 += (y[i] - mean) * (y[i] - mean) + (y[n + i] - mean) * (y[n + i] - mean);
  variance = sum2 / (2.0 * m - 1.0);
  first.assign(k, 0.0);
  total.assign(k, 0.0);
  for (std::size_t j = 0; j < k; ++j) {
    double s = 0.0, t = 0.0;
    for (auto i : rows) {
      // Centred on the mean: the same expectation, far less variance when the mean is large.
      const double fa = y[i] - mean, fb = y[n + i] - mean, fab = y[(2 + j) * n + i] - mean;
      s += fb * (fab - fa);          // Saltelli et al. (2010), eq. (b) of table 2
      t += (fa - fab) * (fa - fab);  // Jansen (1999)
    }
    // A constant outcome has no variance to share out: its indices are undefined, not 0.
    first[j] = variance > 0.0 ? s / m / variance : NAN;
    total[j] = variance > 0.0 ? t / (2.0 * m) / variance : NAN;
  }
}

}  // namespace

SobolIndices sobol_indices(const std::vector<double>& y, std::size_t n, std::size_t k, std::size_t bootstrap,
                           std::uint64_t seed) {
  if (n < 2 || y.size() != n * (k + 2)) {
    throw UsageError("a Saltelli design needs N (k + 2) outcomes with N >= 2", "Analyze a complete saltelli sweep.");
  }
  SobolIndices out;
  std::vector<std::size_t> rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[i] = i;
  std::vector<double> first, total;
  sobol_point(y, n, k, rows, first, total, out.mean, out.variance);
  std::vector<std::vector<double>> bf(k), bt(k);
  for (std::size_t b = 0; b < bootstrap; ++b) {
    Stream s(seed, Entity::Bootstrap, static_cast<std::uint32_t>(b), 0, 0);
    for (auto& r : rows) r = s.below(static_cast<std::uint32_t>(n));
    std::vector<double> f, t;
    double mean = 0.0, var = 0.0;
    sobol_point(y, n, k, rows, f, t, mean, var);
    for (std::size_t j = 0; j < k; ++j) {
      bf[j].push_back(f[j]);
      bt[j].push_back(t[j]);
    }
  }
  for (std::size_t j = 0; j < k; ++j) {
    const auto [fl, fh] = percentile_95(bf[j]);
    const auto [tl, th] = percentile_95(bt[j]);
    out.first.push_back({first[j], fl, fh});
    out.total.push_back({total[j], tl, th});
  }
  return out;
}

MorrisEffects morris_effects(const DesignMatrix& d, const std::vector<double>& y, std::size_t bootstrap, std::uint64_t seed) {
  if (y.size() != d.points || d.points % (d.dims + 1) != 0) {
    throw UsageError("a Morris design needs one outcome per point", "Analyze a complete morris sweep.");
  }
  const std::size_t k = d.dims, r = d.points / (k + 1);
  // effects[t][j]: the elementary effect of dimension j in trajectory t.
  std::vector<std::vector<double>> effects(r, std::vector<double>(k, NAN));
  for (std::size_t row = 0; row < d.points; ++row) {
    if (d.changed[row] < 0) continue;
    const auto j = static_cast<std::size_t>(d.changed[row]);
    const double step = d.at(row, j) - d.at(row - 1, j);
    effects[static_cast<std::size_t>(d.block[row])][j] = (y[row] - y[row - 1]) / step;
  }
  auto summarise = [&](const std::vector<std::size_t>& trajectories, std::vector<double>& mu, std::vector<double>& mu_star,
                       std::vector<double>& sigma) {
    mu.assign(k, 0.0);
    mu_star.assign(k, 0.0);
    sigma.assign(k, 0.0);
    const auto m = static_cast<double>(trajectories.size());
    for (std::size_t j = 0; j < k; ++j) {
      for (auto t : trajectories) {
        mu[j] += effects[t][j] / m;
        mu_star[j] += std::abs(effects[t][j]) / m;
      }
      for (auto t : trajectories) sigma[j] += (effects[t][j] - mu[j]) * (effects[t][j] - mu[j]);
      sigma[j] = m > 1 ? std::sqrt(sigma[j] / (m - 1.0)) : 0.0;
    }
  };
  MorrisEffects out;
  out.trajectories = r;
  std::vector<std::size_t> all(r);
  for (std::size_t t = 0; t < r; ++t) all[t] = t;
  summarise(all, out.mu, out.mu_star, out.sigma);
  std::vector<std::vector<double>> boot(k);
  std::vector<std::size_t> pick(r);
  for (std::size_t b = 0; b < bootstrap; ++b) {
    Stream s(seed, Entity::Bootstrap, static_cast<std::uint32_t>(b), 1, 0);
    for (auto& t : pick) t = s.below(static_cast<std::uint32_t>(r));
    std::vector<double> mu, mu_star, sigma;
    summarise(pick, mu, mu_star, sigma);
    for (std::size_t j = 0; j < k; ++j) boot[j].push_back(mu_star[j]);
  }
  for (std::size_t j = 0; j < k; ++j) {
    const auto [lo, hi] = percentile_95(boot[j]);
    out.mu_star_ci.push_back({out.mu_star[j], lo, hi});
  }
  return out;
}

}  // namespace rf
