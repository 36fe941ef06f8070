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

/// The plausible range of an assumed table default (models/plausible_ranges.def).
struct PlausibleRange {
  const ParamSpec* spec = nullptr;
  double low = 0.0, high = 0.0;  // plausible_min, plausible_max
  std::string_view reason;
};

/// Every row of models/plausible_ranges.def, in its order. A row that names no parameter of the
/// table has spec == nullptr (param_table_test fails on it).
std::span<const PlausibleRange> plausible_ranges();

/// The plausible range of `p`'s table default, or nullptr (a sourced value, or none given yet).
const PlausibleRange* plausible_range(const ParamSpec& p);

/// Multiplies every parameter flagged `scaled` by `scale`.
void apply_scale(RegionParams& p, double scale);

}  // namespace rf
