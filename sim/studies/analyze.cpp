#include "sim/studies/analyze.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/metrics.hpp"
#include "sim/base/data_path.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/number_text.hpp"
#include "sim/base/suggest.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/io/result_editor.hpp"
#include "sim/io/result_reader.hpp"
#include "sim/io/sweep_file.hpp"
#include "sim/studies/sensitivity.hpp"

namespace rf {

Moment outcome_moment(const std::string& name, const std::string& outcomes_file, const std::string& region) {
  std::vector<std::string> known;
  for (const auto& m : load_moments(data_file(outcomes_file), "outcomes")) {
    if (m.name == name) {
      Moment out = m;
      if (!region.empty()) out.region = region;
      return out;
    }
    known.push_back(m.name);
  }
  const auto metrics = metric_table();
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    if (metrics[i].name == name) {
      Moment m;
      m.name = name;
      m.kind = Moment::Kind::Final;
      m.metrics = {static_cast<int>(i)};
      m.region = region;
      m.description = std::string(metrics[i].description);
      return m;
    }
    known.emplace_back(metrics[i].name);
  }
  const auto near = closest(name, known);
  throw UsageError("unknown outcome '" + name + "'", (near.empty() ? std::string() : "Did you mean '" + near + "'? ") +
                                                         "Outcomes are the moments of " + outcomes_file +
                                                         " or metric names (docs/OUTPUT.md).");
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  auto ranks = [](const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < order.size();) {
      std::size_t j = i;
      while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
      for (std::size_t t = i; t <= j; ++t) r[order[t]] = 0.5 * static_cast<double>(i + j);
      i = j + 1;
    }
    return r;
  };
  const auto rx = ranks(x), ry = ranks(y);
  const auto n = static_cast<double>(x.size());
  const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / n, my = std::accumulate(ry.begin(), ry.end(), 0.0) / n;
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - my) * (ry[i] - my);
  }
  return sxx > 0.0 && syy > 0.0 ? sxy / std::sqrt(sxx * syy) : NAN;  // a constant has no ranks to correlate
}

namespace {

/// The design matrix a sweep file records (Morris effects need its blocks and steps).
DesignMatrix design_of(const SweepRecord& s) {
  DesignMatrix m;
  m.points = s.points;
  m.dims = s.parameters.size();
  m.unit = s.unit;
  m.block = s.block;
  m.changed = s.changed;
  return m;
}

/// The outcome of every run of the sweep, in run order.
std::vector<double> outcomes_of(const StoredSweep& stored, const std::string& file, const Moment& outcome, int at_month) {
  const SweepRecord& s = stored.record;
  const std::size_t k = s.parameters.size();
  if (at_month < 0 || static_cast<std::size_t>(at_month) > stored.months) {
    throw UsageError(
        "--at-month " + std::to_string(at_month) + " is outside the run (1 to " + std::to_string(stored.months) + ")",
        "Pass a month between 1 and the number of simulated months.");
  }
  if (outcome.kind == Moment::Kind::TopStateShare) {
    throw UsageError("outcome '" + outcome.name + "' needs firm snapshots, which sweeps do not store",
                     "Choose an outcome computed from the series.");
  }
  const Scenario base = load_scenario_text(stored.scenario_yaml, file + ":/scenario");
  std::vector<Scenario> scenarios;  // one per point: the scale may be a swept parameter
  for (std::size_t p = 0; p < s.points; ++p) {
    Scenario sc = base;
    for (std::size_t j = 0; j < k; ++j) apply_override(sc, s.settings[p * k + j]);
    scenarios.push_back(std::move(sc));
  }
  const std::size_t months = at_month > 0 ? static_cast<std::size_t>(at_month) : stored.months;
  std::vector<double> out;
  out.reserve(s.run_point.size());
  std::vector<std::vector<double>> series;
  for (const auto& m : metric_table()) series.push_back(read_series(file, std::string(m.name)));
  const std::size_t per_run = stored.regions * stored.months;
  for (std::size_t run = 0; run < s.run_point.size(); ++run) {
    RunResult r;
    r.regions = stored.regions;
    r.months = months;
    r.series.resize(series.size() * stored.regions * months);
    for (std::size_t m = 0; m < series.size(); ++m) {
      for (std::size_t g = 0; g < stored.regions; ++g) {
        const double* from = series[m].data() + run * per_run + g * stored.months;
        std::copy(from, from + months, r.series.begin() + static_cast<std::ptrdiff_t>((m * stored.regions + g) * months));
      }
    }
    out.push_back(evaluate(outcome, r, scenarios[static_cast<std::size_t>(s.run_point[run])]));
  }
  return out;
}

}  // namespace

