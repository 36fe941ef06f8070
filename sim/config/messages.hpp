// How configuration errors are worded: file:line:column positions, and unknown keys named with
// the closest valid one from the parameter table.
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "models/param_table.hpp"

namespace rf {

/// "origin:line:column" of a YAML position (just "origin" if the position is unknown).
std::string where(const std::string& origin, const YAML::Mark& m);

/// Throws ScenarioError("at: what", remedy).
[[noreturn]] void fail(const std::string& at, const std::string& what, const std::string& remedy);

/// The parameter groups of a scope, in table order.
std::vector<std::string> group_names(Scope scope);
/// The parameter names of one group, in table order.
std::vector<std::string> names_in_group(Scope scope, std::string_view group);

/// Throws ScenarioError for an unknown key, suggesting the closest of `valid` or listing them.
[[noreturn]] void unknown_key(const std::string& at, const std::string& key, const std::string& context,
                              const std::vector<std::string>& valid);

}  // namespace rf
