#include "sim/studies/compare.hpp"

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include "models/param_table.hpp"
#include "sim/base/data_path.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/progress.hpp"
#include "sim/base/rng.hpp"
#include "sim/base/stats.hpp"
#include "sim/base/text_file.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/config/timeline.hpp"
#include "sim/config/yaml_document.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/engine/memory.hpp"
#include "sim/io/parts_dir.hpp"
#include "sim/io/result_file.hpp"
#include "sim/io/result_layout.hpp"
#include "sim/studies/compare_journal.hpp"
#include "sim/studies/lever_groups.hpp"
#include "sim/studies/moments.hpp"
#include "sim/studies/null_model.hpp"
#include "sim/studies/precision.hpp"
#include "sim/studies/rates.hpp"
#include "sim/studies/robust.hpp"
#include "sim/studies/study_parts.hpp"

namespace rf {

namespace {

/// The moments of the outcomes file and the columns of the tables (each count also per initial firm).
struct Outcomes {
  std::vector<Moment> moments;
  std::vector<OutcomeColumn> columns;
};

/// Runs `seeds` of `s`; returns values[column][run] and writes the runs to `file` as runs
/// first_index, first_index + 1, ... of its current group. Runs found in the journal are not
/// simulated again; every run simulated is journaled (whole, or only its outcome values).
OutcomeRuns run_scenario(const Scenario& s, const std::vector<std::uint64_t>& seeds, unsigned threads, const Outcomes& outcomes,
                         ResultFile* file, std::size_t first_index, const std::function<void()>& on_run,
                         const JournalSlot& slot = {}) {
  const auto factors = column_factors(outcomes.columns, outcomes.moments, s);
  const std::size_t columns = outcomes.columns.size();
  auto outcome_values = [&](const RunResult& r) {
    std::vector<double> v(columns);
    std::vector<double> moment_values(outcomes.moments.size());
    for (std::size_t m = 0; m < outcomes.moments.size(); ++m) moment_values[m] = evaluate(outcomes.moments[m], r, s);
    for (std::size_t c = 0; c < columns; ++c) v[c] = factors[c] * moment_values[outcomes.columns[c].moment];
    return v;
  };
  OutcomeRuns values(columns, std::vector<double>(seeds.size()));
  CompareJournal* journal = slot.journal;
  std::vector<std::size_t> todo;  // the runs to simulate or to read back whole
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    if (journal != nullptr && !slot.whole_runs) {
      if (const auto kept = journal->values(slot.first_id + i, slot.key, columns)) {
        for (std::size_t c = 0; c < columns; ++c) values[c][i] = (*kept)[c];
        on_run();
        continue;
      }
    }
    todo.push_back(i);
  }
  EnsembleOptions eo;
  eo.threads = threads;
  for (const std::size_t i : todo) eo.seeds.push_back(seeds[i]);
  if (journal != nullptr && slot.whole_runs) {
    eo.stored = [&](std::size_t k) { return journal->run(slot.first_id + todo[k]); };
    eo.finished = [&](std::size_t k, const RunResult& r) { journal->add_run(slot.first_id + todo[k], r); };
  } else if (journal != nullptr) {
    eo.finished = [&](std::size_t k, const RunResult& r) {
      journal->add_values(slot.first_id + todo[k], slot.key, outcome_values(r));
    };
  }
  run_ensemble(
      s, eo,
      [&](std::size_t k, RunResult&& r) {
        const std::size_t i = todo[k];
        if (file != nullptr) file->write_run(first_index + i, r);
        const auto v = outcome_values(r);
        for (std::size_t c = 0; c < columns; ++c) values[c][i] = v[c];
      },
      [&](std::size_t, std::size_t) { on_run(); });
  return values;
}

/// Which outcomes the precision rule must resolve: those named (all when none is named).
std::vector<bool> headline_flags(const std::vector<std::string>& requested, const std::vector<std::string>& outcomes) {
  std::vector<bool> flags(outcomes.size(), requested.empty());
  for (const auto& name : requested) {
    const auto it = std::find(outcomes.begin(), outcomes.end(), name);
    if (it == outcomes.end()) {
      std::string known;
      for (const auto& o : outcomes) known += (known.empty() ? "" : ", ") + o;
      throw UsageError("--headline '" + name + "' is not an outcome of the comparison", "Use one of: " + known + ".");
    }
    flags[static_cast<std::size_t>(it - outcomes.begin())] = true;
  }
  return flags;
}

/// Seeds of scenario k: the same for every scenario (paired), or with --independent-seeds a base
/// of its own for each scenario after the first, derived from indices no run uses.
std::uint64_t scenario_base_seed(std::uint64_t seed, std::size_t k, bool independent) {
  return independent && k > 0 ? run_seed(seed, ~std::uint64_t{0} - k) : seed;
}

std::string group_name_for(const Scenario& s, std::size_t k, const std::vector<std::string>& taken) {
  std::string name = s.name;
  for (auto& c : name) c = (c == '/' || c == ' ') ? '_' : c;
  if (std::find(taken.begin(), taken.end(), name) != taken.end()) name += "_" + std::to_string(k);
  return name;
}

struct Decomposition {
  std::vector<std::string> groups;
  // phi[group][outcome][run]
  std::vector<std::vector<std::vector<double>>> phi;
  std::vector<std::vector<double>> explained;  // [outcome][run]: v(all) - v(none)
};

/// Up to this many groups the Shapley values are exact (all 2^n coalitions); beyond, sampled.
constexpr std::size_t kExactShapleyGroups = 8;

/// The groups of --decompose, made before any run so a mistake costs no time: every region
/// parameter in which the two scenarios differ, in exactly one group (lever_groups.hpp).
std::vector<LeverGroup> decomposition_groups(const CompareSettings& cs, const Scenario& a, const Scenario& b,
                                             std::vector<std::string>& unchanged) {
  if (cs.decompose_runs < 2) throw UsageError("--decompose-runs must be at least 2", "Use 8 or more for intervals.");
  if (a.regions.size() != b.regions.size()) {
    throw UsageError("--decompose needs scenarios with the same number of regions",
                     "Decompose single-region presets (e.g. hangzhou.yaml nanjing.yaml).");
  }
  std::string what;
  if (simulation_parameters_differ(a, b, what)) {
    throw UsageError("--decompose moves region parameters only, but the scenarios differ in " + what,
                     "Give both scenarios the same simulation settings (e.g. with --set).");
  }
  const auto user = cs.groups_file == "none" ? std::vector<LeverGroup>{} : load_lever_groups(data_file(cs.groups_file));
  auto groups = attribute_differences(a, b, user, unchanged);
  if (groups.empty()) {
    throw UsageError("--decompose: the two scenarios do not differ in any region parameter",
                     "Compare two scenarios that differ in some region parameter, or leave out --decompose.");
  }
  if (groups.size() > 60) throw UsageError("--decompose handles at most 60 lever groups", "Merge groups in the groups file.");
  return groups;
}

/// Shapley decomposition of the gap a - b. The c-th counterfactual asked for keeps its runs in the
/// journal from id journal_base + c * journal_stride on (compare_journal.hpp).
Decomposition decompose(const Scenario& a, const Scenario& b, const std::vector<LeverGroup>& groups, const Outcomes& outcomes,
                        const std::vector<std::uint64_t>& seeds, unsigned threads, bool quiet, std::size_t permutations,
                        CompareJournal* journal, std::uint64_t journal_base, std::uint64_t journal_stride) {
  const std::size_t n = groups.size();
  // Value of a coalition (bit g set: group g takes the first scenario's values), cached.
  std::map<std::uint64_t, OutcomeRuns> v;
  Progress progress("decomposition", !quiet);
  std::size_t done = 0;
  const bool exact = n <= kExactShapleyGroups;
  const std::size_t total = (exact ? (std::size_t{1} << n) : permutations * n + 1) * seeds.size();
  auto value = [&](std::uint64_t mask) -> const OutcomeRuns& {
    auto it = v.find(mask);
    if (it != v.end()) return it->second;
    Scenario s = b;
    for (std::size_t g = 0; g < n; ++g) {
      if (!(mask & (std::uint64_t{1} << g))) continue;
      for (std::size_t r = 0; r < s.regions.size(); ++r) {
        for (const ParamSpec* p : groups[g].params) copy_parameter(s, a, r, *p);  // with its dated changes
      }
    }
    validate(s, "decomposition counterfactual");
    const JournalSlot slot{journal, journal_base + v.size() * journal_stride, false, mask};
    return v
        .emplace(mask, run_scenario(
                           s, seeds, threads, outcomes, nullptr, 0, [&] { progress.update(++done, total); }, slot))
        .first->second;
  };
  Decomposition d;
  const std::size_t columns = outcomes.columns.size();
  d.phi.assign(n, std::vector<std::vector<double>>(columns, std::vector<double>(seeds.size(), 0.0)));
  d.explained.assign(columns, std::vector<double>(seeds.size(), 0.0));
  for (const auto& g : groups) d.groups.push_back(g.name);
  auto add = [&](std::size_t g, std::uint64_t without, double weight) {
    const OutcomeRuns& lo = value(without);
    const OutcomeRuns& hi = value(without | (std::uint64_t{1} << g));
    for (std::size_t o = 0; o < columns; ++o) {
      for (std::size_t r = 0; r < seeds.size(); ++r) d.phi[g][o][r] += weight * (hi[o][r] - lo[o][r]);
    }
  };
  if (exact) {
    // Every coalition: phi_g = sum over S without g of |S|! (n-|S|-1)! / n! (v(S + g) - v(S)).
    const auto w = shapley_weights(n);
    for (std::size_t g = 0; g < n; ++g) {
      for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << n); ++mask) {
        if (!(mask & (std::uint64_t{1} << g))) add(g, mask, w[static_cast<std::size_t>(__builtin_popcountll(mask))]);
      }
    }
  } else {
    // Sampled (Castro, Gomez & Tejada 2009): average marginal contributions along random orders
    // of the groups; the orders come from a stream keyed by the first seed.
    Stream order_stream(seeds.front(), Entity::Graph, 0, 0, 0);
    std::vector<std::size_t> order(n);
    for (std::size_t k = 0; k < permutations; ++k) {
      for (std::size_t g = 0; g < n; ++g) order[g] = g;
      for (std::size_t g = n - 1; g > 0; --g) std::swap(order[g], order[order_stream.below(static_cast<std::uint32_t>(g + 1))]);
      std::uint64_t mask = 0;
      for (std::size_t g : order) {
        add(g, mask, 1.0 / static_cast<double>(permutations));
        mask |= std::uint64_t{1} << g;
      }
    }
  }
  progress.finish();
  const std::uint64_t all = (std::uint64_t{1} << n) - 1;  // n <= 60
  const OutcomeRuns& full = value(all);
  const OutcomeRuns& none = value(0);
  for (std::size_t o = 0; o < columns; ++o) {
    for (std::size_t r = 0; r < seeds.size(); ++r) d.explained[o][r] = full[o][r] - none[o][r];
  }
  return d;
}

