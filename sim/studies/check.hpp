// `check`: a scenario's simulated moments against observed targets, as mean and 95 % interval
// over seeded runs.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/base/stats.hpp"
#include "sim/studies/moments.hpp"

namespace rf {

struct MomentCheck {
  stats::Interval simulated;  // mean and 95 % t interval over the runs (event-log kinds: cut to [0, 1])
  bool inside = false;        // the mean meets the target
  bool reached = false;       // the interval overlaps the target band
  std::size_t runs = 0;       // runs in which the moment is defined (event-log moments may not be)
  // Share kinds of the event log: the simulated items the share rests on, summed over the runs
  // (hits of base); base 0 for other kinds.
  ShareCounts counts;
};

/// One check per target, in order, from one run per seed on `threads` threads. A run in which a
/// moment is undefined (NaN: say, no funded firm resolved) does not count towards its mean.
std::vector<MomentCheck> check_targets(const Scenario& scenario, const std::vector<Moment>& targets,
                                       const std::vector<std::uint64_t>& seeds, unsigned threads, bool quiet);

}  // namespace rf
