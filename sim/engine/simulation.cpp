#include "sim/engine/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <utility>

#include "models/economics.hpp"
#include "models/metrics.hpp"
#include "models/monthly_step.hpp"
#include "models/population.hpp"
#include "sim/base/errors.hpp"
#include "sim/engine/memory.hpp"
#include "sim/engine/timeline_apply.hpp"

namespace rf {

namespace {

using Clock = std::chrono::steady_clock;

std::vector<SnapshotColumn> take_snapshot(const World& w) {
  const Firms& f = w.firms;
  std::vector<SnapshotColumn> cols;
#define RF_FIRM_COLUMN(NAME, INTEGER, UNIT, DESC, EXPR) cols.push_back({#NAME, INTEGER, {}});
#include "models/snapshot.def"
#undef RF_FIRM_COLUMN
  std::size_t alive = 0;
  for (std::size_t i = 0; i < f.size(); ++i) alive += f.alive[i];
  for (auto& c : cols) c.values.reserve(alive);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    std::size_t c = 0;
#define RF_FIRM_COLUMN(NAME, INTEGER, UNIT, DESC, EXPR) cols[c++].values.push_back(static_cast<double>(EXPR));
#include "models/snapshot.def"
#undef RF_FIRM_COLUMN
  }
  return cols;
}

/// Appends a snapshot taken at the end of `month` to the run's firm panel.
void add_panel_rows(RunResult& r, std::vector<SnapshotColumn>&& snapshot, std::int32_t month) {
  if (r.panel.empty()) {
    r.panel = std::move(snapshot);
    r.panel_months.assign(r.panel.front().values.size(), month);
    return;
  }
  for (std::size_t c = 0; c < r.panel.size(); ++c) {
    r.panel[c].values.insert(r.panel[c].values.end(), snapshot[c].values.begin(), snapshot[c].values.end());
  }
  r.panel_months.insert(r.panel_months.end(), snapshot.front().values.size(), month);
}

void check_series(const RunResult& r) {
  for (int m = 0; m < kMetricCount; ++m) {
    if (m == static_cast<int>(Metric::clustering) || m == static_cast<int>(Metric::giant_component_share)) continue;
    for (std::size_t k = 0; k < r.regions * r.months; ++k) {
      if (!std::isfinite(r.series[static_cast<std::size_t>(m) * r.regions * r.months + k])) {
        throw ModelError("metric '" + std::string(metric_table()[static_cast<std::size_t>(m)].name) + "' is not finite",
                         "A parameter may be at an extreme; otherwise this is a bug: please report the scenario and seed.");
      }
    }
  }
}

}  // namespace

std::vector<std::string> phase_names() {
  std::vector<std::string> out;
  for (const auto& p : monthly_phases()) out.emplace_back(p.name);
  out.emplace_back("metrics");
  return out;
}

std::vector<SnapshotColumnSpec> snapshot_columns() {
  return {
#define RF_FIRM_COLUMN(NAME, INTEGER, UNIT, DESC, EXPR) {#NAME, UNIT, DESC, INTEGER},
#include "models/snapshot.def"
#undef RF_FIRM_COLUMN
  };
}

RunResult simulate(const Scenario& scenario, std::uint64_t seed, const RunOptions& options) {
  const auto start = Clock::now();
  World w = make_world(scenario.sim, scenario.regions, seed);
  w.threads = options.threads;
  RunResult result;
  result.setup_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.seed = seed;
  result.regions = w.regions.size();
  result.months = static_cast<std::size_t>(scenario.sim.months);
  result.series.assign(static_cast<std::size_t>(kMetricCount) * result.regions * result.months, 0.0);
  std::vector<double> row(static_cast<std::size_t>(kMetricCount) * result.regions);
  const auto phases = monthly_phases();
  const std::size_t max_firms = firm_limit(scenario);
  if (options.phase_seconds != nullptr) options.phase_seconds->resize(phases.size() + 1, 0.0);

  for (std::size_t month = 0; month < result.months; ++month) {
    w.month = static_cast<std::int32_t>(month);
    apply_timeline(w, scenario, month);  // dated changes take effect before the month's phases
    for (std::size_t p = 0; p < phases.size(); ++p) {
      const auto t0 = options.phase_seconds != nullptr ? Clock::now() : Clock::time_point{};
      phases[p].run(w);
      if (options.phase_seconds != nullptr)
        (*options.phase_seconds)[p] += std::chrono::duration<double>(Clock::now() - t0).count();
    }
    // The firms living at the census and this month's entrants: the slots kept for firms closed
    // before the census (models/census.cpp) do not count.
    const std::size_t firms = w.firms.size() - w.vacant_slots;
    if (firms > max_firms) {
      const double at_start = std::max(1.0, initial_firm_count(scenario));
      char growth[32];
      std::snprintf(growth, sizeof growth, "%.0f", static_cast<double>(firms) / at_start);
      throw ScenarioError("the firm population of scenario '" + scenario.name + "' exploded: " + std::to_string(firms) +
                              " firms in month " + std::to_string(month) + " (" + growth + " times the start); " +
                              firm_limit_rule(scenario),
                          "Entry or spin-out parameters are too high for a stable population (see firms.entry_rate, "
                          "firms.spinout_rate, talent.founding_probability); lower them.");
    }
    const auto t0 = Clock::now();
#ifdef RAINFOREST_CHECKS
    const bool check = true;
#else
    const bool check = options.check_every_month || month + 1 == result.months;
#endif
    if (check) check_accounting(w);
    const bool network_month =
        (month + 1) % static_cast<std::size_t>(scenario.sim.network_metrics_every) == 0 || month + 1 == result.months;
    collect_metrics(w, row, network_month);
    const auto panel_every = static_cast<std::size_t>(scenario.sim.firm_panel_every);
    if (panel_every > 0 && ((month + 1) % panel_every == 0 || month + 1 == result.months)) {
      add_panel_rows(result, take_snapshot(w), static_cast<std::int32_t>(month));
    }
    for (std::size_t k = 0; k < result.regions; ++k) {
      for (int m = 0; m < kMetricCount; ++m) {
        result.series[(static_cast<std::size_t>(m) * result.regions + k) * result.months + month] =
            row[k * kMetricCount + static_cast<std::size_t>(m)];
      }
    }
    if (options.phase_seconds != nullptr)
      options.phase_seconds->back() += std::chrono::duration<double>(Clock::now() - t0).count();
    if (options.month_done) options.month_done();
  }
  check_series(result);
  if (scenario.sim.snapshot_firms) {
    result.firms = take_snapshot(w);
    for (const auto& e : w.edges) {
      if (w.firms.alive[e.u] && w.firms.alive[e.v]) {
        result.ties.push_back(w.firms.id[e.u]);
        result.ties.push_back(w.firms.id[e.v]);
      }
    }
  }
  result.events = std::move(w.events);
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

}  // namespace rf
