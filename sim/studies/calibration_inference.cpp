#include "sim/studies/calibration_inference.hpp"

#include "sim/base/errors.hpp"
#include "sim/base/number_text.hpp"
#include "sim/base/rng.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/studies/calibrate.hpp"

namespace rf {

CalibrationInference calibration_inference(const Scenario& scenario, const std::vector<Moment>& targets,
                                           const std::vector<FreeParameter>& free, const std::vector<double>& best,
                                           const CalibrateOptions& o) {
  CalibrationInference out;
  for (const auto& f : free) {
    if (f.integer) {
      throw UsageError("--inference needs continuous free parameters; '" + f.path + "' is an integer",
                       "Drop --inference or calibrate that parameter separately.");
    }
    out.parameters.push_back(f.path);
  }
  if (o.runs < 2) throw UsageError("--inference needs at least 2 runs per evaluation", "Pass --runs 8 or more.");
  std::vector<std::size_t> used;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    if (targets[t].value && targets[t].tolerance) {
      used.push_back(t);
      out.moments.push_back(targets[t].name);
    }
  }
  if (used.size() < free.size()) {
    throw UsageError("--inference needs at least as many targets with a value as free parameters",
                     "Add targets with value and tolerance, or free fewer parameters.");
  }
  MsmProblem p;
  const auto m = static_cast<Eigen::Index>(used.size());
  p.data.resize(m);
  p.data_covariance = Eigen::MatrixXd::Zero(m, m);
  for (Eigen::Index k = 0; k < m; ++k) {
    const Moment& t = targets[used[static_cast<std::size_t>(k)]];
    p.data(k) = *t.value;
    const double se = t.standard_error.value_or(*t.tolerance);
    p.data_covariance(k, k) = se * se;
    out.data_standard_errors.push_back(se);
    if (!t.standard_error) out.tolerance_as_error.push_back(t.name);
  }
  p.simulate = [&](const Eigen::VectorXd& theta, std::size_t r) {
    const Scenario s = with_values(scenario, free, std::vector<double>(theta.data(), theta.data() + theta.size()));
    const RunResult run = simulate(s, run_seed(o.seed, r));
    Eigen::VectorXd v(m);
    for (Eigen::Index k = 0; k < m; ++k) v(k) = evaluate(targets[used[static_cast<std::size_t>(k)]], run, s);
    return v;
  };
  Eigen::VectorXd theta(static_cast<Eigen::Index>(free.size())), step(static_cast<Eigen::Index>(free.size()));
  for (std::size_t j = 0; j < free.size(); ++j) {
    theta(static_cast<Eigen::Index>(j)) = best[j];
    step(static_cast<Eigen::Index>(j)) = out.relative_step * (free[j].high - free[j].low);
  }
  out.targets = p.data;
  out.msm = msm_inference(p, theta, o.runs, step);
  return out;
}

namespace {

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
  return out;
}

}  // namespace

std::vector<Table> inference_tables(const CalibrationInference& c) {
  const MsmInference& i = c.msm;
  std::vector<std::string> weak_names;
  for (const std::size_t j : i.weakly_identified) weak_names.push_back(c.parameters[j]);
  const std::string weak = join_names(weak_names);
  const std::vector<std::pair<std::string, std::string>> attributes = {
      {"j_statistic", significant(i.j_statistic, 6)},
      {"j_degrees", std::to_string(i.j_degrees)},
      {"j_p_value", significant(i.j_p_value, 6)},
      {"rank", std::to_string(i.rank)},
      {"condition_number", significant(i.condition_number, 6)},
      {"weakly_identified", weak},
      {"relative_step", significant(c.relative_step, 6)},
      {"data_covariance",
       "diagonal: each target's standard_error (sampling error of the published value) where given, "
       "else its tolerance read as one standard error"},
      {"tolerance_as_error", join_names(c.tolerance_as_error)}};
  Table parameters{"parameters", "Free parameters at the best point: estimate and standard error (MSM sandwich)",
                   c.parameters, {"estimate", "standard_error"},
                   {},           attributes};
  for (Eigen::Index j = 0; j < i.theta.size(); ++j)
    parameters.values.insert(parameters.values.end(), {i.theta(j), i.standard_errors(j)});
  Table moments{"moments",
                "Moments used: target, the standard error of the data used, mean simulated over the runs, and d simulated / d "
                "parameter",
                c.moments,
                {"target", "data_standard_error", "simulated"},
                {},
                attributes};
  for (const auto& name : c.parameters) moments.columns.push_back("d/d " + name);
  for (Eigen::Index k = 0; k < i.simulated.size(); ++k) {
    moments.values.insert(moments.values.end(),
                          {c.targets(k), c.data_standard_errors[static_cast<std::size_t>(k)], i.simulated(k)});
    for (Eigen::Index j = 0; j < i.jacobian.cols(); ++j) moments.values.push_back(i.jacobian(k, j));
  }
  return {parameters, moments};
}

}  // namespace rf
