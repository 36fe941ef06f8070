// `rainforest calibrate`: the method of simulated moments. The distance between simulated and
// target moments (each scaled by its tolerance) is minimised over the free parameters with a
// derivative-free optimiser from NLopt; every evaluation uses the same seeds (common random
// numbers), so the distance is a deterministic function of the parameters.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/config/scenario.hpp"
#include "sim/io/table.hpp"
#include "sim/studies/calibration_inference.hpp"
#include "sim/studies/moments.hpp"
#include "sim/studies/study_options.hpp"

namespace rf {

struct FreeParameter {
  std::string path;  // as for --set
  double low = 0.0, high = 0.0;
  bool integer = false;
};

/// `base` with each free parameter j set to values[j] (as --set would).
Scenario with_values(const Scenario& base, const std::vector<FreeParameter>& free, const std::vector<double>& values);

/// Parses PATH or PATH=LOW:HIGH (default bounds: the parameter table's range).
FreeParameter parse_free_parameter(const Scenario& scenario, const std::string& text);

struct CalibrateOptions : StudyOptions {
  CalibrateOptions() { runs = 8; }  // per evaluation, the same seeds every time
  std::string scenario_file, targets_file, scenario_out, algorithm = "sbplx";
  std::vector<std::string> free;
  std::size_t budget = 60;  // evaluations per start
  // Starting points of the optimiser: the first is the scenario's own values, the others a Latin
  // hypercube over the free parameters' ranges (seeded by --seed); the best over all starts is
  // the fit, and how far the starts' minima lie apart says whether it is a converged minimum.
  std::size_t starts = 1;
  bool inference = false;  // standard errors, J test and identification at the best point (calibration_inference.hpp)
};

struct Evaluation {
  std::vector<double> parameters, moments;
  double distance = 0.0;
  std::size_t start = 0;  // which starting point's search made it
};

struct CalibrationResult {
  std::vector<FreeParameter> free;
  std::vector<Moment> targets;
  std::vector<Evaluation> trace;
  std::size_t best = 0;                 // index into trace
  std::vector<std::size_t> start_best;  // per start: index into trace of its best evaluation
  Scenario best_scenario;
};

/// Distance of simulated moments from targets: sum of ((sim - value) / tolerance)^2, and for
/// bounds-only targets ((sim - bound) / |bound|)^2 when outside.
double moment_distance(const std::vector<Moment>& targets, const std::vector<double>& simulated);

/// Where `rainforest calibrate` journals the moments of every finished run (OUT.parts), keyed by
/// evaluation and run, so a killed calibration resumes (the optimiser asks for the same points in
/// the same order, so journaled runs are found again) and loses nothing finished.
struct CalibrationJournal {
  std::string dir;
  std::uint64_t fingerprint = 0;
};

/// Runs the optimisation (no result file written; with `journal`, runs are journaled there and
/// journaled runs are not run again).
CalibrationResult calibrate(const Scenario& scenario, const std::vector<Moment>& targets, const std::vector<FreeParameter>& free,
                            const CalibrateOptions& options, const CalibrationJournal* journal = nullptr);

/// What `rainforest calibrate` prints; the files hold the same and the whole trace.
struct CalibrationReport {
  CalibrationResult result;
  Table fit;                                      // per moment: target, tolerance, simulated, z
  std::string scenario_out;                       // the best scenario as YAML
  double seconds = 0.0;                           // of the optimisation
  bool already_complete = false;                  // --resume found the output finished: nothing was run
  std::optional<CalibrationInference> inference;  // with --inference
};

/// Loads the scenario and targets, calibrates, writes the HDF5 trace and fit to `out` and the
/// best scenario as YAML. Finished runs are journaled in OUT.parts (--resume continues a killed
/// calibration). `complete` is false when --resume found `out` already finished.
CalibrationReport run_calibrate(const CalibrateOptions& options);

}  // namespace rf
