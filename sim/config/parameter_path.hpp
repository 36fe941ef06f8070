// The --set path language: simulation.NAME and regions.REGION.GROUP.NAME (REGION a name, an
// index or *), used by --set, sweeps, calibration, lever groups and timelines; a path prefixed
// timeline.YYYY-MM. is a dated change (sim/config/timeline.hpp).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "models/param_table.hpp"
#include "sim/config/scenario.hpp"

namespace rf {

/// What an undated path names: the parameter and the regions it selects (none for simulation.*).
struct ParameterTarget {
  const ParamSpec* spec = nullptr;
  std::vector<std::size_t> regions;
};

/// Resolves simulation.NAME or regions.REGION.GROUP.NAME in `s`. Unknown names are a
/// ScenarioError naming the closest valid one; a text that is no path at all is a UsageError.
/// Messages start with `at`.
ParameterTarget resolve_parameter_path(const Scenario& s, const std::string& path, const std::string& at);

/// Applies one "--set path=value" override: simulation.NAME, regions.REGION.GROUP.NAME where
/// REGION is a region name, its index, or * for all regions; name and description too;
/// timeline.YYYY-MM.PATH adds (or replaces) a dated change of PATH.
void apply_override(Scenario& s, const std::string& assignment);

/// The parameter a path of apply_override names (checks the path, not a value).
const ParamSpec& override_target(const Scenario& s, const std::string& path);
/// The value at a path (the first matching region's); for a dated path, the value in force in
/// that month.
double read_parameter(const Scenario& s, const std::string& path);

}  // namespace rf
