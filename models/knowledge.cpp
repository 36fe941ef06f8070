#include <algorithm>
#include <cmath>
#include <vector>

#include "models/economics.hpp"
#include "models/phases.hpp"
#include "models/slot_parts.hpp"
#include "sim/base/rng.hpp"

namespace rf {

namespace {

/// Cohen-Levinthal absorptive capacity from the firm's R&D share of revenue.
double absorptive_capacity(const Firms& f, const RegionParams& p, std::size_t i) {
  const double share = f.revenue[i] > 0.0 ? f.rd_spend[i] / f.revenue[i] : 0.0;
  return share / (share + p.absorptive_half);
}

bool barters(const World& w, std::size_t i) {
  return w.regions[w.firms.region[i]].p.exchange == static_cast<int>(KnowledgeExchange::Barter);
}

/// Cowan-Jonard barter: firm i meets one random neighbour j. They trade only on a double
/// coincidence of wants (each leads in some dimension); then each absorbs its region's rate x its
/// absorptive capacity x the decay at its end of the tie, times the gap in every dimension where
/// the other leads. Trades read and write the current stocks (knowledge_next), one pair at a
/// time, so no firm can overshoot its partner.
void barter(World& w, std::size_t i) {
  Firms& f = w.firms;
  const auto row = w.graph.neighbours(i);
  const RegionParams& pi = w.regions[f.region[i]].p;
  if (row.empty() || pi.rate <= 0.0) return;
  Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Barter), static_cast<std::uint32_t>(w.month));
  const std::uint32_t k = s.below(static_cast<std::uint32_t>(row.size()));
  const std::uint32_t j = row[k];
  if (!f.alive[j]) return;
  auto& ki = f.knowledge_next[i];
  auto& kj = f.knowledge_next[j];
  bool i_leads = false, j_leads = false;
  for (int d = 0; d < kSectors; ++d) {
    i_leads = i_leads || ki[d] > kj[d];
    j_leads = j_leads || kj[d] > ki[d];
  }
  if (!i_leads || !j_leads) return;
  const RegionParams& pj = w.regions[f.region[j]].p;
  const auto row_j = w.graph.neighbours(j);
  const auto at_j =
      static_cast<std::size_t>(std::lower_bound(row_j.begin(), row_j.end(), static_cast<std::uint32_t>(i)) - row_j.begin());
  const double gain_i = pi.rate * absorptive_capacity(f, pi, i) * w.graph.weights(i)[k];
  const double gain_j = pj.rate * absorptive_capacity(f, pj, j) * w.graph.weights(j)[at_j];
  for (int d = 0; d < kSectors; ++d) {
    const float gap = kj[d] - ki[d];  // both updates use the stocks before this trade
    if (gap > 0.0F) ki[d] += static_cast<float>(gain_i * gap);
    if (gap < 0.0F) kj[d] += static_cast<float>(gain_j * -gap);
  }
}

/// Every firm of a barter region starts one trade a month, in an order drawn afresh each month
/// (Cowan & Jonard pick agents at random; a fixed order would favour early firms).
void barter_round(World& w) {
  const bool any = std::any_of(w.regions.begin(), w.regions.end(),
                               [](const RegionState& r) { return r.p.exchange == static_cast<int>(KnowledgeExchange::Barter); });
  if (!any) return;
  std::vector<std::uint32_t>& order = w.adopters;  // scratch: the adoption phase refills it
  order.clear();
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (w.firms.alive[i] && barters(w, i)) order.push_back(static_cast<std::uint32_t>(i));
  }
  if (order.empty()) return;
  Stream s(w.seed, Entity::Region, 0, static_cast<std::uint32_t>(Decision::Barter), static_cast<std::uint32_t>(w.month));
  for (std::size_t k = order.size() - 1; k > 0; --k) std::swap(order[k], order[s.below(static_cast<std::uint32_t>(k + 1))]);
  for (const std::uint32_t i : order) barter(w, i);
  order.clear();
}

}  // namespace

