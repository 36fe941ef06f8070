// rainforest: command-line entry point. Parses arguments, dispatches, turns errors into a
// one-paragraph message and an exit status (docs/CLI in README).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <thread>

#include "sim/cli/commands.hpp"
#include "sim/compare.hpp"
#include "sim/errors.hpp"
#include "sim/version.hpp"

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  run.command_line = repro.command_line = compare.command_line = joined(argc, argv);
  if (compare.threads == 0) compare.threads = std::max(1u, std::thread::hardware_concurrency());
  try {
    if (*run_cmd) return rf::cli::run(run);
    if (*repro_cmd) return rf::cli::reproduce(repro_file, repro);
    if (*compare_cmd) {
      rf::run_compare(compare);
      return 0;
    }
    if (*check_cmd) return rf::cli::check(check_scenario, check_targets, check_runs, check_opts);
    if (*validate_cmd) return rf::cli::validate(validate_file, validate_overrides);
    if (*describe_cmd) return rf::cli::describe(parameter, markdown, outputs, sources_file);
  } catch (const rf::Error& e) {
    std::fprintf(stderr, "rainforest: error: %s\n  what to do: %s\n", e.what(), e.remedy().c_str());
    return e.exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rainforest: unexpected error: %s\n  what to do: this is a bug; please report the command line.\n",
                 e.what());
    return 70;
  }
  return 0;
}
