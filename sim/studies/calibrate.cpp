#include "sim/studies/calibrate.hpp"

#include <nlopt.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "models/param_table.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/progress.hpp"
#include "sim/base/rng.hpp"
#include "sim/base/suggest.hpp"
#include "sim/base/text_file.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/engine/memory.hpp"
#include "sim/io/journal.hpp"
#include "sim/io/output_path.hpp"
#include "sim/io/parts_dir.hpp"
#include "sim/io/result_file.hpp"
#include "sim/io/result_layout.hpp"
#include "sim/studies/design.hpp"
#include "sim/studies/study_parts.hpp"

namespace rf {

namespace {

nlopt::algorithm algorithm_named(const std::string& name) {
  if (name == "sbplx") return nlopt::LN_SBPLX;
  if (name == "neldermead") return nlopt::LN_NELDERMEAD;
  if (name == "bobyqa") return nlopt::LN_BOBYQA;
  if (name == "cobyla") return nlopt::LN_COBYLA;
  const auto near = closest(name, {"sbplx", "neldermead", "bobyqa", "cobyla"});
  throw UsageError("unknown --algorithm '" + name + "'",
                   "Use sbplx (default), neldermead, bobyqa or cobyla" +
                       (near.empty() ? std::string(".") : " (did you mean '" + near + "'?)."));
}

/// No evaluation yet.
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
/// Stream of the Latin hypercube of starting points (separate from any sweep design's).
constexpr std::uint32_t kMultistartStream = 7;

/// One search of the optimiser from x (unit cube) with o.budget evaluations of `evaluate_at`;
/// rethrows an evaluation's error with its type.
template <typename Evaluate>
void optimise_from(std::vector<double> x, const CalibrateOptions& o, Evaluate& evaluate_at) {
  const std::size_t d = x.size();
  struct Context {
    std::size_t d;
    Evaluate* evaluate;
    std::exception_ptr error;
    nlopt::opt* opt;
  };
  nlopt::opt opt(algorithm_named(o.algorithm), static_cast<unsigned>(d));
  Context ctx{d, &evaluate_at, nullptr, &opt};
  opt.set_lower_bounds(std::vector<double>(d, 0.0));
  opt.set_upper_bounds(std::vector<double>(d, 1.0));
  opt.set_maxeval(static_cast<int>(o.budget));
  opt.set_xtol_abs(1e-4);
  opt.set_initial_step(std::vector<double>(d, 0.25));
  opt.set_min_objective(
      [](unsigned n, const double* xs, double*, void* data) {
        auto* c = static_cast<Context*>(data);
        try {
          return (*c->evaluate)(std::vector<double>(xs, xs + n));
        } catch (...) {  // NLopt would lose the error's type: keep it and stop
          c->error = std::current_exception();
          c->opt->force_stop();
          return HUGE_VAL;
        }
      },
      &ctx);
  double best = 0.0;
  try {
    opt.optimize(x, best);
  } catch (const nlopt::roundoff_limited&) {  // the best point so far stands
  } catch (const nlopt::forced_stop&) {
  } catch (const std::runtime_error&) {
    if (!ctx.error) throw;
  }
  if (ctx.error) std::rethrow_exception(ctx.error);
}

}  // namespace

Scenario with_values(const Scenario& base, const std::vector<FreeParameter>& free, const std::vector<double>& values) {
  Scenario s = base;
  for (std::size_t j = 0; j < free.size(); ++j) {
    const ParamSpec& spec = override_target(s, free[j].path);
    apply_override(s, free[j].path + "=" + spec.format_value(values[j]));
  }
  return s;
}

FreeParameter parse_free_parameter(const Scenario& scenario, const std::string& text) {
  FreeParameter f;
  const auto eq = text.find('=');
  f.path = text.substr(0, eq);
  const ParamSpec& spec = override_target(scenario, f.path);
  if (spec.kind == Kind::Bool || spec.kind == Kind::Choice || spec.kind == Kind::Month) {
    throw UsageError("--free " + f.path + " is not numeric", "Calibrate numbers; set true/false, choices and dates with --set.");
  }
  f.integer = spec.kind == Kind::Int;
  f.low = spec.min;
  f.high = spec.max;
  if (eq != std::string::npos) {
    const auto range = text.substr(eq + 1);
    const auto colon = range.find(':');
    try {
      if (colon == std::string::npos) throw std::invalid_argument("no colon");
      f.low = std::stod(range.substr(0, colon));
      f.high = std::stod(range.substr(colon + 1));
    } catch (const std::exception&) {
      throw UsageError("--free " + text + ": the range must be LOW:HIGH", "Write e.g. --free " + f.path + "=0.01:0.05");
    }
  }
  if (!(f.low < f.high) || f.low < spec.min || f.high > spec.max || !std::isfinite(f.low) || !std::isfinite(f.high)) {
    throw UsageError("--free " + text + ": the range must satisfy low < high inside [" + spec.format_value(spec.min) + ", " +
                         spec.format_value(spec.max) + "]",
                     "Give finite bounds inside the parameter's range (`rainforest describe " + std::string(spec.name) + "`).");
  }
  return f;
}

double moment_distance(const std::vector<Moment>& targets, const std::vector<double>& sim) {
  double d = 0.0;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const Moment& m = targets[t];
    if (m.value && m.tolerance) {
      const double z = (sim[t] - *m.value) / std::max(*m.tolerance, 1e-12);
      d += z * z;
    }
    // Bounds only: relative distance outside them.
    if (m.min && sim[t] < *m.min) {
      const double z = (sim[t] - *m.min) / std::max(std::abs(*m.min), 1e-12);
      d += z * z;
    }
    if (m.max && sim[t] > *m.max) {
      const double z = (sim[t] - *m.max) / std::max(std::abs(*m.max), 1e-12);
      d += z * z;
    }
  }
  return d;
}

