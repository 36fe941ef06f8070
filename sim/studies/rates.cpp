#include "sim/studies/rates.hpp"

#include <algorithm>

#include "sim/base/errors.hpp"
#include "sim/engine/memory.hpp"

namespace rf {

std::vector<OutcomeColumn> outcome_columns(const std::vector<Moment>& moments) {
  std::vector<OutcomeColumn> columns;
  for (std::size_t m = 0; m < moments.size(); ++m) {
    columns.push_back({moments[m].name, m, false});
    if (moments[m].per_full_scale) columns.push_back({moments[m].name + "_per_firm", m, true});
  }
  return columns;
}

std::vector<double> column_factors(const std::vector<OutcomeColumn>& columns, const std::vector<Moment>& moments,
                                   const Scenario& scenario) {
  std::vector<double> factors;
  for (const auto& c : columns) {
    if (!c.per_initial_firm) {
      factors.push_back(1.0);
      continue;
    }
    const Moment& m = moments[c.moment];
    const auto it = std::find_if(scenario.regions.begin(), scenario.regions.end(),
                                 [&](const auto& r) { return m.region.empty() || r.name == m.region; });
    // An unknown region is refused by evaluate() at the first run; no name means the first region.
    const auto region = static_cast<std::size_t>(it == scenario.regions.end() ? 0 : it - scenario.regions.begin());
    const double firms = initial_firm_count(scenario, region);
    if (firms <= 0.0) {
      throw UsageError("'" + c.name + "' divides by the firms region '" + scenario.regions[region].name +
                           "' starts with, and it starts with none",
                       "Give the region firms.initial_firms > 0, or drop per_full_scale from the outcome '" + m.name + "'.");
    }
    factors.push_back(scenario.sim.scale / firms);
  }
  return factors;
}

}  // namespace rf
