#include <cmath>

#include "models/economics.hpp"
#include "models/phases.hpp"
#include "sim/rng.hpp"

namespace rf {

/// Bass-like diffusion through the network: hazard (p + q * adopted share of neighbours),
/// lowered for small firms by switching costs and for state-owned firms by slow response.
/// Synchronous: everyone sees last month's adopters; the hazard is converted to a monthly
/// probability 1 - exp(-h) so the step length does not bias the curve.
void phase_adoption(World& w) {
  Firms& f = w.firms;
  w.adopters.clear();
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || f.ai[i]) continue;
    const RegionState& r = w.regions[f.region[i]];
    const RegionParams& p = r.p;
    const auto row = w.graph.neighbours(i);
    double adopted = 0.0;
    for (auto j : row) adopted += f.ai[j];
    const double share = row.empty() ? 0.0 : adopted / static_cast<double>(row.size());
    const double external = p.innovation_p * (1.0 + p.opportunity_gain * p.opportunity_lists);
    const double size_factor = p.switching_size > 0.0 ? f.employees[i] / (f.employees[i] + p.switching_size) : 1.0;
    const double hazard = (external + p.imitation_q * share) * size_factor * responsiveness(f, p, i);
    if (hazard <= 0.0) continue;
    Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Adoption), static_cast<std::uint32_t>(w.month));
    if (s.uniform() < 1.0 - std::exp(-hazard)) w.adopters.push_back(static_cast<std::uint32_t>(i));
  }
  for (auto i : w.adopters) f.ai[i] = 1;
}

}  // namespace rf
