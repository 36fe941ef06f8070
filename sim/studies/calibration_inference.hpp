// `calibrate --inference`: the method-of-simulated-moments inference (msm_inference.hpp) at the
// best point of a calibration. The targets with a value and a tolerance are the moments. The data
// covariance is diagonal: a target's standard_error (the sampling error of the published value)
// where it gives one, else its tolerance read as one standard error (an assumption: tolerances
// are judgements of how far sources disagree, and the J statistic is then a distance in those
// units rather than a test). Replication r runs
// the scenario with the calibration's seed r (common random numbers); the Jacobian takes
// central differences of 5 % of each free parameter's range, wide enough to average over the
// model's discrete events.
#pragma once
#include <string>
#include <vector>

#include "sim/config/scenario.hpp"
#include "sim/io/table.hpp"
#include "sim/studies/moments.hpp"
#include "sim/studies/msm_inference.hpp"

namespace rf {

struct FreeParameter;
struct CalibrateOptions;

struct CalibrationInference {
  MsmInference msm;
  std::vector<std::string> parameters;          // the free parameters' paths, in order
  std::vector<std::string> moments;             // the targets used (those with value and tolerance), in order
  Eigen::VectorXd targets;                      // their values
  std::vector<double> data_standard_errors;     // per moment: its standard_error, else its tolerance
  std::vector<std::string> tolerance_as_error;  // the moments without a standard_error (tolerance used)
  double relative_step = 0.05;                  // half-width of the central differences, share of each range
};

/// Inference at `best` (the free parameters' values) with options.runs replications (at least 2).
/// Throws UsageError for an integer free parameter (no derivative), fewer than 2 runs, or fewer
/// targets with a value than free parameters.
CalibrationInference calibration_inference(const Scenario& scenario, const std::vector<Moment>& targets,
                                           const std::vector<FreeParameter>& free, const std::vector<double>& best,
                                           const CalibrateOptions& options);

/// The tables of /calibration/inference: `parameters` (rows the free parameters: estimate,
/// standard_error), `moments` (rows the moments: target, simulated, jacobian per parameter) with
/// the attributes j_statistic, j_degrees, j_p_value, rank, condition_number, weakly_identified.
std::vector<Table> inference_tables(const CalibrationInference& inference);

}  // namespace rf
