#include "sim/config/scenario_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <utility>

#include "models/param_table.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/text_file.hpp"
#include "sim/config/assumption_ranges.hpp"
#include "sim/config/messages.hpp"
#include "sim/config/param_value.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/timeline.hpp"
#include "sim/config/yaml_document.hpp"

namespace rf {

namespace {

struct LoadContext {
  std::string origin;  // file name for messages
  std::vector<ParamOrigin>* origins = nullptr;
  std::vector<TimelineEntry>* timeline = nullptr;
  std::string region;
  std::int32_t region_index = -1;  // of the region being loaded, in the importing scenario
  int depth = 0;                   // nesting of `from:` imports
};

Scenario parse_scenario(const std::string& text, LoadContext ctx);

void load_group(Scope scope, const std::string& group, const YAML::Node& node, void* params, const LoadContext& ctx) {
  const std::string& origin = ctx.origin;
  if (!node.IsMap()) {
    fail(where(origin, node.Mark()), "'" + group + "' must be a map of parameters", "Indent its parameters under it.");
  }
  for (const auto& kv : node) {
    const auto key = kv.first.as<std::string>();
    const ParamSpec* spec = find_param(scope, group, key);
    if (spec == nullptr) unknown_key(where(origin, kv.first.Mark()), key, "'" + group + "'", names_in_group(scope, group));
    spec->set(params, parse_value(*spec, kv.second, where(origin, kv.second.Mark())));
    ctx.origins->push_back({ctx.region, spec->path(), origin, kv.first.Mark().line + 1});
  }
}

std::string read_file(const std::string& path, const std::string& referrer) {
  try {
    return read_text_file(path, "scenario file", referrer);
  } catch (const UsageError& e) {
    throw ScenarioError(e.what(), e.remedy());  // a bad import is an error of the importing scenario
  }
}

/// `from: FILE`: the region of the same name in FILE (or its first region), with its origins
/// and its dated changes.
void import_region(const YAML::Node& node, const std::string& wanted, RegionSpec& region, const LoadContext& ctx) {
  const std::string at = where(ctx.origin, node.Mark());
  if (ctx.depth >= 8) fail(at, "'from:' imports nest more than 8 deep", "Remove the import cycle.");
  const std::filesystem::path base = std::filesystem::path(ctx.origin).parent_path();
  const std::string file = (base / node.as<std::string>()).lexically_normal().string();
  LoadContext inner = ctx;
  inner.origin = file;
  inner.depth = ctx.depth + 1;
  Scenario other = parse_scenario(read_file(file, at), inner);
  const RegionSpec* source = &other.regions.front();
  for (const auto& r : other.regions) {
    if (r.name == wanted) source = &r;
  }
  region.params = source->params;
  if (region.name.empty()) region.name = source->name;
  for (auto& o : other.origins) {
    if (o.region == source->name) {
      o.region = wanted.empty() ? source->name : wanted;
      ctx.origins->push_back(o);
    }
  }
  const auto source_index = static_cast<std::int32_t>(source - other.regions.data());
  for (auto e : other.timeline) {
    if (e.region != source_index) continue;
    e.region = ctx.region_index;
    add_timeline_entry(*ctx.timeline, e);
  }
}

void load_region(const YAML::Node& node, RegionSpec& region, LoadContext ctx) {
  if (!node.IsMap()) fail(where(ctx.origin, node.Mark()), "each region must be a map", "Start it with '- name: <region>'.");
  if (node["name"]) region.name = node["name"].as<std::string>();
  ctx.region = region.name;
  if (node["from"]) import_region(node["from"], region.name, region, ctx);  // first, so the other keys override it
  ctx.region = region.name;
  auto groups = group_names(Scope::Region);
  for (const auto& kv : node) {
    const auto key = kv.first.as<std::string>();
    if (key == "name" || key == "from") continue;
    if (std::find(groups.begin(), groups.end(), key) == groups.end()) {
      auto valid = groups;
      valid.emplace_back("name");
      valid.emplace_back("from");
      unknown_key(where(ctx.origin, kv.first.Mark()), key, "a region", valid);
    }
    load_group(Scope::Region, key, kv.second, &region.params, ctx);
  }
  if (region.name.empty()) fail(where(ctx.origin, node.Mark()), "a region has no name", "Add 'name: <region>' to it.");
}

Scenario parse_scenario(const std::string& text, LoadContext ctx) {
  const std::string& origin = ctx.origin;
  const YAML::Node root = load_yaml_document(text, origin);
  if (!root.IsMap()) {
    fail(origin, "a scenario must be a YAML map", "Start with 'simulation:' and 'regions:' (see scenarios/default.yaml).");
  }
  Scenario s;
  ctx.origins = &s.origins;
  ctx.timeline = &s.timeline;
  bool saw_regions = false;
  std::optional<YAML::Node> timeline;  // read after the regions, whose names its paths use
  std::optional<YAML::Node> ranges;    // as the timeline
  for (const auto& kv : root) {
    const auto key = kv.first.as<std::string>();
    if (key == "name") {
      s.name = kv.second.as<std::string>();
    } else if (key == "description") {
      s.description = kv.second.as<std::string>();
    } else if (key == "simulation") {
      ctx.region.clear();
      load_group(Scope::Simulation, "simulation", kv.second, &s.sim, ctx);
    } else if (key == "regions") {
      saw_regions = true;
      if (!kv.second.IsSequence()) {
        fail(where(origin, kv.second.Mark()), "'regions' must be a list", "Write each region as '- name: ...'.");
      }
      for (const auto& r : kv.second) {
        RegionSpec region;
        ctx.region_index = static_cast<std::int32_t>(s.regions.size());
        load_region(r, region, ctx);
        s.regions.push_back(std::move(region));
      }
    } else if (key == "timeline") {
      timeline = kv.second;
    } else if (key == "ranges") {
      ranges = kv.second;
    } else {
      unknown_key(where(origin, kv.first.Mark()), key, "the scenario",
                  {"name", "description", "simulation", "regions", "timeline", "ranges"});
    }
  }
  if (!saw_regions) s.regions.push_back(RegionSpec{"region", RegionParams{}});
  if (timeline) load_timeline(*timeline, s, origin);
  if (ranges) load_ranges(*ranges, s, origin);
  return s;
}

}  // namespace

Scenario load_scenario_text(const std::string& text, const std::string& origin) {
  LoadContext ctx;
  ctx.origin = origin;
  Scenario s;
  try {
    s = parse_scenario(text, ctx);
  } catch (const YAML::Exception& e) {
    // A value of the wrong shape that no specific check caught (found by fuzzing).
    throw ScenarioError(where(origin, e.mark) + ": unexpected YAML here: " + e.msg,
                        "Names and descriptions are text, groups are maps, 'regions' is a list of maps.");
  }
  validate(s, origin);
  return s;
}

Scenario load_scenario_file(const std::string& path) {
  return load_scenario_text(read_text_file(path, "scenario file"), path);
}

Scenario load_scenario_file(const std::string& path, const std::vector<std::string>& overrides) {
  Scenario s = load_scenario_file(path);
  for (const auto& o : overrides) apply_override(s, o);
  validate(s, path);
  return s;
}

}  // namespace rf
