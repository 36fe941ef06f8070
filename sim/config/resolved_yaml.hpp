// Writes a scenario back as YAML with every parameter filled in, for result files and
// calibrated scenarios.
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>

#include "sim/config/scenario.hpp"

namespace rf {

/// The scenario as YAML with every parameter filled in; load_scenario_text of it gives back
/// exactly the same values.
/// Names and descriptions are double-quoted, so a region called "NO", "yes", "true", "1" or
/// "a: b" stays text for every YAML reader (YAML 1.1 readers such as PyYAML take plain `NO` as
/// false); parameter values are written as YAML 1.1 reads them back with their type (below).
std::string resolved_yaml(const Scenario& s);

/// Emits `text` double-quoted: text that must stay text for any YAML reader.
void emit_text(YAML::Emitter& out, const std::string& text);

/// Emits the value `v` of parameter `p` so that yaml-cpp and PyYAML both read it back as the same
/// value: reals always with a decimal point and a signed exponent (PyYAML reads `1e-05` as a
/// string and `2` as an integer), choices double-quoted, months, booleans and integers plain.
void emit_value(YAML::Emitter& out, const ParamSpec& p, double v);

}  // namespace rf
