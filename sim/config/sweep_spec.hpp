// A sweep file: a base scenario, the parameters to vary with their ranges or distributions, a
// design and the runs per point (format in docs/SWEEPS.md, examples in scenarios/sweeps/).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "models/param_table.hpp"
#include "sim/config/scenario.hpp"

namespace rf {

enum class Design { Grid, Random, Latin, Saltelli, Morris };
std::string design_name(Design d);

struct SweepParameter {
  enum class Law { Uniform, LogUniform, Normal, Values };
  std::string path;  // as for --set: simulation.NAME or regions.REGION.GROUP.NAME
  Law law = Law::Uniform;
  double low = 0.0, high = 0.0;     // Uniform, LogUniform
  double mean = 0.0, sd = 0.0;      // Normal, truncated to the parameter's [min, max]
  std::vector<std::string> values;  // Values: the YAML scalars, in order
  int levels = 0;                   // Grid with a range: evenly spaced levels (ends included)
  const ParamSpec* spec = nullptr;

  /// The parameter value at a unit-cube coordinate u in [0, 1), as --set text.
  [[nodiscard]] std::string value_text(double u) const;
  /// The same as a number (Bool: 0/1; Choice: the index of the choice).
  [[nodiscard]] double value(double u) const;
};

struct SweepSpec {
  std::string name, description;
  std::string file, text;            // where it was read from, and its exact text
  std::string base_file, base_text;  // the base scenario as written
  Scenario base;                     // with `set` applied and validated
  std::vector<std::string> fixed;    // `set:` entries as path=value
  Design design = Design::Latin;
  std::size_t points = 0;        // random/latin: points; saltelli: base sample size
  std::size_t trajectories = 0;  // morris
  int morris_levels = 4;         // morris
  std::size_t runs_per_point = 1;
  std::uint64_t seed = 1;
  std::vector<SweepParameter> parameters;
};

/// Parses and checks a sweep; errors name file:line:column and, for misspelled keys, the
/// closest valid key. `base` is read relative to the sweep file.
SweepSpec load_sweep_text(const std::string& text, const std::string& origin);
SweepSpec load_sweep_file(const std::string& path);

}  // namespace rf
