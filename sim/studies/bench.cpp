#include "sim/studies/bench.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "models/metrics.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/rng.hpp"
#include "sim/base/stats.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/io/result_file.hpp"

namespace rf {

namespace {

using Clock = std::chrono::steady_clock;

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

/// Firm-months simulated: living firms summed over regions and months.
double firm_steps(const RunResult& r) {
  const std::size_t base = static_cast<std::size_t>(Metric::firms_alive) * r.regions * r.months;
  double total = 0.0;
  for (std::size_t k = 0; k < r.regions * r.months; ++k) total += r.series[base + k];
  return total;
}

Scenario at_scale(const BenchOptions& o, double scale) {
  Scenario s = load_scenario_file(o.scenario);
  apply_override(s, "simulation.scale=" + std::to_string(scale));
  s.sim.snapshot_firms = false;
  validate(s, o.scenario);
  return s;
}

struct Timed {
  double wall = 0.0, setup = 0.0, steps = 0.0;
};

Timed one_run(const Scenario& s, std::uint64_t seed) {
  const auto t0 = Clock::now();
  const RunResult r = simulate(s, seed);
  return {std::chrono::duration<double>(Clock::now() - t0).count(), r.setup_seconds, firm_steps(r)};
}

struct ManyRuns {
  double wall = 0.0;   // s
  double bytes = 0.0;  // of the HDF5 file written (0 without)
};

/// Wall time of `runs` runs of `s` on `threads` threads, optionally writing HDF5 (and its size).
ManyRuns many_runs(const Scenario& s, std::size_t runs, unsigned threads, bool write) {
  EnsembleOptions eo;
  for (std::size_t i = 0; i < runs; ++i) eo.seeds.push_back(run_seed(1, i));
  eo.threads = threads;
  const std::string path = (std::filesystem::temp_directory_path() / ("rf_bench_" + std::to_string(getpid()) + ".h5")).string();
  const auto t0 = Clock::now();
  if (write) {
    Provenance prov;
    prov.scenario_yaml = resolved_yaml(s);
    RunFile file(path, true, prov, s, eo.seeds);
    run_ensemble(s, eo, [&](std::size_t i, RunResult&& r) { file.write_run(i, r); });
    file.commit();
  } else {
    run_ensemble(s, eo, [](std::size_t, RunResult&&) {});
  }
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  const double bytes = write ? static_cast<double>(std::filesystem::file_size(path)) : 0.0;
  std::filesystem::remove(path);
  return {wall, bytes};
}

}  // namespace

bool bench_wanted(const BenchOptions& o, const std::string& name) {
  return std::find(o.cases.begin(), o.cases.end(), name) != o.cases.end();
}

void check_bench_cases(const BenchOptions& o) {
  for (const auto& c : o.cases) {
    if (c != "full" && c != "scaling" && c != "threads" && c != "output" && c != "events") {
      throw UsageError("unknown bench case '" + c + "'", "Use full, scaling, threads, output or events.");
    }
  }
}

FullBench bench_full(const BenchOptions& o) {
  const Scenario s = at_scale(o, o.full_scale);
  std::vector<double> wall, setup, rate;
  for (std::size_t rep = 0; rep < o.repeat; ++rep) {
    const Timed t = one_run(s, run_seed(1, rep));
    wall.push_back(t.wall);
    setup.push_back(t.setup);
    rate.push_back(t.steps / t.wall);
  }
  return {s.sim.months, stats::median(wall), stats::median(setup), stats::median(rate), peak_rss_mb()};
}

ScalingRow bench_scaling(const BenchOptions& o, double fraction) {
  const Scenario s = at_scale(o, fraction * o.full_scale);
  std::vector<double> wall, ns;
  double steps = 0.0;
  for (std::size_t rep = 0; rep < o.repeat; ++rep) {
    const Timed t = one_run(s, run_seed(1, rep));
    wall.push_back(t.wall);
    ns.push_back(1e9 * t.wall / t.steps);
    steps = t.steps;
  }
  return {fraction * o.full_scale, stats::median(wall), steps, stats::median(ns)};
}

double scaling_variation(const std::vector<ScalingRow>& rows) {
  const auto [lo, hi] =
      std::minmax_element(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.ns_per_step < b.ns_per_step; });
  return hi->ns_per_step / lo->ns_per_step - 1.0;
}

SmallRunsBench bench_small_runs(const BenchOptions& o) {
  const Scenario s = at_scale(o, o.small_scale);
  Scenario no_log = s;
  no_log.sim.event_log = false;
  std::vector<double> one, two, written, one_no_log, written_no_log;
  SmallRunsBench b;
  for (std::size_t rep = 0; rep < o.repeat; ++rep) {
    one.push_back(many_runs(s, o.small_runs, 1, false).wall);
    if (bench_wanted(o, "threads")) two.push_back(many_runs(s, o.small_runs, 2, false).wall);
    if (bench_wanted(o, "output") || bench_wanted(o, "events")) {
      const ManyRuns w = many_runs(s, o.small_runs, 1, true);
      written.push_back(w.wall);
      b.output_mb = w.bytes / 1e6;
    }
    if (bench_wanted(o, "events")) {
      one_no_log.push_back(many_runs(no_log, o.small_runs, 1, false).wall);
      const ManyRuns w = many_runs(no_log, o.small_runs, 1, true);
      written_no_log.push_back(w.wall);
      b.output_mb_without_event_log = w.bytes / 1e6;
    }
  }
  b.one_thread = stats::median(one);
  b.two_threads = stats::median(two);
  b.with_output = stats::median(written);
  b.one_thread_without_event_log = stats::median(one_no_log);
  b.with_output_without_event_log = stats::median(written_no_log);
  return b;
}

}  // namespace rf
