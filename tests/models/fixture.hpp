// Small worlds for mechanism tests: one or more regions with every parameter at its default
// unless a test changes it.
#pragma once
#include <functional>

#include "models/population.hpp"
#include "models/world.hpp"
#include "sim/config/scenario.hpp"

namespace rf::test {

/// A scenario with `regions` regions of `firms` firms each, at scale 1.
inline Scenario small_scenario(double firms, int regions = 1, const std::function<void(RegionParams&)>& tweak = {}) {
  Scenario s;
  s.name = "test";
  s.sim.scale = 1.0;
  s.sim.months = 12;
  for (int k = 0; k < regions; ++k) {
    RegionSpec r;
    r.name = "r" + std::to_string(k);
    r.params.initial_firms = firms;
    // Budgets and capacities at scale 1 are a city's; shrink them to the test population.
    r.params.research_budget = 20000.0 * firms / 1.025e6;
    r.params.graduates_per_year = 40000.0 * firms / 1.025e6;
    r.params.vc_capital = 20000.0 * firms / 1.025e6;
    r.params.patient_capital = 10000.0 * firms / 1.025e6;
    r.params.science_budget = 5000.0 * firms / 1.025e6;
    r.params.voucher_budget = 250.0 * firms / 1.025e6;
    r.params.guidance_fund = 2000.0 * firms / 1.025e6;
    r.params.capacity_pflops = 140.0 * firms / 1.025e6;
    r.params.incubators = 613.0 * firms / 1.025e6;
    r.params.voucher_cap = std::min(r.params.voucher_cap, r.params.voucher_budget);
    r.params.centre_x_km = 1000.0 * k;
    if (tweak) tweak(r.params);
    s.regions.push_back(r);
  }
  return s;
}

/// Textbook Bass adoption: no sector speeds, no lock-in, no compute cost, no opportunity lists,
/// no state firms, imitation of ties only (tests that compare with closed forms).
inline void plain_bass(RegionParams& p, double innovation_p, double imitation_q) {
  p.innovation_p = innovation_p;
  p.imitation_q = imitation_q;
  p.switching_size = 0.0;
  p.opportunity_lists = 0.0;
  p.private_share = 1.0;
  p.state_share = 0.0;
  p.peer_weight = 0.0;
  p.adoption_compute_share = 0.0;
  p.adoption_speed_ai = p.adoption_speed_hardtech = p.adoption_speed_heavy = p.adoption_speed_services = 1.0;
}

inline World small_world(double firms, std::uint64_t seed = 7, int regions = 1,
                         const std::function<void(RegionParams&)>& tweak = {}) {
  const Scenario s = small_scenario(firms, regions, tweak);
  return make_world(s.sim, s.regions, seed);
}

/// Every fund raised at month 0 (all in their investment period), its commitments undrawn.
inline void fresh_funds(World& w) {
  Funds& f = w.funds;
  for (std::size_t k = 0; k < f.size(); ++k) {
    const double reserve_share = w.regions[f.region[k]].p.fund_reserve_share;
    f.vintage[k] = 0;
    f.uncalled[k] = (1.0 - reserve_share) * f.committed[k];
    f.reserve[k] = reserve_share * f.committed[k];
  }
}

/// Undrawn capital of all funds (uncalled and reserve).
inline double undrawn(const World& w) {
  double total = 0.0;
  for (std::size_t k = 0; k < w.funds.size(); ++k) total += w.funds.uncalled[k] + w.funds.reserve[k];
  return total;
}

inline std::size_t alive_count(const World& w) {
  std::size_t n = 0;
  for (auto a : w.firms.alive) n += a;
  return n;
}

/// Adds `count` entrants of one sector and size (crowding a market in tests).
inline void add_entrants(World& w, Sector sector, int count, double employees) {
  for (int k = 0; k < count; ++k) {
    NewFirm spec;
    spec.sector = sector;
    spec.employees = employees;
    add_firm(w, spec);
  }
}

/// Adds `count` young private graduate firms of three employees with no cash: seekers of a round.
inline void add_cashless_seekers(World& w, Sector sector, std::size_t count) {
  for (std::size_t k = 0; k < count; ++k) {
    NewFirm spec;
    spec.origin = Origin::Graduate;
    spec.sector = sector;
    spec.ownership = Ownership::Private;
    spec.employees = 3.0;
    const std::size_t i = add_firm(w, spec);
    w.firms.cash[i] = 0.0;
  }
}

}  // namespace rf::test
