#include "sim/studies/robust.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

#include "models/param_table.hpp"
#include "sim/base/errors.hpp"
#include "sim/config/assumption_ranges.hpp"
#include "sim/io/result_file.hpp"
#include "sim/studies/analyze.hpp"

namespace rf {

namespace {

/// The design's stream number for latin_hypercube: "rob", apart from a sweep's stream 0.
constexpr std::uint32_t kRobustStream = 0x726f62;

struct Ranged {
  double low = 0.0, high = 0.0;
  std::string origin;
};

double value_of(const Scenario& s, const ParamSpec& p, std::int32_t region) {
  return region < 0 ? p.get(&s.sim) : p.get(&s.regions[static_cast<std::size_t>(region)].params);
}

/// The range scenario s gives the value of p in `region`, if any (rules in robust.hpp).
std::optional<Ranged> range_in(const Scenario& s, const std::string& name, const ParamSpec& p, std::int32_t region,
                               std::vector<std::string>& held) {
  const double v = value_of(s, p, region);
  if (const AssumptionRange* r = scenario_range(s, p, region)) {
    if (v < r->low || v > r->high) {
      throw UsageError("--robust: " + name + "'s " + range_path(s, *r) + " is " + p.format_value(v) + ", outside its range [" +
                           p.format_value(r->low) + ", " + p.format_value(r->high) + "] (" + r->at + ")",
                       "Leave out the --set that moved it, or widen the range in the scenario file.");
    }
    return Ranged{r->low, r->high, r->at};
  }
  const PlausibleRange* t = plausible_range(p);
  if (t == nullptr) return std::nullopt;
  if (v == p.default_value) return Ranged{t->low, t->high, "table"};
  held.push_back(name + ": " + (region < 0 ? p.path() : s.regions[static_cast<std::size_t>(region)].name + "." + p.path()) +
                 " = " + p.format_value(v) + " (changed from the table default " + p.format_value(p.default_value) +
                 " without a range of its own)");
  return std::nullopt;
}

}  // namespace

double RobustDimension::value(std::size_t k, double u) const {
  const double v = low[k] + u * (high[k] - low[k]);
  if (spec->kind != Kind::Int) return v;
  return std::clamp(std::round(v), std::ceil(low[k]), std::floor(high[k]));
}

std::vector<RobustDimension> robust_dimensions(const std::vector<Scenario>& scenarios, const std::vector<std::string>& names,
                                               std::vector<std::string>& held) {
  if (scenarios.size() != 2) throw UsageError("--robust compares exactly two scenarios", "Give two scenario files.");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<RobustDimension> dims;
  const std::size_t regions = std::max(scenarios[0].regions.size(), scenarios[1].regions.size());
  for (std::int32_t region = -1; region < static_cast<std::int32_t>(regions); ++region) {
    for (const auto& p : parameter_table()) {
      if ((p.scope == Scope::Simulation) != (region < 0) || (p.kind != Kind::Real && p.kind != Kind::Int)) continue;
      std::optional<Ranged> r[2];
      for (std::size_t k = 0; k < 2; ++k) {
        if (region < static_cast<std::int32_t>(scenarios[k].regions.size()))
          r[k] = range_in(scenarios[k], names[k], p, region, held);
      }
      const std::string where = region < 0 || regions == 1 ? p.path() : p.path() + "[" + std::to_string(region) + "]";
      const bool same = r[0] && r[1] && r[0]->low == r[1]->low && r[0]->high == r[1]->high &&
                        value_of(scenarios[0], p, region) == value_of(scenarios[1], p, region);
      if (same) {
        dims.push_back({where,
                        &p,
                        region,
                        {true, true},
                        {r[0]->low, r[1]->low},
                        {r[0]->high, r[1]->high},
                        r[0]->origin == r[1]->origin ? r[0]->origin : r[0]->origin + "; " + r[1]->origin});
        continue;
      }
      for (std::size_t k = 0; k < 2; ++k) {
        if (!r[k]) continue;
        RobustDimension d{names[k] + ": " + where, &p, region, {false, false}, {nan, nan}, {nan, nan}, r[k]->origin};
        d.moves[k] = true;
        d.low[k] = r[k]->low;
        d.high[k] = r[k]->high;
        dims.push_back(std::move(d));
      }
    }
  }
  return dims;
}

DesignMatrix robust_design(std::size_t points, std::size_t dims, std::uint64_t seed) {
  return latin_hypercube(points, dims, seed, kRobustStream);
}

Scenario robust_scenario(const Scenario& s, std::size_t k, const std::vector<RobustDimension>& dims, const DesignMatrix& design,
                         std::size_t point) {
  Scenario out = s;
  for (std::size_t d = 0; d < dims.size(); ++d) {
    const RobustDimension& dim = dims[d];
    if (!dim.moves[k]) continue;
    const double v = dim.value(k, design.at(point, d));
    if (dim.region < 0) {
      dim.spec->set(&out.sim, v);
    } else {
      dim.spec->set(&out.regions[static_cast<std::size_t>(dim.region)].params, v);
    }
  }
  validate(out, "--robust point " + std::to_string(point));
  return out;
}

std::size_t RobustReport::valid_points() const {
  return static_cast<std::size_t>(std::count(valid.begin(), valid.end(), true));
}

double RobustReport::rank_correlation_threshold() const {
  const std::size_t n = valid_points();
  return n < 2 ? 1.0 : 1.96 / std::sqrt(static_cast<double>(n - 1));
}

int RobustReport::reference_sign(std::size_t outcome) const {
  const double d = baseline_difference[outcome];
  return d > 0 ? 1 : (d < 0 ? -1 : 0);
}

std::vector<std::size_t> RobustReport::ranking(std::size_t outcome) const {
  std::vector<std::size_t> order(dimensions.size());
  std::iota(order.begin(), order.end(), 0);
  auto strength = [&](std::size_t d) {  // NaN (a constant difference) ranks last
    const double rho = rank_correlation[d][outcome];
    return std::isnan(rho) ? -1.0 : std::abs(rho);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return strength(a) > strength(b); });
  return order;
}

