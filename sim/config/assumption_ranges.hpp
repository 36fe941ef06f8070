// Plausible ranges a scenario gives its own assumed values: the `ranges:` block, keyed by the
// --set path of the value, each a list [low, high]:
//   ranges:
//     regions.Nanjing.policy.reversal_probability: [0.0005, 0.005]  # why
// A range changes no run; `compare --robust` samples it (sim/studies/robust.hpp). Where a
// scenario gives none, the table's range of an assumed default applies
// (models/plausible_ranges.def).
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>

#include "sim/config/scenario.hpp"

namespace rf {

/// Reads the `ranges:` map of `s` (after its regions and timeline). Every key must be an undated
/// parameter path of the scenario (an unknown name is reported with the closest valid one), of a
/// real or integer parameter; every value a list of two numbers low < high inside the hard
/// min .. max of the table that contains the scenario's value. Throws ScenarioError "file:line:column: ...".
void load_ranges(const YAML::Node& node, Scenario& s, const std::string& origin);

/// The `ranges:` block of resolved_yaml (nothing when the scenario gives no range).
void emit_ranges(YAML::Emitter& out, const Scenario& s);

/// The path a range is written with (regions by name, or by index when the name would not read back).
std::string range_path(const Scenario& s, const AssumptionRange& r);

/// The range a scenario gives the value of `spec` in `region`, or nullptr.
const AssumptionRange* scenario_range(const Scenario& s, const ParamSpec& spec, std::int32_t region);

}  // namespace rf
