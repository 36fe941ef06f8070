#include "sim/config/yaml_document.hpp"

#include <map>

#include "sim/config/messages.hpp"

namespace rf {

namespace {

std::string line_of(const YAML::Mark& m) {
  return m.line >= 0 ? "line " + std::to_string(m.line + 1) : "an unknown line";
}

void check_tree(const YAML::Node& node, const std::string& origin) {
  if (node.IsMap()) {
    std::map<std::string, YAML::Mark> seen;
    for (const auto& kv : node) {
      if (kv.first.IsScalar()) {
        const std::string& key = kv.first.Scalar();
        const auto [first, fresh] = seen.emplace(key, kv.first.Mark());
        if (!fresh) {
          fail(where(origin, kv.first.Mark()),
               "'" + key + "' is written twice in the same map (first at " + line_of(first->second) + ", again here)",
               "Keep one '" + key + "' and merge what the two say into it.");
        }
        if (kv.second.IsNull()) {
          fail(where(origin, kv.first.Mark()), "'" + key + "' needs a value",
               "Write a value after '" + key + ":' on the same line, or remove the key to use its default.");
        }
      }
      check_tree(kv.second, origin);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (item.IsNull()) fail(where(origin, item.Mark()), "a list item needs a value", "Write a value after '-', or remove it.");
      check_tree(item, origin);
    }
  }
}

}  // namespace

YAML::Node load_yaml_document(const std::string& text, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    fail(where(origin, e.mark), "YAML syntax error: " + e.msg,
         "Fix the YAML at that line and column (indentation, a missing ':' or quote).");
  }
  check_tree(root, origin);
  return root;
}

}  // namespace rf