/// Runs the first scenario again with seeds independent of every scenario's (the null copy, in
/// its own group), and sets the gaps of identical cities against the observed mean gaps.
NullModel run_null_model(const CompareSettings& cs, const Scenario& first, const std::vector<std::string>& names,
                         const std::vector<OutcomeRuns>& values, std::size_t runs, const Outcomes& outcomes,
                         const std::vector<std::string>& outcome_names, ResultFile& file, const JournalSlot& slot) {
  constexpr std::uint64_t kNullStream = 0x6e756c6c;  // "null": a seed stream no scenario index reaches
  const std::uint64_t base = run_seed(cs.seed, kNullStream);
  std::vector<std::uint64_t> seeds(runs);
  for (std::size_t i = 0; i < runs; ++i) seeds[i] = run_seed(base, i);
  Provenance prov;
  prov.scenario_yaml = resolved_yaml(first);
  prov.scenario_origin = cs.scenario_files[0];
  const std::string group = "/null/" + names[0];
  file.begin_group(group, prov, first, seeds);
  Progress progress("null model", !cs.quiet);
  std::size_t done = 0;
  const auto copy = run_scenario(
      first, seeds, cs.threads, outcomes, &file, 0, [&] { progress.update(++done, runs); }, slot);
  progress.finish();
  std::vector<std::string> comparisons;
  std::vector<std::vector<double>> observed;
  for (std::size_t k = 1; k < values.size(); ++k) {
    comparisons.push_back(names[k]);
    std::vector<double> row;
    for (std::size_t o = 0; o < values[0].size(); ++o) row.push_back(stats::mean(values[k][o]) - stats::mean(values[0][o]));
    observed.push_back(std::move(row));
  }
  NullModel m = null_model(names[0], values[0], copy, comparisons, observed);
  write_null_model(file, m, outcome_names);
  return m;
}

