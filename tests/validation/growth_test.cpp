// Validation 5: annual log growth rates of firms are tent-shaped (Laplace-like, heavier-tailed
// than normal) and their spread falls with size (Stanley et al. 1996, Amaral et al. 1997).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "models/metrics.hpp"
#include "models/monthly_step.hpp"
#include "models/population.hpp"
#include "sim/base/rng.hpp"
#include "sim/base/stats.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"

namespace rf {

namespace {
struct SizeAndSector {
  double employees;
  int sector;
  int birth_month;  // -1 for the initial population
};

/// Employees (and sector) by firm id at the end of each year of one run of the default scenario.
std::vector<std::map<std::uint32_t, SizeAndSector>> yearly_sizes(std::uint64_t seed, int years) {
  Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml");
  s.sim.months = 12 * years;
  World w = make_world(s.sim, s.regions, seed);
  std::vector<double> row(static_cast<std::size_t>(kMetricCount) * w.regions.size());
  std::vector<std::map<std::uint32_t, SizeAndSector>> out;
  for (w.month = 0; w.month < s.sim.months; ++w.month) {
    for (const auto& phase : monthly_phases()) phase.run(w);
    collect_metrics(w, row, false);
    if ((w.month + 1) % 12 == 0) {
      std::map<std::uint32_t, SizeAndSector> sizes;
      for (std::size_t i = 0; i < w.firms.size(); ++i) {
        if (w.firms.alive[i]) sizes[w.firms.id[i]] = {w.firms.employees[i], w.firms.sector[i], w.firms.birth_month[i]};
      }
      out.push_back(std::move(sizes));
    }
  }
  return out;
}
struct Spread {
  std::vector<double> sd;     // standard deviation by log-size bin [0,1), [1,2), [2,3), [3,5), [5,inf)
  std::vector<double> width;  // Laplace width sqrt(2) * mean |g - median g| by the same bins
  double beta = 0.0;          // minus the least-squares slope of log width on mean log size
};

/// Spread of growth rates by size class, from (log size at start, log growth) pairs. The slope
/// uses the maximum-likelihood width of the Laplace density Stanley et al. fit: the top bin holds
/// a few hundred firm-years a run, where one extreme move can double a standard deviation.
Spread spread_by_size(const std::vector<std::pair<double, double>>& growth) {
  const double edges[] = {0.0, 1.0, 2.0, 3.0, 5.0, 1e9};
  Spread out;
  std::vector<double> centre;
  for (int b = 0; b < 5; ++b) {
    std::vector<double> g;
    double x = 0.0;
    for (const auto& [log_size, rate] : growth) {
      if (log_size >= edges[b] && log_size < edges[b + 1]) {
        g.push_back(rate);
        x += log_size;
      }
    }
    const double n = static_cast<double>(g.size());
    if (g.size() <= 30) {
      out.sd.push_back(std::nan(""));
      out.width.push_back(std::nan(""));
      centre.push_back(std::nan(""));
      continue;
    }
    double s = 0.0, ss = 0.0;
    for (double v : g) {
      s += v;
      ss += v * v;
    }
    out.sd.push_back(std::sqrt(ss / n - (s / n) * (s / n)));
    std::nth_element(g.begin(), g.begin() + static_cast<std::ptrdiff_t>(g.size() / 2), g.end());
    const double median = g[g.size() / 2];
    double abs_dev = 0.0;
    for (double v : g) abs_dev += std::abs(v - median);
    out.width.push_back(std::sqrt(2.0) * abs_dev / n);
    centre.push_back(x / n);
  }
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (int b = 0; b < 5; ++b) {
    sx += centre[b];
    sy += std::log(out.width[b]);
    sxx += centre[b] * centre[b];
    sxy += centre[b] * std::log(out.width[b]);
  }
  out.beta = -(5 * sxy - sx * sy) / (5 * sxx - sx * sx);
  return out;
}

/// (log size at start, log growth) of firms alive at both ends of each year, raw and net of the
/// mean growth of their sector that year; `established` is the net sample of firms at least
/// kEstablishedMonths old at the start of the year (or from the initial population).
struct GrowthSample {
  std::vector<std::pair<double, double>> raw;
  std::vector<std::pair<double, double>> net;
  std::vector<std::pair<double, double>> established;
};

// Stanley et al.'s firms are listed (Compustat): none is a start-up still climbing to its potential.
constexpr int kEstablishedMonths = 24;

void add_run(std::uint64_t seed, int years, GrowthSample& out) {
  const auto sizes = yearly_sizes(seed, years);
  for (std::size_t y = 1; y < sizes.size(); ++y) {
    std::map<int, std::pair<double, double>> sector_sum;  // sector -> (sum of growth, count)
    const std::size_t first = out.raw.size();
    std::vector<int> sectors;
    std::vector<bool> established;
    for (const auto& [id, now] : sizes[y]) {
      const auto before = sizes[y - 1].find(id);
      if (before != sizes[y - 1].end() && before->second.employees >= 1.0) {
        const double g = std::log(now.employees / before->second.employees);
        out.raw.emplace_back(std::log(before->second.employees), g);
        sectors.push_back(now.sector);
        // The growth year starts at month 12 y; initial firms (birth -1) count as established.
        established.push_back(now.birth_month < 0 || now.birth_month <= 12 * static_cast<int>(y) - kEstablishedMonths);
        sector_sum[now.sector].first += g;
        sector_sum[now.sector].second += 1.0;
      }
    }
    for (std::size_t k = first; k < out.raw.size(); ++k) {
      const auto& [sum, count] = sector_sum[sectors[k - first]];
      out.net.emplace_back(out.raw[k].first, out.raw[k].second - sum / count);
      if (established[k - first]) out.established.push_back(out.net.back());
    }
  }
}

double kurtosis(const std::vector<std::pair<double, double>>& growth) {
  double mean = 0.0;
  for (const auto& g : growth) mean += g.second;
  mean /= static_cast<double>(growth.size());
  double m2 = 0.0, m4 = 0.0;
  for (const auto& g : growth) {
    const double d = g.second - mean;
    m2 += d * d;
    m4 += d * d * d * d;
  }
  m2 /= static_cast<double>(growth.size());
  m4 /= static_cast<double>(growth.size());
  return m4 / (m2 * m2);
}

}  // namespace

TEST(GrowthValidation, TentShapedAndSpreadFallsWithSize) {
  constexpr int kRuns = 6;
  GrowthSample all;
  std::vector<double> run_beta;  // established firms' net beta of each run, for its run-to-run spread
  for (std::uint64_t seed = 1; seed <= kRuns; ++seed) {
    GrowthSample one;
    add_run(seed, 6, one);
    run_beta.push_back(spread_by_size(one.established).beta);
    all.raw.insert(all.raw.end(), one.raw.begin(), one.raw.end());
    all.net.insert(all.net.end(), one.net.begin(), one.net.end());
    all.established.insert(all.established.end(), one.established.begin(), one.established.end());
  }
  ASSERT_GT(all.raw.size(), 100000u);
  ASSERT_GT(all.established.size(), 50000u);
  const double k = kurtosis(all.raw);
  // A normal distribution has kurtosis 3, the Laplace 6: tent-shaped means well above 3.
  EXPECT_GT(k, 4.5);
  // Spread by size class, raw and net of each sector-year's mean growth. The four sectors' demand
  // paths diverge by design and move every firm of a sector alike; Stanley et al. pool hundreds
  // of industries, where such trends average out, so the net spread is the comparable one.
  const Spread raw = spread_by_size(all.raw);
  const Spread net = spread_by_size(all.net);
  const Spread established = spread_by_size(all.established);
  const double mean_beta = stats::mean(run_beta);
  const double se_beta = stats::sample_sd(run_beta) / std::sqrt(static_cast<double>(kRuns));
  const auto bins = [](const std::vector<double>& v) {
    char text[80];
    std::snprintf(text, sizeof text, "%.3f %.3f %.3f %.3f %.3f", v[0], v[1], v[2], v[3], v[4]);
    return std::string(text);
  };
  std::printf("annual log growth: %zu firm-years from %d runs, kurtosis %.2f\n", all.raw.size(), kRuns, k);
  std::printf("raw: sd by log-size bin [0,1) .. [5,inf) %s; Laplace width %s; beta %.3f\n", bins(raw.sd).c_str(),
              bins(raw.width).c_str(), raw.beta);
  std::printf("net of sector-year means: sd %s; Laplace width %s; beta %.3f\n", bins(net.sd).c_str(), bins(net.width).c_str(),
              net.beta);
  std::printf(
      "net, firms at least %d months old (%zu firm-years): sd %s; Laplace width %s; beta %.3f (runs: mean %.3f, s.e. %.3f)\n",
      kEstablishedMonths, all.established.size(), bins(established.sd).c_str(), bins(established.width).c_str(), established.beta,
      mean_beta, se_beta);
  // Over all firms, start-ups climbing to their potential and shrinking firms living on their cash
  // until it runs out (docs/MODEL.md 7.13) add size-independent spread, so two neighbouring bins
  // may be level (they were 0.2056 and 0.2056 on 2026-12-02); the spread must not rise by more
  // than 1 % from one bin to the next and must fall over the whole range. The published slope is
  // of listed firms and is tested strictly, bin by bin, on established firms.
  EXPECT_GT(net.width[0], net.width[4]) << "net spread must fall from the smallest to the largest bin";
  for (int b = 0; b + 1 < 5; ++b) {
    EXPECT_LT(net.width[b + 1], 1.01 * net.width[b]) << "net spread must not rise from bin " << b;
    EXPECT_GT(established.width[b], established.width[b + 1]) << "established firms' spread must fall from bin " << b;
    EXPECT_GT(established.sd[b], established.sd[b + 1]) << "established firms' standard deviation must fall from bin " << b;
  }
  EXPECT_GT(raw.beta, 0.0);
  EXPECT_GT(net.beta, 0.0);
  // Stanley et al. (1996) measure beta = 0.15 +- 0.03, Amaral et al. (1997) about 0.2, on listed
  // firms: the band spans both and is applied to established firms. Start-ups climbing to their
  // potential add size-independent spread (docs/VALIDATION.md 5). Without the transitory
  // productivity shock the model gives about 0.07 and fails it; with size-independent shocks, about 0.
  EXPECT_GE(established.beta, 0.12);
  EXPECT_LE(established.beta, 0.23);
}

}  // namespace rf
