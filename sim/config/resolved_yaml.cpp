#include "sim/config/resolved_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include "models/param_table.hpp"
#include "sim/config/assumption_ranges.hpp"
#include "sim/config/timeline.hpp"

namespace rf {

namespace {

/// A real as format_value writes it (shortest exact decimal), made a float for YAML 1.1:
/// "2" -> "2.0", "1e-05" -> "1.0e-05", "1e+20" -> "1.0e+20".
std::string yaml11_real(std::string text) {
  const auto e = text.find_first_of("eE");
  const std::string mantissa = text.substr(0, e);
  if (mantissa.find('.') == std::string::npos) text.insert(mantissa.size(), ".0");
  return text;
}

}  // namespace

void emit_text(YAML::Emitter& out, const std::string& text) {
  out << YAML::DoubleQuoted << text;
}

void emit_value(YAML::Emitter& out, const ParamSpec& p, double v) {
  const std::string text = p.format_value(v);
  switch (p.kind) {
    case Kind::Real:
      out << yaml11_real(text);
      return;
    case Kind::Choice:  // a choice named like a YAML 1.1 boolean (no, on) would not stay text
      emit_text(out, text);
      return;
    case Kind::Month:  // YYYY-MM: text for YAML 1.1 too (its timestamps need a day)
    case Kind::Bool:
    case Kind::Int:
      out << text;
      return;
  }
}

std::string resolved_yaml(const Scenario& s) {
  YAML::Emitter out;
  out.SetDoublePrecision(17);
  out << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value;
  emit_text(out, s.name);
  if (!s.description.empty()) {
    out << YAML::Key << "description" << YAML::Value;
    emit_text(out, s.description);
  }
  out << YAML::Key << "simulation" << YAML::Value << YAML::BeginMap;
  for (const auto& p : parameter_table()) {
    if (p.scope != Scope::Simulation) continue;
    out << YAML::Key << std::string(p.name) << YAML::Value;
    emit_value(out, p, p.get(&s.sim));
  }
  out << YAML::EndMap;
  out << YAML::Key << "regions" << YAML::Value << YAML::BeginSeq;
  for (const auto& r : s.regions) {
    out << YAML::BeginMap << YAML::Key << "name" << YAML::Value;
    emit_text(out, r.name);
    std::string_view group;
    for (const auto& p : parameter_table()) {
      if (p.scope != Scope::Region) continue;
      if (p.group != group) {
        if (!group.empty()) out << YAML::EndMap;
        group = p.group;
        out << YAML::Key << std::string(group) << YAML::Value << YAML::BeginMap;
      }
      out << YAML::Key << std::string(p.name) << YAML::Value;
      emit_value(out, p, p.get(&r.params));
    }
    if (!group.empty()) out << YAML::EndMap;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  emit_timeline(out, s);
  emit_ranges(out, s);
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace rf
