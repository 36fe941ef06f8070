// A scenario: simulation parameters plus one or more regions, and the checks of combinations
// across parameters (validate). Loading: scenario_loader.hpp; --set paths: parameter_path.hpp.
#pragma once
#include <cstdint>
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

struct ParamSpec;

/// One dated change of a parameter (`timeline:` in YAML, `--set timeline.YYYY-MM.PATH=VALUE`;
/// sim/config/timeline.hpp). It takes effect at the start of month `date`, before the phases.
struct TimelineEntry {
  MonthIndex date = 0;
  const ParamSpec* spec = nullptr;
  std::int32_t region = -1;  // index into Scenario::regions; -1 for a simulation parameter
  double value = 0.0;        // as written: unscaled; Bool 0/1, Choice the index of the choice
  std::string at;            // where it was written (file:line:column or the --set), for messages
};

/// A preset's plausible range for one of its values (`ranges:` in YAML, sim/config/assumption_ranges.hpp):
/// what `compare --robust` samples for that value instead of the table's range.
struct AssumptionRange {
  const ParamSpec* spec = nullptr;
  std::int32_t region = -1;      // index into Scenario::regions; -1 for a simulation parameter
  double low = 0.0, high = 0.0;  // as written: unscaled, low < high
  std::string at;                // where it was written (file:line:column), for messages
};

struct Scenario {
  std::string name = "unnamed";
  std::string description;
  SimulationParams sim;
  std::vector<RegionSpec> regions;
  std::vector<ParamOrigin> origins;     // every parameter set in the text (and in imported files)
  std::vector<TimelineEntry> timeline;  // in date order; one entry per date, region and parameter
  std::vector<AssumptionRange> ranges;  // one per region and parameter; they change no run
};

/// Checks ranges and combinations across parameters, and the timeline (dates within the run,
/// parameters that may change, the same checks for the parameters in force from each date);
/// throws ScenarioError.
void validate(const Scenario& s, const std::string& origin);

}  // namespace rf