void summarize_robust(RobustReport& r) {
  const std::size_t outcomes = r.baseline_difference.size();
  const std::size_t n = r.valid_points();
  r.kept.assign(outcomes, 0.0);
  r.flipped.assign(outcomes, 0.0);
  r.unresolved.assign(outcomes, 0.0);
  for (std::size_t o = 0; o < outcomes; ++o) {
    const int reference = r.reference_sign(o);
    std::size_t kept = 0, flipped = 0;
    for (std::size_t p = 0; p < r.points; ++p) {
      if (!r.valid[p] || !(r.p_adjusted[p][o] < r.alpha)) continue;
      const double d = r.difference[p][o];
      const int sign = d > 0 ? 1 : (d < 0 ? -1 : 0);
      if (sign == 0) continue;
      if (sign == reference) {
        ++kept;
      } else {
        ++flipped;
      }
    }
    if (n > 0) {
      r.kept[o] = static_cast<double>(kept) / static_cast<double>(n);
      r.flipped[o] = static_cast<double>(flipped) / static_cast<double>(n);
      r.unresolved[o] = 1.0 - r.kept[o] - r.flipped[o];
    }
  }
  r.rank_correlation.assign(r.dimensions.size(), std::vector<double>(outcomes, 0.0));
  for (std::size_t d = 0; d < r.dimensions.size(); ++d) {
    std::vector<double> x;
    for (std::size_t p = 0; p < r.points; ++p) {
      if (r.valid[p]) x.push_back(r.design.at(p, d));
    }
    for (std::size_t o = 0; o < outcomes; ++o) {
      std::vector<double> y;
      for (std::size_t p = 0; p < r.points; ++p) {
        if (r.valid[p]) y.push_back(r.difference[p][o]);
      }
      r.rank_correlation[d][o] = spearman(x, y);  // analyze.hpp; NaN when the difference is constant
    }
  }
}

