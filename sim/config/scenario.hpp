// A scenario: simulation parameters plus one or more regions, and the checks of combinations
// across parameters (validate). Loading: scenario_loader.hpp; --set paths: parameter_path.hpp.
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

/// Checks ranges and combinations across parameters; throws ScenarioError.
void validate(const Scenario& s, const std::string& origin);

}  // namespace rf
