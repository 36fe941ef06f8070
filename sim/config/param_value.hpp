// Converts one YAML scalar into a parameter's value, checking its type (number, whole number,
// true/false, choice) and its range in the parameter table.
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>

#include "models/param_table.hpp"

namespace rf {

/// The value `node` gives parameter `p` (Bool 0/1, Choice its index). Throws ScenarioError
/// "at: ..." naming the parameter, the expected form or range, and the closest choice.
double parse_value(const ParamSpec& p, const YAML::Node& node, const std::string& at);

}  // namespace rf
