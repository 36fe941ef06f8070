#include "sim/studies/analyze.hpp"

#include <H5Cpp.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "models/metrics.hpp"
#include "sim/base/data_path.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/suggest.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/io/h5_output.hpp"
#include "sim/studies/sensitivity.hpp"

namespace rf {

namespace {

/// What analyze reads from a sweep file.
struct SweepData {
  std::string design, scenario_yaml;
  std::size_t points = 0, k = 0, runs_per_point = 0, base_points = 0, regions = 0, months = 0;
  std::vector<std::string> parameters, settings;
  DesignMatrix matrix;
  std::vector<double> values;
  std::vector<std::int64_t> run_point;
};

template <class T>
std::vector<T> read_all(H5::H5File& f, const std::string& path, const H5::PredType& type) {
  H5::DataSet d = f.openDataSet(path);
  const auto space = d.getSpace();
  std::vector<hsize_t> dims(static_cast<std::size_t>(space.getSimpleExtentNdims()));
  space.getSimpleExtentDims(dims.data());
  std::size_t n = 1;
  for (auto x : dims) n *= x;
  std::vector<T> out(n);
  if (n > 0) d.read(out.data(), type);
  return out;
}

std::vector<std::string> read_strings(H5::H5File& f, const std::string& path) {
  H5::DataSet d = f.openDataSet(path);
  hsize_t n = 0;
  d.getSpace().getSimpleExtentDims(&n);
  const H5::StrType str(H5::PredType::C_S1, H5T_VARIABLE);
  std::vector<char*> raw(n);
  if (n > 0) d.read(raw.data(), str);
  std::vector<std::string> out(raw.begin(), raw.end());
  if (n > 0) H5::DataSet::vlenReclaim(raw.data(), str, d.getSpace());
  return out;
}

SweepData read_sweep(const std::string& path) {
  H5::Exception::dontPrint();
  SweepData s;
  try {
    H5::H5File f(path, H5F_ACC_RDONLY);
    H5::Group root = f.openGroup("/");
    const H5::StrType str(H5::PredType::C_S1, H5T_VARIABLE);
    std::string kind;
    if (root.attrExists("kind")) root.openAttribute("kind").read(str, kind);
    if (kind != "sweep") {
      throw InputFileError("'" + path + "' is not a sweep file (kind '" + kind + "')",
                           "Pass a file written by `rainforest sweep`.");
    }
    root.openAttribute("design").read(str, s.design);
    f.openDataSet("scenario").read(s.scenario_yaml, str);
    s.parameters = read_strings(f, "points/parameters");
    s.settings = read_strings(f, "points/settings");
    s.k = s.parameters.size();
    s.matrix.unit = read_all<double>(f, "points/unit", H5::PredType::NATIVE_DOUBLE);
    s.matrix.block = read_all<std::int64_t>(f, "points/block", H5::PredType::NATIVE_INT64);
    s.matrix.changed = read_all<std::int64_t>(f, "points/changed", H5::PredType::NATIVE_INT64);
    s.values = read_all<double>(f, "points/values", H5::PredType::NATIVE_DOUBLE);
    s.run_point = read_all<std::int64_t>(f, "runs/point", H5::PredType::NATIVE_INT64);
    const auto shape = read_all<std::int64_t>(f, "sweep/shape", H5::PredType::NATIVE_INT64);
    s.points = static_cast<std::size_t>(shape.at(0));
    s.runs_per_point = static_cast<std::size_t>(shape.at(1));
    s.base_points = static_cast<std::size_t>(shape.at(2));
    s.matrix.points = s.points;
    s.matrix.dims = s.k;
    hsize_t dims[3] = {0, 0, 0};
    f.openDataSet("series/firms_alive").getSpace().getSimpleExtentDims(dims);
    s.regions = dims[1];
    s.months = dims[2];
  } catch (const H5::Exception& e) {
    throw InputFileError("cannot read sweep '" + path + "': " + e.getDetailMsg(),
                         "The file may be incomplete or not a sweep file; run the sweep again (--resume if it was interrupted).");
  }
  return s;
}

std::string format(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

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
  return sxx > 0.0 && syy > 0.0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

namespace {

/// The outcome of every run of the sweep, in run order.
std::vector<double> outcomes_of(const SweepData& s, const std::string& file, const Moment& outcome, int at_month) {
  if (at_month < 0 || static_cast<std::size_t>(at_month) > s.months) {
    throw UsageError("--at-month " + std::to_string(at_month) + " is outside the run (1 to " + std::to_string(s.months) + ")",
                     "Pass a month between 1 and the number of simulated months.");
  }
  if (outcome.kind == Moment::Kind::TopStateShare) {
    throw UsageError("outcome '" + outcome.name + "' needs firm snapshots, which sweeps do not store",
                     "Choose an outcome computed from the series.");
  }
  const Scenario base = load_scenario_text(s.scenario_yaml, file + ":/scenario");
  std::vector<Scenario> scenarios;  // one per point: the scale may be a swept parameter
  for (std::size_t p = 0; p < s.points; ++p) {
    Scenario sc = base;
    for (std::size_t j = 0; j < s.k; ++j) apply_override(sc, s.settings[p * s.k + j]);
    scenarios.push_back(std::move(sc));
  }
  const std::size_t months = at_month > 0 ? static_cast<std::size_t>(at_month) : s.months;
  std::vector<double> out;
  out.reserve(s.run_point.size());
  std::vector<std::vector<double>> series;
  for (const auto& m : metric_table()) series.push_back(read_series(file, std::string(m.name)));
  const std::size_t per_run = s.regions * s.months;
  for (std::size_t run = 0; run < s.run_point.size(); ++run) {
    RunResult r;
    r.regions = s.regions;
    r.months = months;
    r.series.resize(series.size() * s.regions * months);
    for (std::size_t m = 0; m < series.size(); ++m) {
      for (std::size_t g = 0; g < s.regions; ++g) {
        const double* from = series[m].data() + run * per_run + g * s.months;
        std::copy(from, from + months, r.series.begin() + static_cast<std::ptrdiff_t>((m * s.regions + g) * months));
      }
    }
    out.push_back(evaluate(outcome, r, scenarios[static_cast<std::size_t>(s.run_point[run])]));
  }
  return out;
}

}  // namespace

SensitivityTable analyze_sweep(const AnalyzeOptions& o, bool store) {
  const SweepData s = read_sweep(o.file);
  const Moment outcome = outcome_moment(o.outcome, o.outcomes_file, o.region);
  const auto per_run = outcomes_of(s, o.file, outcome, o.at_month);
  // The outcome of a point is the mean over its runs (common seeds across points).
  std::vector<double> y(s.points, 0.0);
  for (std::size_t run = 0; run < per_run.size(); ++run) y[static_cast<std::size_t>(s.run_point[run])] += per_run[run];
  for (auto& v : y) v /= static_cast<double>(s.runs_per_point);

  SensitivityTable t;
  t.outcome = outcome.name + (o.at_month > 0 ? " at month " + std::to_string(o.at_month) : "");
  t.group = "/analysis/" + outcome.name + (o.at_month > 0 ? "_month" + std::to_string(o.at_month) : "") +
            (o.region.empty() ? "" : "_" + o.region);
  t.points = s.points;
  t.runs = per_run.size();
  const double mean = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(y.size());
  double var = 0.0;
  for (double v : y) var += (v - mean) * (v - mean);
  t.mean = mean;
  t.variance = y.size() > 1 ? var / static_cast<double>(y.size() - 1) : 0.0;
  std::size_t sort_by = 0;
  if (s.design == "saltelli") {
    const auto si = sobol_indices(y, s.base_points, s.k, o.bootstrap, o.seed);
    t.method = "sobol";
    t.columns = {"S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"};
    for (std::size_t j = 0; j < s.k; ++j) {
      const auto& f = si.first[j];
      const auto& tt = si.total[j];
      t.rows.push_back({s.parameters[j], {f.value, f.low, f.high, tt.value, tt.low, tt.high}});
    }
    t.mean = si.mean;
    t.variance = si.variance;
    sort_by = 3;
  } else if (s.design == "morris") {
    const auto me = morris_effects(s.matrix, y, o.bootstrap, o.seed);
    t.method = "morris";
    t.columns = {"mu_star", "mu_star_low", "mu_star_high", "mu", "sigma"};
    for (std::size_t j = 0; j < s.k; ++j) {
      t.rows.push_back({s.parameters[j], {me.mu_star[j], me.mu_star_ci[j].low, me.mu_star_ci[j].high, me.mu[j], me.sigma[j]}});
    }
  } else {
    t.method = "spearman";
    t.columns = {"spearman_rho", "abs_rho"};
    for (std::size_t j = 0; j < s.k; ++j) {
      std::vector<double> x(s.points);
      for (std::size_t p = 0; p < s.points; ++p) x[p] = s.values[p * s.k + j];
      const double rho = spearman(x, y);
      t.rows.push_back({s.parameters[j], {rho, std::abs(rho)}});
    }
    sort_by = 1;
  }
  std::stable_sort(t.rows.begin(), t.rows.end(),
                   [&](const auto& a, const auto& b) { return a.values[sort_by] > b.values[sort_by]; });
  if (store) {
    Table table;
    table.name = t.method;
    table.description = "Sensitivity of '" + t.outcome + "' (" + outcome.description + ") to each swept parameter";
    table.columns = t.columns;
    for (const auto& r : t.rows) {
      table.rows.push_back(r.parameter);
      table.values.insert(table.values.end(), r.values.begin(), r.values.end());
    }
    replace_tables(o.file, t.group, {table},
                   {{"outcome", outcome.name},
                    {"at_month", o.at_month > 0 ? std::to_string(o.at_month) : "end"},
                    {"region", o.region.empty() ? "first" : o.region},
                    {"bootstrap", std::to_string(o.bootstrap)},
                    {"outcome_mean", format(t.mean)},
                    {"outcome_variance", format(t.variance)}});
  }
  return t;
}

}  // namespace rf
