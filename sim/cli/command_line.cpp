#include "sim/cli/command_line.hpp"

#include <CLI/CLI.hpp>
#include <memory>

#include "models/param_table.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/common_options.hpp"

namespace rf::cli {

namespace {

constexpr std::uint64_t kMaxMonths = 240;          // simulation.months at most (models/parameters.def)
constexpr std::uint64_t kMaxResamples = 100000;    // bootstrap resamples: beyond, intervals move less than their printing
constexpr std::uint64_t kMaxEvaluations = 100000;  // calibration budget
constexpr std::uint64_t kMaxStarts = 1000;         // calibration starting points
constexpr std::uint64_t kMaxPermutations = 100000;

/// Binds `cmd` to `entry`, which gets the options with the command line recorded in them (for
/// the output file).
template <class Options>
Command recording(CLI::App* cmd, const std::shared_ptr<Options>& o, int (*entry)(const Options&)) {
  return {cmd, [o, entry](const Invocation& in) {
            o->command_line = in.command_line;
            return entry(*o);
          }};
}

/// The options `run` and `reproduce` share.
void add_run_options(CLI::App& app, StudyOptions& o) {
  add_out(app, o.out)->required();
  add_force(app, o.force);
  add_resume(app, o.resume);
  add_threads(app, o.threads);
  add_quiet(app, o.quiet);
}

Command add_run_command(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run seeded simulations of a scenario and write them to HDF5");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  add_runs(*cmd, o->runs);
  cmd->add_flag("--profile", o->profile, "Print time per phase (forces one thread)");
  cmd->add_flag("--check", o->check_every_month, "Check accounting identities every month (slower)");
  add_run_options(*cmd, *o);
  add_seed(*cmd, o->seed);
  add_set(*cmd, o->overrides);
  return recording(cmd, o, run);
}

Command add_reproduce_command(CLI::App& app) {
  auto o = std::make_shared<StudyOptions>();
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("reproduce", "Run again the scenario and seeds stored in a result file");
  cmd->add_option("file", *file, "A file written by `rainforest run`")->required();
  add_run_options(*cmd, *o);
  return {cmd, [o, file](const Invocation& in) {
            o->command_line = in.command_line;
            return reproduce(*file, *o);
          }};
}

Command add_compare_command(CLI::App& app) {
  auto o = std::make_shared<CompareSettings>();
  o->outcomes_file = "scenarios/compare/outcomes.yaml";
  o->groups_file = "scenarios/compare/lever-groups.yaml";
  o->out = "results/compare.h5";
  CLI::App* cmd = app.add_subcommand("compare", "Run scenarios with common seeds and compare key outcomes with statistics");
  cmd->add_option("scenarios", o->scenario_files, "Two or more scenario files; differences are to the first")->required();
  add_runs(*cmd, o->runs, "Runs per scenario (same seeds for all); with --precision, the pilot", 2)->capture_default_str();
  add_seed(*cmd, o->seed);
  add_threads(*cmd, o->threads);
  add_set(*cmd, o->overrides, "Override a parameter in every scenario: path=value (repeatable)");
  cmd->add_option("--outcomes", o->outcomes_file, "Outcomes to compare (moments file)")->capture_default_str();
  cmd->add_option("--precision", o->precision,
                  "Add runs until each headline difference's 95 % interval has a half-width at most this share of the "
                  "first scenario's mean, or its sign is resolved (README, 'Enough runs')");
  add_count(*cmd, "--batch", o->batch, 0, kMaxRuns, "Runs per scenario added at each look of --precision (0: --runs)");
  add_count(*cmd, "--max-runs", o->max_runs, 2, kMaxRuns, "Budget of --precision: runs per scenario")->capture_default_str();
  cmd->add_option("--max-seconds", o->max_seconds, "Budget of --precision: wall time (0: none)")->capture_default_str();
  cmd->add_option("--headline", o->headline, "Outcomes --precision must resolve (repeatable; default: all)")->delimiter(',');
  cmd->add_option("--correction", o->correction,
                  "Multiple-comparison correction across the outcomes: holm or bh (Benjamini-Hochberg)")
      ->capture_default_str();
  cmd->add_flag("--independent-seeds", o->independent_seeds,
                "Each scenario its own seeds (unpaired design: Welch and rank tests)");
  cmd->add_flag("--null", o->null_model,
                "Null model: run the first scenario again with independent seeds and report how often two identical "
                "cities differ by at least each observed gap (README, 'Could chance alone make the gap?')");
  CLI::Option* decompose =
      cmd->add_flag("--decompose", o->decompose, "Shapley decomposition of the gap between the first two scenarios");
  cmd->add_option("--groups", o->groups_file,
                  "Lever groups file for --decompose; every differing parameter it does not name joins an automatic group (none: "
                  "automatic groups only)")
      ->capture_default_str()
      ->needs(decompose);
  add_count(*cmd, "--decompose-runs", o->decompose_runs, 2, kMaxRuns, "Runs per counterfactual in --decompose")
      ->capture_default_str()
      ->needs(decompose);
  add_count(*cmd, "--permutations", o->permutations, 1, kMaxPermutations,
            "Sampled orders of groups for --decompose beyond 8 groups")
      ->capture_default_str()
      ->needs(decompose);
  add_count(*cmd, "--robust", o->robust, 2, kMaxRuns,
            "Assumptions varied: N points of a Latin hypercube over both scenarios' plausible ranges, --runs paired runs "
            "each; reports where each difference keeps its sign and which assumptions move it (docs/MODEL.md 8)");
  add_out(*cmd, o->out)->capture_default_str();
  add_force(*cmd, o->force);
  add_resume(*cmd, o->resume, "Finish an interrupted comparison without redoing its finished runs");
  add_quiet(*cmd, o->quiet, "No progress line");
  return recording(cmd, o, compare);
}

Command add_check_command(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Compare a scenario's simulated moments with observed targets");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  cmd->add_option("--targets", o->targets, "Targets file (scenarios/targets/)")->required();
  add_runs(*cmd, o->runs, "Number of seeded runs (two or more: the verdicts use intervals)", 2)->capture_default_str();
  add_seed(*cmd, o->seed);
  add_threads(*cmd, o->threads);
  add_set(*cmd, o->overrides);
  add_quiet(*cmd, o->quiet, "No progress line");
  cmd->add_flag("--strict", o->strict, "Exit with status 1 when any moment is outside its target");
  return {cmd, [o](const Invocation&) { return check(*o); }};
}

Command add_validate_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto overrides = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("validate", "Check a scenario file without running it");
  cmd->add_option("file", *file, "Scenario YAML file")->required();
  add_set(*cmd, *overrides);
  return {cmd, [file, overrides](const Invocation&) { return validate(*file, *overrides); }};
}

Command add_describe_command(CLI::App& app) {
  auto o = std::make_shared<DescribeOptions>();
  CLI::App* cmd = app.add_subcommand("describe", "Describe parameters (all, or one by name)");
  cmd->add_option("parameter", o->parameter, "A parameter name or group.name");
  cmd->add_flag("--markdown", o->markdown, "Print docs/parameters.md");
  cmd->add_flag("--outputs-markdown", o->outputs_markdown, "Print the output tables of docs/OUTPUT.md");
  cmd->add_option("--sources", o->sources_file,
                  "List each parameter a scenario sets with its value and source; count assumptions");
  return {cmd, [o](const Invocation&) { return describe(*o); }};
}

Command add_sweep_command(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand("sweep", "Run a parameter sweep (also under mpirun); --resume finishes an interrupted one");
  cmd->add_option("sweep", o->sweep_file, "Sweep YAML file (scenarios/sweeps/)")->required();
  add_out(*cmd, o->out)->required();
  add_threads(*cmd, o->threads, "Worker threads per process (default: all cores)");
  CLI::Option* resume = add_resume(*cmd, o->resume, "Finish an interrupted sweep without redoing its finished runs");
  cmd->add_flag("--retry-failed", o->retry_failed, "With --resume: run again the points that failed (kept as failed otherwise)")
      ->needs(resume);
  add_force(*cmd, o->force, "Start over: overwrite the output and discard an interrupted sweep");
  add_quiet(*cmd, o->quiet);
  return {cmd,
          [o](const Invocation& in) {
            o->command_line = in.command_line;
            return sweep(*o, in.cluster);
          },
          true};
}

Command add_analyze_command(CLI::App& app) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand("analyze", "Sensitivity of an outcome in a sweep file (Sobol, Morris or rank correlation)");
  cmd->add_option("file", o->file, "A file written by `rainforest sweep`")->required();
  cmd->add_option("--outcome", o->outcome, "A moment of --outcomes or a metric name")->capture_default_str();
  cmd->add_option("--outcomes", o->outcomes_file, "Moments file defining outcomes")->capture_default_str();
  add_count(*cmd, "--at-month", o->at_month, 0, kMaxMonths, "Evaluate as if runs ended after month M (0: the end)");
  cmd->add_option("--region", o->region, "Region of the outcome (default: the first)");
  add_count(*cmd, "--bootstrap", o->bootstrap, 10, kMaxResamples, "Bootstrap resamples for the intervals")->capture_default_str();
  add_seed(*cmd, o->seed, "Seed of the bootstrap")->capture_default_str();
  add_quiet(*cmd, o->quiet, "Store the table without printing it");
  return {cmd, [o](const Invocation&) { return analyze(*o); }};
}

