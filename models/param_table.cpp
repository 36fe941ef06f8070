#include "models/param_table.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

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

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1);
  std::vector<std::size_t> cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = std::string::npos;
  for (const auto& c : candidates) {
    const auto d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  // Suggest only when the candidate is plausibly a misspelling.
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 2);
  return best_d <= limit ? best : std::string();
}

void apply_scale(RegionParams& p, double scale) {
  for (const auto& spec : kTable) {
    if (spec.scope == Scope::Region && spec.scaled) spec.set(&p, spec.get(&p) * scale);
  }
}

}  // namespace rf
