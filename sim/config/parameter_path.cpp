#include "sim/config/parameter_path.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>
#include <vector>

#include "sim/base/errors.hpp"
#include "sim/config/messages.hpp"
#include "sim/config/param_value.hpp"
#include "sim/config/timeline.hpp"

namespace rf {

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream ss(path);
  for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
  return parts;
}

bool region_matches(const std::string& selector, const RegionSpec& r, std::size_t index) {
  return selector == "*" || selector == r.name || selector == std::to_string(index);
}

}  // namespace

ParameterTarget resolve_parameter_path(const Scenario& s, const std::string& path, const std::string& at) {
  const auto parts = split_path(path);
  if (parts.size() == 2 && parts[0] == "simulation") {
    const ParamSpec* spec = find_param(Scope::Simulation, "simulation", parts[1]);
    if (spec == nullptr) unknown_key(at, parts[1], "'simulation'", names_in_group(Scope::Simulation, "simulation"));
    return {spec, {}};
  }
  if (parts.size() == 4 && parts[0] == "regions") {
    const std::string& group = parts[2];
    const ParamSpec* spec = find_param(Scope::Region, group, parts[3]);
    if (spec == nullptr) {
      const auto groups = group_names(Scope::Region);
      if (std::find(groups.begin(), groups.end(), group) == groups.end()) unknown_key(at, group, "a region", groups);
      unknown_key(at, parts[3], "'" + group + "'", names_in_group(Scope::Region, group));
    }
    ParameterTarget target{spec, {}};
    for (std::size_t i = 0; i < s.regions.size(); ++i) {
      if (region_matches(parts[1], s.regions[i], i)) target.regions.push_back(i);
    }
    if (target.regions.empty()) {
      std::vector<std::string> names;
      for (const auto& r : s.regions) names.push_back(r.name);
      unknown_key(at, parts[1], "the scenario's regions", names);
    }
    return target;
  }
  throw UsageError(at + ": not a parameter path",
                   "Paths are simulation.NAME or regions.REGION.GROUP.NAME (REGION: a name, an index or *), "
                   "optionally after timeline.YYYY-MM.; see `rainforest describe`.");
}

const ParamSpec& override_target(const Scenario& s, const std::string& path) {
  const auto dated = split_dated_path(path);
  return *resolve_parameter_path(s, dated ? dated->path : path, "--set " + path).spec;
}

double read_parameter(const Scenario& s, const std::string& path) {
  const auto dated = split_dated_path(path);
  const auto target = resolve_parameter_path(s, dated ? dated->path : path, "--set " + path);
  const ParamSpec& spec = *target.spec;
  const std::int32_t region = spec.scope == Scope::Simulation ? -1 : static_cast<std::int32_t>(target.regions.front());
  if (dated) return value_in_force(s, spec, region, dated->date);
  return region < 0 ? spec.get(&s.sim) : spec.get(&s.regions[static_cast<std::size_t>(region)].params);
}

void apply_override(Scenario& s, const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw UsageError("--set '" + assignment + "' is not of the form path=value",
                     "Write e.g. --set simulation.months=60, --set regions.*.policy.voucher_rate=0.3 or "
                     "--set timeline.2024-07.regions.0.policy.voucher_budget=250");
  }
  const std::string path = assignment.substr(0, eq);
  const std::string value = assignment.substr(eq + 1);
  const auto parts = split_path(path);
  if (parts.size() == 1 && (parts[0] == "name" || parts[0] == "description")) {
    (parts[0] == "name" ? s.name : s.description) = value;
    return;
  }
  const auto dated = split_dated_path(path);
  const auto target = resolve_parameter_path(s, dated ? dated->path : path, "--set " + path);
  const ParamSpec& spec = *target.spec;
  YAML::Node node;
  try {
    node = YAML::Load(value);
  } catch (const YAML::Exception&) {
    node = YAML::Node(value);
  }
  if (!node.IsScalar()) node = YAML::Node(value);
  const double v = parse_value(spec, node, "--set " + path);
  if (dated) {
    if (spec.scope == Scope::Simulation) add_timeline_entry(s.timeline, {dated->date, &spec, -1, v, "--set " + assignment});
    for (const std::size_t i : target.regions) {
      add_timeline_entry(s.timeline, {dated->date, &spec, static_cast<std::int32_t>(i), v, "--set " + assignment});
    }
    return;
  }
  if (spec.scope == Scope::Simulation) {
    spec.set(&s.sim, v);
    if (spec.path() == "simulation.months") drop_entries_after_run(s);  // a shorter run never reaches them
    return;
  }
  for (const std::size_t i : target.regions) spec.set(&s.regions[i].params, v);
}

}  // namespace rf
