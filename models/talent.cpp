#include <algorithm>
#include <cmath>
#include <vector>

#include "models/economics.hpp"
#include "models/phases.hpp"
#include "sim/base/rng.hpp"

namespace rf {

namespace {

/// Utility of region k for a graduate of region r (multinomial logit, docs/MODEL.md "Talent").
double region_utility(const World& w, std::size_t r, std::size_t k) {
  const RegionState& dest = w.regions[k];
  const RegionParams& p = dest.p;
  const double market = dest.skilled_openings + dest.skilled_pool + 1.0;
  const double openings = dest.skilled_openings / market;
  const double programme = dest.budget_left > 0.0 ? p.talent_programme : 0.0;
  const RegionParams& origin = w.regions[r].p;
  const double distance = region_distance_km(origin, p);
  return origin.pay_weight * std::log(p.pay * p.skilled_premium) + origin.openings_weight * openings +
         origin.programme_weight * programme + (r == k ? origin.home_bias : 0.0) -
         w.sim.migration_distance_weight * distance / 100.0;
}

}  // namespace

void phase_talent(World& w) {
  const std::size_t n_regions = w.regions.size();
  std::vector<double> arrivals(n_regions, 0.0);
  std::vector<double> weights(n_regions + 1);
  for (std::size_t r = 0; r < n_regions; ++r) {
    RegionState& origin = w.regions[r];
    double per_month = 0.0;
    for (const auto& u : w.universities) {
      if (u.region == r) per_month += u.graduates / 12.0;
    }
    Stream s(w.seed, Entity::Region, static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(Decision::Graduates),
             static_cast<std::uint32_t>(w.month));
    const std::uint32_t graduates = s.poisson(per_month);
    // Choice probabilities: every region of the scenario, then "elsewhere".
    const double outside =
        origin.p.pay_weight * std::log(origin.p.outside_pay * origin.p.skilled_premium) + origin.p.outside_appeal;
    double top = outside;
    for (std::size_t k = 0; k < n_regions; ++k) {
      weights[k] = region_utility(w, r, k);
      top = std::max(top, weights[k]);
    }
    weights[n_regions] = outside;
    double total = 0.0;
    for (auto& x : weights) {
      x = std::exp(x - top);
      total += x;
    }
    for (std::uint32_t g = 0; g < graduates; ++g) {
      double u = s.uniform() * total;
      std::size_t choice = n_regions;
      for (std::size_t k = 0; k <= n_regions; ++k) {
        u -= weights[k];
        if (u < 0.0) {
          choice = k;
          break;
        }
      }
      if (choice == r) {
        origin.flow.graduates_retained += 1.0;
      } else {
        origin.flow.graduates_emigrated += 1.0;
        if (choice < n_regions) w.regions[choice].flow.graduates_immigrated += 1.0;
      }
      if (choice < n_regions) arrivals[choice] += 1.0;
    }
    origin.flow.graduates_produced += graduates;
  }
  for (std::size_t k = 0; k < n_regions; ++k) {
    RegionState& r = w.regions[k];
    const RegionParams& p = r.p;
    // The talent programme costs the budget per graduate who comes.
    const double cost = std::min(r.budget_left, p.programme_cost * p.talent_programme * arrivals[k]);
    if (cost > 0.0) {
      r.budget_left -= cost;
      r.flow.budget_spent += cost;
    }
    // Some arrivals found firms; failure insurance lowers the cost of trying.
    Stream s(w.seed, Entity::Region, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(Decision::Talent),
             static_cast<std::uint32_t>(w.month));
    const double climate = std::clamp(std::pow(r.funding_climate / p.funding_reference, p.climate_elasticity),
                                      1.0 / p.climate_factor_bound, p.climate_factor_bound);
    const double founding = std::min(1.0, p.founding_probability * insurance_founding_factor(r) * climate);
    const double founders = std::min(arrivals[k], static_cast<double>(s.poisson(arrivals[k] * founding)));
    r.pending_graduate_founders = founders;
    r.skilled_pool = std::max(0.0, r.skilled_pool * (1.0 - p.skilled_attrition) + arrivals[k] - founders);
  }
}

}  // namespace rf
