#include "sim/studies/sweep.hpp"

#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "models/metrics.hpp"
#include "models/param_table.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/interrupt.hpp"
#include "sim/base/progress.hpp"
#include "sim/base/rng.hpp"
#include "sim/base/version.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/engine/memory.hpp"
#include "sim/io/journal.hpp"
#include "sim/io/parts_dir.hpp"
#include "sim/io/sweep_file.hpp"

namespace rf {

namespace fs = std::filesystem;

namespace {

/// Runs `step` where `here` holds, then agrees across ranks. A failure is rethrown on the rank
/// that failed (on rank 0 only if every rank ran the same step), and every other rank gets a
/// SilentExit, so each error is printed once and no rank waits forever for another.
template <class Step>
void collective(const Cluster& cluster, bool here, bool same_everywhere, Step&& step) {
  std::exception_ptr error;
  int status = 0;
  if (here) {
    try {
      step();
    } catch (const Error& e) {
      status = e.exit_code();
      error = std::current_exception();
    } catch (...) {
      status = 70;
      error = std::current_exception();
    }
  }
  const int all = cluster.agree(status);
  if (all == 0) return;
  if (error && (!same_everywhere || cluster.root())) std::rethrow_exception(error);
  throw SilentExit(all);
}

/// Rank 0: decides between a fresh start and a resume, and prepares the parts directory.
/// Sets the command line that started the sweep (recorded in the file).
void prepare(const SweepOptions& o, SweepStart& start) {
  PartsRequest request;
  request.out = o.out;
  request.fingerprint = hex64(start.plan.fingerprint);
  request.command_line = o.command_line;
  request.what = "sweep";
  request.resume_command = "rainforest sweep " + o.sweep_file + " --out " + o.out + " --resume";
  request.resume = o.resume;
  request.force = o.force;
  const PartsState state = prepare_parts(request);
  start.command_line = state.command_line;
  start.nothing_to_resume = o.resume && !state.resumed;
}

/// What the sweep file stores about the plan beside the runs.
SweepRecord sweep_record(const SweepPlan& plan) {
  const SweepSpec& spec = plan.spec;
  const std::size_t n = plan.runs();
  SweepRecord record;
  record.design = design_name(spec.design);
  record.fingerprint = hex64(plan.fingerprint);
  record.definition = spec.text;
  for (const auto& p : spec.parameters) record.parameters.push_back(p.path);
  record.values = plan.values;
  record.unit = plan.design.unit;
  record.settings = plan.settings;
  record.block = plan.design.block;
  record.changed = plan.design.changed;
  record.run_point.resize(n);
  record.replicate.resize(n);
  for (std::size_t j = 0; j < n; ++j) {
    record.run_point[j] = static_cast<std::int64_t>(plan.point_of(j));
    record.replicate[j] = static_cast<std::int64_t>(plan.replicate_of(j));
  }
  record.points = plan.points();
  record.runs_per_point = spec.runs_per_point;
  record.base_points = spec.points;
  record.trajectories = spec.trajectories;
  record.morris_levels = static_cast<std::size_t>(spec.morris_levels);
  return record;
}

/// Rank 0: writes the HDF5 file from the journals, in run order, then removes the journals unless
/// runs failed (a later --resume --retry-failed needs them). Returns the failed runs.
std::vector<FailedRun> assemble(const SweepPlan& plan, const SweepOptions& o, const std::string& command_line) {
  const std::string parts = parts_dir(o.out);
  const auto records = scan_journals(parts, plan.fingerprint);
  if (records.size() < plan.runs()) {
    throw ModelError("only " + std::to_string(records.size()) + " of " + std::to_string(plan.runs()) +
                         " runs are in the journals of '" + parts + "'",
                     "Run the same command with --resume to finish the missing runs.");
  }
  const SweepSpec& spec = plan.spec;
  const std::size_t n = plan.runs();
  std::vector<FailedRun> failed;
  SweepRecord record = sweep_record(plan);
  for (const auto& [run, r] : records) {
    if (!r.failed) continue;
    const std::size_t point = plan.point_of(run);
    failed.push_back({run, point, plan.settings_text(point), r.reason});
    record.failed_runs.push_back(static_cast<std::int64_t>(run));
    record.failures.push_back("point " + std::to_string(point) + " (" + plan.settings_text(point) + "): " + r.reason);
  }
  Provenance prov;
  prov.command_line = command_line;
  prov.scenario_yaml = resolved_yaml(spec.base);
  prov.scenario_input = spec.base_text;
  prov.scenario_origin = spec.base_file;
  prov.base_seed = spec.seed;
  std::vector<std::uint64_t> seeds(n);
  for (std::size_t j = 0; j < n; ++j) seeds[j] = plan.seed_of(j);
  SweepFileWriter file(o.out, prov, spec.base, seeds, record, spec.file);
  const std::size_t block =
      plan.spec.base.regions.size() * static_cast<std::size_t>(spec.base.sim.months) * metric_table().size();
  for (std::size_t j = 0; j < n; ++j) {
    RunResult r;
    r.series = records.at(j).failed ? std::vector<double>(block, NAN) : read_journal_record(records.at(j));
    if (r.series.size() != block) {
      throw InputFileError("run " + std::to_string(j) + " in '" + records.at(j).file + "' has the wrong size",
                           "Remove '" + parts + "' and run the sweep again with --force.");
    }
    file.write_run(j, r);
  }
  file.commit();
  if (failed.empty()) remove_parts(o.out);
  return failed;
}

}  // namespace

std::string SweepPlan::settings_text(std::size_t point) const {
  const std::size_t k = spec.parameters.size();
  std::string text;
  for (std::size_t j = 0; j < k; ++j) text += (j ? ", " : "") + settings[point * k + j];
  return text;
}

Scenario SweepPlan::scenario(std::size_t point) const {
  Scenario s = spec.base;
  const std::size_t k = spec.parameters.size();
  for (std::size_t j = 0; j < k; ++j) apply_override(s, settings[point * k + j]);
  return s;
}

SweepPlan make_sweep_plan(SweepSpec spec) {
  SweepPlan plan;
  plan.design = make_design(spec);
  const std::size_t k = spec.parameters.size();
  plan.values.resize(plan.design.points * k);
  plan.settings.resize(plan.design.points * k);
  for (std::size_t i = 0; i < plan.design.points; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      const auto& p = spec.parameters[j];
      const double u = plan.design.at(i, j);
      plan.values[i * k + j] = p.value(u);
      plan.settings[i * k + j] = p.path + "=" + p.value_text(u);
    }
  }
  for (std::size_t r = 0; r < spec.runs_per_point; ++r) plan.replicate_seeds.push_back(run_seed(spec.seed, r));
  plan.spec = std::move(spec);
  // Every point must be a valid scenario before the first run starts.
  for (std::size_t i = 0; i < plan.design.points; ++i) {
    try {
      validate(plan.scenario(i), plan.spec.file);
    } catch (const ScenarioError& e) {
      std::string settings;
      for (std::size_t j = 0; j < k; ++j) settings += " " + plan.settings[i * k + j];
      throw ScenarioError("point " + std::to_string(i) + " of the sweep (" + settings + " ) is not a valid scenario: " + e.what(),
                          "Narrow the ranges so every combination is valid. " + e.remedy());
    }
  }
  const std::string resolved = resolved_yaml(plan.spec.base);
  std::uint64_t h = fnv1a(plan.spec.text.data(), plan.spec.text.size());
  h = fnv1a(resolved.data(), resolved.size(), h);
  const std::string build = std::string(version()) + " " + std::string(git_commit());
  plan.fingerprint = fnv1a(build.data(), build.size(), h);
  return plan;
}

