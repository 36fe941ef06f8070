// The --set path language: simulation.NAME and regions.REGION.GROUP.NAME (REGION a name, an
// index or *), used by --set, sweeps, calibration and lever groups.
#pragma once
#include <string>

#include "models/param_table.hpp"
#include "sim/config/scenario.hpp"

namespace rf {

/// Applies one "--set path=value" override: simulation.NAME, regions.REGION.GROUP.NAME where
/// REGION is a region name, its index, or * for all regions; name and description too.
void apply_override(Scenario& s, const std::string& assignment);

/// The parameter a path of apply_override names (checks the path, not a value).
const ParamSpec& override_target(const Scenario& s, const std::string& path);
/// The value at a path (the first matching region's).
double read_parameter(const Scenario& s, const std::string& path);

}  // namespace rf