/// Journal ids of --robust: above every id the comparison's other runs can take (compare_journal.hpp).
constexpr std::uint64_t kRobustJournalBase = std::uint64_t{1} << 40;
constexpr std::uint64_t kRobustJournalKey = 0x726f62757374;  // "robust"

/// Runs the first two scenarios at every point of the assumption design with the first `runs`
/// seeds of the comparison (common random numbers across scenarios and points) and summarizes.
RobustReport run_robust(const CompareSettings& cs, const std::vector<Scenario>& scenarios,
                        const std::vector<RobustDimension>& dims, std::vector<std::string> held,
                        const std::vector<std::uint64_t>& seeds, const Outcomes& outcomes, const Differences& baseline,
                        CompareJournal& journal) {
  RobustReport r;
  r.points = cs.robust;
  r.runs = seeds.size();
  r.seed = cs.seed;
  r.correction = cs.correction;
  r.dimensions = dims;
  r.held = std::move(held);
  r.design = robust_design(r.points, dims.size(), cs.seed);
  const auto correction = stats::parse_correction(cs.correction);
  const std::size_t columns = outcomes.columns.size();
  for (const auto& row : baseline.rows) {
    r.baseline_difference.push_back(row.paired.difference);
    r.baseline_p_adjusted.push_back(row.t_p_adjusted);
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Progress progress("robust", !cs.quiet);
  std::size_t done = 0;
  const std::size_t total = 2 * r.points * r.runs;
  for (std::size_t p = 0; p < r.points; ++p) {
    std::vector<Scenario> at;
    std::string why;
    try {
      for (std::size_t k = 0; k < 2; ++k) at.push_back(robust_scenario(scenarios[k], k, dims, r.design, p));
    } catch (const ScenarioError& e) {
      why = e.what();
    }
    r.valid.push_back(why.empty());
    r.invalid.push_back(why);
    if (!why.empty()) {
      r.difference.emplace_back(columns, nan);
      r.p_adjusted.emplace_back(columns, nan);
      done += 2 * r.runs;
      progress.update(done, total);
      continue;
    }
    std::vector<OutcomeRuns> values;
    for (std::size_t k = 0; k < 2; ++k) {
      const JournalSlot slot{&journal, kRobustJournalBase + (2 * p + k) * r.runs, false, kRobustJournalKey};
      values.push_back(run_scenario(
          at[k], seeds, cs.threads, outcomes, nullptr, 0, [&] { progress.update(++done, total); }, slot));
    }
    const Differences d = differences("first", "second", values[0], values[1], true, correction);
    std::vector<double> diff, padj;
    for (const auto& row : d.rows) {
      diff.push_back(row.paired.difference);
      padj.push_back(row.t_p_adjusted);
    }
    r.difference.push_back(std::move(diff));
    r.p_adjusted.push_back(std::move(padj));
  }
  progress.finish();
  summarize_robust(r);
  return r;
}

}  // namespace

