#include <array>
#include <cmath>
#include <limits>
#include <vector>

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

double bass_step_bound(double p, double q, double m) {
  if (!(p >= 0.0 && q >= 0.0 && m >= 0.0 && m <= 1.0)) return std::numeric_limits<double>::infinity();
  // The hazard p + qF never exceeds r = p + q, so the exact probability is at most 1 - e^-r <= r.
  // The computed one is 1 - r / D with D >= r a sum of non-negative terms: within a few units in
  // the last place of 1 (~1e-15) of the exact value, far inside the 1e-12 margin.
  return (p + q) * (1.0 + 1e-9) + 1e-12;
}

double adoption_cost(const RegionState& r) {
  if (r.p.adoption_compute_share <= 0.0) return 1.0;
  const RegionParams& p = r.p;
  const double voucher = r.voucher_left > 0.0 ? r.lever.voucher_rate : 0.0;
  const double paid = r.compute_price * (1.0 - voucher);
  return 1.0 - p.adoption_compute_share + p.adoption_compute_share * paid / p.import_price;
}

namespace {
/// Adopted share of living firms per region and sector (r.adopted_share): the sector peers of the
/// next adoption phase and the local rate entrants adopt at founding.
void count_adopters(World& w) {
  const Firms& f = w.firms;
  std::vector<std::array<double, kSectors>> firms(w.regions.size()), adopted(w.regions.size());
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    firms[f.region[i]][f.sector[i]] += 1.0;
    adopted[f.region[i]][f.sector[i]] += f.ai[i];
  }
  for (std::size_t k = 0; k < w.regions.size(); ++k) {
    for (int s = 0; s < kSectors; ++s) {
      w.regions[k].adopted_share[s] = firms[k][s] > 0.0 ? adopted[k][s] / firms[k][s] : 0.0;
    }
  }
}

}  // namespace

/// AI adoption as a diffusion (docs/MODEL.md 7.10): a non-adopter's exposure mixes the adopted
/// share of its ties (suppliers, customers, partners) with that of its sector peers in the region;
/// both Bass coefficients are damped for small firms by lock-in and switching costs, scale with the
/// sector's speed and the firm's responsiveness, and fall with the cost of adopting (compute at the
/// price paid after vouchers). Synchronous: everyone sees last month's adopters.
void phase_adoption(World& w) {
  Firms& f = w.firms;
  std::vector<double> cost(w.regions.size());
  for (std::size_t k = 0; k < w.regions.size(); ++k) cost[k] = adoption_cost(w.regions[k]);
  w.adopters.clear();
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || f.ai[i]) continue;
    const RegionState& r = w.regions[f.region[i]];
    const RegionParams& p = r.p;
    const auto row = w.graph.neighbours(i);
    double adopted = 0.0;
    for (auto j : row) adopted += f.ai[j];
    const double ties = row.empty() ? 0.0 : adopted / static_cast<double>(row.size());
    const double exposure = (1.0 - p.peer_weight) * ties + p.peer_weight * r.adopted_share[f.sector[i]];
    const double lock_in = p.switching_size > 0.0 ? f.employees[i] / (f.employees[i] + p.switching_size) : 1.0;
    const double speed = adoption_speed(p, f.sector[i]) * responsiveness(f, p, i) / cost[f.region[i]];
    const double external = p.innovation_p * (1.0 + p.opportunity_gain * p.opportunity_lists) * lock_in * speed;
    const double imitation = p.imitation_q * lock_in * speed;
    // Without a positive rate the probability is 0 (as bass_step_probability says): no draw.
    if (!(external + imitation > 0.0)) continue;
    // The draw comes first and the exp only if the draw could fall below the probability: most
    // draws are above the bound, which decides the same as the probability would. A draw made
    // for a probability that comes out 0 decides nothing and moves no other firm's draws.
    Stream s(w.seed, Entity::Firm, f.id[i], static_cast<std::uint32_t>(Decision::Adoption), static_cast<std::uint32_t>(w.month));
    const double u = s.uniform();
    if (u >= bass_step_bound(external, imitation, exposure)) continue;
    if (u < bass_step_probability(external, imitation, exposure)) w.adopters.push_back(static_cast<std::uint32_t>(i));
  }
  for (auto i : w.adopters) {
    f.ai[i] = 1;
    w.record_event(i, EventKind::Adoption);
  }
  count_adopters(w);  // last month's shares for next month's entrants and peers
}

}  // namespace rf
