// rainforest: command-line entry point. Parses arguments, dispatches, turns errors into a
// one-paragraph message and an exit status (docs/CLI in README).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <thread>

#include "sim/base/data_path.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/interrupt.hpp"
#include "sim/base/version.hpp"
#include "sim/cli/commands.hpp"
#include "sim/engine/cluster.hpp"
#include "sim/studies/analyze.hpp"
#include "sim/studies/bench.hpp"
#include "sim/studies/calibrate.hpp"
#include "sim/studies/compare.hpp"
#include "sim/studies/report.hpp"
#include "sim/studies/sweep.hpp"

namespace {

std::string joined(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
  return s;
}

void add_common(CLI::App* app, rf::cli::CommonOptions& o, bool seed) {
  app->add_option("--out,-o", o.out, "HDF5 file to write")->required();
  app->add_flag("--force", o.force, "Overwrite an existing output file");
  app->add_option("--threads,-t", o.threads, "Worker threads (default: all cores); results do not depend on it");
  app->add_flag("--quiet,-q", o.quiet, "No progress line or summary");
  if (seed) {
    app->add_option("--seed,-s", o.seed, "Base seed; run i uses a seed derived from (base, i)");
    app->add_option("--set", o.overrides, "Override a parameter: path=value (repeatable), e.g. simulation.months=60");
  }
}

}  // namespace

