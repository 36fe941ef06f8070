// Budget years are calendar years (simulation.start dates month 0): the government phase opens
// one at month 0 and each January, and a lever changed in mid-year gets the months left of it.
#pragma once
#include <cmath>

#include "models/world.hpp"
#include "sim/base/calendar.hpp"

namespace rf {

/// Budget years begun since the one that contains month 0 (0 during the start's calendar year).
inline int budget_year(const World& w) {
  const MonthIndex date = w.sim.start + w.month;
  return static_cast<int>((date - month_of_year(date)) / 12 - (w.sim.start - month_of_year(w.sim.start)) / 12);
}

/// Share of an annual budget for the rest of the current budget year, this month included:
/// 1 in January, 1/12 in December.
inline double share_of_year_left(const World& w) {
  return static_cast<double>(12 - month_of_year(w.sim.start + w.month)) / 12.0;
}

/// The fiscal rule's factor for the current budget year: (1 + fiscal_growth) to the power of
/// the budget years since the science budget was last set.
inline double fiscal_factor(const World& w, const RegionState& r) {
  return std::pow(1.0 + r.p.fiscal_growth, static_cast<double>(budget_year(w) - r.fiscal_base_year));
}

}  // namespace rf
