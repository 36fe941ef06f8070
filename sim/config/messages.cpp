#include "sim/config/messages.hpp"

#include <algorithm>
#include <sstream>

#include "sim/base/errors.hpp"
#include "sim/base/suggest.hpp"

namespace rf {

std::string where(const std::string& origin, const YAML::Mark& m) {
  std::ostringstream s;
  s << origin;
  if (m.line >= 0) s << ":" << (m.line + 1) << ":" << (m.column + 1);
  return s.str();
}

[[noreturn]] void fail(const std::string& at, const std::string& what, const std::string& remedy) {
  throw ScenarioError(at + ": " + what, remedy);
}

std::vector<std::string> group_names(Scope scope) {
  std::vector<std::string> out;
  for (const auto& p : parameter_table()) {
    if (p.scope == scope && std::find(out.begin(), out.end(), p.group) == out.end()) out.emplace_back(p.group);
  }
  return out;
}

std::vector<std::string> names_in_group(Scope scope, std::string_view group) {
  std::vector<std::string> out;
  for (const auto& p : parameter_table()) {
    if (p.scope == scope && p.group == group) out.emplace_back(p.name);
  }
  return out;
}

[[noreturn]] void unknown_key(const std::string& at, const std::string& key, const std::string& context,
                              const std::vector<std::string>& valid) {
  const auto near = closest(key, valid);
  std::string list;
  for (const auto& v : valid) list += (list.empty() ? "" : ", ") + v;
  fail(at, "unknown key '" + key + "' in " + context,
       near.empty() ? "Valid keys here: " + list + ". See `rainforest describe`."
                    : "Did you mean '" + near + "'? See `rainforest describe " + near + "`.");
}

}  // namespace rf
