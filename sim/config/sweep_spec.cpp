#include "sim/config/sweep_spec.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "models/param_table.hpp"
#include "sim/base/calendar.hpp"
#include "sim/base/count.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/suggest.hpp"
#include "sim/base/text_file.hpp"
#include "sim/config/messages.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/config/yaml_document.hpp"

namespace rf {

namespace {

std::string at(const std::string& origin, const YAML::Node& node) {
  return where(origin, node.Mark());
}

void check_keys(const YAML::Node& map, const std::vector<std::string>& valid, const std::string& origin,
                const std::string& context) {
  for (const auto& kv : map) {
    const auto key = kv.first.as<std::string>();
    if (std::find(valid.begin(), valid.end(), key) != valid.end()) continue;
    const auto near = closest(key, valid);
    std::string list;
    for (const auto& v : valid) list += (list.empty() ? "" : ", ") + v;
    fail(at(origin, kv.first), "unknown key '" + key + "' in " + context,
         near.empty() ? "Valid keys here: " + list + " (docs/SWEEPS.md)." : "Did you mean '" + near + "'?");
  }
}

template <class T>
T scalar(const YAML::Node& node, const std::string& origin, const std::string& key, const std::string& expected) {
  T v{};
  if (!node.IsScalar() || !YAML::convert<T>::decode(node, v)) {
    fail(at(origin, node), "'" + key + "' must be " + expected, "See docs/SWEEPS.md for the sweep format.");
  }
  return v;
}

double number(const YAML::Node& node, const std::string& origin, const std::string& key) {
  const auto v = scalar<double>(node, origin, key, "a number");
  if (!std::isfinite(v)) fail(at(origin, node), "'" + key + "' must be finite", "Write a plain number.");
  return v;
}

/// A count under the command line's rule (sim/base/count.hpp): digits only, from `min` to `max`.
std::uint64_t count(const YAML::Node& node, const std::string& origin, const std::string& key, std::uint64_t min,
                    std::uint64_t max = 1000000000) {
  const auto v = node.IsScalar() ? parse_count(node.Scalar(), min, max) : std::nullopt;
  if (!v) {
    fail(at(origin, node),
         "'" + key + "' must be " + count_rule_text(min, max) + (node.IsScalar() ? ", got '" + node.Scalar() + "'" : ""),
         "Write e.g. " + key + ": " + std::to_string(std::max<std::uint64_t>(min, 8)) + ".");
  }
  return *v;
}

Design parse_design(const YAML::Node& node, const std::string& origin) {
  const std::vector<std::string> names = {"grid", "random", "latin", "saltelli", "morris"};
  const auto text = scalar<std::string>(node, origin, "design", "a design name");
  const auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) {
    const auto near = closest(text, names);
    fail(at(origin, node), "unknown design '" + text + "'",
         "Use grid, random, latin, saltelli or morris" + (near.empty() ? std::string(".") : " (did you mean '" + near + "'?)."));
  }
  return static_cast<Design>(it - names.begin());
}

/// The value text as --set would take it, and a check that it is valid for the scenario.
void check_value(const Scenario& base, const SweepParameter& p, const std::string& text, const std::string& where) {
  Scenario copy = base;
  try {
    apply_override(copy, p.path + "=" + text);
    validate(copy, "the sweep's base scenario with " + p.path + " = " + text);
  } catch (const Error& e) {
    fail(where, std::string(e.what()), e.remedy());
  }
}

/// A grid whose levels give the same setting twice (levels: 5 on the integers [2, 4] would run
/// 2, 2, 3, 4, 4, or values listing one setting twice) runs identical points and weighs them
/// twice in every analysis: refused, with the levels that would be distinct.
void refuse_repeated_levels(const SweepParameter& p, const YAML::Node& node, const std::string& origin) {
  const bool values = p.law == SweepParameter::Law::Values;
  const std::size_t n = values ? p.values.size() : static_cast<std::size_t>(p.levels);
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < n; ++i) {
    // The unit coordinates of grid_design (sim/studies/design.cpp).
    const double u =
        values ? (static_cast<double>(i) + 0.5) / static_cast<double>(n) : static_cast<double>(i) / static_cast<double>(n - 1);
    const std::string text = p.value_text(u);
    if (std::find(texts.begin(), texts.end(), text) != texts.end()) {
      if (values) {
        fail(at(origin, node["values"]), "'values' of " + p.path + " lists " + text + " twice",
             "List each setting once; a grid point repeated would count twice in the analysis.");
      }
      const auto integers = static_cast<long long>(p.high - p.low + 1.0);
      fail(at(origin, node["levels"]),
           "levels: " + std::to_string(n) + " on " + p.path + " in [" + p.value_text(0.0) + ", " + p.value_text(1.0) +
               "] gives " + text + " twice (an integer parameter takes whole values only)",
           p.law == SweepParameter::Law::Uniform && integers < static_cast<long long>(n)
               ? "The range holds " + std::to_string(integers) + " whole numbers: use levels: " + std::to_string(integers) +
                     " or list them with values: [...]."
               : "Use fewer levels, or list the settings with values: [...].");
    }
    texts.push_back(text);
  }
}

