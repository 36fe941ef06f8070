#include "sim/config/assumption_ranges.hpp"

#include <algorithm>

#include "models/param_table.hpp"
#include "sim/base/errors.hpp"
#include "sim/config/messages.hpp"
#include "sim/config/param_value.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/timeline.hpp"

namespace rf {

namespace {

constexpr const char* kRangeForm = "Write it as 'regions.REGION.GROUP.NAME: [low, high]' (or simulation.NAME), low < high.";

}  // namespace

void load_ranges(const YAML::Node& node, Scenario& s, const std::string& origin) {
  if (!node.IsMap()) {
    fail(where(origin, node.Mark()), "'ranges' must be a map of parameter paths to [low, high]", kRangeForm);
  }
  for (const auto& kv : node) {
    const std::string at = where(origin, kv.first.Mark());
    const auto path = kv.first.as<std::string>();
    if (split_dated_path(path)) {
      fail(at, "'" + path + "': a range varies a value from month 0, not a dated change",
           "Give the range of the value before the timeline (regions.REGION.GROUP.NAME); dated changes keep their values.");
    }
    ParameterTarget target;
    try {
      target = resolve_parameter_path(s, path, at);
    } catch (const UsageError& e) {
      throw ScenarioError(e.what(), e.remedy());  // a bad key is an error of the scenario file
    }
    const ParamSpec& spec = *target.spec;
    if (spec.kind != Kind::Real && spec.kind != Kind::Int) {
      fail(at, "'" + path + "' is not a number: only real and integer parameters have plausible ranges",
           "Remove it from 'ranges', or compare the choices as separate scenarios.");
    }
    const YAML::Node& value = kv.second;
    if (!value.IsSequence() || value.size() != 2) {
      fail(where(origin, value.Mark()), "the range of '" + path + "' must be a list of two numbers", kRangeForm);
    }
    const double low = parse_value(spec, value[0], where(origin, value[0].Mark()));
    const double high = parse_value(spec, value[1], where(origin, value[1].Mark()));
    if (!(low < high)) {
      fail(where(origin, value.Mark()),
           "the range of '" + path + "' is [" + spec.format_value(low) + ", " + spec.format_value(high) +
               "]: low must be below high",
           kRangeForm);
    }
    std::vector<std::int32_t> regions;
    if (spec.scope == Scope::Simulation) {
      regions.push_back(-1);
    } else {
      for (const std::size_t r : target.regions) regions.push_back(static_cast<std::int32_t>(r));
    }
    for (const std::int32_t r : regions) {
      const double v = r < 0 ? spec.get(&s.sim) : spec.get(&s.regions[static_cast<std::size_t>(r)].params);
      if (v < low || v > high) {
        fail(at,
             "the range [" + spec.format_value(low) + ", " + spec.format_value(high) + "] of '" + path +
                 "' does not contain its value " + spec.format_value(v),
             "Widen the range to contain the value, or change the value.");
      }
      std::erase_if(s.ranges, [&](const AssumptionRange& a) { return a.spec == &spec && a.region == r; });
      s.ranges.push_back({&spec, r, low, high, at});
    }
  }
}

std::string range_path(const Scenario& s, const AssumptionRange& r) {
  if (r.region < 0) return r.spec->path();
  const std::string& name = s.regions[static_cast<std::size_t>(r.region)].name;
  const bool plain =
      !name.empty() && name.find_first_of(".*") == std::string::npos && name.find_first_not_of("0123456789") != std::string::npos;
  return "regions." + (plain ? name : std::to_string(r.region)) + "." + r.spec->path();
}

void emit_ranges(YAML::Emitter& out, const Scenario& s) {
  if (s.ranges.empty()) return;
  out << YAML::Key << "ranges" << YAML::Value << YAML::BeginMap;
  for (const auto& r : s.ranges) {
    out << YAML::Key << range_path(s, r) << YAML::Value << YAML::Flow << YAML::BeginSeq;
    emit_value(out, *r.spec, r.low);
    emit_value(out, *r.spec, r.high);
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
}

const AssumptionRange* scenario_range(const Scenario& s, const ParamSpec& spec, std::int32_t region) {
  for (const auto& r : s.ranges) {
    if (r.spec == &spec && r.region == region) return &r;
  }
  return nullptr;
}

}  // namespace rf
