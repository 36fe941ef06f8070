// Reads scenario YAML into a Scenario: every key checked against the parameter table, regions
// imported from other files with `from:`, where each value was written recorded, then validated.
#pragma once
#include <string>
#include <vector>

#include "sim/config/scenario.hpp"

namespace rf {

/// Parses and validates scenario text. `origin` names the file in error messages.
/// Throws ScenarioError with file:line:column on any problem.
/// A region may import another preset's region with `from: FILE` (path relative to the
/// importing file; the region of the same name, or the first); its other keys then override.
Scenario load_scenario_text(const std::string& text, const std::string& origin);

/// Reads a file and calls load_scenario_text.
Scenario load_scenario_file(const std::string& path);

/// Reads a file, applies --set overrides (parameter_path.hpp) in order and validates the result.
Scenario load_scenario_file(const std::string& path, const std::vector<std::string>& overrides);

}  // namespace rf
