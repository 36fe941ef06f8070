// Memory the runs of a scenario will need, estimated before they start, so a scenario too big
// for the machine is refused with the estimate instead of being killed half-way.
#pragma once
#include <cstdint>
#include <string>

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

/// Bytes `runs` runs of `s` write to an output file: 8 bytes per metric, region and month (the
/// series are not compressed), and with simulation.snapshot_firms the firms of the last month
/// (at most 3 times the start per ten years, as the largest preset grows).
double estimated_output_bytes(const Scenario& s, std::size_t runs);

/// Throws OutputError (status 3) if the file system of `out` has less free space than `runs`
/// runs need: the output plus the journal of finished runs kept beside it until it is complete
/// (twice the output). The message gives the estimate, the free space and how many runs fit.
void check_disk(const Scenario& s, std::size_t runs, const std::string& out);

/// The most firms a run may hold before it is stopped as an explosion of the population: the
/// larger of 100,000 firms and 25 times the firms at the start.
std::size_t firm_limit(const Scenario& s);

/// The rule of firm_limit in words, with this scenario's numbers, for messages.
std::string firm_limit_rule(const Scenario& s);

}  // namespace rf