SweepParameter parse_parameter(const YAML::Node& node, const std::string& origin, const Scenario& base, Design design) {
  const std::string where = at(origin, node);
  if (!node.IsMap()) fail(where, "each entry of 'parameters' must be a map with 'path'", "See scenarios/sweeps/.");
  check_keys(node, {"path", "range", "distribution", "mean", "sd", "values", "levels"}, origin, "a sweep parameter");
  if (!node["path"]) fail(where, "a sweep parameter needs 'path'", "Write e.g. path: regions.*.policy.voucher_rate");
  SweepParameter p;
  p.path = scalar<std::string>(node["path"], origin, "path", "a parameter path");
  try {
    p.spec = &override_target(base, p.path);
  } catch (const Error& e) {
    fail(at(origin, node["path"]), e.what(), e.remedy());
  }
  const ParamSpec& spec = *p.spec;
  const bool discrete = spec.kind == Kind::Bool || spec.kind == Kind::Choice || spec.kind == Kind::Month;
  std::string law = node["distribution"] ? scalar<std::string>(node["distribution"], origin, "distribution", "a name") : "";
  if (node["values"]) {
    if (!node["values"].IsSequence() || node["values"].size() == 0) {
      fail(at(origin, node["values"]), "'values' must be a non-empty list", "Write e.g. values: [0.1, 0.2, 0.3]");
    }
    if (node["range"] || !law.empty()) {
      fail(where, "'" + p.path + "' has 'values' and a range or distribution", "Give either values or a range.");
    }
    p.law = SweepParameter::Law::Values;
    for (const auto& v : node["values"]) {
      p.values.push_back(scalar<std::string>(v, origin, "values", "a list of single values"));
      check_value(base, p, p.values.back(), at(origin, v));
    }
  } else {
    if (discrete) {
      const char* what = spec.kind == Kind::Bool ? "true/false" : (spec.kind == Kind::Month ? "a date" : "a choice");
      fail(where, "'" + p.path + "' is " + what + ", so it needs 'values'", "Write values: [...] with the settings to try.");
    }
    if (law.empty()) law = "uniform";
    if (law == "normal") {
      if (!node["mean"] || !node["sd"]) fail(where, "a normal distribution needs 'mean' and 'sd'", "Add mean: and sd:.");
      p.law = SweepParameter::Law::Normal;
      p.mean = number(node["mean"], origin, "mean");
      p.sd = number(node["sd"], origin, "sd");
      if (p.sd <= 0.0) fail(at(origin, node["sd"]), "'sd' must be positive", "Give a positive standard deviation.");
      if (p.mean < spec.min || p.mean > spec.max) {
        fail(at(origin, node["mean"]), "mean " + spec.format_value(p.mean) + " is outside the range of " + p.path,
             "Draws are truncated to [" + spec.format_value(spec.min) + ", " + spec.format_value(spec.max) + "].");
      }
    } else if (law == "uniform" || law == "loguniform") {
      p.law = law == "uniform" ? SweepParameter::Law::Uniform : SweepParameter::Law::LogUniform;
      const auto& r = node["range"];
      if (!r || !r.IsSequence() || r.size() != 2) {
        fail(r ? at(origin, r) : where, "'" + p.path + "' needs 'range: [low, high]' (or 'values')",
             "Write e.g. range: [0.1, 0.5].");
      }
      p.low = number(r[0], origin, "range");
      p.high = number(r[1], origin, "range");
      if (!(p.low < p.high)) fail(at(origin, r), "the range must have low < high", "Swap or widen the bounds.");
      if (p.law == SweepParameter::Law::LogUniform && p.low <= 0.0) {
        fail(at(origin, r), "a loguniform range must be positive", "Use a low bound above 0, or distribution: uniform.");
      }
    } else {
      const std::vector<std::string> laws = {"uniform", "loguniform", "normal"};
      const auto near = closest(law, laws);
      fail(at(origin, node["distribution"]), "unknown distribution '" + law + "'",
           "Use uniform, loguniform or normal" + (near.empty() ? std::string(".") : " (did you mean '" + near + "'?)."));
    }
    // Both ends must be valid scenarios, so no point fails half-way through a sweep.
    check_value(base, p, p.value_text(0.0), where);
    check_value(base, p, p.value_text(1.0), where);
  }
  if (node["levels"]) {
    if (design != Design::Grid) fail(at(origin, node["levels"]), "'levels' is for the grid design", "Remove it.");
    if (p.law == SweepParameter::Law::Values) fail(at(origin, node["levels"]), "'levels' with 'values'", "Remove 'levels'.");
    p.levels = static_cast<int>(count(node["levels"], origin, "levels", 2));
  }
  if (design == Design::Grid && p.law != SweepParameter::Law::Values && p.levels == 0) {
    fail(where, "the grid design needs 'levels' (or 'values') for " + p.path, "Add e.g. levels: 5.");
  }
  if (design == Design::Grid && p.law == SweepParameter::Law::Normal) {
    fail(where, "a grid cannot use a normal distribution", "Use range with levels, or values.");
  }
  if (design == Design::Grid) refuse_repeated_levels(p, node, origin);
  return p;
}

}  // namespace