SensitivityTable analyze_sweep(const AnalyzeOptions& o, bool store) {
  const StoredSweep stored = read_sweep_file(o.file);
  const SweepRecord& s = stored.record;
  if (!s.failed_runs.empty()) {
    // A design with holes has no valid estimator: Sobol and Morris need every point.
    throw UsageError(std::to_string(s.failed_runs.size()) + " of " + std::to_string(s.run_point.size()) +
                         " runs of the sweep failed, so its design has holes; first: " + s.failures.front(),
                     "Narrow the sweep's ranges away from the failed points and run it again (the sweep lists them).");
  }
  const std::size_t k = s.parameters.size();
  const Moment outcome = outcome_moment(o.outcome, o.outcomes_file, o.region);
  const auto per_run = outcomes_of(stored, o.file, outcome, o.at_month);
  // The outcome of a point is the mean over its runs (common seeds across points).
  std::vector<double> y(s.points, 0.0);
  for (std::size_t run = 0; run < per_run.size(); ++run) y[static_cast<std::size_t>(s.run_point[run])] += per_run[run];
  for (auto& v : y) v /= static_cast<double>(s.runs_per_point);

  SensitivityTable t;
  t.outcome = outcome.name + (o.at_month > 0 ? " at month " + std::to_string(o.at_month) : "");
  t.group = sweep_analysis_group(outcome.name + (o.at_month > 0 ? "_month" + std::to_string(o.at_month) : "") +
                                 (o.region.empty() ? "" : "_" + o.region));
  t.points = s.points;
  t.runs = per_run.size();
  const double mean = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(y.size());
  double var = 0.0;
  for (double v : y) var += (v - mean) * (v - mean);
  t.mean = mean;
  t.variance = y.size() > 1 ? var / static_cast<double>(y.size() - 1) : 0.0;
  std::size_t sort_by = 0;
  if (s.design == "saltelli") {
    const auto si = sobol_indices(y, s.base_points, k, o.bootstrap, o.seed);
    t.method = "sobol";
    t.columns = {"S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"};
    for (std::size_t j = 0; j < k; ++j) {
      const auto& f = si.first[j];
      const auto& tt = si.total[j];
      t.rows.push_back({s.parameters[j], {f.value, f.low, f.high, tt.value, tt.low, tt.high}});
    }
    t.mean = si.mean;
    t.variance = si.variance;
    sort_by = 3;
  } else if (s.design == "morris") {
    const auto me = morris_effects(design_of(s), y, o.bootstrap, o.seed);
    t.method = "morris";
    t.columns = {"mu_star", "mu_star_low", "mu_star_high", "mu", "sigma"};
    for (std::size_t j = 0; j < k; ++j) {
      t.rows.push_back({s.parameters[j], {me.mu_star[j], me.mu_star_ci[j].low, me.mu_star_ci[j].high, me.mu[j], me.sigma[j]}});
    }
  } else {
    t.method = "spearman";
    t.columns = {"spearman_rho", "abs_rho"};
    for (std::size_t j = 0; j < k; ++j) {
      std::vector<double> x(s.points);
      for (std::size_t p = 0; p < s.points; ++p) x[p] = s.values[p * k + j];
      const double rho = spearman(x, y);
      t.rows.push_back({s.parameters[j], {rho, std::abs(rho)}});
    }
    sort_by = 1;
  }
  if (t.method != "morris" && !(t.variance > 0.0)) {
    t.warning = "'" + t.outcome + "' is the same at every point of the sweep (variance 0): its " +
                (t.method == "sobol" ? std::string("Sobol indices") : std::string("rank correlations")) +
                " are undefined and reported as NaN, not 0";
  }
  // Undefined (NaN) values last, so the order is a strict weak ordering.
  const auto key = [&](const SensitivityRow& r) { return std::isnan(r.values[sort_by]) ? -INFINITY : r.values[sort_by]; };
  std::stable_sort(t.rows.begin(), t.rows.end(), [&](const auto& a, const auto& b) { return key(a) > key(b); });
  if (store) {
    Table table;
    table.name = t.method;
    table.description = "Sensitivity of '" + t.outcome + "' (" + outcome.description + ") to each swept parameter";
    table.columns = t.columns;
    for (const auto& r : t.rows) {
      table.rows.push_back(r.parameter);
      table.values.insert(table.values.end(), r.values.begin(), r.values.end());
    }
    // Each run's outcome, so a report can draw the response at every design point.
    Table by_run;
    by_run.name = "by_run";
    by_run.description = "The outcome '" + t.outcome + "' of every run (rows: runs of the sweep file)";
    by_run.columns = {outcome.name};
    for (std::size_t run = 0; run < per_run.size(); ++run) by_run.rows.push_back(std::to_string(run));
    by_run.values = per_run;
    replace_tables(o.file, t.group, {table, by_run},
                   {{"outcome", outcome.name},
                    {"at_month", o.at_month > 0 ? std::to_string(o.at_month) : "end"},
                    {"region", o.region.empty() ? "first" : o.region},
                    {"bootstrap", std::to_string(o.bootstrap)},
                    {"outcome_mean", significant(t.mean, 4)},
                    {"outcome_variance", significant(t.variance, 4)},
                    {"warning", t.warning}});
  }
  return t;
}

}  // namespace rf
