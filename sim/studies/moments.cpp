#include "sim/studies/moments.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "models/metrics.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/suggest.hpp"
#include "sim/base/text_file.hpp"
#include "sim/config/yaml_document.hpp"

namespace rf {

namespace {

std::string at(const std::string& file, const YAML::Mark& m) {
  return file + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

std::vector<int> parse_metrics(const YAML::Node& node, const std::string& where) {
  std::vector<std::string> names;
  for (const auto& m : metric_table()) names.emplace_back(m.name);
  std::vector<int> out;
  std::stringstream ss(node.as<std::string>());
  for (std::string part; std::getline(ss, part, '+');) {
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    const auto it = std::find(names.begin(), names.end(), part);
    if (it == names.end()) {
      const auto near = closest(part, names);
      throw ScenarioError(where + ": unknown metric '" + part + "'",
                          near.empty() ? "See docs/OUTPUT.md for the metrics." : "Did you mean '" + near + "'?");
    }
    out.push_back(static_cast<int>(it - names.begin()));
  }
  return out;
}

Moment::Kind parse_kind(const YAML::Node& node, const std::string& where) {
  static const std::vector<std::pair<std::string, Moment::Kind>> kinds = {
      {"final", Moment::Kind::Final},
      {"initial", Moment::Kind::Initial},
      {"growth", Moment::Kind::Growth},
      {"sum", Moment::Kind::Sum},
      {"mean", Moment::Kind::Mean},
      {"ratio", Moment::Kind::Ratio},
      {"top_state_share", Moment::Kind::TopStateShare},
      {"survival", Moment::Kind::Survival},
      {"hazard", Moment::Kind::Hazard},
      {"multiple_share", Moment::Kind::MultipleShare},
      {"funded_outcome", Moment::Kind::FundedOutcome},
      {"resolution_share", Moment::Kind::ResolutionShare},
      {"acquisition_price_share", Moment::Kind::AcquisitionPriceShare}};
  const auto text = node.as<std::string>();
  std::vector<std::string> names;
  for (const auto& [name, kind] : kinds) {
    if (name == text) return kind;
    names.push_back(name);
  }
  const auto near = closest(text, names);
  throw ScenarioError(where + ": unknown moment kind '" + text + "'",
                      "Use one of final, initial, growth, sum, mean, ratio, top_state_share, survival, hazard, multiple_share, "
                      "funded_outcome, resolution_share, acquisition_price_share" +
                          (near.empty() ? std::string(".") : " (did you mean '" + near + "'?)."));
}

/// One of `names` (a YAML scalar); the error names the key and the choices.
template <typename T>
T parse_choice(const YAML::Node& node, const std::string& key, const std::vector<std::pair<std::string, T>>& names,
               const std::string& file) {
  const auto text = node.as<std::string>();
  std::vector<std::string> known;
  for (const auto& [name, value] : names) {
    if (name == text) return value;
    known.push_back(name);
  }
  const auto near = closest(text, known);
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  throw ScenarioError(at(file, node.Mark()) + ": unknown " + key + " '" + text + "'",
                      "Use one of " + list + (near.empty() ? std::string(".") : " (did you mean '" + near + "'?)."));
}

double series_at(const RunResult& r, int metric, std::size_t region, std::size_t month) {
  return r.series[(static_cast<std::size_t>(metric) * r.regions + region) * r.months + month];
}

double window(const RunResult& r, const std::vector<int>& metrics, std::size_t region, int last_months, bool average) {
  const std::size_t n = last_months > 0 ? std::min<std::size_t>(static_cast<std::size_t>(last_months), r.months) : r.months;
  double total = 0.0;
  for (int m : metrics) {
    for (std::size_t t = r.months - n; t < r.months; ++t) total += series_at(r, m, region, t);
  }
  return average ? total / static_cast<double>(n) : total;
}

double top_state_share(const RunResult& r, std::size_t region, double top, double scale) {
  const SnapshotColumn* revenue = nullptr;
  const SnapshotColumn* owner = nullptr;
  const SnapshotColumn* where = nullptr;
  for (const auto& c : r.firms) {
    if (c.name == "revenue") revenue = &c;
    if (c.name == "ownership") owner = &c;
    if (c.name == "region") where = &c;
  }
  if (revenue == nullptr || owner == nullptr || where == nullptr) {
    throw UsageError("the top_state_share moment needs the firm snapshot", "Set simulation.snapshot_firms: true.");
  }
  std::vector<std::pair<double, bool>> firms;
  for (std::size_t i = 0; i < revenue->values.size(); ++i) {
    if (static_cast<std::size_t>(where->values[i]) == region) firms.emplace_back(revenue->values[i], owner->values[i] == 1.0);
  }
  const auto k = std::min(firms.size(), static_cast<std::size_t>(std::max(5.0, std::round(top * scale))));
  std::partial_sort(firms.begin(), firms.begin() + static_cast<std::ptrdiff_t>(k), firms.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  double total = 0.0, state = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    total += firms[i].first;
    state += firms[i].second ? firms[i].first : 0.0;
  }
  return total > 0.0 ? state / total : 0.0;
}

}  // namespace

bool Moment::needs_events() const {
  return kind == Kind::Survival || kind == Kind::Hazard || kind == Kind::MultipleShare || kind == Kind::FundedOutcome ||
         kind == Kind::ResolutionShare || kind == Kind::AcquisitionPriceShare;
}

bool Moment::meets(double simulated) const {
  return reached_by(simulated, simulated);
}

bool Moment::reached_by(double low, double high) const {
  double band_low = min.value_or(-std::numeric_limits<double>::infinity());
  double band_high = max.value_or(std::numeric_limits<double>::infinity());
  if (value && tolerance) {
    band_low = std::max(band_low, *value - *tolerance);
    band_high = std::min(band_high, *value + *tolerance);
  }
  return low <= band_high && high >= band_low;
}

std::string Moment::target_text() const {
  std::ostringstream s;
  s.precision(4);
  if (value) s << *value << " ± " << tolerance.value_or(0.0);
  if (min) s << (value ? ", " : "") << ">= " << *min;
  if (max) s << (value || min ? ", " : "") << "<= " << *max;
  return s.str();
}

std::vector<Moment> load_moments(const std::string& path, const std::string& key) {
  const YAML::Node root = load_yaml_document(read_text_file(path, "moments file"), path);
  if (!root[key] || !root[key].IsSequence()) {
    throw ScenarioError(path + ": no '" + key + ":' list",
                        "Write '" + key + ":' followed by a list of moments (see docs/OUTPUT.md).");
  }
  static const std::vector<std::string> keys = {"name",
                                                "description",
                                                "source",
                                                "kind",
                                                "metric",
                                                "denominator",
                                                "last_months",
                                                "to_month",
                                                "region",
                                                "per_full_scale",
                                                "top",
                                                "value",
                                                "tolerance",
                                                "min",
                                                "max",
                                                "age_months",
                                                "below",
                                                "at_least",
                                                "weight",
                                                "cohort_months",
                                                "follow_months",
                                                "outcome",
                                                "standard_error",
                                                "resolved_from_month"};
  std::vector<Moment> out;
  for (const auto& node : root[key]) {
    Moment m;
    const std::string where = at(path, node.Mark());
    for (const auto& kv : node) {
      const auto k = kv.first.as<std::string>();
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
        const auto near = closest(k, keys);
        throw ScenarioError(at(path, kv.first.Mark()) + ": unknown key '" + k + "' in a moment",
                            near.empty() ? "See docs/OUTPUT.md, 'Moments'." : "Did you mean '" + near + "'?");
      }
    }
    try {
      m.name = node["name"].as<std::string>();
      m.description = node["description"].as<std::string>("");
      m.source = node["source"].as<std::string>("");
      m.kind = parse_kind(node["kind"], where);
      if (m.kind != Moment::Kind::TopStateShare && !m.needs_events()) m.metrics = parse_metrics(node["metric"], where);
      m.age_months = node["age_months"].as<int>(0);
      if (node["below"] && node["at_least"]) {
        throw ScenarioError(where + ": moment '" + m.name + "' gives both below and at_least", "Give one of them.");
      }
      if (m.kind == Moment::Kind::AcquisitionPriceShare && !node["below"]) {
        throw ScenarioError(where + ": moment '" + m.name + "' needs below: (a price over the equity raised)",
                            "For example below: 1 for the share of acquisitions for less than the capital invested.");
      }
      if (m.kind == Moment::Kind::AcquisitionPriceShare && node["at_least"]) {
        throw ScenarioError(where + ": moment '" + m.name + "' takes below:, not at_least:",
                            "An acquisition_price_share counts acquisitions below a price over the equity raised.");
      }
      if (m.kind == Moment::Kind::MultipleShare && !node["below"] && !node["at_least"]) {
        throw ScenarioError(where + ": moment '" + m.name + "' needs below: or at_least: (an exit multiple)",
                            "For example below: 1 for the share of financings that lost money.");
      }
      if (node["below"]) m.threshold = node["below"].as<double>();
      if (node["at_least"]) {
        m.threshold = node["at_least"].as<double>();
        m.below = false;
      }
      if (node["weight"]) {
        m.weight = parse_choice<MultipleWeight>(
            node["weight"], "weight",
            {{"financings", MultipleWeight::Financings}, {"firms", MultipleWeight::Firms}, {"capital", MultipleWeight::Capital}},
            path);
      }
      // A funded cohort by default for the funded outcomes; every resolved funded firm for the
      // multiples unless a cohort is asked for.
      const bool multiples = m.kind == Moment::Kind::MultipleShare || m.kind == Moment::Kind::ResolutionShare ||
                             m.kind == Moment::Kind::AcquisitionPriceShare;
      m.cohort_months = node["cohort_months"].as<int>(multiples ? 0 : 36);
      m.follow_months = node["follow_months"].as<int>(0);
      m.resolved_from_month = node["resolved_from_month"].as<int>(0);
      if (m.kind == Moment::Kind::ResolutionShare) {
        if (!node["outcome"]) {
          throw ScenarioError(where + ": moment '" + m.name + "' needs outcome: (failure, acquisition or ipo)",
                              "For example outcome: failure for the share of resolved funded firms that closed.");
        }
        m.resolution = parse_choice<FundedExit>(
            node["outcome"], "outcome",
            {{"failure", FundedExit::Failure}, {"acquisition", FundedExit::Acquisition}, {"ipo", FundedExit::Ipo}}, path);
      } else if (node["outcome"]) {
        m.outcome = parse_choice<FundedOutcome>(node["outcome"], "outcome",
                                                {{"exit", FundedOutcome::Exit},
                                                 {"failure", FundedOutcome::Failure},
                                                 {"private", FundedOutcome::Private},
                                                 {"second_round", FundedOutcome::SecondRound}},
                                                path);
      }
      if (m.age_months < 0 || m.cohort_months < (multiples ? 0 : 1) || m.follow_months < 0 || m.resolved_from_month < 0) {
        throw ScenarioError(
            where + ": moment '" + m.name +
                "' has a negative age_months, follow_months or resolved_from_month, or a cohort_months below " +
                (multiples ? "0" : "1"),
            "Ages and cohorts are months of the run, from 0 (cohort_months 0 of a multiple_share: every funded firm).");
      }
      if (m.kind == Moment::Kind::Ratio) m.denominator = parse_metrics(node["denominator"], where);
      m.last_months = node["last_months"].as<int>(0);
      if (node["to_month"]) {
        if (m.kind != Moment::Kind::Growth) {
          throw ScenarioError(where + ": moment '" + m.name + "' gives to_month, which only a growth moment takes",
                              "Remove to_month, or use kind: growth.");
        }
        m.to_month = node["to_month"].as<int>();
        if (m.to_month < 1) {
          throw ScenarioError(where + ": moment '" + m.name + "' has to_month " + std::to_string(m.to_month),
                              "to_month is the month of the run (from 1) whose value is compared with month 0.");
        }
      }
      m.region = node["region"].as<std::string>("");
      m.per_full_scale = node["per_full_scale"].as<bool>(false);
      m.top = node["top"].as<double>(100.0);
      if (node["value"]) m.value = node["value"].as<double>();
      if (node["tolerance"]) m.tolerance = node["tolerance"].as<double>();
      if (node["min"]) m.min = node["min"].as<double>();
      if (node["max"]) m.max = node["max"].as<double>();
      if (node["standard_error"]) m.standard_error = node["standard_error"].as<double>();
    } catch (const YAML::Exception& e) {
      throw ScenarioError(where + ": malformed moment: " + e.msg,
                          "Each moment needs name, kind and metric (and denominator for ratio); numbers must be numbers.");
    }
    if (m.value && !m.tolerance)
      throw ScenarioError(where + ": moment '" + m.name + "' has a value but no tolerance", "Add tolerance:.");
    if (m.standard_error && (!m.value || !(*m.standard_error > 0.0) || !std::isfinite(*m.standard_error))) {
      throw ScenarioError(where + ": moment '" + m.name + "' has a standard_error that is not a positive number, or no value",
                          "standard_error is the sampling error of the published value: give value: and a positive "
                          "standard_error:.");
    }
    out.push_back(std::move(m));
  }
  return out;
}

double evaluate(const Moment& m, const RunResult& r, const Scenario& scenario, ShareCounts* counts) {
  std::size_t region = 0;
  if (!m.region.empty()) {
    const auto it =
        std::find_if(scenario.regions.begin(), scenario.regions.end(), [&](const auto& g) { return g.name == m.region; });
    if (it == scenario.regions.end()) {
      throw UsageError("moment '" + m.name + "' names region '" + m.region + "', which the scenario does not have",
                       "Use a region name of the scenario, or leave region out for the first.");
    }
    region = static_cast<std::size_t>(it - scenario.regions.begin());
  }
  if (m.needs_events() && !scenario.sim.event_log) {
    throw UsageError("moment '" + m.name + "' is computed from the firm event log, which this scenario turns off",
                     "Set simulation.event_log: true (sweeps turn it off: use check, compare or calibrate).");
  }
  double v = 0.0;
  switch (m.kind) {
    case Moment::Kind::Final:
      for (int k : m.metrics) v += series_at(r, k, region, r.months - 1);
      break;
    case Moment::Kind::Initial:
      for (int k : m.metrics) v += series_at(r, k, region, 0);
      break;
    case Moment::Kind::Growth: {
      // A run too short for the data's interval does not define the moment (check says so).
      if (m.to_month > 0 && static_cast<std::size_t>(m.to_month) >= r.months) {
        v = std::numeric_limits<double>::quiet_NaN();
        break;
      }
      double first = 0.0, last = 0.0;
      for (int k : m.metrics) {
        first += series_at(r, k, region, 0);
        // The data's interval may be shorter than the run: compare the same span.
        last += series_at(r, k, region, m.to_month > 0 ? static_cast<std::size_t>(m.to_month) : r.months - 1);
      }
      v = first > 0.0 ? last / first : 0.0;
      break;
    }
    case Moment::Kind::Sum:
      v = window(r, m.metrics, region, m.last_months, false);
      break;
    case Moment::Kind::Mean:
      v = window(r, m.metrics, region, m.last_months, true);
      break;
    case Moment::Kind::Ratio: {
      const double den = window(r, m.denominator, region, m.last_months, false);
      v = den > 0.0 ? window(r, m.metrics, region, m.last_months, false) / den : 0.0;
      break;
    }
    case Moment::Kind::TopStateShare:
      v = top_state_share(r, region, m.top, scenario.sim.scale);
      break;
    case Moment::Kind::Survival:
      v = born_survival(r.events, region, m.age_months, static_cast<int>(r.months));
      break;
    case Moment::Kind::Hazard:
      v = born_hazard(r.events, region, m.age_months, static_cast<int>(r.months));
      break;
    case Moment::Kind::MultipleShare:
      v = multiple_share(r.events, region, m.threshold, m.below, m.weight,
                         {m.cohort_months, m.follow_months, m.resolved_from_month}, nullptr, counts);
      break;
    case Moment::Kind::FundedOutcome:
      v = funded_outcome_share(r.events, region, m.cohort_months, m.outcome, m.follow_months, counts);
      break;
    case Moment::Kind::ResolutionShare:
      v = resolution_share(r.events, region, m.resolution, {m.cohort_months, m.follow_months, m.resolved_from_month}, counts);
      break;
    case Moment::Kind::AcquisitionPriceShare:
      v = acquisition_price_share(r.events, region, m.threshold, {m.cohort_months, m.follow_months, m.resolved_from_month},
                                  counts);
      break;
  }
  return m.per_full_scale ? v / scenario.sim.scale : v;
}

}  // namespace rf