static SweepSpec parse_sweep(const std::string& text, const std::string& origin);

std::string design_name(Design d) {
  switch (d) {
    case Design::Grid:
      return "grid";
    case Design::Random:
      return "random";
    case Design::Latin:
      return "latin";
    case Design::Saltelli:
      return "saltelli";
    case Design::Morris:
      return "morris";
  }
  return "?";
}

double SweepParameter::value(double u) const {
  u = std::clamp(u, 0.0, 1.0);
  const bool integer = spec->kind == Kind::Int;
  switch (law) {
    case Law::Values: {
      const auto n = values.size();
      const auto i = std::min(n - 1, static_cast<std::size_t>(u * static_cast<double>(n)));
      const std::string& t = values[i];
      if (spec->kind == Kind::Bool) return t == "true" || t == "True" || t == "yes" || t == "on" ? 1.0 : 0.0;
      if (spec->kind == Kind::Choice) {
        const auto list = spec->choice_list();
        return static_cast<double>(std::find(list.begin(), list.end(), t) - list.begin());
      }
      if (spec->kind == Kind::Month) return static_cast<double>(parse_month(t).value_or(0));
      return std::stod(t);
    }
    case Law::Uniform:
      if (integer) return std::min(high, low + std::floor(u * (high - low + 1.0)));
      return u >= 1.0 ? high : low + u * (high - low);
    case Law::LogUniform: {
      const double v = u >= 1.0 ? high : std::exp(std::log(low) + u * (std::log(high) - std::log(low)));
      return integer ? std::clamp(std::round(v), low, high) : v;
    }
    case Law::Normal: {
      const boost::math::normal_distribution<double> z;
      const double a = boost::math::cdf(z, (spec->min - mean) / sd);
      const double b = boost::math::cdf(z, (spec->max - mean) / sd);
      const double q = std::clamp(a + u * (b - a), 1e-300, 1.0 - 1e-16);
      const double v = std::clamp(mean + sd * boost::math::quantile(z, q), spec->min, spec->max);
      return integer ? std::round(v) : v;
    }
  }
  return low;
}

std::string SweepParameter::value_text(double u) const {
  if (law == Law::Values) {
    const auto n = values.size();
    return values[std::min(n - 1, static_cast<std::size_t>(std::clamp(u, 0.0, 1.0) * static_cast<double>(n)))];
  }
  return spec->format_value(value(u));
}

SweepSpec load_sweep_text(const std::string& text, const std::string& origin) {
  try {
    return parse_sweep(text, origin);
  } catch (const YAML::Exception& e) {
    // A value of the wrong shape that no specific check caught (found by fuzzing).
    const auto line = e.mark.line >= 0 ? ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) : "";
    throw ScenarioError(origin + line + ": unexpected YAML here: " + e.msg, "See docs/SWEEPS.md for the type of each key.");
  }
}