std::vector<double> shapley_weights(std::size_t n) {
  std::vector<double> w(n);
  for (std::size_t s = 0; s < n; ++s) {
    w[s] = std::exp(std::lgamma(static_cast<double>(s) + 1.0) + std::lgamma(static_cast<double>(n - s)) -
                    std::lgamma(static_cast<double>(n) + 1.0));
  }
  return w;
}

namespace {

/// The fingerprint of a comparison's plan: every resolved scenario, the outcomes (and lever
/// groups) files, and every setting that decides which runs are made or how tables are computed.
std::uint64_t compare_fingerprint(const CompareSettings& cs, const std::vector<Scenario>& scenarios, std::size_t budget,
                                  const std::vector<RobustDimension>& dims) {
  std::vector<std::string> texts{"compare"};
  for (const auto& s : scenarios) texts.push_back(resolved_yaml(s));
  texts.push_back(read_text_file(data_file(cs.outcomes_file), "outcomes file"));
  if (cs.decompose && cs.groups_file != "none") texts.push_back(read_text_file(data_file(cs.groups_file), "lever groups file"));
  std::string settings = "seed " + std::to_string(cs.seed) + " runs " + std::to_string(cs.runs) + " budget " +
                         std::to_string(budget) + " precision " + std::to_string(cs.precision) + " batch " +
                         std::to_string(cs.batch) + " max_seconds " + std::to_string(cs.max_seconds) + " correction " +
                         cs.correction + " independent " + std::to_string(cs.independent_seeds) + " null " +
                         std::to_string(cs.null_model) + " decompose " + std::to_string(cs.decompose) + " " +
                         std::to_string(cs.decompose_runs) + " " + std::to_string(cs.permutations) + " headline";
  for (const auto& h : cs.headline) settings += " " + h;
  if (cs.robust > 0) {
    settings += " robust " + std::to_string(cs.robust);
    for (const auto& d : dims) {
      settings += " " + d.name;
      for (std::size_t k = 0; k < d.low.size(); ++k) settings += " " + std::to_string(d.low[k]) + " " + std::to_string(d.high[k]);
    }
  }
  texts.push_back(settings);
  return plan_fingerprint(texts);
}

/// Runs the comparison of `scenarios` and writes its file; the runs are journaled in OUT.parts.
void write_comparison(const CompareSettings& cs, const std::vector<Scenario>& scenarios,
                      const std::vector<std::vector<std::uint64_t>>& seeds, const Outcomes& outcomes,
                      const std::vector<LeverGroup>& groups, const std::vector<std::string>& unchanged_groups,
                      const std::vector<bool>& headline, const PrecisionRule& rule, const std::string& command_line,
                      std::uint64_t fingerprint, const std::vector<RobustDimension>& dims, const std::vector<std::string>& held,
                      CompareResult& result) {
  const bool adaptive = cs.precision != 0.0;
  const bool paired = !cs.independent_seeds;
  const auto correction = stats::parse_correction(cs.correction);
  const std::size_t budget = seeds.front().size();
  const std::vector<std::string>& names = result.scenarios;
  const std::vector<std::string>& outcome_names = result.outcomes;
  CompareJournal journal(parts_dir(cs.out), fingerprint);
  ResultFile file(cs.out, true, "compare", command_line, cs.seed);  // prepare_parts checked --out
  file.set_root_attribute(layout::kPlanFingerprint, hex64(fingerprint));
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    Provenance prov;
    prov.scenario_yaml = resolved_yaml(scenarios[k]);
    std::ifstream in(cs.scenario_files[k]);
    std::stringstream text;
    text << in.rdbuf();
    prov.scenario_input = text.str();
    prov.scenario_origin = cs.scenario_files[k];
    file.begin_group("/scenarios/" + names[k], prov, scenarios[k], seeds[k]);
  }
  // Runs are added look by look; each scenario's runs go to its group in run order.
  std::vector<OutcomeRuns> values(scenarios.size(), OutcomeRuns(outcome_names.size()));
  std::size_t& runs = result.runs;
  std::size_t done = 0;
  Progress progress("compare", !cs.quiet);
  auto extend_to = [&](std::size_t n) {
    for (std::size_t k = 0; k < scenarios.size(); ++k) {
      file.resume_group("/scenarios/" + names[k]);
      const std::vector<std::uint64_t> batch(seeds[k].begin() + static_cast<std::ptrdiff_t>(runs),
                                             seeds[k].begin() + static_cast<std::ptrdiff_t>(n));
      const JournalSlot slot{&journal, k * budget + runs, true, 0};
      const auto v = run_scenario(
          scenarios[k], batch, cs.threads, outcomes, &file, runs, [&] { progress.update(++done, scenarios.size() * n); }, slot);
      for (std::size_t c = 0; c < v.size(); ++c) values[k][c].insert(values[k][c].end(), v[c].begin(), v[c].end());
    }
    runs = n;
  };
  auto resolutions = [&] {
    std::vector<std::vector<Resolution>> r(scenarios.size() - 1);
    for (std::size_t k = 1; k < scenarios.size(); ++k) {
      for (std::size_t o = 0; o < outcome_names.size(); ++o) r[k - 1].push_back(assess(values[0][o], values[k][o], paired, rule));
    }
    return r;
  };
  const auto start = std::chrono::steady_clock::now();
  PrecisionReport report;
  if (adaptive) {
    report.stop = run_until_resolved(rule, [&](std::size_t n) {
      extend_to(n);
      std::vector<Resolution> headline_status;
      for (const auto& comparison : resolutions()) {
        for (std::size_t o = 0; o < comparison.size(); ++o) {
          if (headline[o]) headline_status.push_back(comparison[o]);
        }
      }
      return headline_status;
    });
  } else {
    extend_to(cs.runs);
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.finish();
  if (runs < budget) {
    for (std::size_t k = 0; k < scenarios.size(); ++k) {
      file.resume_group("/scenarios/" + names[k]);
      file.keep_runs(runs);
    }
  }

  // Tables: per scenario mean and interval; per other scenario the difference to the first.
  file.write_strings("/compare/scenarios", names);
  file.write_strings("/compare/outcomes", outcome_names);
  Table mean{"mean", "Mean of each outcome over runs", names, outcome_names, {}};
  Table low{"ci_low", "Lower end of the 95 % t interval of the mean", names, outcome_names, {}};
  Table high{"ci_high", "Upper end of the 95 % t interval of the mean", names, outcome_names, {}};
  result.intervals.resize(scenarios.size());
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    Table run_table{names[k], "Outcome of every run (rows: runs, in seed order)", {}, outcome_names, {}};
    for (std::size_t r = 0; r < runs; ++r) {
      run_table.rows.push_back(std::to_string(r));
      for (std::size_t o = 0; o < outcome_names.size(); ++o) run_table.values.push_back(values[k][o][r]);
    }
    file.write_table("/compare/values", run_table);
    for (std::size_t o = 0; o < outcome_names.size(); ++o) {
      const auto ci = stats::mean_ci95(values[k][o]);
      result.intervals[k].push_back(ci);
      mean.values.push_back(ci.mean);
      low.values.push_back(ci.low);
      high.values.push_back(ci.high);
    }
  }
  file.write_table("/compare", mean);
  file.write_table("/compare", low);
  file.write_table("/compare", high);
  for (std::size_t k = 1; k < scenarios.size(); ++k) {
    result.differences.push_back(differences(names[0], names[k], values[0], values[k], paired, correction));
    write_differences(file, result.differences.back(), outcome_names);
    report.comparisons.push_back(result.differences.back().name());
  }
  if (cs.null_model) {
    const JournalSlot slot{&journal, scenarios.size() * budget, true, 0};
    result.null = run_null_model(cs, scenarios[0], names, values, runs, outcomes, outcome_names, file, slot);
  }
  if (adaptive) {
    report.reference = names[0];
    report.paired = paired;
    report.rule = rule;
    report.headline = headline;
    report.resolutions = resolutions();
    write_precision(file, report, outcome_names);
    result.precision = report;
  }