Command add_calibrate_command(CLI::App& app) {
  auto o = std::make_shared<CalibrateOptions>();
  o->out = "results/calibration.h5";
  CLI::App* cmd = app.add_subcommand("calibrate", "Fit free parameters to target moments (method of simulated moments, NLopt)");
  cmd->add_option("scenario", o->scenario_file, "Scenario YAML file")->required();
  cmd->add_option("--targets", o->targets_file, "Targets file (scenarios/targets/)")->required();
  cmd->add_option("--free", o->free, "A parameter to fit: PATH or PATH=LOW:HIGH (repeatable)")->required();
  add_count(*cmd, "--budget", o->budget, 1, kMaxEvaluations, "Evaluations of the distance per start")->capture_default_str();
  add_count(*cmd, "--starts", o->starts, 1, kMaxStarts,
            "Starting points of the optimiser: the scenario's values, then a Latin hypercube over the free ranges; the "
            "table /calibration/starts shows whether their minima agree")
      ->capture_default_str();
  add_runs(*cmd, o->runs, "Runs per evaluation (the same seeds every time)")->capture_default_str();
  cmd->add_option("--algorithm", o->algorithm, "sbplx, neldermead, bobyqa or cobyla")->capture_default_str();
  add_seed(*cmd, o->seed)->capture_default_str();
  add_threads(*cmd, o->threads);
  add_set(*cmd, o->overrides);
  add_out(*cmd, o->out, "HDF5 file with the trace and the fit")->capture_default_str();
  cmd->add_option("--scenario-out", o->scenario_out, "Best scenario as YAML (default: --out with .yaml)");
  cmd->add_flag("--inference", o->inference,
                "At the best point: standard errors, Hansen's J test and an identification check (method of simulated "
                "moments; each target's standard_error, else its tolerance, as the data's standard error; docs/SWEEPS.md)");
  add_force(*cmd, o->force, "Overwrite existing outputs");
  add_resume(*cmd, o->resume, "Finish an interrupted calibration without redoing its finished runs");
  add_quiet(*cmd, o->quiet);
  return recording(cmd, o, calibrate);
}

