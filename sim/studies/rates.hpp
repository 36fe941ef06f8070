// Rates beside totals. A count that scales with the city (a moment with per_full_scale: births,
// funded startups, firms, graduates, money) says as much about the city's size as about its
// system; divided by the firms the run starts with, it compares cities of different sizes.
// Per inhabitant rates are not offered: no preset states a population (docs/OUTPUT.md).
#pragma once
#include <string>
#include <vector>

#include "sim/config/scenario.hpp"
#include "sim/studies/moments.hpp"

namespace rf {

/// One column of a comparison: a moment as it is, or a count per initial firm.
struct OutcomeColumn {
  std::string name;        // the moment's name, or "<name>_per_firm"
  std::size_t moment = 0;  // index into the moments
  bool per_initial_firm = false;
};

/// Every moment, each count followed by its rate per initial firm.
std::vector<OutcomeColumn> outcome_columns(const std::vector<Moment>& moments);

/// Factor turning the moment's value in a run of `scenario` into the column's value: 1 for a
/// moment as it is; for a rate simulation.scale / (firms the run starts with in the moment's
/// region), so the count at full scale becomes a count per initial firm. Throws UsageError if
/// that region starts without firms.
std::vector<double> column_factors(const std::vector<OutcomeColumn>& columns, const std::vector<Moment>& moments,
                                   const Scenario& scenario);

}  // namespace rf
