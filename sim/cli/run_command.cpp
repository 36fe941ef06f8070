// `rainforest run` and `reproduce`: an ensemble written to a run file, and a summary of its last month.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "models/metrics.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/rng.hpp"
#include "sim/base/stats.hpp"
#include "sim/base/text_file.hpp"
#include "sim/cli/commands.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/io/result_layout.hpp"
#include "sim/io/result_reader.hpp"
#include "sim/studies/run_to_file.hpp"

namespace rf::cli {

namespace {

/// "mean ± sd" over runs.
std::string mean_sd(const std::vector<double>& values) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g ± %.2g", stats::mean(values), stats::sample_sd(values));
  return buf;
}

/// Runs the ensemble and writes the file; prints a summary of the last month.
int execute(const Scenario& scenario, const std::vector<std::uint64_t>& seeds, const StudyOptions& o, const Provenance& prov,
            bool profile, bool check_every_month) {
  RunToFileOptions ro;
  ro.out = o.out;
  ro.force = o.force;
  ro.quiet = o.quiet;
  ro.threads = o.threads;
  ro.profile = profile;
  ro.check_every_month = check_every_month;
  ro.resume = o.resume;
  const RunToFileReport r = run_to_file(scenario, seeds, prov, ro);
  if (o.quiet) return 0;
  if (r.already_complete) {
    std::printf("%s is already complete: nothing to resume\n", o.out.c_str());
    return 0;
  }
  const std::vector<Metric> shown = {Metric::firms_alive, Metric::births_graduate,   Metric::startups_funded,
                                     Metric::unicorns,    Metric::ai_adoption_share, Metric::graduates_retained};
  const std::size_t regions = scenario.regions.size();
  std::printf("wrote %s (%.1f MB): %zu runs x %zu regions x %zu months in %.2f s on %u threads\n", o.out.c_str(),
              static_cast<double>(std::filesystem::file_size(o.out)) / 1e6, seeds.size(), regions,
              static_cast<std::size_t>(scenario.sim.months), r.seconds, r.threads);
  std::printf("last month, mean ± sd over runs:\n");
  for (std::size_t k = 0; k < regions; ++k) {
    std::printf("  %s:", scenario.regions[k].name.c_str());
    for (const Metric m : shown) {
      const auto index = static_cast<std::size_t>(m);
      std::printf(" %s %s;", std::string(metric_table()[index].name).c_str(), mean_sd(r.last_month[index][k]).c_str());
    }
    std::printf("\n");
  }
  if (profile) {
    const auto names = phase_names();
    double total = 0.0;
    for (double t : r.phase_seconds) total += t;
    std::printf("time per phase (all runs, one thread):\n");
    for (std::size_t p = 0; p < names.size(); ++p) {
      std::printf("  %-16s %8.3f s  %5.1f %%\n", names[p].c_str(), r.phase_seconds[p],
                  100.0 * r.phase_seconds[p] / std::max(total, 1e-12));
    }
  }
  return 0;
}

}  // namespace

int run(const RunOptions& o) {
  const Scenario scenario = load_scenario_file(o.scenario, o.overrides);
  if (o.runs == 0) throw UsageError("--runs must be at least 1", "Pass --runs N with N >= 1.");
  std::vector<std::uint64_t> seeds(o.runs);
  for (std::size_t i = 0; i < o.runs; ++i) seeds[i] = run_seed(o.seed, i);
  Provenance prov;
  prov.command_line = o.command_line;
  prov.scenario_yaml = resolved_yaml(scenario);
  prov.scenario_input = read_text_file(o.scenario, "input file");
  prov.scenario_origin = o.scenario;
  prov.base_seed = o.seed;
  return execute(scenario, seeds, o, prov, o.profile, o.check_every_month);
}

int reproduce(const std::string& file, const StudyOptions& o) {
  // A sweep's runs each have their point's settings, and a comparison's its scenario: the base
  // scenario stored at the root is not what they ran, so re-running it would be wrong.
  const std::string kind = read_root_attribute(file, layout::kKindAttribute);
  if (!kind.empty() && kind != "run") {
    const std::string command = read_root_attribute(file, "command_line");
    throw InputFileError(
        "'" + file + "' is a " + kind + " file; `reproduce` re-runs the runs of a file written by `rainforest run`",
        "Run again the command that wrote it" + (command.empty() ? std::string(".") : ": " + command) +
            (kind == "sweep" ? " (a sweep is deterministic: the same definition gives the same file)" : ""));
  }
  const StoredRuns stored = read_stored_runs(file);
  const Scenario scenario = load_scenario_text(stored.scenario_yaml, file + ":/scenario");
  Provenance prov;
  prov.command_line = o.command_line;
  prov.scenario_yaml = stored.scenario_yaml;
  prov.scenario_input = stored.scenario_yaml;
  prov.scenario_origin = file + ":/scenario";
  return execute(scenario, stored.seeds, o, prov, false, false);
}

}  // namespace rf::cli
