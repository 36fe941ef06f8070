#include "sim/config/scenario.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "models/param_table.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/suggest.hpp"
#include "sim/base/text_file.hpp"

namespace rf {

namespace {

std::string where(const std::string& origin, const YAML::Mark& m) {
  std::ostringstream s;
  s << origin;
  if (m.line >= 0) s << ":" << (m.line + 1) << ":" << (m.column + 1);
  return s.str();
}

[[noreturn]] void fail(const std::string& at, const std::string& what, const std::string& remedy) {
  throw ScenarioError(at + ": " + what, remedy);
}

std::string range_text(const ParamSpec& p) {
  std::ostringstream s;
  s << "[" << p.format_value(p.min) << ", " << p.format_value(p.max) << "]";
  if (!p.unit.empty()) s << " " << p.unit;
  return s.str();
}

/// Converts a YAML scalar to the parameter's value, checking type and range.
double parse_value(const ParamSpec& p, const YAML::Node& node, const std::string& at) {
  const std::string key = p.path();
  if (!node.IsScalar()) {
    fail(at, "'" + key + "' must be a single value, not a " + (node.IsMap() ? "map" : "list"),
         "Write it as '" + std::string(p.name) + ": <value>'.");
  }
  const std::string& text = node.Scalar();
  double v = 0.0;
  switch (p.kind) {
    case Kind::Bool: {
      bool b = false;
      if (!YAML::convert<bool>::decode(node, b)) {
        fail(at, "'" + key + "' must be true or false, got '" + text + "'", "Use true or false.");
      }
      return b ? 1.0 : 0.0;
    }
    case Kind::Choice: {
      const auto list = p.choice_list();
      const auto it = std::find(list.begin(), list.end(), text);
      if (it == list.end()) {
        std::string all;
        for (const auto& c : list) all += (all.empty() ? "" : ", ") + c;
        const auto near = closest(text, list);
        fail(at, "'" + key + "' must be one of " + all + ", got '" + text + "'",
             near.empty() ? "Pick one of the listed values." : "Did you mean '" + near + "'?");
      }
      return static_cast<double>(it - list.begin());
    }
    case Kind::Int:
    case Kind::Real: {
      if (!YAML::convert<double>::decode(node, v) || !std::isfinite(v)) {
        fail(at, "'" + key + "' must be a number, got '" + text + "'",
             "Write a plain number such as " + p.format_value(p.default_value) + ".");
      }
      if (p.kind == Kind::Int && v != std::floor(v)) {
        fail(at, "'" + key + "' must be a whole number, got '" + text + "'", "Drop the fraction.");
      }
      break;
    }
  }
  if (v < p.min || v > p.max) {
    fail(at, "'" + key + "' = " + text + " is out of range " + range_text(p),
         "Choose a value in " + range_text(p) + " (" + std::string(p.description) + ")");
  }
  return v;
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

struct LoadContext {
  std::string origin;  // file name for messages
  std::vector<ParamOrigin>* origins = nullptr;
  std::string region;
  int depth = 0;  // nesting of `from:` imports
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

/// `from: FILE`: the region of the same name in FILE (or its first region), with its origins.
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
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    fail(where(origin, e.mark), "YAML syntax error: " + e.msg,
         "Fix the YAML at that line and column (indentation, a missing ':' or quote).");
  }
  if (!root.IsMap()) {
    fail(origin, "a scenario must be a YAML map", "Start with 'simulation:' and 'regions:' (see scenarios/default.yaml).");
  }
  Scenario s;
  ctx.origins = &s.origins;
  bool saw_regions = false;
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
        load_region(r, region, ctx);
        s.regions.push_back(std::move(region));
      }
    } else {
      unknown_key(where(origin, kv.first.Mark()), key, "the scenario", {"name", "description", "simulation", "regions"});
    }
  }
  if (!saw_regions) s.regions.push_back(RegionSpec{"region", RegionParams{}});
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

const ParamSpec& override_target(const Scenario& s, const std::string& path) {
  const auto parts = split_path(path);
  const std::string at = "--set " + path;
  if (parts.size() == 2 && parts[0] == "simulation") {
    const ParamSpec* spec = find_param(Scope::Simulation, "simulation", parts[1]);
    if (spec == nullptr) unknown_key(at, parts[1], "'simulation'", names_in_group(Scope::Simulation, "simulation"));
    return *spec;
  }
  if (parts.size() == 4 && parts[0] == "regions") {
    const std::string& group = parts[2];
    const ParamSpec* spec = find_param(Scope::Region, group, parts[3]);
    if (spec == nullptr) {
      const auto groups = group_names(Scope::Region);
      if (std::find(groups.begin(), groups.end(), group) == groups.end()) unknown_key(at, group, "a region", groups);
      unknown_key(at, parts[3], "'" + group + "'", names_in_group(Scope::Region, group));
    }
    bool matched = false;
    for (std::size_t i = 0; i < s.regions.size(); ++i) matched = matched || region_matches(parts[1], s.regions[i], i);
    if (!matched) {
      std::vector<std::string> names;
      for (const auto& r : s.regions) names.push_back(r.name);
      unknown_key(at, parts[1], "the scenario's regions", names);
    }
    return *spec;
  }
  throw UsageError(at + ": not a parameter path",
                   "Paths are simulation.NAME or regions.REGION.GROUP.NAME (REGION: a name, an index or *); "
                   "see `rainforest describe`.");
}

