#include <cmath>

#include "models/economics.hpp"
#include "models/phases.hpp"
#include "sim/base/rng.hpp"

namespace rf {

/// Probability that a non-adopter adopts within one month when a share m of its contacts has
/// adopted, under Bass dynamics dF/dt = (p + qF)(1 - F) started at F = m: with G = 1 - F,
/// G(1) = r G0 / (q G0 + (r - q G0) e^r), r = p + q, the probability is 1 - G(1)/G0. On a complete
/// graph this makes the monthly step exact in expectation (no step-length bias).
double bass_step_probability(double p, double q, double m) {
  const double r = p + q;
  if (r <= 0.0) return 0.0;
  const double g0 = 1.0 - m;
  return 1.0 - r / (q * g0 + (r - q * g0) * std::exp(r));
}

/// Bass-like diffusion through the network: external influence p and imitation q of the adopted
/// share of neighbours, both lowered for small firms by switching costs and for state-owned firms
/// by slow response. Synchronous: everyone sees last month's adopters.
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
    const double scale = size_factor * responsiveness(f, p, i);
    const double probability = bass_step_probability(external * scale, p.imitation_q * scale, share);
    if (probability <= 0.0) continue;
    Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Adoption), static_cast<std::uint32_t>(w.month));
    if (s.uniform() < probability) w.adopters.push_back(static_cast<std::uint32_t>(i));
  }
  for (auto i : w.adopters) {
    f.ai[i] = 1;
    w.record_event(i, EventKind::Adoption);
  }
}

}  // namespace rf
