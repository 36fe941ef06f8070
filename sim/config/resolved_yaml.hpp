// Writes a scenario back as YAML with every parameter filled in, for result files and
// calibrated scenarios.
#pragma once
#include <string>

#include "sim/config/scenario.hpp"

namespace rf {

/// The scenario as YAML with every parameter filled in; load_scenario_text of it gives back
/// exactly the same values.
std::string resolved_yaml(const Scenario& s);

}  // namespace rf
