#include "sim/config/resolved_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include "models/param_table.hpp"
#include "sim/config/timeline.hpp"

namespace rf {

std::string resolved_yaml(const Scenario& s) {
  YAML::Emitter out;
  out.SetDoublePrecision(17);
  out << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << s.name;
  if (!s.description.empty()) out << YAML::Key << "description" << YAML::Value << s.description;
  out << YAML::Key << "simulation" << YAML::Value << YAML::BeginMap;
  for (const auto& p : parameter_table()) {
    if (p.scope == Scope::Simulation) out << YAML::Key << std::string(p.name) << YAML::Value << p.format_value(p.get(&s.sim));
  }
  out << YAML::EndMap;
  out << YAML::Key << "regions" << YAML::Value << YAML::BeginSeq;
  for (const auto& r : s.regions) {
    out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << r.name;
    std::string_view group;
    for (const auto& p : parameter_table()) {
      if (p.scope != Scope::Region) continue;
      if (p.group != group) {
        if (!group.empty()) out << YAML::EndMap;
        group = p.group;
        out << YAML::Key << std::string(group) << YAML::Value << YAML::BeginMap;
      }
      out << YAML::Key << std::string(p.name) << YAML::Value << p.format_value(p.get(&r.params));
    }
    if (!group.empty()) out << YAML::EndMap;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  emit_timeline(out, s);
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace rf
