#include "sim/studies/null_model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/base/stats.hpp"
#include "sim/io/result_file.hpp"

namespace rf {

double sample_quantile(std::vector<double> x, double p) {
  if (x.empty()) throw std::invalid_argument("sample_quantile of no values");
  std::sort(x.begin(), x.end());
  const double h = (static_cast<double>(x.size()) - 1.0) * std::clamp(p, 0.0, 1.0);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

NullModel null_model(const std::string& copy_of, const OutcomeRuns& first, const OutcomeRuns& copy,
                     const std::vector<std::string>& comparisons, const std::vector<std::vector<double>>& observed) {
  if (first.size() != copy.size() || observed.size() != comparisons.size())
    throw std::invalid_argument("null_model: outcomes or comparisons differ in number");
  NullModel m;
  m.copy_of = copy_of;
  m.comparisons = comparisons;
  std::vector<std::vector<double>> gaps(first.size());
  for (std::size_t o = 0; o < first.size(); ++o) {
    if (first[o].size() != copy[o].size() || first[o].empty())
      throw std::invalid_argument("null_model: the copy needs as many runs as the first scenario, at least one");
    for (std::size_t r = 0; r < first[o].size(); ++r) gaps[o].push_back(copy[o][r] - first[o][r]);
    NullGap g;
    g.pairs = gaps[o].size();
    g.mean = stats::mean(gaps[o]);
    g.sd = stats::sample_sd(gaps[o]);
    g.q025 = sample_quantile(gaps[o], 0.025);
    g.median = sample_quantile(gaps[o], 0.5);
    g.q975 = sample_quantile(gaps[o], 0.975);
    m.gaps.push_back(g);
  }
  for (const auto& row : observed) {
    if (row.size() != first.size()) throw std::invalid_argument("null_model: an observed row has the wrong number of outcomes");
    std::vector<NullChance> out;
    for (std::size_t o = 0; o < row.size(); ++o) {
      NullChance c;
      c.observed = row[o];
      c.pairs = gaps[o].size();
      c.at_least = static_cast<std::size_t>(
          std::count_if(gaps[o].begin(), gaps[o].end(), [&](double g) { return std::abs(g) >= std::abs(row[o]); }));
      out.push_back(c);
    }
    m.chance.push_back(std::move(out));
  }
  return m;
}

void write_null_model(ResultFile& file, const NullModel& m, const std::vector<std::string>& outcomes) {
  Table gap{"gap",
            "Gap between two identical copies of '" + m.copy_of +
                "' (copy - first, paired by run index, independent seeds): pairs, mean, sd and type-7 quantiles",
            outcomes,
            {"pairs", "mean", "sd", "q025", "median", "q975"},
            {},
            {{"scenario", m.copy_of}}};
  for (const auto& g : m.gaps)
    gap.values.insert(gap.values.end(), {static_cast<double>(g.pairs), g.mean, g.sd, g.q025, g.median, g.q975});
  file.write_table("/compare/null", gap);
  for (std::size_t k = 0; k < m.comparisons.size(); ++k) {
    Table chance{m.comparisons[k] + "_minus_" + m.copy_of,
                 "Observed mean difference (scenario - baseline), the null pairs whose |gap| is at least as large, the "
                 "pairs, and their share: how often two identical cities differ by that much",
                 outcomes,
                 {"observed", "at_least", "pairs", "share"},
                 {},
                 {{"scenario", m.comparisons[k]}, {"baseline", m.copy_of}}};
    for (const auto& c : m.chance[k]) {
      chance.values.insert(chance.values.end(),
                           {c.observed, static_cast<double>(c.at_least), static_cast<double>(c.pairs), c.share()});
    }
    file.write_table("/compare/null/chance", chance);
  }
}

}  // namespace rf
