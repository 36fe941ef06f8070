// A scenario: simulation parameters plus one or more regions, loaded from YAML and validated
// against the parameter table before anything runs.
#pragma once
#include <string>
#include <vector>

#include "models/params.hpp"

namespace rf {

/// Where a parameter's value was written: for `describe --sources` and error messages.
struct ParamOrigin {
  std::string region;  // empty for simulation parameters
  std::string path;    // group.name
  std::string file;
  int line = 0;  // 1-based
};

struct Scenario {
  std::string name = "unnamed";
  std::string description;
  SimulationParams sim;
  std::vector<RegionSpec> regions;
  std::vector<ParamOrigin> origins;  // every parameter set in the text (and in imported files)
};

/// Parses and validates scenario text. `origin` names the file in error messages.
/// Throws ScenarioError with file:line:column on any problem.
Scenario load_scenario_text(const std::string& text, const std::string& origin);

/// A region may import another preset's region with `from: FILE` (path relative to the
/// importing file; the region of the same name, or the first); its other keys then override.

/// Reads a file and calls load_scenario_text.
Scenario load_scenario_file(const std::string& path);

/// Applies one "--set path=value" override: simulation.NAME, regions.REGION.GROUP.NAME where
/// REGION is a region name, its index, or * for all regions; name and description too.
void apply_override(Scenario& s, const std::string& assignment);

struct ParamSpec;
/// The parameter a path of apply_override names (checks the path, not a value).
const ParamSpec& override_target(const Scenario& s, const std::string& path);
/// The value at a path (the first matching region's).
double read_parameter(const Scenario& s, const std::string& path);

/// Checks ranges and combinations across parameters; throws ScenarioError.
void validate(const Scenario& s, const std::string& origin);

/// The scenario as YAML with every parameter filled in; load_scenario_text of it gives back
/// exactly the same values.
std::string resolved_yaml(const Scenario& s);

}  // namespace rf
