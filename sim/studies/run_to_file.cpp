#include "sim/studies/run_to_file.hpp"

#include <algorithm>
#include <chrono>

#include "models/metrics.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/progress.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/engine/memory.hpp"

namespace rf {

RunToFileReport run_to_file(const Scenario& scenario, const std::vector<std::uint64_t>& seeds, const Provenance& prov,
                            const RunToFileOptions& o) {
  RunFile file(o.out, o.force, prov, scenario, seeds);
  EnsembleOptions eo;
  eo.seeds = seeds;
  eo.threads = o.threads;
  check_memory(scenario, static_cast<unsigned>(std::min<std::size_t>(eo.threads, seeds.size())));
  eo.run.check_every_month = o.check_every_month;
  RunToFileReport report;
  if (o.profile) {
    eo.threads = 1;  // per-phase timing is only meaningful on one thread
    eo.run.phase_seconds = &report.phase_seconds;
  }
  report.threads = eo.threads;
  const std::size_t months = static_cast<std::size_t>(scenario.sim.months);
  const std::size_t regions = scenario.regions.size();
  const std::size_t metrics = metric_table().size();
  report.last_month.assign(metrics, std::vector<std::vector<double>>(regions, std::vector<double>(seeds.size())));
  Progress progress("rainforest " + scenario.name, !o.quiet);
  const auto start = std::chrono::steady_clock::now();
  std::size_t written = 0;
  try {
    run_ensemble(
        scenario, eo,
        [&](std::size_t index, RunResult&& r) {
          file.write_run(index, r);
          written = index + 1;
          for (std::size_t m = 0; m < metrics; ++m) {
            for (std::size_t k = 0; k < regions; ++k)
              report.last_month[m][k][index] = r.series[(m * regions + k) * months + months - 1];
          }
        },
        [&](std::size_t done, std::size_t total) { progress.update(done, total); });
  } catch (const Interrupted& e) {
    // Keep every run finished in order: a valid file, smaller than asked for.
    progress.finish();
    file.truncate_runs(written);
    file.commit();
    throw Interrupted("interrupted: '" + o.out + "' holds the first " + std::to_string(written) + " of " +
                          std::to_string(seeds.size()) + " runs",
                      "That file is complete for those runs (`rainforest reproduce` works on it). For all runs, run the "
                      "same command again with --force.",
                      e.exit_code() - 128);
  }
  progress.finish();
  file.commit();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace rf
