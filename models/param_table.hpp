// Run-time view of the parameter table: one ParamSpec per row of models/parameters.def.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/params.hpp"

namespace rf {

enum class Scope { Simulation, Region };
enum class Kind { Real, Int, Bool, Choice, Month };  // Month: a calendar month (sim/base/calendar.hpp)

struct ParamSpec {
  Scope scope;
  std::string_view group;
  std::string_view name;
  Kind kind;
  double default_value;
  double min;
  double max;
  bool scaled;
  std::string_view unit;
  std::string_view choices;  // '|'-separated, Choice only
  std::string_view description;
  std::string_view source;
  double (*get)(const void* params);
  void (*set)(void* params, double value);

  [[nodiscard]] std::string path() const;  // "group.name"
  [[nodiscard]] std::vector<std::string> choice_list() const;
  [[nodiscard]] std::string format_value(double v) const;  // as YAML would hold it
};

/// Every parameter, in declaration order.
std::span<const ParamSpec> parameter_table();

/// The row for "group.name" in a scope, or nullptr.
const ParamSpec* find_param(Scope scope, std::string_view group, std::string_view name);

/// Multiplies every parameter flagged `scaled` by `scale`.
void apply_scale(RegionParams& p, double scale);

}  // namespace rf