int main(int argc, char** argv) {
  const rf::Cluster cluster(argc, argv);
  rf::install_interrupt_handlers();
  CLI::App app{"rainforest: agent-based simulator of regional innovation systems"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(rf::version()) + " (" + std::string(rf::git_commit()) + ")");

  rf::cli::RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Run seeded simulations of a scenario and write them to HDF5");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file")->required();
  run_cmd->add_option("--runs,-n", run.runs, "Number of seeded runs")->check(CLI::PositiveNumber);
  run_cmd->add_flag("--profile", run.profile, "Print time per phase (forces one thread)");
  run_cmd->add_flag("--check", run.check_every_month, "Check accounting identities every month (slower)");
  add_common(run_cmd, run, true);

  rf::cli::CommonOptions repro;
  std::string repro_file;
  auto* repro_cmd = app.add_subcommand("reproduce", "Run again the scenario and seeds stored in a result file");
  repro_cmd->add_option("file", repro_file, "A file written by `rainforest run`")->required();
  add_common(repro_cmd, repro, false);

  rf::CompareSettings compare;
  compare.outcomes_file = "scenarios/compare/outcomes.yaml";
  compare.groups_file = "scenarios/compare/lever-groups.yaml";
  compare.out = "results/compare.h5";
  auto* compare_cmd = app.add_subcommand("compare", "Run scenarios with common seeds and compare key outcomes with statistics");
  compare_cmd->add_option("scenarios", compare.scenario_files, "Two or more scenario files; differences are to the first")
      ->required();
  compare_cmd->add_option("--runs,-n", compare.runs, "Runs per scenario (same seeds for all)");
  compare_cmd->add_option("--seed,-s", compare.seed, "Base seed");
  compare_cmd->add_option("--threads,-t", compare.threads, "Worker threads (default: all cores)");
  compare_cmd->add_option("--set", compare.overrides, "Override a parameter in every scenario: path=value (repeatable)");
  compare_cmd->add_option("--outcomes", compare.outcomes_file, "Outcomes to compare (moments file)")->capture_default_str();
  compare_cmd->add_flag("--decompose", compare.decompose, "Shapley decomposition of the gap between the first two scenarios");
  compare_cmd->add_option("--groups", compare.groups_file, "Lever groups for --decompose")->capture_default_str();
  compare_cmd->add_option("--decompose-runs", compare.decompose_runs, "Runs per counterfactual in --decompose")
      ->capture_default_str();
  compare_cmd->add_option("--permutations", compare.permutations, "Sampled orders of groups for --decompose beyond 8 groups")
      ->capture_default_str();
  compare_cmd->add_option("--out,-o", compare.out, "HDF5 file to write")->capture_default_str();
  compare_cmd->add_flag("--force", compare.force, "Overwrite an existing output file");
  compare_cmd->add_flag("--quiet,-q", compare.quiet, "No progress line");

  rf::cli::CommonOptions check_opts;
  std::string check_scenario, check_targets;
  std::size_t check_runs = 30;
  auto* check_cmd = app.add_subcommand("check", "Compare a scenario's simulated moments with observed targets");
  check_cmd->add_option("scenario", check_scenario, "Scenario YAML file")->required();
  check_cmd->add_option("--targets", check_targets, "Targets file (scenarios/targets/)")->required();
  check_cmd->add_option("--runs,-n", check_runs, "Number of seeded runs")->capture_default_str();
  check_cmd->add_option("--seed,-s", check_opts.seed, "Base seed");
  check_cmd->add_option("--threads,-t", check_opts.threads, "Worker threads (default: all cores)");
  check_cmd->add_option("--set", check_opts.overrides, "Override a parameter: path=value (repeatable)");
  check_cmd->add_flag("--quiet,-q", check_opts.quiet, "No progress line");

  std::string validate_file;
  std::vector<std::string> validate_overrides;
  auto* validate_cmd = app.add_subcommand("validate", "Check a scenario file without running it");
  validate_cmd->add_option("file", validate_file, "Scenario YAML file")->required();
  validate_cmd->add_option("--set", validate_overrides, "Override a parameter: path=value (repeatable)");

  std::string parameter;
  bool markdown = false, outputs = false;
  auto* describe_cmd = app.add_subcommand("describe", "Describe parameters (all, or one by name)");
  describe_cmd->add_option("parameter", parameter, "A parameter name or group.name");
  describe_cmd->add_flag("--markdown", markdown, "Print docs/parameters.md");
  describe_cmd->add_flag("--outputs-markdown", outputs, "Print the output tables of docs/OUTPUT.md");
  std::string sources_file;
  describe_cmd->add_option("--sources", sources_file,
                           "List each parameter a scenario sets with its value and source; count assumptions");

  rf::SweepOptions sweep;
  auto* sweep_cmd =
      app.add_subcommand("sweep", "Run a parameter sweep (also under mpirun); --resume finishes an interrupted one");
  sweep_cmd->add_option("sweep", sweep.sweep_file, "Sweep YAML file (scenarios/sweeps/)")->required();
  sweep_cmd->add_option("--out,-o", sweep.out, "HDF5 file to write")->required();
  sweep_cmd->add_option("--threads,-t", sweep.threads, "Worker threads per process (default: all cores)");
  sweep_cmd->add_flag("--resume", sweep.resume, "Finish an interrupted sweep without redoing its finished runs");
  sweep_cmd->add_flag("--force", sweep.force, "Start over: overwrite the output and discard an interrupted sweep");
  sweep_cmd->add_flag("--quiet,-q", sweep.quiet, "No progress line or summary");

  rf::AnalyzeOptions analyze;
  auto* analyze_cmd =
      app.add_subcommand("analyze", "Sensitivity of an outcome in a sweep file (Sobol, Morris or rank correlation)");
  analyze_cmd->add_option("file", analyze.file, "A file written by `rainforest sweep`")->required();
  analyze_cmd->add_option("--outcome", analyze.outcome, "A moment of --outcomes or a metric name")->capture_default_str();
  analyze_cmd->add_option("--outcomes", analyze.outcomes_file, "Moments file defining outcomes")->capture_default_str();
  analyze_cmd->add_option("--at-month", analyze.at_month, "Evaluate as if runs ended after month M (default: the end)");
  analyze_cmd->add_option("--region", analyze.region, "Region of the outcome (default: the first)");
  analyze_cmd->add_option("--bootstrap", analyze.bootstrap, "Bootstrap resamples for the intervals")->capture_default_str();
  analyze_cmd->add_option("--seed,-s", analyze.seed, "Seed of the bootstrap")->capture_default_str();
  analyze_cmd->add_flag("--quiet,-q", analyze.quiet, "Store the table without printing it");

  rf::CalibrateOptions calib;
  calib.out = "results/calibration.h5";
  auto* calib_cmd = app.add_subcommand("calibrate", "Fit free parameters to target moments (method of simulated moments, NLopt)");
  calib_cmd->add_option("scenario", calib.scenario_file, "Scenario YAML file")->required();
  calib_cmd->add_option("--targets", calib.targets_file, "Targets file (scenarios/targets/)")->required();
  calib_cmd->add_option("--free", calib.free, "A parameter to fit: PATH or PATH=LOW:HIGH (repeatable)")->required();
  calib_cmd->add_option("--budget", calib.budget, "Evaluations of the distance")->capture_default_str();
  calib_cmd->add_option("--runs,-n", calib.runs, "Runs per evaluation (the same seeds every time)")->capture_default_str();
  calib_cmd->add_option("--algorithm", calib.algorithm, "sbplx, neldermead, bobyqa or cobyla")->capture_default_str();
  calib_cmd->add_option("--seed,-s", calib.seed, "Base seed")->capture_default_str();
  calib_cmd->add_option("--threads,-t", calib.threads, "Worker threads (default: all cores)");
  calib_cmd->add_option("--set", calib.overrides, "Override a parameter: path=value (repeatable)");
  calib_cmd->add_option("--out,-o", calib.out, "HDF5 file with the trace and the fit")->capture_default_str();
  calib_cmd->add_option("--scenario-out", calib.scenario_out, "Best scenario as YAML (default: --out with .yaml)");
  calib_cmd->add_flag("--force", calib.force, "Overwrite existing outputs");
  calib_cmd->add_flag("--quiet,-q", calib.quiet, "No progress line or summary");

  std::string report_file, report_dir;
  bool report_force = false;
  auto* report_cmd = app.add_subcommand("report", "Write an HTML report with figures of any rainforest file");
  report_cmd->add_option("file", report_file, "A file written by rainforest")->required();
  report_cmd->add_option("--out,-o", report_dir, "Directory for index.html and the figures")->required();
  report_cmd->add_flag("--force", report_force, "Replace an existing report");

  std::string export_file, export_dir;
  bool export_force = false;
  auto* export_cmd = app.add_subcommand("export", "Write tidy CSV files of any rainforest file, for spreadsheets");
  export_cmd->add_option("file", export_file, "A file written by rainforest")->required();
  export_cmd->add_option("--csv", export_dir, "Directory for the CSV files (created if missing)")->required();
  export_cmd->add_flag("--force", export_force, "Replace an existing export");

  rf::BenchOptions bench;
  auto* bench_cmd = app.add_subcommand("bench", "Time the performance cases of docs/PERFORMANCE.md on this machine");
  bench_cmd->add_option("--scenario", bench.scenario, "Scenario to time")->capture_default_str();
  bench_cmd->add_option("--cases", bench.cases, "Cases: full, scaling, threads, output")->capture_default_str();
  bench_cmd->add_option("--repeat", bench.repeat, "Repeats per case (medians are reported)")->capture_default_str();
  bench_cmd->add_option("--full-scale", bench.full_scale, "simulation.scale of the full case")->capture_default_str();
  bench_cmd->add_option("--small-runs", bench.small_runs, "Runs of the threads and output cases")->capture_default_str();
  bench_cmd->add_option("--small-scale", bench.small_scale, "simulation.scale of those runs")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  run.command_line = repro.command_line = compare.command_line = sweep.command_line = calib.command_line = joined(argc, argv);
  if (compare.threads == 0) compare.threads = std::max(1u, std::thread::hardware_concurrency());
  try {
    if (*sweep_cmd) return rf::run_sweep(sweep, cluster);
    if (cluster.size() > 1) {
      if (!cluster.root()) return 2;
      throw rf::UsageError("only `rainforest sweep` runs under mpirun", "Run other commands as a single process.");
    }
    if (*analyze_cmd) return rf::cli::analyze(analyze);
    if (*bench_cmd) {
      bench.scenario = rf::data_file(bench.scenario);
      return rf::run_bench(bench);
    }
    if (*report_cmd) return rf::write_report(report_file, report_dir, report_force);
    if (*export_cmd) return rf::export_csv(export_file, export_dir, export_force);
    if (*calib_cmd) return rf::run_calibrate(calib);
    if (*run_cmd) return rf::cli::run(run);
    if (*repro_cmd) return rf::cli::reproduce(repro_file, repro);
    if (*compare_cmd) {
      rf::run_compare(compare);
      return 0;
    }
    if (*check_cmd) return rf::cli::check(check_scenario, check_targets, check_runs, check_opts);
    if (*validate_cmd) return rf::cli::validate(validate_file, validate_overrides);
    if (*describe_cmd) return rf::cli::describe(parameter, markdown, outputs, sources_file);
  } catch (const rf::SilentExit& e) {
    return e.exit_code();
  } catch (const rf::Error& e) {
    std::fprintf(stderr, "rainforest: error: %s\n  what to do: %s\n", e.what(), e.remedy().c_str());
    if (cluster.size() == 1) {
      // Skip library clean-up at exit: HDF5 would try again to flush a file that failed.
      std::fflush(nullptr);
      std::_Exit(e.exit_code());
    }
    return e.exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rainforest: unexpected error: %s\n  what to do: this is a bug; please report the command line.\n",
                 e.what());
    return 70;
  }
  return 0;
}