/// Knowledge flows from richer neighbours (either direction: startups feed leaders too) and from
/// the linked university. Synchronous: every firm reads last month's stocks. Regions that
/// barter instead trade pair by pair after the university flows (barter_round).
void phase_spillover(World& w) {
  Firms& f = w.firms;
  f.knowledge_next = f.knowledge;
  // Rows are visited in order, so the CSR target array is read sequentially: prefetching the
  // neighbour's knowledge a few ties ahead hides the cache miss of a full city's random access.
  const std::uint32_t* targets = w.graph.targets().data();
  const std::size_t ties = w.graph.targets().size();
  constexpr std::size_t kAhead = 16;
  // Each firm writes only its own knowledge_next and reads last month's stocks: the parts are
  // independent, and no sum runs across firms.
  for_slot_parts(f.size(), w.threads, [&](unsigned /*part*/, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (!f.alive[i]) continue;
      const RegionParams& p = w.regions[f.region[i]].p;
      const double a = absorptive_capacity(f, p, i);
      if (a <= 0.0) continue;
      const auto row = w.graph.neighbours(i);
      if (!row.empty() && p.rate > 0.0 && p.exchange == static_cast<int>(KnowledgeExchange::Broadcast)) {
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
  });
  barter_round(w);
  std::swap(f.knowledge, f.knowledge_next);
}

/// Gibrat shocks to productivity (a permanent random walk and a mean-reverting transitory part),
/// then innovations as a Poisson process whose rate rises with R&D, skilled staff, compute, data
/// and knowledge; each raises productivity and knowledge.
void phase_innovation(World& w) {
  Firms& f = w.firms;
  // Each part counts its innovations and patents per region; counts are whole numbers, exact in
  // any order of addition, so the totals do not depend on the number of parts.
  struct Counts {
    double innovations = 0, innovations_ai = 0, patents = 0;
  };
  const unsigned parts = std::max(1U, w.threads);
  std::vector<std::vector<Counts>> counts(parts, std::vector<Counts>(w.regions.size()));
  for_slot_parts(f.size(), parts, [&w, &f, &counts](unsigned part, std::size_t begin, std::size_t end) {
    std::vector<Counts>& own = counts[part];
    for (std::size_t i = begin; i < end; ++i) {
      if (!f.alive[i]) continue;
      const RegionState& r = w.regions[f.region[i]];
      const RegionParams& p = r.p;
      Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Innovation),
               static_cast<std::uint32_t>(w.month));
      const auto [permanent, transitory] = s.normal_pair();
      f.log_productivity[i] += shock_sd(p, f.employees[i]) * permanent;
      f.log_productivity_transitory[i] =
          p.transitory_persistence * f.log_productivity_transitory[i] + transitory_shock_sd(p, f.employees[i]) * transitory;
      if (f.rd_spend[i] <= 0.0 || p.base_rate <= 0.0) continue;
      const std::uint8_t sector = f.sector[i];
      double rate = p.base_rate * std::pow(f.rd_spend[i], p.rd_elasticity) * f.quality[i];
      const double skilled_share = f.employees[i] > 0.0 ? f.skilled[i] / f.employees[i] : 0.0;
      const double target_share = skilled_target_share(p, sector);
      if (target_share > 0.0) rate *= pow_unless_one(std::max(skilled_share / target_share, 1e-6), p.talent_elasticity);
      if (f.compute_need[i] > 0.0)
        rate *= pow_unless_one(std::max(f.compute_use[i] / f.compute_need[i], 1e-6), p.compute_elasticity);
      if (uses_compute(f, i)) rate *= 1.0 + p.data_elasticity * r.lever.data_openness;
      rate *= pow_unless_one(1.0 + mean_knowledge(f, i), p.knowledge_elasticity);
      // A safety cap far above any realistic monthly count, so extreme parameters cannot stall a run.
      constexpr std::uint32_t kMaxInnovations = 1000;
      const std::uint32_t n = std::min(s.poisson(rate), kMaxInnovations);
      if (n == 0) continue;
      Counts& c = own[f.region[i]];
      const double scope = p.innovation_scope / (p.innovation_scope + f.revenue[i]);
      for (std::uint32_t k = 0; k < n; ++k) {
        const bool breakthrough = s.bernoulli(p.breakthrough_probability);
        f.log_productivity[i] += scope * s.exponential(breakthrough ? p.breakthrough_mean : p.step_mean);
        f.knowledge[i][sector] += static_cast<float>(scope * p.knowledge_gain);  // diluted like productivity
        if (s.bernoulli(p.patent_probability)) {
          ++f.patents[i];
          c.patents += 1.0;
        }
      }
      c.innovations += n;
      if (sector == static_cast<std::uint8_t>(Sector::AI)) c.innovations_ai += n;
    }
  });
  for (const auto& part : counts) {
    for (std::size_t k = 0; k < w.regions.size(); ++k) {
      RegionFlows& flow = w.regions[k].flow;
      flow.innovations += part[k].innovations;
      flow.innovations_ai += part[k].innovations_ai;
      flow.patents += part[k].patents;
    }
  }
}

}  // namespace rf
