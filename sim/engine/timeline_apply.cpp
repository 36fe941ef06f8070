#include "sim/engine/timeline_apply.hpp"

#include "models/dated_change.hpp"

namespace rf {

void apply_timeline(World& w, const Scenario& s, std::size_t month) {
  const MonthIndex date = s.sim.start + static_cast<MonthIndex>(month);
  for (const auto& e : s.timeline) {
    if (e.date != date) continue;
    if (e.region < 0) {
      change_simulation_parameter(w, *e.spec, e.value);
    } else {
      change_region_parameter(w, static_cast<std::size_t>(e.region), *e.spec, e.value);
    }
  }
}

}  // namespace rf