CalibrationResult calibrate(const Scenario& scenario, const std::vector<Moment>& targets, const std::vector<FreeParameter>& free,
                            const CalibrateOptions& o, const CalibrationJournal* journal) {
  CalibrationResult result;
  result.free = free;
  result.targets = targets;
  const std::size_t d = free.size();
  std::vector<std::uint64_t> seeds(o.runs);
  for (std::size_t i = 0; i < o.runs; ++i) seeds[i] = run_seed(o.seed, i);
  Progress progress("calibrate", !o.quiet, "evaluations");
  const std::size_t starts = std::max<std::size_t>(o.starts, 1);
  progress.expect(o.budget * starts, static_cast<std::size_t>(scenario.sim.months) * o.runs);
  std::map<std::uint64_t, JournalRecord> journaled;
  std::unique_ptr<JournalWriter> writer;
  if (journal != nullptr) {
    journaled = scan_journals(journal->dir, journal->fingerprint);
    writer = std::make_unique<JournalWriter>(journal->dir, journal->fingerprint, 0);
  }

  // The optimiser works on the unit cube; integers are rounded when the scenario is built.
  auto to_values = [&](const std::vector<double>& x) {
    std::vector<double> v(d);
    for (std::size_t j = 0; j < d; ++j) {
      v[j] = free[j].low + std::clamp(x[j], 0.0, 1.0) * (free[j].high - free[j].low);
      if (free[j].integer) v[j] = std::round(v[j]);
    }
    return v;
  };
  auto evaluate_at = [&](const std::vector<double>& x) {
    Evaluation e;
    e.parameters = to_values(x);
    const Scenario s = with_values(scenario, free, e.parameters);
    validate(s, "the calibrated scenario");
    // moments[run]; a journal record of a run holds the evaluation's parameters, then the moments.
    const std::size_t evaluation = result.trace.size();
    std::vector<std::vector<double>> moments(seeds.size());
    EnsembleOptions eo;
    eo.threads = o.threads;
    std::vector<std::size_t> runs;  // the runs still to do
    for (std::size_t i = 0; i < seeds.size(); ++i) {
      const auto it = journaled.find(evaluation * seeds.size() + i);
      if (it != journaled.end()) {
        const auto record = read_journal_record(it->second);
        if (record.size() == d + targets.size() && std::equal(e.parameters.begin(), e.parameters.end(), record.begin())) {
          moments[i].assign(record.begin() + static_cast<std::ptrdiff_t>(d), record.end());
          progress.months_done(static_cast<std::size_t>(s.sim.months), false);
          continue;
        }
      }
      runs.push_back(i);
      eo.seeds.push_back(seeds[i]);
    }
    eo.run.month_done = [&] { progress.months_done(1); };
    eo.finished = [&](std::size_t k, const RunResult& r) {
      std::vector<double> record = e.parameters;
      for (const auto& t : targets) record.push_back(evaluate(t, r, s));
      if (writer) writer->append(evaluation * seeds.size() + runs[k], record);
      moments[runs[k]].assign(record.begin() + static_cast<std::ptrdiff_t>(d), record.end());
    };
    run_ensemble(s, eo, [](std::size_t, RunResult&&) {});
    // Summed in run order, so the distance does not depend on which run finished first.
    std::vector<double> sums(targets.size(), 0.0);
    for (const auto& m : moments) {
      for (std::size_t t = 0; t < targets.size(); ++t) sums[t] += m[t];
    }
    for (auto& v : sums) v /= static_cast<double>(seeds.size());
    e.moments = sums;
    e.distance = moment_distance(targets, sums);
    e.start = result.start_best.size() - 1;
    result.trace.push_back(e);
    const std::size_t index = result.trace.size() - 1;
    if (e.distance < result.trace[result.best].distance) result.best = index;
    std::size_t& own = result.start_best.back();
    if (own == kNone || e.distance < result.trace[own].distance) own = index;
    progress.update(result.trace.size(), o.budget * starts);
    return e.distance;
  };

  // Start 0: the scenario's values; starts 1.. : a Latin hypercube on the unit cube.
  std::vector<std::vector<double>> origins(1, std::vector<double>(d));
  for (std::size_t j = 0; j < d; ++j) {
    const double now = read_parameter(scenario, free[j].path);
    origins[0][j] = std::clamp((now - free[j].low) / (free[j].high - free[j].low), 0.0, 1.0);
  }
  if (starts > 1) {
    const DesignMatrix lhs = latin_hypercube(starts - 1, d, o.seed, kMultistartStream);
    for (std::size_t s = 0; s < lhs.points; ++s) {
      origins.emplace_back(d);
      for (std::size_t j = 0; j < d; ++j) origins.back()[j] = lhs.at(s, j);
    }
  }
  for (const auto& x : origins) {
    result.start_best.push_back(kNone);
    optimise_from(x, o, evaluate_at);
  }
  progress.finish();
  if (result.trace.empty()) throw ModelError("the optimiser evaluated nothing", "Raise --budget.");
  result.best_scenario = with_values(scenario, free, result.trace[result.best].parameters);
  return result;
}