  if (cs.decompose) {
    const std::vector<std::uint64_t> dseeds(seeds[0].begin(),
                                            seeds[0].begin() + static_cast<std::ptrdiff_t>(std::min(cs.decompose_runs, runs)));
    const auto d = decompose(scenarios[0], scenarios[1], groups, outcomes, dseeds, cs.threads, cs.quiet, cs.permutations,
                             &journal, (scenarios.size() + 1) * budget, cs.decompose_runs);
    ShapleyDecomposition& shapley = result.decomposition.emplace();
    shapley.groups = d.groups;
    shapley.exact = d.groups.size() <= kExactShapleyGroups;
    shapley.runs = dseeds.size();
    std::vector<std::string> parameter_paths, parameter_groups;
    for (const auto& g : groups) {
      shapley.parameters.emplace_back();
      shapley.automatic.push_back(g.automatic);
      for (const ParamSpec* p : g.params) {
        shapley.parameters.back().push_back(p->path());
        parameter_paths.push_back(p->path());
        parameter_groups.push_back(g.name);
      }
    }
    shapley.unchanged = unchanged_groups;
    file.write_strings("/compare/decomposition/groups", d.groups);
    file.write_strings("/compare/decomposition/parameters", parameter_paths);
    file.write_strings("/compare/decomposition/parameter_groups", parameter_groups);
    Table phi{"shapley", "Mean Shapley value of each lever group (rows) for each outcome (columns)", d.groups, outcome_names, {}};
    Table phi_low{"shapley_ci_low", "Lower end of the 95 % interval over runs", d.groups, outcome_names, {}};
    Table phi_high{"shapley_ci_high", "Upper end of the 95 % interval over runs", d.groups, outcome_names, {}};
    shapley.phi.resize(d.groups.size());
    for (std::size_t g = 0; g < d.groups.size(); ++g) {
      for (std::size_t o = 0; o < outcome_names.size(); ++o) {
        const auto ci = stats::mean_ci95(d.phi[g][o]);
        shapley.phi[g].push_back(ci);
        phi.values.push_back(ci.mean);
        phi_low.values.push_back(ci.low);
        phi_high.values.push_back(ci.high);
      }
    }
    Table explained_table{"explained",
                          "all_groups: mean of v(all groups moved) - v(none), the part of the gap the groups explain "
                          "together; gap_same_runs: the gap over the same runs; residual: their difference (0 up to "
                          "rounding when every differing parameter is in a group)",
                          {"all_groups"},
                          outcome_names,
                          {}};
    for (std::size_t o = 0; o < outcome_names.size(); ++o) {
      shapley.explained.push_back(stats::mean_ci95(d.explained[o]));
      shapley.gap.push_back(stats::mean(values[0][o]) - stats::mean(values[1][o]));
      double gap_runs = 0.0;
      for (std::size_t r = 0; r < dseeds.size(); ++r) gap_runs += values[0][o][r] - values[1][o][r];
      shapley.gap_runs.push_back(gap_runs / static_cast<double>(dseeds.size()));
      explained_table.values.push_back(shapley.explained.back().mean);
    }
    explained_table.rows.emplace_back("gap_same_runs");
    explained_table.values.insert(explained_table.values.end(), shapley.gap_runs.begin(), shapley.gap_runs.end());
    explained_table.rows.emplace_back("residual");
    for (std::size_t o = 0; o < outcome_names.size(); ++o) {
      explained_table.values.push_back(shapley.gap_runs[o] - shapley.explained[o].mean);
    }
    file.write_table("/compare/decomposition", explained_table);
    file.write_table("/compare/decomposition", phi);
    file.write_table("/compare/decomposition", phi_low);
    file.write_table("/compare/decomposition", phi_high);
  }
  if (cs.robust > 0) {
    const std::vector<std::uint64_t> rseeds(seeds[0].begin(), seeds[0].begin() + static_cast<std::ptrdiff_t>(runs));
    result.robust = run_robust(cs, scenarios, dims, held, rseeds, outcomes, result.differences.front(), journal);
    write_robust(file, *result.robust, names, outcome_names);
  }
  file.commit();
}

}  // namespace

