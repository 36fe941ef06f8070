#include "sim/config/timeline.hpp"

#include <algorithm>

#include "models/dated_change.hpp"
#include "models/param_table.hpp"
#include "sim/base/errors.hpp"
#include "sim/config/messages.hpp"
#include "sim/config/param_value.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/resolved_yaml.hpp"

namespace rf {

namespace {

constexpr std::string_view kPrefix = "timeline.";

/// The path an entry is written with: regions by name, or by index when the name could not be
/// read back as a name (a dot, a '*', or digits that would read as an index).
std::string entry_path(const Scenario& s, const TimelineEntry& e) {
  if (e.region < 0) return e.spec->path();
  const std::string& name = s.regions[static_cast<std::size_t>(e.region)].name;
  const bool plain =
      !name.empty() && name.find_first_of(".*") == std::string::npos && name.find_first_not_of("0123456789") != std::string::npos;
  return "regions." + (plain ? name : std::to_string(e.region)) + "." + e.spec->path();
}

std::string yaml_home(const ParamSpec& spec) {
  return spec.scope == Scope::Simulation ? "'simulation:'" : "the region's '" + std::string(spec.group) + ":'";
}

}  // namespace

std::optional<DatedPath> split_dated_path(const std::string& path) {
  if (path.rfind(kPrefix, 0) != 0) return std::nullopt;
  const auto rest = path.substr(kPrefix.size());
  const auto dot = rest.find('.');
  const auto date = parse_month(rest.substr(0, dot));
  if (!date || dot == std::string::npos) {
    throw UsageError("--set " + path + ": a dated path is timeline.YYYY-MM.PATH",
                     "Write e.g. --set timeline.2024-07.regions.Hangzhou.policy.voucher_budget=250 (a four-digit year, a "
                     "two-digit month).");
  }
  return DatedPath{*date, rest.substr(dot + 1)};
}

void add_timeline_entry(std::vector<TimelineEntry>& timeline, TimelineEntry entry) {
  for (auto& e : timeline) {
    if (e.date == entry.date && e.spec == entry.spec && e.region == entry.region) {
      e = std::move(entry);
      return;
    }
  }
  const auto later = std::upper_bound(timeline.begin(), timeline.end(), entry.date,
                                      [](MonthIndex date, const TimelineEntry& e) { return date < e.date; });
  timeline.insert(later, std::move(entry));
}

void load_timeline(const YAML::Node& node, Scenario& s, const std::string& origin) {
  const std::string example = "Write each change as '- at: 2024-07' with 'set: {regions.NAME.GROUP.PARAMETER: VALUE}'.";
  if (!node.IsSequence()) fail(where(origin, node.Mark()), "'timeline' must be a list", example);
  for (const auto& item : node) {
    if (!item.IsMap()) fail(where(origin, item.Mark()), "each timeline entry must be a map with 'at' and 'set'", example);
    for (const auto& kv : item) {
      const auto key = kv.first.as<std::string>();
      if (key != "at" && key != "set") unknown_key(where(origin, kv.first.Mark()), key, "a timeline entry", {"at", "set"});
    }
    if (!item["at"] || !item["set"]) {
      fail(where(origin, item.Mark()), std::string("a timeline entry has no '") + (item["at"] ? "set" : "at") + "'", example);
    }
    const YAML::Node at = item["at"];
    const auto date = at.IsScalar() ? parse_month(at.Scalar()) : std::nullopt;
    if (!date) {
      fail(where(origin, at.Mark()),
           "'at' must be a month written YYYY-MM, got '" + (at.IsScalar() ? at.Scalar() : "a list or map") + "'",
           "Write a four-digit year and a two-digit month, e.g. at: 2024-07.");
    }
    const YAML::Node set = item["set"];
    if (!set.IsMap()) fail(where(origin, set.Mark()), "'set' must be a map of PATH: VALUE", example);
    for (const auto& kv : set) {
      const auto path = kv.first.as<std::string>();
      const std::string here = where(origin, kv.first.Mark());
      ParameterTarget target;
      try {
        target = resolve_parameter_path(s, path, here);
      } catch (const UsageError& e) {
        throw ScenarioError(e.what(), e.remedy());  // a wrong path is an error of the file
      }
      const double v = parse_value(*target.spec, kv.second, where(origin, kv.second.Mark()));
      if (target.spec->scope == Scope::Simulation) add_timeline_entry(s.timeline, {*date, target.spec, -1, v, here});
      for (const std::size_t i : target.regions) {
        add_timeline_entry(s.timeline, {*date, target.spec, static_cast<std::int32_t>(i), v, here});
      }
    }
  }
}

void drop_entries_after_run(Scenario& s) {
  const MonthIndex last = s.sim.start + s.sim.months - 1;
  std::erase_if(s.timeline, [&](const TimelineEntry& e) { return e.date > last; });
}

void validate_timeline(const Scenario& s) {
  if (s.timeline.empty()) return;
  const MonthIndex first = s.sim.start;
  const MonthIndex last = s.sim.start + s.sim.months - 1;
  for (const auto& e : s.timeline) {
    if (e.region >= static_cast<std::int32_t>(s.regions.size())) {
      fail(e.at, "the timeline names region " + std::to_string(e.region) + ", which the scenario does not have",
           "Name one of its regions.");
    }
    const std::string date = month_text(e.date);
    if (e.date < first) {
      fail(e.at, "timeline date " + date + " is before simulation.start (" + month_text(first) + ")",
           "Date it " + month_text(first) + " or later, or move simulation.start earlier.");
    }
    if (e.date > last) {
      fail(e.at,
           "timeline date " + date + " is after the run's last month " + month_text(last) + " (simulation.start " +
               month_text(first) + " plus " + std::to_string(s.sim.months) + " months)",
           "Date it " + month_text(last) + " or earlier, or raise simulation.months.");
    }
    const auto why = fixed_after_start(*e.spec);
    if (!why.empty()) {
      fail(e.at, "'" + e.spec->path() + "' cannot change at a date: " + std::string(why),
           "Set it under " + yaml_home(*e.spec) + " instead of in the timeline.");
    }
  }
  // The parameters in force from each date must pass the same checks as the scenario's own.
  Scenario state = s;
  state.timeline.clear();
  for (std::size_t i = 0; i < s.timeline.size();) {
    const TimelineEntry& head = s.timeline[i];
    for (; i < s.timeline.size() && s.timeline[i].date == head.date; ++i) {
      const auto& e = s.timeline[i];
      e.spec->set(e.region < 0 ? static_cast<void*>(&state.sim) : &state.regions[static_cast<std::size_t>(e.region)].params,
                  e.value);
    }
    validate(state, head.at + " (parameters in force from " + month_text(head.date) + ")");
  }
}

double value_in_force(const Scenario& s, const ParamSpec& spec, std::int32_t region, MonthIndex date) {
  double v = region < 0 ? spec.get(&s.sim) : spec.get(&s.regions[static_cast<std::size_t>(region)].params);
  for (const auto& e : s.timeline) {
    if (e.date <= date && e.spec == &spec && e.region == region) v = e.value;
  }
  return v;
}

void emit_timeline(YAML::Emitter& out, const Scenario& s) {
  if (s.timeline.empty()) return;
  out << YAML::Key << "timeline" << YAML::Value << YAML::BeginSeq;
  for (std::size_t i = 0; i < s.timeline.size();) {
    const MonthIndex date = s.timeline[i].date;
    out << YAML::BeginMap << YAML::Key << "at" << YAML::Value << month_text(date) << YAML::Key << "set" << YAML::Value
        << YAML::BeginMap;
    for (; i < s.timeline.size() && s.timeline[i].date == date; ++i) {
      const auto& e = s.timeline[i];
      out << YAML::Key << entry_path(s, e) << YAML::Value;
      emit_value(out, *e.spec, e.value);
    }
    out << YAML::EndMap << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void copy_parameter(Scenario& to, const Scenario& from, std::size_t region, const ParamSpec& spec) {
  spec.set(&to.regions[region].params, spec.get(&from.regions[region].params));
  const auto r = static_cast<std::int32_t>(region);
  std::erase_if(to.timeline, [&](const TimelineEntry& e) { return e.spec == &spec && e.region == r; });
  for (const auto& e : from.timeline) {
    if (e.spec == &spec && e.region == r) add_timeline_entry(to.timeline, e);
  }
}

}  // namespace rf