CalibrationReport run_calibrate(const CalibrateOptions& o) {
  const Scenario scenario = load_scenario_file(o.scenario_file, o.overrides);
  const auto targets = load_moments(o.targets_file, "targets");
  if (o.free.empty())
    throw UsageError("calibrate needs at least one --free PARAM", "Add e.g. --free regions.*.firms.entry_rate=0.001:0.01");
  if (o.runs == 0 || o.budget == 0) throw UsageError("--runs and --budget must be at least 1", "Pass positive numbers.");
  std::vector<FreeParameter> free;
  for (const auto& f : o.free) free.push_back(parse_free_parameter(scenario, f));
  const std::string scenario_out =
      o.scenario_out.empty() ? std::filesystem::path(o.out).replace_extension(".yaml").string() : o.scenario_out;
  check_output_path(scenario_out, o.force);
  check_memory(scenario, static_cast<unsigned>(std::min<std::size_t>(o.runs, o.threads)));
  // What the evaluations depend on: a resume must find the same plan.
  std::string settings = o.algorithm + " budget " + std::to_string(o.budget) + " starts " + std::to_string(o.starts) + " runs " +
                         std::to_string(o.runs) + " seed " + std::to_string(o.seed);
  for (const auto& f : free) settings += " " + f.path + "=" + std::to_string(f.low) + ":" + std::to_string(f.high);
  const std::uint64_t fingerprint =
      plan_fingerprint({"calibrate", resolved_yaml(scenario), read_text_file(o.targets_file, "targets file"), settings});
  const PartsRequest request = study_parts_request(o, fingerprint, "calibration");
  CalibrationReport report;
  report.scenario_out = scenario_out;
  PartsState parts;
  try {
    parts = prepare_parts(request);
  } catch (const AlreadyComplete&) {
    report.already_complete = true;
    return report;
  }

  const auto start = std::chrono::steady_clock::now();
  const CalibrationJournal journal{parts_dir(o.out), fingerprint};
  try {
    report.result = calibrate(scenario, targets, free, o, &journal);
  } catch (const Interrupted& e) {
    throw Interrupted("interrupted: the calibration's finished runs are kept in '" + parts_dir(o.out) + "'",
                      "Resume with: " + request.resume_command, e.exit_code() - 128);
  } catch (...) {
    remove_parts_without_runs(o.out, fingerprint);  // a failure before any run finished leaves nothing to resume
    throw;
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const CalibrationResult& r = report.result;
  const Evaluation& best = r.trace[r.best];

  ResultFile file(o.out, true, "calibration", parts.command_line, o.seed);  // prepare_parts checked --out
  file.set_root_attribute(layout::kPlanFingerprint, request.fingerprint);
  Provenance prov;
  prov.command_line = parts.command_line;
  prov.scenario_yaml = resolved_yaml(r.best_scenario);
  prov.scenario_input = read_text_file(o.scenario_file, "input file");
  prov.scenario_origin = o.scenario_file;
  prov.base_seed = o.seed;
  std::vector<std::uint64_t> seeds(o.runs);
  for (std::size_t i = 0; i < o.runs; ++i) seeds[i] = run_seed(o.seed, i);
  Scenario no_snapshot = r.best_scenario;
  no_snapshot.sim.snapshot_firms = false;
  file.begin_group("/best", prov, no_snapshot, seeds);
  Table trace;
  trace.name = "trace";
  trace.description = "Every evaluation in order: free parameters, distance, simulated moments (mean over the runs)";
  trace.columns.emplace_back("start");
  for (const auto& f : free) trace.columns.push_back(f.path);
  trace.columns.emplace_back("distance");
  for (const auto& t : targets) trace.columns.push_back(t.name);
  for (std::size_t e = 0; e < r.trace.size(); ++e) {
    trace.rows.push_back(std::to_string(e));
    const auto& ev = r.trace[e];
    trace.values.push_back(static_cast<double>(ev.start));
    trace.values.insert(trace.values.end(), ev.parameters.begin(), ev.parameters.end());
    trace.values.push_back(ev.distance);
    trace.values.insert(trace.values.end(), ev.moments.begin(), ev.moments.end());
  }
  file.write_table("/calibration", trace);
  Table& fit = report.fit;
  fit.name = "fit";
  fit.description = "Fit per moment at the best point: target value, tolerance, simulated, (simulated - value) / tolerance";
  fit.columns = {"target", "tolerance", "simulated", "z"};
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const auto& m = targets[t];
    const double value = m.value.value_or(NAN), tol = m.tolerance.value_or(NAN);
    fit.rows.push_back(m.name);
    fit.values.insert(fit.values.end(), {value, tol, best.moments[t], m.value ? (best.moments[t] - value) / tol : NAN});
  }
  file.write_table("/calibration", fit);
  Table bounds;
  bounds.name = "free";
  bounds.description = "Free parameters: lower bound, upper bound, best value";
  bounds.columns = {"low", "high", "best"};
  for (std::size_t j = 0; j < free.size(); ++j) {
    bounds.rows.push_back(free[j].path);
    bounds.values.insert(bounds.values.end(), {free[j].low, free[j].high, best.parameters[j]});
  }
  file.write_table("/calibration", bounds);
  Table starts;
  starts.name = "starts";
  starts.description =
      "Per starting point of the optimiser (0: the scenario's values; then a Latin hypercube): the evaluation where its "
      "search ended best, its distance and free parameters; minima far apart with similar distances mean a flat or "
      "multimodal objective, not a converged minimum";
  starts.columns = {"evaluation", "distance"};
  for (const auto& f : free) starts.columns.push_back(f.path);
  for (std::size_t s = 0; s < r.start_best.size(); ++s) {
    const Evaluation& ev = r.trace[r.start_best[s]];
    starts.rows.push_back(std::to_string(s));
    starts.values.insert(starts.values.end(), {static_cast<double>(r.start_best[s]), ev.distance});
    starts.values.insert(starts.values.end(), ev.parameters.begin(), ev.parameters.end());
  }
  file.write_table("/calibration", starts);
  if (o.inference) {
    report.inference = calibration_inference(scenario, targets, free, best.parameters, o);
    for (const Table& t : inference_tables(*report.inference)) file.write_table("/calibration/inference", t);
  }
  file.write_text("/calibration/targets_text", read_text_file(o.targets_file, "input file"),
                  "The targets file as written (" + o.targets_file + ").");
  file.commit();
  remove_parts(o.out);

  // The best scenario as a file that loads back to exactly these values.
  std::ostringstream yaml;
  yaml << "# Calibrated by: " << o.command_line << "\n# Distance " << best.distance << " after " << r.trace.size()
       << " evaluations of " << o.runs << " runs each; trace and fit in " << o.out << "\n";
  for (std::size_t j = 0; j < free.size(); ++j) {
    yaml << "# " << free[j].path << " = " << override_target(scenario, free[j].path).format_value(best.parameters[j])
         << " (calibrated in [" << free[j].low << ", " << free[j].high << "])\n";
  }
  yaml << resolved_yaml(r.best_scenario);
  const std::string tmp = scenario_out + ".tmp";
  {
    std::ofstream out(tmp);
    out << yaml.str();
    if (!out) throw OutputError("cannot write '" + tmp + "'", "Check that the directory is writable.");
  }
  std::filesystem::rename(tmp, scenario_out);

  return report;
}

}  // namespace rf