SweepStart start_sweep(const SweepOptions& o, const Cluster& cluster) {
  SweepStart start;
  collective(cluster, true, true, [&] { start.plan = make_sweep_plan(load_sweep_file(o.sweep_file)); });
  int finished = 0;
  collective(cluster, cluster.root(), false, [&] {
    // Before the journal folder exists: a sweep refused for its size leaves nothing behind.
    check_disk(start.plan.spec.base, start.plan.runs(), o.out);  // series only: every point has the base's shape
    try {
      prepare(o, start);
    } catch (const AlreadyComplete&) {
      finished = 1;
    }
  });
  start.complete = cluster.agree(finished) != 0;
  return start;
}

SweepReport finish_sweep(const SweepStart& start, const SweepOptions& o, const Cluster& cluster) {
  const SweepPlan& plan = start.plan;
  SweepReport report;
  // Every rank finds the finished runs and takes every size-th of the rest.
  const std::string parts = parts_dir(o.out);
  std::vector<std::size_t> mine;
  collective(cluster, true, true, [&] {
    const auto done = scan_journals(parts, plan.fingerprint);
    report.already = done.size();
    std::size_t position = 0;
    for (std::size_t j = 0; j < plan.runs(); ++j) {
      const auto it = done.find(j);
      if (it != done.end() && !(o.retry_failed && it->second.failed)) continue;
      if (position++ % static_cast<std::size_t>(cluster.size()) == static_cast<std::size_t>(cluster.rank())) mine.push_back(j);
    }
  });

  collective(cluster, true, true, [&] {
    // The largest point decides (the scale itself may be swept).
    std::size_t largest = 0;
    double most = -1.0;
    for (std::size_t p = 0; p < plan.points(); ++p) {
      const double n = initial_firm_count(plan.scenario(p));
      if (n > most) {
        most = n;
        largest = p;
      }
    }
    check_memory(plan.scenario(largest),
                 static_cast<unsigned>(std::min<std::size_t>(o.threads, std::max<std::size_t>(1, mine.size()))));
  });
  collective(cluster, true, false, [&] {
    if (mine.empty()) return;
    JournalWriter journal(parts, plan.fingerprint, cluster.rank());
    std::string label = "sweep " + plan.spec.name;
    if (cluster.size() > 1) label += " (rank 0 of " + std::to_string(cluster.size()) + ")";
    Progress progress(label, !o.quiet && cluster.root());
    progress.expect(mine.size(), static_cast<std::size_t>(plan.spec.base.sim.months));
    RunOptions run_options;
    run_options.month_done = [&] { progress.months_done(1); };
    std::size_t completed = 0;
    std::vector<std::string> failure(mine.size());  // [i]: why run mine[i] failed (each written by its job only)
    run_parallel(
        mine.size(), o.threads,
        [&](std::size_t i) {
          const std::size_t run = mine[i];
          try {
            return simulate(plan.scenario(plan.point_of(run)), plan.seed_of(run), run_options);
          } catch (const ScenarioError& e) {  // the point's parameters: e.g. the population guard
            failure[i] = std::string(e.what()) + " (" + e.remedy() + ")";
          } catch (const ModelError& e) {
            failure[i] = std::string(e.what()) + " (" + e.remedy() + ")";
          }
          return RunResult{};
        },
        [&](std::size_t i, RunResult&& r) {
          if (failure[i].empty()) {
            journal.append(mine[i], r.series);
          } else {
            journal.append_failure(mine[i], failure[i]);
          }
          progress.update(++completed, mine.size());
        });
    journal.sync();
    progress.finish();
  });
  // After Ctrl-C or SIGTERM on any rank: the journals hold every finished run; no assembly.
  if (cluster.agree(interrupted() ? 1 : 0) != 0) {
    if (!cluster.root()) throw SilentExit(130);
    const auto done = scan_journals(parts, plan.fingerprint).size();
    throw Interrupted("interrupted: " + std::to_string(done) + " of " + std::to_string(plan.runs()) +
                          " runs are done and kept in '" + parts + "'",
                      "Resume with: rainforest sweep " + o.sweep_file + " --out " + o.out + " --resume",
                      interrupt_signal() > 0 ? interrupt_signal() : 2);
  }

  collective(cluster, cluster.root(), false, [&] { report.failed = assemble(plan, o, start.command_line); });
  return report;
}

}  // namespace rf
