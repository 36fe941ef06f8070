#include "sim/config/param_value.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "sim/base/calendar.hpp"
#include "sim/base/suggest.hpp"
#include "sim/config/messages.hpp"

namespace rf {

namespace {

std::string range_text(const ParamSpec& p) {
  std::ostringstream s;
  s << "[" << p.format_value(p.min) << ", " << p.format_value(p.max) << "]";
  if (!p.unit.empty()) s << " " << p.unit;
  return s.str();
}

}  // namespace

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
    case Kind::Month: {
      const auto m = parse_month(text);
      if (!m) {
        fail(at, "'" + key + "' must be a month written YYYY-MM, got '" + text + "'",
             "Write a four-digit year and a two-digit month, e.g. " + p.format_value(p.default_value) + ".");
      }
      v = static_cast<double>(*m);
      break;
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

}  // namespace rf
