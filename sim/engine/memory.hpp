// Memory the runs of a scenario will need, estimated before they start, so a scenario too big
// for the machine is refused with the estimate instead of being killed half-way.
#pragma once
#include <cstdint>

#include "sim/config/scenario.hpp"

namespace rf {

/// Firms at the start of a run (every region, scaled).
double initial_firm_count(const Scenario& s);
/// Firms at the start of a run in one region (scaled, as the run creates them).
double initial_firm_count(const Scenario& s, std::size_t region);

/// Bytes `concurrent` simultaneous runs of `s` are expected to need at their peak.
double estimated_bytes(const Scenario& s, unsigned concurrent);

/// Physical memory of this machine in bytes.
double physical_memory_bytes();

/// Throws UsageError with the estimate if the runs would need more than 90 % of the memory.
void check_memory(const Scenario& s, unsigned concurrent);

/// The most firms a run may hold before it is stopped as an explosion of the population.
std::size_t firm_limit(const Scenario& s);

}  // namespace rf
