// Parsing of every YAML file the program reads (scenarios, sweeps, moments, lever groups), with
// the checks YAML itself leaves out: a key written twice in one map, and a key with no value.
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>

namespace rf {

/// Parses `text` and checks the whole tree. `origin` names the file in messages.
/// Throws ScenarioError (status 2) with origin:line:column for a syntax error; for a key written
/// twice in the same map (naming both places, since yaml-cpp would keep both and each loader would
/// pick one); and for a key or list item with no value (`months:` or `~`: "needs a value", at the
/// key's line, not at the next token where yaml-cpp marks the empty value).
YAML::Node load_yaml_document(const std::string& text, const std::string& origin);

}  // namespace rf
