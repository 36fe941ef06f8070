#include "models/param_table.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "sim/base/calendar.hpp"

namespace rf {

namespace {

#define RF_PARAM_OBJ_Simulation SimulationParams
#define RF_PARAM_OBJ_Region RegionParams

const ParamSpec kTable[] = {
#define RF_PARAM(SCOPE, GROUP, NAME, KIND, DEF, LO, HI, SCALED, UNIT, CHOICES, DESC, SRC)                         \
  ParamSpec{Scope::SCOPE,                                                                                         \
            #GROUP,                                                                                               \
            #NAME,                                                                                                \
            Kind::KIND,                                                                                           \
            static_cast<double>(DEF),                                                                             \
            static_cast<double>(LO),                                                                              \
            static_cast<double>(HI),                                                                              \
            SCALED,                                                                                               \
            UNIT,                                                                                                 \
            CHOICES,                                                                                              \
            DESC,                                                                                                 \
            SRC,                                                                                                  \
            [](const void* o) { return static_cast<double>(static_cast<const RF_PARAM_OBJ_##SCOPE*>(o)->NAME); }, \
            [](void* o, double v) { static_cast<RF_PARAM_OBJ_##SCOPE*>(o)->NAME = static_cast<RF_CTYPE_##KIND>(v); }},
#include "models/parameters.def"
#undef RF_PARAM
};

}  // namespace

std::span<const ParamSpec> parameter_table() {
  return kTable;
}

std::string ParamSpec::path() const {
  return std::string(group) + "." + std::string(name);
}

std::vector<std::string> ParamSpec::choice_list() const {
  std::vector<std::string> out;
  std::string_view rest = choices;
  while (!rest.empty()) {
    const auto bar = rest.find('|');
    out.emplace_back(rest.substr(0, bar));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  return out;
}

std::string ParamSpec::format_value(double v) const {
  switch (kind) {
    case Kind::Bool:
      return v != 0.0 ? "true" : "false";
    case Kind::Int: {
      std::ostringstream s;
      s << static_cast<long long>(std::llround(v));
      return s.str();
    }
    case Kind::Choice: {
      const auto list = choice_list();
      const auto i = static_cast<std::size_t>(v);
      return i < list.size() ? list[i] : std::string("?");
    }
    case Kind::Month:
      return month_text(std::llround(v));
    case Kind::Real:
      break;
  }
  // The shortest decimal that reads back as exactly the same double.
  for (int digits = 6; digits <= 17; ++digits) {
    std::ostringstream s;
    s << std::setprecision(digits) << v;
    if (digits == 17 || std::stod(s.str()) == v) return s.str();
  }
  return {};
}

const ParamSpec* find_param(Scope scope, std::string_view group, std::string_view name) {
  for (const auto& p : kTable) {
    if (p.scope == scope && p.group == group && p.name == name) return &p;
  }
  return nullptr;
}

std::span<const PlausibleRange> plausible_ranges() {
  static const std::vector<PlausibleRange> kRanges = [] {
    std::vector<PlausibleRange> rows;
#define RF_RANGE(SCOPE, GROUP, NAME, LO, HI, REASON) \
  rows.push_back({find_param(Scope::SCOPE, #GROUP, #NAME), static_cast<double>(LO), static_cast<double>(HI), REASON});
#include "models/plausible_ranges.def"
#undef RF_RANGE
    return rows;
  }();
  return kRanges;
}

const PlausibleRange* plausible_range(const ParamSpec& p) {
  for (const auto& r : plausible_ranges()) {
    if (r.spec == &p) return &r;
  }
  return nullptr;
}

void apply_scale(RegionParams& p, double scale) {
  for (const auto& spec : kTable) {
    if (spec.scope == Scope::Region && spec.scaled) spec.set(&p, spec.get(&p) * scale);
  }
}

}  // namespace rf
