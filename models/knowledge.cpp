#include <algorithm>
#include <cmath>

#include "models/economics.hpp"
#include "models/phases.hpp"
#include "sim/rng.hpp"

namespace rf {

namespace {

/// Cohen-Levinthal absorptive capacity from the firm's R&D share of revenue.
double absorptive_capacity(const Firms& f, const RegionParams& p, std::size_t i) {
  const double share = f.revenue[i] > 0.0 ? f.rd_spend[i] / f.revenue[i] : 0.0;
  return share / (share + p.absorptive_half);
}

}  // namespace

/// Knowledge flows from richer neighbours (either direction: startups feed leaders too) and from
/// the linked university. Synchronous: every firm reads last month's stocks.
void phase_spillover(World& w) {
  Firms& f = w.firms;
  f.knowledge_next = f.knowledge;
  // Rows are visited in order, so the CSR target array is read sequentially: prefetching the
  // neighbour's knowledge a few ties ahead hides the cache miss of a full city's random access.
  const std::uint32_t* targets = w.graph.targets().data();
  const std::size_t ties = w.graph.targets().size();
  constexpr std::size_t kAhead = 16;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const RegionParams& p = w.regions[f.region[i]].p;
    const double a = absorptive_capacity(f, p, i);
    if (a <= 0.0) continue;
    const auto row = w.graph.neighbours(i);
    if (!row.empty() && p.rate > 0.0) {
      const auto decays = w.graph.weights(i);  // 2^(-distance / half distance), see make_tie
      const std::size_t first = static_cast<std::size_t>(row.data() - targets);
      double gain[kSectors] = {0, 0, 0, 0};
      for (std::size_t k = 0; k < row.size(); ++k) {
        if (first + k + kAhead < ties) {
          const std::uint32_t later = targets[first + k + kAhead];
          __builtin_prefetch(&f.knowledge[later]);
          __builtin_prefetch(&f.alive[later]);
        }
        const std::uint32_t j = row[k];
        if (!f.alive[j]) continue;
        const double decay = decays[k];
        for (int d = 0; d < kSectors; ++d) gain[d] += decay * std::max(0.0F, f.knowledge[j][d] - f.knowledge[i][d]);
      }
      const double scale = p.rate * a / static_cast<double>(row.size());
      for (int d = 0; d < kSectors; ++d) f.knowledge_next[i][d] += static_cast<float>(scale * gain[d]);
    }
    if (f.university[i] >= 0 && p.university_rate > 0.0) {
      const double k = w.universities[static_cast<std::size_t>(f.university[i])].knowledge;
      for (int d = 0; d < kSectors; ++d) {
        f.knowledge_next[i][d] += static_cast<float>(p.university_rate * a * std::max(0.0, k - f.knowledge[i][d]));
      }
    }
  }
  std::swap(f.knowledge, f.knowledge_next);
}

/// Gibrat shocks to productivity, then innovations as a Poisson process whose rate rises with
/// R&D, skilled staff, compute, data and knowledge; each raises productivity and knowledge.
void phase_innovation(World& w) {
  Firms& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const RegionState& r = w.regions[f.region[i]];
    const RegionParams& p = r.p;
    Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Innovation),
             static_cast<std::uint32_t>(w.month));
    f.log_productivity[i] += p.productivity_shock_sd * s.normal();
    if (f.rd_spend[i] <= 0.0 || p.base_rate <= 0.0) continue;
    const std::uint8_t sector = f.sector[i];
    double rate = p.base_rate * std::pow(f.rd_spend[i], p.rd_elasticity) * std::exp(f.log_quality[i]);
    const double skilled_share = f.employees[i] > 0.0 ? f.skilled[i] / f.employees[i] : 0.0;
    const double target_share = skilled_target_share(p, sector);
    if (target_share > 0.0) rate *= std::pow(std::max(skilled_share / target_share, 1e-6), p.talent_elasticity);
    if (f.compute_need[i] > 0.0) rate *= std::pow(std::max(f.compute_use[i] / f.compute_need[i], 1e-6), p.compute_elasticity);
    if (sector == static_cast<std::uint8_t>(Sector::AI) || f.ai[i]) rate *= 1.0 + p.data_elasticity * r.lever.data_openness;
    rate *= std::pow(1.0 + mean_knowledge(f, i), p.knowledge_elasticity);
    // A safety cap far above any realistic monthly count, so extreme parameters cannot stall a run.
    constexpr std::uint32_t kMaxInnovations = 1000;
    const std::uint32_t n = std::min(s.poisson(rate), kMaxInnovations);
    if (n == 0) continue;
    RegionFlows& flow = w.regions[f.region[i]].flow;
    const double scope = p.innovation_scope / (p.innovation_scope + f.revenue[i]);
    for (std::uint32_t k = 0; k < n; ++k) {
      const bool breakthrough = s.bernoulli(p.breakthrough_probability);
      f.log_productivity[i] += scope * s.exponential(breakthrough ? p.breakthrough_mean : p.step_mean);
      f.knowledge[i][sector] += static_cast<float>(scope * p.knowledge_gain);  // diluted like productivity
      if (s.bernoulli(p.patent_probability)) {
        ++f.patents[i];
        flow.patents += 1.0;
      }
    }
    flow.innovations += n;
  }
}

}  // namespace rf
