// The engine's side of a scenario's timeline: at the start of each month, before the phases,
// the entries dated that month change the world (models/dated_change.hpp does the changing).
#pragma once
#include <cstddef>

#include "models/world.hpp"
#include "sim/config/scenario.hpp"

namespace rf {

/// Applies the entries of `s.timeline` dated `month` months after simulation.start, in order.
void apply_timeline(World& w, const Scenario& s, std::size_t month);

}  // namespace rf