CompareResult run_compare(const CompareSettings& cs) {
  if (cs.scenario_files.size() < 2)
    throw UsageError("compare needs at least two scenarios", "rainforest compare A.yaml B.yaml ...");
  if (cs.runs < 2)
    throw UsageError("--runs must be at least 2 for intervals", "Use --runs 30 or more for the documents' comparison.");
  const bool adaptive = cs.precision != 0.0;
  PrecisionRule rule;
  rule.relative_half_width = cs.precision;
  rule.pilot = cs.runs;
  rule.batch = cs.batch > 0 ? cs.batch : cs.runs;
  rule.max_runs = cs.max_runs;
  rule.max_seconds = cs.max_seconds;
  if (adaptive) rule.check();
  CompareResult result;
  std::vector<Scenario> scenarios;
  std::vector<std::string>& names = result.scenarios;
  for (std::size_t k = 0; k < cs.scenario_files.size(); ++k) {
    Scenario s = load_scenario_file(cs.scenario_files[k], cs.overrides);
    check_memory(s, cs.threads);
    check_disk(s, adaptive ? cs.max_runs : cs.runs, cs.out);
    names.push_back(group_name_for(s, k, names));
    scenarios.push_back(std::move(s));
  }
  Outcomes outcomes;
  outcomes.moments = load_moments(data_file(cs.outcomes_file), "outcomes");
  outcomes.columns = outcome_columns(outcomes.moments);
  std::vector<std::string>& outcome_names = result.outcomes;
  outcome_names.reserve(outcomes.columns.size());
  for (const auto& c : outcomes.columns) outcome_names.push_back(c.name);
  const auto headline = headline_flags(cs.headline, outcome_names);
  std::vector<std::string> unchanged_groups;
  const auto groups =
      cs.decompose ? decomposition_groups(cs, scenarios[0], scenarios[1], unchanged_groups) : std::vector<LeverGroup>{};
  const std::size_t budget = adaptive ? rule.max_runs : cs.runs;
  std::vector<std::vector<std::uint64_t>> seeds(scenarios.size(), std::vector<std::uint64_t>(budget));
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    const std::uint64_t base = scenario_base_seed(cs.seed, k, cs.independent_seeds);
    for (std::size_t i = 0; i < budget; ++i) seeds[k][i] = run_seed(base, i);
  }

  // What the runs and tables depend on: a resumed command must find the same plan.
  std::vector<std::string> held;
  std::vector<RobustDimension> dims;
  if (cs.robust > 0) {
    if (cs.independent_seeds) {
      throw UsageError("--robust pairs runs by their seeds", "Leave out --independent-seeds.");
    }
    if (cs.robust < 2) throw UsageError("--robust needs at least 2 points", "Use 16 or more for the rank correlations.");
    dims = robust_dimensions(scenarios, names, held);
    if (dims.empty()) {
      throw UsageError("--robust: neither scenario has an assumed value with a plausible range",
                       "Give ranges in the scenarios' 'ranges:' blocks (docs/MODEL.md 8), or leave out --robust.");
    }
  }
  const std::uint64_t fingerprint = compare_fingerprint(cs, scenarios, budget, dims);
  const PartsRequest request = study_parts_request(cs, fingerprint, "comparison");
  PartsState parts;
  try {
    parts = prepare_parts(request);
  } catch (const AlreadyComplete&) {
    result.already_complete = true;
    return result;
  }
  try {
    write_comparison(cs, scenarios, seeds, outcomes, groups, unchanged_groups, headline, rule, parts.command_line, fingerprint,
                     dims, held, result);
  } catch (const Interrupted& e) {
    throw Interrupted("interrupted: the comparison's finished runs are kept in '" + parts_dir(cs.out) + "'",
                      "Resume with: " + request.resume_command + " (it redoes only the runs that had not finished)",
                      e.exit_code() - 128);
  } catch (...) {
    remove_parts_without_runs(cs.out, fingerprint);  // a failure before any run finished leaves nothing to resume
    throw;
  }
  remove_parts(cs.out);
  return result;
}

}  // namespace rf
