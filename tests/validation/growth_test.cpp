// Validation 5: annual log growth rates of firms are tent-shaped (Laplace-like, heavier-tailed
// than normal) and their spread falls with size (Stanley et al. 1996, Amaral et al. 1997).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "models/metrics.hpp"
#include "models/monthly_step.hpp"
#include "models/population.hpp"
#include "sim/rng.hpp"
#include "sim/scenario.hpp"

namespace rf {

namespace {
struct SizeAndSector {
  double employees;
  int sector;
};

/// Employees (and sector) by firm id at the end of each year of one run of the default scenario.
std::vector<std::map<std::uint32_t, SizeAndSector>> yearly_sizes(std::uint64_t seed, int years) {
  Scenario s = load_scenario_file(std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml");
  s.sim.months = 12 * years;
  World w = make_world(s, seed);
  std::vector<double> row(static_cast<std::size_t>(kMetricCount) * w.regions.size());
  std::vector<std::map<std::uint32_t, SizeAndSector>> out;
  for (w.month = 0; w.month < s.sim.months; ++w.month) {
    for (const auto& phase : monthly_phases()) phase.run(w);
    collect_metrics(w, row, false);
    for (auto& r : w.regions) r.flow = RegionFlows{};
    if ((w.month + 1) % 12 == 0) {
      std::map<std::uint32_t, SizeAndSector> sizes;
      for (std::size_t i = 0; i < w.firms.size(); ++i) {
        if (w.firms.alive[i]) sizes[w.firms.id[i]] = {w.firms.employees[i], w.firms.sector[i]};
      }
      out.push_back(std::move(sizes));
    }
  }
  return out;
}
struct Spread {
  std::vector<double> sd;  // by log-size bin [0,1), [1,2), [2,3), [3,5), [5,inf)
  double beta = 0.0;       // minus the least-squares slope of log sd on mean log size
};

/// Spread of growth rates by size class, from (log size at start, log growth) pairs.
Spread spread_by_size(const std::vector<std::pair<double, double>>& growth) {
  const double edges[] = {0.0, 1.0, 2.0, 3.0, 5.0, 1e9};
  Spread out;
  std::vector<double> centre;
  for (int b = 0; b < 5; ++b) {
    double s = 0.0, ss = 0.0, n = 0.0, x = 0.0;
    for (const auto& g : growth) {
      if (g.first >= edges[b] && g.first < edges[b + 1]) {
        s += g.second;
        ss += g.second * g.second;
        x += g.first;
        n += 1.0;
      }
    }
    out.sd.push_back(n > 30 ? std::sqrt(ss / n - (s / n) * (s / n)) : std::nan(""));
    centre.push_back(n > 0 ? x / n : std::nan(""));
  }
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (int b = 0; b < 5; ++b) {
    sx += centre[b];
    sy += std::log(out.sd[b]);
    sxx += centre[b] * centre[b];
    sxy += centre[b] * std::log(out.sd[b]);
  }
  out.beta = -(5 * sxy - sx * sy) / (5 * sxx - sx * sx);
  return out;
}

}  // namespace

TEST(GrowthValidation, TentShapedAndSpreadFallsWithSize) {
  std::vector<std::pair<double, double>> growth;  // (log size at start, log growth)
  std::vector<std::pair<double, double>> net;     // the same, net of the sector-year mean growth
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const auto years = yearly_sizes(seed, 6);
    for (std::size_t y = 1; y < years.size(); ++y) {
      std::map<int, std::pair<double, double>> sector_sum;  // sector -> (sum of growth, count)
      const std::size_t first = growth.size();
      std::vector<int> sectors;
      for (const auto& [id, now] : years[y]) {
        const auto before = years[y - 1].find(id);
        if (before != years[y - 1].end() && before->second.employees >= 1.0) {
          const double g = std::log(now.employees / before->second.employees);
          growth.emplace_back(std::log(before->second.employees), g);
          sectors.push_back(now.sector);
          sector_sum[now.sector].first += g;
          sector_sum[now.sector].second += 1.0;
        }
      }
      for (std::size_t k = first; k < growth.size(); ++k) {
        const auto& [sum, count] = sector_sum[sectors[k - first]];
        net.emplace_back(growth[k].first, growth[k].second - sum / count);
      }
    }
  }
  ASSERT_GT(growth.size(), 10000u);
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
  const double kurtosis = m4 / (m2 * m2);
  // A normal distribution has kurtosis 3, the Laplace 6: tent-shaped means well above 3.
  EXPECT_GT(kurtosis, 4.5);
  // Spread by size class, raw and net of each sector-year's mean growth (the part of the spread
  // that sector prices and demand give every firm of a sector alike).
  const Spread raw = spread_by_size(growth);
  const Spread within = spread_by_size(net);
  const auto& sd = raw.sd;
  const double beta = raw.beta;
  std::printf(
      "annual log growth: %zu firm-years, kurtosis %.2f; sd by log-size bin [0,1) %.3f [1,2) %.3f [2,3) %.3f [3,5) %.3f "
      "[5,inf) %.3f; beta %.3f\n",
      growth.size(), kurtosis, sd[0], sd[1], sd[2], sd[3], sd[4], beta);
  std::printf("net of sector-year means: sd by bin %.3f %.3f %.3f %.3f %.3f; beta %.3f\n", within.sd[0], within.sd[1],
              within.sd[2], within.sd[3], within.sd[4], within.beta);
  EXPECT_GT(sd[0], sd[2]);
  EXPECT_GT(sd[2], sd[3]);
  // Stanley et al.'s beta (sd ~ S^-beta) is positive. They measure about 0.15-0.2; the model's is
  // smaller (docs/VALIDATION.md), so only the sign is asserted.
  EXPECT_GT(beta, 0.0);
}

}  // namespace rf