void write_robust(ResultFile& file, const RobustReport& r, const std::vector<std::string>& scenarios,
                  const std::vector<std::string>& outcomes) {
  const std::string group = "/compare/robust";
  std::vector<std::string> names, origins, held = r.held;
  for (const auto& d : r.dimensions) {
    names.push_back(d.name);
    origins.push_back(d.origin);
  }
  if (!names.empty()) {
    file.write_strings(group + "/assumptions", names);
    file.write_strings(group + "/assumption_origins", origins);
  }
  if (!held.empty()) file.write_strings(group + "/held", held);
  std::vector<std::string> point_rows;
  for (std::size_t p = 0; p < r.points; ++p) point_rows.push_back(std::to_string(p));
  const std::string attrs_method =
      "Latin hypercube of the plausible ranges; paired t per outcome at each point, p adjusted across outcomes by " +
      r.correction + "; Spearman rank correlation of each assumption with the mean paired difference over valid points";
  const std::vector<std::pair<std::string, std::string>> attrs = {{"method", attrs_method},
                                                                  {"points", std::to_string(r.points)},
                                                                  {"runs", std::to_string(r.runs)},
                                                                  {"seed", std::to_string(r.seed)},
                                                                  {"difference", scenarios[1] + " - " + scenarios[0]}};
  if (!names.empty()) {
    Table ranges{"ranges",
                 "Plausible range of each assumption (rows) for each scenario; NaN where it does not move the scenario",
                 names,
                 {scenarios[0] + "_low", scenarios[0] + "_high", scenarios[1] + "_low", scenarios[1] + "_high"},
                 {}};
    for (const auto& d : r.dimensions) ranges.values.insert(ranges.values.end(), {d.low[0], d.high[0], d.low[1], d.high[1]});
    file.write_table(group, ranges);
    Table design{
        "design",   "Value of each assumption (columns) at each point (rows): the scenario's value, the same in both when joint",
        point_rows, names,
        {},         attrs};
    for (std::size_t p = 0; p < r.points; ++p) {
      for (std::size_t d = 0; d < r.dimensions.size(); ++d) {
        const RobustDimension& dim = r.dimensions[d];
        design.values.push_back(dim.value(dim.moves[0] ? 0 : 1, r.design.at(p, d)));
      }
    }
    file.write_table(group, design);
  }
  Table valid{
      "valid", "1 where both scenarios pass validation at the point, else 0 (the point is left out)", point_rows, {"valid"}, {}};
  for (std::size_t p = 0; p < r.points; ++p) valid.values.push_back(r.valid[p] ? 1.0 : 0.0);
  file.write_table(group, valid);
  Table difference{"difference", "Mean paired difference (second - first) at each point (rows) for each outcome",
                   point_rows,   outcomes,
                   {},           attrs};
  Table p_adjusted{"p_adjusted", "Paired t p-value at each point, adjusted across outcomes", point_rows, outcomes, {}};
  for (std::size_t p = 0; p < r.points; ++p) {
    difference.values.insert(difference.values.end(), r.difference[p].begin(), r.difference[p].end());
    p_adjusted.values.insert(p_adjusted.values.end(), r.p_adjusted[p].begin(), r.p_adjusted[p].end());
  }
  file.write_table(group, difference);
  file.write_table(group, p_adjusted);
  Table summary{"summary",
                "baseline_difference and baseline_p_adjusted: at the scenarios' own values; kept: share of valid points "
                "where the difference is resolved (adjusted p < 0.05) with the baseline's sign; flipped: resolved with the "
                "other sign; unresolved: the rest",
                {"baseline_difference", "baseline_p_adjusted", "kept", "flipped", "unresolved"},
                outcomes,
                {},
                attrs};
  for (const auto* row : {&r.baseline_difference, &r.baseline_p_adjusted, &r.kept, &r.flipped, &r.unresolved}) {
    summary.values.insert(summary.values.end(), row->begin(), row->end());
  }
  file.write_table(group, summary);
  if (!names.empty()) {
    Table rho{"rank_correlation",
              "Spearman rank correlation of each assumption (rows) with the mean paired difference, over valid points",
              names,
              outcomes,
              {},
              {{"threshold_5pct", std::to_string(r.rank_correlation_threshold())}}};
    for (const auto& row : r.rank_correlation) rho.values.insert(rho.values.end(), row.begin(), row.end());
    file.write_table(group, rho);
  }
}

}  // namespace rf