static SweepSpec parse_sweep(const std::string& text, const std::string& origin) {
  const YAML::Node root = load_yaml_document(text, origin);
  if (!root.IsMap()) fail(origin, "a sweep file must be a YAML map", "See scenarios/sweeps/ for examples.");
  check_keys(root,
             {"name", "description", "base", "set", "design", "points", "trajectories", "levels", "runs_per_point", "seed",
              "parameters"},
             origin, "the sweep");
  SweepSpec s;
  s.file = origin;
  s.text = text;
  s.name = root["name"] ? scalar<std::string>(root["name"], origin, "name", "text") : "sweep";
  if (root["description"]) s.description = scalar<std::string>(root["description"], origin, "description", "text");
  if (!root["base"]) fail(origin, "the sweep needs 'base: SCENARIO.yaml'", "Name the scenario the sweep varies.");
  const auto base_rel = scalar<std::string>(root["base"], origin, "base", "a file name");
  const auto dir = std::filesystem::path(origin).parent_path();
  s.base_file = (dir / base_rel).lexically_normal().string();
  s.base_text = read_text_file(s.base_file, "base scenario", at(origin, root["base"]));
  s.base = load_scenario_text(s.base_text, s.base_file);
  if (root["set"]) {
    if (!root["set"].IsMap()) fail(at(origin, root["set"]), "'set' must be a map of path: value", "See scenarios/sweeps/.");
    for (const auto& kv : root["set"]) {
      const auto entry = kv.first.as<std::string>() + "=" + scalar<std::string>(kv.second, origin, "set", "a single value");
      try {
        apply_override(s.base, entry);
      } catch (const Error& e) {
        fail(at(origin, kv.first), e.what(), e.remedy());
      }
      s.fixed.push_back(entry);
    }
  }
  validate(s.base, s.base_file + " with the sweep's 'set'");
  s.base.sim.snapshot_firms = false;  // a sweep stores series only (docs/SWEEPS.md)
  s.base.sim.event_log = false;
  if (!root["design"]) fail(origin, "the sweep needs 'design'", "Use grid, random, latin, saltelli or morris.");
  s.design = parse_design(root["design"], origin);
  if (root["runs_per_point"]) s.runs_per_point = count(root["runs_per_point"], origin, "runs_per_point", 1, kMaxRuns);
  if (root["seed"]) s.seed = count(root["seed"], origin, "seed", 0, kMaxSeed);
  const bool needs_points = s.design == Design::Random || s.design == Design::Latin || s.design == Design::Saltelli;
  if (needs_points) {
    if (!root["points"]) fail(origin, "the " + design_name(s.design) + " design needs 'points'", "Add e.g. points: 64.");
    s.points = count(root["points"], origin, "points", 2);
  } else if (root["points"]) {
    fail(at(origin, root["points"]), "'points' is not used by the " + design_name(s.design) + " design",
         s.design == Design::Grid ? "The grid's size is the product of the levels." : "Use 'trajectories' for morris.");
  }
  if (s.design == Design::Morris) {
    if (!root["trajectories"]) fail(origin, "the morris design needs 'trajectories'", "Add e.g. trajectories: 20.");
    s.trajectories = count(root["trajectories"], origin, "trajectories", 2);
    if (root["levels"]) s.morris_levels = static_cast<int>(count(root["levels"], origin, "levels", 2));
    if (s.morris_levels % 2 != 0) {
      fail(at(origin, root["levels"]), "morris 'levels' must be even", "Use 4, 6 or 8 (Morris 1991; Campolongo et al. 2007).");
    }
  } else {
    if (root["trajectories"]) fail(at(origin, root["trajectories"]), "'trajectories' is for the morris design", "Remove it.");
    if (root["levels"]) fail(at(origin, root["levels"]), "top-level 'levels' is for the morris design", "Remove it.");
  }
  const auto& params = root["parameters"];
  if (!params || !params.IsSequence() || params.size() == 0) {
    fail(params ? at(origin, params) : origin, "the sweep needs a non-empty list 'parameters'",
         "List the parameters to vary, each with path and range or values.");
  }
  for (const auto& node : params) {
    s.parameters.push_back(parse_parameter(node, origin, s.base, s.design));
    for (std::size_t i = 0; i + 1 < s.parameters.size(); ++i) {
      if (s.parameters[i].path == s.parameters.back().path) {
        fail(at(origin, node), "'" + s.parameters.back().path + "' is listed twice", "Keep one entry per parameter.");
      }
    }
  }
  return s;
}

SweepSpec load_sweep_file(const std::string& path) {
  return load_sweep_text(read_text_file(path, "sweep file"), path);
}

}  // namespace rf
