#include "sim/cli/commands.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "models/metrics.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/progress.hpp"
#include "sim/base/rng.hpp"
#include "sim/base/stats.hpp"
#include "sim/base/text_file.hpp"
#include "sim/cli/describe.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/engine/memory.hpp"
#include "sim/io/output_path.hpp"
#include "sim/io/result_file.hpp"
#include "sim/io/result_reader.hpp"
#include "sim/studies/moments.hpp"

namespace rf::cli {

namespace {

unsigned thread_count(unsigned requested) {
  return requested > 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

/// Mean and sample standard deviation over runs of a metric at one region and month.
struct Summary {
  std::vector<double> values;
  void add(double v) { values.push_back(v); }
  [[nodiscard]] std::string text() const {
    double mean = 0.0;
    for (double v : values) mean += v;
    mean /= static_cast<double>(values.size());
    double var = 0.0;
    for (double v : values) var += (v - mean) * (v - mean);
    const double sd = values.size() > 1 ? std::sqrt(var / static_cast<double>(values.size() - 1)) : 0.0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g ± %.2g", mean, sd);
    return buf;
  }
};

/// Runs the ensemble and writes the file; prints a summary of the last year.
int execute(const Scenario& scenario, const std::vector<std::uint64_t>& seeds, const CommonOptions& o, const Provenance& prov,
            bool profile, bool check_every_month) {
  RunFile file(o.out, o.force, prov, scenario, seeds);
  EnsembleOptions eo;
  eo.seeds = seeds;
  eo.threads = thread_count(o.threads);
  check_memory(scenario, static_cast<unsigned>(std::min<std::size_t>(eo.threads, seeds.size())));
  eo.run.check_every_month = check_every_month;
  std::vector<double> phase_seconds;
  if (profile) {
    eo.threads = 1;  // per-phase timing is only meaningful on one thread
    eo.run.phase_seconds = &phase_seconds;
  }
  const std::size_t months = static_cast<std::size_t>(scenario.sim.months);
  const std::size_t regions = scenario.regions.size();
  const std::vector<Metric> shown = {Metric::firms_alive, Metric::births_graduate,   Metric::startups_funded,
                                     Metric::dragons,     Metric::ai_adoption_share, Metric::graduates_retained};
  std::vector<std::vector<Summary>> summary(regions, std::vector<Summary>(shown.size()));
  Progress progress("rainforest " + scenario.name, !o.quiet);
  const auto start = std::chrono::steady_clock::now();
  std::size_t written = 0;
  try {
    run_ensemble(
        scenario, eo,
        [&](std::size_t index, RunResult&& r) {
          file.write_run(index, r);
          written = index + 1;
          for (std::size_t k = 0; k < regions; ++k) {
            for (std::size_t s = 0; s < shown.size(); ++s) {
              const std::size_t base = (static_cast<std::size_t>(shown[s]) * regions + k) * months;
              summary[k][s].add(r.series[base + months - 1]);
            }
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
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!o.quiet) {
    std::printf("wrote %s (%.1f MB): %zu runs x %zu regions x %zu months in %.2f s on %u threads\n", o.out.c_str(),
                static_cast<double>(std::filesystem::file_size(o.out)) / 1e6, seeds.size(), regions, months, seconds, eo.threads);
    std::printf("last month, mean ± sd over runs:\n");
    for (std::size_t k = 0; k < regions; ++k) {
      std::printf("  %s:", scenario.regions[k].name.c_str());
      for (std::size_t s = 0; s < shown.size(); ++s) {
        std::printf(" %s %s;", std::string(metric_table()[static_cast<std::size_t>(shown[s])].name).c_str(),
                    summary[k][s].text().c_str());
      }
      std::printf("\n");
    }
    if (profile) {
      const auto names = phase_names();
      double total = 0.0;
      for (double t : phase_seconds) total += t;
      std::printf("time per phase (all runs, one thread):\n");
      for (std::size_t p = 0; p < names.size(); ++p) {
        std::printf("  %-16s %8.3f s  %5.1f %%\n", names[p].c_str(), phase_seconds[p],
                    100.0 * phase_seconds[p] / std::max(total, 1e-12));
      }
    }
  }
  return 0;
}

}  // namespace

int run(const RunOptions& o) {
  Scenario scenario = load_scenario_file(o.scenario);
  for (const auto& s : o.overrides) apply_override(scenario, s);
  validate(scenario, o.scenario);
  if (o.runs == 0) throw UsageError("--runs must be at least 1", "Pass --runs N with N >= 1.");
  check_output_path(o.out, o.force);
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

int reproduce(const std::string& file, const CommonOptions& o) {
  const StoredRuns stored = read_stored_runs(file);
  const Scenario scenario = load_scenario_text(stored.scenario_yaml, file + ":/scenario");
  check_output_path(o.out, o.force);
  Provenance prov;
  prov.command_line = o.command_line;
  prov.scenario_yaml = stored.scenario_yaml;
  prov.scenario_input = stored.scenario_yaml;
  prov.scenario_origin = file + ":/scenario";
  return execute(scenario, stored.seeds, o, prov, false, false);
}

int check(const std::string& scenario_file, const std::string& targets_file, std::size_t runs, const CommonOptions& o) {
  Scenario scenario = load_scenario_file(scenario_file);
  for (const auto& s : o.overrides) apply_override(scenario, s);
  validate(scenario, scenario_file);
  const auto targets = load_moments(targets_file, "targets");
  EnsembleOptions eo;
  for (std::size_t i = 0; i < runs; ++i) eo.seeds.push_back(run_seed(o.seed, i));
  eo.threads = thread_count(o.threads);
  check_memory(scenario, static_cast<unsigned>(std::min<std::size_t>(eo.threads, runs)));
  std::vector<std::vector<double>> values(targets.size(), std::vector<double>(runs));
  Progress progress("check " + scenario.name, !o.quiet);
  run_ensemble(
      scenario, eo,
      [&](std::size_t index, RunResult&& r) {
        for (std::size_t t = 0; t < targets.size(); ++t) values[t][index] = evaluate(targets[t], r, scenario);
      },
      [&](std::size_t done, std::size_t total) { progress.update(done, total); });
  progress.finish();
  std::printf("%s against %s: %zu runs (base seed %llu), simulated mean [95%% interval]\n", scenario_file.c_str(),
              targets_file.c_str(), runs, static_cast<unsigned long long>(o.seed));
  std::printf("%-22s %-34s %-22s %s\n", "moment", "simulated", "target", "verdict");
  std::size_t outside = 0;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const auto ci = stats::mean_ci95(values[t]);
    const bool ok = targets[t].meets(ci.mean);
    outside += ok ? 0 : 1;
    char sim[96];
    std::snprintf(sim, sizeof sim, "%.4g [%.4g, %.4g]", ci.mean, ci.low, ci.high);
    const char* verdict = ok ? "inside" : (targets[t].reached_by(ci.low, ci.high) ? "OUTSIDE (interval reaches)" : "OUTSIDE");
    std::printf("%-22s %-34s %-22s %s\n", targets[t].name.c_str(), sim, targets[t].target_text().c_str(), verdict);
  }
  std::printf("%zu of %zu moments outside their target (simulated mean outside the band)\n", outside, targets.size());
  return 0;
}

int validate(const std::string& file, const std::vector<std::string>& overrides) {
  Scenario s = load_scenario_file(file);
  for (const auto& o : overrides) apply_override(s, o);
  validate(s, file);
  std::printf("%s: valid scenario '%s': %zu region(s), %lld months, scale %g\n", file.c_str(), s.name.c_str(), s.regions.size(),
              static_cast<long long>(s.sim.months), s.sim.scale);
  return 0;
}

int analyze(const AnalyzeOptions& o) {
  const SensitivityTable t = analyze_sweep(o);
  if (o.quiet) return 0;
  std::printf("%s: %s of '%s' over %zu points (%zu runs); outcome mean %.4g, variance %.4g\n", o.file.c_str(),
              t.method == "sobol"    ? "Sobol indices"
              : t.method == "morris" ? "Morris elementary effects"
                                     : "Spearman rank correlations",
              t.outcome.c_str(), t.points, t.runs, t.mean, t.variance);
  if (t.method != "spearman") std::printf("95%% bootstrap intervals from %zu resamples\n", o.bootstrap);
  std::printf("%-46s", "parameter");
  if (t.method == "sobol") {
    std::printf(" %-26s %-26s\n", "first order S1 [95%]", "total ST [95%]");
  } else if (t.method == "morris") {
    std::printf(" %-30s %12s %12s\n", "mu* [95%]", "mu", "sigma");
  } else {
    std::printf(" %12s\n", "rho");
  }
  for (const auto& r : t.rows) {
    std::printf("%-46s", r.parameter.c_str());
    const auto& v = r.values;
    if (t.method == "sobol") {
      std::printf(" %7.3f [%6.3f, %6.3f]    %7.3f [%6.3f, %6.3f]\n", v[0], v[1], v[2], v[3], v[4], v[5]);
    } else if (t.method == "morris") {
      std::printf(" %10.4g [%8.4g, %8.4g] %12.4g %12.4g\n", v[0], v[1], v[2], v[3], v[4]);
    } else {
      std::printf(" %12.3f\n", v[0]);
    }
  }
  std::printf("stored in %s:%s/%s\n", o.file.c_str(), t.group.c_str(), t.method.c_str());
  return 0;
}

int describe(const std::string& parameter, bool markdown, bool outputs_markdown_flag, const std::string& sources_file) {
  if (!sources_file.empty()) {
    const auto report = describe_sources(sources_file);
    std::cout << report.text;
    return report.missing == 0 ? 0 : 1;
  }
  if (markdown) {
    std::cout << parameters_markdown();
  } else if (outputs_markdown_flag) {
    std::cout << outputs_markdown();
  } else if (!parameter.empty()) {
    std::cout << describe_parameter(parameter);
  } else {
    std::cout << describe_parameters();
  }
  return 0;
}

}  // namespace rf::cli
