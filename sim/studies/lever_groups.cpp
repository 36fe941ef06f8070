#include "sim/studies/lever_groups.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "sim/base/errors.hpp"
#include "sim/base/text_file.hpp"
#include "sim/config/yaml_document.hpp"

namespace rf {

namespace {

std::string line_of(const std::string& path, const YAML::Node& node) {
  return path + ":" + std::to_string(node.Mark().line + 1);
}

/// The dated changes of one parameter of one region, as (date, value) in date order.
std::vector<std::pair<MonthIndex, double>> dated_changes(const Scenario& s, const ParamSpec& spec, std::size_t region) {
  std::vector<std::pair<MonthIndex, double>> out;
  for (const auto& e : s.timeline) {
    if (e.spec == &spec && e.region == static_cast<std::int32_t>(region)) out.emplace_back(e.date, e.value);
  }
  return out;
}

/// The automatic group of a parameter no user group names.
std::string automatic_group(const ParamSpec& spec) {
  if (spec.group == "firms" && spec.name == "initial_firms") return "city_size";
  if (spec.group == "firms" && spec.name.starts_with("share_")) return "sector_structure";
  return std::string(spec.group);
}

}  // namespace

std::vector<LeverGroup> load_lever_groups(const std::string& path) {
  const YAML::Node root = load_yaml_document(read_text_file(path, "lever groups file"), path);
  std::vector<LeverGroup> out;
  std::map<const ParamSpec*, std::string> owner;
  for (const auto& g : root["groups"]) {
    LeverGroup group;
    group.name = g["name"].as<std::string>();
    if (std::any_of(out.begin(), out.end(), [&](const LeverGroup& o) { return o.name == group.name; })) {
      throw ScenarioError(line_of(path, g) + ": the group name '" + group.name + "' is used twice",
                          "Give each group its own name.");
    }
    for (const auto& p : g["parameters"]) {
      const auto text = p.as<std::string>();
      const auto dot = text.find('.');
      const ParamSpec* spec =
          dot == std::string::npos ? nullptr : find_param(Scope::Region, text.substr(0, dot), text.substr(dot + 1));
      if (spec == nullptr) {
        throw ScenarioError(line_of(path, p) + ": '" + text + "' is not a region parameter",
                            "Use group.name as listed by `rainforest describe`.");
      }
      const auto [it, fresh] = owner.emplace(spec, group.name);
      if (!fresh) {
        throw ScenarioError(
            line_of(path, p) + ": '" + text + "' is in group '" + it->second + "' and again in '" + group.name + "'",
            "A parameter belongs to exactly one group, so that the Shapley values add up to the gap.");
      }
      group.params.push_back(spec);
    }
    out.push_back(std::move(group));
  }
  if (out.empty()) throw ScenarioError(path + ": no groups", "Write 'groups:' with a list of {name, parameters}.");
  return out;
}

std::vector<const ParamSpec*> differing_parameters(const Scenario& a, const Scenario& b) {
  std::vector<const ParamSpec*> out;
  for (const ParamSpec& spec : parameter_table()) {
    if (spec.scope != Scope::Region) continue;
    for (std::size_t r = 0; r < a.regions.size(); ++r) {
      if (spec.get(&a.regions[r].params) != spec.get(&b.regions[r].params) ||
          dated_changes(a, spec, r) != dated_changes(b, spec, r)) {
        out.push_back(&spec);
        break;
      }
    }
  }
  return out;
}

bool simulation_parameters_differ(const Scenario& a, const Scenario& b, std::string& what) {
  for (const ParamSpec& spec : parameter_table()) {
    if (spec.scope != Scope::Simulation) continue;
    if (spec.get(&a.sim) != spec.get(&b.sim)) {
      what = "simulation." + std::string(spec.name);
      return true;
    }
  }
  const auto simulation_entries = [](const Scenario& s) {
    std::vector<std::tuple<MonthIndex, const ParamSpec*, double>> out;
    for (const auto& e : s.timeline) {
      if (e.region < 0) out.emplace_back(e.date, e.spec, e.value);
    }
    return out;
  };
  if (simulation_entries(a) != simulation_entries(b)) {
    what = "the timeline of simulation parameters";
    return true;
  }
  return false;
}

std::vector<LeverGroup> attribute_differences(const Scenario& a, const Scenario& b, const std::vector<LeverGroup>& user,
                                              std::vector<std::string>& unchanged) {
  const auto differing = differing_parameters(a, b);
  auto differs = [&](const ParamSpec* p) { return std::find(differing.begin(), differing.end(), p) != differing.end(); };
  std::vector<LeverGroup> out;
  std::vector<const ParamSpec*> named;
  for (const auto& g : user) {
    LeverGroup kept{g.name, {}, false};
    for (const ParamSpec* p : g.params) {
      named.push_back(p);
      if (differs(p)) kept.params.push_back(p);
    }
    if (kept.params.empty()) {
      unchanged.push_back(g.name);
    } else {
      out.push_back(std::move(kept));
    }
  }
  const std::size_t user_groups = out.size();
  for (const ParamSpec* p : differing) {
    if (std::find(named.begin(), named.end(), p) != named.end()) continue;
    std::string name = automatic_group(*p);
    const auto taken_by_user = [&](const std::string& n) {
      return std::any_of(user.begin(), user.end(), [&](const LeverGroup& g) { return g.name == n; });
    };
    if (taken_by_user(name)) name = "other_" + name;
    auto it = std::find_if(out.begin() + static_cast<std::ptrdiff_t>(user_groups), out.end(),
                           [&](const LeverGroup& g) { return g.name == name; });
    if (it == out.end()) {
      out.push_back(LeverGroup{name, {}, true});
      it = out.end() - 1;
    }
    it->params.push_back(p);
  }
  return out;
}

}  // namespace rf
