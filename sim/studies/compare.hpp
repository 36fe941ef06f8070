// `rainforest compare`: several scenarios run with the same seeds (common random numbers),
// key outcomes per scenario with 95 % intervals, each count also per initial firm (rates.hpp),
// paired differences with effect sizes and p-values adjusted across outcomes
// (compare_tables.hpp), optionally as many runs as the precision rule asks for (precision.hpp),
// optionally the null model of two identical cities (null_model.hpp), and optionally the Shapley decomposition of the gap over
// groups of levers (exact for up to 8 groups, from sampled orders of the groups beyond).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/base/stats.hpp"
#include "sim/studies/compare_tables.hpp"
#include "sim/studies/null_model.hpp"
#include "sim/studies/robust.hpp"
#include "sim/studies/study_options.hpp"

namespace rf {

struct CompareSettings : StudyOptions {
  CompareSettings() { runs = 30; }  // with precision > 0: the pilot
  std::vector<std::string> scenario_files;
  std::string outcomes_file;
  std::string groups_file;  // lever groups file for --decompose; "none": automatic groups only (lever_groups.hpp)
  std::size_t decompose_runs = 8;
  std::size_t permutations = 32;  // random orders of groups when there are more than 8 groups
  bool decompose = false;
  bool independent_seeds = false;   // each scenario its own seeds: unpaired tests (Welch, rank)
  bool null_model = false;          // also run the first scenario again with independent seeds (null_model.hpp)
  std::string correction = "holm";  // across the outcomes of a table: holm or bh
  // Enough runs, decided by the data: active when precision > 0.
  double precision = 0.0;             // target half-width of the 95 % interval, share of the first scenario's mean
  std::size_t batch = 0;              // runs added per look (0: as many as the pilot)
  std::size_t max_runs = 200;         // budget of runs per scenario
  double max_seconds = 0.0;           // budget of wall time (0: none)
  std::vector<std::string> headline;  // outcomes that must be resolved (empty: all)
  // Assumptions varied (robust.hpp): points of the Latin hypercube; 0: off.
  std::size_t robust = 0;
};

/// Shapley values of lever groups for the gap first - second scenario, per outcome.
struct ShapleyDecomposition {
  std::vector<std::string> groups;
  bool exact = true;                                 // all coalitions (up to 8 groups), else sampled orders of the groups
  std::size_t runs = 0;                              // runs per counterfactual
  std::vector<std::vector<stats::Interval>> phi;     // [group][outcome]: mean and 95 % interval over runs
  std::vector<stats::Interval> explained;            // [outcome]: v(all groups moved) - v(none)
  std::vector<double> gap;                           // [outcome]: mean of the first - mean of the second
  std::vector<double> gap_runs;                      // [outcome]: the same gap over the decomposition's runs only
  std::vector<std::vector<std::string>> parameters;  // [group]: the differing parameters it moves (group.name)
  std::vector<bool> automatic;                       // [group]: made from the diff, not named in the groups file
  std::vector<std::string> unchanged;                // groups of the file in whose parameters the scenarios agree
};

/// What `rainforest compare` prints; the file holds the same tables and every run.
struct CompareResult {
  std::vector<std::string> scenarios;                   // group names in the file; differences are to the first
  std::vector<std::string> outcomes;                    // the moments, each count followed by <name>_per_firm
  std::size_t runs = 0;                                 // per scenario
  double seconds = 0.0;                                 // wall time of the runs
  std::vector<std::vector<stats::Interval>> intervals;  // [scenario][outcome]
  std::vector<Differences> differences;                 // [scenario - 1]: scenario vs the first
  std::optional<PrecisionReport> precision;             // with --precision
  std::optional<ShapleyDecomposition> decomposition;
  std::optional<NullModel> null;       // with --null
  std::optional<RobustReport> robust;  // with --robust
  bool already_complete = false;       // with --resume: OUT was already this plan's finished file; nothing was run
};

/// Runs the comparison and writes its tables (and every run) to `out`. Finished runs are journaled
/// in OUT.parts (compare_journal.hpp); with settings.resume an interrupted comparison of the same
/// plan redoes only the runs that had not finished. Throws UsageError, ScenarioError, OutputError
/// (OUT or OUT.parts exists without --force or --resume) and Interrupted (the journal is kept).
CompareResult run_compare(const CompareSettings& settings);

/// Exact Shapley weights |S|! (n - |S| - 1)! / n! for coalition sizes 0 .. n-1.
std::vector<double> shapley_weights(std::size_t n);

}  // namespace rf
