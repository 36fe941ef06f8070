// `rainforest calibrate`: prints the best point of a calibration and its fit per moment.
#include <cstdio>

#include "sim/cli/commands.hpp"
#include "sim/config/parameter_path.hpp"
#include "sim/studies/calibrate.hpp"

namespace rf::cli {

int calibrate(const CalibrateOptions& o) {
  const CalibrationReport report = run_calibrate(o);
  if (o.quiet) return 0;
  if (report.already_complete) {
    std::printf("%s is already complete: nothing to resume\n", o.out.c_str());
    return 0;
  }
  const CalibrationResult& r = report.result;
  const Evaluation& best = r.trace[r.best];
  const auto& fit = report.fit.values;
  std::printf("calibrated %zu parameter(s) to %zu moment(s) in %zu evaluations from %zu start(s) (%zu runs each, %.1f s)\n",
              r.free.size(), r.targets.size(), r.trace.size(), r.start_best.size(), o.runs, report.seconds);
  if (r.start_best.size() > 1) {
    std::printf("minimum of each start (distance, then the free parameters in order):\n");
    for (std::size_t s = 0; s < r.start_best.size(); ++s) {
      const Evaluation& e = r.trace[r.start_best[s]];
      std::printf("  start %zu: %.4g at", s, e.distance);
      for (std::size_t j = 0; j < r.free.size(); ++j) {
        std::printf(" %s", override_target(r.best_scenario, r.free[j].path).format_value(e.parameters[j]).c_str());
      }
      std::printf("\n");
    }
  }
  std::printf("best distance %.4g at evaluation %zu:\n", best.distance, r.best);
  for (std::size_t j = 0; j < r.free.size(); ++j) {
    std::printf("  %-44s %s\n", r.free[j].path.c_str(),
                override_target(r.best_scenario, r.free[j].path).format_value(best.parameters[j]).c_str());
  }
  std::printf("%-24s %14s %12s %14s %8s\n", "moment", "target", "tolerance", "simulated", "z");
  for (std::size_t t = 0; t < r.targets.size(); ++t) {
    std::printf("%-24s %14.6g %12.4g %14.6g %8.2f\n", r.targets[t].name.c_str(), fit[t * 4], fit[t * 4 + 1], fit[t * 4 + 2],
                fit[t * 4 + 3]);
  }
  if (report.inference) {
    const CalibrationInference& c = *report.inference;
    const MsmInference& i = c.msm;
    std::printf(
        "inference (method of simulated moments, %zu moments; %zu without a standard_error use their tolerance as one):\n",
        c.moments.size(), c.tolerance_as_error.size());
    for (std::size_t j = 0; j < c.parameters.size(); ++j) {
      const auto k = static_cast<Eigen::Index>(j);
      std::printf("  %-44s %12.6g  se %10.4g\n", c.parameters[j].c_str(), i.theta(k), i.standard_errors(k));
    }
    if (i.j_degrees > 0) {
      std::printf("  Hansen's J = %.3g, chi-squared(%td): p = %.3g\n", i.j_statistic, i.j_degrees, i.j_p_value);
    } else {
      std::printf("  J test: none (as many moments as parameters)\n");
    }
    std::printf("  identification: rank %td of %zu, condition number %.3g\n", i.rank, c.parameters.size(), i.condition_number);
    for (const std::size_t j : i.weakly_identified)
      std::printf("  NOT IDENTIFIED by these moments: %s\n", c.parameters[j].c_str());
  }
  std::printf("wrote %s and %s\n", o.out.c_str(), report.scenario_out.c_str());
  return 0;
}

}  // namespace rf::cli
