// `check`: a scenario's simulated moments against observed targets, as mean and 95 % interval
// over seeded runs.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/base/stats.hpp"
#include "sim/studies/moments.hpp"

namespace rf {

struct MomentCheck {
  stats::Interval simulated;  // mean and 95 % t interval over the runs
  bool inside = false;        // the mean meets the target
  bool reached = false;       // the interval overlaps the target band
};

/// One check per target, in order, from one run per seed on `threads` threads.
std::vector<MomentCheck> check_targets(const Scenario& scenario, const std::vector<Moment>& targets,
                                       const std::vector<std::uint64_t>& seeds, unsigned threads, bool quiet);

}  // namespace rf