Command add_report_command(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "Write an HTML report with figures of any rainforest file");
  cmd->add_option("file", o->file, "A file written by rainforest")->required();
  add_out(*cmd, o->out, "Directory for index.html and the figures")->required();
  add_force(*cmd, o->force, "Replace an existing report");
  return {cmd, [o](const Invocation&) { return report(*o); }};
}

Command add_export_command(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Write tidy CSV files of any rainforest file, for spreadsheets");
  cmd->add_option("file", o->file, "A file written by rainforest")->required();
  cmd->add_option("--csv", o->out, "Directory for the CSV files (created if missing)")->required();
  add_force(*cmd, o->force, "Replace an existing export");
  return {cmd, [o](const Invocation&) { return export_tables(*o); }};
}

Command add_bench_command(CLI::App& app) {
  auto o = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand("bench", "Time the performance cases of docs/PERFORMANCE.md on this machine");
  cmd->add_option("--scenario", o->scenario, "Scenario to time")->capture_default_str();
  CLI::Option* cases =
      cmd->add_option("--cases", o->cases, "Cases: full, scaling, threads, output, events (the cost of the firm event log)")
          ->capture_default_str();
  add_count(*cmd, "--repeat", o->repeat, 1, 100, "Repeats per case (medians are reported)")->capture_default_str();
  const ParamSpec& scale = *find_param(Scope::Simulation, "simulation", "scale");
  cmd->add_option("--full-scale", o->full_scale, "simulation.scale of the full case")
      ->capture_default_str()
      ->check(size_rule(scale.min, scale.max));
  CLI::Option* small_runs =
      add_count(*cmd, "--small-runs", o->small_runs, 1, kMaxRuns, "Runs of the threads, output and events cases")
          ->capture_default_str();
  CLI::Option* small_scale = cmd->add_option("--small-scale", o->small_scale, "simulation.scale of those runs")
                                 ->capture_default_str()
                                 ->check(size_rule(scale.min, scale.max));
  cmd->add_option("--against", o->against,
                  "Another rainforest binary: run it and this one alternately (--repeat times each, one run at "
                  "--full-scale on one thread), report medians, their ratio and ns per firm-step, and fail (status 1) "
                  "unless their series are bit-identical")
      ->excludes(cases)
      ->excludes(small_runs)
      ->excludes(small_scale);
  return {cmd, [o](const Invocation&) { return bench(*o); }};
}

}  // namespace

std::vector<Command> add_commands(CLI::App& app) {
  return {add_run_command(app),       add_reproduce_command(app), add_compare_command(app), add_check_command(app),
          add_validate_command(app),  add_describe_command(app),  add_sweep_command(app),   add_analyze_command(app),
          add_calibrate_command(app), add_report_command(app),    add_export_command(app),  add_bench_command(app)};
}

}  // namespace rf::cli