double read_parameter(const Scenario& s, const std::string& path) {
  const ParamSpec& spec = override_target(s, path);
  if (spec.scope == Scope::Simulation) return spec.get(&s.sim);
  const auto parts = split_path(path);
  for (std::size_t i = 0; i < s.regions.size(); ++i) {
    if (region_matches(parts[1], s.regions[i], i)) return spec.get(&s.regions[i].params);
  }
  return spec.default_value;
}

void apply_override(Scenario& s, const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw UsageError("--set '" + assignment + "' is not of the form path=value",
                     "Write e.g. --set simulation.months=60 or --set regions.*.policy.voucher_rate=0.3");
  }
  const std::string path = assignment.substr(0, eq);
  const std::string value = assignment.substr(eq + 1);
  const auto parts = split_path(path);
  if (parts.size() == 1 && (parts[0] == "name" || parts[0] == "description")) {
    (parts[0] == "name" ? s.name : s.description) = value;
    return;
  }
  const ParamSpec& spec = override_target(s, path);
  YAML::Node node;
  try {
    node = YAML::Load(value);
  } catch (const YAML::Exception&) {
    node = YAML::Node(value);
  }
  if (!node.IsScalar()) node = YAML::Node(value);
  const double v = parse_value(spec, node, "--set " + path);
  if (spec.scope == Scope::Simulation) {
    spec.set(&s.sim, v);
    return;
  }
  for (std::size_t i = 0; i < s.regions.size(); ++i) {
    if (region_matches(parts[1], s.regions[i], i)) spec.set(&s.regions[i].params, v);
  }
}

void validate(const Scenario& s, const std::string& origin) {
  auto bad = [&](const std::string& region, const std::string& what, const std::string& remedy) {
    fail(origin + (region.empty() ? "" : " (region '" + region + "')"), what, remedy);
  };
  if (s.regions.empty()) bad("", "the scenario has no regions", "Add at least one region under 'regions:'.");
  std::set<std::string> names;
  for (const auto& r : s.regions) {
    if (!names.insert(r.name).second)
      bad(r.name, "two regions share the name '" + r.name + "'", "Give each region its own name.");
    const auto& p = r.params;
    if (p.private_share + p.state_share > 1.0 + 1e-12) {
      bad(r.name, "firms.private_share + firms.state_share exceeds 1",
          "Lower one of them; foreign-owned firms take the remainder.");
    }
    if (p.share_ai + p.share_hardtech + p.share_heavy > 1.0 + 1e-12) {
      bad(r.name, "firms.share_ai + share_hardtech + share_heavy exceeds 1", "Lower them; services take the remainder.");
    }
    if (p.voucher_budget > 0.0 && p.voucher_cap > p.voucher_budget) {
      bad(r.name,
          "policy.voucher_cap (" + std::to_string(p.voucher_cap) +
              " m CNY per firm) is above the annual policy.voucher_budget (" + std::to_string(p.voucher_budget) + " m CNY)",
          "Raise the budget or lower the per-firm cap.");
    }
    if (p.voucher_budget + p.guidance_fund > p.science_budget + 1e-9) {
      bad(r.name, "policy.voucher_budget + policy.guidance_fund exceed policy.science_budget, which pays for them",
          "Raise policy.science_budget or lower the levers it pays for.");
    }
    if (p.radius_closed_km > p.radius_open_km) {
      bad(r.name, "policy.radius_closed_km is larger than policy.radius_open_km",
          "Openness widens the radius: make radius_open_km the larger.");
    }
    for (const auto& [name, cap] :
         {std::pair{"max_employees", p.max_employees}, std::pair{"entrant_max_potential", p.entrant_max_potential}}) {
      if (p.min_employees > cap) {
        bad(r.name,
            "firms.min_employees (" + std::to_string(p.min_employees) + ") is above firms." + name + " (" + std::to_string(cap) +
                ")",
            std::string("The firm-size law runs from min_employees up to ") + name + ": lower min_employees or raise " + name +
                ".");
      }
    }
    if (p.preferential_share + p.triadic_share > 1.0 + 1e-12) {
      bad(r.name, "network.preferential_share + network.triadic_share exceeds 1",
          "Lower them; random search takes the remainder.");
    }
  }
}

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
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace rf
